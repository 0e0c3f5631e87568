import { createHash, randomBytes } from "node:crypto";
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";
import { signedCookie } from "../security/cookies.server";
import { httpError } from "../utils/http.server";
import { can, type Permission } from "./roles";

/** A session ends 12 hours after sign-in, or after 2 hours without a request. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, to spare the database a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  workingGroupIds: number[];
  sessionId: string;
}

function sessionCookie(context: AppLoadContext) {
  return signedCookie(context, "__session");
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Kysely<Database>,
  { userId, userAgent, now }: { userId: string; userAgent: string; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("session")
    .values({
      id: hashToken(token),
      user_id: userId,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return token;
}

export async function commitSessionCookie(context: AppLoadContext, token: string): Promise<string> {
  return sessionCookie(context).serialize(token);
}

export async function clearSessionCookie(context: AppLoadContext): Promise<string> {
  return sessionCookie(context).serialize("", { maxAge: 0 });
}

async function readToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const header = request.headers.get("cookie");
  if (!header || !header.includes("__session=")) return null;
  const value = await sessionCookie(context).parse(header);
  if (typeof value !== "string" || value === "") {
    // A cookie whose signature does not match was tampered with or signed by an old secret.
    context.logger.warn("session cookie not valid");
    return null;
  }
  return value;
}

/** The signed-in staff member, or null. Expired, revoked or disabled sessions count as signed out. */
export async function getSessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const token = await readToken(request, context);
  if (!token) return null;
  const now = context.now();
  const id = hashToken(token);
  const row = await context.db
    .selectFrom("session")
    .innerJoin("app_user", "app_user.id", "session.user_id")
    .select([
      "session.id as session_id",
      "session.last_seen_at",
      "session.expires_at",
      "session.revoked_at",
      "app_user.id",
      "app_user.email",
      "app_user.name",
      "app_user.role",
      "app_user.organisation_id",
      "app_user.disabled_at",
    ])
    .where("session.id", "=", id)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) return null;
  if (row.expires_at <= now || row.last_seen_at.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await context.db.updateTable("session").set({ last_seen_at: now }).where("id", "=", id).execute();
  }
  const groups = await context.db
    .selectFrom("user_working_group")
    .select("working_group_id")
    .where("user_id", "=", row.id)
    .execute();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisation_id,
    workingGroupIds: groups.map((g) => g.working_group_id),
    sessionId: row.session_id,
  };
}

/**
 * Guards a staff page. Signed out: redirect to sign in, then back here.
 * Signed in without the permission: 403.
 */
export async function requireUser(
  request: Request,
  context: AppLoadContext,
  permission: Permission = "staff.home",
): Promise<SessionUser> {
  const user = await getSessionUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (!can(user.role, permission)) {
    context.logger.warn({ userId: user.id, permission }, "forbidden");
    throw await httpError(request, 403, "forbidden");
  }
  return user;
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now: Date): Promise<void> {
  await db.updateTable("session").set({ revoked_at: now }).where("id", "=", sessionId).execute();
}

export async function revokeUserSessions(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .updateTable("session")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .execute();
}

/** Only same-site paths: never redirect a signed-in officer to another site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/admin"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
