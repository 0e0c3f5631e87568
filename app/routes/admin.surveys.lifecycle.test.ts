import type { ActionFunction, AppLoadContext, LoaderFunction } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { starterDefinition } from "../surveys/lifecycle";
import * as duplicateRoute from "./admin.surveys.$id.duplicate";
import * as invitationsRoute from "./admin.surveys.$id.invitations";
import * as csvRoute from "./admin.surveys.$id.invitations[.csv]";
import * as scheduleRoute from "./admin.surveys.$id.schedule";
import * as statusRoute from "./admin.surveys.$id.status";
import * as importRoute from "./admin.surveys.import";
import * as newRoute from "./admin.surveys.new";

/**
 * The lifecycle pages' answers as a browser gets them: 302 after a write, 400
 * with the errors and what was typed, 404 for an unknown survey, 409 for an
 * action the survey's state does not allow, 413 for a file over the limit.
 */
const NOW = new Date("2026-11-23T12:00:00Z");
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

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

describeDb("the survey lifecycle pages (routes)", ({ db }) => {
  let cookie: string;
  let token: string;
  const contextAt = (now: Date): AppLoadContext => makeContext(db(), now);

  beforeAll(async () => {
    const context = contextAt(NOW);
    const session = await signedInAs(context, "officer");
    const csrf = await csrfPair(context);
    cookie = `${session.cookie}; ${csrf.cookie}`;
    token = csrf.token;
  });

  /** A session is only good for a while: signed in afresh at each other instant a test stands at. */
  async function cookieAt(now: Date): Promise<string> {
    if (now === NOW) return cookie;
    const session = await signedInAs(contextAt(now), "officer");
    return `${session.cookie}; ${cookie.split("; ")[1]}`;
  }

  async function post(action: ActionFunction, path: string, fields: Record<string, string>, { now = NOW, params = {} }: { now?: Date; params?: Record<string, string> } = {}) {
    const body = new URLSearchParams({ csrf: token, ...fields });
    const headers = { cookie: await cookieAt(now), "content-type": "application/x-www-form-urlencoded" };
    const request = new Request(`http://localhost${path}`, { method: "POST", headers, body });
    return run(async () => action({ request, context: contextAt(now), params }));
  }

  function get(loader: LoaderFunction, path: string, params: Record<string, string> = {}) {
    return run(async () => loader({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), context: contextAt(NOW), params }));
  }

  async function createSurvey(fields: Record<string, string> = {}): Promise<{ id: string; slug: string; series: string }> {
    const slug = unique("route-survey");
    const series = unique("route-series");
    const response = await post(newRoute.action, "/admin/surveys/new", { title: "Route test survey", slug, audience: "parent_carer", series, wave: "2027", access: "open_link", ...fields });
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.split("/").pop()!;
    return { id, slug, series };
  }

  describe("create", () => {
    it("redirects to the new survey's overview with a one-time message", async () => {
      const slug = unique("new");
      const response = await post(newRoute.action, "/admin/surveys/new", { title: "A survey", slug, audience: "young_person", series: unique("s"), wave: "2027", access: "invite_only" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/admin\/surveys\/[0-9a-f-]{36}$/);
      expect(response.headers.get("set-cookie")).toContain("flash=");
    });

    it("answers a taken slug and missing fields with 400, keeping what was typed", async () => {
      const { slug } = await createSurvey();
      const response = await post(newRoute.action, "/admin/surveys/new", { title: "Again", slug, audience: "parent_carer", series: unique("s"), wave: "2027" });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ errors: { access: "errors.accessRequired" }, values: expect.objectContaining({ slug, title: "Again" }) });
      const taken = await post(newRoute.action, "/admin/surveys/new", { title: "Again", slug, audience: "parent_carer", series: unique("s"), wave: "2027", access: "open_link" });
      expect(taken.status).toBe(400);
      expect(await taken.json()).toEqual({ errors: { slug: "errors.slugTaken" }, values: expect.objectContaining({ slug, title: "Again" }) });
    });
  });

  describe("schedule", () => {
    it("shows the 404 page for an unknown or malformed id", async () => {
      expect((await get(scheduleRoute.loader, `/admin/surveys/${UNKNOWN}/schedule`, { id: UNKNOWN })).status).toBe(404);
      expect((await get(scheduleRoute.loader, "/admin/surveys/nope/schedule", { id: "nope" })).status).toBe(404);
      const posted = await post(scheduleRoute.action, `/admin/surveys/${UNKNOWN}/schedule`, { intent: "schedule" }, { params: { id: UNKNOWN } });
      expect(posted.status).toBe(404);
    });

    it("takes UK times, refuses dates that do not exist and close before open with 400, and reads the times back", async () => {
      const { id } = await createSurvey();
      const path = `/admin/surveys/${id}/schedule`;
      const when = (o: [string, string, string, string], c: [string, string, string, string]) => ({
        intent: "schedule",
        "opens-day": o[0],
        "opens-month": o[1],
        "opens-year": o[2],
        opensTime: o[3],
        "closes-day": c[0],
        "closes-month": c[1],
        "closes-year": c[2],
        closesTime: c[3],
      });
      const bad = await post(scheduleRoute.action, path, when(["30", "2", "2027", "12:00"], ["1", "3", "2027", "25:00"]), { params: { id } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({
        errors: { opens: "errors.opensInvalid", closesTime: "errors.closesTimeInvalid" },
        values: expect.objectContaining({ "opens-day": "30", closesTime: "25:00" }),
      });
      const backwards = await post(scheduleRoute.action, path, when(["2", "3", "2027", "12:00"], ["1", "3", "2027", "12:00"]), { params: { id } });
      expect(backwards.status).toBe(400);
      expect((await backwards.json()).errors).toEqual({ closes: "errors.closesBeforeOpens" });

      const good = await post(scheduleRoute.action, path, when(["26", "3", "2027", "12:00"], ["30", "3", "2027", "12:00"]), { params: { id } });
      expect(good.status).toBe(302);
      expect(good.headers.get("location")).toBe(path);
      const page = await get(scheduleRoute.loader, path, { id });
      expect(await page.json()).toMatchObject({
        survey: { state: "scheduled", opensAt: "2027-03-26T12:00:00.000Z", closesAt: "2027-03-30T11:00:00.000Z" },
        initial: { opens: { date: { day: "26", month: "3", year: "2027" }, time: "12:00" }, closes: { date: { day: "30", month: "3", year: "2027" }, time: "12:00" } },
      });
    });

    it("answers 409 when the state does not allow it: moving an open survey's opening, unscheduling after it opened", async () => {
      const { id } = await createSurvey();
      const path = `/admin/surveys/${id}/schedule`;
      const window = { "opens-day": "1", "opens-month": "12", "opens-year": "2026", opensTime: "09:00", "closes-day": "1", "closes-month": "2", "closes-year": "2027", closesTime: "17:00" };
      expect((await post(scheduleRoute.action, path, { intent: "schedule", ...window }, { params: { id } })).status).toBe(302);
      const open = new Date("2026-12-05T10:00:00Z");
      const moved = await post(scheduleRoute.action, path, { intent: "schedule", ...window, "opens-day": "2" }, { params: { id }, now: open });
      expect(moved.status).toBe(409);
      expect((await moved.json()).errors).toEqual({ form: "conflicts.openingFixed" });
      const unschedule = await post(scheduleRoute.action, path, { intent: "unschedule" }, { params: { id }, now: open });
      expect(unschedule.status).toBe(409);
      expect((await unschedule.json()).errors).toEqual({ form: "conflicts.unscheduleStarted" });
      const closing = await post(scheduleRoute.action, path, { intent: "schedule", "closes-day": "8", "closes-month": "2", "closes-year": "2027", closesTime: "17:00" }, { params: { id }, now: open });
      expect(closing.status).toBe(302);
    });
  });

  describe("archive", () => {
    it("archives a draft, and answers 409 to archiving it twice", async () => {
      const { id } = await createSurvey();
      const path = `/admin/surveys/${id}/status`;
      expect((await post(statusRoute.action, path, { intent: "archive" }, { params: { id } })).status).toBe(302);
      const twice = await post(statusRoute.action, path, { intent: "archive" }, { params: { id } });
      expect(twice.status).toBe(409);
      expect((await twice.json()).errors).toEqual({ form: "conflicts.alreadyArchived" });
      expect((await post(statusRoute.action, path, { intent: "unarchive" }, { params: { id } })).status).toBe(302);
      expect((await post(statusRoute.action, path, { intent: "explode" }, { params: { id } })).status).toBe(400);
    });
  });

  describe("duplicate", () => {
    it("makes a new draft and goes to it; a taken wave is a 400", async () => {
      const { id } = await createSurvey();
      const path = `/admin/surveys/${id}/duplicate`;
      const same = await post(duplicateRoute.action, path, { slug: unique("copy"), wave: "2027" }, { params: { id } });
      expect(same.status).toBe(400);
      expect((await same.json()).errors).toEqual({ wave: "errors.waveTaken" });
      const copy = await post(duplicateRoute.action, path, { slug: unique("copy"), wave: "2028" }, { params: { id } });
      expect(copy.status).toBe(302);
      expect(copy.headers.get("location")).not.toContain(id);
    });
  });

  describe("invitations", () => {
    it("shows new codes once, in the answer only, and downloads exactly those codes as CSV", async () => {
      const { id, slug } = await createSurvey({ access: "invite_only" });
      const path = `/admin/surveys/${id}/invitations`;
      const made = await post(invitationsRoute.action, path, { intent: "make", count: "3", label: "School A parents" }, { params: { id } });
      expect(made.status).toBe(200);
      expect(made.headers.get("cache-control")).toBe("no-store");
      const { made: signed } = await made.json();
      expect(signed.codes).toHaveLength(3);
      // The page after does not have them.
      const page = await get(invitationsRoute.loader, path, { id });
      const pageText = JSON.stringify(await page.json());
      expect(pageText).not.toContain(signed.codes[0]);
      expect(pageText).toContain('"total":3');

      const csv = await post(csvRoute.action, `${path}.csv`, { codes: signed.codes.join(" "), label: signed.label, madeAt: signed.madeAt, signature: signed.signature }, { params: { id } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="invitation-codes-${slug}-2026-11-23-1200.csv"`));
      const bytes = new Uint8Array(await csv.arrayBuffer());
      // A byte order mark first, so spreadsheet programs read UTF-8.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split("\r\n").filter(Boolean)).toEqual(["Code,Label,Survey link", ...signed.codes.map((c: string) => `${c},School A parents,http://localhost/surveys/${slug}`)]);

      // A changed list, or one downloaded too late, makes nothing: back to the page with a message.
      const forged = await post(csvRoute.action, `${path}.csv`, { codes: "ABCDE-FGHJK", label: signed.label, madeAt: signed.madeAt, signature: signed.signature }, { params: { id } });
      expect(forged.status).toBe(302);
      expect(forged.headers.get("location")).toBe(path);
      const late = await post(csvRoute.action, `${path}.csv`, { codes: signed.codes.join(" "), label: signed.label, madeAt: signed.madeAt, signature: signed.signature }, { params: { id }, now: new Date(NOW.getTime() + 31 * 60_000) });
      expect(late.status).toBe(302);
      expect((await get(csvRoute.loader, `${path}.csv`, { id })).status).toBe(302);
    });

    it("answers 400 for a bad count and 409 for codes on an open-link survey", async () => {
      const { id } = await createSurvey();
      const path = `/admin/surveys/${id}/invitations`;
      const bad = await post(invitationsRoute.action, path, { intent: "make", count: "5000", label: "" }, { params: { id } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ errors: { count: "errors.countRange", label: "errors.labelRequired" }, values: { intent: "make", count: "5000", label: "" } });
      const openLink = await post(invitationsRoute.action, path, { intent: "make", count: "5", label: "School" }, { params: { id } });
      expect(openLink.status).toBe(409);
      expect((await openLink.json()).errors).toEqual({ form: "conflicts.openLink" });
    });
  });

  describe("import", () => {
    function upload(fields: Record<string, string>, file?: { text: string; name: string }) {
      const body = new FormData();
      body.set("csrf", token);
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      if (file) body.set("file", new File([file.text], file.name, { type: "application/json" }));
      else body.set("file", new File([], "", { type: "application/octet-stream" }));
      const request = new Request("http://localhost/admin/surveys/import", { method: "POST", headers: { cookie }, body });
      return run(async () => importRoute.action({ request, context: contextAt(NOW), params: {} }));
    }
    const identity = () => ({ slug: unique("imported"), audience: "practitioner", series: unique("poet"), wave: "2027", access: "open_link" });

    it("lists every problem with its path (400), keeping the fields and the text", async () => {
      const fields = identity();
      const response = await upload({ ...fields, definition: '{ "title": [], "pages": [] ' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: { definition: "errors.definitionProblems" }, problems: [{ key: "notJsonEnd" }], values: { ...fields, definition: '{ "title": [], "pages": [] ' } });
      const broken = JSON.stringify({ ...starterDefinition("x"), estimatedMinutes: 0 });
      const fromFile = await upload(fields, { text: broken, name: "poet.json" });
      expect(fromFile.status).toBe(400);
      const body = await fromFile.json();
      expect(body.fromFile).toBe("poet.json");
      expect(body.values.definition).toBe(broken);
      expect(body.problems).toEqual([{ path: "estimatedMinutes", steps: [{ field: "estimatedMinutes" }], key: "numberTooSmall", values: { min: 1 } }]);
    });

    it("refuses more than 1 MB with 413, keeping the other fields", async () => {
      const fields = identity();
      const response = await upload({ ...fields, definition: "x".repeat(1024 * 1024 + 1) });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ errors: { definition: "errors.tooLarge" }, values: fields });
    });

    it("imports a valid definition as a draft", async () => {
      const response = await upload(identity(), { text: JSON.stringify(starterDefinition("POET practitioner items")), name: "poet.json" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/admin\/surveys\/[0-9a-f-]{36}$/);
    });
  });
});
