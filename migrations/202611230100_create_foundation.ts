import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// DDL must run on PostgreSQL 15 (production, CI) and on PGlite (PostgreSQL 18).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("area")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("service_name", "text", (c) => c.notNull())
    .addColumn("partnership_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("health_area")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("district")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("health_area_id", "integer", (c) => c.references("health_area.id").onDelete("set null"))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("working_group")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("lead_role", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("area_of_concern")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("number", "integer", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("plain_title", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("action")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("letter", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("lead_role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("success_measures", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("action_working_group")
    .addColumn("action_id", "integer", (c) => c.notNull().references("action.id").onDelete("cascade"))
    .addColumn("working_group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("action_working_group_pk", ["action_id", "working_group_id"])
    .execute();

  await db.schema
    .createTable("action_area")
    .addColumn("action_id", "integer", (c) => c.notNull().references("action.id").onDelete("cascade"))
    .addColumn("area_of_concern_id", "integer", (c) => c.notNull().references("area_of_concern.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("action_area_pk", ["action_id", "area_of_concern_id"])
    .execute();

  await db.schema
    .createTable("task")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("action_id", "integer", (c) => c.notNull().references("action.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("lead_role", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("due_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("due_date", "date")
    .addColumn("outcome", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("rag", "text", (c) =>
      c.notNull().defaultTo("not_started").check(sql`rag in ('red','amber','green','blue','not_started')`),
    )
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("bank_holiday")
    .addColumn("date", "date", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("division", "text", (c) => c.notNull().defaultTo("england-and-wales"))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("organisation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin','officer','group_member','pcf_reviewer','provider')`),
    )
    .addColumn("password_hash", "text")
    .addColumn("organisation_id", "uuid", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("disabled_at", "timestamptz")
    .addColumn("last_login_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db);

  await db.schema
    .createTable("user_working_group")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("working_group_id", "integer", (c) => c.notNull().references("working_group.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("user_working_group_pk", ["user_id", "working_group_id"])
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addColumn("user_agent", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.references("organisation.id").onDelete("set null"))
    .addColumn("working_group_ids", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("reset_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("user_id", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("subject_id", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("request_id", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();

  await db.schema
    .createTable("app_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "app_setting", "audit_log", "rate_limit", "invitation", "session", "user_working_group",
    "app_user", "organisation", "bank_holiday", "task", "action_area", "action_working_group",
    "action", "area_of_concern", "working_group", "district", "health_area", "area",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
