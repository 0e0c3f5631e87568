import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// The co-production log (docs/decisions/019-co-production-log.md): one row per
// activity where families took part in a decision, with counts (never names),
// the level of participation and who confirmed it, what changed and what did not,
// and how participants were told the outcome. The rules that need more than one
// column (co-production only when families joined from the start; closed only
// once participants were told) live in app/co-production/rules.ts, and the two
// that a row can check on its own are repeated here as a last line of defence.

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coproduction_activity")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("held_on", "date", (c) => c.notNull())
    .addColumn("working_group_id", "integer", (c) => c.references("working_group.id").onDelete("set null"))
    .addColumn("type", "text", (c) =>
      c.notNull().check(sql`type in ('meeting','workshop','survey','focus_group','participation_council_session','board','task_and_finish_group')`),
    )
    .addColumn("decision_open", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("families_joined_stage", "text", (c) => c.notNull().check(sql`families_joined_stage in ('start','options','decision','delivery','review')`))
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('information','consultation','participation','co_production')`))
    // { parent_carer, young_person: { under_11, 11_15, 16_18, 19_25 }, practitioner, other }: counts only.
    .addColumn("participants", "jsonb", (c) => c.notNull())
    // { interpreter, bsl, easy_read, venue_notes }
    .addColumn("accessibility", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("families_said", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("what_changed", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("what_did_not_change_and_why", "text", (c) => c.notNull().defaultTo(""))
    // ["https://…"]
    .addColumn("evidence_links", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("told_outcome_how", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("told_outcome_on", "date")
    .addColumn("level_confirmed_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("level_confirmed_at", "timestamptz")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','published','closed')`))
    .addColumn("published_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("coproduction_only_from_start", sql`level <> 'co_production' or families_joined_stage = 'start'`)
    .addCheckConstraint(
      "coproduction_closed_only_when_told",
      sql`status <> 'closed' or (told_outcome_on is not null and told_outcome_on >= held_on and told_outcome_how <> '')`,
    )
    .execute();
  await db.schema.createIndex("coproduction_activity_by_date").on("coproduction_activity").columns(["held_on"]).execute();

  await db.schema
    .createTable("coproduction_activity_action")
    .addColumn("activity_id", "uuid", (c) => c.notNull().references("coproduction_activity.id").onDelete("cascade"))
    .addColumn("action_id", "integer", (c) => c.notNull().references("action.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("coproduction_activity_action_pk", ["activity_id", "action_id"])
    .execute();

  await db.schema
    .createTable("coproduction_activity_task")
    .addColumn("activity_id", "uuid", (c) => c.notNull().references("coproduction_activity.id").onDelete("cascade"))
    .addColumn("task_id", "integer", (c) => c.notNull().references("task.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("coproduction_activity_task_pk", ["activity_id", "task_id"])
    .execute();

  // Linking feedback (issue 6, point 2) comes later, in its own migration:
  // coproduction_activity_feedback (activity_id → coproduction_activity, feedback_id → the
  // feedback table that part creates), shaped like the two tables above.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("coproduction_activity_task").execute();
  await db.schema.dropTable("coproduction_activity_action").execute();
  await db.schema.dropTable("coproduction_activity").execute();
}
