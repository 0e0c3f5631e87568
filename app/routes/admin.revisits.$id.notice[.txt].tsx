import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadNoticePage } from "~/revisits/notice.server";

/**
 * The notice as plain text (a resource route: no page), for the parent carer forum to
 * paste into an email or a message. The same words as the printed notice.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { text, revisit } = await loadNoticePage(request, context, params.id);
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `inline; filename="notice-${revisit.survey.slug}.txt"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
