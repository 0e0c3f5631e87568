import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { makeExportWave, makeSmallWave, type ExportWave } from "../../tests/setup/survey-export";
import { loader as codebookLoader } from "../routes/admin.analysis.$surveyId_.codebook[.csv]";
import { action as pageAction, loader as pageLoader } from "../routes/admin.analysis.$surveyId_.export";
import { loader as csvLoader } from "../routes/admin.analysis.$surveyId_.responses[.csv]";
import { loader as xlsxLoader } from "../routes/admin.analysis.$surveyId_.responses[.xlsx]";
import { GRANT_SECONDS } from "./export-routes.server";

type Run = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

/** The export page and its files as anyone might ask for them: 403, 404, 400 or a redirect; never a 500, never a leak. */
describeDb("the export routes", ({ db }) => {
  const start = new Date("2026-11-23T10:00:00Z");
  let ctx: AppLoadContext;
  let wave: ExportWave;
  let admin: { userId: string; cookie: string };
  let officer: string;
  let groupMember: string;
  let provider: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    wave = await makeExportWave(db());
    ctx = makeContext(db(), start);
    admin = await signedInAs(ctx, "admin");
    officer = (await signedInAs(ctx, "officer")).cookie;
    groupMember = (await signedInAs(ctx, "group_member")).cookie;
    provider = (await signedInAs(ctx, "provider")).cookie;
  });

  async function answer(run: Run, request: Request, params: Record<string, string>, context = ctx): Promise<Response> {
    try {
      return (await run({ request, context, params })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  const get = (run: Run, path: string, cookie: string, surveyId = wave.surveyId, context = ctx) =>
    answer(run, new Request(`http://localhost${path}`, { headers: { cookie } }), { surveyId }, context);

  async function post(fields: Record<string, string>, cookie: string, surveyId = wave.surveyId) {
    const csrf = await csrfPair(ctx);
    const request = new Request(`http://localhost/admin/analysis/${surveyId}/export`, {
      method: "POST",
      headers: { cookie: `${cookie}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: csrf.token, ...fields }),
    });
    return answer(pageAction, request, { surveyId });
  }

  const exports = () =>
    db().selectFrom("audit_log").select(["user_id", "details"]).where("action", "=", "analysis.responses-exported").orderBy("at").orderBy("id").execute();

  /** The grant cookie a redirect sets, as a Cookie header. */
  const grantFrom = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;

  it("shows the page to everyone who reads results, with the raw downloads for administrators only", async () => {
    const page = `/admin/analysis/${wave.surveyId}/export`;
    const asAdmin = await get(pageLoader, page, admin.cookie);
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toMatchObject({
      pageTitle: "Download this survey's data",
      survey: { id: wave.surveyId, title: "Export test survey", state: "ready", submitted: 6, threshold: 5 },
      mayExportRaw: true,
    });
    for (const cookie of [officer, groupMember]) {
      const response = await get(pageLoader, page, cookie);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ mayExportRaw: false });
    }
    expect((await get(pageLoader, page, provider)).status).toBe(403);
  });

  it("refuses an officer's raw download with 403, by the form or by address, and records nothing", async () => {
    expect((await post({ file: "responses.csv", reason: "Curious" }, officer)).status).toBe(403);
    expect((await post({ file: "responses.csv", reason: "Curious" }, groupMember)).status).toBe(403);
    for (const [run, file] of [
      [csvLoader, "responses.csv"],
      [xlsxLoader, "responses.xlsx"],
    ] as const) {
      const response = await get(run, `/admin/analysis/${wave.surveyId}/${file}`, officer);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(await response.text()).not.toContain("agree");
    }
    expect(await exports()).toEqual([]);
  });

  it("answers an unknown survey, or an id that is not one, with 404", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "'; drop table survey; --"]) {
      expect((await get(pageLoader, `/admin/analysis/${id}/export`, admin.cookie, id)).status, id).toBe(404);
      expect((await get(csvLoader, `/admin/analysis/${id}/responses.csv`, admin.cookie, id)).status, id).toBe(404);
      expect((await get(codebookLoader, `/admin/analysis/${id}/codebook.csv`, officer, id)).status, id).toBe(404);
      expect((await post({ file: "responses.csv", reason: "x" }, admin.cookie, id)).status, id).toBe(404);
    }
  });

  it("wants a reason: 400 with the error and what was typed, and no file", async () => {
    const empty = await post({ file: "responses.csv", reason: "   " }, admin.cookie);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ errors: { reason: "reasonMissing" }, values: { reason: "   " } });
    const long = "Because ".repeat(80);
    const tooLong = await post({ file: "responses.xlsx", reason: long }, admin.cookie);
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ errors: { reason: "reasonTooLong" }, values: { reason: long } });
    expect((await post({ file: "everything.zip", reason: "x" }, admin.cookie)).status).toBe(400);
    expect(await exports()).toEqual([]);
  });

  it("sends an administrator with a reason to the file, which is recorded with the reason", async () => {
    const granted = await post({ file: "responses.csv", reason: "To check the SEN team's figures" }, admin.cookie);
    expect(granted.status).toBe(302);
    expect(granted.headers.get("location")).toBe(`/admin/analysis/${wave.surveyId}/responses.csv`);
    // The reason goes in a signed, httpOnly cookie for this part of the site only: never in the address.
    expect(granted.headers.get("set-cookie")).toMatch(/^analysis-export=.+; Max-Age=120; Path=\/admin\/analysis; HttpOnly; SameSite=Lax$/);

    const file = await get(csvLoader, `/admin/analysis/${wave.surveyId}/responses.csv`, `${admin.cookie}; ${grantFrom(granted)}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="export-test-2026-responses-2026-11-23.csv"');
    expect(file.headers.get("cache-control")).toBe("no-store");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("set-cookie")).toMatch(/^analysis-export=; Max-Age=0; Path=\/admin\/analysis/);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^row,submitted_on,language,format,district,health_area,age_band,support_level,completed_by,/);
    expect(lines).toHaveLength(7);
    expect(await exports()).toEqual([{ user_id: admin.userId, details: { file: "responses.csv", rows: 6, reason: "To check the SEN team's figures" } }]);
  });

  it("gives the Excel workbook the same way, and only for the file, survey, person and two minutes it was granted", async () => {
    const granted = await post({ file: "responses.xlsx", reason: "Annual report tables" }, admin.cookie);
    const grant = grantFrom(granted);
    const xlsx = `/admin/analysis/${wave.surveyId}/responses.xlsx`;
    const csv = `/admin/analysis/${wave.surveyId}/responses.csv`;
    const backToPage = `/admin/analysis/${wave.surveyId}/export`;
    const other = await makeSmallWave(db(), "other-wave-2026", 5);

    // Another file, another survey, another administrator, no grant, or too late: back to the page.
    const otherAdmin = (await signedInAs(ctx, "admin")).cookie;
    const late = makeContext(db(), new Date(start.getTime() + (GRANT_SECONDS + 1) * 1000));
    for (const response of [
      await get(csvLoader, csv, `${admin.cookie}; ${grant}`),
      await get(xlsxLoader, `/admin/analysis/${other}/responses.xlsx`, `${admin.cookie}; ${grant}`, other),
      await get(xlsxLoader, xlsx, `${otherAdmin}; ${grant}`),
      await get(xlsxLoader, xlsx, admin.cookie),
      await get(xlsxLoader, xlsx, `${admin.cookie}; ${grant}`, wave.surveyId, late),
    ]) {
      expect(response.status).toBe(302);
      expect([backToPage, `/admin/analysis/${other}/export`]).toContain(response.headers.get("location"));
    }
    expect(await exports()).toHaveLength(1);

    const file = await get(xlsxLoader, xlsx, `${admin.cookie}; ${grant}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="export-test-2026-responses-2026-11-23.xlsx"');
    expect(new TextDecoder().decode(new Uint8Array(await file.arrayBuffer()).slice(0, 2))).toBe("PK");
    expect((await exports()).at(-1)).toEqual({ user_id: admin.userId, details: { file: "responses.xlsx", rows: 6, reason: "Annual report tables" } });
  });

  it("explains a wave with too few or no responses on the page, and gives no file for it", async () => {
    for (const [slug, count, state] of [
      ["few-2026", 3, "too-few"],
      ["empty-2026", 0, "none"],
    ] as const) {
      const id = await makeSmallWave(db(), slug, count);
      const page = await get(pageLoader, `/admin/analysis/${id}/export`, admin.cookie, id);
      expect(await page.json()).toMatchObject({ survey: { state, submitted: null } });
      const refused = await post({ file: "responses.csv", reason: "Looking" }, admin.cookie, id);
      expect(refused.status).toBe(302);
      expect(refused.headers.get("location")).toBe(`/admin/analysis/${id}/export`);
      expect(refused.headers.get("set-cookie")).toBeNull();
    }
    expect(await exports()).toHaveLength(2);
  });

  it("gives the codebook to anyone who reads results, without asking why", async () => {
    const file = await get(codebookLoader, `/admin/analysis/${wave.surveyId}/codebook.csv`, groupMember);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="export-test-2026-codebook-2026-11-23.csv"');
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await file.text();
    expect(text).toContain("column,question,type,codes,notes");
    expect(text).toContain("old_text,What else? (old question)");
    // Questions and codes only: none of the wave's answers.
    for (const answer of ["The old question's answer", "بہت اچھا", "Removed by retention"]) expect(text).not.toContain(answer);
    expect((await get(codebookLoader, `/admin/analysis/${wave.surveyId}/codebook.csv`, provider)).status).toBe(403);
  });
});
