/**
 * Pure rules for showing one service to families: which slugs can be looked
 * up, opening days in words, language names, and which contact details are
 * safe to make into links. No I/O, no React.
 */

/** Longer than any slug `slugify` makes (80), so a real slug is never refused. */
export const MAX_SLUG_LENGTH = 100;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a string shaped like a service slug: lower-case letters, digits and single hyphens. */
export function isServiceSlug(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

/** RFC 5545 day codes, Monday first (the UK week). */
export const dayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type DayCode = (typeof dayCodes)[number];

/** The valid day codes in a "MO,WE" string, in week order, each once. Unknown codes are dropped. */
export function parseByday(byday: string): DayCode[] {
  const given = new Set(
    byday
      .split(",")
      .map((d) => d.trim().toUpperCase())
      .filter(Boolean),
  );
  return dayCodes.filter((code) => given.has(code));
}

// 1 January 2024 was a Monday; formatting in UTC keeps every time zone on the same day.
const MONDAY = Date.UTC(2024, 0, 1);

/** "Monday", "poniedziałek", "پیر": the day's name in the reader's language. */
export function dayName(code: DayCode, locale: string): string {
  const date = new Date(MONDAY + dayCodes.indexOf(code) * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(date);
}

export interface DayWords {
  /** "Monday to Friday" */
  range: (from: string, to: string) => string;
  /** "Every day" */
  everyDay: string;
}

const englishWords: DayWords = { range: (from, to) => `${from} to ${to}`, everyDay: "Every day" };

/**
 * Opening days in words: "Monday, Wednesday and Friday"; three or more days in
 * a row become a range ("Monday to Friday"); all seven are "Every day". Empty
 * when no valid day is given (the schedule is then described in words only).
 */
export function daysInWords(byday: string, locale: string, words: DayWords = englishWords): string {
  const days = parseByday(byday);
  if (days.length === 0) return "";
  if (days.length === dayCodes.length) return words.everyDay;
  const runs: DayCode[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && dayCodes.indexOf(day) === dayCodes.indexOf(last) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [words.range(dayName(run[0]!, locale), dayName(run.at(-1)!, locale))] : run.map((d) => dayName(d, locale)),
  );
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
}

/** The name of an ISO 639-1 language in the reader's language ("pl" → "Polish"); the code itself if unknown. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    // A malformed code in the data: show it as it is rather than fail the page.
    return code;
  }
}

/** Text as paragraphs: split on blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A website from provider data as a safe link: only http and https (never
 * javascript: or data:), with "https://" added to a bare "www.example.org".
 * Undefined when it is not a web address; the page then shows it as text.
 */
export function websiteLink(value: string): { href: string; text: string } | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : /^[a-z0-9-]+(\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i.test(trimmed) ? `https://${trimmed}` : "";
  if (!withScheme) return undefined;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    const text = `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
    return { href: url.toString(), text };
  } catch {
    return undefined;
  }
}

/** A tel: link for a phone number as written ("01282 123456" → "tel:01282123456"); undefined without digits. */
export function phoneLink(value: string): string | undefined {
  const digits = value.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return /\d{3,}/.test(digits) ? `tel:${digits}` : undefined;
}

/**
 * A mailto: link for something that looks like one email address; undefined
 * otherwise. No "?" or "&", so provider data cannot add recipients or a body.
 */
export function emailLink(value: string): string | undefined {
  const trimmed = value.trim();
  return /^[^\s@<>"(),;:?&]+@[^\s@<>"(),;:?&]+\.[^\s@<>"(),;:?&]+$/.test(trimmed) ? `mailto:${trimmed}` : undefined;
}
