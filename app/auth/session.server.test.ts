import { expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { makeContext, signedInAs } from "../../tests/setup/context";
import { getSessionUser, requireUser, revokeSession, safeRedirect, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session.server";
import { setUserDisabled } from "./users.server";

const start = new Date("2026-11-23T09:00:00Z");
const request = (cookie: string) => new Request("http://localhost/admin", { headers: { cookie } });

describeDb("staff sessions", ({ db }) => {
  it("knows who is signed in from the cookie", async () => {
    const context = makeContext(db(), start);
    const { userId, cookie } = await signedInAs(context, "officer");
    const user = await getSessionUser(request(cookie), context);
    expect(user?.id).toBe(userId);
    expect(user?.role).toBe("officer");
  });

  it("treats a tampered cookie as signed out", async () => {
    const context = makeContext(db(), start);
    const { cookie } = await signedInAs(context, "admin");
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value!.slice(0, -4)}AAAA`;
    expect(await getSessionUser(request(tampered), context)).toBeNull();
    expect(await getSessionUser(request("__session=garbage"), context)).toBeNull();
  });

  it("ends after 2 hours without use, and after 12 hours in all", async () => {
    const context = makeContext(db(), start);
    const { cookie } = await signedInAs(context, "officer");
    const idle = makeContext(db(), new Date(start.getTime() + SESSION_IDLE_MS + 1000));
    expect(await getSessionUser(request(cookie), idle)).toBeNull();

    let clock = start;
    const active = makeContext(db(), start);
    active.now = () => clock;
    const second = await signedInAs(active, "officer");
    // Used every hour: still signed in at 11 hours, signed out at 12.
    for (let hour = 1; hour <= 11; hour++) {
      clock = new Date(start.getTime() + hour * 60 * 60 * 1000);
      expect(await getSessionUser(request(second.cookie), active)).not.toBeNull();
    }
    clock = new Date(start.getTime() + SESSION_ABSOLUTE_MS);
    expect(await getSessionUser(request(second.cookie), active)).toBeNull();
  });

  it("can be revoked (sign out), and turning an account off ends its sessions at once", async () => {
    const context = makeContext(db(), start);
    const first = await signedInAs(context, "officer");
    const user = await getSessionUser(request(first.cookie), context);
    await revokeSession(db(), user!.sessionId, start);
    expect(await getSessionUser(request(first.cookie), context)).toBeNull();

    const second = await signedInAs(context, "officer");
    await setUserDisabled(db(), { userId: second.userId, disabled: true, now: start });
    expect(await getSessionUser(request(second.cookie), context)).toBeNull();
  });

  it("refuses a role without the permission with 403, and redirects the signed out to sign in", async () => {
    const context = makeContext(db(), start);
    const { cookie } = await signedInAs(context, "provider");
    await expect(requireUser(request(cookie), context, "users.manage")).rejects.toMatchObject({ status: 403 });
    await expect(requireUser(new Request("http://localhost/admin/users?x=1"), context)).rejects.toSatisfy(
      (r: Response) => r.status === 302 && r.headers.get("location") === "/login?redirectTo=%2Fadmin%2Fusers%3Fx%3D1",
    );
  });
});

it("only redirects within the site after sign in", () => {
  expect(safeRedirect("/admin/users")).toBe("/admin/users");
  expect(safeRedirect("//evil.example")).toBe("/admin");
  expect(safeRedirect("https://evil.example")).toBe("/admin");
  expect(safeRedirect("/\\evil.example")).toBe("/admin");
  expect(safeRedirect(null)).toBe("/admin");
});
