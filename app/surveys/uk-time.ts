/**
 * UK local time (Europe/London) ⇄ exact instants, whatever the server's or the
 * browser's zone (docs/decisions/005-time.md). Officers type a date and a time
 * as a clock on a UK wall shows them; the database keeps the instant.
 *
 * Twice a year a UK wall clock is not a clock of instants:
 * - spring forward (last Sunday of March, 01:00 GMT): 01:00–01:59 never happens;
 * - fall back (last Sunday of October, 02:00 BST): 01:00–01:59 happens twice.
 * Both come back as a reason, not an instant: the schedule page refuses them and
 * says why, so a window never means two different things to two people.
 * Pure: no database, no clock.
 */
import { UK_TIME_ZONE } from "../utils/dates";

/** "2026-03-29" and "12:00": a UK calendar date and a 24-hour wall-clock time. */
export interface UkLocal {
  date: string;
  time: string;
}

export type UkZone = "GMT" | "BST";

export type UkInstantResult =
  | { ok: true; instant: Date; zone: UkZone }
  | { ok: false; reason: "invalid-date" | "invalid-time" }
  /** The clocks go forward over this time: it does not exist in the UK that day. */
  | { ok: false; reason: "skipped" }
  /** The clocks go back over this time: it happens twice, first in BST then in GMT. */
  | { ok: false; reason: "repeated"; first: Date; second: Date };

const HOUR_MS = 60 * 60 * 1000;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The UK wall clock at an instant, to the second. */
function wallClock(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far UK time is ahead of UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function offsetAt(instant: Date): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function ukZoneAt(instant: Date): UkZone {
  return offsetAt(instant) === 0 ? "GMT" : "BST";
}

/** "2026-02-30" is not a date; "2026-02-28" is. Four-digit years only. */
export function parseUkDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/**
 * A typed time on the 24-hour clock: "09:00", "9:00", "9.00" or "0900" (as people
 * type it); "24:00", "9am" and "12:60" are not accepted. Returns "HH:MM".
 */
export function parseUkTime(value: string): string | undefined {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * The instant a UK wall clock shows `time` on `date`. Every offset the UK has
 * used is tried; the wall clock of each candidate is read back through Intl, so
 * the answer does not depend on the process's own zone.
 */
export function ukLocalToInstant({ date, time }: UkLocal): UkInstantResult {
  const day = parseUkDate(date);
  if (!day) return { ok: false, reason: "invalid-date" };
  const hhmm = parseUkTime(time);
  if (!hhmm) return { ok: false, reason: "invalid-time" };
  const [hour, minute] = hhmm.split(":").map(Number) as [number, number];
  const wall = Date.UTC(day.year, day.month - 1, day.day, hour, minute);
  const matches = [-1, 0, 1, 2]
    .map((hours) => new Date(wall - hours * HOUR_MS))
    .filter((candidate) => offsetAt(candidate) === wall - candidate.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  if (matches.length === 0) return { ok: false, reason: "skipped" };
  if (matches.length > 1) return { ok: false, reason: "repeated", first: matches[0]!, second: matches[matches.length - 1]! };
  return { ok: true, instant: matches[0]!, zone: ukZoneAt(matches[0]!) };
}

/** What a UK wall clock shows at an instant: the form's defaults, and the words on the page. */
export function instantToUkLocal(instant: Date): UkLocal & { zone: UkZone } {
  const w = wallClock(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}`, zone: ukZoneAt(instant) };
}

/** The day it is in the UK at `now` ("YYYY-MM-DD"): 23:30 GMT on 31 March is already 1 April in BST. */
export function ukToday(now: Date): string {
  return instantToUkLocal(now).date;
}

/** A GOV.UK date input's three boxes, as typed ("7", "3", "2027"), made into "2027-03-07"; "" when they cannot be. */
export function dateFromParts(parts: { day?: string; month?: string; year?: string }): string {
  const day = (parts.day ?? "").trim();
  const month = (parts.month ?? "").trim();
  const year = (parts.year ?? "").trim();
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return "";
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The boxes of a date input for a "YYYY-MM-DD" date, without leading zeros (as GOV.UK shows them). */
export function partsFromDate(date: string): { day: string; month: string; year: string } {
  const [year = "", month = "", day = ""] = date.split("-");
  return { day: day.replace(/^0/, ""), month: month.replace(/^0/, ""), year };
}
