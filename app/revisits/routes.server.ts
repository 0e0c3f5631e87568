/**
 * What the re-visit pages in /admin share: who is acting, the re-visit or the 404
 * page, the answer to a refused write, and the one-time "done" message after a redirect.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { ChangedBy } from "../area/changes.server";
import { readFlash, setFlash } from "../auth/flash.server";
import { requireUser, type SessionUser } from "../auth/session.server";
import type { Permission } from "../auth/roles";
import type { FormValues } from "../utils/form-data";
import { httpError } from "../utils/http.server";
import { getRevisit, type RevisitResult } from "./revisits.server";

export function byFor(user: SessionUser, context: AppLoadContext): ChangedBy {
  return { userId: user.id, requestId: context.requestId };
}

/** The signed-in user with `permission` and the re-visit, or the sign-in, 403 or 404 page. */
export async function requireRevisit(request: Request, context: AppLoadContext, id: string | undefined, permission: Permission) {
  const user = await requireUser(request, context, permission);
  const revisit = await getRevisit(context.db, id, context.now());
  if (!revisit) throw await httpError(request, 404, "not-found");
  return { user, revisit };
}

/**
 * A write that did not happen: the 404 page, 409 with what to do instead, or the form
 * again (400). Messages are i18n keys in the "revisits" namespace; `params` fill their blanks.
 */
export async function answerRefusal(
  request: Request,
  context: AppLoadContext,
  result: Exclude<RevisitResult, { ok: true }>,
  values: FormValues = {}
) {
  if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (result.reason === "conflict") {
    context.logger.info({ status: 409, conflict: result.conflict }, "re-visit action refused in this state");
    return json(
      {
        errors: { form: `conflicts.${result.conflict}` } as Record<string, string>,
        values,
        params: {} as Record<string, string>,
      },
      { status: 409 }
    );
  }
  context.logger.info({ status: 400, fields: Object.keys(result.errors) }, "form rejected");
  return json({ errors: result.errors, values, params: result.params ?? {} }, { status: 400 });
}

/** One-time messages after a redirect: "done.<message>" in the revisits namespace (or the helper's own). */
export async function redirectDone(context: AppLoadContext, to: string, done: string) {
  return redirect(to, {
    headers: { "Set-Cookie": await setFlash(context, { revisitDone: done }) },
  });
}

/** The message for this page, if there is one, and the header that clears it. */
export async function readRevisitDone(request: Request, context: AppLoadContext): Promise<{ done: string | null; headers: HeadersInit }> {
  const { value, clear } = await readFlash(request, context);
  const done = value?.revisitDone ?? null;
  return { done, headers: done ? { "Set-Cookie": clear } : {} };
}

export { REVISITS_ADMIN, revisitPath } from "./urls";
