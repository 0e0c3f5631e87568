import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export interface AuditEntry {
  userId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Records who did what in the staff area. Pass a transaction to record it with the change. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      user_id: entry.userId,
      action: entry.action,
      subject_type: entry.subjectType ?? "",
      subject_id: entry.subjectId ?? "",
      details: JSON.stringify(entry.details ?? {}),
      request_id: entry.requestId ?? "",
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, { limit, offset }: { limit: number; offset: number }) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("app_user", "app_user.id", "audit_log.user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details",
      "app_user.email as user_email",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const { count } = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count) };
}
