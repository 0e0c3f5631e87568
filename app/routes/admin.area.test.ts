import type { ActionFunction, AppLoadContext, LoaderFunction } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import * as overview from "./admin.area._index";
import * as editDistrict from "./admin.area.districts.$id";
import * as newDistrict from "./admin.area.districts.new";
import * as editHealthArea from "./admin.area.health-areas.$id";
import * as newTask from "./admin.area.actions.$id_.tasks.new";
import * as editTask from "./admin.area.tasks.$id";

/** What a loader or action gave back, thrown or returned. */
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

describeDb("the local area pages (routes)", ({ db }) => {
  let context: AppLoadContext;
  let cookie: string;
  let token: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    context = makeContext(db());
    const session = await signedInAs(context, "admin");
    const csrf = await csrfPair(context);
    cookie = `${session.cookie}; ${csrf.cookie}`;
    token = csrf.token;
  });

  function post(module: { action: ActionFunction }, path: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}) {
    const body = new URLSearchParams({ csrf: token });
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    return run(async () => module.action({ request, context, params }));
  }

  function get(module: { loader: LoaderFunction }, path: string, extraCookie = "", params: Record<string, string> = {}) {
    const request = new Request(`http://localhost${path}`, { headers: { cookie: extraCookie ? `${cookie}; ${extraCookie}` : cookie } });
    return run(async () => module.loader({ request, context, params }));
  }

  const id = async (table: "district" | "health_area", slug: string) =>
    String((await db().selectFrom(table).select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id);

  it("adds a district, then shows the overview's banner once", async () => {
    const eastLancs = await id("health_area", "east-lancashire");
    const response = await post(newDistrict, "/admin/area/districts/new", { name: "Accrington", slug: "accrington", healthArea: eastLancs, intent: "save" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/area");
    const flash = response.headers.get("set-cookie")!.split(";")[0]!;

    const page = await get(overview, "/admin/area", flash);
    const data = await page.json();
    expect(data.done).toEqual({ message: "districtCreated", name: "Accrington" });
    expect(data.districts.map((d: { name: string }) => d.name)).toContain("Accrington");
    expect(page.headers.get("set-cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await (await get(overview, "/admin/area")).json()).done).toBeNull();
  });

  it("answers a duplicate slug or a form with mistakes with 400 and the messages", async () => {
    const taken = await post(newDistrict, "/admin/area/districts/new", { name: "Burnley 2", slug: "burnley", healthArea: "none" });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ errors: { slug: "district.errors.slugTaken" }, values: { name: "Burnley 2", slug: "burnley", healthArea: "none" } });

    const empty = await post(newDistrict, "/admin/area/districts/new", { name: "", slug: "" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({
      name: "district.errors.nameRequired",
      slug: "district.errors.slugRequired",
      healthArea: "district.errors.healthAreaRequired",
    });
  });

  it("gives 404 for ids that are not there or not ids, and 400 for an unknown intent", async () => {
    for (const bad of ["999999", "abc", "0", "1e3"]) {
      expect((await get(editDistrict, `/admin/area/districts/${bad}`, "", { id: bad })).status).toBe(404);
      expect((await post(editDistrict, `/admin/area/districts/${bad}`, { intent: "save" }, { id: bad })).status).toBe(404);
      expect((await post(newTask, `/admin/area/actions/${bad}/tasks/new`, { intent: "save" }, { id: bad })).status).toBe(404);
    }
    const burnley = await id("district", "burnley");
    expect((await post(editDistrict, `/admin/area/districts/${burnley}`, { intent: "explode" }, { id: burnley })).status).toBe(400);
    expect((await post(editDistrict, `/admin/area/districts/${burnley}`, {}, { id: burnley })).status).toBe(400);
  });

  it("refuses to delete a health area that has districts, saying so on the page", async () => {
    const eastLancs = await id("health_area", "east-lancashire");
    const response = await post(editHealthArea, `/admin/area/health-areas/${eastLancs}`, { intent: "delete" }, { id: eastLancs });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ delete: "healthArea.errors.hasDistricts" });
    expect(await db().selectFrom("health_area").select("id").where("slug", "=", "east-lancashire").executeTakeFirst()).toBeDefined();
  });

  it("refuses an impossible due date and keeps what was typed", async () => {
    const task = String((await db().selectFrom("task").select("id").where("code", "=", "A1").executeTakeFirstOrThrow()).id);
    const fields = { description: "Agree it", rag: "amber", "dueDate-day": "31", "dueDate-month": "2", "dueDate-year": "2027", intent: "save" };
    const response = await post(editTask, `/admin/area/tasks/${task}`, fields, { id: task });
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toEqual({ dueDate: "dateErrors.real" });
    expect(data.values).toMatchObject({ "dueDate-day": "31", rag: "amber" });

    const saved = await post(editTask, `/admin/area/tasks/${task}`, { ...fields, "dueDate-day": "28" }, { id: task });
    expect(saved.status).toBe(302);
    expect(await db().selectFrom("task").select(["rag", "due_date"]).where("id", "=", Number(task)).executeTakeFirst()).toEqual({ rag: "amber", due_date: "2027-02-28" });
  });
});
