import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Feedback that is only a file (docs/decisions/028-safeguarding-languages-file-only-feedback-survey-retention.md):
// the word list cannot read a drawing or a recording, so a person must look at it. These
// record who looked and when; until then the item cannot be published or analysed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("feedback_item")
    .addColumn("file_checked_at", "timestamptz")
    .addColumn("file_checked_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .execute();
  await sql`alter table feedback_item add constraint feedback_item_file_checked_by_needs_at
    check (file_checked_by is null or file_checked_at is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table feedback_item drop constraint feedback_item_file_checked_by_needs_at`.execute(db);
  await db.schema.alterTable("feedback_item").dropColumn("file_checked_by").dropColumn("file_checked_at").execute();
}
