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
      readEnv({ EMAIL_TRANSPORT: "sendgrid", SMTP_URL: "http://user:secret@mail", EMAIL_FROM: "no-reply", OUTBOX_INTERVAL_MS: "soon" });
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

  it("needs a Notify key and template to send through GOV.UK Notify", () => {
    let message = "";
    try {
      readEnv({ EMAIL_TRANSPORT: "notify" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("NOTIFY_API_KEY is required when EMAIL_TRANSPORT is notify");
    expect(message).toContain("NOTIFY_TEMPLATE_ID is required when EMAIL_TRANSPORT is notify");

    const key = "portal_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
    const template = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    expect(readEnv({ EMAIL_TRANSPORT: "notify", NOTIFY_API_KEY: key, NOTIFY_TEMPLATE_ID: template })).toMatchObject({
      EMAIL_TRANSPORT: "notify",
      NOTIFY_API_KEY: key,
      NOTIFY_TEMPLATE_ID: template,
    });
    const own = "a1b2c3d4-e5f6-4a5b-8c9d-0e1f2a3b4c5d";
    const env = readEnv({
      EMAIL_TRANSPORT: "notify",
      NOTIFY_API_KEY: key,
      NOTIFY_TEMPLATE_ID: template,
      NOTIFY_TEMPLATES: JSON.stringify({ "safeguarding.new-item": own }),
      NOTIFY_BASE_URL: "https://api.notifications.service.gov.uk",
    });
    expect(env.NOTIFY_TEMPLATES).toEqual({ "safeguarding.new-item": own });
    expect(env.NOTIFY_BASE_URL).toBe("https://api.notifications.service.gov.uk");
  });

  it("refuses a partial Notify key without echoing it, and template IDs that are not IDs", () => {
    let message = "";
    try {
      readEnv({
        EMAIL_TRANSPORT: "notify",
        NOTIFY_API_KEY: "3d844edf-8d35-48ac-975b-e847b4f122b0",
        NOTIFY_TEMPLATE_ID: "resume-link",
        NOTIFY_TEMPLATES: "{safeguarding.new-item: abc}",
        NOTIFY_BASE_URL: "api.notifications.service.gov.uk",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("NOTIFY_API_KEY must be the whole API key from Notify");
    expect(message).toContain("NOTIFY_TEMPLATE_ID must be a template ID from Notify (a UUID)");
    expect(message).toContain('NOTIFY_TEMPLATES must be JSON, like {"safeguarding.new-item":"<template ID>"}');
    expect(message).toContain("NOTIFY_BASE_URL must start with https://");
    expect(message).not.toContain("3d844edf");
    expect(() => readEnv({ NOTIFY_TEMPLATES: '{"safeguarding.new-item":"abc"}' })).toThrowError(
      /NOTIFY_TEMPLATES.safeguarding.new-item must be a template ID from Notify/,
    );
  });
});
