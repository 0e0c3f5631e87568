/**
 * The vocabulary of page feedback, shared by the server and the pages. Pure: no I/O
 * (a route's component cannot import a .server module).
 */

/** Where a page feedback item came from: the three forms at the foot of local offer pages. */
export const pageSources = ["page_useful", "page_problem", "page_missing"] as const;
export type PageSource = (typeof pageSources)[number];

/** What an item is, for lists, filters and the yearly counts. */
export const feedbackTypes = ["useful_yes", "useful_no", "problem", "missing"] as const;
export type FeedbackType = (typeof feedbackTypes)[number];

/** Kept small until the feedback loop adds triage; it must know both. */
export const feedbackStatuses = ["received", "closed"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export function typeOf(item: { source: string; useful: boolean | null }): FeedbackType | "other" {
  if (item.source === "page_useful") return item.useful ? "useful_yes" : "useful_no";
  if (item.source === "page_problem") return "problem";
  if (item.source === "page_missing") return "missing";
  return "other";
}
