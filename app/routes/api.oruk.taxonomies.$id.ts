import { loadTaxonomy } from "~/local-offer/oruk/api.server";
import { taxonomies } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader, orukNotFound } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/taxonomies/:id: one taxonomy with its terms (ORUK taxonomy). */
export const loader = orukLoader(async ({ context, params }) => {
  const { categories, needs } = await loadTaxonomy(context.db);
  const id = (params.id ?? "").toLowerCase();
  const taxonomy = taxonomies(categories, needs, { withTerms: true }).find((t) => t.id === id);
  if (!taxonomy) return orukNotFound("There is no taxonomy with this id.");
  return orukJson(taxonomy);
});
export const action = orukAction;
