import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { action as freeTextAction, loader as freeTextLoader } from "../routes/admin.analysis.$surveyId.free-text";
import { action as quoteAction, loader as quoteLoader } from "../routes/admin.analysis.$surveyId.free-text_.quote";
import { action as themesAction } from "../routes/admin.analysis.themes._index";
import { en, type SurveyDefinition } from "../surveys/definition";
import { createSurvey } from "../surveys/surveys.server";
import { REDACTED } from "./redact";

type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

const NOW = new Date("2026-12-06T11:00:00Z");

const definition: SurveyDefinition = {
  title: en("Route test survey"),
  purpose: en("Purpose"),
  howUsed: en("How"),
  estimatedMinutes: 2,
  pages: [
    {
      key: "p1",
      title: [],
      questions: [
        { key: "change", type: "long_text", required: false, text: en("What would you change?"), hint: [], options: [], allowDontKnow: false },
        { key: "district", type: "single_choice", required: false, about: "district", text: en("District"), hint: [], options: [], allowDontKnow: false },
      ],
    },
  ],
};

/** The free-text routes as a browser without JavaScript uses them: real posts, redirects, 4xx for bad input. */
describeDb("the free-text routes", ({ db }) => {
  let ctx: AppLoadContext;
  let officer: string;
  let member: string;
  let admin: string;
  let surveyId: string;
  let waitingId: number;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await seedDemoArea(db());
    ctx = makeContext(db(), NOW);
    officer = (await signedInAs(ctx, "officer")).cookie;
    member = (await signedInAs(ctx, "group_member")).cookie;
    admin = (await signedInAs(ctx, "admin")).cookie;
    const survey = await createSurvey(db(), { slug: "route-free-text", audience: "parent_carer", series: "route-free-text", definition });
    surveyId = survey.id;
    const other = await createSurvey(db(), { slug: "route-free-text-other", audience: "parent_carer", series: "route-other", definition });
    waitingId = (await db().selectFrom("analysis_theme").select("id").where("name", "=", "Waiting for assessment").executeTakeFirstOrThrow()).id;
    const respond = async (name: string, text: string, { survey: s = survey, district = "preston" } = {}) => {
      const row = await db()
        .insertInto("survey_response")
        .values({ survey_id: s.id, version_id: s.versionId, status: "submitted", reference: `SV-${String(Object.keys(ids).length).padStart(4, "0")}-TEST`, started_at: NOW, updated_at: NOW, submitted_at: NOW, district })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db().insertInto("survey_answer").values({ response_id: row.id, question_key: "change", value: JSON.stringify(text), updated_at: NOW }).execute();
      ids[name] = row.id;
    };
    await respond("wait", "Still on the waiting list after a year.");
    await respond("phone", "Mrs Hargreaves said ring 07700 900123.");
    await respond("flag", "He hit me, and the waiting list is long.");
    await respond("burn", "Nothing in Burnley for us.", { district: "burnley" });
    await respond("other", "On the waiting list too.", { survey: other });
    for (let i = 0; i < 5; i++) await respond(`plain${i}`, `More words ${i}`);
    await db()
      .insertInto("safeguarding_flag")
      .values({ source: "survey_answer", response_id: ids.flag!, question_key: "change", matched: JSON.stringify(["hit me"]), raised_by: "auto", updated_at: NOW })
      .execute();
  });

  const path = (search = "") => `/admin/analysis/${surveyId}/free-text${search}`;

  async function run(handler: Handler, url: string, cookie: string, fields?: Record<string, string>, params: Record<string, string> = { surveyId }) {
    let request: Request;
    if (fields) {
      const csrf = await csrfPair(ctx);
      request = new Request(`http://localhost${url}`, {
        method: "POST",
        headers: { cookie: `${cookie}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: csrf.token, ...fields }),
      });
    } else request = new Request(`http://localhost${url}`, { headers: { cookie } });
    try {
      return (await handler({ request, context: ctx, params })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  describe("reading", () => {
    it("shows the answers with suggestions, never the flagged one", async () => {
      const response = await run(freeTextLoader, path(), officer);
      expect(response.status).toBe(200);
      const data = await response.json();
      expect(data.canCode).toBe(true);
      expect(data.result.total).toBe(8);
      const texts = data.result.answers.map((a: { text: string }) => a.text);
      expect(texts).toContain("Still on the waiting list after a year.");
      expect(texts.some((t: string) => t.includes("hit me"))).toBe(false);
      const wait = data.result.answers.find((a: { responseId: string }) => a.responseId === ids.wait);
      expect(wait.suggestions.map((s: { name: string }) => s.name)).toEqual(["Waiting for assessment"]);
      expect(data.result.summary.total).toEqual({ shown: true, count: 8, percent: null });
    });

    it("lets a group member read but not code", async () => {
      const data = await (await run(freeTextLoader, path(), member)).json();
      expect(data.canCode).toBe(false);
      expect((await run(freeTextAction, path(), member, { intent: "confirm", response: ids.wait!, question: "change", theme: String(waitingId) })).status).toBe(403);
      expect((await run(quoteLoader, `/admin/analysis/${surveyId}/free-text/quote?response=${ids.wait}&question=change`, member)).status).toBe(403);
    });

    it("answers a question, theme or filter that does not exist with 400 and says which", async () => {
      for (const [search, field] of [
        ["?question=nope", "question"],
        ["?theme=999999", "theme"],
      ] as const) {
        const response = await run(freeTextLoader, path(search), officer);
        expect(response.status, search).toBe(400);
        const data = await response.json();
        expect(data.pageTitle).toMatch(/^Error: /);
        expect(Object.keys(data.queryErrors)).toEqual([field]);
        expect(data.result).toBeNull();
      }
      const badFilter = await run(freeTextLoader, path("?district=atlantis"), officer);
      expect(badFilter.status).toBe(400);
      expect((await badFilter.json()).filterErrors.district.key).toBe("filters.errors.unknown.district");
    });

    it("is a 404 for a survey that is not there", async () => {
      const missing = "00000000-0000-4000-8000-000000000000";
      expect((await run(freeTextLoader, `/admin/analysis/${missing}/free-text`, officer, undefined, { surveyId: missing })).status).toBe(404);
      expect((await run(freeTextLoader, "/admin/analysis/nonsense/free-text", officer, undefined, { surveyId: "nonsense" })).status).toBe(404);
    });

    it("holds back answers when filters leave fewer than the threshold, and says only 'fewer than'", async () => {
      const data = await (await run(freeTextLoader, path("?district=burnley"), officer)).json();
      expect(data.result.heldBack).toBe(true);
      expect(data.result.answers).toEqual([]);
      expect(data.result.total).toBeNull();
      expect(JSON.stringify(data.result)).not.toContain("Burnley for us");
      const wide = await (await run(freeTextLoader, path("?district=preston"), officer)).json();
      expect(wide.result.heldBack).toBe(false);
      expect(wide.result.total).toBe(7);
    });
  });

  describe("coding", () => {
    it("confirms a suggestion and comes back to the same page and answer", async () => {
      const search = `?question=change&theme=untagged`;
      const response = await run(freeTextAction, path(search), officer, { intent: "confirm", response: ids.wait!, question: "change", theme: String(waitingId) });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${path(search)}#answer-${ids.wait}`);
      const tag = await db().selectFrom("answer_theme").selectAll().where("response_id", "=", ids.wait!).executeTakeFirstOrThrow();
      expect(tag).toMatchObject({ origin: "suggestion", suggested_by: "waiting list, waiting", theme_id: waitingId });
    });

    it("refuses an unknown or missing theme with 400 and a message at the answer", async () => {
      for (const theme of ["999999", "", "abc"]) {
        const response = await run(freeTextAction, path(), officer, { intent: "add", response: ids.phone!, question: "change", theme });
        expect(response.status, theme).toBe(400);
        const data = await response.json();
        expect(data.errors).toEqual({ [`add-theme-${ids.phone}`]: theme === "" ? "errors.themeMissing" : "errors.themeUnknown" });
      }
      expect(await db().selectFrom("answer_theme").select("theme_id").where("response_id", "=", ids.phone!).execute()).toEqual([]);
    });

    it("is a 404 for an answer of another survey, a flagged answer, or one that is not there; 400 for an unknown intent", async () => {
      for (const response of [ids.other!, ids.flag!, "00000000-0000-4000-8000-000000000000", "junk"]) {
        const result = await run(freeTextAction, path(), officer, { intent: "add", response, question: "change", theme: String(waitingId) });
        expect(result.status, response).toBe(404);
      }
      expect((await run(freeTextAction, path(), officer, { intent: "remove", response: ids.phone!, question: "change", theme: String(waitingId) })).status).toBe(404);
      expect((await run(freeTextAction, path(), officer, { intent: "explode", response: ids.wait!, question: "change" })).status).toBe(400);
    });
  });

  describe("quotes", () => {
    const quoteUrl = (response: string) => `/admin/analysis/${surveyId}/free-text/quote?response=${response}&question=change&back=${encodeURIComponent("?question=change&page=1")}`;

    it("shows the answer redacted first, then stores it redacted and goes back to the answers", async () => {
      const page = await run(quoteLoader, quoteUrl(ids.phone!), officer);
      expect(page.status).toBe(200);
      const data = await page.json();
      expect(data.preview).toEqual({ text: `${REDACTED.name} said ring ${REDACTED.phone}.`, removed: 2, language: "en-GB", chosen: false });
      const posted = await run(quoteAction, quoteUrl(ids.phone!), officer, { response: ids.phone!, question: "change", back: "?question=change&page=1" });
      expect(posted.status).toBe(302);
      expect(posted.headers.get("location")).toBe(`${path("?question=change&page=1")}#answer-${ids.phone}`);
      const quote = await db().selectFrom("analysis_quote").select("text").where("response_id", "=", ids.phone!).executeTakeFirstOrThrow();
      expect(quote.text).toBe(data.preview.text);
    });

    it("never sends anyone elsewhere, and is a 404 for a flagged answer", async () => {
      const posted = await run(quoteAction, quoteUrl(ids.wait!), officer, { response: ids.wait!, question: "change", back: "https://evil.example/?x=1" });
      expect(posted.headers.get("location")!.startsWith(path())).toBe(true);
      expect((await run(quoteLoader, quoteUrl(ids.flag!), officer)).status).toBe(404);
      expect((await run(quoteAction, quoteUrl(ids.flag!), officer, { response: ids.flag!, question: "change" })).status).toBe(404);
    });
  });

  describe("the theme list", () => {
    it("adds a theme, and refuses a bad one with 400, keeping what was typed", async () => {
      const bad = await run(themesAction, "/admin/analysis/themes", admin, { intent: "save", name: "", area: "42", keywords: "sleep", description: "" }, {});
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        errors: { name: "themes.errors.nameMissing", area: "themes.errors.areaUnknown" },
        values: { intent: "save", name: "", area: "42", keywords: "sleep", description: "" },
      });
      const taken = await run(themesAction, "/admin/analysis/themes", admin, { intent: "save", name: "waiting FOR assessment", area: "7", keywords: "", description: "" }, {});
      expect(taken.status).toBe(400);
      expect((await taken.json()).errors).toEqual({ name: "themes.errors.nameTaken" });
      const good = await run(themesAction, "/admin/analysis/themes", admin, { intent: "save", name: "Sleep", area: "3", keywords: "sleep\nbedtime", description: "" }, {});
      expect(good.status).toBe(302);
      expect(await db().selectFrom("analysis_theme").select(["keywords", "created_by"]).where("name", "=", "Sleep").executeTakeFirstOrThrow()).toMatchObject({ keywords: ["sleep", "bedtime"] });
      expect((await run(themesAction, "/admin/analysis/themes", officer, { intent: "save", name: "Nope", area: "3" }, {})).status).toBe(403);
    });
  });
});
