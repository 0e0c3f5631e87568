/**
 * Reading and coding a survey's free-text answers (issue 7, point 4;
 * docs/decisions/030-free-text-coding.md).
 *
 * Which answers: those to a short or long text question of a submitted response that
 * still hold words. Never one flagged for safeguarding (any flag, whatever its status,
 * as app/safeguarding/safeguarding.server.ts flaggedAnswerKeys reads them: the words are
 * the designated safeguarding lead's alone), and never one whose words the retention
 * sweep removed (their tags still count in the summary).
 *
 * Tags: a theme on an answer, with who put it there and how. A suggestion is worked out
 * from the maintained list each time the page is read, and becomes a tag only when an
 * officer confirms it; the tag then keeps the words that made it. Adding, confirming and
 * removing are all in the audit log, so a removed tag's story is kept.
 */
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { resolveText, type TextVariant } from "../i18n/content";
import { answerNotFlagged } from "../safeguarding/safeguarding.server";
import { allQuestions, textTypes, type SurveyDefinition } from "../surveys/definition";
import { answerLanguage, type ThemeFilter } from "./free-text";
import type { whereResponseMatches } from "./filters.server";
import { suppressBreakdown, type Cell } from "./suppression";
import { suggestedByText, suggestThemes } from "./themes";
import { themesForSuggestion } from "./themes.server";

type Db = Kysely<Database>;

// ---- The survey and its text questions -----------------------------------------------

export interface TextQuestion {
  key: string;
  label: string;
  type: "short_text" | "long_text";
  areaOfConcern: number | null;
}

export interface FreeTextSurvey {
  id: string;
  title: string;
  questions: TextQuestion[];
}

const label = (text: TextVariant[] | undefined, language: string, fallback: string) =>
  (Array.isArray(text) && resolveText(text, { language, format: "standard" })?.text) || fallback;

/**
 * A survey and its short and long text questions, in the order the current version
 * asks them, then any that only an earlier version asked (their answers are still there).
 */
export async function getFreeTextSurvey(db: Db, { id, language = "en-GB" }: { id: string | undefined; language?: string }): Promise<FreeTextSurvey | undefined> {
  if (!isUuid(id)) return undefined;
  const survey = await db.selectFrom("survey").select(["id", "slug", "current_version_id"]).where("id", "=", id).executeTakeFirst();
  if (!survey) return undefined;
  const versions = await db.selectFrom("survey_version").select(["id", "number", "definition"]).where("survey_id", "=", id).orderBy("number", "desc").execute();
  versions.sort((a, b) => Number(b.id === survey.current_version_id) - Number(a.id === survey.current_version_id));
  const questions: TextQuestion[] = [];
  for (const version of versions) {
    const definition = version.definition as SurveyDefinition;
    for (const q of allQuestions(definition)) {
      if (!textTypes.includes(q.type) || questions.some((known) => known.key === q.key)) continue;
      questions.push({ key: q.key, label: label(q.text, language, q.key), type: q.type as TextQuestion["type"], areaOfConcern: q.areaOfConcern ?? null });
    }
  }
  const current = versions.find((v) => v.id === survey.current_version_id) ?? versions[0];
  const title = label((current?.definition as SurveyDefinition | undefined)?.title, language, survey.slug);
  return { id: survey.id, title, questions };
}

// ---- Which answers -------------------------------------------------------------------

/** Narrows the responses: the shared analysis filters (app/analysis/filters.server.ts whereResponseMatches). */
export type ResponseFilter = ReturnType<typeof whereResponseMatches>;

const answerText = sql<string>`survey_answer.value #>> '{}'`;

/** The readable answers to one question of one survey (before the theme filter). */
function readableAnswers(db: Db, { surveyId, questionKey, filter }: { surveyId: string; questionKey: string; filter?: ResponseFilter }) {
  let query = db
    .selectFrom("survey_answer")
    .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
    .where("survey_response.survey_id", "=", surveyId)
    .where("survey_response.status", "=", "submitted")
    .where("survey_response.free_text_removed_at", "is", null)
    .where("survey_answer.question_key", "=", questionKey)
    .where(sql<boolean>`jsonb_typeof(survey_answer.value) = 'string'`)
    .where(sql<boolean>`btrim(survey_answer.value #>> '{}') <> ''`)
    .where(answerNotFlagged("survey_answer"));
  if (filter) query = query.where((eb) => filter(eb as unknown as ExpressionBuilder<Database, "survey_response">));
  return query;
}

function withThemeFilter<Q extends ReturnType<typeof readableAnswers>>(query: Q, theme: ThemeFilter): Q {
  if (theme.kind === "any") return query;
  return query.where((eb) => {
    let tags = eb
      .selectFrom("answer_theme")
      .select("answer_theme.theme_id")
      .whereRef("answer_theme.response_id", "=", "survey_answer.response_id")
      .whereRef("answer_theme.question_key", "=", "survey_answer.question_key");
    if (theme.kind === "theme") tags = tags.where("answer_theme.theme_id", "=", theme.id);
    return theme.kind === "untagged" ? eb.not(eb.exists(tags)) : eb.exists(tags);
  }) as Q;
}

export interface TagView {
  themeId: number;
  name: string;
  retired: boolean;
  origin: "officer" | "suggestion";
  suggestedBy: string;
  taggedBy: string | null;
  taggedAt: Date;
}

export interface SuggestionView {
  themeId: number;
  name: string;
  matched: string;
}

export interface AnswerView {
  responseId: string;
  reference: string | null;
  /** The language the survey was taken in. */
  language: string;
  /** The language of the words themselves, for their lang attribute (app/analysis/free-text.ts). */
  textLanguage: string;
  format: "standard" | "easy_read";
  text: string;
  tags: TagView[];
  suggestions: SuggestionView[];
  quoteId: string | null;
}

/**
 * One page of answers to a question, each with its tags (who or what made each) and the
 * themes the list suggests for it. In the order of the responses' random ids, so the
 * order says nothing about who wrote what or when.
 */
export async function listFreeTextAnswers(
  db: Db,
  input: { surveyId: string; questionKey: string; theme: ThemeFilter; filter?: ResponseFilter; limit: number; offset: number },
): Promise<{ total: number; answers: AnswerView[] }> {
  const scope = withThemeFilter(readableAnswers(db, input), input.theme);
  const { n } = await scope.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const total = Number(n);
  const rows = await scope
    .select([
      "survey_answer.response_id",
      "survey_response.reference",
      "survey_response.language",
      "survey_response.format",
      answerText.as("text"),
    ])
    .orderBy("survey_answer.response_id")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  if (rows.length === 0) return { total, answers: [] };

  const ids = rows.map((r) => r.response_id);
  const [tags, quotes, themes] = await Promise.all([
    db
      .selectFrom("answer_theme")
      .innerJoin("analysis_theme", "analysis_theme.id", "answer_theme.theme_id")
      .leftJoin("app_user", "app_user.id", "answer_theme.tagged_by_user_id")
      .select([
        "answer_theme.response_id",
        "answer_theme.theme_id",
        "answer_theme.origin",
        "answer_theme.suggested_by",
        "answer_theme.tagged_at",
        "analysis_theme.name",
        "analysis_theme.retired_at",
        "app_user.name as tagged_by",
      ])
      .where("answer_theme.response_id", "in", ids)
      .where("answer_theme.question_key", "=", input.questionKey)
      .orderBy("answer_theme.tagged_at")
      .orderBy("analysis_theme.name")
      .execute(),
    db
      .selectFrom("analysis_quote")
      .select(["id", "response_id"])
      .where("response_id", "in", ids)
      .where("question_key", "=", input.questionKey)
      .execute(),
    themesForSuggestion(db),
  ]);
  const names = new Map(themes.map((t) => [t.id, t.name]));
  return {
    total,
    answers: rows.map((row) => {
      const own = tags.filter((t) => t.response_id === row.response_id);
      const tagged = new Set(own.map((t) => t.theme_id));
      return {
        responseId: row.response_id,
        reference: row.reference,
        language: row.language,
        textLanguage: answerLanguage(row.text, row.language),
        format: row.format,
        text: row.text,
        tags: own.map((t) => ({
          themeId: t.theme_id,
          name: t.name,
          retired: t.retired_at !== null,
          origin: t.origin,
          suggestedBy: t.suggested_by,
          taggedBy: t.tagged_by,
          taggedAt: t.tagged_at,
        })),
        suggestions: suggestThemes(row.text, themes, tagged).map((s) => ({
          themeId: s.themeId,
          name: names.get(s.themeId) ?? "",
          matched: suggestedByText(s.matched),
        })),
        quoteId: quotes.find((q) => q.response_id === row.response_id)?.id ?? null,
      };
    }),
  };
}

// ---- How many answers have each theme ------------------------------------------------

export interface ThemeCountRow {
  themeId: number | null;
  name: string;
  areaOfConcern: number | null;
  retired: boolean;
  cell: Cell;
}

export interface ThemeSummary {
  /** Each theme given to at least one answer, by area of concern then name; then "no theme yet". */
  rows: ThemeCountRow[];
  /** Answers in the table: those with a theme (also those whose words were since removed) and those without. */
  total: Cell;
}

/**
 * How many answers to the question carry each theme, small numbers suppressed
 * (app/analysis/suppression.ts; an answer may have several themes, so the rows add up to
 * more than the total, and the same secondary suppression still applies). Flagged
 * answers are never counted; answers whose words were removed keep their themes.
 */
export async function themeSummary(
  db: Db,
  { surveyId, questionKey, filter, threshold }: { surveyId: string; questionKey: string; filter?: ResponseFilter; threshold: number },
): Promise<ThemeSummary> {
  let tagged = db
    .selectFrom("answer_theme")
    .innerJoin("survey_response", "survey_response.id", "answer_theme.response_id")
    .where("survey_response.survey_id", "=", surveyId)
    .where("survey_response.status", "=", "submitted")
    .where("answer_theme.question_key", "=", questionKey)
    .where(answerNotFlagged("answer_theme"));
  if (filter) tagged = tagged.where((eb) => filter(eb as unknown as ExpressionBuilder<Database, "survey_response">));
  const [perTheme, distinct, untagged] = await Promise.all([
    tagged
      .innerJoin("analysis_theme", "analysis_theme.id", "answer_theme.theme_id")
      .select((eb) => [
        "analysis_theme.id",
        "analysis_theme.name",
        "analysis_theme.area_of_concern_number",
        "analysis_theme.retired_at",
        eb.fn.countAll<string>().as("n"),
      ])
      .groupBy("analysis_theme.id")
      .orderBy("analysis_theme.area_of_concern_number")
      .orderBy("analysis_theme.name")
      .execute(),
    tagged.select((eb) => eb.fn.count<string>("answer_theme.response_id").distinct().as("n")).executeTakeFirstOrThrow(),
    withThemeFilter(readableAnswers(db, { surveyId, questionKey, filter }), { kind: "untagged" })
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = [...perTheme.map((r) => Number(r.n)), Number(untagged.n)];
  const { cells, total } = suppressBreakdown(counts, { threshold, total: Number(distinct.n) + Number(untagged.n) });
  return {
    rows: [
      ...perTheme.map((r, i) => ({ themeId: r.id, name: r.name, areaOfConcern: r.area_of_concern_number, retired: r.retired_at !== null, cell: cells[i]! })),
      { themeId: null, name: "", areaOfConcern: null, retired: false, cell: cells[cells.length - 1]! },
    ],
    total,
  };
}

// ---- Coding ----------------------------------------------------------------------------

export interface AnswerKey {
  surveyId: string;
  responseId: string;
  questionKey: string;
}

/**
 * The words of one answer that may be coded here: this survey's, a text question's, of a
 * submitted response, still held, never flagged. Undefined for anything else, so an
 * answer of another survey, a made-up one and a flagged one all look the same: not here.
 */
export async function findReadableAnswer(
  db: Db,
  key: AnswerKey & { textQuestions: readonly string[] },
): Promise<{ text: string; /** Of the words (app/analysis/free-text.ts answerLanguage). */ language: string } | undefined> {
  if (!isUuid(key.surveyId) || !isUuid(key.responseId) || !key.textQuestions.includes(key.questionKey)) return undefined;
  const row = await readableAnswers(db, { surveyId: key.surveyId, questionKey: key.questionKey })
    .select([answerText.as("text"), "survey_response.language"])
    .where("survey_answer.response_id", "=", key.responseId)
    .executeTakeFirst();
  return row ? { text: row.text, language: answerLanguage(row.text, row.language) } : undefined;
}

export type TagResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; error: "themeMissing" | "themeUnknown" | "themeRetired" | "notSuggested" };

function parseThemeId(value: string): number | undefined {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : undefined;
}

/**
 * Puts a theme on an answer: by hand (`origin` "officer"), or by confirming the portal's
 * suggestion ("suggestion"), which must still be one (the theme's words are in the
 * answer now), and keeps the words that made it. The same theme twice is no change.
 */
export async function tagAnswer(
  db: Db,
  input: AnswerKey & { textQuestions: readonly string[]; themeId: string; origin: "officer" | "suggestion"; by: ChangedBy; now: Date },
): Promise<TagResult> {
  if (input.themeId.trim() === "") return { ok: false, reason: "invalid", error: "themeMissing" };
  const themeId = parseThemeId(input.themeId);
  return inTransaction(db, async (trx) => {
    const answer = await findReadableAnswer(trx, input);
    if (!answer) return { ok: false, reason: "not-found" } as const;
    const theme =
      themeId === undefined
        ? undefined
        : await trx.selectFrom("analysis_theme").select(["id", "name", "keywords", "retired_at"]).where("id", "=", themeId).executeTakeFirst();
    if (!theme) return { ok: false, reason: "invalid", error: "themeUnknown" } as const;
    if (theme.retired_at !== null) return { ok: false, reason: "invalid", error: "themeRetired" } as const;
    let suggestedBy = "";
    if (input.origin === "suggestion") {
      const [suggestion] = suggestThemes(answer.text, [{ id: theme.id, keywords: theme.keywords, retired: false }]);
      if (!suggestion) return { ok: false, reason: "invalid", error: "notSuggested" } as const;
      suggestedBy = suggestedByText(suggestion.matched);
    }
    const inserted = await trx
      .insertInto("answer_theme")
      .values({
        response_id: input.responseId,
        question_key: input.questionKey,
        theme_id: theme.id,
        origin: input.origin,
        suggested_by: suggestedBy,
        tagged_by_user_id: input.by.userId,
        tagged_at: input.now,
      })
      .onConflict((oc) => oc.columns(["response_id", "question_key", "theme_id"]).doNothing())
      .returning("theme_id")
      .executeTakeFirst();
    if (!inserted) return { ok: true, changed: false } as const;
    await recordAudit(trx, {
      userId: input.by.userId,
      action: input.origin === "suggestion" ? "analysis.suggestion-confirmed" : "analysis.theme-tagged",
      subjectType: "survey_response",
      subjectId: input.responseId,
      details: { questionKey: input.questionKey, themeId: theme.id, theme: theme.name, ...(suggestedBy ? { suggestedBy } : {}) },
      requestId: input.by.requestId,
    });
    return { ok: true, changed: true } as const;
  });
}

/**
 * Takes a theme off an answer. The audit log keeps what the tag said (who or what made
 * it and when), so removing one never loses its story. The answer must be readable here.
 */
export async function untagAnswer(
  db: Db,
  input: AnswerKey & { textQuestions: readonly string[]; themeId: string; by: ChangedBy },
): Promise<{ ok: true } | { ok: false; reason: "not-found" }> {
  const themeId = parseThemeId(input.themeId);
  if (themeId === undefined) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    if (!(await findReadableAnswer(trx, input))) return { ok: false, reason: "not-found" } as const;
    const removed = await trx
      .deleteFrom("answer_theme")
      .where("response_id", "=", input.responseId)
      .where("question_key", "=", input.questionKey)
      .where("theme_id", "=", themeId)
      .returning(["origin", "suggested_by", "tagged_by_user_id", "tagged_at"])
      .executeTakeFirst();
    if (!removed) return { ok: false, reason: "not-found" } as const;
    await recordAudit(trx, {
      userId: input.by.userId,
      action: "analysis.theme-removed",
      subjectType: "survey_response",
      subjectId: input.responseId,
      details: {
        questionKey: input.questionKey,
        themeId,
        origin: removed.origin,
        suggestedBy: removed.suggested_by,
        taggedBy: removed.tagged_by_user_id,
        taggedAt: new Date(removed.tagged_at).toISOString(),
      },
      requestId: input.by.requestId,
    });
    return { ok: true } as const;
  });
}
