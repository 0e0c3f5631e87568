import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../../db/schema";
import type { FieldErrors } from "../utils/form-data";

/** Who made a change, for the audit log. */
export interface ChangedBy {
  userId: string | null;
  requestId?: string;
}

/**
 * What a write to the area's data comes back with: done, the thing is not there
 * (the route shows the 404 page), or refused with messages for the form's fields
 * (i18n keys in the "area-admin" namespace; the route answers 400).
 */
export type WriteResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/** What changed, field by field, for the audit log: `{ name: { from: "Old", to: "New" } }`. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields of `after` whose values differ from `before` (lists compare in order: sort them first). */
export function changesBetween<T extends Record<string, unknown>>(before: T, after: { [K in keyof T]?: T[K] }): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (!same(from, to)) changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

/** Runs `fn` in a new transaction, or in the caller's if `db` already is one (Kysely cannot nest them). */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * The name of the unique constraint a PostgreSQL error broke (SQLSTATE 23505), e.g.
 * "district_slug_key", or undefined for any other error. Someone else may have saved
 * the same slug between our check and our write: that is a 400, not a 500.
 */
export function uniqueViolation(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && error.code === "23505") {
    const constraint = "constraint" in error && typeof error.constraint === "string" ? error.constraint : "";
    return constraint || "unknown";
  }
  return undefined;
}

/** True for a foreign key violation (SQLSTATE 23503): something still refers to the row. */
export function foreignKeyViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && error.code === "23503");
}

/** Ids in URLs are positive whole numbers that fit PostgreSQL's integer; anything else matches nothing. */
export function parseId(value: string | number | undefined): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value <= 2_147_483_647 ? value : undefined;
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : undefined;
}

/**
 * "Now" for an updated_at column. The schema types those columns as generated, which
 * Kysely will not take a Date for; this is the request's clock, not the database's.
 */
export function timestamp(date: Date): RawBuilder<any> {
  return sql`${date.toISOString()}::timestamptz`;
}
