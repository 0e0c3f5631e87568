import type { AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import { pino } from "pino";
import type { Database, Role } from "../../db/schema";
import { readEnv } from "../../app/env.server";
import { commitSessionCookie, createSession } from "../../app/auth/session.server";
import { commitCsrfToken } from "../../app/security/csrf.server";

/** The context the server would give a loader, around a test database and a fixed clock. */
export function makeContext(db: Kysely<Database>, now: Date = new Date()): AppLoadContext {
  return {
    db,
    env: readEnv({ NODE_ENV: "test" }),
    cspNonce: "test-nonce",
    requestId: "test-request",
    clientIp: "127.0.0.1",
    logger: pino({ level: "silent" }),
    cookieSecrets: ["test-secret-that-is-long-enough-0123456789"],
    now: () => now,
  };
}

let counter = 0;

/** Makes a staff account with the role and returns the Cookie header of a signed-in session. */
export async function signedInAs(
  context: AppLoadContext,
  role: Role,
  options: { workingGroupIds?: number[] } = {},
): Promise<{ userId: string; cookie: string }> {
  counter += 1;
  const user = await context.db
    .insertInto("app_user")
    .values({ email: `${role}-${counter}-${Date.now()}@test.local`, name: `Test ${role}`, role, password_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.workingGroupIds?.length) {
    await context.db
      .insertInto("user_working_group")
      .values(options.workingGroupIds.map((id) => ({ user_id: user.id, working_group_id: id })))
      .execute();
  }
  const token = await createSession(context.db, { userId: user.id, userAgent: "vitest", now: context.now() });
  const setCookie = await commitSessionCookie(context, token);
  return { userId: user.id, cookie: setCookie.split(";")[0]! };
}

/** A CSRF cookie and the matching form token, as the root loader would hand out. */
export async function csrfPair(context: AppLoadContext): Promise<{ cookie: string; token: string }> {
  const [token, setCookie] = await commitCsrfToken(new Request("http://localhost/"), context);
  return { cookie: setCookie!.split(";")[0]!, token };
}
