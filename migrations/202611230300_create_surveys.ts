import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// The survey engine (docs/decisions/016-survey-engine.md): a survey has
// versions whose content is one validated JSON document; a response keeps the
// version it answered; answers are rows keyed by a question's stable key, so
// waves can be compared year on year. Nothing about the respondent's device,
// address or account is stored with a response. Also the email outbox.

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("survey")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("audience", "text", (c) =>
      c.notNull().check(sql`audience in ('parent_carer','young_person','practitioner')`),
    )
    .addColumn("purpose", "text", (c) => c.notNull().defaultTo("annual").check(sql`purpose in ('annual','revisit')`))
    .addColumn("access", "text", (c) => c.notNull().defaultTo("open_link").check(sql`access in ('open_link','invite_only')`))
    // open and closed are not stored: they follow from the times and the clock (app/surveys/window.ts).
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','scheduled','archived')`))
    .addColumn("opens_at", "timestamptz")
    .addColumn("closes_at", "timestamptz")
    // Waves of the same survey share a series ("parent-carer-annual") and differ in wave ("2026").
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("wave", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("duplicated_from", "uuid", (c) => c.references("survey.id").onDelete("set null"))
    .addColumn("current_version_id", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("survey_window_order", sql`opens_at is null or closes_at is null or closes_at > opens_at`)
    .addCheckConstraint("survey_scheduled_has_window", sql`status <> 'scheduled' or (opens_at is not null and closes_at is not null)`)
    .execute();

  await db.schema
    .createTable("survey_version")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("survey_id", "uuid", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("definition", "jsonb", (c) => c.notNull())
    // Set when the survey opens (or the first response starts): from then on it never changes.
    .addColumn("locked_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("survey_version_number", ["survey_id", "number"])
    .execute();

  await db.schema
    .alterTable("survey")
    .addForeignKeyConstraint("survey_current_version_fk", ["current_version_id"], "survey_version", ["id"])
    .onDelete("set null")
    .execute();

  // Single-use codes for invite-only surveys. Only a hash is kept: the code is shown once.
  await db.schema
    .createTable("survey_invitation")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("survey_id", "uuid", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("survey_invitation_survey").on("survey_invitation").column("survey_id").execute();

  await db.schema
    .createTable("survey_response")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("survey_id", "uuid", (c) => c.notNull().references("survey.id").onDelete("cascade"))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("survey_version.id").onDelete("restrict"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft','submitted')`))
    // Given on submit ("SV-7KQ3-M9XP"): what the respondent can quote.
    .addColumn("reference", "text", (c) => c.unique())
    // sha256 of the "save and come back later" code.
    .addColumn("resume_code_hash", "text", (c) => c.unique())
    .addColumn("invitation_id", "uuid", (c) => c.unique().references("survey_invitation.id").onDelete("set null"))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("en-GB"))
    .addColumn("format", "text", (c) => c.notNull().defaultTo("standard").check(sql`format in ('standard','easy_read')`))
    .addColumn("last_page", "text")
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("submitted_at", "timestamptz")
    // "About you", copied from the answers on submit so analysis can break down without joins.
    .addColumn("district", "text")
    .addColumn("age_band", "text")
    .addColumn("support_level", "text")
    .addColumn("completed_by", "text")
    .addCheckConstraint("survey_response_submitted", sql`(status = 'submitted') = (submitted_at is not null and reference is not null)`)
    .execute();
  await db.schema.createIndex("survey_response_survey_status").on("survey_response").columns(["survey_id", "status"]).execute();

  await db.schema
    .createTable("survey_answer")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("survey_response.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    // A string, or an array of strings for multiple choice.
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_answer_pk", ["response_id", "question_key"])
    .execute();

  // Email goes into the outbox in the same transaction as the change that caused it;
  // a worker delivers it (app/email). The address is blanked once the message is sent.
  await db.schema
    .createTable("outbox")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending','sent','failed')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("survey_answer").execute();
  await db.schema.dropTable("survey_response").execute();
  await db.schema.dropTable("survey_invitation").execute();
  await db.schema.alterTable("survey").dropConstraint("survey_current_version_fk").execute();
  await db.schema.dropTable("survey_version").execute();
  await db.schema.dropTable("survey").execute();
}
