import type { ActionFunction, AppLoadContext, LoaderFunction } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { en, type SurveyDefinition } from "../surveys/definition";
import { findSurveyBySlug, startResponse } from "../surveys/responses.server";
import { createSurvey } from "../surveys/surveys.server";
import * as overviewRoute from "./admin.surveys.$id._index";
import * as detailsRoute from "./admin.surveys.$id.details";
import * as editPageRoute from "./admin.surveys.$id.pages.$key";
import * as newPageRoute from "./admin.surveys.$id.pages.new";
import * as previewRoute from "./admin.surveys.$id.preview";
import * as editQuestionRoute from "./admin.surveys.$id.questions.$key";
import * as conditionRoute from "./admin.surveys.$id.questions.$key_.condition";
import * as newQuestionRoute from "./admin.surveys.$id.questions.new";
import * as textsRoute from "./admin.surveys.$id.texts";

/**
 * The builder's pages as a browser gets them: 302 to the overview after a
 * save, 400 with the messages and what was typed, 404 for an unknown survey,
 * page or question, 409 when the version is locked (with what to do).
 */
const BEFORE = new Date("2027-02-01T12:00:00Z");
const OPENS = new Date("2027-03-01T09:00:00Z");
const DURING = new Date("2027-03-10T12:00:00Z");
const CLOSES = new Date("2027-04-01T08:00:00Z");
const AFTER = new Date(CLOSES.getTime() + 1000);
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

const definition: SurveyDefinition = {
  title: en("Route builder survey"),
  purpose: en("To test the pages"),
  howUsed: en("Counted"),
  estimatedMinutes: 5,
  pages: [
    {
      key: "first",
      title: en("First"),
      questions: [
        { key: "happy", type: "yes_no_not_sure", required: true, text: en("Are you happy?"), hint: [], options: [], allowDontKnow: true },
        { key: "why", type: "long_text", required: false, text: en("Why?"), hint: [], options: [], allowDontKnow: true },
      ],
    },
  ],
};

async function run(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    throw new Error("expected a Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${Date.now()}`;

describeDb("the survey builder pages (routes)", ({ db }) => {
  let csrf: { cookie: string; token: string };
  const sessions = new Map<number, string>();
  const contextAt = (now: Date): AppLoadContext => makeContext(db(), now);

  beforeAll(async () => {
    await seedDemoArea(db());
    csrf = await csrfPair(contextAt(BEFORE));
  });

  /** A session signed in at each instant a test stands at (sessions expire). */
  async function cookieAt(now: Date): Promise<string> {
    if (!sessions.has(now.getTime())) sessions.set(now.getTime(), (await signedInAs(contextAt(now), "officer")).cookie);
    return `${sessions.get(now.getTime())}; ${csrf.cookie}`;
  }

  async function post(action: ActionFunction, path: string, fields: Record<string, string | string[]>, params: Record<string, string>, now = BEFORE) {
    const body = new URLSearchParams({ csrf: csrf.token });
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    const request = new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: await cookieAt(now), "content-type": "application/x-www-form-urlencoded" }, body });
    return run(async () => action({ request, context: contextAt(now), params }));
  }

  async function get(loader: LoaderFunction, path: string, params: Record<string, string>, { now = BEFORE, extraCookie = "" } = {}) {
    const cookie = `${await cookieAt(now)}${extraCookie ? `; ${extraCookie}` : ""}`;
    return run(async () => loader({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), context: contextAt(now), params }));
  }

  async function draftSurvey() {
    const slug = unique("builder-route");
    const { id } = await createSurvey(db(), { slug, audience: "parent_carer", series: unique("series"), definition });
    return { id, slug };
  }

  const question = (fields: Record<string, string> = {}) => ({ key: "school", type: "short_text", required: "no", text: "Which school?", hint: "", options: "", ...fields });

  describe("not found", () => {
    it("shows the 404 page for an unknown survey, page or question", async () => {
      expect((await get(overviewRoute.loader, `/admin/surveys/${UNKNOWN}`, { id: UNKNOWN })).status).toBe(404);
      expect((await get(overviewRoute.loader, "/admin/surveys/nope", { id: "nope" })).status).toBe(404);
      const { id } = await draftSurvey();
      expect((await get(editQuestionRoute.loader, `/admin/surveys/${id}/questions/ghost`, { id, key: "ghost" })).status).toBe(404);
      expect((await get(conditionRoute.loader, `/admin/surveys/${id}/questions/ghost/condition`, { id, key: "ghost" })).status).toBe(404);
      expect((await get(editPageRoute.loader, `/admin/surveys/${id}/pages/ghost`, { id, key: "ghost" })).status).toBe(404);
      expect((await post(editQuestionRoute.action, `/admin/surveys/${id}/questions/ghost`, question(), { id, key: "ghost" })).status).toBe(404);
      expect((await post(detailsRoute.action, `/admin/surveys/${UNKNOWN}/details`, {}, { id: UNKNOWN })).status).toBe(404);
    });
  });

  describe("a draft survey", () => {
    it("adds a single-choice question and shows it on the overview with a one-time message", async () => {
      const { id } = await draftSurvey();
      const response = await post(
        newQuestionRoute.action,
        `/admin/surveys/${id}/questions/new`,
        question({ key: "school_kind", type: "single_choice", required: "yes", text: "What kind of school?", options: "mainstream | Mainstream\nSpecial school", page: "first" }),
        { id },
      );
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/admin/surveys/${id}#question-school_kind`);
      const flash = response.headers.get("set-cookie")!.split(";")[0]!;
      const page = await get(overviewRoute.loader, `/admin/surveys/${id}`, { id }, { extraCookie: flash });
      const data = await page.json();
      expect(data.done).toEqual({ message: "questionAdded", name: "school_kind" });
      expect(data.survey).toMatchObject({ state: "draft", editable: true, versionNumber: 1, lock: null });
      expect(data.definition.pages[0].questions[2]).toMatchObject({ key: "school_kind", options: [{ value: "mainstream" }, { value: "special_school" }] });
      const audit = await db().selectFrom("audit_log").select("action").where("subject_id", "=", id).execute();
      expect(audit.map((a) => a.action)).toEqual(["survey.question-added"]);
    });

    it("answers a bad key, duplicated option values and missing text with 400, keeping what was typed", async () => {
      const { id } = await draftSurvey();
      const typed = question({ key: "Bad Key!", type: "multiple_choice", text: "", options: "a | One\na | Two", page: "first" });
      const response = await post(newQuestionRoute.action, `/admin/surveys/${id}/questions/new`, typed, { id });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: { key: "errors.keyFormat", text: "errors.textMissing", options: "errors.optionDuplicate" },
        params: { options: { value: "a" } },
        values: expect.objectContaining({ key: "Bad Key!", options: "a | One\na | Two" }),
      });
      const taken = await post(newQuestionRoute.action, `/admin/surveys/${id}/questions/new`, question({ key: "happy", page: "first" }), { id });
      expect(taken.status).toBe(400);
      expect((await taken.json()).errors).toEqual({ key: "errors.keyTaken" });
    });

    it("refuses a condition on a later question, and sets one on an earlier question", async () => {
      const { id } = await draftSurvey();
      const later = await post(conditionRoute.action, `/admin/surveys/${id}/questions/happy/condition`, { intent: "save", showIf: "why:x" }, { id, key: "happy" });
      expect(later.status).toBe(400);
      expect(await later.json()).toMatchObject({ errors: { showIf: "errors.conditionNotEarlier" }, values: { showIf: "why:x" } });
      const two = await post(conditionRoute.action, `/admin/surveys/${id}/questions/why/condition`, { intent: "save", showIf: ["happy:no", "other:yes"] }, { id, key: "why" });
      expect((await two.json()).errors).toEqual({ showIf: "errors.conditionOneQuestion" });
      const good = await post(conditionRoute.action, `/admin/surveys/${id}/questions/why/condition`, { intent: "save", showIf: ["happy:no", "happy:not_sure"] }, { id, key: "why" });
      expect(good.status).toBe(302);
      const page = await (await get(editQuestionRoute.loader, `/admin/surveys/${id}/questions/why`, { id, key: "why" })).json();
      expect(page.question.condition).toEqual({ question: "happy", anyOf: ["no", "not_sure"] });
      const removed = await post(conditionRoute.action, `/admin/surveys/${id}/questions/why/condition`, { intent: "remove" }, { id, key: "why" });
      expect(removed.status).toBe(302);
    });

    it("adds a page with its first question, and refuses to delete the page another condition needs", async () => {
      const { id } = await draftSurvey();
      const added = await post(newPageRoute.action, `/admin/surveys/${id}/pages/new`, { pageKey: "more", pageTitle: "More", showIf: "happy:yes", ...question({ key: "more_detail" }) }, { id });
      expect(added.status).toBe(302);
      expect(added.headers.get("location")).toBe(`/admin/surveys/${id}#page-more`);
      const bad = await post(newPageRoute.action, `/admin/surveys/${id}/pages/new`, { pageKey: "first", pageTitle: "x".repeat(201), ...question({ key: "" }) }, { id });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors).toEqual({ pageTitle: "errors.pageTitleTooLong", key: "errors.keyMissing" });
      const refused = await post(editPageRoute.action, `/admin/surveys/${id}/pages/first`, { intent: "delete" }, { id, key: "first" });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: { form: "errors.pageHasDependents" }, params: { form: { keys: "more" } } });
      const deleted = await post(editPageRoute.action, `/admin/surveys/${id}/pages/more`, { intent: "delete" }, { id, key: "more" });
      expect(deleted.status).toBe(302);
    });

    it("writes Polish easy read with a pictogram, and answers text over the limit with 400", async () => {
      const { id } = await draftSurvey();
      const path = `/admin/surveys/${id}/texts`;
      const long = await post(textsRoute.action, path, { language: "pl", format: "easy_read", title: "x".repeat(201), "question.happy.text": "Czy jesteś szczęśliwy?" }, { id });
      expect(long.status).toBe(400);
      expect(await long.json()).toMatchObject({ errors: { title: "errors.textTooLong" }, params: { title: { max: 200 } }, values: { "question.happy.text": "Czy jesteś szczęśliwy?" } });
      const saved = await post(textsRoute.action, path, { language: "pl", format: "easy_read", "question.happy.text": "Czy jesteś szczęśliwy?", "question.happy.text.pictogram": "happy" }, { id });
      expect(saved.status).toBe(302);
      expect(saved.headers.get("location")).toBe(`${path}?language=pl&format=easy_read`);
      const page = await (await get(textsRoute.loader, `${path}?language=pl&format=easy_read`, { id })).json();
      expect(page.slots.find((s: { name: string }) => s.name === "question.happy.text").current).toEqual({ text: "Czy jesteś szczęśliwy?", pictogram: "happy", reviewed: true });
      const unknownLanguage = await post(textsRoute.action, path, { language: "fr", format: "standard" }, { id });
      expect(unknownLanguage.status).toBe(400);
    });

    it("previews a page in the language and format asked for", async () => {
      const { id } = await draftSurvey();
      const page = await (await get(previewRoute.loader, `/admin/surveys/${id}/preview?lng=pl&format=easy_read&page=first`, { id })).json();
      expect(page).toMatchObject({ reader: { language: "pl", format: "easy_read" }, page: { key: "first", number: 1 }, pages: ["first"] });
      expect(page.questions.map((q: { key: string }) => q.key)).toEqual(["happy", "why"]);
    });

    it("refuses a survey title over the limit, and saves the details", async () => {
      const { id } = await draftSurvey();
      const fields = { title: "x".repeat(201), purpose: "Why", howUsed: "How", estimatedMinutes: "ten" };
      const bad = await post(detailsRoute.action, `/admin/surveys/${id}/details`, fields, { id });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ errors: { title: "errors.titleTooLong", estimatedMinutes: "errors.minutesNumber" }, values: { estimatedMinutes: "ten" } });
      const good = await post(detailsRoute.action, `/admin/surveys/${id}/details`, { ...fields, title: "Renamed", estimatedMinutes: "7" }, { id });
      expect(good.status).toBe(302);
    });
  });

  describe("a locked version", () => {
    it("cannot be changed in place (409 with what to do); a new version is refused while open and made once closed", async () => {
      const slug = unique("builder-locked");
      const { id } = await createSurvey(db(), { slug, audience: "young_person", series: unique("series"), status: "scheduled", opensAt: OPENS, closesAt: CLOSES, definition });
      const started = await startResponse(db(), { survey: (await findSurveyBySlug(db(), slug))!, language: "en-GB", format: "standard", now: DURING });
      expect(started.ok).toBe(true);

      const typed = question({ page: "first" });
      const whileOpen = await post(newQuestionRoute.action, `/admin/surveys/${id}/questions/new`, typed, { id }, DURING);
      expect(whileOpen.status).toBe(409);
      expect(await whileOpen.json()).toEqual({ errors: { form: "locked.locked-open" }, values: expect.objectContaining({ key: "school" }), lock: "locked-open", canMakeNewVersion: false });
      const noVersion = await post(overviewRoute.action, `/admin/surveys/${id}`, { intent: "new-version" }, { id }, DURING);
      expect(noVersion.status).toBe(409);
      expect((await noVersion.json()).errors).toEqual({ form: "locked.newVersionOpen" });

      const closed = await post(newQuestionRoute.action, `/admin/surveys/${id}/questions/new`, typed, { id }, AFTER);
      expect(closed.status).toBe(409);
      expect(await closed.json()).toMatchObject({ errors: { form: "locked.locked" }, lock: "locked", canMakeNewVersion: true });
      const overview = await (await get(overviewRoute.loader, `/admin/surveys/${id}`, { id }, { now: AFTER })).json();
      expect(overview.survey).toMatchObject({ state: "closed", editable: false, lock: "locked", canMakeNewVersion: true, versionNumber: 1 });

      const made = await post(overviewRoute.action, `/admin/surveys/${id}`, { intent: "new-version" }, { id }, AFTER);
      expect(made.status).toBe(302);
      const flash = made.headers.get("set-cookie")!.split(";")[0]!;
      const after = await (await get(overviewRoute.loader, `/admin/surveys/${id}`, { id }, { now: AFTER, extraCookie: flash })).json();
      expect(after.done).toEqual({ message: "newVersion", name: "2" });
      // Version 2 is not locked, but the survey has closed: it is changed once scheduled again.
      expect(after.survey).toMatchObject({ versionNumber: 2, lockedAt: null, lock: "closed", canMakeNewVersion: false });
    });
  });
});
