/**
 * Query parameters of the ORUK API, read strictly: a value we cannot use is a 400
 * with a sentence saying what to send instead (never a silent default that
 * returns the wrong services). Parameters we do not know are ignored. Pure.
 */
import { isUuid } from "./ids";
import type { Paging, ServiceFilters } from "./api.server";

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 200;
/** No consumer pages this deep; a loop does. */
export const MAX_PAGE = 100_000;
const MAX_TEXT = 200;

export class BadParameter extends Error {
  constructor(public readonly parameter: string, public readonly detail: string) {
    super(detail);
  }
}

function wholeNumber(params: URLSearchParams, name: string, min: number, max: number, meaning: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadParameter(name, `${name} must be a whole number from ${min} to ${max} (${meaning}); got "${raw.slice(0, 40)}".`);
  }
  return value;
}

function uuid(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  if (!isUuid(raw.trim())) throw new BadParameter(name, `${name} must be a uuid, like 3f7b145d-84af-42d7-8fae-eaca714b02b2; got "${raw.slice(0, 40)}".`);
  return raw.trim().toLowerCase();
}

export function booleanParam(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return false;
  const value = raw.trim().toLowerCase();
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new BadParameter(name, `${name} must be true or false; got "${raw.slice(0, 40)}".`);
}

function searchText(params: URLSearchParams): string | undefined {
  // ORUK 3.0 calls it "search"; ORUK 1.0 (and many consumers still) "text".
  const raw = params.get("search") ?? params.get("text");
  const value = raw?.replace(/\s+/g, " ").trim();
  if (!value) return undefined;
  if (value.length > MAX_TEXT) throw new BadParameter(params.has("search") ? "search" : "text", `Search words must be at most ${MAX_TEXT} characters.`);
  return value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function dateTime(params: URLSearchParams, name: string): Date | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = raw.trim();
  const date = DATE_TIME.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new BadParameter(name, `${name} must be a date or date-time in ISO 8601 form, like 2026-01-31 or 2026-01-31T09:00:00Z; got "${raw.slice(0, 40)}".`);
  }
  return date;
}

export function parsePaging(params: URLSearchParams): Paging {
  return {
    page: wholeNumber(params, "page", 1, MAX_PAGE, "the page to show, from 1") ?? 1,
    perPage: wholeNumber(params, "per_page", 1, MAX_PER_PAGE, "how many results on a page") ?? DEFAULT_PER_PAGE,
  };
}

export function parseServiceFilters(params: URLSearchParams): ServiceFilters {
  const format = params.get("format");
  if (format && format.trim().toLowerCase() !== "json") throw new BadParameter("format", `Only format=json is offered; got "${format.slice(0, 40)}".`);
  const minimumAge = wholeNumber(params, "minimum_age", 0, 150, "in years");
  const maximumAge = wholeNumber(params, "maximum_age", 0, 150, "in years");
  return {
    text: searchText(params),
    taxonomyTermId: uuid(params, "taxonomy_term_id"),
    taxonomyId: uuid(params, "taxonomy_id"),
    organizationId: uuid(params, "organization_id"),
    minimumAge,
    maximumAge,
    modifiedAfter: dateTime(params, "modified_after"),
  };
}

export function parseTermFilters(params: URLSearchParams) {
  return {
    taxonomyId: uuid(params, "taxonomy_id"),
    parentId: uuid(params, "parent_id"),
    topOnly: booleanParam(params, "top_only"),
    text: searchText(params),
  };
}

export function parseSearchOnly(params: URLSearchParams) {
  return { text: searchText(params) };
}
