import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Working groups' progress on the improvement plan (docs/decisions/018-working-groups-progress.md):
// each update a group records on a task (its date, RAG, outcome and an evidence link) is kept,
// so the public page can show the history like the written statement of action's delivery update.
// The task's own rag/outcome stay the current position; the update that set them is the newest.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("task_update")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("task_id", "integer", (c) => c.notNull().references("task.id").onDelete("cascade"))
    // The day the update describes, as the group gave it: never in the future (app/working-groups/progress.ts).
    .addColumn("at", "date", (c) => c.notNull())
    .addColumn("rag", "text", (c) => c.notNull().check(sql`rag in ('red','amber','green','blue','not_started')`))
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`length(outcome) between 1 and 2000`))
    // Shown to the public as a link: only http(s), checked again here so no other scheme can get in.
    .addColumn("evidence_url", "text", (c) =>
      c.check(sql`evidence_url is null or (length(evidence_url) <= 500 and evidence_url ~* '^https?://')`),
    )
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("task_update_by_task").on("task_update").columns(["task_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("task_update").execute();
}
