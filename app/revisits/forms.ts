/**
 * What officers type on the re-visit pages, checked. Pure: field errors are i18n keys
 * in the "revisits" namespace; what was typed goes back with them.
 */
import { dateFromParts } from "../surveys/uk-time";
import type { FieldErrors } from "../utils/form-data";
import { milestones, type Milestone, type StartKind } from "./timeline";
import type { NewRevisitInput } from "./revisits.server";

export const LIMITS = { title: 120, meeting: 300, reason: 500 } as const;

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();
const dateOf = (formData: FormData, name: string) =>
  dateFromParts({
    day: text(formData, `${name}-day`),
    month: text(formData, `${name}-month`),
    year: text(formData, `${name}-year`),
  });

/** The "date" boxes as "YYYY-MM-DD", or "" when they are not a date. */
export function parsedDate(formData: FormData): string {
  return dateOf(formData, "date");
}

export function parseNewRevisit(formData: FormData): Parsed<NewRevisitInput> {
  const errors: FieldErrors = {};
  const title = text(formData, "title");
  if (!title) errors.title = "errors.title.required";
  else if (title.length > LIMITS.title) errors.title = "errors.title.tooLong";
  const kindValue = text(formData, "kind");
  if (kindValue !== "notified" && kindValue !== "onsite") errors.kind = "errors.kind";
  const kind = (kindValue === "onsite" ? "onsite" : "notified") as StartKind;
  const date = dateOf(formData, "date");
  if (!date) errors.date = "errors.date.invalid";
  const focuses = formData.getAll("focuses").map((v) => Number(v));
  if (focuses.length === 0 || focuses.some((n) => !Number.isInteger(n) || n < 1 || n > 99)) errors.focuses = "errors.focuses";
  const meetingWhen = text(formData, "meetingWhen");
  const meetingWhere = text(formData, "meetingWhere");
  if (meetingWhen.length > LIMITS.meeting) errors.meetingWhen = "errors.meeting.tooLong";
  if (meetingWhere.length > LIMITS.meeting) errors.meetingWhere = "errors.meeting.tooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: { title, kind, date, focuses, meetingWhen, meetingWhere },
  };
}

export function isMilestone(value: unknown): value is Milestone {
  return typeof value === "string" && (milestones as readonly string[]).includes(value);
}

export function parseOverride(formData: FormData): Parsed<{ date: string; reason: string }> {
  const errors: FieldErrors = {};
  const date = dateOf(formData, "date");
  if (!date) errors.date = "errors.date.invalid";
  const reason = text(formData, "reason");
  if (!reason) errors.reason = "errors.override.reason";
  else if (reason.length > LIMITS.reason) errors.reason = "errors.override.reasonTooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { date, reason } };
}

export function parseMeeting(formData: FormData): Parsed<{ when: string; where: string }> {
  const errors: FieldErrors = {};
  const when = text(formData, "meetingWhen");
  const where = text(formData, "meetingWhere");
  if (when.length > LIMITS.meeting) errors.meetingWhen = "errors.meeting.tooLong";
  if (where.length > LIMITS.meeting) errors.meetingWhere = "errors.meeting.tooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { when, where } };
}
