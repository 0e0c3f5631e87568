/**
 * The staff dashboard at /admin (issue 7, point 7; docs/decisions/033-dashboard.md): the
 * windows it counts over, the statistics it works out and the shapes of its tables.
 * Pure: no database, no React, the clock is an argument.
 */
import type { CoproductionLevel, Rag } from "../../db/schema";
import { isSmall, suppressBreakdown, suppressCount, type Cell } from "../analysis/suppression";
import { yearsBefore } from "../evidence/evidence";
import { addCalendarDays } from "../revisits/timeline";
import { wavePath } from "../analysis/paths";
import { ukLocalToInstant, ukToday } from "../surveys/uk-time";
import type { SurveyState } from "../surveys/window";
import { RAG_ORDER } from "../working-groups/progress";

/** Where a survey wave's figures link to: its results (issue 7, point 1). */
export function surveyFiguresPath(surveyId: string): string {
  return wavePath(surveyId);
}

// ---- Windows ---------------------------------------------------------------------------

/** The UK calendar days the dashboard counts from; each window runs to `now`. */
export interface Windows {
  /** Today in the UK ("YYYY-MM-DD"). */
  today: string;
  /** The last 30 days, today included: 29 days before today. */
  last30From: string;
  /** 1 January of this UK year. */
  yearFrom: string;
  /** The last 12 months: the same day a year before (29 February becomes 28), as the evidence pack counts them. */
  twelveMonthsFrom: string;
}

export function windowsAt(now: Date): Windows {
  const today = ukToday(now);
  return {
    today,
    last30From: addCalendarDays(today, -29),
    yearFrom: `${today.slice(0, 4)}-01-01`,
    twelveMonthsFrom: yearsBefore(today, 1),
  };
}

/** UK midnight at the start of a calendar day: its first instant, whatever the server's zone. */
export function ukMidnight(date: string): Date {
  const result = ukLocalToInstant({ date, time: "00:00" });
  // UK clocks change at 01:00 or 02:00, never at midnight: every day has one.
  if (!result.ok) throw new Error(`No UK midnight on ${date}`);
  return result.instant;
}

// ---- Statistics --------------------------------------------------------------------------

/** The middle value; for an even count, halfway between the two middle ones. Null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The nearest-rank percentile: the smallest value that at least `p` per cent of values are
 * no more than. Always a value that happened ("9 in 10 were answered within 23 working
 * days"), never one made up between two. Null for none.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export interface ResponseTime {
  /** Working days from the UK day it arrived to the UK day its response was approved. */
  workingDays: number;
  /** Approved on or before its target date (20 working days after it arrived). */
  withinTarget: boolean;
}

export interface ResponseTimes {
  responses: Cell;
  /** Null when there are none, or too few to give without showing a family's own wait. */
  median: number | null;
  p90: number | null;
  /** Within the target and later than it: a breakdown of `responses`, suppressed as one. */
  withinTarget: Cell;
  late: Cell;
}

/**
 * How long families waited for an approved response. With fewer responses than the
 * threshold, the times are not given: a median of two is one family's wait.
 */
export function summariseResponseTimes(times: readonly ResponseTime[], threshold: number): ResponseTimes {
  const days = times.map((t) => t.workingDays);
  const within = times.filter((t) => t.withinTarget).length;
  const split = suppressBreakdown([within, times.length - within], { threshold, total: times.length });
  const enough = times.length > 0 && !isSmall(times.length, threshold);
  return {
    responses: split.total,
    median: enough ? median(days) : null,
    p90: enough ? percentile(days, 90) : null,
    withinTarget: split.cells[0]!,
    late: split.cells[1]!,
  };
}

// ---- Surveys -------------------------------------------------------------------------------

export interface SurveyForDashboard {
  id: string;
  title: string;
  state: SurveyState;
  opensAt: Date | null;
  closesAt: Date | null;
  submitted: number;
  started: number;
}

export interface SurveyRow {
  id: string;
  title: string;
  state: "open" | "closed";
  closesAt: Date;
  href: string;
  submitted: Cell;
  started: Cell;
}

/**
 * Each open wave (closing soonest first), then each wave closed since `closedSince`
 * (most recent first). Archived waves are left out: an officer put them away.
 */
export function surveyRows(surveys: readonly SurveyForDashboard[], { closedSince, threshold }: { closedSince: Date; threshold: number }): SurveyRow[] {
  const open = surveys.filter((s) => s.state === "open" && s.closesAt);
  const closed = surveys.filter((s) => s.state === "closed" && s.closesAt && s.closesAt.getTime() >= closedSince.getTime());
  const byClose = (a: SurveyForDashboard, b: SurveyForDashboard) => a.closesAt!.getTime() - b.closesAt!.getTime();
  return [...open.sort(byClose), ...closed.sort(byClose).reverse()].map((s) => ({
    id: s.id,
    title: s.title,
    state: s.state as "open" | "closed",
    closesAt: s.closesAt!,
    href: surveyFiguresPath(s.id),
    // Two counts of different people, with no total beside them: each is suppressed on its own.
    submitted: suppressCount(s.submitted, threshold),
    started: suppressCount(s.started, threshold),
  }));
}

// ---- Co-production ---------------------------------------------------------------------------

export interface CoProductionRow {
  /** The group's id; null for activities recorded without one. */
  groupId: number | null;
  name: string | null;
  byLevel: Record<CoproductionLevel, number>;
  total: number;
}

export interface CoProductionTable {
  rows: CoProductionRow[];
  total: Omit<CoProductionRow, "groupId" | "name">;
}

const noLevels = (levels: readonly CoproductionLevel[]) => Object.fromEntries(levels.map((l) => [l, 0])) as Record<CoproductionLevel, number>;

/**
 * Activities by working group (every group, in the groups' order, with its zeros) and level;
 * a row for activities with no group only when there are some. Counts of activities are not
 * counts of people, so they are shown as they are (docs/decisions/019).
 */
export function coProductionTable(
  groups: readonly { id: number; name: string }[],
  activities: readonly { groupId: number | null; level: CoproductionLevel }[],
  levels: readonly CoproductionLevel[],
): CoProductionTable {
  const rows: CoProductionRow[] = groups.map((g) => ({ groupId: g.id, name: g.name, byLevel: noLevels(levels), total: 0 }));
  const total = { byLevel: noLevels(levels), total: 0 };
  for (const activity of activities) {
    let row = rows.find((r) => r.groupId === activity.groupId);
    if (!row) {
      // No group, or one removed since: counted together as "no working group".
      row = rows.find((r) => r.groupId === null);
      if (!row) rows.push((row = { groupId: null, name: null, byLevel: noLevels(levels), total: 0 }));
    }
    row.byLevel[activity.level] += 1;
    row.total += 1;
    total.byLevel[activity.level] += 1;
    total.total += 1;
  }
  return { rows, total };
}

// ---- The improvement plan ----------------------------------------------------------------------

export interface RagRow {
  slug: string;
  name: string;
  byRag: Record<Rag, number>;
  total: number;
}

/** Counts in RAG_ORDER with the zeros kept, so every row of the table has every column. */
export function ragRecord(counts: readonly { rag: Rag; count: number }[]): { byRag: Record<Rag, number>; total: number } {
  const byRag = Object.fromEntries(RAG_ORDER.map((rag) => [rag, counts.find((c) => c.rag === rag)?.count ?? 0])) as Record<Rag, number>;
  return { byRag, total: RAG_ORDER.reduce((sum, rag) => sum + byRag[rag], 0) };
}
