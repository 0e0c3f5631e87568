/**
 * The filters officers put on a survey wave's answers (issue 7, point 2;
 * docs/decisions/029-survey-analysis.md): who answered (district, health area, support
 * level, age band, who filled it in), how (language, format) and when (submitted from,
 * to). Read from the address of a GET form, so a filtered page has an address an officer
 * can share and works without JavaScript. Values within one filter are alternatives
 * ("Burnley or Pendle"); different filters narrow together ("Burnley and EHC plan").
 * Pure: the query side is in filters.server.ts.
 */
import { AGE_BANDS, COMPLETED_BY, SUPPORT_LEVELS } from "../surveys/definition";
import { partsFromDate } from "../surveys/uk-time";
import { checkTypedDate, EMPTY_DATE, typedDateFrom, yearsBefore, type TypedDate } from "../utils/typed-date";

/** The filters, each with its name in the address. */
export const filterDimensions = ["district", "health_area", "support_level", "age_band", "completed_by", "language", "format"] as const;
export type FilterDimension = (typeof filterDimensions)[number];

export const FORMATS = ["standard", "easy_read"] as const;
/** A longer period is refused: no wave lasts that long, and a typing slip ("1026") should be caught. */
export const MAX_FILTER_YEARS = 5;
/** More values than this in one filter cannot have come from the form. */
const MAX_VALUES = 50;

export interface AnalysisFilter {
  district: string[];
  health_area: string[];
  support_level: string[];
  age_band: string[];
  completed_by: string[];
  language: string[];
  format: string[];
  /** "YYYY-MM-DD": submitted on or after this UK calendar day; null for no limit. */
  from: string | null;
  /** "YYYY-MM-DD": submitted on or before this UK calendar day; null for no limit. */
  to: string | null;
}

export const NO_FILTER: AnalysisFilter = {
  district: [],
  health_area: [],
  support_level: [],
  age_band: [],
  completed_by: [],
  language: [],
  format: [],
  from: null,
  to: null,
};

/** What each filter may be: districts and health areas come from the area's data (slugs). */
export interface FilterChoices {
  district: { value: string; label: string }[];
  health_area: { value: string; label: string; districts: string[] }[];
  language: { value: string; label: string }[];
}

export type FilterField = FilterDimension | "from" | "to" | "filters";

/** What was typed, to put back in the form. */
export interface TypedFilter extends Record<FilterDimension, string[]> {
  from: TypedDate;
  to: TypedDate;
}

export interface FilterError {
  /** A message key in the "analysis" namespace. */
  key: string;
  /** The value that was not recognised, to quote back. */
  value?: string;
}

export type ParsedFilter =
  | { ok: true; filter: AnalysisFilter; typed: TypedFilter; /** Dates came in the form's boxes: answer at the short address. */ fromBoxes: boolean }
  | { ok: false; errors: Partial<Record<FilterField, FilterError>>; typed: TypedFilter };

/** The values a filter accepts. */
export function allowedValues(dimension: FilterDimension, choices: FilterChoices): readonly string[] {
  switch (dimension) {
    case "district":
      return choices.district.map((c) => c.value);
    case "health_area":
      return choices.health_area.map((c) => c.value);
    case "language":
      return choices.language.map((c) => c.value);
    case "support_level":
      return SUPPORT_LEVELS;
    case "age_band":
      return AGE_BANDS;
    case "completed_by":
      return COMPLETED_BY;
    case "format":
      return FORMATS;
  }
}

const DATE_PARAMS = ["from", "to", "from-day", "from-month", "from-year", "to-day", "to-month", "to-year"];

/**
 * Reads the filters from an address. A value that is not one of the choices, a name
 * that is not a filter (other than `otherParams`, which the page reads itself), or a
 * date that is not a date gives errors naming what was wrong, never a silent drop.
 */
export function parseAnalysisFilter(params: URLSearchParams, choices: FilterChoices, otherParams: readonly string[] = []): ParsedFilter {
  const typed: TypedFilter = typedOf(NO_FILTER);
  const errors: Partial<Record<FilterField, FilterError>> = {};
  const filter: AnalysisFilter = { ...NO_FILTER };

  for (const name of new Set(params.keys())) {
    const known = (filterDimensions as readonly string[]).includes(name) || DATE_PARAMS.includes(name) || otherParams.includes(name);
    if (!known) errors.filters ??= { key: "filters.errors.unknownFilter", value: name.slice(0, 40) };
  }

  for (const dimension of filterDimensions) {
    const given = params
      .getAll(dimension)
      .map((v) => v.trim())
      .filter((v) => v !== "");
    const values = [...new Set(given)];
    typed[dimension] = values.slice(0, MAX_VALUES).map((v) => v.slice(0, 60));
    if (values.length > MAX_VALUES) {
      errors[dimension] = { key: "filters.errors.tooMany" };
      continue;
    }
    const allowed = allowedValues(dimension, choices);
    const unknown = values.find((v) => !allowed.includes(v));
    if (unknown !== undefined) errors[dimension] = { key: `filters.errors.unknown.${dimension}`, value: unknown.slice(0, 60) };
    else filter[dimension] = values;
  }

  const from = typedDateFrom(params, "from");
  const to = typedDateFrom(params, "to");
  typed.from = from.typed;
  typed.to = to.typed;
  // An empty date in the form means "no limit", not a mistake.
  for (const [name, date] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!date.given || (date.boxes && !date.typed.day && !date.typed.month && !date.typed.year)) continue;
    const checked = checkTypedDate(date.typed);
    if ("problem" in checked) errors[name] = { key: `filters.errors.${name}.${checked.problem}` };
    else filter[name] = checked.date;
  }
  if (filter.from && filter.to && !errors.from && !errors.to) {
    if (filter.from > filter.to) errors.to = { key: "filters.errors.to.beforeFrom" };
    else if (yearsBefore(filter.to, MAX_FILTER_YEARS) > filter.from) errors.to = { key: "filters.errors.to.tooLong" };
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors, typed };
  return { ok: true, filter, typed, fromBoxes: from.boxes || to.boxes };
}

/** The filter as it was accepted, to put back in the form. */
export function typedOf(filter: AnalysisFilter): TypedFilter {
  return {
    district: filter.district,
    health_area: filter.health_area,
    support_level: filter.support_level,
    age_band: filter.age_band,
    completed_by: filter.completed_by,
    language: filter.language,
    format: filter.format,
    from: filter.from ? partsFromDate(filter.from) : EMPTY_DATE,
    to: filter.to ? partsFromDate(filter.to) : EMPTY_DATE,
  };
}

/** The short address of a filter, in a fixed order: "district=burnley&format=easy_read&from=2026-01-01". */
export function filterToSearch(filter: AnalysisFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const dimension of filterDimensions) for (const value of filter[dimension]) params.append(dimension, value);
  if (filter.from) params.set("from", filter.from);
  if (filter.to) params.set("to", filter.to);
  return params;
}

/** True when nothing narrows the answers. */
export function isUnfiltered(filter: AnalysisFilter): boolean {
  return filterDimensions.every((d) => filter[d].length === 0) && !filter.from && !filter.to;
}

/** The districts a filter lets through, or null for every district (and none given). */
export function districtsAllowed(filter: AnalysisFilter, choices: FilterChoices): string[] | null {
  let allowed: string[] | null = filter.district.length ? [...filter.district] : null;
  if (filter.health_area.length) {
    const inAreas = choices.health_area.filter((h) => filter.health_area.includes(h.value)).flatMap((h) => h.districts);
    allowed = allowed ? allowed.filter((d) => inAreas.includes(d)) : inAreas;
  }
  return allowed;
}
