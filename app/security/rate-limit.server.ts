import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  resetAt: Date;
}

/**
 * Counts one hit against `key` in a fixed window, atomically in the database,
 * so every app instance shares the same count.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  { key, limit, windowMs, now }: { key: string; limit: number; windowMs: number; now: Date },
): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + windowMs);
  const row = await db
    .insertInto("rate_limit")
    .values({ key, count: 1, reset_at: resetAt })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limit.reset_at <= ${now} then 1 else rate_limit.count + 1 end`,
        reset_at: sql<Date>`case when rate_limit.reset_at <= ${now} then excluded.reset_at else rate_limit.reset_at end`,
      }),
    )
    .returning(["count", "reset_at"])
    .executeTakeFirstOrThrow();
  return { allowed: row.count <= limit, count: row.count, resetAt: row.reset_at };
}

/** Reads without counting: is `key` already over `limit`? */
export async function isRateLimited(
  db: Kysely<Database>,
  { key, limit, now }: { key: string; limit: number; now: Date },
): Promise<boolean> {
  const row = await db.selectFrom("rate_limit").select(["count", "reset_at"]).where("key", "=", key).executeTakeFirst();
  return row !== undefined && row.reset_at > now && row.count >= limit;
}

export async function clearRateLimit(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("rate_limit").where("key", "=", key).execute();
}
