import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Drawings, photos and recordings sent with feedback at /feedback
// (docs/decisions/022-feedback-uploads.md). The bytes live in the database: saved in the
// same transaction as the item, erased with it (on delete cascade), and the same on PGlite
// and PostgreSQL. An upload kept while the person puts a mistake right has no item yet:
// it carries a hash of a random token instead, and is deleted after a day if never sent.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("feedback_attachment")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("feedback_item_id", "uuid", (c) => c.references("feedback_item.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('drawing','photo','audio','video')`))
    // The type found in the file's own bytes, never the one the browser or the name claimed.
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull().check(sql`byte_size > 0`))
    .addColumn("content", "bytea", (c) => c.notNull())
    // SHA-256 of the token in the form's hidden field, while the upload waits for its item.
    .addColumn("pending_token", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Either attached to an item or waiting with a token: never both, never neither.
  await sql`alter table feedback_attachment add constraint feedback_attachment_item_or_pending
    check ((feedback_item_id is null) <> (pending_token is null))`.execute(db);
  await sql`alter table feedback_attachment add constraint feedback_attachment_size_matches
    check (byte_size = octet_length(content))`.execute(db);
  await db.schema.createIndex("feedback_attachment_by_item").on("feedback_attachment").columns(["feedback_item_id"]).execute();
  await db.schema
    .createIndex("feedback_attachment_pending_by_age")
    .on("feedback_attachment")
    .columns(["created_at"])
    .where(sql.ref("feedback_item_id"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("feedback_attachment").execute();
}
