import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Published findings for a survey wave (issue 7, point 6; docs/decisions/032-published-findings.md):
// one row per wave, holding the officer's draft (words and an ordered list of blocks) and,
// once published, a snapshot of exactly what families see. The snapshot holds suppressed
// figures only (never a raw count below the threshold), so the public page reads nothing else.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey_findings")
    .addColumn("survey_id", "uuid", (c) => c.primaryKey().references("survey.id").onDelete("cascade"))
    .addColumn("title_plain", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("title_easy_read", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary_plain", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("summary_easy_read", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("blocks", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("published", "jsonb")
    .addColumn("published_at", "timestamptz")
    .addColumn("published_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    // A published snapshot always has its date, and an unpublished row has neither.
    .addCheckConstraint("survey_findings_published_pair", sql`(published is null) = (published_at is null)`)
    .execute();
  // The public list of findings reads only published rows, newest first.
  await db.schema.createIndex("survey_findings_published_at").on("survey_findings").column("published_at").where(sql.ref("published_at"), "is not", null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_findings").execute();
}
