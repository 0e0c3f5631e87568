/** All dates and times are shown in UK time, whatever the server's or browser's zone (docs/decisions/005-time.md). */
export const UK_TIME_ZONE = "Europe/London";

/** "23 November 2026", in the reader's language, in UK time. */
export function formatDate(value: Date | string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: UK_TIME_ZONE }).format(new Date(value));
}

/** "23 November 2026, 2:05pm" style, in UK time. */
export function formatDateTime(value: Date | string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: UK_TIME_ZONE,
  }).format(new Date(value));
}

/**
 * An instant in words, in UK time: "12 noon, Monday 23 March 2026",
 * "9:30am, Tuesday 24 March 2026". Noon and midnight are said in words
 * (`noon`, `midnight` are the reader's words for them), never "12:00pm".
 */
export function formatInstantInWords(value: Date | string, locale = "en-GB", words: { noon: string; midnight: string } = { noon: "12 noon", midnight: "midnight" }): string {
  const date = new Date(value);
  const longDay = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: UK_TIME_ZONE }).format(date);
  // GOV.UK style: "Monday 23 March 2026", whatever comma the platform's data puts after the weekday.
  const day = locale.startsWith("en") ? longDay.replace(/^([A-Za-z]+), /, "$1 ") : longDay;
  const parts = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: UK_TIME_ZONE }).formatToParts(date);
  const hour = Number(parts.find((p) => p.type === "hour")?.value);
  const minute = Number(parts.find((p) => p.type === "minute")?.value);
  let time: string;
  if (hour === 12 && minute === 0) time = words.noon;
  else if (hour === 0 && minute === 0) time = words.midnight;
  else if (locale.startsWith("en")) time = `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")}${hour < 12 ? "am" : "pm"}`;
  else time = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: UK_TIME_ZONE }).format(date);
  return `${time}, ${day}`;
}

/**
 * A calendar date ("2026-03-23", no time, no zone) in words: "Monday 23 March 2026".
 * Read as the date it names, never shifted by a zone.
 */
export function formatDayInWords(date: string, locale = "en-GB"): string {
  const words = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  return locale.startsWith("en") ? words.replace(/^([A-Za-z]+), /, "$1 ") : words;
}
