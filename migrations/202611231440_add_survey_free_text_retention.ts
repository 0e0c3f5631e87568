import { type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Retention for survey answers written in people's own words (docs/decisions/028-safeguarding-languages-file-only-feedback-survey-retention.md):
// when the sweep removed a submitted response's free-text answers. Its choices stay, for counts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("survey_response").addColumn("free_text_removed_at", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("survey_response").dropColumn("free_text_removed_at").execute();
}
