import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { parseThreshold, SUPPRESSION_THRESHOLD_SETTING } from "./suppression";

/** The suppression threshold in force: `app_setting` "suppression_threshold", else 5. */
export async function getSuppressionThreshold(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_setting").select("value").where("key", "=", SUPPRESSION_THRESHOLD_SETTING).executeTakeFirst();
  return parseThreshold(row?.value);
}

/** Sets the threshold for every page and file from now on; recorded in the audit log. */
export async function setSuppressionThreshold(db: Kysely<Database>, { threshold, by }: { threshold: number; by: { userId: string; requestId?: string } }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getSuppressionThreshold(trx);
    await trx
      .insertInto("app_setting")
      .values({ key: SUPPRESSION_THRESHOLD_SETTING, value: String(threshold) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(threshold) }))
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "analysis.threshold.changed",
      subjectType: "app_setting",
      subjectId: SUPPRESSION_THRESHOLD_SETTING,
      details: { from: before, to: threshold },
      requestId: by.requestId,
    });
  });
}
