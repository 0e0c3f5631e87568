import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileResponse } from "~/analysis/export-routes.server";
import { exportCodebook } from "~/analysis/export.server";
import { requireUser } from "~/auth/session.server";
import { httpError } from "~/utils/http.server";

/**
 * What each column and code of a wave's responses file means (a resource route: no page;
 * docs/decisions/031). It holds no answers, so anyone who reads the results may have it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.read");
  const file = await exportCodebook(context.db, { surveyId: params.surveyId, now: context.now() });
  if (!file) throw await httpError(request, 404, "not-found");
  return fileResponse(file);
}
