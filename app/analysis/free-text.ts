/**
 * The free-text page's address (docs/decisions/030-free-text-coding.md): which text
 * question, which theme, which page. Pure: the loader parses it, every form posts back
 * to it and the answer redirects to it, so an officer lands where they were.
 */
import { wavePath } from "./paths";

export const FREE_TEXT_PAGE_SIZE = 20;
/** How many pages the address may ask for; a larger number is an error, not a query. */
const MAX_PAGE = 10_000;

export function freeTextPath(surveyId: string): string {
  return wavePath(surveyId, "free-text");
}

export function quotePath(surveyId: string): string {
  return wavePath(surveyId, "free-text/quote");
}

export function resultsPath(surveyId: string): string {
  return wavePath(surveyId);
}

/** The anchor of one answer on the page, so a redirect comes back to it. */
export function answerAnchor(responseId: string): string {
  return `answer-${responseId}`;
}

export type ThemeFilter = { kind: "any" } | { kind: "untagged" } | { kind: "theme"; id: number };

export interface FreeTextQuery {
  question: string;
  theme: ThemeFilter;
  page: number;
}

export type FreeTextField = "question" | "theme";

export type ParsedFreeTextQuery =
  | { ok: true; query: FreeTextQuery }
  | { ok: false; errors: Partial<Record<FreeTextField, string>>; query: FreeTextQuery; typed: Record<FreeTextField, string> };

export const UNTAGGED = "untagged";

/**
 * Reads `?question=…&theme=…&page=…`. No question: the first one. A question or a
 * theme that is not in the lists is an error (i18n keys in "analysis-free-text"), and
 * the page shows what it can without it. A page number that makes no sense is page 1.
 */
export function parseFreeTextQuery(
  params: URLSearchParams,
  { questions, themes }: { questions: readonly string[]; themes: readonly number[] },
): ParsedFreeTextQuery {
  const errors: Partial<Record<FreeTextField, string>> = {};
  const typed = { question: params.get("question") ?? "", theme: params.get("theme") ?? "" };

  let question = questions[0] ?? "";
  if (typed.question !== "") {
    if (questions.includes(typed.question)) question = typed.question;
    else errors.question = "page.errors.questionUnknown";
  }

  let theme: ThemeFilter = { kind: "any" };
  if (typed.theme === UNTAGGED) theme = { kind: "untagged" };
  else if (typed.theme !== "") {
    const id = /^[1-9]\d{0,9}$/.test(typed.theme) ? Number(typed.theme) : NaN;
    if (themes.includes(id)) theme = { kind: "theme", id };
    else errors.theme = "page.errors.themeUnknown";
  }

  const pageText = params.get("page") ?? "1";
  const requested = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  const page = requested >= 1 && requested <= MAX_PAGE ? requested : 1;

  const query = { question, theme, page };
  return Object.keys(errors).length ? { ok: false, errors, query, typed } : { ok: true, query };
}

/** The theme filter as its form value. */
export function themeFilterValue(theme: ThemeFilter): string {
  return theme.kind === "any" ? "" : theme.kind === "untagged" ? UNTAGGED : String(theme.id);
}

/**
 * The query string for a free-text page: this page's own parameters over `base` (the
 * shared analysis filters, e.g. `?district=burnley`), empty ones left out.
 */
export function freeTextSearch(query: Partial<FreeTextQuery>, base: URLSearchParams | string = ""): string {
  const params = new URLSearchParams(base);
  for (const key of ["question", "theme", "page"]) params.delete(key);
  if (query.question) params.set("question", query.question);
  if (query.theme && query.theme.kind !== "any") params.set("theme", themeFilterValue(query.theme));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * Where a form on the page sends the officer back to: the same address (filters,
 * question, theme and page, as the post's own URL had them), at the answer they acted on.
 * Only this page's path is ever used, so the address cannot send anyone elsewhere.
 */
export function backToAnswer(surveyId: string, requestUrl: string, responseId?: string): string {
  const search = new URL(requestUrl).searchParams;
  search.delete("index");
  const query = search.toString();
  return `${freeTextPath(surveyId)}${query ? `?${query}` : ""}${responseId ? `#${answerAnchor(responseId)}` : ""}`;
}

/**
 * The language of an answer's words, for its `lang` attribute (a screen reader picks its
 * voice from it). The response's language is the survey's interface language, and people
 * often write in another (English in a survey taken in Polish): so Arabic-script words are
 * Urdu, Latin words with Polish letters in a survey taken in Polish are Polish, and anything
 * else is taken as English (a Polish answer typed without its letters is the one slip).
 */
export function answerLanguage(text: string, surveyLanguage: string): "ur" | "pl" | "en-GB" {
  if (/[\u0600-\u06FF]/u.test(text)) return "ur";
  if (surveyLanguage === "pl" && /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/u.test(text)) return "pl";
  return "en-GB";
}
