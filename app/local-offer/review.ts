/**
 * When a published service is due a human check. Pure: no database, no clock.
 * "Today" is a UK calendar date ("YYYY-MM-DD"), so a review at 00:30 BST on
 * 1 July counts as 1 July, whatever the server's time zone
 * (docs/decisions/005-time.md). Only a person's review moves these dates: an
 * edit never does.
 */
import { addMonths, ESCALATE_MONTHS, REVIEW_MONTHS } from "./model";

export type ReviewState = "current" | "due_soon" | "overdue" | "escalated";
export const reviewStates: ReviewState[] = ["current", "due_soon", "overdue", "escalated"];

/** A review due within this many days is "due soon". */
export const DUE_SOON_DAYS = 30;

const ukDateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in the UK at an instant, as "YYYY-MM-DD". */
export function ukCalendarDate(instant: Date | string): string {
  const parts = Object.fromEntries(ukDateParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar date plus (or minus) whole days. */
export function addDays(date: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The review-due date after a human review at this instant: REVIEW_MONTHS later, by the UK calendar. */
export function reviewDueAfter(reviewedAt: Date | string): string {
  return addMonths(ukCalendarDate(reviewedAt), REVIEW_MONTHS);
}

export interface ReviewFacts {
  last_reviewed_at: Date | string | null;
  review_due_on: string | null;
  /** Used when nobody has reviewed the entry yet. */
  published_at: Date | string | null;
}

/**
 * Where a service stands: "current"; "due_soon" (due within DUE_SOON_DAYS);
 * "overdue" (the day after its review-due date); "escalated" (more than
 * ESCALATE_MONTHS since its last review, or since it was published if never
 * reviewed, and past its due date), which officers see and can hide.
 * An entry with no dates at all is treated as reviewed today.
 */
export function reviewState(service: ReviewFacts, today: string): ReviewState {
  const since = service.last_reviewed_at ?? service.published_at;
  const sinceDate = since ? ukCalendarDate(since) : today;
  const due = service.review_due_on ?? addMonths(sinceDate, REVIEW_MONTHS);
  if (today > due && today > addMonths(sinceDate, ESCALATE_MONTHS)) return "escalated";
  if (today > due) return "overdue";
  if (addDays(today, DUE_SOON_DAYS) >= due) return "due_soon";
  return "current";
}
