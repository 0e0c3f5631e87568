import type { CosignedAs, YouSaidTheme } from "../../db/schema";
import { youSaidThemes } from "./schemas";

/**
 * Pure rules for "You said, we did" (SEND Regulations 2014, reg. 56): which theme
 * an item of feedback probably belongs to, how small numbers are shown, and the
 * order entries are published in.
 */

/** Below this, a count is shown as "fewer than 5": a handful of comments can point to a family. */
export const SMALL_NUMBER = 5;

export type ShownCount = { kind: "count"; value: number } | { kind: "fewer"; threshold: number };

/** A count safe to publish: the number itself when there are at least 5, otherwise "fewer than 5". */
export function publishableCount(count: number, threshold = SMALL_NUMBER): ShownCount {
  return count >= threshold ? { kind: "count", value: count } : { kind: "fewer", threshold };
}

/**
 * A first guess at the theme for an entry written from an item of page feedback.
 * Only a guess for the officer to change: "how the local offer was developed" is
 * never guessed, because page feedback is almost always about a page.
 */
export function guessTheme(item: { source: string; kind: string }): YouSaidTheme {
  if (item.source === "page_problem" && item.kind === "accessibility") return "accessibility";
  return "content";
}

export interface EntryLike {
  year: number;
  theme: YouSaidTheme;
}

/** Entries grouped by year (newest first) and then by theme (content, accessibility, development). */
export function groupByYearAndTheme<T extends EntryLike>(
  entries: T[],
): { year: number; themes: { theme: YouSaidTheme; entries: T[] }[] }[] {
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    themes: youSaidThemes
      .map((theme) => ({ theme, entries: entries.filter((e) => e.year === year && e.theme === theme) }))
      .filter((group) => group.entries.length > 0),
  }));
}

/** The first line of a text, cut to `max` characters with an ellipsis, for lists. */
export function firstLine(text: string, max = 80): string {
  const line =
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The calendar year a report covers, as instants: 1 January to 1 January in UK time (UK time is GMT in January). */
export function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/** The year of an instant in UK time (the new year starts at midnight in London). */
export function ukYear(date: Date | string): number {
  return Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/London" }).format(new Date(date)));
}

/** Who co-signs an entry for families: the parent carer forum or the young people's participation council. */
export const cosignRoles = ["parent_carer_forum", "participation_council"] as const satisfies readonly CosignedAs[];
