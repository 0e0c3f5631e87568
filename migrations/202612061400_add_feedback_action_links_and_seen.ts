import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Issue 6, the last gaps of the feedback loop (docs/decisions/034-feedback-actions-news-and-yswd-by-group.md):
//
// 1. Feedback linked to improvement-plan actions, beside its areas of concern and tasks
//    (202611230800), shaped the same way: both ends cascade. Anonymising an item keeps its
//    row, and so its links (the counts stay right).
// 2. Who has opened which item since it came to them, so the inbox can mark what is new to
//    each person. Items already waiting when this runs are recorded as seen by everyone
//    whose queue holds them: nobody signs in to a banner of old items called "new".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("feedback_item_action")
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    .addColumn("action_id", "integer", (c) => c.notNull().references("action.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("feedback_item_action_pk", ["feedback_item_id", "action_id"])
    .execute();
  // The evidence pack asks "which feedback is about this area's actions?".
  await db.schema.createIndex("feedback_item_action_by_action").on("feedback_item_action").column("action_id").execute();

  await db.schema
    .createTable("feedback_item_seen")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    // The last time this person opened the item: it is new again only if it came to them after.
    .addColumn("seen_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_item_seen_pk", ["user_id", "feedback_item_id"])
    .execute();
  // Erasing or deleting an item looks its rows up by item.
  await db.schema.createIndex("feedback_item_seen_by_item").on("feedback_item_seen").column("feedback_item_id").execute();

  // Open items already waiting: seen by the members of their group, and (not yet given to a
  // group) by officers and admins. Closed ones are never new, so they need no row.
  await sql`insert into feedback_item_seen (user_id, feedback_item_id, seen_at)
    select distinct u.id, i.id, now()
    from feedback_item i
    join app_user u on (
      (i.working_group_id is null and u.role in ('admin', 'officer'))
      or exists (select 1 from user_working_group m where m.user_id = u.id and m.working_group_id = i.working_group_id)
    )
    where i.source = 'general' and i.status in ('received', 'with_group')
    on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("feedback_item_seen").execute();
  await db.schema.dropTable("feedback_item_action").execute();
}
