/**
 * What the staff pages for keeping the local offer current share: who is acting,
 * a describer that turns content into words in the visitor's language, and the
 * answer to a write (the 404 page, the 403 page, the form again with messages,
 * or a redirect with a one-time message).
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { readFlash, setFlash } from "../auth/flash.server";
import type { SessionUser } from "../auth/session.server";
import i18next from "../i18n/i18next.server";
import type { FormValues } from "../utils/form-data";
import { formErrors } from "../utils/form-response.server";
import { httpError } from "../utils/http.server";
import { loadReferences } from "./content.server";
import type { Describer } from "./diff";
import type { Actor, EditResult } from "./editing.server";
import { ukCalendarDate } from "./review";

export function actorFor(user: SessionUser, context: AppLoadContext): Actor {
  return { userId: user.id, role: user.role, organisationId: user.organisationId, requestId: context.requestId };
}

/** Today's date in the UK, from the request's clock. */
export function todayFor(context: AppLoadContext): string {
  return ukCalendarDate(context.now());
}

export async function describerFor(request: Request, db: Kysely<Database>): Promise<Describer> {
  const [t, locale, references] = await Promise.all([
    i18next.getFixedT(request, "services-admin"),
    i18next.getLocale(request),
    loadReferences(db),
  ]);
  const names = (rows: { slug: string; name: string }[]) => Object.fromEntries(rows.map((r) => [r.slug, r.name]));
  return {
    t: (key, values) => t(key, values ?? {}) as string,
    locale,
    names: { needs: names(references.needs), categories: names(references.categories), districts: names(references.districts) },
  };
}

/** The one-time messages a page can be sent back with ("done.<message>" in services-admin). */
export const doneMessages = [
  "created",
  "saved",
  "savedVersion",
  "savedProposal",
  "submitted",
  "withdrawn",
  "approved",
  "rejected",
  "confirmed",
  "hidden",
  "unhidden",
  "reviewDateSet",
  "submit",
  "publish",
  "return_to_draft",
  "unpublish",
  "archive",
  "restore",
] as const;
export type DoneMessage = (typeof doneMessages)[number];

export async function redirectDone(context: AppLoadContext, to: string, done: DoneMessage, name = "") {
  return redirect(to, { headers: { "Set-Cookie": await setFlash(context, { servicesDone: done, servicesName: name }) } });
}

export async function readDone(request: Request, context: AppLoadContext) {
  const flash = await readFlash(request, context);
  const message = flash.value?.servicesDone;
  if (!message || !(doneMessages as readonly string[]).includes(message)) return { done: null, headers: {} as Record<string, string> };
  return { done: { message: message as DoneMessage, name: flash.value?.servicesName ?? "" }, headers: { "Set-Cookie": flash.clear } };
}

/**
 * A write that did not happen: the 404 page when the thing is not there (or not the
 * actor's to see), the 403 page when their role may not do it, or the page again
 * with messages (400) and what they typed.
 */
export async function answerRefusal(request: Request, context: AppLoadContext, result: Exclude<EditResult, { ok: true }>, values: FormValues = {}) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (result.reason === "forbidden") throw await httpError(request, 403, "forbidden");
  return formErrors(context, result.errors, values);
}
