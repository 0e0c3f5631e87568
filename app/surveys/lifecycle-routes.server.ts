/**
 * What the survey lifecycle pages in /admin share: who is acting, the survey
 * or the 404 page, the answer to a refused write (404, 409 with what to do, or
 * 400 with the form again) and the one-time "done" message after a redirect.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { ChangedBy } from "../area/changes.server";
import { readFlash, setFlash } from "../auth/flash.server";
import type { SessionUser } from "../auth/session.server";
import i18next from "../i18n/i18next.server";
import type { FormValues } from "../utils/form-data";
import { formErrors } from "../utils/form-response.server";
import { httpError } from "../utils/http.server";
import { SURVEYS_ADMIN, surveyPath } from "./lifecycle";
import type { LifecycleResult } from "./lifecycle.server";
import { getSurveyWithCounts } from "./lifecycle.server";

export { SURVEYS_ADMIN, surveyPath };

export function byFor(user: SessionUser, context: AppLoadContext): ChangedBy {
  return { userId: user.id, requestId: context.requestId };
}

/** The survey for a lifecycle page, in the reader's language, or the 404 page. */
export async function requireSurvey(request: Request, context: AppLoadContext, id: string | undefined) {
  const language = await i18next.getLocale(request);
  const survey = await getSurveyWithCounts(context.db, { id, now: context.now(), language });
  if (!survey) throw await httpError(request, 404, "not-found");
  return survey;
}

/** A write that did not happen: the 404 page, 409 with what to do instead, or the form again (400). */
export async function answerRefusal(request: Request, context: AppLoadContext, result: Exclude<LifecycleResult, { ok: true }>, values: FormValues = {}) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (result.reason === "conflict") {
    context.logger.info({ status: 409, conflict: result.conflict }, "survey action refused in this state");
    return json({ errors: { form: `conflicts.${result.conflict}` } as Record<string, string>, values }, { status: 409 });
  }
  return formErrors(context, result.errors, values);
}

/**
 * One-time messages after a redirect ("done.<message>" in survey-admin). The
 * survey's overview page (the builder's) can show "created", "imported" and
 * "duplicated" with `readSurveyDone`.
 */
export const doneMessages = ["created", "imported", "duplicated", "scheduled", "unscheduled", "archived", "unarchived", "accessChanged", "downloadExpired"] as const;
export type SurveyDone = (typeof doneMessages)[number];

export async function redirectDone(context: AppLoadContext, to: string, done: SurveyDone) {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(context, { surveyDone: done }) } });
}

/**
 * The message for this page, if there is one. A page only takes the messages it
 * shows (`accept`), so one meant for another page is left for it.
 */
export async function readSurveyDone(
  request: Request,
  context: AppLoadContext,
  accept: readonly SurveyDone[] = doneMessages,
): Promise<{ done: SurveyDone | null; headers: Record<string, string> }> {
  const flash = await readFlash(request, context);
  const value = flash.value?.surveyDone as SurveyDone | undefined;
  if (!value || !accept.includes(value)) return { done: null, headers: {} };
  return { done: value, headers: { "Set-Cookie": flash.clear } };
}
