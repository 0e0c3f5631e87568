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
