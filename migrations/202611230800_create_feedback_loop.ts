import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// The feedback loop's front door (docs/decisions/021-feedback-front-door-and-triage.md): feedback
// about anything at /feedback, in a standard or an easy-read form, with who is writing,
// optionally where and what about, optional contact details given with consent, and a
// target date for the response. Page feedback from the local offer keeps its rows: every
// new column is optional or has a default that describes it ("standard" format).
// Triage (docs/decisions/021-feedback-front-door-and-triage.md): the statuses an item moves through,
// themes, links to areas of concern and tasks, and a history of every step with notes.

/**
 * Words a parent or professional uses about a child: the starting list (202611230700)
 * spoke in the first person ("hurt myself") and missed "he wants to kill himself".
 * Normalised as app/safeguarding/matcher.ts normalises; admins edit the list afterwards.
 */
export const THIRD_PERSON_TERMS = ["himself", "herself", "themselves"]
  .flatMap((self) => ["kill", "killing", "hurt", "hurting", "harm", "harming", "cut", "cutting"].map((verb) => `${verb} ${self}`))
  .concat(["end his life", "end her life", "end their life", "wants to kill", "hits him", "hits her", "beats him", "beats her"]);

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("feedback_item")
    // Who wrote it: a parent or carer, a young person, a professional or someone else.
    .addColumn("respondent", "text", (c) => c.check(sql`respondent in ('parent_carer','young_person','professional','other')`))
    .addColumn("district_id", "integer", (c) => c.references("district.id").onDelete("set null"))
    .addColumn("topic", "text", (c) =>
      c.check(sql`topic in ('local_offer','education','health','social_care','preparing_for_adulthood','partnership','other')`),
    )
    .addColumn("format", "text", (c) =>
      c
        .notNull()
        .defaultTo("standard")
        .check(sql`format in ('standard','easy_read')`),
    )
    // The easy-read face scale: 1 (very unhappy) to 5 (very happy).
    .addColumn("face", "smallint", (c) => c.check(sql`face between 1 and 5`))
    // Contact details only with consent to use them for updates on this item.
    .addColumn("contact_email", "text")
    .addColumn("contact_consent_at", "timestamptz")
    // 20 working days after it arrived (England and Wales bank holidays skipped).
    .addColumn("target_date", "date")
    // Officers' themes ("transport", "waiting times"): free words, kept lower case.
    .addColumn("themes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
  await sql`alter table feedback_item add constraint feedback_item_contact_needs_consent
    check (contact_email is null or contact_consent_at is not null)`.execute(db);
  // Page feedback already uses 'received' and 'closed'; triage adds the steps between.
  await sql`alter table feedback_item add constraint feedback_item_status_known
    check (status in ('received','with_group','responded','closed','signposted'))`.execute(db);
  await db.schema.createIndex("feedback_item_by_status").on("feedback_item").columns(["source", "status", "target_date"]).execute();

  await db.schema
    .createTable("feedback_item_concern")
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    .addColumn("area_of_concern_id", "integer", (c) => c.notNull().references("area_of_concern.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("feedback_item_concern_pk", ["feedback_item_id", "area_of_concern_id"])
    .execute();
  await db.schema
    .createTable("feedback_item_task")
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    .addColumn("task_id", "integer", (c) => c.notNull().references("task.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("feedback_item_task_pk", ["feedback_item_id", "task_id"])
    .execute();
  await db.schema.createIndex("feedback_item_task_by_task").on("feedback_item_task").columns(["task_id"]).execute();

  // Every step of an item's triage, with who took it: the history officers read.
  await db.schema
    .createTable("feedback_event")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("feedback_item_id", "uuid", (c) => c.notNull().references("feedback_item.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('status','assigned','note','linked','themes')`))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("working_group_id", "integer", (c) => c.references("working_group.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("by_user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto("safeguarding_term")
    .values(THIRD_PERSON_TERMS.map((phrase) => ({ phrase })))
    .onConflict((oc: any) => oc.column("phrase").doNothing())
    .execute();

  await db.schema.createIndex("feedback_event_by_item").on("feedback_event").columns(["feedback_item_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("safeguarding_term").where("phrase", "in", THIRD_PERSON_TERMS).execute();
  await db.schema.dropTable("feedback_event").execute();
  await db.schema.dropTable("feedback_item_task").execute();
  await db.schema.dropTable("feedback_item_concern").execute();
  await db.schema.dropIndex("feedback_item_by_status").execute();
  await sql`alter table feedback_item drop constraint feedback_item_status_known`.execute(db);
  await sql`alter table feedback_item drop constraint feedback_item_contact_needs_consent`.execute(db);
  for (const column of [
    "themes",
    "target_date",
    "contact_consent_at",
    "contact_email",
    "face",
    "format",
    "topic",
    "district_id",
    "respondent",
  ]) {
    await db.schema.alterTable("feedback_item").dropColumn(column).execute();
  }
}
