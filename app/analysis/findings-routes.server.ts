/**
 * What the findings builder's pages share before they differ: the guard (officers and
 * admins), the wave (the not-found page when there is none), the reader's language,
 * and the flash that says what was just done.
 */
import type { AppLoadContext } from "@remix-run/node";
import { setFlash } from "../auth/flash.server";
import { requireUser } from "../auth/session.server";
import i18next from "../i18n/i18next.server";
import { httpError } from "../utils/http.server";
import { getWave } from "./results.server";

export const FINDINGS_FLASH = "findings";

export async function loadFindingsWave(request: Request, context: AppLoadContext, surveyId: string | undefined) {
  const user = await requireUser(request, context, "analysis.publish");
  const language = await i18next.getLocale(request);
  const wave = await getWave(context.db, { id: surveyId, now: context.now(), language });
  if (!wave) throw await httpError(request, 404, "not-found");
  return { user, wave, language, by: { userId: user.id, requestId: context.requestId } };
}

/** The Set-Cookie header that shows "published", "unpublished" or "saved" once on the next page. */
export async function findingsFlash(context: AppLoadContext, what: "published" | "unpublished" | "saved"): Promise<HeadersInit> {
  return { "Set-Cookie": await setFlash(context, { [FINDINGS_FLASH]: what }) };
}
