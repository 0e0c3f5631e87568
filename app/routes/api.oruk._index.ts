import { apiDetails } from "~/local-offer/oruk/map";
import { orukAction, orukJson, orukLoader } from "~/local-offer/oruk/respond.server";

/** GET /api/oruk/: which ORUK version and profile this API follows. */
export const loader = orukLoader(async () => orukJson(apiDetails()));
export const action = orukAction;
