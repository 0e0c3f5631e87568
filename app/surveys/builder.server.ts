/**
 * Loading a survey for the builder and saving its edits. The edits themselves
 * are pure (`builder.ts`); here they run in a transaction against the current
 * version, which is changed in place only while nobody can have seen it
 * (`isEditable`: not locked, never opened). A locked version never changes:
 * "make a new version" copies it, except while the survey is open, when new
 * respondents would meet different questions from the ones before them.
 */
import { json, redirect, type AppLoadContext, type TypedResponse } from "@remix-run/node";
import type { Kysely, Transaction } from "kysely";
import type { Database, SurveyAccess, SurveyPurpose } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { readFlash, setFlash } from "../auth/flash.server";
import type { FieldErrors, FormValues } from "../utils/form-data";
import { httpError } from "../utils/http.server";
import { englishOf, surveyPath, type EditResult, type ErrorParams } from "./builder";
import type { Audience, SurveyDefinition } from "./definition";
import { parseDefinition } from "./responses.server";
import { addVersion } from "./surveys.server";
import { isEditable, surveyState, type StoredStatus, type SurveyState } from "./window";

type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EditableSurvey {
  id: string;
  slug: string;
  audience: Audience;
  access: SurveyAccess;
  series: string;
  wave: string;
  status: StoredStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  state: SurveyState;
  purpose: SurveyPurpose;
  version: { id: string; number: number; lockedAt: Date | null } | null;
  definition: SurveyDefinition | null;
  /** The current version may be changed in place. */
  editable: boolean;
  /** A locked version may be copied into a new one (never while the survey is open). */
  canMakeNewVersion: boolean;
}

/** Why a version cannot be changed in place, for the message that says what to do. */
export type LockReason = "locked-open" | "locked" | "open" | "closed" | "archived" | "revisit-scheduled";

export function lockReason(survey: Pick<EditableSurvey, "state" | "version" | "purpose">): LockReason {
  const locked = survey.version?.lockedAt != null;
  if (survey.purpose === "revisit" && survey.state === "scheduled" && !locked) return "revisit-scheduled";
  if (survey.state === "open") return locked ? "locked-open" : "open";
  if (locked) return "locked";
  return survey.state === "archived" ? "archived" : "closed";
}

/**
 * A scheduled re-visit survey is what the parent carer forum signed off: it is not
 * changed in place (docs/decisions/017-revisits.md). Unschedule it first.
 */
function rules(state: SurveyState, status: StoredStatus, opensAt: Date | null, closesAt: Date | null, lockedAt: Date | null, now: Date, purpose: SurveyPurpose) {
  return {
    editable: isEditable({ status, opensAt, closesAt, lockedAt }, now) && !(purpose === "revisit" && state === "scheduled"),
    canMakeNewVersion: lockedAt !== null && state !== "open",
  };
}

/** The survey with its current version, as the builder shows it; undefined for an id that is not a survey. */
export async function getSurveyForEditing(db: Db, id: string | undefined, now: Date): Promise<EditableSurvey | undefined> {
  if (!id || !UUID.test(id)) return undefined;
  const row = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([
      "survey.id",
      "survey.slug",
      "survey.audience",
      "survey.access",
      "survey.series",
      "survey.wave",
      "survey.status",
      "survey.purpose",
      "survey.opens_at",
      "survey.closes_at",
      "survey_version.id as version_id",
      "survey_version.number",
      "survey_version.locked_at",
      "survey_version.definition",
    ])
    .where("survey.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const state = surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now);
  const lockedAt = row.locked_at ?? null;
  const version = row.version_id && row.number != null ? { id: row.version_id, number: row.number, lockedAt } : null;
  return {
    id: row.id,
    slug: row.slug,
    audience: row.audience,
    access: row.access,
    series: row.series,
    wave: row.wave,
    status: row.status,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    state,
    purpose: row.purpose,
    version,
    definition: version && row.definition ? parseDefinition(version.id, row.definition, lockedAt !== null) : null,
    ...(version ? rules(state, row.status, row.opens_at, row.closes_at, lockedAt, now, row.purpose) : { editable: false, canMakeNewVersion: false }),
  };
}

export interface BuilderReferences {
  areas: { number: number; title: string }[];
  groups: { slug: string; number: number; name: string }[];
  districts: { slug: string; name: string }[];
}

/** The lists questions are tied to: areas of concern, working groups, and districts (for naming "about you" answers). */
export async function getBuilderReferences(db: Db): Promise<BuilderReferences> {
  const [areas, groups, districts] = await Promise.all([
    db.selectFrom("area_of_concern").select(["number", "title", "plain_title"]).orderBy("number").execute(),
    db.selectFrom("working_group").select(["slug", "number", "name"]).orderBy("number").execute(),
    db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute(),
  ]);
  return {
    areas: areas.map((a) => ({ number: a.number, title: a.plain_title.trim() || a.title })),
    groups,
    districts,
  };
}

export interface ChangedBy {
  userId: string;
  requestId?: string;
}

export type SaveResult =
  | { ok: true; changed: boolean; definition: SurveyDefinition }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "locked"; lock: LockReason; canMakeNewVersion: boolean }
  | { ok: false; reason: "invalid"; errors: FieldErrors; params?: ErrorParams };

/**
 * Applies one edit to the survey's current version, in place, in a transaction
 * that holds the version's row: a first response starting at the same moment
 * (which locks the version) waits, then sees the change whole. Nothing is
 * written when the edit changes nothing.
 */

/** The survey (locked for this transaction) and its current version; undefined when either is missing. */
async function currentVersionForUpdate(trx: Transaction<Database>, surveyId: string) {
  const survey = await trx
    .selectFrom("survey")
    .select(["id", "status", "purpose", "opens_at", "closes_at", "current_version_id"])
    .where("id", "=", surveyId)
    .forUpdate()
    .executeTakeFirst();
  if (!survey?.current_version_id) return undefined;
  const version = await trx
    .selectFrom("survey_version")
    .select(["id", "number", "definition", "locked_at"])
    .where("id", "=", survey.current_version_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { survey, version };
}

export async function editSurvey(
  db: Db,
  input: {
    surveyId: string;
    now: Date;
    by: ChangedBy;
    /** The audit log's action, e.g. "survey.question-updated". */
    action: string;
    details?: Record<string, unknown>;
    edit: (definition: SurveyDefinition) => EditResult;
  },
): Promise<SaveResult> {
  if (!UUID.test(input.surveyId)) return { ok: false, reason: "not-found" };
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const found = await currentVersionForUpdate(trx, input.surveyId);
    if (!found) return { ok: false, reason: "not-found" };
    const { survey, version } = found;
    const state = surveyState({ status: survey.status, opensAt: survey.opens_at, closesAt: survey.closes_at }, input.now);
    const { editable, canMakeNewVersion } = rules(state, survey.status, survey.opens_at, survey.closes_at, version.locked_at, input.now, survey.purpose);
    if (!editable) return { ok: false, reason: "locked", lock: lockReason({ state, purpose: survey.purpose, version: { id: version.id, number: version.number, lockedAt: version.locked_at } }), canMakeNewVersion };

    const before = parseDefinition(version.id, version.definition, false);
    const result = input.edit(before);
    if (!result.ok) return result;
    if (JSON.stringify(result.definition) === JSON.stringify(before)) return { ok: true, changed: false, definition: before };
    await trx.updateTable("survey_version").set({ definition: JSON.stringify(result.definition) }).where("id", "=", version.id).execute();
    await trx.updateTable("survey").set({ updated_at: input.now }).where("id", "=", survey.id).execute();
    await recordAudit(trx, {
      userId: input.by.userId,
      action: input.action,
      subjectType: "survey",
      subjectId: survey.id,
      details: { version: version.number, ...input.details },
      requestId: input.by.requestId,
    });
    return { ok: true, changed: true, definition: result.definition };
  });
}

export type NewVersionResult =
  | { ok: true; number: number }
  | { ok: false; reason: "not-found" }
  /** Open: new respondents would meet different questions from those who started before them. */
  | { ok: false; reason: "open" }
  /** The current version is not locked: change it in place (or, once closed, schedule it again first). */
  | { ok: false; reason: "not-locked" };

/** Copies the locked current version into a new one, made current. Answers already given keep their version. */
export async function makeNewVersion(db: Db, input: { surveyId: string; now: Date; by: ChangedBy }): Promise<NewVersionResult> {
  if (!UUID.test(input.surveyId)) return { ok: false, reason: "not-found" };
  return db.transaction().execute(async (trx): Promise<NewVersionResult> => {
    const found = await currentVersionForUpdate(trx, input.surveyId);
    if (!found) return { ok: false, reason: "not-found" };
    const { survey, version } = found;
    const state = surveyState({ status: survey.status, opensAt: survey.opens_at, closesAt: survey.closes_at }, input.now);
    if (state === "open") return { ok: false, reason: "open" };
    if (!version.locked_at) return { ok: false, reason: "not-locked" };
    const definition = parseDefinition(version.id, version.definition, true);
    const id = await addVersion(trx, survey.id, definition);
    const created = await trx.selectFrom("survey_version").select("number").where("id", "=", id).executeTakeFirstOrThrow();
    await trx.updateTable("survey").set({ updated_at: input.now }).where("id", "=", survey.id).execute();
    await recordAudit(trx, {
      userId: input.by.userId,
      action: "survey.version-added",
      subjectType: "survey",
      subjectId: survey.id,
      details: { from: version.number, version: created.number },
      requestId: input.by.requestId,
    });
    return { ok: true, number: created.number };
  });
}

// ---- Answers for the routes ------------------------------------------------------------

/** The one-time messages the overview shows after a save ("done.<message>" in survey-builder). */
export const builderDoneMessages = [
  "details",
  "pageAdded",
  "pageUpdated",
  "pageDeleted",
  "pageMoved",
  "questionAdded",
  "questionUpdated",
  "questionDeleted",
  "questionMoved",
  "conditionSet",
  "conditionRemoved",
  "texts",
  "newVersion",
  "unchanged",
] as const;
export type BuilderDone = (typeof builderDoneMessages)[number];

/**
 * Back to the survey's overview (post/redirect/get), or to `to` (a path under
 * it, query included), with a one-time message, at `anchor` if given.
 */
export async function redirectToSurvey(
  context: AppLoadContext,
  surveyId: string,
  { done, name = "", changed = true, anchor, to }: { done: BuilderDone; name?: string; changed?: boolean; anchor?: string; to?: string },
): Promise<TypedResponse<never>> {
  const value = { surveyBuilderDone: changed ? done : "unchanged", surveyBuilderName: name };
  return redirect(`${to ?? surveyPath(surveyId)}${anchor ? `#${anchor}` : ""}`, { headers: { "Set-Cookie": await setFlash(context, value) } });
}

export async function readSurveyDone(request: Request, context: AppLoadContext) {
  const flash = await readFlash(request, context);
  const message = flash.value?.surveyBuilderDone;
  if (!message || !(builderDoneMessages as readonly string[]).includes(message)) return { done: null, headers: {} as Record<string, string> };
  return { done: { message: message as BuilderDone, name: flash.value?.surveyBuilderName ?? "" }, headers: { "Set-Cookie": flash.clear } };
}

export interface BuilderActionData {
  errors: FieldErrors;
  params?: ErrorParams;
  values: FormValues;
  /** Set when the version could not be changed because it is locked (409). */
  lock?: LockReason;
  canMakeNewVersion?: boolean;
}

/**
 * The form again: 400 with the messages and what was typed, or 409 when the
 * version is locked (the message says how to make a new one). A page or
 * question that is not there is the 404 page.
 */
export async function builderRefusal(
  request: Request,
  context: AppLoadContext,
  result: Exclude<SaveResult, { ok: true }> | { ok: false; reason: "invalid"; errors: FieldErrors; params?: ErrorParams },
  values: FormValues,
) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (result.reason === "locked") {
    context.logger.info({ status: 409, lock: result.lock }, "survey version locked");
    return json<BuilderActionData>({ errors: { form: `locked.${result.lock}` }, values, lock: result.lock, canMakeNewVersion: result.canMakeNewVersion }, { status: 409 });
  }
  context.logger.info({ status: 400, fields: Object.keys(result.errors) }, "form rejected");
  return json<BuilderActionData>({ errors: result.errors, params: result.params, values }, { status: 400 });
}

export type LoadedSurvey = EditableSurvey & { version: NonNullable<EditableSurvey["version"]>; definition: SurveyDefinition };

/** The survey a builder page is about, at the request's time, or the 404 page. */
export async function requireBuilderSurvey(request: Request, context: AppLoadContext, id: string | undefined): Promise<LoadedSurvey> {
  const survey = await getSurveyForEditing(context.db, id, context.now());
  if (!survey?.version || !survey.definition) throw await httpError(request, 404, "not-found");
  return survey as LoadedSurvey;
}

export function changedBy(user: { id: string }, context: AppLoadContext): ChangedBy {
  return { userId: user.id, requestId: context.requestId };
}

/** What every builder page needs to know about the survey, for the page and its locked notice. */
export function surveySummary(survey: LoadedSurvey) {
  return {
    id: survey.id,
    title: englishOf(survey.definition.title),
    versionNumber: survey.version.number,
    editable: survey.editable,
    lock: survey.editable ? null : lockReason(survey),
    canMakeNewVersion: survey.canMakeNewVersion,
  };
}
