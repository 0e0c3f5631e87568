import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Co-production activities linked to the feedback that fed into them
// (docs/decisions/027-co-production-feedback-links.md), shaped like the links to actions
// and tasks (202611230600). Both ends cascade: deleting an activity or a feedback item
// takes its links with it. Anonymising an item keeps its row, and so its links.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("coproduction_activity_feedback")
    .addColumn("activity_id", "uuid", (c) => c.notNull().references("coproduction_activity.id").onDelete("cascade"))
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("coproduction_activity_feedback_pk", ["activity_id", "feedback_item_id"])
    .execute();
  // The triage page asks "which activities did this item feed into?".
  await db.schema
    .createIndex("coproduction_activity_feedback_by_item")
    .on("coproduction_activity_feedback")
    .column("feedback_item_id")
    .execute();

  // The item's history learns one more step: it was linked to a co-production activity.
  await sql`alter table feedback_event drop constraint feedback_event_kind_check`.execute(db);
  await sql`alter table feedback_event add constraint feedback_event_kind_check
    check (kind in ('status','assigned','note','linked','themes','response_written','response_approved','task_changed','coproduction_linked'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("feedback_event").where("kind", "=", "coproduction_linked").execute();
  await sql`alter table feedback_event drop constraint feedback_event_kind_check`.execute(db);
  await sql`alter table feedback_event add constraint feedback_event_kind_check
    check (kind in ('status','assigned','note','linked','themes','response_written','response_approved','task_changed'))`.execute(db);
  await db.schema.dropTable("coproduction_activity_feedback").execute();
}
