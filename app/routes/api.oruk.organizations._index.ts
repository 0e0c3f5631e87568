import { listOrukOrganizations } from "~/local-offer/oruk/api.server";
import { mapOrganization, pageOf } from "~/local-offer/oruk/map";
import { parsePaging, parseSearchOnly } from "~/local-offer/oruk/params";
import { orukAction, orukJson, orukLoader } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/organizations: organizations with at least one published service (ORUK organization_list). */
export const loader = orukLoader(async ({ request, context }) => {
  const params = new URL(request.url).searchParams;
  const paging = parsePaging(params);
  const { text } = parseSearchOnly(params);
  const { total, rows } = await listOrukOrganizations(context.db, { text, paging });
  return orukJson(pageOf(rows.map(mapOrganization), { total, ...paging }));
});
export const action = orukAction;
