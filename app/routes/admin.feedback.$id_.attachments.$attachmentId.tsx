import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { attachmentResponse, getAttachment, withSafetyHeaders } from "~/feedback/attachments.server";
import { getVisibleItem } from "~/feedback/triage.server";
import { httpError } from "~/utils/http.server";

/**
 * A drawing, photo or recording sent with feedback, for staff who may see its item
 * (docs/decisions/022-feedback-uploads.md). The same 404 for an unknown file, an item
 * flagged for safeguarding and another group's item. A download, unless ?inline=1 asks
 * for a picture to show on the item's page; never a type a browser could run.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  try {
    const user = await requireUser(request, context, "feedback.triage");
    const visible = await getVisibleItem(context.db, params.id ?? "", user);
    const attachment = visible ? await getAttachment(context.db, visible.item.id, params.attachmentId ?? "") : undefined;
    if (!visible || !attachment) throw await httpError(request, 404, "not-found");
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    return attachmentResponse(attachment, { reference: visible.item.reference, inline });
  } catch (thrown) {
    throw thrown instanceof Response ? withSafetyHeaders(thrown) : thrown;
  }
}
