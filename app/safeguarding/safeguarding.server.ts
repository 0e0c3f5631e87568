/**
 * Safeguarding (docs/decisions/020-safeguarding.md): the word list, flags on what
 * families write, and the designated safeguarding lead's queue. The text itself is
 * never copied into a flag, an email or the audit log: the flag points at it, and
 * only the lead's page reads it.
 */
import { sql, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Database, SafeguardingStatus, SafeguardingTermLanguage } from "../../db/schema";
import { inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { enqueueEmail } from "../email/outbox.server";
import { isUuid } from "../feedback/schemas";
import { findTerms, MAX_PHRASE_LENGTH, normalise } from "./matcher";
import { flagStatuses, NOTE_MAX, QUEUE_PATH, REASON_MAX, termLanguages } from "./model";

type Db = Kysely<Database>;

export { flagStatuses, NOTE_MAX, QUEUE_PATH, REASON_MAX, termLanguages } from "./model";

// ---- The word list -------------------------------------------------------------------

/** The list by language (English, Urdu, Polish), then phrase. */
export async function listTerms(db: Db) {
  const rows = await db
    .selectFrom("safeguarding_term")
    .select(["id", "phrase", "written", "language", "created_at"])
    .orderBy("phrase")
    .execute();
  return rows.sort((a, b) => termLanguages.indexOf(a.language) - termLanguages.indexOf(b.language));
}

async function termPhrases(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("safeguarding_term").select("phrase").orderBy("phrase").execute();
  return rows.map((r) => r.phrase);
}

export type TermError = "empty" | "too-long" | "duplicate";

/**
 * Adds a word or phrase in a language: kept as written (spaces tidied) for people to read,
 * and normalised as the key that must be unique. Refuses an empty, too long or repeated one.
 */
export async function addTerm(
  db: Db,
  { phrase, language, by }: { phrase: string; language: SafeguardingTermLanguage; by: ChangedBy },
): Promise<{ ok: true; phrase: string } | { ok: false; error: TermError }> {
  const normalised = normalise(phrase);
  const written = phrase.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (normalised === "") return { ok: false, error: "empty" };
  if (normalised.length > MAX_PHRASE_LENGTH || phrase.length > MAX_PHRASE_LENGTH * 4) return { ok: false, error: "too-long" };
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto("safeguarding_term")
      .values({ phrase: normalised, written, language, added_by: by.userId })
      .onConflict((oc) => oc.column("phrase").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, error: "duplicate" } as const;
    await recordAudit(trx, {
      userId: by.userId,
      action: "safeguarding.term-added",
      subjectType: "safeguarding_term",
      subjectId: inserted.id,
      details: { phrase: normalised, language },
      requestId: by.requestId,
    });
    return { ok: true, phrase: written } as const;
  });
}

export async function removeTerm(db: Db, { id, by }: { id: string; by: ChangedBy }): Promise<{ ok: boolean }> {
  if (!isUuid(id)) return { ok: false };
  return inTransaction(db, async (trx) => {
    const removed = await trx.deleteFrom("safeguarding_term").where("id", "=", id).returning(["id", "phrase"]).executeTakeFirst();
    if (!removed) return { ok: false };
    await recordAudit(trx, {
      userId: by.userId,
      action: "safeguarding.term-removed",
      subjectType: "safeguarding_term",
      subjectId: removed.id,
      details: { phrase: removed.phrase },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}

/** For a query on feedback_item: only items no one has flagged. Flagged items are the lead's alone. */
export function notFlagged(eb: ExpressionBuilder<Database, "feedback_item">) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("safeguarding_flag")
        .select("safeguarding_flag.id")
        .whereRef("safeguarding_flag.feedback_item_id", "=", "feedback_item.id"),
    ),
  );
}

// ---- Raising flags -------------------------------------------------------------------

type FlagSource =
  | { source: "survey_answer"; responseId: string; questionKey: string }
  | { source: "page_feedback"; feedbackItemId: string };

/** Tells every active safeguarding lead that something new needs looking at: a link, never the words. */
async function tellLeads(trx: Db, flagId: string, now: Date): Promise<void> {
  const leads = await trx
    .selectFrom("app_user")
    .select("email")
    .where("role", "=", "safeguarding_lead")
    .where("disabled_at", "is", null)
    .execute();
  for (const lead of leads) {
    await enqueueEmail(
      trx,
      {
        kind: "safeguarding.new-item",
        to: lead.email,
        subject: "Urgent: a new safeguarding item needs looking at",
        text: [
          "Something a family wrote on the SEND portal may show a risk of harm and needs looking at today.",
          "",
          `Sign in to the staff area and open: ${QUEUE_PATH}/${flagId}`,
          "",
          "For privacy, this email does not contain what was written.",
        ].join("\n"),
      },
      now,
    );
  }
}

async function insertFlag(
  trx: Db,
  flag: FlagSource & { matched: string[]; raisedBy: "auto" | "person"; userId: string | null; reason: string },
  now: Date,
): Promise<string> {
  const { id } = await trx
    .insertInto("safeguarding_flag")
    .values({
      source: flag.source,
      response_id: flag.source === "survey_answer" ? flag.responseId : null,
      question_key: flag.source === "survey_answer" ? flag.questionKey : null,
      feedback_item_id: flag.source === "page_feedback" ? flag.feedbackItemId : null,
      matched: JSON.stringify(flag.matched),
      raised_by: flag.raisedBy,
      raised_by_user_id: flag.userId,
      reason: flag.reason,
      created_at: now,
      updated_at: timestamp(now),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tellLeads(trx, id, now);
  return id;
}

/**
 * Checks a submitted response's free-text answers against the list; writes one flag
 * per answer that matched. Call it inside the submission's transaction.
 */
export async function flagSurveyAnswers(
  trx: Db,
  { responseId, answers, now }: { responseId: string; answers: { questionKey: string; text: string }[]; now: Date },
): Promise<number> {
  const texts = answers.filter((a) => a.text.trim() !== "");
  if (texts.length === 0) return 0;
  const terms = await termPhrases(trx);
  let flagged = 0;
  for (const answer of texts) {
    const matched = findTerms(answer.text, terms);
    if (matched.length === 0) continue;
    await insertFlag(
      trx,
      { source: "survey_answer", responseId, questionKey: answer.questionKey, matched, raisedBy: "auto", userId: null, reason: "" },
      now,
    );
    flagged += 1;
  }
  return flagged;
}

/** Checks a page feedback item's words against the list (inside the transaction that stored them). */
export async function flagPageFeedback(
  trx: Db,
  { feedbackItemId, text, now }: { feedbackItemId: string; text: string; now: Date },
): Promise<boolean> {
  if (text.trim() === "") return false;
  const matched = findTerms(text, await termPhrases(trx));
  if (matched.length === 0) return false;
  const already = await trx
    .selectFrom("safeguarding_flag")
    .select("id")
    .where("feedback_item_id", "=", feedbackItemId)
    .where("raised_by", "=", "auto")
    .executeTakeFirst();
  if (already) return false;
  await insertFlag(trx, { source: "page_feedback", feedbackItemId, matched, raisedBy: "auto", userId: null, reason: "" }, now);
  return true;
}

export type FlagByHandResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; error: "reasonMissing" | "reasonTooLong" };

/** An officer flags a page feedback item by hand, with a reason. Audited (without the item's words). */
export async function flagFeedbackByHand(
  db: Db,
  { feedbackItemId, reason, by, now }: { feedbackItemId: string; reason: string; by: ChangedBy; now: Date },
): Promise<FlagByHandResult> {
  const trimmed = reason.trim();
  if (trimmed === "") return { ok: false, reason: "invalid", error: "reasonMissing" };
  if (trimmed.length > REASON_MAX) return { ok: false, reason: "invalid", error: "reasonTooLong" };
  if (!isUuid(feedbackItemId)) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    const item = await trx.selectFrom("feedback_item").select("id").where("id", "=", feedbackItemId).executeTakeFirst();
    if (!item) return { ok: false, reason: "not-found" } as const;
    const id = await insertFlag(
      trx,
      { source: "page_feedback", feedbackItemId, matched: [], raisedBy: "person", userId: by.userId, reason: trimmed },
      now,
    );
    await recordAudit(trx, {
      userId: by.userId,
      action: "safeguarding.flagged",
      subjectType: "safeguarding_flag",
      subjectId: id,
      details: { source: "page_feedback" },
      requestId: by.requestId,
    });
    return { ok: true, id } as const;
  });
}

// ---- Keeping flagged words out of other pages ----------------------------------------

export async function isFeedbackFlagged(db: Db, feedbackItemId: string): Promise<boolean> {
  const row = await db.selectFrom("safeguarding_flag").select("id").where("feedback_item_id", "=", feedbackItemId).executeTakeFirst();
  return row !== undefined;
}

/** "responseId questionKey" for every flagged answer in a survey's responses. */
export async function flaggedAnswerKeys(db: Db, surveyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("safeguarding_flag")
    .innerJoin("survey_response", "survey_response.id", "safeguarding_flag.response_id")
    .select(["safeguarding_flag.response_id", "safeguarding_flag.question_key"])
    .where("safeguarding_flag.source", "=", "survey_answer")
    .where("survey_response.survey_id", "=", surveyId)
    .execute();
  return new Set(rows.map((r) => `${r.response_id} ${r.question_key}`));
}

/**
 * For a query on survey answers: the same rule as flaggedAnswerKeys, inside the query.
 * True when the answer named by `table`'s response_id and question_key (an answer, a
 * theme tag on it, a quote from it) has no safeguarding flag, whatever its status.
 */
export function answerNotFlagged(table: "survey_answer" | "answer_theme" | "analysis_quote") {
  return sql<SqlBool>`not exists (
    select 1 from safeguarding_flag
    where safeguarding_flag.source = 'survey_answer'
      and safeguarding_flag.response_id = ${sql.ref(`${table}.response_id`)}
      and safeguarding_flag.question_key = ${sql.ref(`${table}.question_key`)})`;
}

// ---- The lead's queue ----------------------------------------------------------------

export async function listFlags(db: Db, { status }: { status: SafeguardingStatus | "all" }) {
  let query = db
    .selectFrom("safeguarding_flag")
    .select(["id", "source", "matched", "raised_by", "status", "created_at", "updated_at"])
    .orderBy("created_at", "desc")
    .limit(200);
  if (status !== "all") query = query.where("status", "=", status);
  return query.execute();
}

export async function countOpenFlags(db: Db): Promise<number> {
  const row = await db
    .selectFrom("safeguarding_flag")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "<>", "closed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One flag with the words in full. Every call is a view: it is audited. */
export async function viewFlag(db: Db, { id, by }: { id: string; by: ChangedBy }) {
  if (!isUuid(id)) return null;
  const flag = await db
    .selectFrom("safeguarding_flag")
    .leftJoin("app_user", "app_user.id", "safeguarding_flag.raised_by_user_id")
    .select([
      "safeguarding_flag.id",
      "safeguarding_flag.source",
      "safeguarding_flag.response_id",
      "safeguarding_flag.question_key",
      "safeguarding_flag.feedback_item_id",
      "safeguarding_flag.matched",
      "safeguarding_flag.raised_by",
      "safeguarding_flag.reason",
      "safeguarding_flag.status",
      "safeguarding_flag.closed_note",
      "safeguarding_flag.created_at",
      "safeguarding_flag.updated_at",
      "app_user.name as raised_by_name",
    ])
    .where("safeguarding_flag.id", "=", id)
    .executeTakeFirst();
  if (!flag) return null;

  let text = "";
  let where: {
    survey: string | null;
    reference: string | null;
    questionKey: string | null;
    pagePath: string | null;
    contactEmail: string | null;
  } = {
    survey: null,
    reference: null,
    questionKey: null,
    pagePath: null,
    contactEmail: null,
  };
  if (flag.source === "survey_answer" && flag.response_id && flag.question_key) {
    const answer = await db
      .selectFrom("survey_answer")
      .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
      .innerJoin("survey", "survey.id", "survey_response.survey_id")
      .select(["survey_answer.value", "survey_response.reference", "survey.slug"])
      .where("survey_answer.response_id", "=", flag.response_id)
      .where("survey_answer.question_key", "=", flag.question_key)
      .executeTakeFirst();
    text = typeof answer?.value === "string" ? answer.value : Array.isArray(answer?.value) ? answer.value.join(", ") : "";
    where = {
      survey: answer?.slug ?? null,
      reference: answer?.reference ?? null,
      questionKey: flag.question_key,
      pagePath: null,
      contactEmail: null,
    };
  } else if (flag.feedback_item_id) {
    const item = await db
      .selectFrom("feedback_item")
      .select(["body", "reference", "page_path", "contact_email"])
      .where("id", "=", flag.feedback_item_id)
      .executeTakeFirst();
    text = item?.body ?? "";
    // The lead may need to reach the family: the address they gave, with consent, for this item.
    where = {
      survey: null,
      reference: item?.reference ?? null,
      questionKey: null,
      pagePath: item?.page_path || null,
      contactEmail: item?.contact_email ?? null,
    };
  }
  await recordAudit(db, {
    userId: by.userId,
    action: "safeguarding.viewed",
    subjectType: "safeguarding_flag",
    subjectId: flag.id,
    details: { source: flag.source },
    requestId: by.requestId,
  });
  return { ...flag, text, ...where };
}

export type StatusResult =
  | { ok: true }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; error: "statusInvalid" | "noteMissing" | "noteTooLong" };

/** The lead moves a flag on; closing needs a note of what was done. Audited (the note stays on the flag). */
export async function setFlagStatus(
  db: Db,
  { id, status, note, by, now }: { id: string; status: string; note: string; by: ChangedBy; now: Date },
): Promise<StatusResult> {
  if (!(flagStatuses as readonly string[]).includes(status)) return { ok: false, reason: "invalid", error: "statusInvalid" };
  const trimmed = note.trim();
  if (status === "closed" && trimmed === "") return { ok: false, reason: "invalid", error: "noteMissing" };
  if (trimmed.length > NOTE_MAX) return { ok: false, reason: "invalid", error: "noteTooLong" };
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("safeguarding_flag").select(["status"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    await trx
      .updateTable("safeguarding_flag")
      .set({ status: status as SafeguardingStatus, ...(trimmed !== "" ? { closed_note: trimmed } : {}), updated_at: timestamp(now) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "safeguarding.status-changed",
      subjectType: "safeguarding_flag",
      subjectId: id,
      details: { from: before.status, to: status },
      requestId: by.requestId,
    });
    return { ok: true } as const;
  });
}
