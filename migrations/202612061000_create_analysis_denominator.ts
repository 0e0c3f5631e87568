import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// What survey responses are read against (docs/decisions/029-survey-analysis.md): how many
// children and young people had SEN support or an EHC plan in each district, by year
// (the January school census and the SEN2 return). Officers type them in; no child is
// named or counted here, only published totals.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("analysis_denominator")
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn("district_id", "integer", (c) => c.notNull().references("district.id").onDelete("cascade"))
    .addColumn("support_level", "text", (c) => c.notNull().check(sql`support_level in ('sen_support','ehc_plan')`))
    .addColumn("children", "integer", (c) => c.notNull().check(sql`children >= 0 and children <= 10000000`))
    .addColumn("updated_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("analysis_denominator_pk", ["year", "district_id", "support_level"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("analysis_denominator").execute();
}
