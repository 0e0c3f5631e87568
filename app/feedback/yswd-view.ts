import type { YouSaidTheme } from "../../db/schema";
import { youSaidThemes } from "./schemas";

/**
 * How the public "You said, we did" page shows its entries (issue 6, point 6;
 * docs/decisions/034): within each year, by theme (the local offer's reg. 56 themes, the
 * default) or by working group, for every year or one. Pure: read from the address, and
 * grouped for the page, with no I/O.
 */

export const YSWD_PATH = "/you-said-we-did";

export const showByChoices = ["theme", "group"] as const;
export type ShowBy = (typeof showByChoices)[number];

export interface ListQuery {
  by: ShowBy;
  /** One year, or null for every year. */
  year: number | null;
}

/** What was in the address, as typed, to show again beside a mistake. */
export interface TypedListQuery {
  by: string;
  year: string;
}

export type ListErrors = Partial<Record<"by" | "year", string>>;

export type ParsedListQuery =
  | {
      ok: true;
      query: ListQuery;
      typed: TypedListQuery;
      /** The address says the same thing another way ("?by=theme&year="): answer at the canonical one. */
      redirectTo: string | null;
    }
  | { ok: false; errors: ListErrors; typed: TypedListQuery };

/**
 * Reads `by` and `year`. Nothing given is every year by theme. `by` must be "theme" or
 * "group"; `year` empty (every year) or one of `years`, the years with published entries.
 * Anything else is a mistake to explain (a 400), never silently something else.
 * Message keys are in the feedback-loop namespace.
 */
export function parseListQuery(params: URLSearchParams, { years }: { years: readonly number[] }): ParsedListQuery {
  const typed = { by: (params.get("by") ?? "").trim().slice(0, 20), year: (params.get("year") ?? "").trim().slice(0, 20) };
  const errors: ListErrors = {};
  const by = typed.by === "" ? "theme" : (showByChoices as readonly string[]).includes(typed.by) ? (typed.by as ShowBy) : null;
  if (by === null) errors.by = "yswd.errors.by";
  let year: number | null = null;
  if (typed.year !== "") {
    year = /^\d{4}$/.test(typed.year) ? Number(typed.year) : NaN;
    if (!years.includes(year)) errors.year = "yswd.errors.year";
  }
  if (by === null || Object.keys(errors).length > 0) return { ok: false, errors, typed };
  const query = { by, year };
  const canonical = listSearch(query);
  const given = new URLSearchParams(params);
  // Only the two known parameters count: anything else in the address is left alone.
  for (const key of [...given.keys()]) if (key !== "by" && key !== "year") given.delete(key);
  const asGiven = given.toString() ? `?${given.toString()}` : "";
  return { ok: true, query, typed: { by, year: year === null ? "" : String(year) }, redirectTo: asGiven === canonical ? null : `${YSWD_PATH}${canonical}` };
}

/** The canonical query of a view: "" (every year by theme), "?by=group", "?year=2026", "?by=group&year=2026". */
export function listSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.by !== "theme") params.set("by", query.by);
  if (query.year !== null) params.set("year", String(query.year));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface ViewEntry {
  year: number;
  theme: YouSaidTheme;
  group_slug: string | null;
  group_name: string | null;
  group_number: number | null;
}

export type Section<T> =
  | { kind: "theme"; key: string; theme: YouSaidTheme; entries: T[] }
  | { kind: "group"; key: string; groupName: string | null; entries: T[] };

/**
 * Entries by year (newest first), then by theme (content, accessibility, development) or
 * by working group (in the groups' order, entries with no group last). Entries keep the
 * order they are given in (the order they were published). Empty sections are left out.
 */
export function groupForView<T extends ViewEntry>(entries: readonly T[], query: ListQuery): { year: number; sections: Section<T>[] }[] {
  const shown = query.year === null ? entries : entries.filter((e) => e.year === query.year);
  const years = [...new Set(shown.map((e) => e.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const ofYear = shown.filter((e) => e.year === year);
    if (query.by === "theme") {
      return {
        year,
        sections: youSaidThemes
          .map((theme) => ({ kind: "theme" as const, key: theme, theme, entries: ofYear.filter((e) => e.theme === theme) }))
          .filter((s) => s.entries.length > 0),
      };
    }
    const groups = [...new Map(ofYear.filter((e) => e.group_slug !== null).map((e) => [e.group_slug!, e])).values()].sort(
      (a, b) => (a.group_number ?? 0) - (b.group_number ?? 0) || (a.group_name ?? "").localeCompare(b.group_name ?? "", "en-GB"),
    );
    const sections: Section<T>[] = groups.map((g) => ({
      kind: "group",
      key: g.group_slug!,
      groupName: g.group_name,
      entries: ofYear.filter((e) => e.group_slug === g.group_slug),
    }));
    const none = ofYear.filter((e) => e.group_slug === null);
    if (none.length) sections.push({ kind: "group", key: "no-group", groupName: null, entries: none });
    return { year, sections };
  });
}
