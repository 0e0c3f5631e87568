import { redirect, type AppLoadContext, type TypedResponse } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";
import { formValues } from "../utils/form-data";
import { formErrors } from "../utils/form-response.server";
import { httpError } from "../utils/http.server";
import type { ChangedBy, Changes, WriteResult } from "./changes.server";

/**
 * The pages under /admin/area send the administrator back to the overview after a
 * save (post/redirect/get), with a one-time message for the banner there.
 */

export const AREA_OVERVIEW = "/admin/area";

export const doneMessages = [
  "details",
  "healthAreaCreated",
  "healthAreaUpdated",
  "healthAreaDeleted",
  "districtCreated",
  "districtUpdated",
  "districtDeleted",
  "workingGroupUpdated",
  "concernUpdated",
  "actionUpdated",
  "taskCreated",
  "taskUpdated",
  "unchanged",
] as const;
export type DoneMessage = (typeof doneMessages)[number];

/** Back to the overview, which says what was done ("done.<message>" in area-admin, with {{name}}). */
export async function redirectToOverview(
  context: AppLoadContext,
  { done, name = "", changed = true }: { done: DoneMessage; name?: string; changed?: boolean },
): Promise<TypedResponse<never>> {
  const value = { areaDone: changed ? done : "unchanged", areaName: name };
  return redirect(AREA_OVERVIEW, { headers: { "Set-Cookie": await setFlash(context, value) } });
}

/** The message a save left for the overview, once; and the header that forgets it. */
export async function readDone(
  request: Request,
  context: AppLoadContext,
): Promise<{ done: { message: DoneMessage; name: string } | null; headers: Record<string, string> }> {
  const flash = await readFlash(request, context);
  const message = flash.value?.areaDone;
  if (!message || !(doneMessages as readonly string[]).includes(message)) return { done: null, headers: {} };
  return { done: { message: message as DoneMessage, name: flash.value?.areaName ?? "" }, headers: { "Set-Cookie": flash.clear } };
}

/** Who is making a change, for the audit log. */
export function changedBy(user: { id: string }, context: AppLoadContext): ChangedBy {
  return { userId: user.id, requestId: context.requestId };
}

/** Several buttons on one form are told apart by name="intent"; a form with one button may leave it out. */
export function intentOf(formData: FormData, allowed: readonly string[], fallback?: string): string | undefined {
  const value = formData.get("intent") ?? fallback;
  return typeof value === "string" && allowed.includes(value) ? value : undefined;
}

/**
 * The answer to a save: the 404 page when the thing has gone, the form again
 * with its messages and what was typed (400), or back to the overview.
 */
export async function answerWrite(
  request: Request,
  context: AppLoadContext,
  result: WriteResult<{ changes?: Changes }>,
  formData: FormData,
  { done, name }: { done: DoneMessage; name: string },
) {
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors, formValues(formData));
  }
  const changed = result.changes === undefined || Object.keys(result.changes).length > 0;
  return redirectToOverview(context, { done, name, changed });
}
