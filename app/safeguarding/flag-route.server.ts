import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { setFlash } from "~/auth/flash.server";
import { can } from "~/auth/roles";
import type { SessionUser } from "~/auth/session.server";
import { httpError } from "~/utils/http.server";
import { flagFeedbackByHand } from "./safeguarding.server";

/** The flash key a page reads to say "flagged for the safeguarding lead". */
export const FLAGGED_FLASH = "safeguardingFlagged";

/**
 * The intent=flag post of <FlagByHand>: any officer flags a feedback item by hand with a
 * reason (docs/decisions/020), then comes back to `backTo`. A missing or too long reason
 * is a 400 with what was typed; an unknown item a 404; a role without the right a 403.
 */
export async function flagFromForm(
  request: Request,
  context: AppLoadContext,
  { user, feedbackItemId, formData, backTo }: { user: SessionUser; feedbackItemId: string; formData: FormData; backTo: string },
) {
  if (!can(user.role, "safeguarding.flag")) throw await httpError(request, 403, "forbidden");
  const reason = String(formData.get("reason") ?? "");
  const flag = await flagFeedbackByHand(context.db, {
    feedbackItemId,
    reason,
    by: { userId: user.id, requestId: context.requestId },
    now: context.now(),
  });
  if (!flag.ok && flag.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (!flag.ok)
    return json({ errors: { reason: `flag.errors.${flag.error}` } as Record<string, string>, values: { reason } }, { status: 400 });
  return redirect(backTo, { headers: { "Set-Cookie": await setFlash(context, { [FLAGGED_FLASH]: "1" }) } });
}
