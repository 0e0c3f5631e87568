import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { parseThreshold, SUPPRESSION_THRESHOLD_SETTING } from "./suppression";

/** The suppression threshold in force: `app_setting` "suppression_threshold", else 5. */
export async function getSuppressionThreshold(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_setting").select("value").where("key", "=", SUPPRESSION_THRESHOLD_SETTING).executeTakeFirst();
  return parseThreshold(row?.value);
}
