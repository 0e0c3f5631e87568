import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { loader as pageLoader } from "../routes/admin.evidence-pack";
import { loader as csvLoader } from "../routes/admin.evidence-pack[.csv]";

/** The pack's addresses as anyone might type them: a 400 or a redirect, never a 500; each download audited. */
describeDb("the evidence pack's routes", ({ db }) => {
  let ctx: AppLoadContext;
  let officer: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    ctx = makeContext(db(), new Date("2026-11-23T10:00:00Z"));
    officer = (await signedInAs(ctx, "officer")).cookie;
  });

  async function get(run: typeof pageLoader | typeof csvLoader, path: string): Promise<Response> {
    const request = new Request(`http://localhost${path}`, { headers: { cookie: officer } });
    try {
      return (await run({ request, context: ctx, params: {} })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("answers the last 12 months by default, and the form's boxes at the short address", async () => {
    const page = await get(pageLoader, "/admin/evidence-pack");
    expect(page.status).toBe(200);
    const data = (await page.json()) as { pack: { query: unknown } };
    expect(data.pack.query).toEqual({ from: "2025-11-23", to: "2026-11-23", area: null });
    const boxes = await get(
      pageLoader,
      "/admin/evidence-pack?from-day=1&from-month=4&from-year=2026&to-day=30&to-month=9&to-year=2026&area=4",
    );
    expect(boxes.status).toBe(302);
    expect(boxes.headers.get("location")).toBe("/admin/evidence-pack?from=2026-04-01&to=2026-09-30&area=4");
  });

  it("refuses nonsense with a 400 and the errors, never a 500", async () => {
    for (const search of [
      "?from=2026-02-30&to=2026-03-01",
      "?from=2026-05-01&to=2026-04-01",
      "?from=2001-01-01&to=2026-01-01",
      "?from=0000-01-01&to=0000-12-31",
      "?area=99",
      "?area=-1",
      "?area=1e3",
      `?from=${"9".repeat(5000)}`,
      "?from-day=%00&from-month=%E2%80%AE&from-year=20x6",
    ]) {
      const response = await get(pageLoader, `/admin/evidence-pack${search}`);
      expect(response.status, search).toBe(400);
      const data = (await response.json()) as { errors: Record<string, string>; pack: unknown; pageTitle: string };
      expect(Object.keys(data.errors).length, search).toBeGreaterThan(0);
      expect(data.pack).toBeNull();
      expect(data.pageTitle).toMatch(/^Error: /);
    }
  });

  it("sends a bad download back to the page, and records a good one in the audit log", async () => {
    const bad = await get(csvLoader, "/admin/evidence-pack.csv?from=2026-02-30&to=2026-03-01");
    expect(bad.status).toBe(302);
    expect(bad.headers.get("location")).toBe("/admin/evidence-pack?from=2026-02-30&to=2026-03-01");

    const good = await get(csvLoader, "/admin/evidence-pack.csv?from=2026-04-01&to=2026-09-30&area=4");
    expect(good.status).toBe(200);
    expect(good.headers.get("content-disposition")).toBe('attachment; filename="evidence-pack-2026-04-01-to-2026-09-30-area-4.csv"');
    // A byte order mark first, so spreadsheet programs read UTF-8 (text() would drop it).
    const bytes = new Uint8Array(await good.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split("\r\n")[0]).toBe("section,area,item,date,rag,detail,link,count");
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "=", "evidence-pack.downloaded")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ from: "2026-04-01", to: "2026-09-30", area: 4 });
  });
});
