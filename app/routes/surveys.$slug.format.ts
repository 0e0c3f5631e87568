import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/security/csrf.server";
import { loadJourney, requireDraft, startUrl } from "~/surveys/journey.server";
import { setDraftFormat } from "~/surveys/responses.server";

/** Switches between standard and easy read mid-survey; the answers stay (they are on the server). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const formData = await readForm(request, context);
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const format = formData.get("format") === "easy_read" ? "easy_read" : "standard";
  await setDraftFormat(context.db, draft.id, { format }, journey.now);
  const slug = journey.survey.slug;
  const returnTo = String(formData.get("returnTo") ?? "");
  // Only back into this survey: never an address from elsewhere.
  const safe = returnTo.startsWith(`/surveys/${slug}/`) && !returnTo.includes("//") ? returnTo : startUrl(slug);
  return redirect(safe);
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
