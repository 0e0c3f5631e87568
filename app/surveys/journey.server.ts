/**
 * What every page of the respondent's journey needs: the survey (404 when
 * unknown or not published), its state at `context.now()`, the visitor's draft
 * (found through a signed cookie; no account, no address), and the
 * "away too long" pause. Routes stay thin.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "../auth/flash.server";
import { formValues } from "../utils/form-data";
import { formErrors } from "../utils/form-response.server";
import i18next from "../i18n/i18next.server";
import { isLanguage } from "../i18n/config";
import { signedCookie } from "../security/cookies.server";
import { httpError } from "../utils/http.server";
import type { Answers } from "./answers";
import { visiblePages } from "./answers";
import type { SurveyDefinition } from "./definition";
import { findSurveyBySlug, loadDraft, type Draft, type PublicSurvey } from "./responses.server";
import { checkUrl, pageUrl, startUrl } from "./urls";
import { surveyState, type SurveyState } from "./window";

export { checkUrl, pageUrl, startUrl };

/** After this long without a page, the survey pauses on this device (answers kept; one click carries on). */
export const IDLE_MINUTES = 60;
/** The warning comes this long before the pause. */
export const WARN_MINUTES = 5;
const IDLE_MS = IDLE_MINUTES * 60 * 1000;
/** The cookie outlives the pause: it is how "carry on" finds the draft. */
const COOKIE_DAYS = 30;

type CookieContext = Pick<AppLoadContext, "env" | "cookieSecrets">;
type DraftRefs = Record<string, { r: string; s: number }>;

function draftCookie(context: CookieContext) {
  return signedCookie(context, "survey-drafts", COOKIE_DAYS * 24 * 60 * 60);
}

async function readRefs(request: Request, context: CookieContext): Promise<DraftRefs> {
  try {
    const value = await draftCookie(context).parse(request.headers.get("cookie"));
    if (!value || typeof value !== "object") return {};
    const refs: DraftRefs = {};
    for (const [surveyId, ref] of Object.entries(value as Record<string, unknown>)) {
      const r = (ref as { r?: unknown })?.r;
      const s = (ref as { s?: unknown })?.s;
      if (typeof r === "string" && /^[0-9a-f-]{36}$/.test(r) && typeof s === "number") refs[surveyId] = { r, s };
    }
    return refs;
  } catch {
    return {};
  }
}

/** The Set-Cookie header that points this survey at `responseId`, seen at `now`. */
export async function rememberDraft(request: Request, context: CookieContext, surveyId: string, responseId: string, now: Date) {
  const refs = await readRefs(request, context);
  refs[surveyId] = { r: responseId, s: now.getTime() };
  // Only the few most recent surveys: the cookie stays small.
  const recent = Object.entries(refs)
    .sort((a, b) => b[1].s - a[1].s)
    .slice(0, 5);
  return draftCookie(context).serialize(Object.fromEntries(recent));
}

export async function forgetDraft(request: Request, context: CookieContext, surveyId: string) {
  const refs = await readRefs(request, context);
  delete refs[surveyId];
  return draftCookie(context).serialize(refs);
}

export interface Journey {
  survey: PublicSurvey & { definition: SurveyDefinition };
  state: SurveyState;
  language: string;
  now: Date;
}

/** The survey for a public page; a 404 page for an unknown slug or one never published. */
export async function loadJourney(request: Request, context: AppLoadContext, slug: string | undefined): Promise<Journey> {
  const survey = slug ? await findSurveyBySlug(context.db, slug) : undefined;
  const now = context.now();
  if (!survey || !survey.definition || survey.status === "draft") throw await httpError(request, 404, "not-found");
  const detected = await i18next.getLocale(request);
  return {
    survey: survey as Journey["survey"],
    state: surveyState(survey, now),
    language: isLanguage(detected) ? detected : "en-GB",
    now,
  };
}

export interface DraftVisit {
  draft: Draft;
  /** Away longer than IDLE_MINUTES: show the pause page before any answers. */
  paused: boolean;
}

/** The visitor's draft of this survey, if the cookie points at one that exists. */
export async function findDraft(request: Request, context: AppLoadContext, journey: Journey): Promise<DraftVisit | undefined> {
  const ref = (await readRefs(request, context))[journey.survey.id];
  if (!ref) return undefined;
  const draft = await loadDraft(context.db, ref.r, journey.survey.id);
  if (!draft) return undefined;
  return { draft, paused: journey.now.getTime() - ref.s > IDLE_MS };
}


/**
 * The visitor's unsubmitted draft, or a redirect: to the start page when
 * there is none, to the confirmation when it was submitted, to the pause page
 * when they were away too long.
 */
export async function requireDraft(request: Request, context: AppLoadContext, journey: Journey, options: { allowPaused?: boolean } = {}) {
  const visit = await findDraft(request, context, journey);
  const slug = journey.survey.slug;
  if (!visit) throw redirect(startUrl(slug));
  if (visit.draft.status === "submitted") throw redirect(`/surveys/${slug}/done`);
  if (visit.paused && !options.allowPaused) throw redirect(`/surveys/${slug}/paused`);
  return visit.draft;
}

/** Where to go after a page: the next page that applies, or the check page. */
export function nextUrl(definition: SurveyDefinition, slug: string, answers: Answers, currentKey: string, returnToCheck: boolean) {
  if (returnToCheck) return checkUrl(slug);
  const pages = visiblePages(definition, answers);
  const allKeys = definition.pages.map((p) => p.key);
  const currentIndex = allKeys.indexOf(currentKey);
  const next = pages.find((p) => allKeys.indexOf(p.key) > currentIndex);
  return next ? pageUrl(slug, next.key) : checkUrl(slug);
}

/** The page before this one that applies (for the back link), or undefined on the first. */
export function previousPageKey(definition: SurveyDefinition, answers: Answers, currentKey: string): string | undefined {
  const allKeys = definition.pages.map((p) => p.key);
  const currentIndex = allKeys.indexOf(currentKey);
  return visiblePages(definition, answers)
    .filter((p) => allKeys.indexOf(p.key) < currentIndex)
    .at(-1)?.key;
}

/** Does any text of the survey have an easy-read version? Then respondents may choose it. */
export function offersEasyRead(definition: SurveyDefinition): boolean {
  return definition.pages.some((page) => page.questions.some((q) => q.text.some((v) => v.format === "easy_read")));
}

export async function districtChoices(db: AppLoadContext["db"]) {
  return db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute();
}

/** A page sent with answers that cannot be accepted: 400, the errors, and everything as typed. */
export function pageErrorResponse(context: AppLoadContext, errors: Record<string, string>, formData: FormData) {
  return formErrors(context, errors, formValues(formData), 400);
}

/**
 * The survey closed (or the draft was submitted elsewhere) while this page was
 * open: 409, a plain explanation, and the typed answers still on the page.
 * The draft is kept as it was: counted as "started, not submitted".
 */
export function saveRefusal(context: AppLoadContext, journey: Journey, reason: "not-open" | "submitted", formData: FormData) {
  const closed = journey.state === "closed" || journey.state === "archived";
  const refused =
    reason === "submitted"
      ? { title: "refused.submittedTitle", text: "refused.submittedText" }
      : closed
        ? { title: "refused.closedTitle", text: "refused.closedText" }
        : { title: "refused.notOpenTitle", text: "refused.notOpenText" };
  context.logger.info({ reason }, "survey answer refused");
  return json({ refused, values: formValues(formData), errors: {} as Record<string, string> }, { status: 409 });
}

const SAVE_FLASH = "surveyResumeCode";

/** Carries a new resume code to the save page once (never stored in the clear). */
export function setSaveFlash(context: AppLoadContext, code: string) {
  return setFlash(context, { [SAVE_FLASH]: code });
}

export async function readSaveFlash(request: Request, context: AppLoadContext) {
  const flash = await readFlash(request, context);
  const code = flash.value?.[SAVE_FLASH];
  return { code: typeof code === "string" && code ? code : null, clear: flash.clear };
}
