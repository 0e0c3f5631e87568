import { describe, expect, it } from "vitest";
import { readEnv } from "./env.server";

describe("checking the environment at start-up", () => {
  it("has working defaults for a newcomer: embedded database, port 3000", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3000, DATA_DIR: "./.data" });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("lists every problem in one readable message", () => {
    let message = "";
    try {
      readEnv({ NODE_ENV: "production", PORT: "seventy", DATABASE_URL: "mysql://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("The portal cannot start");
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL must start with postgres:// or postgresql://");
    expect(message).toContain("SESSION_SECRET is required in production");
  });

  it("lets tests set the clock, and never in production", () => {
    expect(readEnv({ NODE_ENV: "test", TEST_CLOCK: "true" }).TEST_CLOCK).toBe("true");
    expect(() => readEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), TEST_CLOCK: "true" })).toThrow("TEST_CLOCK must not be set in production");
  });

  it("refuses a short session secret and treats empty variables as unset", () => {
    expect(() => readEnv({ SESSION_SECRET: "short" })).toThrowError(/SESSION_SECRET must be at least 32 characters/);
    expect(readEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("logs email by default, and needs an SMTP address to send through SMTP", () => {
    expect(readEnv({})).toMatchObject({ EMAIL_TRANSPORT: "log", EMAIL_FROM: "SEND Partnership <no-reply@example.org>", OUTBOX_INTERVAL_MS: 5000 });
    expect(() => readEnv({ EMAIL_TRANSPORT: "smtp" })).toThrowError(/SMTP_URL is required when EMAIL_TRANSPORT is smtp/);
    expect(readEnv({ EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtps://user:secret@smtp.example.org:465" })).toMatchObject({ EMAIL_TRANSPORT: "smtp" });
  });

  it("refuses a mistyped transport, SMTP address, sender or interval, without echoing the SMTP password", () => {
    let message = "";
    try {
      readEnv({ EMAIL_TRANSPORT: "notify", SMTP_URL: "http://user:secret@mail", EMAIL_FROM: "no-reply", OUTBOX_INTERVAL_MS: "soon" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("EMAIL_TRANSPORT");
    expect(message).toContain("SMTP_URL must start with smtp:// or smtps://");
    expect(message).toContain('EMAIL_FROM must be an address, like "SEND Partnership <no-reply@example.org>"');
    expect(message).toContain("OUTBOX_INTERVAL_MS");
    expect(message).not.toContain("secret");
    expect(readEnv({ EMAIL_FROM: "portal@example.org" }).EMAIL_FROM).toBe("portal@example.org");
  });
});
