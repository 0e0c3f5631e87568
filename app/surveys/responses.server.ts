/**
 * Responses: drafts saved page by page, resume codes, invitations and
 * submission. Every write checks the survey's window against the `now` it is
 * given. Nothing about the respondent's device, address or account is stored:
 * a draft is reached through a signed cookie or a resume code.
 */
import { createHash } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { answersInScope, firstMissing, type AnswerContext, type Answers, type AnswerValue } from "./answers";
import { newCode, newSurveyReference, normaliseCode } from "./codes";
import { flagSurveyAnswers } from "../safeguarding/safeguarding.server";
import { SurveyDefinitionSchema, textTypes, type Audience, type SurveyDefinition } from "./definition";
import { surveyState, type StoredStatus, type SurveyState } from "./window";

type Db = Kysely<Database> | Transaction<Database>;

export function hashCode(code: string): string {
  return createHash("sha256").update(`survey-code:${code}`).digest("hex");
}

export interface PublicSurvey {
  id: string;
  slug: string;
  audience: Audience;
  access: "open_link" | "invite_only";
  purpose: "annual" | "revisit";
  status: StoredStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  wave: string;
  versionId: string | null;
  definition: SurveyDefinition | null;
}

// A locked version never changes, so its parsed definition can be kept. Unlocked
// ones (the builder's draft, previews) are parsed on every read.
const lockedDefinitions = new Map<string, SurveyDefinition>();

export function parseDefinition(versionId: string, raw: unknown, locked: boolean): SurveyDefinition {
  const cached = lockedDefinitions.get(versionId);
  if (cached) return cached;
  const definition = SurveyDefinitionSchema.parse(raw);
  if (locked) {
    if (lockedDefinitions.size > 200) lockedDefinitions.clear();
    lockedDefinitions.set(versionId, definition);
  }
  return definition;
}

const surveyColumns = [
  "survey.id",
  "survey.slug",
  "survey.audience",
  "survey.access",
  "survey.purpose",
  "survey.status",
  "survey.opens_at",
  "survey.closes_at",
  "survey.wave",
  "survey.current_version_id",
] as const;

function toPublic(row: {
  id: string;
  slug: string;
  audience: Audience;
  access: "open_link" | "invite_only";
  purpose: "annual" | "revisit";
  status: StoredStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  wave: string;
  current_version_id: string | null;
  definition: unknown;
  locked_at: Date | null;
}): PublicSurvey {
  return {
    id: row.id,
    slug: row.slug,
    audience: row.audience,
    access: row.access,
    purpose: row.purpose,
    status: row.status,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    wave: row.wave,
    versionId: row.current_version_id,
    definition: row.current_version_id && row.definition ? parseDefinition(row.current_version_id, row.definition, row.locked_at !== null) : null,
  };
}

/** A survey as the public sees it, with its current version; drafts too (the route decides what to show). */
export async function findSurveyBySlug(db: Db, slug: string): Promise<PublicSurvey | undefined> {
  const row = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([...surveyColumns, "survey_version.definition", "survey_version.locked_at"])
    .where("survey.slug", "=", slug)
    .executeTakeFirst();
  return row ? toPublic(row) : undefined;
}

/** Surveys a family can take part in now, or soon: open and scheduled, not invite-only. */
export async function listPublicSurveys(db: Db, now: Date) {
  const rows = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([...surveyColumns, "survey_version.definition", "survey_version.locked_at"])
    .where("survey.status", "=", "scheduled")
    .where("survey.closes_at", ">", now)
    .orderBy("survey.opens_at")
    .execute();
  return rows.map(toPublic).map((s) => ({ ...s, state: surveyState(s, now) }));
}

export async function answerContext(db: Db): Promise<AnswerContext> {
  const rows = await db.selectFrom("district").select("slug").orderBy("sort_order").orderBy("name").execute();
  return { districts: rows.map((r) => r.slug) };
}

// ---- Drafts -----------------------------------------------------------------------

export interface Draft {
  id: string;
  surveyId: string;
  versionId: string;
  status: "draft" | "submitted";
  reference: string | null;
  language: string;
  format: "standard" | "easy_read";
  lastPage: string | null;
  hasResumeCode: boolean;
  definition: SurveyDefinition;
  answers: Answers;
}

export async function loadDraft(db: Db, responseId: string, surveyId: string): Promise<Draft | undefined> {
  const row = await db
    .selectFrom("survey_response as r")
    .innerJoin("survey_version as v", "v.id", "r.version_id")
    .select([
      "r.id",
      "r.survey_id",
      "r.version_id",
      "r.status",
      "r.reference",
      "r.language",
      "r.format",
      "r.last_page",
      "r.resume_code_hash",
      "v.definition",
      "v.locked_at",
    ])
    .where("r.id", "=", responseId)
    .where("r.survey_id", "=", surveyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const answerRows = await db.selectFrom("survey_answer").select(["question_key", "value"]).where("response_id", "=", responseId).execute();
  return {
    id: row.id,
    surveyId: row.survey_id,
    versionId: row.version_id,
    status: row.status,
    reference: row.reference,
    language: row.language,
    format: row.format,
    lastPage: row.last_page,
    hasResumeCode: row.resume_code_hash !== null,
    definition: parseDefinition(row.version_id, row.definition, row.locked_at !== null),
    answers: Object.fromEntries(answerRows.map((a) => [a.question_key, a.value as AnswerValue])),
  };
}

export type StartResult =
  | { ok: true; responseId: string; resumed: boolean }
  | { ok: false; reason: "not-open" | "no-version" | "invitation-needed" | "invitation-unknown" | "invitation-used"; state?: SurveyState };

/**
 * Starts a draft on the survey's current version (locking that version for
 * good). Invite-only surveys need an unused code; a code that already has a
 * draft carries on with it (the same person, on another device).
 */
export async function startResponse(
  db: Kysely<Database>,
  input: { survey: PublicSurvey; language: string; format: "standard" | "easy_read"; invitationCode?: string | null; now: Date },
): Promise<StartResult> {
  const { survey, now } = input;
  const state = surveyState(survey, now);
  if (state !== "open") return { ok: false, reason: "not-open", state };
  if (!survey.versionId) return { ok: false, reason: "no-version" };
  return db.transaction().execute(async (trx) => {
    let invitationId: string | null = null;
    if (survey.access === "invite_only") {
      const code = input.invitationCode ? normaliseCode(input.invitationCode) : undefined;
      if (!input.invitationCode?.trim()) return { ok: false, reason: "invitation-needed" } as const;
      const invitation = code
        ? await trx
            .selectFrom("survey_invitation")
            .select(["id", "used_at"])
            .where("code_hash", "=", hashCode(code))
            .where("survey_id", "=", survey.id)
            .forUpdate()
            .executeTakeFirst()
        : undefined;
      if (!invitation) return { ok: false, reason: "invitation-unknown" } as const;
      if (invitation.used_at) return { ok: false, reason: "invitation-used" } as const;
      const existing = await trx.selectFrom("survey_response").select("id").where("invitation_id", "=", invitation.id).executeTakeFirst();
      if (existing) return { ok: true, responseId: existing.id, resumed: true } as const;
      invitationId = invitation.id;
    }
    await trx.updateTable("survey_version").set({ locked_at: now }).where("id", "=", survey.versionId!).where("locked_at", "is", null).execute();
    const row = await trx
      .insertInto("survey_response")
      .values({
        survey_id: survey.id,
        version_id: survey.versionId!,
        invitation_id: invitationId,
        language: input.language,
        format: input.format,
        started_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, responseId: row.id, resumed: false } as const;
  });
}

/**
 * Keeps a page's answers in the draft: the ones given replace what was there,
 * the ones cleared are removed. Refused (nothing written) once the survey has
 * closed or the draft has been submitted.
 */
export async function saveAnswers(
  db: Kysely<Database>,
  input: { survey: PublicSurvey; responseId: string; answers: Answers; cleared: string[]; /** Where to carry on from (null: the check page). */ page: string | null; now: Date },
): Promise<{ ok: true } | { ok: false; reason: "not-open" | "submitted" }> {
  if (surveyState(input.survey, input.now) !== "open") return { ok: false, reason: "not-open" };
  return db.transaction().execute(async (trx) => {
    const draft = await trx
      .updateTable("survey_response")
      .set({ last_page: input.page, updated_at: input.now })
      .where("id", "=", input.responseId)
      .where("status", "=", "draft")
      .returning("id")
      .executeTakeFirst();
    if (!draft) return { ok: false, reason: "submitted" } as const;
    const rows = Object.entries(input.answers).map(([question_key, value]) => ({
      response_id: input.responseId,
      question_key,
      value: JSON.stringify(value),
      updated_at: input.now,
    }));
    if (rows.length) {
      await trx
        .insertInto("survey_answer")
        .values(rows)
        .onConflict((oc) => oc.columns(["response_id", "question_key"]).doUpdateSet({ value: sql`excluded.value`, updated_at: sql`excluded.updated_at` }))
        .execute();
    }
    if (input.cleared.length) {
      await trx.deleteFrom("survey_answer").where("response_id", "=", input.responseId).where("question_key", "in", input.cleared).execute();
    }
    return { ok: true } as const;
  });
}

export async function setDraftFormat(db: Db, responseId: string, change: { language?: string; format?: "standard" | "easy_read" }, now: Date) {
  await db
    .updateTable("survey_response")
    .set({ ...change, updated_at: now })
    .where("id", "=", responseId)
    .where("status", "=", "draft")
    .execute();
}

/** A new resume code for the draft (any earlier one stops working). Shown once; only its hash is kept. */
export async function issueResumeCode(db: Db, responseId: string, now: Date): Promise<string | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newCode();
    try {
      const row = await db
        .updateTable("survey_response")
        .set({ resume_code_hash: hashCode(code), updated_at: now })
        .where("id", "=", responseId)
        .where("status", "=", "draft")
        .returning("id")
        .executeTakeFirst();
      return row ? code : undefined;
    } catch (error) {
      if ((error as { code?: string }).code !== "23505") throw error;
    }
  }
  throw new Error("could not make a unique resume code");
}

/** The draft a resume code belongs to, in this survey; undefined for a code that is wrong or used up. */
export async function findDraftByResumeCode(db: Db, surveyId: string, typed: string): Promise<string | undefined> {
  const code = normaliseCode(typed);
  if (!code) return undefined;
  const row = await db
    .selectFrom("survey_response")
    .select("id")
    .where("resume_code_hash", "=", hashCode(code))
    .where("survey_id", "=", surveyId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return row?.id;
}

// ---- Submission ----------------------------------------------------------------------

export type SubmitResult =
  | { ok: true; reference: string; alreadySubmitted: boolean }
  | { ok: false; reason: "not-open"; state: SurveyState }
  | { ok: false; reason: "incomplete"; pageKey: string; questionKey: string }
  | { ok: false; reason: "unknown" };

const ABOUT_COLUMNS = { district: "district", age_band: "age_band", support_level: "support_level", completed_by: "completed_by" } as const;

/**
 * Submits a draft, once. The row is locked for the transaction, so a double
 * click or a resent form finds it submitted and gets the same reference back:
 * one response, however many posts. A survey that has closed refuses, and the
 * draft is kept as it was ("started, not submitted").
 */
export async function submitResponse(
  db: Kysely<Database>,
  input: { survey: PublicSurvey; responseId: string; context: AnswerContext; now: Date },
): Promise<SubmitResult> {
  return db.transaction().execute(async (trx): Promise<SubmitResult> => {
    const row = await trx
      .selectFrom("survey_response")
      .select(["id", "status", "reference", "version_id", "invitation_id"])
      .where("id", "=", input.responseId)
      .where("survey_id", "=", input.survey.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "unknown" };
    if (row.status === "submitted" && row.reference) return { ok: true, reference: row.reference, alreadySubmitted: true };
    const state = surveyState(input.survey, input.now);
    if (state !== "open") return { ok: false, reason: "not-open", state };

    const draft = await loadDraft(trx, row.id, input.survey.id);
    if (!draft) return { ok: false, reason: "unknown" };
    const missing = firstMissing(draft.definition, draft.answers, input.context);
    if (missing) return { ok: false, reason: "incomplete", pageKey: missing.page.key, questionKey: missing.question.key };

    // Answers to questions the respondent's other answers hid are not part of the response.
    const kept = answersInScope(draft.definition, draft.answers);
    const dropped = Object.keys(draft.answers).filter((key) => !(key in kept));
    if (dropped.length) await trx.deleteFrom("survey_answer").where("response_id", "=", row.id).where("question_key", "in", dropped).execute();

    const about: Record<string, string | null> = { district: null, age_band: null, support_level: null, completed_by: null };
    const freeText: { questionKey: string; text: string }[] = [];
    for (const page of draft.definition.pages) {
      for (const question of page.questions) {
        const value = kept[question.key];
        if (question.about && typeof value === "string") about[ABOUT_COLUMNS[question.about]] = value;
        if (textTypes.includes(question.type) && typeof value === "string") freeText.push({ questionKey: question.key, text: value });
      }
    }
    // Safeguarding (docs/decisions/020): free text that suggests a risk of harm is flagged
    // for the designated safeguarding lead in this same transaction.
    await flagSurveyAnswers(trx, { responseId: row.id, answers: freeText, now: input.now });

    for (let attempt = 0; ; attempt++) {
      const reference = newSurveyReference();
      const clash = await trx.selectFrom("survey_response").select("id").where("reference", "=", reference).executeTakeFirst();
      if (clash && attempt < 5) continue;
      await trx
        .updateTable("survey_response")
        .set({ status: "submitted", reference, submitted_at: input.now, updated_at: input.now, resume_code_hash: null, ...about })
        .where("id", "=", row.id)
        .execute();
      if (row.invitation_id) await trx.updateTable("survey_invitation").set({ used_at: input.now }).where("id", "=", row.invitation_id).execute();
      return { ok: true, reference, alreadySubmitted: false };
    }
  });
}

/** Submitted, and started but not submitted: the figures officers see for a survey. */
export async function responseCounts(db: Db, surveyId: string): Promise<{ submitted: number; started: number }> {
  const rows = await db
    .selectFrom("survey_response")
    .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
    .where("survey_id", "=", surveyId)
    .groupBy("status")
    .execute();
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { submitted: of("submitted"), started: of("draft") };
}

// ---- Invitations ---------------------------------------------------------------------

/** Makes `count` single-use codes; they are returned once, and only their hashes are kept. */
export async function createInvitations(db: Db, surveyId: string, count: number, label: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newCode());
  const list = [...codes];
  await db
    .insertInto("survey_invitation")
    .values(list.map((code) => ({ survey_id: surveyId, code_hash: hashCode(code), label })))
    .execute();
  return list;
}

export async function invitationCounts(db: Db, surveyId: string): Promise<{ total: number; used: number }> {
  const row = await db
    .selectFrom("survey_invitation")
    .select([(eb) => eb.fn.countAll<string>().as("total"), (eb) => eb.fn.count<string>("used_at").as("used")])
    .where("survey_id", "=", surveyId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), used: Number(row.used) };
}
