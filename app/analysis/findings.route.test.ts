import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { addResponses, makeWave, question } from "../../tests/setup/waves";
import { action as builderAction, loader as builderLoader } from "../routes/admin.analysis.$surveyId.findings";
import { action as blockAction, loader as blockLoader } from "../routes/admin.analysis.$surveyId.findings_.blocks.$n";
import { action as wordsAction } from "../routes/admin.analysis.$surveyId.findings_.words";
import { loader as publicLoader } from "../routes/surveys.$slug.findings";
import { getWave } from "./results.server";

type Run = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

/** The findings pages as anyone might ask for them: 403, 404, 409 or 400 with what was typed; never a 500. */
describeDb("the findings routes", ({ db }) => {
  const CLOSED = new Date("2026-12-06T12:00:00Z");
  const OPEN = new Date("2026-02-01T12:00:00Z");
  let closedCtx: AppLoadContext;
  let openCtx: AppLoadContext;
  let surveyId: string;
  let slug: string;
  let officer: string;
  let groupMember: string;

  beforeAll(async () => {
    const wave = await makeWave(db(), { questions: [question("listened", "single_choice")] });
    await addResponses(db(), wave, [{ copies: 12, answers: { listened: "a" } }]);
    surveyId = wave.id;
    slug = (await getWave(db(), { id: wave.id, now: CLOSED, language: "en-GB" }))!.slug;
    closedCtx = makeContext(db(), CLOSED);
    openCtx = makeContext(db(), OPEN);
    officer = (await signedInAs(closedCtx, "officer")).cookie;
    groupMember = (await signedInAs(closedCtx, "group_member")).cookie;
  });

  async function answer(run: Run, request: Request, params: Record<string, string>, context: AppLoadContext): Promise<Response> {
    try {
      return (await run({ request, context, params })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function post(
    run: Run,
    path: string,
    fields: Record<string, string>,
    { cookie = officer, params = { surveyId } as Record<string, string>, context = closedCtx }: { cookie?: string; params?: Record<string, string>; context?: AppLoadContext } = {},
  ) {
    const csrf = await csrfPair(context);
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { cookie: `${cookie}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: csrf.token, ...fields }),
    });
    return answer(run, request, params, context);
  }

  const get = (run: Run, path: string, params: Record<string, string>, cookie = officer) =>
    answer(run, new Request(`http://localhost${path}`, { headers: { cookie } }), params, closedCtx);

  const base = () => `/admin/analysis/${surveyId}/findings`;

  it("lets officers build findings, and refuses group members, who may read results but not publish", async () => {
    expect((await get(builderLoader, base(), { surveyId })).status).toBe(200);
    expect((await get(builderLoader, base(), { surveyId }, groupMember)).status).toBe(403);
    expect((await post(builderAction, base(), { intent: "publish" }, { cookie: groupMember })).status).toBe(403);
  });

  it("answers an unknown wave, an unknown block or kind, and unpublished findings with 404", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nonsense"]) {
      expect((await get(builderLoader, `/admin/analysis/${id}/findings`, { surveyId: id })).status).toBe(404);
    }
    expect((await get(blockLoader, `${base()}/blocks/1`, { surveyId, n: "1" })).status).toBe(404);
    expect((await get(blockLoader, `${base()}/blocks/new?kind=video`, { surveyId, n: "new" })).status).toBe(404);
    expect((await get(blockLoader, `${base()}/blocks/new?kind=chart`, { surveyId, n: "new" })).status).toBe(200);
    const notPublished = await answer(publicLoader, new Request(`http://localhost/surveys/${slug}/findings`), { slug }, closedCtx);
    expect(notPublished.status).toBe(404);
  });

  it("keeps what was typed when the words are refused (400), naming each field", async () => {
    const typed = { titlePlain: "What you said", titleEasyRead: "", summaryPlain: "Ring 07700 900123", summaryEasyRead: "Thanks" };
    const refused = await post(wordsAction, `${base()}/words`, typed);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      errors: { titleEasyRead: "builder.errors.titleEasyRead", summaryPlain: "builder.errors.identifying" },
      values: typed,
    });
    const chart = await post(blockAction, `${base()}/blocks/new?kind=chart`, { questionKey: "missing", plain: "x", easyRead: "" }, { params: { surveyId, n: "new" } });
    expect(chart.status).toBe(400);
    expect(await chart.json()).toMatchObject({ errors: { questionKey: "builder.errors.questionKey", easyRead: "builder.errors.chartEasyRead" }, values: { questionKey: "missing", plain: "x" } });
  });

  it("refuses to publish while the survey is open (409), then publishes once it has closed", async () => {
    expect((await post(wordsAction, `${base()}/words`, { titlePlain: "What you said", titleEasyRead: "What you said", summaryPlain: "Thanks", summaryEasyRead: "Thanks" })).status).toBe(302);
    const added = await post(blockAction, `${base()}/blocks/new?kind=chart`, { questionKey: "listened", plain: "Most chose A.", easyRead: "Most chose A." }, { params: { surveyId, n: "new" } });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`${base()}#block-1`);

    const early = await post(builderAction, base(), { intent: "publish" }, { context: openCtx, cookie: (await signedInAs(openCtx, "officer")).cookie });
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ errors: { publish: [{ key: "publish.errors.notFinal" }] } });
    expect((await answer(publicLoader, new Request(`http://localhost/surveys/${slug}/findings`), { slug }, closedCtx)).status).toBe(404);

    const published = await post(builderAction, base(), { intent: "publish" });
    expect(published.status).toBe(302);
    const page = await answer(publicLoader, new Request(`http://localhost/surveys/${slug}/findings?format=easy-read`), { slug }, closedCtx);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ pageTitle: "What you said", format: "easy_read", slug });
  });

  it("answers a move or removal of a block that is not there with 400", async () => {
    expect((await post(builderAction, base(), { intent: "remove", n: "9" })).status).toBe(400);
    expect((await post(builderAction, base(), { intent: "dance" })).status).toBe(400);
  });
});
