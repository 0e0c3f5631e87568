import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Safeguarding (docs/decisions/020-safeguarding.md): a new staff role, the designated
// safeguarding lead; a maintained list of words and phrases that suggest a risk of
// harm; and flags on survey answers and page feedback that only the lead may read.

const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

/**
 * The starting list, already normalised the way app/safeguarding/matcher.ts
 * normalises (lower case, no accents, words separated by one space). English only:
 * Urdu and Polish lists are for a fluent reviewer to add through the admin page.
 */
export const STARTING_TERMS = [
  "self harm",
  "self harming",
  "harming myself",
  "hurt myself",
  "hurting myself",
  "cut myself",
  "cutting myself",
  "suicide",
  "suicidal",
  "kill myself",
  "killing myself",
  "want to die",
  "wants to die",
  "end my life",
  "end it all",
  "better off dead",
  "overdose",
  "abuse",
  "abused",
  "abusing",
  "abusive",
  "neglect",
  "neglected",
  "hits me",
  "hit me",
  "hitting me",
  "beats me",
  "beat me",
  "kicks me",
  "punched me",
  "hurts me",
  "not safe at home",
  "scared to go home",
  "afraid to go home",
  "frightened of him",
  "frightened of her",
  "touched me",
  "touches me",
  "sexual abuse",
  "raped",
  "rape",
  "grooming",
  "groomed",
  "domestic violence",
  "violence",
  "violent",
  "locked in",
  "no food",
  "threatened to kill",
  "knife",
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The role check was written by `.check()` in 202611230100, so PostgreSQL named it.
  await sql`alter table app_user drop constraint app_user_role_check`.execute(db);
  await sql`alter table app_user add constraint app_user_role_check check (role in ('admin','officer','group_member','pcf_reviewer','provider','safeguarding_lead'))`.execute(
    db,
  );

  await db.schema
    .createTable("safeguarding_term")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("phrase", "text", (c) => c.notNull().unique().check(sql`phrase <> '' and length(phrase) <= 100`))
    .addColumn("added_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db
    .insertInto("safeguarding_term")
    .values(STARTING_TERMS.map((phrase) => ({ phrase })))
    .execute();

  await db.schema
    .createTable("safeguarding_flag")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('survey_answer','page_feedback')`))
    .addColumn("response_id", "uuid", (c) => c.references("survey_response.id").onDelete("cascade"))
    .addColumn("question_key", "text")
    .addColumn("feedback_item_id", "uuid", (c) => c.references("feedback_item.id").onDelete("cascade"))
    // ["want to die", …]: the list's phrases that matched; empty for a flag raised by hand.
    .addColumn("matched", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // 'auto' (the word list) or 'person' (raised_by_user_id flagged it by hand).
    .addColumn("raised_by", "text", (c) => c.notNull().check(sql`raised_by in ('auto','person')`))
    .addColumn("raised_by_user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open','in_progress','closed')`))
    .addColumn("closed_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "safeguarding_flag_one_source",
      sql`(source = 'survey_answer' and response_id is not null and question_key is not null and feedback_item_id is null)
       or (source = 'page_feedback' and feedback_item_id is not null and response_id is null and question_key is null)`,
    )
    .execute();
  await db.schema.createIndex("safeguarding_flag_by_status").on("safeguarding_flag").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("safeguarding_flag_by_answer").on("safeguarding_flag").columns(["response_id", "question_key"]).execute();
  await db.schema.createIndex("safeguarding_flag_by_feedback").on("safeguarding_flag").columns(["feedback_item_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("safeguarding_flag").execute();
  await db.schema.dropTable("safeguarding_term").execute();
  // Accounts with the new role cannot stay: the old check would refuse them.
  await db.deleteFrom("app_user").where("role", "=", "safeguarding_lead").execute();
  await sql`alter table app_user drop constraint app_user_role_check`.execute(db);
  await sql`alter table app_user add constraint app_user_role_check check (role in ('admin','officer','group_member','pcf_reviewer','provider'))`.execute(db);
}
