import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { changesBetween, inTransaction, timestamp, type ChangedBy, type Changes } from "./changes.server";
import type { AreaDetailsInput } from "./schemas";

/** The area's one row as the edit form shows it; undefined until the area has been named. */
export async function getAreaDetails(db: Kysely<Database>): Promise<AreaDetailsInput | undefined> {
  const row = await db
    .selectFrom("area")
    .select(["name", "service_name", "partnership_name", "contact_email"])
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return { name: row.name, serviceName: row.service_name, partnershipName: row.partnership_name, contactEmail: row.contact_email };
}

/**
 * Saves the area's name, service name, partnership name and contact email (making
 * the row if there is none yet) and records what changed. Nothing changed: no write.
 */
export async function updateAreaDetails(
  db: Kysely<Database>,
  { details, by, now }: { details: AreaDetailsInput; by: ChangedBy; now: Date },
): Promise<{ changes: Changes }> {
  return inTransaction(db, async (trx) => {
    // One row: lock it so two administrators saving at once are recorded one after the other.
    const row = await trx
      .selectFrom("area")
      .select(["id", "name", "service_name", "partnership_name", "contact_email"])
      .orderBy("id")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    const before: AreaDetailsInput = row
      ? { name: row.name, serviceName: row.service_name, partnershipName: row.partnership_name, contactEmail: row.contact_email }
      : { name: "", serviceName: "", partnershipName: "", contactEmail: "" };
    const changes = changesBetween(before, details);
    if (Object.keys(changes).length === 0) return { changes };
    const values = {
      name: details.name,
      service_name: details.serviceName,
      partnership_name: details.partnershipName,
      contact_email: details.contactEmail,
      updated_at: timestamp(now),
    };
    const id = row
      ? (await trx.updateTable("area").set(values).where("id", "=", row.id).returning("id").executeTakeFirstOrThrow()).id
      : (await trx.insertInto("area").values(values).returning("id").executeTakeFirstOrThrow()).id;
    await recordAudit(trx, {
      userId: by.userId,
      action: "area.details-updated",
      subjectType: "area",
      subjectId: String(id),
      details: changes,
      requestId: by.requestId,
    });
    return { changes };
  });
}
