import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
// "You said, we did" (docs/decisions/025-you-said-we-did-cosign.md): the working group an
// entry came through, and the families' own representative's co-signature — the parent
// carer forum or the young people's participation council — on the words as published.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("you_said_we_did")
    .addColumn("working_group_id", "integer", (c) => c.references("working_group.id").onDelete("set null"))
    .addColumn("cosigned_by", "uuid", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("cosigned_at", "timestamptz")
    .addColumn("cosigned_as", "text", (c) => c.check(sql`cosigned_as in ('parent_carer_forum','participation_council')`))
    .execute();
  await sql`alter table you_said_we_did add constraint you_said_we_did_cosign_whole
    check ((cosigned_at is null) = (cosigned_as is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table you_said_we_did drop constraint you_said_we_did_cosign_whole`.execute(db);
  for (const column of ["cosigned_as", "cosigned_at", "cosigned_by", "working_group_id"]) {
    await db.schema.alterTable("you_said_we_did").dropColumn(column).execute();
  }
}
