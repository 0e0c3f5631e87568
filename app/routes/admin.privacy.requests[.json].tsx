import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { exportPersonData } from "~/privacy/privacy.server";
import { exportFilename, parsePersonQuery } from "~/privacy/retention";
import { readForm } from "~/security/csrf.server";
import { httpError } from "~/utils/http.server";

/**
 * Everything held about one person as a JSON file, for a subject access request (a resource
 * route: no page; docs/decisions/023). A POST from the search results, so the address is never
 * in a URL or a log line; audited. There is nothing to GET.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "privacy.requests");
  throw await httpError(request, 404, "not-found");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "privacy.requests");
  const form = await readForm(request, context);
  const parsed = parsePersonQuery(String(form.get("q") ?? ""));
  // The search page checked it already: only a hand-made request gets here with a bad one.
  if (!parsed.ok) throw await httpError(request, 400, "bad-request");
  const now = context.now();
  const document = await exportPersonData(context.db, { query: parsed.query, by: { userId: user.id, requestId: context.requestId }, now });
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(now)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
