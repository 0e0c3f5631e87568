/**
 * The re-visit timeline (Ofsted/CQC area SEND handbook, part 3, para. 122 and the
 * indicative timeline): the area is notified on day −10, uploads evidence by day −7,
 * the parents' survey opens at 12 noon on day −5 and closes at 12 noon on day −1, and
 * inspectors are on site from day 1. Days are working days (no weekends, no England and
 * Wales bank holidays) and there is no day 0. Pure: dates in, dates out; the bank
 * holidays and "today" are given, never looked up.
 */
import { parseUkDate, ukLocalToInstant } from "../surveys/uk-time";

export const milestones = ["notified", "evidence", "opens", "closes", "onsite"] as const;
export type Milestone = (typeof milestones)[number];

/** The handbook's day number for each milestone. */
export const milestoneDay: Record<Milestone, number> = {
  notified: -10,
  evidence: -7,
  opens: -5,
  closes: -1,
  onsite: 1,
};

/** The survey opens and closes at this UK wall-clock time. */
export const SURVEY_TIME = "12:00";

/** Working days between notification and the first day on site (−10 … −1, then 1). */
const NOTIFIED_TO_ONSITE = 10;

/** The timeline's days, in order: −10 to −1, then 1. */
export const timelineDays = [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 1] as const;

export type Holidays = ReadonlyMap<string, string>;

export type MilestoneDates = Record<Milestone, string>;

export interface Override {
  date: string;
  reason: string;
}
export type Overrides = Partial<Record<Milestone, Override>>;

export interface TimelineDay {
  day: number;
  date: string;
  milestones: Milestone[];
  /** Bank holidays and weekend days skipped since the previous row. */
  skipped: { date: string; why: "weekend" | "bank-holiday"; title?: string }[];
}

export interface Timeline {
  /** Computed from the notification date, before any override. */
  computed: MilestoneDates;
  /** What applies: computed, with overrides on top. */
  dates: MilestoneDates;
  days: TimelineDay[];
  opensAt: Date;
  closesAt: Date;
}

// ---- Calendar dates ----------------------------------------------------------------------

function toUtc(date: string): number {
  const parts = parseUkDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, holidays: Holidays): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** `count` working days after (or, negative, before) `date`; `date` itself need not be a working day. */
export function addWorkingDays(date: string, count: number, holidays: Holidays): string {
  const step = count < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(count); left > 0; ) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, holidays)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, holidays: Holidays): number {
  let count = 0;
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) {
    if (isWorkingDay(current, holidays)) count += 1;
  }
  return count;
}

// ---- The timeline ------------------------------------------------------------------------

/** The working date of a day number, counted from the notification date (day −10). */
export function dateOfDay(notified: string, day: number, holidays: Holidays): string {
  const offset = day > 0 ? day - 1 - milestoneDay.notified : day - milestoneDay.notified;
  return addWorkingDays(notified, offset, holidays);
}

export function computeMilestones(notified: string, holidays: Holidays): MilestoneDates {
  return Object.fromEntries(milestones.map((m) => [m, dateOfDay(notified, milestoneDay[m], holidays)])) as MilestoneDates;
}

/** Day −10 for a first day on site (day 1). */
export function notifiedFromOnsite(onsite: string, holidays: Holidays): string {
  return addWorkingDays(onsite, -NOTIFIED_TO_ONSITE, holidays);
}

/** Noon UK time on a date, as an instant: noon exists every day, clock change or not. */
export function noonOn(date: string): Date {
  const result = ukLocalToInstant({ date, time: SURVEY_TIME });
  if (!result.ok) throw new Error(`No single noon on ${date}`);
  return result.instant;
}

/** The dates that apply: the computed ones, with an officer's dates on top. */
export function applyOverrides(computed: MilestoneDates, overrides: Partial<Record<Milestone, { date: string }>>): MilestoneDates {
  const dates = { ...computed };
  for (const m of milestones) {
    const override = overrides[m];
    if (override) dates[m] = override.date;
  }
  return dates;
}

export function buildTimeline(notified: string, holidays: Holidays, overrides: Overrides = {}): Timeline {
  const computed = computeMilestones(notified, holidays);
  const dates = applyOverrides(computed, overrides);
  const days: TimelineDay[] = [];
  let previous: string | undefined;
  for (const day of timelineDays) {
    const date = dateOfDay(notified, day, holidays);
    const skipped: TimelineDay["skipped"] = [];
    if (previous) {
      for (let d = addCalendarDays(previous, 1); d < date; d = addCalendarDays(d, 1)) {
        const title = holidays.get(d);
        skipped.push(title !== undefined && !isWeekend(d) ? { date: d, why: "bank-holiday", title } : { date: d, why: "weekend" });
      }
    }
    days.push({
      day,
      date,
      milestones: milestones.filter((m) => dates[m] === date && !overrides[m]),
      skipped,
    });
    previous = date;
  }
  // An overridden milestone shows on the row of its new date, when that date is on the timeline.
  for (const m of milestones) {
    if (!overrides[m]) continue;
    const row = days.find((d) => d.date === dates[m]);
    if (row) row.milestones.push(m);
  }
  return {
    computed,
    dates,
    days,
    opensAt: noonOn(dates.opens),
    closesAt: noonOn(dates.closes),
  };
}

// ---- Checking what an officer typed ------------------------------------------------------

export type StartKind = "notified" | "onsite";

export type StartProblem =
  | { code: "invalid" }
  | { code: "weekend" }
  | { code: "bank-holiday"; title: string }
  | { code: "past" }
  /** The survey would have to open before today: fewer than five working days' notice. */
  | { code: "too-soon"; opens: string };

/**
 * Checks the date that starts a timeline: a real date, a working day, not in the past,
 * and (for an on-site date) far enough ahead for the survey to open on day −5.
 * `today` is the UK calendar date now.
 */
export function checkStartDate(
  kind: StartKind,
  date: string,
  today: string,
  holidays: Holidays
): { ok: true; notified: string } | { ok: false; problem: StartProblem } {
  if (!parseUkDate(date)) return { ok: false, problem: { code: "invalid" } };
  if (isWeekend(date)) return { ok: false, problem: { code: "weekend" } };
  const holiday = holidays.get(date);
  if (holiday !== undefined) return { ok: false, problem: { code: "bank-holiday", title: holiday } };
  if (date < today) return { ok: false, problem: { code: "past" } };
  const notified = kind === "notified" ? date : notifiedFromOnsite(date, holidays);
  if (kind === "onsite") {
    const opens = dateOfDay(notified, milestoneDay.opens, holidays);
    if (opens < today) return { ok: false, problem: { code: "too-soon", opens } };
  }
  return { ok: true, notified };
}

export type OverrideProblem =
  | { code: "invalid" }
  | { code: "reason" }
  | { code: "close-before-open" }
  | { code: "out-of-order"; before: Milestone; after: Milestone };

/** Checks overrides together with the computed dates: milestones keep their order; the survey closes after it opens. */
export function checkOverrides(
  computed: MilestoneDates,
  overrides: Overrides
): { ok: true } | { ok: false; milestone: Milestone; problem: OverrideProblem } {
  for (const m of milestones) {
    const o = overrides[m];
    if (!o) continue;
    if (!parseUkDate(o.date)) return { ok: false, milestone: m, problem: { code: "invalid" } };
    if (o.reason.trim() === "") return { ok: false, milestone: m, problem: { code: "reason" } };
  }
  const dates = applyOverrides(computed, overrides);
  if (dates.closes <= dates.opens) {
    return {
      ok: false,
      milestone: overrides.closes ? "closes" : "opens",
      problem: { code: "close-before-open" },
    };
  }
  for (let i = 1; i < milestones.length; i++) {
    const before = milestones[i - 1]!;
    const after = milestones[i]!;
    if (dates[after] < dates[before]) {
      return {
        ok: false,
        milestone: overrides[after] ? after : before,
        problem: { code: "out-of-order", before, after },
      };
    }
  }
  return { ok: true };
}

/** Which computed dates moved between two bank-holiday tables. */
export function changedMilestones(before: MilestoneDates, after: MilestoneDates): Milestone[] {
  return milestones.filter((m) => before[m] !== after[m]);
}
