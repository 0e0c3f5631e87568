import type { ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/security/csrf.server";
import { findDraft, loadJourney, rememberDraft } from "~/surveys/journey.server";

/** "Continue the survey" in the time-out warning: the visitor is still here, so the pause clock restarts. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  await readForm(request, context);
  const visit = await findDraft(request, context, journey);
  if (!visit || visit.draft.status !== "draft") return new Response(null, { status: 409 });
  const cookie = await rememberDraft(request, context, journey.survey.id, visit.draft.id, journey.now);
  return new Response(null, { status: 204, headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
