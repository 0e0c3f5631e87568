import { redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";
import type { Permission } from "../auth/roles";
import { requireUser, type SessionUser } from "../auth/session.server";
import { isUuid } from "../feedback/schemas";
import { formErrors } from "../utils/form-response.server";
import { httpError } from "../utils/http.server";
import { getActivity, type By } from "./co-production.server";
import { canEditActivity, countFields } from "./rules";

/** What the staff pages share: the guard, the one-time "done" message, the form's starting values. */
export { activityPath, COPRO_ADMIN } from "./urls";

export const doneMessages = ["created", "updated", "published", "closed", "confirmed"] as const;
export type DoneMessage = (typeof doneMessages)[number];

export function byFor(user: SessionUser, context: AppLoadContext): By {
  return { userId: user.id, role: user.role, workingGroupIds: user.workingGroupIds, requestId: context.requestId };
}

export async function redirectDone(context: AppLoadContext, to: string, done: DoneMessage) {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(context, { coproDone: done }) } });
}

export async function readDone(request: Request, context: AppLoadContext): Promise<{ done: DoneMessage | null; headers: Record<string, string> }> {
  const flash = await readFlash(request, context);
  const value = flash.value?.coproDone;
  if (!value || !(doneMessages as readonly string[]).includes(value)) return { done: null, headers: {} };
  return { done: value as DoneMessage, headers: { "Set-Cookie": flash.clear } };
}

/**
 * The signed-in user and the activity at `id`: 404 when there is none (or the id
 * is not one), 403 when a group member opens another group's activity to change it.
 */
export async function requireActivity(request: Request, context: AppLoadContext, id: string | undefined, permission: Permission) {
  const user = await requireUser(request, context, permission);
  if (!isUuid(id)) throw await httpError(request, 404, "not-found");
  const activity = await getActivity(context.db, id);
  if (!activity) throw await httpError(request, 404, "not-found");
  if (permission === "co-production.edit" && !canEditActivity(user, activity.working_group_id)) throw await httpError(request, 403, "forbidden");
  return { user, activity };
}

type Activity = NonNullable<Awaited<ReturnType<typeof getActivity>>>;

/** The form's boxes filled from a saved activity (and the references of the feedback linked to it that this person can see). */
export function formValuesOf(a: Activity, feedbackRefs: string[] = []): Record<string, string | string[]> {
  const [y, m, d] = a.held_on.split("-");
  const [ty, tm, td] = a.told_outcome_on ? a.told_outcome_on.split("-") : ["", "", ""];
  const strip = (s = "") => s.replace(/^0/, "");
  const counts: Record<string, string> = {};
  for (const c of countFields) {
    const n = "band" in c ? a.participants.young_person[c.band] : a.participants[c.role];
    counts[c.field] = n ? String(n) : "";
  }
  return {
    title: a.title,
    "heldOn-day": strip(d),
    "heldOn-month": strip(m),
    "heldOn-year": y ?? "",
    workingGroupId: a.working_group_id ? String(a.working_group_id) : "",
    type: a.type,
    decisionOpen: a.decision_open,
    familiesJoinedStage: a.families_joined_stage,
    level: a.level,
    ...counts,
    support: (["interpreter", "bsl", "easy_read"] as const).filter((s) => a.accessibility[s]),
    venueNotes: a.accessibility.venue_notes ?? "",
    familiesSaid: a.families_said,
    whatChanged: a.what_changed,
    whatDidNotChange: a.what_did_not_change_and_why,
    actions: a.actions.map((x) => String(x.id)),
    tasks: a.tasks.map((x) => x.code).join(", "),
    feedback: feedbackRefs.join("\n"),
    evidenceLinks: a.evidence_links.join("\n"),
    toldOutcomeHow: a.told_outcome_how,
    "toldOutcomeOn-day": strip(td),
    "toldOutcomeOn-month": strip(tm),
    "toldOutcomeOn-year": ty ?? "",
  };
}

/** A refusal as the same page again: 400 with the messages and what was typed; 404 when it has gone. */
export async function answerRefusal(
  request: Request,
  context: AppLoadContext,
  result: { ok: false; reason: "not-found" } | { ok: false; reason: "refused"; errors: Record<string, string> },
  values: Record<string, string | string[]> = {},
) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  return formErrors(context, result.errors, values, result.errors.form === "errors.closedNoEdit" || result.errors.form === "errors.alreadyClosed" ? 409 : 400);
}


/** What the staff pages show of an activity (see ActivitySummary). */
export function summaryOf(a: Activity) {
  return {
    title: a.title,
    heldOn: a.held_on,
    group: a.group_name,
    type: a.type,
    decisionOpen: a.decision_open,
    stage: a.families_joined_stage,
    level: a.level,
    confirmedBy: a.confirmed_by_name,
    confirmedAt: a.level_confirmed_at ? a.level_confirmed_at.toISOString() : null,
    participants: countFields.map((c) => ({ key: c.field, count: "band" in c ? a.participants.young_person[c.band] : a.participants[c.role] })).filter((p) => p.count > 0),
    support: (["interpreter", "bsl", "easy_read"] as const).filter((s) => a.accessibility[s]),
    venueNotes: a.accessibility.venue_notes ?? "",
    familiesSaid: a.families_said,
    whatChanged: a.what_changed,
    whatDidNotChange: a.what_did_not_change_and_why,
    actions: a.actions.map((x) => `${x.letter}: ${x.title}`),
    tasks: a.tasks.map((x) => x.code),
    evidenceLinks: a.evidence_links,
    toldOutcomeHow: a.told_outcome_how,
    toldOutcomeOn: a.told_outcome_on,
  };
}
