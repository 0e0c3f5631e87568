import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { changesBetween, inTransaction, parseId, type ChangedBy, type Changes, type WriteResult } from "./changes.server";
import type { WorkingGroupInput } from "./schemas";

export async function listWorkingGroups(db: Kysely<Database>) {
  return db
    .selectFrom("working_group")
    .select(["id", "slug", "number", "name", "purpose", "lead_role"])
    .orderBy("number")
    .execute();
}

export async function getWorkingGroup(db: Kysely<Database>, id: string | number) {
  const groupId = parseId(id);
  if (groupId === undefined) return undefined;
  return db
    .selectFrom("working_group")
    .select(["id", "slug", "number", "name", "purpose", "lead_role"])
    .where("id", "=", groupId)
    .executeTakeFirst();
}

/** Changes a group's name, purpose and lead role title. Its number and slug stay as they are. */
export async function updateWorkingGroup(
  db: Kysely<Database>,
  { id, group, by }: { id: number; group: WorkingGroupInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("working_group")
      .select(["name", "purpose", "lead_role"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    const changes = changesBetween(
      { name: row.name, purpose: row.purpose, leadRole: row.lead_role },
      { name: group.name, purpose: group.purpose, leadRole: group.leadRole },
    );
    if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
    await trx
      .updateTable("working_group")
      .set({ name: group.name, purpose: group.purpose, lead_role: group.leadRole })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "working-group.updated",
      subjectType: "working_group",
      subjectId: String(id),
      details: changes,
      requestId: by.requestId,
    });
    return { ok: true, changes } as const;
  });
}
