import { z } from "zod";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** NOTIFY_TEMPLATES is JSON; a value that is not JSON is reported like any other problem. */
const jsonText = z.string().transform((value, ctx) => {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be JSON, like {"safeguarding.new-item":"<template ID>"}' });
    return z.NEVER;
  }
});

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    DATA_DIR: z.string().default("./.data"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DEMO_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    TRUST_PROXY: z.string().optional(),
    /** "true" seeds demo data even in production (npm run db:seed -- --demo does the same once). */
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    /**
     * "true" lets a request set the server's clock with an X-Portal-Now header
     * (ISO 8601), so end-to-end tests can stand one second after a survey
     * closes. Refused in production.
     */
    TEST_CLOCK: z.enum(["true", "false"]).optional(),
    /** How the outbox sends email (app/email): "log" only writes that a message went. */
    EMAIL_TRANSPORT: z.enum(["log", "smtp", "notify"]).default("log"),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    /** GOV.UK Notify, for EMAIL_TRANSPORT=notify. The messages never repeat the key. */
    NOTIFY_API_KEY: z
      .string()
      .regex(new RegExp(`^(.*-)?${UUID}-${UUID}$`, "i"), "must be the whole API key from Notify (name-<service ID>-<key ID>)")
      .optional(),
    /** A template whose subject is ((subject)) and message is ((body)); README.md has the text. */
    NOTIFY_TEMPLATE_ID: z.string().uuid("must be a template ID from Notify (a UUID)").optional(),
    /** Templates of their own for some kinds of message: {"kind": "<template ID>"}, each with ((subject)) and ((body)). */
    NOTIFY_TEMPLATES: jsonText.pipe(z.record(z.string().uuid("must be a template ID from Notify (a UUID)"))).optional(),
    /** Notify's production API unless set. */
    NOTIFY_BASE_URL: z.string().regex(/^https?:\/\/[^/]/, "must start with https:// (or http://)").optional(),
    EMAIL_FROM: z
      .string()
      .regex(/^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address, like "SEND Partnership <no-reply@example.org>"')
      .default("SEND Partnership <no-reply@example.org>"),
    /** How often the outbox worker looks for messages to send. */
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  });

export type Env = z.infer<typeof EnvSchema>;

/** Reads and checks the environment; throws one readable message listing every problem. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  const lines = result.success ? [] : result.error.issues.map((i) => `  - ${i.path.join(".")} ${i.message}`);
  // Checked on the raw values so it is reported alongside any other problem.
  if (cleaned.NODE_ENV === "production" && !cleaned.SESSION_SECRET) {
    lines.push("  - SESSION_SECRET is required in production (a random string of 32 or more characters)");
  }
  if (cleaned.NODE_ENV === "production" && cleaned.TEST_CLOCK === "true") {
    lines.push("  - TEST_CLOCK must not be set in production");
  }
  if (cleaned.EMAIL_TRANSPORT === "smtp" && !cleaned.SMTP_URL) {
    lines.push("  - SMTP_URL is required when EMAIL_TRANSPORT is smtp (e.g. smtps://user:password@smtp.example.org:465)");
  }
  if (cleaned.EMAIL_TRANSPORT === "notify" && !cleaned.NOTIFY_API_KEY) {
    lines.push("  - NOTIFY_API_KEY is required when EMAIL_TRANSPORT is notify (the whole key from Notify's API integration page)");
  }
  if (cleaned.EMAIL_TRANSPORT === "notify" && !cleaned.NOTIFY_TEMPLATE_ID) {
    lines.push("  - NOTIFY_TEMPLATE_ID is required when EMAIL_TRANSPORT is notify (a template whose message is ((body)); see README.md)");
  }
  if (!result.success || lines.length) {
    throw new Error(`The portal cannot start: the environment is not right.\n${lines.join("\n")}\nSee README.md, "Configuration".`);
  }
  return result.data;
}
