/**
 * Data protection rules (docs/decisions/023-data-protection.md). Pure: no database, no clock.
 *
 * Retention: a feedback item's words and contact details are removed ("anonymised") once
 * it is `months` calendar months old, counted by UK dates (Europe/London): an item that
 * arrived on 23 November 2024 (UK time) is due from 00:00 UK time on 23 November 2026 with
 * 24 months. When that date does not exist (29 February, 31st of a short month) it is due
 * on the day after the month's last day.
 */
import { instantToUkLocal, parseUkDate, ukLocalToInstant } from "../surveys/uk-time";
import { normaliseReference } from "../feedback/reference";
import { textTypes, type SurveyDefinition } from "../surveys/definition";

/**
 * The keys of a survey version's questions that people answer in their own words (short
 * and long text): the answers the retention sweep removes. The same period as feedback
 * applies (decision 028).
 */
export function freeTextKeys(definition: Pick<SurveyDefinition, "pages">): string[] {
  return definition.pages.flatMap((page) => page.questions.filter((q) => textTypes.includes(q.type)).map((q) => q.key));
}

/** `app_setting` key for how long feedback is kept before it is anonymised. */
export const RETENTION_MONTHS_SETTING = "feedback_anonymise_after_months";
export const DEFAULT_RETENTION_MONTHS = 24;
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** Months from a stored setting: a whole number from 1 to 120, else the default (24). */
export function parseRetentionMonths(value: string | null | undefined): number {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return DEFAULT_RETENTION_MONTHS;
  const n = Number(value);
  return n >= MIN_RETENTION_MONTHS && n <= MAX_RETENTION_MONTHS ? n : DEFAULT_RETENTION_MONTHS;
}

/** What an admin typed in the months box: the number, or the i18n key of what is wrong. */
export function checkRetentionMonths(typed: string): { ok: true; months: number } | { ok: false; error: string } {
  const value = typed.trim();
  if (value === "") return { ok: false, error: "retention.errors.empty" };
  if (!/^\d+$/.test(value)) return { ok: false, error: "retention.errors.notNumber" };
  const months = Number(value);
  if (months < MIN_RETENTION_MONTHS || months > MAX_RETENTION_MONTHS) return { ok: false, error: "retention.errors.range" };
  return { ok: true, months };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-31" minus 1 month is "2026-02-28": the same day, or the month's last day when there is no such day. */
export function subtractMonths(date: string, months: number): string {
  const parts = parseUkDate(date);
  if (!parts) throw new Error(`subtractMonths: not a date: ${date}`);
  const index = parts.year * 12 + (parts.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(parts.day, lastDay))}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The UK date at an instant ("YYYY-MM-DD"). */
export function ukDateOf(instant: Date): string {
  return instantToUkLocal(instant).date;
}

/** The last UK arrival date that is due at `now`: today (UK) minus `months`. */
export function lastDueDate(now: Date, months: number): string {
  return subtractMonths(ukDateOf(now), months);
}

/**
 * Items that arrived before this instant are due at `now`: 00:00 UK time on the day after
 * `lastDueDate`. (UK clocks change at 01:00 and 02:00, so midnight always exists once.)
 */
export function anonymiseBefore(now: Date, months: number): Date {
  const result = ukLocalToInstant({ date: nextDay(lastDueDate(now, months)), time: "00:00" });
  if (!result.ok) throw new Error("anonymiseBefore: UK midnight did not resolve");
  return result.instant;
}

/** Is an item that arrived at `createdAt` due for anonymisation at `now`? */
export function isDueForAnonymisation(createdAt: Date, now: Date, months: number): boolean {
  return ukDateOf(createdAt) <= lastDueDate(now, months);
}

// ---- Finding one person's data -----------------------------------------------------------

export type PersonQuery = { kind: "email"; email: string } | { kind: "reference"; reference: string };

/** Loose on purpose: one "@", something either side, a dot in the domain, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What an admin typed in the search box: an email address (anything with an "@") or a
 * feedback reference ("FB-ABCD-2345", any case, spaces or dashes). Errors are i18n keys.
 */
export function parsePersonQuery(typed: string): { ok: true; query: PersonQuery } | { ok: false; error: string } {
  const value = typed.trim();
  if (value === "") return { ok: false, error: "requests.errors.empty" };
  if (value.length > 254) return { ok: false, error: "requests.errors.tooLong" };
  if (value.includes("@")) {
    return EMAIL_PATTERN.test(value)
      ? { ok: true, query: { kind: "email", email: value.toLowerCase() } }
      : { ok: false, error: "requests.errors.email" };
  }
  const reference = normaliseReference(value);
  return reference ? { ok: true, query: { kind: "reference", reference } } : { ok: false, error: "requests.errors.reference" };
}

/** The export's file name: "personal-data-2026-11-23.json" (UK date). */
export function exportFilename(now: Date): string {
  return `personal-data-${ukDateOf(now)}.json`;
}
