import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export async function listWorkingGroups(db: Kysely<Database>) {
  return db
    .selectFrom("working_group")
    .select(["id", "slug", "number", "name", "purpose"])
    .orderBy("number")
    .execute();
}
