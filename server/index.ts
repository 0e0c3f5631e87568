import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pino } from "pino";
import { pinoHttp } from "pino-http";
import { readEnv } from "../app/env.server";
import { senderFromEnv } from "../app/email/senders.server";
import { startOutboxWorker } from "../app/email/worker.server";
import { startRetentionWorker } from "../app/privacy/worker.server";
import type { PortalContext } from "../app/context";
import { boot } from "./boot";
import { demoAccounts } from "../db/seed/demo-accounts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let env;
try {
  env = readEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = pino({
  level: env.LOG_LEVEL,
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
});

const booted = await boot(env);
const build = (await import(path.join(root, "build/index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (env.TRUST_PROXY) app.set("trust proxy", env.TRUST_PROXY);

app.use(
  pinoHttp({
    logger,
    genReqId(req, res) {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false },
  }),
);

// A path that cannot be decoded is the visitor's mistake, not ours: 400, never 500.
app.use((req, res, next) => {
  try {
    decodeURIComponent(req.path);
    next();
  } catch {
    req.log.warn({ path: req.originalUrl }, "undecodable path");
    res.status(400).type("html").send(plainPage("Page not found", "The address is not valid. Check it and try again."));
  }
});

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(env.NODE_ENV === "production" ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    frameguard: { action: "deny" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: env.NODE_ENV === "production",
  }),
);

// Bodies over this are refused before anything reads them. Form fields have
// their own, much smaller limits in each schema.
const MAX_BODY_BYTES = 12 * 1024 * 1024;
// The feedback forms take a recording of up to 25 MB (docs/decisions/022-feedback-uploads.md).
// Up to this, a file over its limit is read and dropped, and the form comes back with what
// was typed and "the file is too large"; past it, the post is refused here.
const FEEDBACK_UPLOAD_BODY_BYTES = 64 * 1024 * 1024;
const FEEDBACK_UPLOAD_PATHS = new Set(["/feedback", "/feedback/easy-read"]);
app.use((req, res, next) => {
  const length = Number(req.headers["content-length"] ?? 0);
  const limit = req.method === "POST" && FEEDBACK_UPLOAD_PATHS.has(req.path) ? FEEDBACK_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
  if (length > limit) {
    req.log.warn({ length }, "request body too large");
    res.status(413).type("html").send(plainPage("Too much information sent", "What you sent was too large. Go back, shorten it and try again."));
    return;
  }
  next();
});

// A file sent with feedback carries its own, stricter headers (a sandbox policy and nosniff,
// docs/decisions/022-feedback-uploads.md): the page policy above would be a second one beside it.
const ATTACHMENT_PATH = /^\/admin\/feedback\/[^/]+\/attachments\//;
app.use((req, res, next) => {
  if (ATTACHMENT_PATH.test(req.path)) {
    res.removeHeader("Content-Security-Policy");
    res.removeHeader("X-Content-Type-Options");
  }
  next();
});

app.use(compression());
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use("/fonts", express.static(path.join(root, "public/fonts"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

/** The real clock; or, in tests with TEST_CLOCK=true, the instant in the X-Portal-Now header. */
function clockFor(req: express.Request): () => Date {
  if (env!.TEST_CLOCK === "true") {
    const header = req.get("x-portal-now");
    const fixed = header ? new Date(header) : undefined;
    if (fixed && !Number.isNaN(fixed.getTime())) return () => fixed;
  }
  return () => new Date();
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV === "production" ? "production" : build.mode,
    getLoadContext: (req, res): AppLoadContext => ({
      db: booted.handle.db,
      env: env!,
      cspNonce: res.locals.cspNonce as string,
      requestId: String(req.id),
      clientIp: req.ip ?? "unknown",
      logger: req.log,
      cookieSecrets: booted.cookieSecrets,
      now: clockFor(req),
    }) satisfies PortalContext,
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  const address = `http://localhost:${env!.PORT}`;
  const lines = [`The portal is running at ${address}`, `Database: ${booted.handle.engine === "pglite" ? `embedded (PGlite) in ${env!.DATA_DIR}` : "PostgreSQL"}`];
  if (booted.demo.present && !booted.demo.password && env!.NODE_ENV !== "production") {
    lines.push("", `Demo staff accounts: ${demoAccounts.map((a) => a.email).join(", ")}.`);
    lines.push("  Their password was printed when the demo data was first made. To choose a new one: DEMO_PASSWORD=… npm start");
  }
  if (booted.demo.password) {
    lines.push("", `Demo staff accounts (sign in at ${address}/login):`);
    for (const account of demoAccounts) lines.push(`  ${account.email.padEnd(28)} ${account.description}`);
    lines.push(`  Password for all: ${booted.demo.password}${booted.demo.passwordGenerated ? " (generated; set DEMO_PASSWORD to choose one)" : ""}`);
  }
  console.log(lines.join("\n"));
});

const stopOutbox = startOutboxWorker({
  db: booted.handle.db,
  sender: senderFromEnv(env, logger),
  logger: logger.child({ part: "outbox" }),
  intervalMs: env.OUTBOX_INTERVAL_MS,
  from: env.EMAIL_FROM,
});

// Anonymises feedback past the retention setting (docs/decisions/023-data-protection.md).
const stopRetention = startRetentionWorker({ db: booted.handle.db, logger: logger.child({ part: "retention" }) });

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  // A send in progress finishes (and is recorded) before the database closes.
  await stopOutbox();
  await stopRetention();
  await booted.handle.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

function plainPage(title: string, message: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="/">Go to the home page</a></p></main></body></html>`;
}
