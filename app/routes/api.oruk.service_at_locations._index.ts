import { areaName, listOrukServiceAtLocations } from "~/local-offer/oruk/api.server";
import { mapLocation, mapServiceBasic, pageOf } from "~/local-offer/oruk/map";
import { parsePaging, parseServiceFilters } from "~/local-offer/oruk/params";
import { orukAction, orukJson, orukLoader, originOf } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/service_at_locations: where published services are offered (ORUK service_at_location_list). */
export const loader = orukLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const paging = parsePaging(params);
  const filters = parseServiceFilters(params);
  const { total, links, bundles } = await listOrukServiceAtLocations(context.db, { filters, paging });
  const area = await areaName(context.db);
  const origin = originOf(request);
  const contents = links.flatMap((link) => {
    const bundle = bundles.find((b) => b.service.id === link.service_id);
    const location = bundle?.locations.find((l) => l.service_at_location_id === link.id);
    if (!bundle || !location) return [];
    return [
      {
        id: link.id,
        service_id: link.service_id,
        location_id: location.id,
        location: mapLocation(location, area),
        service: mapServiceBasic(bundle, { origin }),
      },
    ];
  });
  return orukJson(pageOf(contents, { total, ...paging }));
});
export const action = orukAction;
