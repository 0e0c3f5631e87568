/**
 * A calendar date typed into a GOV.UK date input (three boxes: `name-day`,
 * `name-month`, `name-year`) or given whole in an address (`name=YYYY-MM-DD`), as
 * GET forms use it: the evidence pack's period and the analysis filters. Pure.
 */
import { dateFromParts, parseUkDate, partsFromDate } from "../surveys/uk-time";

export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2100;

export interface TypedDate {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: TypedDate = { day: "", month: "", year: "" };

/** What was typed for `name`; `boxes` says the form's three boxes were used (not the short form). */
export function typedDateFrom(params: URLSearchParams, name: string): { typed: TypedDate; boxes: boolean; given: boolean } {
  const boxes = ["day", "month", "year"].some((part) => params.has(`${name}-${part}`));
  if (boxes) {
    return {
      boxes,
      given: true,
      typed: {
        day: (params.get(`${name}-day`) ?? "").trim().slice(0, 10),
        month: (params.get(`${name}-month`) ?? "").trim().slice(0, 10),
        year: (params.get(`${name}-year`) ?? "").trim().slice(0, 10),
      },
    };
  }
  const value = params.get(name);
  if (value === null) return { boxes, given: false, typed: EMPTY_DATE };
  const typed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? partsFromDate(value) : { day: "", month: "", year: value.slice(0, 10) };
  return { boxes, given: true, typed };
}

/** True when nothing was typed in any box. */
export function isBlankDate(typed: TypedDate): boolean {
  return !typed.day && !typed.month && !typed.year;
}

/**
 * A real calendar date between the years 2000 and 2100, as "YYYY-MM-DD", or why not:
 * "missing", "invalid" or "yearRange" (the caller prefixes its own message keys).
 */
export function checkTypedDate(typed: TypedDate): { date: string } | { problem: "missing" | "invalid" | "yearRange" } {
  if (isBlankDate(typed)) return { problem: "missing" };
  const date = dateFromParts(typed);
  const parsed = date ? parseUkDate(date) : undefined;
  if (!parsed) return { problem: "invalid" };
  if (parsed.year < EARLIEST_YEAR || parsed.year > LATEST_YEAR) return { problem: "yearRange" };
  return { date };
}

/** The same calendar day `years` earlier (29 February becomes 28 February). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The next calendar day. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
