import { sql, type Kysely } from "kysely";
import type { CoproductionLevel, CoproductionParticipants, CoproductionStatus, Database, Role } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { getSuppressionThreshold } from "../analysis/suppression.server";
import { suppressBreakdown, type Cell } from "../analysis/suppression";
import { feedbackCounts, replaceFeedbackLinks, resolveFeedback } from "./feedback-links.server";
import {
  canConfirmLevel,
  closeRefusal,
  editRefusal,
  financialQuarter,
  levels,
  namingError,
  publishRefusal,
  quarterRange,
  youngPeople,
  type ActivityInput,
  type ActivityState,
  type Errors,
} from "./rules";

/**
 * The co-production log: activities, their links to the plan, the level's
 * confirmation, and the public summary (docs/decisions/019-co-production-log.md).
 * Writes are audited in the same transaction as the change.
 */

export interface By {
  userId: string;
  role: Role;
  workingGroupIds: readonly number[];
  requestId?: string;
}

export type WriteResult<T = { id: string }> = ({ ok: true } & T) | { ok: false; reason: "not-found" } | { ok: false; reason: "refused"; errors: Errors };

const ts = (d: Date) => sql<Date>`${d.toISOString()}::timestamptz`;

/** Working groups and actions for the form's choices. */
export async function getFormOptions(db: Kysely<Database>) {
  const [groups, actions] = await Promise.all([
    db.selectFrom("working_group").select(["id", "name", "number"]).orderBy("number").execute(),
    db.selectFrom("action").select(["id", "letter", "title"]).orderBy("letter").execute(),
  ]);
  return { groups, actions };
}

/** Task codes that exist, by code; unknown ones are a field error. */
async function resolveTasks(db: Kysely<Database>, codes: string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (!codes.length) return { ids: [], unknown: [] };
  const rows = await db.selectFrom("task").select(["id", "code"]).where(sql`upper(code)`, "in", codes).execute();
  const found = new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
  return { ids: codes.flatMap((c) => (found.has(c) ? [found.get(c)!] : [])), unknown: codes.filter((c) => !found.has(c)) };
}

/** Checks the references in the input against the database: the group, actions, task codes and feedback. */
async function checkReferences(db: Kysely<Database>, input: ActivityInput, by: By): Promise<{ errors: Errors; taskIds: number[]; feedbackIds: string[] }> {
  const errors: Errors = {};
  if (input.workingGroupId !== null) {
    const group = await db.selectFrom("working_group").select("id").where("id", "=", input.workingGroupId).executeTakeFirst();
    if (!group) errors.workingGroupId = "errors.groupInvalid";
  }
  if (by.role === "group_member" && (input.workingGroupId === null || !by.workingGroupIds.includes(input.workingGroupId))) {
    errors.workingGroupId = "errors.groupNotYours";
  }
  if (input.actionIds.length) {
    const rows = await db.selectFrom("action").select("id").where("id", "in", input.actionIds).execute();
    if (rows.length !== input.actionIds.length) errors.actions = "errors.actionInvalid";
  }
  const tasks = await resolveTasks(db, input.taskCodes);
  if (tasks.unknown.length) errors.tasks = "errors.taskUnknown";
  // Unknown, flagged for safeguarding, or another group's: the same answer for each.
  const feedback = await resolveFeedback(db, input.feedbackRefs, by);
  if (feedback.unknown.length) errors.feedback = namingError("errors.feedbackUnknown", feedback.unknown);
  return { errors, taskIds: tasks.ids, feedbackIds: feedback.ids };
}

function columns(input: ActivityInput) {
  return {
    title: input.title,
    held_on: input.heldOn,
    working_group_id: input.workingGroupId,
    type: input.type,
    decision_open: input.decisionOpen,
    families_joined_stage: input.familiesJoinedStage,
    level: input.level,
    participants: JSON.stringify(input.participants),
    accessibility: JSON.stringify(input.accessibility),
    families_said: input.familiesSaid,
    what_changed: input.whatChanged,
    what_did_not_change_and_why: input.whatDidNotChange,
    evidence_links: JSON.stringify(input.evidenceLinks),
    told_outcome_how: input.toldOutcomeHow,
    told_outcome_on: input.toldOutcomeOn,
  };
}

async function replaceLinks(db: Kysely<Database>, id: string, actionIds: number[], taskIds: number[]) {
  await db.deleteFrom("coproduction_activity_action").where("activity_id", "=", id).execute();
  await db.deleteFrom("coproduction_activity_task").where("activity_id", "=", id).execute();
  if (actionIds.length) await db.insertInto("coproduction_activity_action").values(actionIds.map((action_id) => ({ activity_id: id, action_id }))).execute();
  if (taskIds.length) await db.insertInto("coproduction_activity_task").values(taskIds.map((task_id) => ({ activity_id: id, task_id }))).execute();
}

export async function createActivity(db: Kysely<Database>, { input, by, now }: { input: ActivityInput; by: By; now: Date }): Promise<WriteResult> {
  const { errors, taskIds, feedbackIds } = await checkReferences(db, input, by);
  if (Object.keys(errors).length) return { ok: false, reason: "refused", errors };
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("coproduction_activity")
      .values({ ...columns(input), created_by: by.userId, created_at: ts(now), updated_at: ts(now) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceLinks(trx, row.id, input.actionIds, taskIds);
    await replaceFeedbackLinks(trx, { activityId: row.id, ids: feedbackIds, title: input.title, viewer: by, userId: by.userId, now });
    await recordAudit(trx, { userId: by.userId, action: "co-production.created", subjectType: "coproduction_activity", subjectId: row.id, requestId: by.requestId, details: { level: input.level } });
    return row.id;
  });
  return { ok: true, id };
}

/** A change to the level or to when families joined needs the representative to confirm the level again. */
export async function updateActivity(db: Kysely<Database>, { id, input, by, now }: { id: string; input: ActivityInput; by: By; now: Date }): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const current = await trx.selectFrom("coproduction_activity").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) return { ok: false, reason: "not-found" };
    const refusal = editRefusal(current);
    if (refusal) return { ok: false, reason: "refused", errors: { form: refusal } };
    const { errors, taskIds, feedbackIds } = await checkReferences(trx, input, by);
    if (Object.keys(errors).length) return { ok: false, reason: "refused", errors };
    const levelChanged = current.level !== input.level || current.families_joined_stage !== input.familiesJoinedStage;
    await trx
      .updateTable("coproduction_activity")
      .set({ ...columns(input), updated_at: ts(now), ...(levelChanged ? { level_confirmed_by: null, level_confirmed_at: null } : {}) })
      .where("id", "=", id)
      .execute();
    await replaceLinks(trx, id, input.actionIds, taskIds);
    await replaceFeedbackLinks(trx, { activityId: id, ids: feedbackIds, title: input.title, viewer: by, userId: by.userId, now });
    await recordAudit(trx, { userId: by.userId, action: "co-production.updated", subjectType: "coproduction_activity", subjectId: id, requestId: by.requestId, details: levelChanged ? { level: input.level, confirmationCleared: current.level_confirmed_at !== null } : {} });
    return { ok: true, id };
  });
}

function stateOf(row: {
  status: CoproductionStatus;
  held_on: string;
  level: CoproductionLevel;
  families_joined_stage: ActivityState["familiesJoinedStage"];
  families_said: string;
  what_changed: string;
  what_did_not_change_and_why: string;
  told_outcome_how: string;
  told_outcome_on: string | null;
}): ActivityState {
  return {
    status: row.status,
    heldOn: row.held_on,
    level: row.level,
    familiesJoinedStage: row.families_joined_stage,
    familiesSaid: row.families_said,
    whatChanged: row.what_changed,
    whatDidNotChange: row.what_did_not_change_and_why,
    toldOutcomeHow: row.told_outcome_how,
    toldOutcomeOn: row.told_outcome_on,
  };
}

async function changeStatus(
  db: Kysely<Database>,
  { id, by, now }: { id: string; by: By; now: Date },
  to: "published" | "closed",
): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const current = await trx.selectFrom("coproduction_activity").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) return { ok: false, reason: "not-found" };
    const refusal = to === "published" ? publishRefusal(stateOf(current)) : closeRefusal(stateOf(current));
    if (refusal) return { ok: false, reason: "refused", errors: { form: refusal } };
    await trx
      .updateTable("coproduction_activity")
      .set({ status: to, updated_at: ts(now), ...(to === "published" ? { published_at: ts(now) } : {}) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, { userId: by.userId, action: `co-production.${to}`, subjectType: "coproduction_activity", subjectId: id, requestId: by.requestId });
    return { ok: true, id };
  });
}

/** Puts a draft on the public page. */
export function publishActivity(db: Kysely<Database>, args: { id: string; by: By; now: Date }) {
  return changeStatus(db, args, "published");
}

/** Closes a published activity, once participants have been told the outcome. */
export function closeActivity(db: Kysely<Database>, args: { id: string; by: By; now: Date }) {
  return changeStatus(db, args, "closed");
}

/** The families' representative confirms the recorded level. Nobody else may, whatever their role. */
export async function confirmLevel(db: Kysely<Database>, { id, by, now }: { id: string; by: By; now: Date }): Promise<WriteResult> {
  if (!canConfirmLevel(by.role)) return { ok: false, reason: "refused", errors: { form: "errors.confirmNotAllowed" } };
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const current = await trx.selectFrom("coproduction_activity").select(["id", "level", "level_confirmed_at"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) return { ok: false, reason: "not-found" };
    if (current.level_confirmed_at) return { ok: false, reason: "refused", errors: { form: "errors.alreadyConfirmed" } };
    await trx.updateTable("coproduction_activity").set({ level_confirmed_by: by.userId, level_confirmed_at: ts(now) }).where("id", "=", id).execute();
    await recordAudit(trx, { userId: by.userId, action: "co-production.level-confirmed", subjectType: "coproduction_activity", subjectId: id, requestId: by.requestId, details: { level: current.level } });
    return { ok: true, id };
  });
}

function activityQuery(db: Kysely<Database>) {
  return db
    .selectFrom("coproduction_activity as a")
    .leftJoin("working_group as g", "g.id", "a.working_group_id")
    .leftJoin("app_user as c", "c.id", "a.level_confirmed_by")
    .selectAll("a")
    .select(["g.name as group_name", "g.number as group_number", "c.name as confirmed_by_name"]);
}

export type ActivityRow = Awaited<ReturnType<typeof getActivity>>;

/** One activity with its linked actions and tasks, or undefined. */
export async function getActivity(db: Kysely<Database>, id: string) {
  const row = await activityQuery(db).where("a.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const [actions, tasks] = await Promise.all([
    db.selectFrom("coproduction_activity_action as l").innerJoin("action", "action.id", "l.action_id").select(["action.id", "action.letter", "action.title"]).where("l.activity_id", "=", id).orderBy("action.letter").execute(),
    db.selectFrom("coproduction_activity_task as l").innerJoin("task", "task.id", "l.task_id").select(["task.id", "task.code", "task.description"]).where("l.activity_id", "=", id).orderBy("task.code").execute(),
  ]);
  return { ...row, actions, tasks, state: stateOf(row) };
}

export interface ActivityFilters {
  workingGroupId?: number | null;
  level?: CoproductionLevel | null;
  quarter?: { year: number; quarter: number } | null;
}

/** Every activity (drafts too) for staff, newest first, filtered by group, level and financial quarter. */
export async function listActivities(db: Kysely<Database>, filters: ActivityFilters = {}) {
  let query = activityQuery(db);
  if (filters.workingGroupId) query = query.where("a.working_group_id", "=", filters.workingGroupId);
  if (filters.level) query = query.where("a.level", "=", filters.level);
  if (filters.quarter) {
    const { from, to } = quarterRange(filters.quarter);
    query = query.where("a.held_on", ">=", from).where("a.held_on", "<=", to);
  }
  return query.orderBy("a.held_on", "desc").orderBy("a.created_at", "desc").execute();
}

/** The financial quarters that have activities, newest first (for the filter). */
export async function listQuarters(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom("coproduction_activity").select("held_on").distinct().execute();
  return [...new Set(rows.map((r) => financialQuarter(r.held_on).key))].sort().reverse();
}

export interface SummaryRow {
  key: string;
  activities: number;
  /** Parent carers and young people together: the families who took part. Small numbers are hidden. */
  families: Cell;
}

export interface SummaryTable {
  rows: SummaryRow[];
  total: { activities: number; families: Cell };
}

/**
 * What the public sees: counts of published and closed activities by working
 * group, level and UK financial quarter, and the entries themselves. Drafts never.
 * Counts of activities are not about people and are shown as they are; counts of
 * people are suppressed below the threshold, with secondary suppression inside each
 * table because its total is shown (app/analysis/suppression.ts).
 */
export async function getPublicSummary(db: Kysely<Database>) {
  const threshold = await getSuppressionThreshold(db);
  const rows = await activityQuery(db).where("a.status", "in", ["published", "closed"]).orderBy("a.held_on", "desc").orderBy("a.created_at", "desc").execute();
  const families = (r: (typeof rows)[number]) => r.participants.parent_carer + youngPeople(r.participants);
  const allFamilies = rows.reduce((sum, r) => sum + families(r), 0);

  function table(keyOf: (r: (typeof rows)[number]) => string, sort: (a: string, b: string) => number, order: readonly string[] = []): SummaryTable {
    const counts = new Map<string, { activities: number; families: number }>();
    for (const key of order) counts.set(key, { activities: 0, families: 0 });
    for (const r of rows) {
      const key = keyOf(r);
      const c = counts.get(key) ?? { activities: 0, families: 0 };
      c.activities += 1;
      c.families += families(r);
      counts.set(key, c);
    }
    const list = [...counts].sort(([a], [b]) => sort(a, b));
    const suppressed = suppressBreakdown(
      list.map(([, c]) => c.families),
      { threshold, total: allFamilies },
    );
    return {
      rows: list.map(([key, c], i) => ({ key, activities: c.activities, families: suppressed.cells[i]! })),
      total: { activities: rows.length, families: suppressed.total },
    };
  }

  const keep = () => 0;
  // Activities with no working group go last.
  const byGroup = table((r) => r.group_name ?? "", (a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
  const byLevel = table((r) => r.level, keep, levels);
  const byQuarter = table((r) => financialQuarter(r.held_on).key, (a, b) => b.localeCompare(a));

  // Only how many pieces of feedback shaped an entry, never which: below the threshold, "fewer than".
  const counts = await feedbackCounts(db, rows.map((r) => r.id));
  const entries = rows.map((r) => ({
    id: r.id,
    title: r.title,
    heldOn: r.held_on,
    groupName: r.group_name,
    type: r.type,
    level: r.level,
    levelConfirmed: r.level_confirmed_at !== null,
    stage: r.families_joined_stage,
    decisionOpen: r.decision_open,
    familiesSaid: r.families_said,
    whatChanged: r.what_changed,
    whatDidNotChange: r.what_did_not_change_and_why,
    toldOutcomeHow: r.status === "closed" ? r.told_outcome_how : "",
    toldOutcomeOn: r.status === "closed" ? r.told_outcome_on : null,
    closed: r.status === "closed",
    participants: participantCells(r.participants, threshold),
    accessibility: r.accessibility,
    feedback: feedbackCountCell(counts.get(r.id) ?? 0, threshold),
  }));
  return { threshold, byGroup, byLevel, byQuarter, entries };
}

/** A count of linked feedback for the public page: none, "fewer than the threshold", or the number. */
export function feedbackCountCell(n: number, threshold: number): { kind: "none" } | { kind: "fewer"; threshold: number } | { kind: "count"; count: number } {
  if (n === 0) return { kind: "none" };
  return n < threshold ? { kind: "fewer", threshold } : { kind: "count", count: n };
}

/** One entry's counts by role: with the total beside them, one hidden cell takes another with it. */
export function participantCells(p: CoproductionParticipants, threshold: number) {
  const { cells, total } = suppressBreakdown([p.parent_carer, youngPeople(p), p.practitioner, p.other], { threshold, withPercent: () => false });
  const [parentCarer, young, practitioner, other] = cells as [Cell, Cell, Cell, Cell];
  return { parentCarer, youngPeople: young, practitioner, other, total };
}
