import { loadTaxonomy } from "~/local-offer/oruk/api.server";
import { allTerms } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader, orukNotFound } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/taxonomy_terms/:id: one term (ORUK taxonomy_term). */
export const loader = orukLoader(async ({ context, params }) => {
  const { categories, needs } = await loadTaxonomy(context.db);
  const id = (params.id ?? "").toLowerCase();
  const term = allTerms(categories, needs).find((t) => t.id === id);
  if (!term) return orukNotFound("There is no taxonomy term with this id.");
  return orukJson(term);
});
export const action = orukAction;
