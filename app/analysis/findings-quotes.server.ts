/**
 * The quotes a findings page may use: those an officer chose on the free-text page, stored
 * already redacted (app/analysis/quotes.server.ts, docs/decisions/030), never one whose
 * answer has been flagged for safeguarding (listQuotes checks at every read).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { QuoteLike } from "./findings";
import { listQuotes } from "./quotes.server";

export async function listFindingsQuotes(db: Kysely<Database>, surveyId: string): Promise<QuoteLike[]> {
  return (await listQuotes(db, surveyId)).map((q) => ({ id: q.id, questionKey: q.questionKey, text: q.text, language: q.language }));
}
