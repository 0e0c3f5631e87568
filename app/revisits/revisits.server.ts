/**
 * Re-visit records: create from a notification date or a first day on site, show the
 * timeline, override a date with a reason, schedule the parents' survey from the
 * timeline once the parent carer forum has signed it off, and follow a change to the
 * bank holidays. Every write checks the rules in timeline.ts against the `now` it is
 * given, writes, records the history and the audit entry in one transaction.
 */
import type { Kysely } from "kysely";
import type { Database, RevisitMilestone, StoredOverride } from "../../db/schema";
import { inTransaction, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { resolveText } from "../i18n/content";
import { SurveyDefinitionSchema, type SurveyDefinition } from "../surveys/definition";
import { ukToday } from "../surveys/uk-time";
import { createSurvey } from "../surveys/surveys.server";
import { surveyState, type SurveyState } from "../surveys/window";
import type { FieldErrors } from "../utils/form-data";
import { reviewStatus, type ReviewStatus } from "./review.server";
import { revisitDefinition, type Focus } from "./template";
import {
  applyOverrides,
  buildTimeline,
  changedMilestones,
  checkOverrides,
  checkStartDate,
  computeMilestones,
  milestones,
  noonOn,
  type Holidays,
  type Milestone,
  type MilestoneDates,
  type Overrides,
  type StartKind,
  type Timeline,
} from "./timeline";

type Db = Kysely<Database>;

export type RevisitResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  /** `params` fill the messages' blanks (the bank holiday's name, the date the survey would open). */
  | {
      ok: false;
      reason: "invalid";
      errors: FieldErrors;
      params?: Record<string, string>;
    }
  | { ok: false; reason: "conflict"; conflict: RevisitConflict };

/** Why an action is refused (409): "conflicts.<key>" in the revisits namespace. */
export type RevisitConflict = "reviewNotDone" | "openingPassed" | "surveyStarted" | "surveyArchived";

const notFound = { ok: false, reason: "not-found" } as const;

/** England and Wales bank holidays by date, with their names. A few hundred rows at most. */
export async function loadHolidays(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("bank_holiday").select(["date", "title"]).execute();
  return new Map(rows.map((r) => [String(r.date).slice(0, 10), r.title]));
}

/** The years the bank-holiday table covers, so a timeline beyond them can be flagged. */
export function holidayYears(holidays: Holidays): Set<string> {
  return new Set([...holidays.keys()].map((d) => d.slice(0, 4)));
}

function overridesForTimeline(stored: Partial<Record<RevisitMilestone, StoredOverride>>): Overrides {
  const overrides: Overrides = {};
  for (const m of milestones) {
    const o = stored[m];
    if (o) overrides[m] = { date: o.date, reason: o.reason };
  }
  return overrides;
}

// ---- Creating ----------------------------------------------------------------------------

function checkStart(
  holidays: Holidays,
  kind: StartKind,
  date: string,
  now: Date
): { errors: FieldErrors; params: Record<string, string>; notified?: string } {
  const start = checkStartDate(kind, date, ukToday(now), holidays);
  if (start.ok) return { errors: {}, params: {}, notified: start.notified };
  const params: Record<string, string> = {};
  if (start.problem.code === "bank-holiday") params.holiday = start.problem.title;
  // A "YYYY-MM-DD": the page says it in words in the reader's language.
  if (start.problem.code === "too-soon") params.opens = start.problem.opens;
  return { errors: { date: `errors.date.${start.problem.code}` }, params };
}

/** The date's problems alone, for a form that has other mistakes too: every mistake is named at once. */
export async function startDateErrors(db: Db, kind: StartKind, date: string, now: Date) {
  const { errors, params } = checkStart(await loadHolidays(db), kind, date, now);
  return { errors, params };
}

export interface NewRevisitInput {
  title: string;
  kind: StartKind;
  date: string;
  focuses: number[];
  meetingWhen: string;
  meetingWhere: string;
}

function slugFor(notified: string): string {
  return `revisit-parents-${notified}`;
}

/** Creates the re-visit and its draft survey. Field errors are i18n keys in "revisits". */
export async function createRevisit(
  db: Db,
  { input, by, now }: { input: NewRevisitInput; by: ChangedBy; now: Date }
): Promise<RevisitResult<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const holidays = await loadHolidays(trx);
    const { errors, params, notified: checkedNotified } = checkStart(holidays, input.kind, input.date, now);
    const concerns = await trx.selectFrom("area_of_concern").select(["number", "plain_title", "title"]).orderBy("number").execute();
    const focuses: Focus[] = concerns
      .filter((c) => input.focuses.includes(c.number))
      .map((c) => ({ number: c.number, plainTitle: c.plain_title || c.title }));
    if (focuses.length === 0 || focuses.length !== new Set(input.focuses).size) errors.focuses = "errors.focuses";
    if (!checkedNotified || Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors, params };
    const notified = checkedNotified;
    const taken = await trx.selectFrom("survey").select("id").where("slug", "=", slugFor(notified)).executeTakeFirst();
    if (taken)
      return {
        ok: false,
        reason: "invalid",
        errors: { date: "errors.date.taken" },
      };
    const computed = computeMilestones(notified, holidays);
    const definition = revisitDefinition({ title: input.title, focuses });
    const survey = await createSurvey(trx, {
      slug: slugFor(notified),
      audience: "parent_carer",
      series: "revisit-parents",
      wave: notified,
      purpose: "revisit",
      definition,
    });
    const row = await trx
      .insertInto("revisit")
      .values({
        title: input.title,
        notified_on: notified,
        entered_as: input.kind,
        entered_date: input.date,
        computed: JSON.stringify(computed),
        survey_id: survey.id,
        meeting_when: input.meetingWhen,
        meeting_where: input.meetingWhere,
        created_by: by.userId,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addEvent(trx, row.id, now, by, "created", {
      kind: input.kind,
      date: input.date,
      notified,
      computed,
    });
    await recordAudit(trx, {
      userId: by.userId,
      action: "revisit.created",
      subjectType: "revisit",
      subjectId: row.id,
      details: { notified, surveyId: survey.id },
      requestId: by.requestId,
    });
    return { ok: true, id: row.id };
  });
}

export async function addEvent(db: Db, revisitId: string, at: Date, by: ChangedBy, kind: string, details: Record<string, unknown> = {}) {
  await db
    .insertInto("revisit_event")
    .values({
      revisit_id: revisitId,
      at,
      user_id: by.userId,
      kind,
      details: JSON.stringify(details),
    })
    .execute();
}

// ---- Reading -----------------------------------------------------------------------------

export interface RevisitView {
  id: string;
  title: string;
  notified: string;
  enteredAs: StartKind;
  enteredDate: string;
  timeline: Timeline;
  overrides: Partial<Record<RevisitMilestone, StoredOverride>>;
  flag: string | null;
  meetingWhen: string;
  meetingWhere: string;
  /** Years of the timeline the bank-holiday table does not cover: its dates may be wrong. */
  uncoveredYears: string[];
  survey: {
    id: string;
    slug: string;
    title: string;
    state: SurveyState;
    opensAt: Date | null;
    closesAt: Date | null;
    definition: SurveyDefinition;
  };
  review: ReviewStatus;
  /** The survey's window matches the timeline (or it is not scheduled yet). */
  windowMatches: boolean;
}

export async function listRevisits(db: Db, now: Date) {
  const rows = await db
    .selectFrom("revisit")
    .innerJoin("survey", "survey.id", "revisit.survey_id")
    .select([
      "revisit.id",
      "revisit.title",
      "revisit.notified_on",
      "revisit.computed",
      "revisit.overrides",
      "revisit.flag",
      "survey.status",
      "survey.opens_at",
      "survey.closes_at",
    ])
    .orderBy("revisit.notified_on", "desc")
    .execute();
  return rows.map((r) => {
    const dates = applyOverrides(r.computed, r.overrides);
    return {
      id: r.id,
      title: r.title,
      notified: String(r.notified_on).slice(0, 10),
      onsite: dates.onsite,
      flag: r.flag,
      state: surveyState({ status: r.status, opensAt: r.opens_at, closesAt: r.closes_at }, now),
    };
  });
}

export async function getRevisit(db: Db, id: string | undefined, now: Date): Promise<RevisitView | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("revisit")
    .innerJoin("survey", "survey.id", "revisit.survey_id")
    .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select([
      "revisit.id",
      "revisit.title",
      "revisit.notified_on",
      "revisit.entered_as",
      "revisit.entered_date",
      "revisit.overrides",
      "revisit.flag",
      "revisit.meeting_when",
      "revisit.meeting_where",
      "survey.id as survey_id",
      "survey.slug",
      "survey.status",
      "survey.opens_at",
      "survey.closes_at",
      "survey_version.definition",
    ])
    .where("revisit.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const holidays = await loadHolidays(db);
  const notified = String(row.notified_on).slice(0, 10);
  const timeline = buildTimeline(notified, holidays, overridesForTimeline(row.overrides));
  const years = holidayYears(holidays);
  const uncoveredYears = [...new Set([timeline.dates.notified, timeline.dates.onsite].map((d) => d.slice(0, 4)))].filter(
    (y) => !years.has(y)
  );
  const definition = SurveyDefinitionSchema.parse(row.definition);
  const review = await reviewStatus(db, row.id, definition);
  const windowMatches =
    row.status !== "scheduled" ||
    (row.opens_at?.getTime() === timeline.opensAt.getTime() && row.closes_at?.getTime() === timeline.closesAt.getTime());
  return {
    id: row.id,
    title: row.title,
    notified,
    enteredAs: row.entered_as,
    enteredDate: String(row.entered_date).slice(0, 10),
    timeline,
    overrides: row.overrides,
    flag: row.flag,
    meetingWhen: row.meeting_when,
    meetingWhere: row.meeting_where,
    uncoveredYears,
    survey: {
      id: row.survey_id,
      slug: row.slug,
      title: resolveText(definition.title, { language: "en-GB", format: "standard" })?.text ?? row.title,
      state: surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now),
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      definition,
    },
    review,
    windowMatches,
  };
}

export async function revisitHistory(db: Db, id: string) {
  return db
    .selectFrom("revisit_event")
    .leftJoin("app_user", "app_user.id", "revisit_event.user_id")
    .select(["revisit_event.id", "revisit_event.at", "revisit_event.kind", "revisit_event.details", "app_user.name as by"])
    .where("revisit_event.revisit_id", "=", id)
    .orderBy("revisit_event.at", "desc")
    .orderBy("revisit_event.id")
    .execute();
}

// ---- Changing ----------------------------------------------------------------------------

async function lockRevisit(trx: Db, id: string | undefined, now: Date) {
  if (!isUuid(id)) return undefined;
  const row = await trx.selectFrom("revisit").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  const survey = await trx
    .selectFrom("survey")
    .select(["id", "status", "opens_at", "closes_at", "current_version_id"])
    .where("id", "=", row.survey_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    row,
    survey,
    state: surveyState(
      {
        status: survey.status,
        opensAt: survey.opens_at,
        closesAt: survey.closes_at,
      },
      now
    ),
  };
}

/** After the survey has opened its window is fixed: dates that move it are refused. */
function windowFixed(state: SurveyState): RevisitConflict | undefined {
  if (state === "open" || state === "closed") return "surveyStarted";
  if (state === "archived") return "surveyArchived";
  return undefined;
}

/**
 * Sets or clears an officer's date for one milestone. A scheduled survey follows the
 * new opening or closing date while it has not opened.
 */
export async function setOverride(
  db: Db,
  {
    id,
    milestone,
    date,
    reason,
    by,
    now,
  }: {
    id: string | undefined;
    milestone: Milestone;
    date: string | null;
    reason: string;
    by: ChangedBy;
    now: Date;
  }
): Promise<RevisitResult> {
  return inTransaction(db, async (trx) => {
    const locked = await lockRevisit(trx, id, now);
    if (!locked) return notFound;
    const { row, state } = locked;
    const overrides = { ...row.overrides };
    const before = overrides[milestone] ?? null;
    if (date === null) delete overrides[milestone];
    else
      overrides[milestone] = {
        date,
        reason: reason.trim(),
        by: by.userId,
        at: now.toISOString(),
      };
    const checked = checkOverrides(row.computed, overridesForTimeline(overrides));
    if (!checked.ok)
      return {
        ok: false,
        reason: "invalid",
        errors: {
          date: `errors.override.${checked.problem.code}`,
          ...(checked.problem.code === "reason" ? { reason: "errors.override.reason", date: "" } : {}),
        },
      };
    const movesWindow = milestone === "opens" || milestone === "closes";
    if (movesWindow) {
      const fixed = windowFixed(state);
      if (fixed) return { ok: false, reason: "conflict", conflict: fixed };
    }
    await trx
      .updateTable("revisit")
      .set({ overrides: JSON.stringify(overrides), updated_at: now })
      .where("id", "=", row.id)
      .execute();
    if (movesWindow) await followTimeline(trx, row.survey_id, row.computed, overrides, state, now);
    await addEvent(trx, row.id, now, by, date === null ? "override-cleared" : "override-set", {
      milestone,
      from: before?.date ?? null,
      to: date,
      reason: reason.trim(),
    });
    await recordAudit(trx, {
      userId: by.userId,
      action: "revisit.override",
      subjectType: "revisit",
      subjectId: row.id,
      details: {
        milestone,
        from: before?.date ?? null,
        to: date,
        reason: reason.trim(),
      },
      requestId: by.requestId,
    });
    return { ok: true };
  });
}

/** A scheduled survey that has not opened takes the timeline's window. */
async function followTimeline(
  trx: Db,
  surveyId: string,
  computed: MilestoneDates,
  overrides: Partial<Record<RevisitMilestone, StoredOverride>>,
  state: SurveyState,
  now: Date
) {
  if (state !== "scheduled") return;
  const dates = applyOverrides(computed, overrides);
  await trx
    .updateTable("survey")
    .set({
      opens_at: noonOn(dates.opens),
      closes_at: noonOn(dates.closes),
      updated_at: now,
    })
    .where("id", "=", surveyId)
    .execute();
}

export async function setMeeting(
  db: Db,
  {
    id,
    when,
    where,
    by,
    now,
  }: {
    id: string | undefined;
    when: string;
    where: string;
    by: ChangedBy;
    now: Date;
  }
): Promise<RevisitResult> {
  return inTransaction(db, async (trx) => {
    const locked = await lockRevisit(trx, id, now);
    if (!locked) return notFound;
    await trx
      .updateTable("revisit")
      .set({ meeting_when: when, meeting_where: where, updated_at: now })
      .where("id", "=", locked.row.id)
      .execute();
    await addEvent(trx, locked.row.id, now, by, "meeting-set", { when, where });
    return { ok: true };
  });
}

/**
 * Schedules the survey for 12 noon on day −5 to 12 noon on day −1 (or the officer's
 * dates): only when every review comment is resolved and a PCF reviewer has signed off
 * the questions as they are now, and only while the opening is still ahead.
 */
export async function scheduleRevisitSurvey(
  db: Db,
  { id, by, now }: { id: string | undefined; by: ChangedBy; now: Date }
): Promise<RevisitResult<{ opensAt: Date; closesAt: Date }>> {
  return inTransaction(db, async (trx) => {
    const locked = await lockRevisit(trx, id, now);
    if (!locked) return notFound;
    const { row, survey, state } = locked;
    const fixed = windowFixed(state);
    if (fixed) return { ok: false, reason: "conflict", conflict: fixed };
    const version = await trx
      .selectFrom("survey_version")
      .select("definition")
      .where("id", "=", survey.current_version_id!)
      .executeTakeFirstOrThrow();
    const review = await reviewStatus(trx, row.id, SurveyDefinitionSchema.parse(version.definition));
    if (!review.ready) return { ok: false, reason: "conflict", conflict: "reviewNotDone" };
    const holidays = await loadHolidays(trx);
    const timeline = buildTimeline(String(row.notified_on).slice(0, 10), holidays, overridesForTimeline(row.overrides));
    if (timeline.opensAt.getTime() <= now.getTime()) return { ok: false, reason: "conflict", conflict: "openingPassed" };
    await trx
      .updateTable("survey")
      .set({
        status: "scheduled",
        opens_at: timeline.opensAt,
        closes_at: timeline.closesAt,
        updated_at: now,
      })
      .where("id", "=", survey.id)
      .execute();
    await addEvent(trx, row.id, now, by, "scheduled", {
      opensAt: timeline.opensAt.toISOString(),
      closesAt: timeline.closesAt.toISOString(),
    });
    await recordAudit(trx, {
      userId: by.userId,
      action: "revisit.scheduled",
      subjectType: "revisit",
      subjectId: row.id,
      details: {
        surveyId: survey.id,
        opensAt: timeline.opensAt.toISOString(),
        closesAt: timeline.closesAt.toISOString(),
      },
      requestId: by.requestId,
    });
    return { ok: true, opensAt: timeline.opensAt, closesAt: timeline.closesAt };
  });
}

// ---- When the bank holidays change ---------------------------------------------------------

export interface RecomputeSummary {
  /** Re-visits whose dates moved and were updated (the survey had not opened). */
  updated: string[];
  /** Re-visits whose dates would move but could not simply follow: an officer must look. */
  flagged: string[];
}

/**
 * Recomputes every re-visit that has not finished after the bank-holiday table changed.
 * Dates follow the new table while the survey has not opened and the officer has not set
 * the milestones that moved; otherwise the re-visit is flagged with what moved. Run in the
 * import's transaction, so a failed import changes nothing.
 */
export async function recomputeAfterHolidayChange(db: Db, { by, now }: { by: ChangedBy; now: Date }): Promise<RecomputeSummary> {
  return inTransaction(db, async (trx) => {
    const holidays = await loadHolidays(trx);
    // Each re-visit is locked by lockRevisit as it is reached.
    const rows = await trx.selectFrom("revisit").select(["id"]).execute();
    const summary: RecomputeSummary = { updated: [], flagged: [] };
    for (const { id } of rows) {
      const locked = await lockRevisit(trx, id, now);
      if (!locked) continue;
      const { row, state } = locked;
      if (state === "closed" || state === "archived") continue;
      const notified = String(row.notified_on).slice(0, 10);
      const fresh = computeMilestones(notified, holidays);
      const moved = changedMilestones(row.computed, fresh);
      if (moved.length === 0) continue;
      const blocked = state === "open" || moved.some((m) => row.overrides[m]);
      const change = Object.fromEntries(moved.map((m) => [m, { from: row.computed[m], to: fresh[m] }]));
      if (blocked) {
        const flag = JSON.stringify(change);
        await trx.updateTable("revisit").set({ flag, updated_at: now }).where("id", "=", row.id).execute();
        await addEvent(trx, row.id, now, by, "flagged", { moved: change });
        summary.flagged.push(row.id);
        continue;
      }
      await trx
        .updateTable("revisit")
        .set({ computed: JSON.stringify(fresh), flag: null, updated_at: now })
        .where("id", "=", row.id)
        .execute();
      await followTimeline(trx, row.survey_id, fresh, row.overrides, state, now);
      await addEvent(trx, row.id, now, by, "recomputed", { moved: change });
      summary.updated.push(row.id);
    }
    return summary;
  });
}

/**
 * An officer accepts the new bank holidays for a flagged re-visit: the computed dates
 * follow them (overrides stay as they are) and the flag is cleared.
 */
export async function acceptRecompute(
  db: Db,
  { id, by, now }: { id: string | undefined; by: ChangedBy; now: Date }
): Promise<RevisitResult> {
  return inTransaction(db, async (trx) => {
    const locked = await lockRevisit(trx, id, now);
    if (!locked) return notFound;
    const { row, state } = locked;
    const holidays = await loadHolidays(trx);
    const fresh = computeMilestones(String(row.notified_on).slice(0, 10), holidays);
    const moved = changedMilestones(row.computed, fresh);
    const windowMoves = moved.some((m) => (m === "opens" || m === "closes") && !row.overrides[m]);
    if (windowMoves) {
      const fixed = windowFixed(state);
      if (fixed) return { ok: false, reason: "conflict", conflict: fixed };
    }
    const checked = checkOverrides(fresh, overridesForTimeline(row.overrides));
    if (!checked.ok)
      return {
        ok: false,
        reason: "invalid",
        errors: { recompute: `errors.override.${checked.problem.code}` },
      };
    await trx
      .updateTable("revisit")
      .set({ computed: JSON.stringify(fresh), flag: null, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await followTimeline(trx, row.survey_id, fresh, row.overrides, state, now);
    await addEvent(trx, row.id, now, by, "recompute-accepted", { moved });
    return { ok: true };
  });
}
