import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { clearRateLimit, hitRateLimit, isRateLimited } from "../security/rate-limit.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";

/** Five wrong tries for one email, or fifty from one address, lock sign-in for 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMIT_PER_EMAIL = 5;
export const LOGIN_LIMIT_PER_IP = 50;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" | "throttled" };

/**
 * Checks an email and password. Unknown emails, wrong passwords and disabled
 * accounts all answer "invalid" after the same work, so the answer never says
 * which emails have accounts; throttling counts unknown emails too.
 */
export async function signIn(
  db: Kysely<Database>,
  { email, password, ip, now }: { email: string; password: string; ip: string; now: Date },
): Promise<SignInResult> {
  const emailKey = `login:email:${email.toLowerCase()}`;
  const ipKey = `login:ip:${ip}`;
  if (
    (await isRateLimited(db, { key: emailKey, limit: LOGIN_LIMIT_PER_EMAIL, now })) ||
    (await isRateLimited(db, { key: ipKey, limit: LOGIN_LIMIT_PER_IP, now }))
  ) {
    return { ok: false, reason: "throttled" };
  }

  const user = await db
    .selectFrom("app_user")
    .select(["id", "password_hash", "disabled_at"])
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);

  if (!user || !user.password_hash || user.disabled_at || !passwordOk) {
    await hitRateLimit(db, { key: emailKey, limit: LOGIN_LIMIT_PER_EMAIL, windowMs: LOGIN_WINDOW_MS, now });
    await hitRateLimit(db, { key: ipKey, limit: LOGIN_LIMIT_PER_IP, windowMs: LOGIN_WINDOW_MS, now });
    return { ok: false, reason: "invalid" };
  }
  await clearRateLimit(db, emailKey);
  await db.updateTable("app_user").set({ last_login_at: now }).where("id", "=", user.id).execute();
  return { ok: true, userId: user.id };
}
