import { areaName, getOrukService } from "~/local-offer/oruk/api.server";
import { mapService } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader, orukNotFound, originOf } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/services/:id: one published service, fully nested (ORUK service). */
export const loader = orukLoader(async ({ request, context, params }) => {
  const bundle = await getOrukService(context.db, params.id ?? "");
  if (!bundle) return orukNotFound("There is no published service with this id.");
  return orukJson(mapService(bundle, { origin: originOf(request), areaName: await areaName(context.db) }));
});
export const action = orukAction;
