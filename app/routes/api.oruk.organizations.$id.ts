import { getOrukOrganization } from "~/local-offer/oruk/api.server";
import { mapOrganization, mapServiceBasic } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader, orukNotFound, originOf } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/organizations/:id: an organization and its published services (ORUK organization). */
export const loader = orukLoader(async ({ request, context, params }) => {
  const found = await getOrukOrganization(context.db, params.id ?? "");
  if (!found) return orukNotFound("There is no organization with a published service and this id.");
  const organization = mapOrganization(found.organisation);
  const origin = originOf(request);
  const services = found.services.map((service) => mapServiceBasic({ service, organisation: found.organisation }, { origin }));
  return orukJson({ ...organization, services: services.map(({ organization: _, ...service }) => service) });
});
export const action = orukAction;
