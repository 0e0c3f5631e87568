import { z } from "zod";

/**
 * Reading GOV.UK's bank-holidays.json (https://www.gov.uk/bank-holidays.json), so an
 * officer can add years the built-in list does not have. Pure: no database, no network.
 */

export interface ParsedBankHoliday {
  date: string;
  title: string;
  notes: string;
}

export type ParseBankHolidaysResult =
  | { ok: true; holidays: ParsedBankHoliday[] }
  | { ok: false; error: string };

/** Far more than any real file holds (GOV.UK's has a few hundred events across all divisions). */
export const MAX_BANK_HOLIDAY_EVENTS = 2000;
/** The real file is tens of kilobytes. */
const MAX_FILE_CHARS = 2_000_000;
const MAX_TITLE_CHARS = 200;
const MAX_NOTES_CHARS = 500;
/** How many problems to name before summarising the rest. */
const MAX_PROBLEMS_LISTED = 3;

const DOWNLOAD_HINT = "Download it again from www.gov.uk/bank-holidays.json and upload it without changing it.";
const NOT_GOVUK = "The file is not a bank holidays file in the GOV.UK format";

/** True for a "YYYY-MM-DD" that names a day on the calendar (no 31 April, no 29 February 2023). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const eventSchema = z.object({
  title: z
    .string({ required_error: "has no name", invalid_type_error: "has a name that is not text" })
    .trim()
    .min(1, "has an empty name")
    .max(MAX_TITLE_CHARS, `has a name longer than ${MAX_TITLE_CHARS} characters`),
  date: z
    .string({ required_error: "has no date", invalid_type_error: "has a date that is not text" })
    .trim()
    .refine(isCalendarDate, (value) => ({
      message: `has the date "${value}", which is not a real date written as year-month-day (for example 2026-12-25)`,
    })),
  notes: z
    .string({ invalid_type_error: "has notes that are not text" })
    .trim()
    .max(MAX_NOTES_CHARS, `has notes longer than ${MAX_NOTES_CHARS} characters`)
    .optional(),
});

function describe(value: unknown): string {
  if (value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a section" : "a single value";
}

function eventLabel(index: number, raw: unknown): string {
  const title =
    raw && typeof raw === "object" && "title" in raw && typeof raw.title === "string" ? raw.title.trim() : "";
  const shown = title.length > 60 ? `${title.slice(0, 57)}…` : title;
  return shown ? `Bank holiday ${index + 1} ("${shown}")` : `Bank holiday ${index + 1}`;
}

/**
 * Takes the england-and-wales division of a GOV.UK bank-holidays.json and checks it.
 * Returns the holidays sorted by date, one per date (the first wins), or a plain-English
 * reason the file cannot be used.
 */
export function parseBankHolidaysJson(text: string): ParseBankHolidaysResult {
  if (text.length > MAX_FILE_CHARS) {
    return { ok: false, error: `The file is too large to be a GOV.UK bank holidays file. ${DOWNLOAD_HINT}` };
  }
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") {
    return { ok: false, error: `The file is empty. ${DOWNLOAD_HINT}` };
  }

  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return {
      ok: false,
      error: `The file could not be read: it is not a JSON file, so it is not the GOV.UK bank holidays file. ${DOWNLOAD_HINT}`,
    };
  }

  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, error: `${NOT_GOVUK}: it holds ${describe(data)} instead of named sections. ${DOWNLOAD_HINT}` };
  }
  if (!Object.prototype.hasOwnProperty.call(data, "england-and-wales")) {
    return { ok: false, error: `${NOT_GOVUK}: it has no "england-and-wales" section.` };
  }
  const division: unknown = (data as Record<string, unknown>)["england-and-wales"];
  if (division === null || typeof division !== "object" || Array.isArray(division)) {
    return { ok: false, error: `${NOT_GOVUK}: its "england-and-wales" section is not laid out as GOV.UK lays it out.` };
  }
  const events: unknown = (division as Record<string, unknown>).events;
  if (!Array.isArray(events)) {
    return { ok: false, error: `${NOT_GOVUK}: its "england-and-wales" section has no list of events.` };
  }
  if (events.length === 0) {
    return { ok: false, error: `The file has no bank holidays for England and Wales: its list of events is empty.` };
  }
  if (events.length > MAX_BANK_HOLIDAY_EVENTS) {
    return {
      ok: false,
      error: `The file lists ${events.length.toLocaleString("en-GB")} bank holidays for England and Wales, more than the ${MAX_BANK_HOLIDAY_EVENTS.toLocaleString("en-GB")} a real GOV.UK file could hold, so it has not been used. Check you chose the right file.`,
    };
  }

  const problems: string[] = [];
  const byDate = new Map<string, ParsedBankHoliday>();
  events.forEach((raw, index) => {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      problems.push(`Bank holiday ${index + 1} is not laid out as GOV.UK lays it out.`);
      return;
    }
    const result = eventSchema.safeParse(raw);
    if (!result.success) {
      const reasons = [...new Set(result.error.issues.map((issue) => issue.message))];
      problems.push(`${eventLabel(index, raw)} ${reasons.join(" and ")}.`);
      return;
    }
    const { date, title, notes } = result.data;
    if (!byDate.has(date)) byDate.set(date, { date, title, notes: notes ?? "" });
  });

  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_PROBLEMS_LISTED).join(" ");
    const more = problems.length - MAX_PROBLEMS_LISTED;
    const tail = more > 0 ? ` There ${more === 1 ? "is 1 more problem" : `are ${more} more problems`} like this.` : "";
    return {
      ok: false,
      error: `Nothing has been imported, because the file has ${problems.length === 1 ? "a problem" : "problems"}. ${listed}${tail}`,
    };
  }

  const holidays = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ok: true, holidays };
}
