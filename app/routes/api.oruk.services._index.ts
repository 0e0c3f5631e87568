import { areaName, listOrukServices } from "~/local-offer/oruk/api.server";
import { mapService, mapServiceBasic, pageOf } from "~/local-offer/oruk/map";
import { booleanParam, parsePaging, parseServiceFilters } from "~/local-offer/oruk/params";
import { orukAction, orukJson, orukLoader, originOf } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/services: published services, paged and filtered (ORUK service_list). */
export const loader = orukLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const paging = parsePaging(params);
  const filters = parseServiceFilters(params);
  const full = booleanParam(params, "full");
  const { total, bundles } = await listOrukServices(context.db, { filters, paging });
  const mapContext = { origin: originOf(request), areaName: full ? await areaName(context.db) : "" };
  const contents = bundles.map((bundle) => (full ? mapService(bundle, mapContext) : mapServiceBasic(bundle, mapContext)));
  return orukJson(pageOf(contents, { total, ...paging }));
});
export const action = orukAction;
