import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Closing the loop (docs/decisions/024-closing-the-loop.md): the response a working group
// writes to a family, in plain words and, when the feedback came in easy read, in easy
// read too; approved by a lead of the group before the family sees it. Leads are marked
// on the group membership. Families who agreed to contact hear when a task linked to
// their feedback changes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("user_working_group")
    .addColumn("is_lead", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable("feedback_response")
    .addColumn("feedback_item_id", "uuid", (c) => c.primaryKey().references("feedback_item.id").onDelete("cascade"))
    // done: we have done something; will_do: we are going to; cannot_do: we can't, and why.
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in ('done','will_do','cannot_do')`))
    .addColumn("plain", "text", (c) => c.notNull())
    .addColumn("easy_read", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("written_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("written_at", "timestamptz", (c) => c.notNull())
    .addColumn("approved_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("approved_at", "timestamptz")
    .execute();
  await sql`alter table feedback_response add constraint feedback_response_cannot_needs_reason
    check (outcome <> 'cannot_do' or length(btrim(reason)) > 0)`.execute(db);

  // The history learns three new steps: a response written, a response approved (and
  // sent), and a family told that a linked task changed.
  await sql`alter table feedback_event drop constraint feedback_event_kind_check`.execute(db);
  await sql`alter table feedback_event add constraint feedback_event_kind_check
    check (kind in ('status','assigned','note','linked','themes','response_written','response_approved','task_changed'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("feedback_event").where("kind", "in", ["response_written", "response_approved", "task_changed"]).execute();
  await sql`alter table feedback_event drop constraint feedback_event_kind_check`.execute(db);
  await sql`alter table feedback_event add constraint feedback_event_kind_check
    check (kind in ('status','assigned','note','linked','themes'))`.execute(db);
  await db.schema.dropTable("feedback_response").execute();
  await db.schema.alterTable("user_working_group").dropColumn("is_lead").execute();
}
