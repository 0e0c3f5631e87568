import { areaName, getOrukServiceAtLocation } from "~/local-offer/oruk/api.server";
import { mapServiceAtLocation, mapServiceBasic } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader, orukNotFound, originOf } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/service_at_locations/:id: one place a published service is offered (ORUK service_at_location). */
export const loader = orukLoader(async ({ request, context, params }) => {
  const found = await getOrukServiceAtLocation(context.db, params.id ?? "");
  const location = found?.bundle.locations.find((l) => l.service_at_location_id === found.link.id);
  if (!found || !location) return orukNotFound("There is no published service at a location with this id.");
  return orukJson({
    ...mapServiceAtLocation(location, found.bundle.service.id, await areaName(context.db)),
    service: mapServiceBasic(found.bundle, { origin: originOf(request) }),
  });
});
export const action = orukAction;
