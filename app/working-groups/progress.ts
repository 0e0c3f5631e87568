import type { Rag } from "../../db/schema";
import { readDateParts, RAG_VALUES, type DatePart } from "../area/schemas";
import { ukToday } from "../surveys/uk-time";
import type { FieldErrors } from "../utils/form-data";

/**
 * The rules for a working group's progress update on a task, with no database:
 * what a valid update is, who may record one, and the RAG roll-up the public
 * pages show (docs/decisions/018-working-groups-progress.md). Messages are i18n
 * keys in the "working-groups" namespace.
 */

export const OUTCOME_MAX = 2000;
export const EVIDENCE_URL_MAX = 500;

/** The fields of the update form, exactly as posted. */
export interface UpdateForm {
  "date-day"?: string;
  "date-month"?: string;
  "date-year"?: string;
  rag?: string;
  outcome?: string;
  evidenceUrl?: string;
}

export interface CheckedUpdate {
  /** "YYYY-MM-DD" */
  date: string;
  rag: Rag;
  outcome: string;
  evidenceUrl: string | null;
}

export type CheckResult = { ok: true; update: CheckedUpdate } | { ok: false; errors: FieldErrors; dateParts: DatePart[] };

export function isRag(value: unknown): value is Rag {
  return typeof value === "string" && (RAG_VALUES as readonly string[]).includes(value);
}

/**
 * Browsers send a textarea's line breaks as CR LF; count them as one character,
 * as the character count on the page does.
 */
function normaliseText(value: string | undefined): string {
  return (value ?? "").replace(/\r\n?/g, "\n").trim();
}

/**
 * A well-formed web address a family can open: http or https, a real host name
 * (with a dot), no user name or password in it, no spaces.
 */
export function isEvidenceUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  // The original must start with the scheme: new URL() forgives "https:example.org".
  if (!/^https?:\/\//i.test(value)) return false;
  const host = url.hostname;
  return host.includes(".") && !host.startsWith(".") && !host.endsWith(".");
}

/** Checks an update as posted. Every field's problem is reported at once, in the order of the form. */
export function checkUpdate(form: UpdateForm, now: Date): CheckResult {
  const errors: FieldErrors = {};
  let dateParts: DatePart[] = [];

  const date = readDateParts({ day: form["date-day"], month: form["date-month"], year: form["date-year"] });
  if (!date.ok) {
    errors.date = `update.${date.error}`;
    dateParts = date.parts;
  } else if (date.value === null) {
    errors.date = "update.errors.dateRequired";
    dateParts = ["day", "month", "year"];
  } else if (date.value > ukToday(now)) {
    errors.date = "update.errors.dateFuture";
    dateParts = ["day", "month", "year"];
  }

  if (!isRag(form.rag)) errors.rag = "update.errors.ragRequired";

  const outcome = normaliseText(form.outcome);
  if (!outcome) errors.outcome = "update.errors.outcomeRequired";
  else if (outcome.length > OUTCOME_MAX) errors.outcome = "update.errors.outcomeTooLong";

  const evidenceUrl = (form.evidenceUrl ?? "").trim();
  if (evidenceUrl.length > EVIDENCE_URL_MAX) errors.evidenceUrl = "update.errors.evidenceUrlTooLong";
  else if (evidenceUrl && !isEvidenceUrl(evidenceUrl)) errors.evidenceUrl = "update.errors.evidenceUrlFormat";

  if (Object.keys(errors).length > 0 || !date.ok || date.value === null || !isRag(form.rag)) return { ok: false, errors, dateParts };
  return { ok: true, update: { date: date.value, rag: form.rag, outcome, evidenceUrl: evidenceUrl || null } };
}

/**
 * Who may record progress on a task: admins and officers on any task; a group
 * member only on tasks of actions linked to a group they belong to. Everyone
 * else, never.
 */
export function mayRecordProgress(user: { role: string; workingGroupIds: readonly number[] }, taskGroupIds: readonly number[]): boolean {
  if (user.role === "admin" || user.role === "officer") return true;
  if (user.role !== "group_member") return false;
  return taskGroupIds.some((id) => user.workingGroupIds.includes(id));
}

/**
 * An update moves the task's current position only if nothing later has been
 * recorded: a group filling in an older update keeps today's position as it is.
 * Same day: the one recorded last wins.
 */
export function isNewest(date: string, latestRecorded: string | null | undefined): boolean {
  return !latestRecorded || date >= latestRecorded;
}

/** The order tasks are counted and shown in: most in need of attention first. */
export const RAG_ORDER: readonly Rag[] = ["red", "amber", "green", "blue", "not_started"];

/** How many tasks have each rating, in RAG_ORDER, leaving out ratings no task has. */
export function ragCounts(rags: readonly Rag[]): { rag: Rag; count: number }[] {
  return RAG_ORDER.map((rag) => ({ rag, count: rags.filter((r) => r === rag).length })).filter(({ count }) => count > 0);
}
