/**
 * The figures behind the staff dashboard at /admin (docs/decisions/033-dashboard.md). Each
 * part is read only for a role allowed to see what it counts, with the same rules as the
 * part's own pages: survey counts for those who manage surveys, feedback for those who triage
 * it (a group member only their groups' items, never an item flagged for safeguarding),
 * co-production for those who read the log, and the plan's RAG ratings, which are public,
 * for everyone. Queries run one after another: PGlite has one connection.
 */
import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../../db/schema";
import { getSuppressionThreshold } from "../analysis/suppression.server";
import { suppressCount, type Cell } from "../analysis/suppression";
import { can } from "../auth/roles";
import { levels } from "../co-production/rules";
import { GENERAL_SOURCE, RESPONSE_TARGET_WORKING_DAYS, type ProgressStep } from "../feedback/general";
import { listGeneralFeedback } from "../feedback/general.server";
import { countNewFeedbackFor, type NewsViewer } from "../feedback/news.server";
import { seesAll } from "../feedback/triage.server";
import { loadHolidays } from "../revisits/revisits.server";
import { addWorkingDays, workingDaysBetween } from "../revisits/timeline";
import { notFlagged } from "../safeguarding/safeguarding.server";
import { listSurveys } from "../surveys/lifecycle.server";
import { ukToday } from "../surveys/uk-time";
import { ragCounts } from "../working-groups/progress";
import { listWorkingGroupsWithProgress } from "../working-groups/working-groups.server";
import {
  coProductionTable,
  ragRecord,
  summariseResponseTimes,
  surveyRows,
  ukMidnight,
  windowsAt,
  type CoProductionTable,
  type RagRow,
  type ResponseTimes,
  type SurveyRow,
  type Windows,
} from "./dashboard";

type Db = Kysely<Database>;

// ---- Surveys -----------------------------------------------------------------------------

/** Each open wave and each closed in the last 12 months, with suppressed counts. */
export async function getSurveyFigures(
  db: Db,
  { now, language, threshold }: { now: Date; language: string; threshold: number },
): Promise<SurveyRow[]> {
  const surveys = await listSurveys(db, { now, language });
  return surveyRows(surveys, { closedSince: ukMidnight(windowsAt(now).twelveMonthsFrom), threshold });
}

// ---- Feedback -----------------------------------------------------------------------------

/** Statuses an item is still being dealt with in, in the order it moves through them. */
export const openSteps = ["received", "with_group", "responded"] as const satisfies readonly ProgressStep[];

export interface FeedbackFigures {
  /** The groups whose figures these are, for a group member; null for everyone's. */
  onlyGroups: { name: string; slug: string }[] | null;
  /** Items received: counts about families, suppressed. */
  receivedLast30Days: Cell;
  receivedThisYear: Cell;
  /** The inbox's own counts, as an officer can list them there: not suppressed (decision 033). */
  open: { step: (typeof openSteps)[number]; count: number }[];
  openTotal: number;
  overdue: number;
  /** Items waiting in this person's queue that they have not opened since they arrived (docs/decisions/034). */
  newToYou: number;
  /** Responses approved in the last 12 months. */
  responseTimes: ResponseTimes;
}

/**
 * General feedback (sent at /feedback) as the viewer's inbox holds it: every item for admins
 * and officers, a group member's groups' items only, flagged items never.
 */
export async function getFeedbackFigures(db: Db, { viewer, now, threshold }: { viewer: NewsViewer; now: Date; threshold: number }): Promise<FeedbackFigures> {
  const windows = windowsAt(now);
  const onlyGroups = seesAll(viewer) ? undefined : viewer.workingGroupIds;
  const items = () => {
    let query = db.selectFrom("feedback_item").where("feedback_item.source", "=", GENERAL_SOURCE).where(notFlagged);
    if (onlyGroups)
      query = onlyGroups.length ? query.where("feedback_item.working_group_id", "in", onlyGroups) : query.where(sql<boolean>`false`);
    return query;
  };
  const receivedSince = async (date: string) => {
    const { n } = await items()
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("feedback_item.created_at", ">=", ukMidnight(date))
      .where("feedback_item.created_at", "<=", now)
      .executeTakeFirstOrThrow();
    return Number(n);
  };
  const receivedLast30Days = await receivedSince(windows.last30From);
  const receivedThisYear = await receivedSince(windows.yearFrom);

  // The inbox's own query, so "overdue" and each status mean here exactly what they mean there.
  const inboxCount = async (filter: { status?: ProgressStep; overdueOnly?: boolean }) =>
    (await listGeneralFeedback(db, { ...filter, onlyGroups, today: windows.today, limit: 0, offset: 0 })).total;
  const open: FeedbackFigures["open"] = [];
  for (const step of openSteps) open.push({ step, count: await inboxCount({ status: step }) });
  const overdue = await inboxCount({ overdueOnly: true });

  const answered = await items()
    .innerJoin("feedback_response", "feedback_response.feedback_item_id", "feedback_item.id")
    .select(["feedback_item.created_at", "feedback_item.target_date", "feedback_response.approved_at"])
    .where("feedback_response.approved_at", ">=", ukMidnight(windows.twelveMonthsFrom))
    .where("feedback_response.approved_at", "<=", now)
    .execute();
  const holidays = await loadHolidays(db);
  const times = answered.map((row) => {
    const received = ukToday(row.created_at);
    const approved = ukToday(row.approved_at!);
    // The date the family was given when it arrived; worked out again only for an item that has none.
    const target = row.target_date ? String(row.target_date).slice(0, 10) : addWorkingDays(received, RESPONSE_TARGET_WORKING_DAYS, holidays);
    return { workingDays: workingDaysBetween(received, approved, holidays), withinTarget: approved <= target };
  });

  const groups =
    onlyGroups === undefined
      ? null
      : onlyGroups.length
        ? await db.selectFrom("working_group").select(["name", "slug"]).where("id", "in", onlyGroups).orderBy("number").execute()
        : [];
  return {
    onlyGroups: groups,
    receivedLast30Days: suppressCount(receivedLast30Days, threshold),
    receivedThisYear: suppressCount(receivedThisYear, threshold),
    open,
    openTotal: open.reduce((sum, o) => sum + o.count, 0),
    overdue,
    newToYou: await countNewFeedbackFor(db, viewer),
    responseTimes: summariseResponseTimes(times, threshold),
  };
}

// ---- Co-production ---------------------------------------------------------------------------

export interface CoProductionFigures {
  table: CoProductionTable;
  /** Whenever held: the forum has not confirmed the level yet. */
  awaitingConfirmation: number;
  /** Whenever held (up to today): the people who took part have not been told the outcome. */
  awaitingOutcome: number;
}

/** Activities held in the last 12 months by group and level (drafts too, as the log lists them), and what is still to do. */
export async function getCoProductionFigures(db: Db, { now }: { now: Date }): Promise<CoProductionFigures> {
  const { today, twelveMonthsFrom } = windowsAt(now);
  const groups = await db.selectFrom("working_group").select(["id", "name"]).orderBy("number").execute();
  const activities = await db
    .selectFrom("coproduction_activity")
    .select(["working_group_id", "level"])
    .where("held_on", ">=", twelveMonthsFrom)
    .where("held_on", "<=", today)
    .execute();
  const { n: awaitingConfirmation } = await db
    .selectFrom("coproduction_activity")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("level_confirmed_at", "is", null)
    .executeTakeFirstOrThrow();
  const { n: awaitingOutcome } = await db
    .selectFrom("coproduction_activity")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("told_outcome_on", "is", null)
    .where("held_on", "<=", today)
    .executeTakeFirstOrThrow();
  return {
    table: coProductionTable(
      groups,
      activities.map((a) => ({ groupId: a.working_group_id, level: a.level })),
      levels,
    ),
    awaitingConfirmation: Number(awaitingConfirmation),
    awaitingOutcome: Number(awaitingOutcome),
  };
}

// ---- The improvement plan ----------------------------------------------------------------------

export interface PlanFigures {
  groups: RagRow[];
  /** Every task once: an action shared by two groups counts its tasks under both, but here once. */
  all: Omit<RagRow, "slug" | "name">;
}

/** Tasks by RAG rating, for each working group and for the whole plan: the public pages' figures. */
export async function getPlanFigures(db: Db): Promise<PlanFigures> {
  const groups = await listWorkingGroupsWithProgress(db);
  const tasks = await db.selectFrom("task").select("rag").execute();
  return {
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, ...ragRecord(g.rag) })),
    all: ragRecord(ragCounts(tasks.map((t) => t.rag))),
  };
}

// ---- The whole dashboard -----------------------------------------------------------------------

export interface Dashboard {
  threshold: number;
  windows: Windows;
  surveys: SurveyRow[] | null;
  feedback: FeedbackFigures | null;
  coProduction: CoProductionFigures | null;
  plan: PlanFigures;
}

/** What this person may see, at `now`: a part they may not see is null and is never read. */
export async function getDashboard(
  db: Db,
  { user, now, language }: { user: { id: string; role: Role; workingGroupIds: number[] }; now: Date; language: string },
): Promise<Dashboard> {
  const threshold = await getSuppressionThreshold(db);
  return {
    threshold,
    windows: windowsAt(now),
    surveys: can(user.role, "surveys.manage") ? await getSurveyFigures(db, { now, language, threshold }) : null,
    feedback: can(user.role, "feedback.triage") ? await getFeedbackFigures(db, { viewer: user, now, threshold }) : null,
    coProduction: can(user.role, "co-production.read") ? await getCoProductionFigures(db, { now }) : null,
    plan: await getPlanFigures(db),
  };
}
