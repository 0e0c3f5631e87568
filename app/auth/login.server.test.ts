import { expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { LOGIN_LIMIT_PER_EMAIL, LOGIN_WINDOW_MS, signIn } from "./login.server";
import { hashPassword } from "./password.server";

describeDb("signing in", ({ db }) => {
  const password = "correct horse battery staple";
  let n = 0;
  async function makeUser(options: { disabled?: boolean } = {}) {
    n += 1;
    const email = `person${n}-${Date.now()}@council.example`;
    await db()
      .insertInto("app_user")
      .values({ email, name: "Test", role: "officer", password_hash: await hashPassword(password), disabled_at: options.disabled ? new Date() : null })
      .execute();
    return email;
  }
  const now = new Date("2026-11-23T10:00:00Z");

  it("lets in the right email and password, whatever the email's case", async () => {
    const email = await makeUser();
    const result = await signIn(db(), { email: email.toUpperCase(), password, ip: "10.0.0.1", now });
    expect(result.ok).toBe(true);
  });

  it("answers the same for a wrong password, an unknown email and a turned-off account", async () => {
    const email = await makeUser();
    const disabled = await makeUser({ disabled: true });
    expect(await signIn(db(), { email, password: "wrong", ip: "10.0.0.2", now })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db(), { email: "nobody@council.example", password, ip: "10.0.0.2", now })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db(), { email: disabled, password, ip: "10.0.0.2", now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email for 15 minutes after five wrong passwords, even for the right one, then lets it in", async () => {
    const email = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_EMAIL; i++) {
      expect((await signIn(db(), { email, password: "wrong", ip: "10.0.0.3", now })).ok).toBe(false);
    }
    expect(await signIn(db(), { email, password, ip: "10.0.0.3", now })).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(now.getTime() + LOGIN_WINDOW_MS + 1);
    expect((await signIn(db(), { email, password, ip: "10.0.0.3", now: later })).ok).toBe(true);
  });

  it("throttles unknown emails the same way, so throttling does not reveal which accounts exist", async () => {
    const email = `ghost-${Date.now()}@council.example`;
    for (let i = 0; i < LOGIN_LIMIT_PER_EMAIL; i++) await signIn(db(), { email, password: "x", ip: "10.0.0.4", now });
    expect(await signIn(db(), { email, password: "x", ip: "10.0.0.4", now })).toEqual({ ok: false, reason: "throttled" });
  });

  it("a successful sign-in clears earlier failures", async () => {
    const email = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_EMAIL - 1; i++) await signIn(db(), { email, password: "wrong", ip: "10.0.0.5", now });
    expect((await signIn(db(), { email, password, ip: "10.0.0.5", now })).ok).toBe(true);
    for (let i = 0; i < LOGIN_LIMIT_PER_EMAIL - 1; i++) await signIn(db(), { email, password: "wrong", ip: "10.0.0.5", now });
    expect((await signIn(db(), { email, password, ip: "10.0.0.5", now })).ok).toBe(true);
  });
});
