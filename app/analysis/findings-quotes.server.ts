/**
 * The quotes a findings page may use: those an officer chose on the free-text page
 * (stored already redacted), never one whose answer has been flagged for safeguarding.
 * The free-text part (docs/decisions/030) keeps them; until it is part of the portal,
 * a wave has no quotes and the builder says so.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { QuoteLike } from "./findings";

export async function listFindingsQuotes(_db: Kysely<Database>, _surveyId: string): Promise<QuoteLike[]> {
  return [];
}
