/**
 * What the analysis pages share before they differ: the guard, the wave (404 when there
 * is none), the filter choices, and the filters and breakdown read from the address.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { requireUser } from "../auth/session.server";
import i18next from "../i18n/i18next.server";
import { httpError } from "../utils/http.server";
import { filterDimensions, filterToSearch, parseAnalysisFilter, typedOf, type AnalysisFilter, type FilterChoices, type FilterDimension, type FilterError, type FilterField, type TypedFilter } from "./filters";
import { getFilterChoices } from "./filters.server";
import { getWave, type Wave } from "./results.server";

export { ANALYSIS_PATH, wavePath } from "./paths";

export type AnalysisRequest =
  | {
      ok: true;
      wave: Wave;
      choices: FilterChoices;
      filter: AnalysisFilter;
      typed: TypedFilter;
      by: FilterDimension | null;
      language: string;
      /** The canonical address's query: the filters, then `by`. */
      search: string;
    }
  | {
      ok: false;
      wave: Wave;
      choices: FilterChoices;
      typed: TypedFilter;
      errors: Partial<Record<FilterField | "by", FilterError>>;
      by: string;
      language: string;
    };

/** The breakdown asked for (`by`), checked. */
export function parseBy(value: string | null): { ok: true; by: FilterDimension | null } | { ok: false; error: FilterError } {
  if (value === null || value === "") return { ok: true, by: null };
  return (filterDimensions as readonly string[]).includes(value)
    ? { ok: true, by: value as FilterDimension }
    : { ok: false, error: { key: "results.errors.by", value: value.slice(0, 40) } };
}

/**
 * Reads an analysis page's request. Throws the 404 for an unknown wave and a redirect
 * to the short address when the dates came in the form's boxes; bad filters come back
 * as errors for the page to show with a 400.
 */
export async function readAnalysisRequest(
  request: Request,
  context: AppLoadContext,
  surveyId: string | undefined,
  { otherParams = [] }: { otherParams?: string[] } = {},
): Promise<AnalysisRequest & { user: Awaited<ReturnType<typeof requireUser>> }> {
  const user = await requireUser(request, context, "analysis.read");
  const language = await i18next.getLocale(request);
  const wave = await getWave(context.db, { id: surveyId, now: context.now(), language });
  if (!wave) throw await httpError(request, 404, "not-found");
  const choices = await getFilterChoices(context.db);
  const url = new URL(request.url);
  const parsed = parseAnalysisFilter(url.searchParams, choices, ["by", ...otherParams]);
  const by = parseBy(url.searchParams.get("by"));
  if (!parsed.ok || !by.ok) {
    const errors: Partial<Record<FilterField | "by", FilterError>> = parsed.ok ? {} : { ...parsed.errors };
    if (!by.ok) errors.by = by.error;
    return { ok: false, user, wave, choices, typed: parsed.typed, errors, by: (url.searchParams.get("by") ?? "").slice(0, 40), language };
  }
  const params = filterToSearch(parsed.filter);
  if (by.by) params.set("by", by.by);
  for (const name of otherParams) for (const value of url.searchParams.getAll(name)) params.append(name, value);
  const search = params.toString();
  if (parsed.fromBoxes) throw redirect(`${url.pathname}${search ? `?${search}` : ""}`);
  return { ok: true, user, wave, choices, filter: parsed.filter, typed: typedOf(parsed.filter), by: by.by, language, search };
}
