/**
 * Quotes for a wave's published findings (docs/decisions/030-free-text-coding.md). An
 * officer chooses an answer as a quote after reading it with names, email addresses and
 * phone numbers taken out (app/analysis/redact.ts); only those redacted words are stored.
 * A quote whose answer is later flagged for safeguarding is never listed again: the flag
 * is checked each time the quotes are read.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { answerNotFlagged } from "../safeguarding/safeguarding.server";
import { findReadableAnswer, type AnswerKey } from "./free-text.server";
import { redact } from "./redact";

type Db = Kysely<Database>;

export interface QuotePreview {
  /** The answer as it would be published. */
  text: string;
  /** How many names, emails and phone numbers were taken out. */
  removed: number;
  language: string;
  /** Already chosen: its stored (redacted) words. */
  chosen: boolean;
}

/** The answer as a quote would have it; undefined if it cannot be quoted (not here, flagged, removed). */
export async function previewQuote(db: Db, key: AnswerKey & { textQuestions: readonly string[] }): Promise<QuotePreview | undefined> {
  const answer = await findReadableAnswer(db, key);
  if (!answer) return undefined;
  const existing = await db
    .selectFrom("analysis_quote")
    .select(["text", "removed"])
    .where("response_id", "=", key.responseId)
    .where("question_key", "=", key.questionKey)
    .executeTakeFirst();
  if (existing) return { text: existing.text, removed: existing.removed, language: answer.language, chosen: true };
  const redacted = redact(answer.text.trim());
  return { text: redacted.text, removed: redacted.removed, language: answer.language, chosen: false };
}

/**
 * Stores the answer as a quote, redacted now from the words held now (never from
 * anything posted). Choosing it again changes nothing.
 */
export async function chooseQuote(
  db: Db,
  input: AnswerKey & { textQuestions: readonly string[]; by: ChangedBy; now: Date },
): Promise<{ ok: true; changed: boolean; removed: number } | { ok: false; reason: "not-found" }> {
  return inTransaction(db, async (trx) => {
    const answer = await findReadableAnswer(trx, input);
    if (!answer) return { ok: false, reason: "not-found" } as const;
    const redacted = redact(answer.text.trim());
    const inserted = await trx
      .insertInto("analysis_quote")
      .values({
        survey_id: input.surveyId,
        response_id: input.responseId,
        question_key: input.questionKey,
        text: redacted.text,
        removed: redacted.removed,
        language: answer.language,
        chosen_by: input.by.userId,
        chosen_at: input.now,
      })
      .onConflict((oc) => oc.columns(["response_id", "question_key"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: true, changed: false, removed: redacted.removed } as const;
    await recordAudit(trx, {
      userId: input.by.userId,
      action: "analysis.quote-chosen",
      subjectType: "analysis_quote",
      subjectId: inserted.id,
      // Never the words: the audit log is read by admins who may not read answers.
      details: { surveyId: input.surveyId, responseId: input.responseId, questionKey: input.questionKey, removed: redacted.removed },
      requestId: input.by.requestId,
    });
    return { ok: true, changed: true, removed: redacted.removed } as const;
  });
}

/** Takes a quote of this survey off the list for the published findings. */
export async function removeQuote(db: Db, { surveyId, id, by }: { surveyId: string; id: string; by: ChangedBy }): Promise<{ ok: boolean }> {
  if (!isUuid(surveyId) || !isUuid(id)) return { ok: false };
  return inTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom("analysis_quote")
      .where("id", "=", id)
      .where("survey_id", "=", surveyId)
      .returning(["id", "response_id", "question_key"])
      .executeTakeFirst();
    if (!removed) return { ok: false };
    await recordAudit(trx, {
      userId: by.userId,
      action: "analysis.quote-removed",
      subjectType: "analysis_quote",
      subjectId: removed.id,
      details: { surveyId, responseId: removed.response_id, questionKey: removed.question_key },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}

export interface Quote {
  id: string;
  questionKey: string;
  /** Redacted when chosen: safe to publish as it is. */
  text: string;
  /** How many names, emails and phone numbers redaction took out. */
  removed: number;
  /** The language the family answered in (en-GB, ur, pl), for the page's lang attribute. */
  language: string;
  chosenAt: Date;
  chosenBy: string | null;
  /** The response's reference, for officers to find the answer ("SV-7KQ3-M9XP"); never publish it. */
  reference: string | null;
}

/**
 * A wave's quotes for its published findings, in the order they were chosen. Never one
 * whose answer has been flagged for safeguarding since (checked here, at every read).
 */
export async function listQuotes(db: Db, surveyId: string): Promise<Quote[]> {
  if (!isUuid(surveyId)) return [];
  const rows = await db
    .selectFrom("analysis_quote")
    .leftJoin("app_user", "app_user.id", "analysis_quote.chosen_by")
    .innerJoin("survey_response", "survey_response.id", "analysis_quote.response_id")
    .select([
      "analysis_quote.id",
      "analysis_quote.question_key",
      "analysis_quote.text",
      "analysis_quote.removed",
      "analysis_quote.language",
      "analysis_quote.chosen_at",
      "app_user.name as chosen_by",
      "survey_response.reference",
    ])
    .where("analysis_quote.survey_id", "=", surveyId)
    .where(answerNotFlagged("analysis_quote"))
    .orderBy("analysis_quote.chosen_at")
    .orderBy("analysis_quote.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    questionKey: r.question_key,
    text: r.text,
    removed: r.removed,
    language: r.language,
    chosenAt: r.chosen_at,
    chosenBy: r.chosen_by,
    reference: r.reference,
  }));
}
