/**
 * A survey's life in the staff area: create, import, schedule, unschedule,
 * archive, duplicate into a new wave, access mode and invitation codes. Every
 * write locks the survey's row, checks the rules in lifecycle.ts against the
 * `now` it is given, writes and records the audit entry in one transaction.
 * Content (pages, questions, texts) is the builder's.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, SurveyAccess, SurveyPurpose, SurveyStatus } from "../../db/schema";
import { inTransaction, uniqueViolation, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { resolveText, type TextVariant } from "../i18n/content";
import type { FieldErrors } from "../utils/form-data";
import { normaliseCode } from "./codes";
import { SurveyDefinitionSchema, type Audience, type SurveyDefinition } from "./definition";
import { checkDefinitionText, type ImportProblem } from "./import";
import {
  accessConflict,
  archiveConflict,
  checkWindow,
  invitationsConflict,
  starterDefinition,
  unarchivedStatus,
  unscheduleConflict,
  type AccessMode,
  type Conflict,
  type DuplicateInput,
  type ImportFields,
  type NewSurveyInput,
  type WindowErrors,
  type WindowForm,
} from "./lifecycle";
import { createInvitations, hashCode, invitationCounts, responseCounts } from "./responses.server";
import { createSurvey } from "./surveys.server";
import { surveyState, type SurveyState } from "./window";

type Db = Kysely<Database>;

export type LifecycleResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; errors: FieldErrors }
  | { ok: false; reason: "conflict"; conflict: Conflict };

const notFound = { ok: false, reason: "not-found" } as const;
const conflict = (c: Conflict) => ({ ok: false, reason: "conflict", conflict: c }) as const;
const invalid = (errors: FieldErrors | WindowErrors) => ({ ok: false, reason: "invalid", errors: errors as FieldErrors }) as const;

/** The survey's title in the reader's language (English standard when there is no other). */
function titleOf(definition: unknown, language: string): string {
  const title = (definition as { title?: TextVariant[] } | null)?.title;
  return (Array.isArray(title) && resolveText(title, { language, format: "standard" })?.text) || "";
}

export interface AdminSurvey {
  id: string;
  slug: string;
  title: string;
  audience: Audience;
  series: string;
  wave: string;
  purpose: SurveyPurpose;
  access: SurveyAccess;
  status: SurveyStatus;
  state: SurveyState;
  opensAt: Date | null;
  closesAt: Date | null;
  duplicatedFrom: string | null;
  versionNumber: number | null;
  versionLocked: boolean;
}

const adminColumns = [
  "survey.id",
  "survey.slug",
  "survey.audience",
  "survey.series",
  "survey.wave",
  "survey.purpose",
  "survey.access",
  "survey.status",
  "survey.opens_at",
  "survey.closes_at",
  "survey.duplicated_from",
  "survey_version.number",
  "survey_version.locked_at",
  "survey_version.definition",
] as const;

type AdminRow = {
  id: string;
  slug: string;
  audience: Audience;
  series: string;
  wave: string;
  purpose: SurveyPurpose;
  access: SurveyAccess;
  status: SurveyStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  duplicated_from: string | null;
  number: number | null;
  locked_at: Date | null;
  definition: unknown;
};

function toAdmin(row: AdminRow, now: Date, language: string): AdminSurvey {
  return {
    id: row.id,
    slug: row.slug,
    title: titleOf(row.definition, language),
    audience: row.audience,
    series: row.series,
    wave: row.wave,
    purpose: row.purpose,
    access: row.access,
    status: row.status,
    state: surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    duplicatedFrom: row.duplicated_from,
    versionNumber: row.number,
    versionLocked: row.locked_at !== null,
  };
}

/** Every survey with its state at `now` and its response counts, newest first. */
export async function listSurveys(db: Db, { now, language = "en-GB" }: { now: Date; language?: string }) {
  const rows = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([...adminColumns])
    .orderBy("survey.opens_at", (ob) => ob.desc().nullsFirst())
    .orderBy("survey.created_at", "desc")
    .orderBy("survey.id")
    .execute();
  const counts = await db
    .selectFrom("survey_response")
    .select(["survey_id", "status", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy(["survey_id", "status"])
    .execute();
  const countOf = (id: string, status: string) => Number(counts.find((c) => c.survey_id === id && c.status === status)?.n ?? 0);
  return rows.map((row) => ({ ...toAdmin(row, now, language), submitted: countOf(row.id, "submitted"), started: countOf(row.id, "draft") }));
}

/** One survey for the lifecycle pages; undefined for an id that is not a survey's. */
export async function getSurvey(db: Db, { id, now, language = "en-GB" }: { id: string | undefined; now: Date; language?: string }) {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([...adminColumns])
    .where("survey.id", "=", id)
    .executeTakeFirst();
  return row ? toAdmin(row, now, language) : undefined;
}

/** The survey with its counts (submitted, started but not submitted; codes made and used). */
export async function getSurveyWithCounts(db: Db, input: { id: string | undefined; now: Date; language?: string }) {
  const survey = await getSurvey(db, input);
  if (!survey) return undefined;
  const [responses, invitations] = await Promise.all([responseCounts(db, survey.id), invitationCounts(db, survey.id)]);
  return { ...survey, responses, invitations };
}

/** Locks the survey's row for the rest of the transaction and returns its window and state. */
async function lockSurvey(trx: Db, id: string | undefined, now: Date) {
  if (!isUuid(id)) return undefined;
  const row = await trx
    .selectFrom("survey")
    .select(["id", "slug", "series", "wave", "audience", "purpose", "access", "status", "opens_at", "closes_at", "current_version_id"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, state: surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now) };
}

// ---- Creating ------------------------------------------------------------------------

/** Slug free and no other survey of the series with this wave: field errors, or none. */
async function identityErrors(db: Db, input: { slug: string; series: string; wave: string }): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const slugTaken = await db.selectFrom("survey").select("id").where("slug", "=", input.slug).executeTakeFirst();
  if (slugTaken) errors.slug = "errors.slugTaken";
  const waveTaken = await db
    .selectFrom("survey")
    .select("id")
    .where("series", "=", input.series)
    .where(sql<boolean>`lower(wave) = lower(${input.wave})`)
    .executeTakeFirst();
  if (waveTaken) errors.wave = "errors.waveTaken";
  return errors;
}

async function insertSurvey(
  trx: Db,
  input: { slug: string; audience: Audience; series: string; wave: string; access: AccessMode; purpose?: SurveyPurpose; duplicatedFrom?: string | null; definition: SurveyDefinition },
): Promise<LifecycleResult<{ id: string }>> {
  const errors = await identityErrors(trx, input);
  if (Object.keys(errors).length > 0) return invalid(errors);
  const { id } = await createSurvey(trx, { ...input, status: "draft", opensAt: null, closesAt: null });
  return { ok: true, id };
}

/** Runs a create; a slug taken by someone else between the check and the insert is a 400, not a 500. */
async function creating(db: Db, fn: (trx: Db) => Promise<LifecycleResult<{ id: string }>>): Promise<LifecycleResult<{ id: string }>> {
  try {
    return await inTransaction(db, fn);
  } catch (error) {
    if (uniqueViolation(error)) return invalid({ slug: "errors.slugTaken" });
    throw error;
  }
}

/** A new draft with a starter definition (one page, one optional question) for the builder to replace. */
export async function createDraftSurvey(db: Db, { input, by }: { input: NewSurveyInput; by: ChangedBy }) {
  return creating(db, async (trx) => {
    const result = await insertSurvey(trx, { ...input, definition: starterDefinition(input.title) });
    if (!result.ok) return result;
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.created",
      subjectType: "survey",
      subjectId: result.id,
      details: { slug: input.slug, audience: input.audience, series: input.series, wave: input.wave, access: input.access },
      requestId: by.requestId,
    });
    return result;
  });
}

export type ImportResult = LifecycleResult<{ id: string }> | { ok: false; reason: "problems"; problems: ImportProblem[] };

/** A draft from a definition given as JSON text; every problem in the text is listed, nothing is kept. */
export async function importSurvey(db: Db, { fields, text, fileName, by }: { fields: ImportFields; text: string; fileName: string; by: ChangedBy }): Promise<ImportResult> {
  const checked = checkDefinitionText(text);
  if (!checked.ok) return { ok: false, reason: "problems", problems: checked.problems };
  return creating(db, async (trx) => {
    const result = await insertSurvey(trx, { ...fields, definition: checked.definition });
    if (!result.ok) return result;
    const questions = checked.definition.pages.reduce((n, p) => n + p.questions.length, 0);
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.imported",
      subjectType: "survey",
      subjectId: result.id,
      details: { slug: fields.slug, series: fields.series, wave: fields.wave, fileName, pages: checked.definition.pages.length, questions },
      requestId: by.requestId,
    });
    return result;
  });
}

/**
 * A new draft in the same series with the source's current definition (a fresh,
 * unlocked version 1), a new slug and wave, and nothing else: no window, no
 * responses, no invitation codes.
 */
export async function duplicateSurvey(db: Db, { id, input, by, now }: { id: string | undefined; input: DuplicateInput; by: ChangedBy; now: Date }) {
  return creating(db, async (trx) => {
    const source = await lockSurvey(trx, id, now);
    if (!source) return notFound;
    const version = source.current_version_id
      ? await trx.selectFrom("survey_version").select("definition").where("id", "=", source.current_version_id).executeTakeFirst()
      : undefined;
    if (!version) return notFound;
    const definition = SurveyDefinitionSchema.parse(version.definition);
    const result = await insertSurvey(trx, {
      slug: input.slug,
      wave: input.wave,
      audience: source.audience,
      series: source.series,
      access: source.access,
      purpose: source.purpose,
      duplicatedFrom: source.id,
      definition,
    });
    if (!result.ok) return result;
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.duplicated",
      subjectType: "survey",
      subjectId: result.id,
      details: { from: source.id, fromSlug: source.slug, fromWave: source.wave, slug: input.slug, wave: input.wave },
      requestId: by.requestId,
    });
    return result;
  });
}

// ---- The window ------------------------------------------------------------------------

/** Sets (or changes) the window and makes the survey scheduled. */
export async function scheduleSurvey(
  db: Db,
  { id, form, by, now }: { id: string | undefined; form: WindowForm; by: ChangedBy; now: Date },
): Promise<LifecycleResult<{ opensAt: Date; closesAt: Date }>> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    if (survey.purpose === "revisit") return conflict("revisitWindow");
    const checked = checkWindow({ state: survey.state, current: { opensAt: survey.opens_at, closesAt: survey.closes_at }, form, now });
    if (!checked.ok) return checked.reason === "conflict" ? conflict(checked.conflict) : invalid(checked.errors);
    await trx
      .updateTable("survey")
      .set({ status: "scheduled", opens_at: checked.opensAt, closes_at: checked.closesAt, updated_at: now })
      .where("id", "=", survey.id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.scheduled",
      subjectType: "survey",
      subjectId: survey.id,
      details: {
        slug: survey.slug,
        opensAt: { from: survey.opens_at?.toISOString() ?? null, to: checked.opensAt.toISOString() },
        closesAt: { from: survey.closes_at?.toISOString() ?? null, to: checked.closesAt.toISOString() },
      },
      requestId: by.requestId,
    });
    return { ok: true, opensAt: checked.opensAt, closesAt: checked.closesAt };
  });
}

/** Back to draft, window cleared: only while it is scheduled and has not opened. */
export async function unscheduleSurvey(db: Db, { id, by, now }: { id: string | undefined; by: ChangedBy; now: Date }): Promise<LifecycleResult> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    const refused = unscheduleConflict(survey.state);
    if (refused) return conflict(refused);
    await trx.updateTable("survey").set({ status: "draft", opens_at: null, closes_at: null, updated_at: now }).where("id", "=", survey.id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.unscheduled",
      subjectType: "survey",
      subjectId: survey.id,
      details: { slug: survey.slug, opensAt: survey.opens_at?.toISOString() ?? null, closesAt: survey.closes_at?.toISOString() ?? null },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}

// ---- Archive -------------------------------------------------------------------------

export async function archiveSurvey(db: Db, { id, by, now }: { id: string | undefined; by: ChangedBy; now: Date }): Promise<LifecycleResult> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    const refused = archiveConflict(survey.state);
    if (refused) return conflict(refused);
    await trx.updateTable("survey").set({ status: "archived", updated_at: now }).where("id", "=", survey.id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.archived",
      subjectType: "survey",
      subjectId: survey.id,
      details: { slug: survey.slug, was: survey.state },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}

/** Back as it was: closed if it had run (its window kept), otherwise a draft without a window. */
export async function unarchiveSurvey(db: Db, { id, by, now }: { id: string | undefined; by: ChangedBy; now: Date }): Promise<LifecycleResult<{ state: SurveyState }>> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    if (survey.state !== "archived") return conflict("notArchived");
    const status = unarchivedStatus({ opensAt: survey.opens_at, closesAt: survey.closes_at }, now);
    await trx
      .updateTable("survey")
      .set(status === "draft" ? { status, opens_at: null, closes_at: null, updated_at: now } : { status, updated_at: now })
      .where("id", "=", survey.id)
      .execute();
    const state = status === "draft" ? "draft" : "closed";
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.unarchived",
      subjectType: "survey",
      subjectId: survey.id,
      details: { slug: survey.slug, now: state },
      requestId: by.requestId,
    });
    return { ok: true, state };
  });
}

// ---- Who can answer ----------------------------------------------------------------------

export async function setAccess(
  db: Db,
  { id, access, by, now }: { id: string | undefined; access: AccessMode; by: ChangedBy; now: Date },
): Promise<LifecycleResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    const refused = accessConflict(survey.state);
    if (refused) return conflict(refused);
    if (survey.access === access) return { ok: true, changed: false };
    await trx.updateTable("survey").set({ access, updated_at: now }).where("id", "=", survey.id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.access-changed",
      subjectType: "survey",
      subjectId: survey.id,
      details: { slug: survey.slug, from: survey.access, to: access },
      requestId: by.requestId,
    });
    return { ok: true, changed: true };
  });
}

/**
 * Makes single-use codes for an invite-only survey that has not closed. The
 * codes are returned once; only their hashes are stored (responses.server.ts).
 */
export async function makeInvitations(
  db: Db,
  { id, count, label, by, now }: { id: string | undefined; count: number; label: string; by: ChangedBy; now: Date },
): Promise<LifecycleResult<{ codes: string[] }>> {
  return inTransaction(db, async (trx) => {
    const survey = await lockSurvey(trx, id, now);
    if (!survey) return notFound;
    const refused = invitationsConflict(survey.state, survey.access);
    if (refused) return conflict(refused);
    const codes = await createInvitations(trx, survey.id, count, label);
    await recordAudit(trx, {
      userId: by.userId,
      action: "survey.invitations-made",
      subjectType: "survey",
      subjectId: survey.id,
      details: { slug: survey.slug, count, label },
      requestId: by.requestId,
    });
    return { ok: true, codes };
  });
}

// ---- The codes just made, as a download ---------------------------------------------------

/** How long the page that shows new codes can still download them. */
export const CODES_DOWNLOAD_MS = 30 * 60 * 1000;

export interface SignedCodes {
  codes: string[];
  label: string;
  madeAt: string;
  signature: string;
}

function signatureOf(secret: string, surveyId: string, codes: string[], label: string, madeAt: string): string {
  return createHmac("sha256", secret).update(JSON.stringify(["survey-codes", surveyId, codes, label, madeAt])).digest("base64url");
}

/**
 * The codes just made, signed, so the page can offer them as a CSV without the
 * codes ever being stored: the download route only accepts a signed list, for
 * this survey, made in the last half hour.
 */
export function signCodes(secret: string, surveyId: string, codes: string[], label: string, madeAt: Date): SignedCodes {
  const at = madeAt.toISOString();
  return { codes, label, madeAt: at, signature: signatureOf(secret, surveyId, codes, label, at) };
}

export function verifyCodes(
  secrets: string[],
  surveyId: string,
  posted: { codes: string; label: string; madeAt: string; signature: string },
  now: Date,
): { codes: string[]; label: string } | undefined {
  const codes = posted.codes.split(/\s+/).filter(Boolean);
  if (codes.length === 0 || codes.some((c) => normaliseCode(c) !== c)) return undefined;
  const madeAt = new Date(posted.madeAt);
  const age = now.getTime() - madeAt.getTime();
  if (Number.isNaN(age) || age < 0 || age > CODES_DOWNLOAD_MS) return undefined;
  const given = Buffer.from(posted.signature);
  const valid = secrets.some((secret) => {
    const expected = Buffer.from(signatureOf(secret, surveyId, codes, posted.label, posted.madeAt));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  return valid ? { codes, label: posted.label } : undefined;
}

/** Whether every code is one of this survey's (a last check before a download). */
export async function codesBelongTo(db: Db, surveyId: string, codes: string[]): Promise<boolean> {
  const hashes = [...new Set(codes.map(hashCode))];
  const row = await db
    .selectFrom("survey_invitation")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("survey_id", "=", surveyId)
    .where("code_hash", "in", hashes)
    .executeTakeFirstOrThrow();
  return Number(row.n) === hashes.length;
}

/** The CSV of new codes: one row per code, its label, and where to use it. */
export function codesCsv(codes: string[], label: string, headings: { code: string; label: string; link: string }, link: string): string {
  const cell = (value: string) => {
    // Spreadsheets run cells that start with = + - @ as formulas: make them text.
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [[headings.code, headings.label, headings.link], ...codes.map((code) => [code, label, link])];
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
