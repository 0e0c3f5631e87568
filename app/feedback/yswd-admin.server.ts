import { redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";
import type { FormValues } from "../utils/form-data";
import { formErrors } from "../utils/form-response.server";
import { isAwaitingFileCheck } from "./attachments.server";
import { ukYear } from "./you-said-we-did";

/** The officers' "You said, we did" pages: after a save, back to the list with a one-time message. */
export const YSWD_ADMIN = "/admin/you-said-we-did";

export const doneMessages = ["created", "published", "updated", "unpublished", "unchanged"] as const;
export type DoneMessage = (typeof doneMessages)[number];

export async function redirectWithDone(context: AppLoadContext, done: DoneMessage, to = YSWD_ADMIN) {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(context, { yswdDone: done }) } });
}

export async function readDone(
  request: Request,
  context: AppLoadContext,
): Promise<{ done: DoneMessage | null; headers: Record<string, string> }> {
  const flash = await readFlash(request, context);
  const value = flash.value?.yswdDone;
  if (!value || !(doneMessages as readonly string[]).includes(value)) return { done: null, headers: {} };
  return { done: value as DoneMessage, headers: { "Set-Cookie": flash.clear } };
}

/** Entries can be about any year from 2014 to next year (a response written in late December). */
export function latestYear(context: AppLoadContext): number {
  return ukYear(context.now()) + 1;
}

/**
 * Runs a write that may refuse because its feedback is flagged for the safeguarding lead
 * (a 409 Response from you-said-we-did.server.ts) and answers that refusal as the form
 * again: 409, the plain message in the error summary, and everything typed kept.
 */
export async function unlessFlagged(context: AppLoadContext, values: FormValues, write: () => Promise<Response>): Promise<Response> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Response && error.status === 409) return formErrors(context, { form: "errors.flagged" }, values, 409);
    throw error;
  }
}

/**
 * Feedback that is only a file, which no officer has recorded looking at, cannot be
 * published (docs/decisions/028): the form again, 409, the plain message in the error
 * summary and everything typed kept. Null when publishing may go ahead. The state only
 * ever moves from "needs a look" to "looked at", so checking before the write is safe.
 */
export async function refuseUncheckedFile(
  context: AppLoadContext,
  values: FormValues,
  feedbackItemId: string | null | undefined,
): Promise<Response | null> {
  if (!feedbackItemId || !(await isAwaitingFileCheck(context.db, feedbackItemId))) return null;
  return formErrors(context, { form: "errors.fileNotChecked" }, values, 409);
}
