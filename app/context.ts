import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../db/schema";
import type { Env } from "./env.server";

/** What the server hands every loader and action (server/index.ts builds it). */
export interface PortalContext {
  db: Kysely<Database>;
  env: Env;
  cspNonce: string;
  requestId: string;
  /** The visitor's address (behind a proxy, set TRUST_PROXY so this is the real one). */
  clientIp: string;
  logger: Logger;
  /** Secrets for signing cookies; the first signs, all verify (rotation). */
  cookieSecrets: string[];
  /** "Now" for this request. Tests pass a fixed instant; see docs/decisions/005-time.md. */
  now: () => Date;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalContext {}
}
