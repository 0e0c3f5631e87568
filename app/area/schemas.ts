import { z } from "zod";
import type { Rag } from "../../db/schema";
import { isCalendarDate } from "./bank-holidays";

/**
 * The forms for editing the local area, checked the same way wherever they are read.
 * Pure: no database. Messages are i18n keys in the "area-admin" namespace.
 */

export const RAG_VALUES = ["red", "amber", "green", "blue", "not_started"] as const satisfies readonly Rag[];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 60;

function requiredText(max: number, required: string, tooLong: string) {
  return z.string({ required_error: required, invalid_type_error: required }).trim().min(1, required).max(max, tooLong);
}

function optionalText(max: number, tooLong: string) {
  return z
    .string({ invalid_type_error: tooLong })
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v ?? "");
}

function slug(required: string) {
  return z
    .string({ required_error: required, invalid_type_error: required })
    .trim()
    .toLowerCase()
    .min(1, required)
    .max(SLUG_MAX, "errors.slugTooLong")
    .regex(SLUG_PATTERN, "errors.slugFormat");
}

/**
 * A radio or single choice that may be missing. Missing or unknown values are a
 * refinement, not a type error, so the other fields' messages are still reported.
 */
function choice<T extends string>(allowed: (value: string) => boolean, message: string) {
  return z
    .string()
    .optional()
    .refine((v): v is T => typeof v === "string" && allowed(v), message);
}

/** Checkbox groups post nothing, one value or many. At least one must be ticked. */
function idList(message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((list) => list.every((v) => /^[1-9]\d{0,9}$/.test(v)), message)
    .transform((list) => [...new Set(list.map(Number))].sort((a, b) => a - b))
    .refine((list) => list.length > 0, message);
}

// ---- The area's details ----------------------------------------------------

export const AreaDetailsSchema = z.object({
  name: requiredText(120, "details.errors.nameRequired", "details.errors.nameTooLong"),
  serviceName: requiredText(120, "details.errors.serviceNameRequired", "details.errors.serviceNameTooLong"),
  partnershipName: requiredText(160, "details.errors.partnershipNameRequired", "details.errors.partnershipNameTooLong"),
  contactEmail: z
    .string({ required_error: "details.errors.contactEmailRequired", invalid_type_error: "details.errors.contactEmailRequired" })
    .trim()
    .min(1, "details.errors.contactEmailRequired")
    .max(320, "details.errors.contactEmailFormat")
    .email("details.errors.contactEmailFormat"),
});
export type AreaDetailsInput = z.infer<typeof AreaDetailsSchema>;

// ---- Health areas and districts ---------------------------------------------

export const HealthAreaSchema = z.object({
  name: requiredText(120, "healthArea.errors.nameRequired", "healthArea.errors.nameTooLong"),
  slug: slug("healthArea.errors.slugRequired"),
});
export type HealthAreaInput = z.infer<typeof HealthAreaSchema>;

/** The district form's health area radios: a health area's id, or "none". */
export const NO_HEALTH_AREA = "none";

export const DistrictSchema = z
  .object({
    name: requiredText(120, "district.errors.nameRequired", "district.errors.nameTooLong"),
    slug: slug("district.errors.slugRequired"),
    healthArea: choice<string>((v) => v === NO_HEALTH_AREA || /^[1-9]\d{0,9}$/.test(v), "district.errors.healthAreaRequired"),
  })
  .transform(({ healthArea, ...rest }) => ({ ...rest, healthAreaId: healthArea === NO_HEALTH_AREA ? null : Number(healthArea) }));
export type DistrictInput = z.infer<typeof DistrictSchema>;

// ---- Working groups and areas of concern --------------------------------------

export const WorkingGroupSchema = z.object({
  name: requiredText(120, "workingGroup.errors.nameRequired", "workingGroup.errors.nameTooLong"),
  purpose: requiredText(1000, "workingGroup.errors.purposeRequired", "workingGroup.errors.purposeTooLong"),
  leadRole: optionalText(200, "workingGroup.errors.leadRoleTooLong"),
});
export type WorkingGroupInput = z.infer<typeof WorkingGroupSchema>;

export const AreaOfConcernSchema = z.object({
  title: requiredText(500, "concern.errors.titleRequired", "concern.errors.titleTooLong"),
  plainTitle: requiredText(300, "concern.errors.plainTitleRequired", "concern.errors.plainTitleTooLong"),
});
export type AreaOfConcernInput = z.infer<typeof AreaOfConcernSchema>;

// ---- Actions -------------------------------------------------------------------

/** One measure a line; blank lines and spaces at the ends dropped. */
export function normaliseLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

export const ActionSchema = z.object({
  title: requiredText(500, "action.errors.titleRequired", "action.errors.titleTooLong"),
  leadRole: optionalText(200, "action.errors.leadRoleTooLong"),
  successMeasures: optionalText(4000, "action.errors.successMeasuresTooLong").transform(normaliseLines),
  workingGroupIds: idList("action.errors.workingGroupsRequired"),
  areaOfConcernIds: idList("action.errors.areasOfConcernRequired"),
});
export type ActionInput = z.infer<typeof ActionSchema>;

// ---- Dates from day, month and year boxes ---------------------------------------

export type DatePart = "day" | "month" | "year";

export type DatePartsResult = { ok: true; value: string | null } | { ok: false; error: string; parts: DatePart[] };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "3", "03", "March", "mar" and "Sept" are all March. */
function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m === word.slice(0, 3));
  if (index === -1) return undefined;
  const full = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" })
    .format(new Date(Date.UTC(2000, index, 1)))
    .toLowerCase();
  return full.startsWith(word) || (index === 8 && word === "sept") ? index + 1 : undefined;
}

const MISSING_KEYS: Record<string, string> = {
  day: "dateErrors.missingDay",
  month: "dateErrors.missingMonth",
  year: "dateErrors.missingYear",
  "day,month": "dateErrors.missingDayMonth",
  "day,year": "dateErrors.missingDayYear",
  "month,year": "dateErrors.missingMonthYear",
};

/**
 * Reads the three boxes of a GOV.UK date input as "YYYY-MM-DD". All empty means no
 * date (null). Says which boxes are wrong, so only they are highlighted.
 */
export function readDateParts(input: { day?: string; month?: string; year?: string }): DatePartsResult {
  const day = (input.day ?? "").trim();
  const month = (input.month ?? "").trim();
  const year = (input.year ?? "").trim();
  if (!day && !month && !year) return { ok: true, value: null };
  const missing = (["day", "month", "year"] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length > 0) return { ok: false, error: MISSING_KEYS[missing.join(",")]!, parts: [...missing] };
  if (!/^\d{4}$/.test(year)) return { ok: false, error: "dateErrors.yearFourDigits", parts: ["year"] };
  const m = monthNumber(month);
  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) wrong.push("day");
  if (m === undefined || m < 1 || m > 12) wrong.push("month");
  if (Number(year) < 1900 || Number(year) > 2199) wrong.push("year");
  if (wrong.length > 0) return { ok: false, error: "dateErrors.real", parts: wrong };
  const value = `${year}-${String(m).padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isCalendarDate(value)) return { ok: false, error: "dateErrors.real", parts: ["day", "month", "year"] };
  return { ok: true, value };
}

/** Which boxes of a date input to highlight for a message from readDateParts. */
export function dateErrorParts(error: string | undefined, values: { day?: string; month?: string; year?: string }): DatePart[] {
  if (!error) return [];
  const result = readDateParts(values);
  return result.ok ? ["day", "month", "year"] : result.parts;
}

/** The boxes of a "YYYY-MM-DD" date, for filling in a date input. */
export function dateToParts(value: string | null | undefined): { day: string; month: string; year: string } {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return { day: "", month: "", year: "" };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

// ---- Tasks ----------------------------------------------------------------------

export const TASK_CODE_PATTERN = /^[A-Z]+\d{1,3}$/;

const taskFields = {
  description: requiredText(2000, "task.errors.descriptionRequired", "task.errors.descriptionTooLong"),
  leadRole: optionalText(200, "task.errors.leadRoleTooLong"),
  dueText: optionalText(100, "task.errors.dueTextTooLong"),
  "dueDate-day": z.string().optional(),
  "dueDate-month": z.string().optional(),
  "dueDate-year": z.string().optional(),
  outcome: optionalText(4000, "task.errors.outcomeTooLong"),
  rag: choice<Rag>((v) => (RAG_VALUES as readonly string[]).includes(v), "task.errors.ragRequired"),
};

function checkDueDate(value: { "dueDate-day"?: string; "dueDate-month"?: string; "dueDate-year"?: string }, ctx: z.RefinementCtx) {
  const date = readDateParts({ day: value["dueDate-day"], month: value["dueDate-month"], year: value["dueDate-year"] });
  if (!date.ok) ctx.addIssue({ code: "custom", path: ["dueDate"], message: date.error });
}

function toTask<T extends { "dueDate-day"?: string; "dueDate-month"?: string; "dueDate-year"?: string; rag: Rag }>(value: T) {
  const { "dueDate-day": day, "dueDate-month": month, "dueDate-year": year, ...rest } = value;
  const date = readDateParts({ day, month, year });
  return { ...rest, dueDate: date.ok ? date.value : null };
}

export const TaskSchema = z.object(taskFields).superRefine(checkDueDate).transform(toTask);
export type TaskInput = z.infer<typeof TaskSchema>;

export const NewTaskSchema = z
  .object({
    code: z
      .string({ required_error: "task.errors.codeRequired", invalid_type_error: "task.errors.codeRequired" })
      .trim()
      .toUpperCase()
      .min(1, "task.errors.codeRequired")
      .max(10, "task.errors.codeFormat")
      .regex(TASK_CODE_PATTERN, "task.errors.codeFormat"),
    ...taskFields,
  })
  .superRefine(checkDueDate)
  .transform(toTask);
export type NewTaskInput = z.infer<typeof NewTaskSchema>;

// ---- Helpers for the forms ----------------------------------------------------------

/**
 * Field errors in the order the fields appear on the page, for the error summary
 * (zod reports whole-form checks, like the date, after the fields).
 */
export function orderErrors(errors: Record<string, string>, order: string[]): { field: string; key: string }[] {
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.entries(errors)
    .map(([field, key]) => ({ field, key }))
    .sort((a, b) => rank(a.field) - rank(b.field));
}

/** A posted value as one string (what a text box or radio shows again after an error). */
export function oneValue(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined;
}

/** A posted value as a list (what a group of checkboxes shows again after an error). */
export function listValue(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
