import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Ofsted/CQC re-visits (docs/decisions/017-revisits.md): a re-visit holds its
// notification date (day −10), the timeline computed from it in working days, any
// officer's overrides with reasons, and the parents' survey (purpose 'revisit').
// The parent carer forum's review is kept whole: comments, suggested wording, the
// officer's reply, and each sign-off with a fingerprint of the questions it approved.

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("revisit")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("notified_on", "date", (c) => c.notNull())
    // What the officer typed: the notification date or the first day on site.
    .addColumn("entered_as", "text", (c) => c.notNull().check(sql`entered_as in ('notified','onsite')`))
    .addColumn("entered_date", "date", (c) => c.notNull())
    // The dates computed from the bank holidays known at the time: { notified, evidence, opens, closes, onsite }.
    .addColumn("computed", "jsonb", (c) => c.notNull())
    // { milestone: { date, reason, by, at } }
    .addColumn("overrides", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Set when a change to the bank holidays moved a date that could not simply follow.
    .addColumn("flag", "text")
    .addColumn("survey_id", "uuid", (c) => c.notNull().unique().references("survey.id").onDelete("restrict"))
    .addColumn("meeting_when", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("meeting_where", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("revisit_event")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("revisit_id", "uuid", (c) => c.notNull().references("revisit.id").onDelete("cascade"))
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("revisit_event_by_revisit").on("revisit_event").columns(["revisit_id", "at"]).execute();

  await db.schema
    .createTable("revisit_comment")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("revisit_id", "uuid", (c) => c.notNull().references("revisit.id").onDelete("cascade"))
    // null: about the survey as a whole.
    .addColumn("question_key", "text")
    .addColumn("author_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("suggestion", "text")
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open").check(sql`state in ('open','accepted','rejected')`))
    .addColumn("reply", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("resolved_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("revisit_comment_by_revisit").on("revisit_comment").columns(["revisit_id", "created_at"]).execute();

  await db.schema
    .createTable("revisit_signoff")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("revisit_id", "uuid", (c) => c.notNull().references("revisit.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    // A fingerprint of the survey definition signed off: a later change makes the sign-off stale.
    .addColumn("definition_hash", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("revisit_signoff").execute();
  await db.schema.dropTable("revisit_comment").execute();
  await db.schema.dropTable("revisit_event").execute();
  await db.schema.dropTable("revisit").execute();
}
