import type { AppLoadContext } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { action, loader } from "./admin.local-offer.import";

const fixtures = join(import.meta.dirname, "../../tests/fixtures/oruk");
const sample = readFileSync(join(fixtures, "sample-feed.json"), "utf8");
const invalid = readFileSync(join(fixtures, "invalid-feed.json"), "utf8");
const PATH = "http://localhost/admin/local-offer/import";

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

/** The sample feed with its own names and ids, so this file's imports are its own. */
function renamed(suffix: string): string {
  const feed = JSON.parse(sample) as { contents: Record<string, any>[] };
  for (const service of feed.contents) {
    service.id = randomUUID();
    service.name = `${service.name} ${suffix}`;
    service.organization.name = `${service.organization.name} ${suffix}`;
  }
  return JSON.stringify(feed);
}

describeDb("the ORUK import page (route)", ({ db }) => {
  let context: AppLoadContext;
  let cookie: string;
  let token: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    context = makeContext(db(), new Date("2026-11-23T12:00:00Z"));
    const session = await signedInAs(context, "admin");
    const csrf = await csrfPair(context);
    cookie = `${session.cookie}; ${csrf.cookie}`;
    token = csrf.token;
  });

  function upload(text: string, { fileName = "feed.json", csrf = token }: { fileName?: string; csrf?: string } = {}) {
    const body = new FormData();
    body.set("csrf", csrf);
    body.set("file", new File([text], fileName, { type: "application/json" }));
    return run(async () => action({ request: new Request(PATH, { method: "POST", headers: { cookie }, body }), context, params: {} }));
  }

  function post(url: string, fields: Record<string, string>) {
    const body = new URLSearchParams({ csrf: token, ...fields });
    const request = new Request(url, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body });
    return run(async () => action({ request, context, params: {} }));
  }

  function get(url: string) {
    return run(async () => loader({ request: new Request(url, { headers: { cookie } }), context, params: {} }));
  }

  const pendingCount = async () => (await db().selectFrom("app_setting").select("key").where("key", "like", "oruk-import:%").execute()).length;
  const serviceCount = async () => (await db().selectFrom("service").select("id").execute()).length;

  it("refuses a file that fails the schema with a list of problems, and keeps nothing", async () => {
    const [pending, services] = [await pendingCount(), await serviceCount()];
    const response = await upload(invalid, { fileName: "invalid-feed.json" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ file: "errors.problems" });
    expect(body.fileName).toBe("invalid-feed.json");
    expect(body.problems).toHaveLength(6);
    expect(body.problems[0]).toMatchObject({ service: 1, serviceName: "Riverside Sensory Play Sessions", path: "/email" });
    expect([await pendingCount(), await serviceCount()]).toEqual([pending, services]);
  });

  it("refuses no file, a file that is not JSON, and a file over 5 MB", async () => {
    expect((await upload("")).status).toBe(400);
    const notJson = await upload("hello");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).problems[0]).toMatchObject({ service: null, key: "notJson" });
    const tooBig = await upload(`[${" ".repeat(5 * 1024 * 1024)}]`);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).errors).toEqual({ file: "errors.tooLarge" });
  });

  it("refuses an upload without the form's CSRF token", async () => {
    expect((await upload(sample, { csrf: "wrong" })).status).toBe(403);
  });

  it("checks, previews, then imports the file in one step, and shows what it imported", async () => {
    const uploaded = await upload(renamed("route"), { fileName: "sample-feed.json" });
    expect(uploaded.status).toBe(302);
    const previewUrl = `http://localhost${uploaded.headers.get("location")}`;
    expect(previewUrl).toMatch(/\?preview=[0-9a-f]{32}$/);
    const pendingToken = previewUrl.split("=")[1]!;

    const preview = await (await get(previewUrl)).json();
    expect(preview).toMatchObject({ mode: "preview", fileName: "sample-feed.json", pageTitle: "Check what will be imported" });
    expect(preview.preview.items.map((i: { name: string; action: string }) => [i.name, i.action])).toEqual([
      ["Riverside Sensory Play Sessions route", "create"],
      ["Riverside Parent Carer Coffee Mornings route", "create"],
      ["Fylde Speech and Language Drop-in route", "create"],
      ["Chorley Teen Wheelchair Sports route", "create"],
    ]);
    expect(preview.preview.ignored).toEqual({ terms: ["Sensory processing"], areas: ["Manchester"], languages: [] });
    expect(JSON.stringify(preview)).not.toContain("Calm, small-group sensory play");

    const services = await serviceCount();
    const imported = await post(previewUrl, { intent: "import", token: pendingToken });
    expect(imported.status).toBe(302);
    expect(imported.headers.get("location")).toBe(`/admin/local-offer/import?done=${pendingToken}`);
    expect(await serviceCount()).toBe(services + 4);

    const done = await (await get(`${PATH}?done=${pendingToken}`)).json();
    expect(done).toMatchObject({ mode: "done", pageTitle: "Import finished", result: { created: 4, organisationsCreated: 2 } });
    expect(done.result.services.map((s: { status: string }) => s.status)).toEqual(["awaiting_approval", "awaiting_approval", "awaiting_approval", "awaiting_approval"]);

    // The same token cannot import twice.
    const again = await post(previewUrl, { intent: "import", token: pendingToken });
    expect(again.status).toBe(400);
    expect(await serviceCount()).toBe(services + 4);
  });

  it("cancels a checked file, and treats an unknown or someone else's token as expired", async () => {
    const uploaded = await upload(renamed("cancel"));
    const pendingToken = uploaded.headers.get("location")!.split("=")[1]!;
    const pending = await pendingCount();
    const cancelled = await post(PATH, { intent: "cancel", token: pendingToken });
    expect(cancelled.headers.get("location")).toBe("/admin/local-offer/import");
    expect(await pendingCount()).toBe(pending - 1);
    expect(await (await get(`${PATH}?preview=${pendingToken}`)).json()).toMatchObject({ mode: "upload", expired: true });
    const bad = await post(PATH, { intent: "import", token: "not-a-token" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ file: "errors.expired" });
    expect((await get(`${PATH}?done=${"9".repeat(32)}`)).status).toBe(404);
  });
});
