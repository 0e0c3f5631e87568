import { loadTaxonomy } from "~/local-offer/oruk/api.server";
import { slicePage, taxonomies } from "~/local-offer/oruk/map";
import { parsePaging, parseSearchOnly } from "~/local-offer/oruk/params";
import { orukAction, orukJson, orukLoader } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/taxonomies: the local offer's categories and the SEND needs (ORUK taxonomy_list). */
export const loader = orukLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const paging = parsePaging(params);
  const { text } = parseSearchOnly(params);
  const { categories, needs } = await loadTaxonomy(context.db);
  const all = taxonomies(categories, needs, { withTerms: false }).filter((t) => !text || t.name.toLowerCase().includes(text.toLowerCase()));
  return orukJson(slicePage(all, paging));
});
export const action = orukAction;
