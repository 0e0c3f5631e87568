import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Data protection (docs/decisions/023-data-protection.md): when a feedback item's words and
// contact details were removed, by the retention sweep or on a person's request. The item
// itself stays (status, dates, working group, themes, areas of concern) so counts survive.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("feedback_item").addColumn("anonymised_at", "timestamptz").execute();
  // The sweep looks for old items not yet anonymised.
  await sql`create index feedback_item_to_anonymise on feedback_item (created_at) where anonymised_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("feedback_item_to_anonymise").execute();
  await db.schema.alterTable("feedback_item").dropColumn("anonymised_at").execute();
}
