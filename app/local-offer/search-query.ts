/**
 * The local offer search's query string, read and written in one place. Pure: no I/O.
 *
 * /local-offer is printed on letters and posters, so its parameter names never change:
 * q, age, need, district, category, cost, page (plus delivery and sort). A link someone
 * saved years ago must still open a sensible page: values we do not recognise are
 * dropped with a message the visitor can read, never a 500. Only a request that no
 * person could have made (a huge query string, page 5000) is refused with a 400.
 */
import type { Cost, Delivery } from "../../db/schema";
import { costs as COSTS, deliveries as DELIVERIES, MAX_AGE, MIN_AGE } from "./model";

export const SEARCH_PATH = "/local-offer";
/** Longest search text we use; longer text is cut here and the visitor is told. */
export const MAX_QUERY_LENGTH = 200;
/** Longer query strings are refused (400): no form on the site can make one. */
export const MAX_QUERY_STRING_LENGTH = 2048;
/** Deeper pages are refused (400): nobody pages that far; crawlers looping do. */
export const MAX_PAGE = 1000;
export const SORTS = ["relevance", "name"] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchQuery {
  /** Trimmed, whitespace collapsed, at most MAX_QUERY_LENGTH characters; "" for none. */
  q: string;
  /** A whole number of years, 0 to 25. */
  age: number | undefined;
  /** Need slugs. */
  needs: string[];
  /** District slugs. */
  districts: string[];
  /** Category slugs. */
  categories: string[];
  costs: Cost[];
  deliveries: Delivery[];
  /** Relevance by default when there are words to rank by; name otherwise. */
  sort: SearchSort;
  /** 1-based. */
  page: number;
}

/** A part of the query string we could not use. The page explains each in plain words. */
export type SearchProblem =
  | { field: "need" | "district" | "category" | "cost" | "delivery" | "sort"; kind: "unknown"; value: string }
  | { field: "age"; kind: "notANumber" | "outOfRange"; value: string }
  | { field: "page"; kind: "notANumber"; value: string }
  | { field: "q"; kind: "tooLong"; value: string };

/** A request no person could have made: answered with a 400 page. */
export type SearchRefusal = "queryStringTooLong" | "pageTooLarge";

export interface ParsedSearch {
  query: SearchQuery;
  problems: SearchProblem[];
  /** Set when the request should be refused (400) instead of searched. */
  refusal?: SearchRefusal;
}

/** The values the filters accept. A list left out is not checked (any well-formed slug is kept). */
export interface SearchQueryOptions {
  needs?: readonly string[];
  districts?: readonly string[];
  categories?: readonly string[];
  /** The query string's length as received (request.url), when the caller has it. */
  rawLength?: number;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longest value we repeat back in a message: it is the visitor's own text, but keep the page tidy. */
const ECHO_MAX = 40;

export function defaultSort(q: string): SearchSort {
  return q ? "relevance" : "name";
}

/** Trim, collapse runs of whitespace, and drop control characters. */
export function normaliseSearchText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
}

function echo(value: string): string {
  return value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value;
}

function listOf(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== "");
  return [...new Set(values)];
}

export function parseSearchQuery(params: URLSearchParams, options: SearchQueryOptions = {}): ParsedSearch {
  const problems: SearchProblem[] = [];
  let refusal: SearchRefusal | undefined;
  if (Math.max(params.toString().length, options.rawLength ?? 0) > MAX_QUERY_STRING_LENGTH) refusal = "queryStringTooLong";

  // q: the first non-empty value (a form may send an empty duplicate).
  let q = normaliseSearchText(params.getAll("q").find((v) => normaliseSearchText(v) !== "") ?? "");
  if (q.length > MAX_QUERY_LENGTH) {
    problems.push({ field: "q", kind: "tooLong", value: String(MAX_QUERY_LENGTH) });
    q = q.slice(0, MAX_QUERY_LENGTH).trim();
  }

  let age: number | undefined;
  const rawAge = (params.get("age") ?? "").trim();
  if (rawAge !== "") {
    if (!/^\d{1,3}$/.test(rawAge)) problems.push({ field: "age", kind: "notANumber", value: echo(rawAge) });
    else if (Number(rawAge) < MIN_AGE || Number(rawAge) > MAX_AGE) problems.push({ field: "age", kind: "outOfRange", value: rawAge });
    else age = Number(rawAge);
  }

  function known<T extends string>(field: "need" | "district" | "category" | "cost" | "delivery", allowed: readonly string[] | undefined): T[] {
    const kept: T[] = [];
    for (const value of listOf(params, field)) {
      const ok = allowed ? allowed.includes(value) : SLUG.test(value) && value.length <= 60;
      if (ok) kept.push(value as T);
      else problems.push({ field, kind: "unknown", value: echo(value) });
    }
    return kept;
  }
  const needs = known<string>("need", options.needs);
  const districts = known<string>("district", options.districts);
  const categories = known<string>("category", options.categories);
  const costs = known<Cost>("cost", COSTS);
  const deliveries = known<Delivery>("delivery", DELIVERIES);

  let sort = defaultSort(q);
  const rawSort = (params.get("sort") ?? "").trim().toLowerCase();
  if (rawSort !== "") {
    if ((SORTS as readonly string[]).includes(rawSort)) sort = rawSort as SearchSort;
    else problems.push({ field: "sort", kind: "unknown", value: echo(rawSort) });
  }

  let page = 1;
  const rawPage = (params.get("page") ?? "").trim();
  if (rawPage !== "") {
    if (!/^\d{1,9}$/.test(rawPage) || Number(rawPage) < 1) problems.push({ field: "page", kind: "notANumber", value: echo(rawPage) });
    else if (Number(rawPage) > MAX_PAGE) refusal ??= "pageTooLarge";
    else page = Number(rawPage);
  }

  const query: SearchQuery = { q, age, needs, districts, categories, costs, deliveries, sort, page };
  return refusal ? { query, problems, refusal } : { query, problems };
}

/** True when the visitor asked for anything at all (words or a filter). */
export function hasCriteria(query: SearchQuery): boolean {
  return (
    query.q !== "" ||
    query.age !== undefined ||
    query.needs.length + query.districts.length + query.categories.length + query.costs.length + query.deliveries.length > 0
  );
}

export function hasFilters(query: SearchQuery): boolean {
  return hasCriteria({ ...query, q: "" });
}

/**
 * The address of a search: the current one with some parts changed. Any change other
 * than `page` goes back to page 1 (a new filter makes a new list). The sort is only
 * written when it is not the default for the words, so links stay short.
 *
 *   searchHref(query, { districts: [] })   // clear the district filter
 *   searchHref(query, { page: 3 })         // page 3 of the same search
 */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const next: SearchQuery = { ...query, ...changes };
  if (!("page" in changes)) next.page = 1;
  if (!("sort" in changes) && "q" in changes && query.sort === defaultSort(query.q)) next.sort = defaultSort(next.q);
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.age !== undefined) params.set("age", String(next.age));
  for (const value of next.needs) params.append("need", value);
  for (const value of next.districts) params.append("district", value);
  for (const value of next.categories) params.append("category", value);
  for (const value of next.costs) params.append("cost", value);
  for (const value of next.deliveries) params.append("delivery", value);
  if (next.sort !== defaultSort(next.q)) params.set("sort", next.sort);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${SEARCH_PATH}?${search}` : SEARCH_PATH;
}

/** The search as a flat query string (no page), e.g. for the pagination component. */
export function searchParamsOf(query: SearchQuery): string {
  const href = searchHref(query, { page: 1 });
  return href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
}
