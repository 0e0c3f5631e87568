/**
 * What responses are read against (issue 7, point 1): children and young people at
 * SEN support and with an EHC plan in each district, by year, as an officer types them
 * from the school census and the SEN2 return. Pure: reading the form, choosing the
 * year for a wave, and the rates. Queries are in denominators.server.ts.
 */
import { isSmall, suppressBreakdown, type Cell } from "./suppression";

export const DENOMINATOR_LEVELS = ["sen_support", "ehc_plan"] as const;
export type DenominatorLevel = (typeof DENOMINATOR_LEVELS)[number];
export const MAX_CHILDREN = 10_000_000;
export const EARLIEST_DENOMINATOR_YEAR = 2000;
export const LATEST_DENOMINATOR_YEAR = 2100;

/** The form's field for one district's figure: "burnley.ehc_plan". */
export const denominatorField = (district: string, level: DenominatorLevel) => `${district}.${level}`;

export type DenominatorValues = Record<string, Partial<Record<DenominatorLevel, number>>>;

/** A year typed in an address or a box: a whole number from 2000 to 2100. */
export function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\s*\d{4}\s*$/.test(value)) return null;
  const year = Number(value);
  return year >= EARLIEST_DENOMINATOR_YEAR && year <= LATEST_DENOMINATOR_YEAR ? year : null;
}

/**
 * Reads the figures typed for each district. An empty box means "no figure" (it is
 * removed); anything else must be a whole number of children, commas allowed.
 */
export function parseDenominatorForm(
  form: Record<string, string>,
  districts: readonly string[],
): { ok: true; values: DenominatorValues } | { ok: false; errors: Record<string, string>; typed: Record<string, string> } {
  const values: DenominatorValues = {};
  const errors: Record<string, string> = {};
  const typed: Record<string, string> = {};
  for (const district of districts) {
    values[district] = {};
    for (const level of DENOMINATOR_LEVELS) {
      const field = denominatorField(district, level);
      const raw = (form[field] ?? "").trim().slice(0, 20);
      typed[field] = raw;
      if (raw === "") continue;
      const digits = raw.replace(/,/g, "");
      if (!/^\d+$/.test(digits)) errors[field] = "denominators.errors.notNumber";
      else if (Number(digits) > MAX_CHILDREN) errors[field] = "denominators.errors.tooBig";
      else values[district]![level] = Number(digits);
    }
  }
  return Object.keys(errors).length ? { ok: false, errors, typed } : { ok: true, values };
}

/** The figures to read a wave against: the latest year not after the year it opened, else the earliest there is. */
export function yearForWave(years: readonly number[], opened: number | null): number | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a - b);
  if (opened === null) return sorted[sorted.length - 1]!;
  const before = sorted.filter((y) => y <= opened);
  return before.length ? before[before.length - 1]! : sorted[0]!;
}

export interface RateCell {
  responses: Cell;
  children: number | null;
  /** "4.2%", or "" when the responses are hidden or there is no figure. */
  rate: string;
}

export interface ResponseRates {
  year: number;
  rows: { district: string; name: string; cells: Record<DenominatorLevel, RateCell> }[];
  all: Record<DenominatorLevel, RateCell>;
}

/** A rate to one decimal place: responses as a share of children. */
export function rateText(responses: number, children: number | null): string {
  if (!children) return "";
  return `${(Math.round((responses / children) * 1000) / 10).toFixed(1)}%`;
}

/**
 * Each level's responses by district, suppressed as one breakdown whose total (all
 * districts) is shown; a rate only beside a count that is shown.
 */
export function responseRates(
  year: number,
  districts: readonly { slug: string; name: string }[],
  responses: ReadonlyMap<string, number>,
  children: ReadonlyMap<string, number>,
  threshold: number,
): ResponseRates {
  const key = (district: string, level: DenominatorLevel) => `${district} ${level}`;
  const columns = DENOMINATOR_LEVELS.map((level) => {
    const counts = districts.map((d) => responses.get(key(d.slug, level)) ?? 0);
    const sum = counts.reduce((a, b) => a + b, 0);
    const { cells, total } = suppressBreakdown(counts, { threshold, total: sum });
    return { level, sum, cells, total };
  });
  const cell = (count: number, shown: Cell, kids: number | null): RateCell => ({
    responses: shown,
    children: kids,
    rate: shown.shown && !isSmall(count, threshold) ? rateText(count, kids) : "",
  });
  return {
    year,
    rows: districts.map((d, i) => ({
      district: d.slug,
      name: d.name,
      cells: Object.fromEntries(
        columns.map((c) => [c.level, cell(responses.get(key(d.slug, c.level)) ?? 0, c.cells[i]!, children.get(key(d.slug, c.level)) ?? null)]),
      ) as Record<DenominatorLevel, RateCell>,
    })),
    all: Object.fromEntries(
      columns.map((c) => {
        const kids = districts.reduce((sum, d) => sum + (children.get(key(d.slug, c.level)) ?? 0), 0);
        return [c.level, cell(c.sum, c.total, kids || null)];
      }),
    ) as Record<DenominatorLevel, RateCell>,
  };
}

