import { loadTaxonomy } from "~/local-offer/oruk/api.server";
import { allTerms, filterTerms, slicePage } from "~/local-offer/oruk/map";
import { parsePaging, parseTermFilters } from "~/local-offer/oruk/params";
import { orukAction, orukJson, orukLoader } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/taxonomy_terms: categories, broad areas of need and needs (ORUK taxonomy_term_list). */
export const loader = orukLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const paging = parsePaging(params);
  const filters = parseTermFilters(params);
  const { categories, needs } = await loadTaxonomy(context.db);
  return orukJson(slicePage(filterTerms(allTerms(categories, needs), filters), paging));
});
export const action = orukAction;
