import { redirect, type AppLoadContext, type TypedResponse } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";

/** The list of needs, where every save returns with a one-time message (post/redirect/get). */
export const NEEDS_LIST = "/admin/local-offer/needs";

export const needsDoneMessages = ["created", "updated", "deleted", "deletedMoved", "unchanged"] as const;
export type NeedsDone = (typeof needsDoneMessages)[number];

export async function redirectToNeeds(
  context: AppLoadContext,
  { done, name, movedTo = "" }: { done: NeedsDone; name: string; movedTo?: string },
): Promise<TypedResponse<never>> {
  return redirect(NEEDS_LIST, { headers: { "Set-Cookie": await setFlash(context, { needsDone: done, needsName: name, needsMovedTo: movedTo }) } });
}

/** The message a save left for the list, once, and the header that forgets it. */
export async function readNeedsDone(
  request: Request,
  context: AppLoadContext,
): Promise<{ done: { message: NeedsDone; name: string; movedTo: string } | null; headers: Record<string, string> }> {
  const flash = await readFlash(request, context);
  const message = flash.value?.needsDone;
  if (!message || !(needsDoneMessages as readonly string[]).includes(message)) return { done: null, headers: {} };
  return {
    done: { message: message as NeedsDone, name: flash.value?.needsName ?? "", movedTo: flash.value?.needsMovedTo ?? "" },
    headers: { "Set-Cookie": flash.clear },
  };
}
