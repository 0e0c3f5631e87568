import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { action as updateAction, loader as updateLoader } from "../routes/admin.working-groups.$slug.tasks.$code.update";
import { loader as staffLoader } from "../routes/admin.working-groups._index";
import { loader as groupLoader } from "../routes/working-groups.$slug";
import { loader as indexLoader } from "../routes/working-groups._index";

const NOW = new Date("2026-11-23T10:00:00Z");

/** The working-groups routes as a browser without JavaScript uses them. */
describeDb("the working groups routes", ({ db }) => {
  let engagementId = 0;
  let strategyId = 0;

  beforeAll(async () => {
    await seedDemoArea(db());
    const groups = await db().selectFrom("working_group").select(["id", "slug"]).execute();
    engagementId = groups.find((g) => g.slug === "engagement")!.id;
    strategyId = groups.find((g) => g.slug === "strategy")!.id;
  });

  async function run<T>(fn: () => Promise<T>): Promise<Response> {
    try {
      const result = await fn();
      return result as unknown as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function post(context: AppLoadContext, session: string, path: string, fields: Record<string, string>) {
    const { cookie, token } = await csrfPair(context);
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { cookie: `${session}; ${cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: token, ...fields }),
    });
    const [, , slug, , code] = path.split("/").slice(1);
    return run(() => updateAction({ request, context, params: { slug: slug!, code: code! } }));
  }

  it("shows the five groups and one group's page to anyone, and a 404 for a group that is not there", async () => {
    const context = makeContext(db(), NOW);
    const index = await (await run(() => indexLoader({ request: new Request("http://localhost/working-groups"), context, params: {} }))).json();
    expect(index.pageTitle).toBe("Working groups");
    expect(index.groups).toHaveLength(5);
    const page = await run(() => groupLoader({ request: new Request("http://localhost/working-groups/engagement"), context, params: { slug: "engagement" } }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ pageTitle: "Engagement", group: { slug: "engagement" } });
    const missing = await run(() => groupLoader({ request: new Request("http://localhost/working-groups/nope"), context, params: { slug: "nope" } }));
    expect(missing.status).toBe(404);
  });

  it("lets a group member record an update on their group's task, then shows it on the public page", async () => {
    const context = makeContext(db(), NOW);
    const { cookie } = await signedInAs(context, "group_member", { workingGroupIds: [engagementId] });
    const response = await post(context, cookie, "/admin/working-groups/engagement/tasks/I2/update", {
      "date-day": "23",
      "date-month": "11",
      "date-year": "2026",
      rag: "amber",
      outcome: "Feedback forms are live; the first responses are due in December.",
      evidenceUrl: "https://www.example.org/feedback-report",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/working-groups#group-engagement");

    // The staff page says what happened, once.
    const flash = response.headers.get("set-cookie")!.split(";")[0]!;
    const staff = await run(() => staffLoader({ request: new Request("http://localhost/admin/working-groups", { headers: { cookie: `${cookie}; ${flash}` } }), context, params: {} }));
    const staffData = await staff.json();
    expect(staffData.done).toEqual({ code: "I2", group: "engagement", rag: "amber", current: true });
    expect(staffData.groups.map((g: { slug: string }) => g.slug)).toEqual(["engagement"]);

    const page = await (await run(() => groupLoader({ request: new Request("http://localhost/working-groups/engagement"), context, params: { slug: "engagement" } }))).json();
    const i2 = page.group.actions[1].tasks.find((t: { code: string }) => t.code === "I2");
    expect(i2).toMatchObject({ rag: "amber", outcome: "Feedback forms are live; the first responses are due in December." });
    expect(i2.updates[0]).toMatchObject({ at: "2026-11-23", evidence_url: "https://www.example.org/feedback-report" });
  });

  it("answers a bad update with 400, its messages and what was typed, saving nothing", async () => {
    const context = makeContext(db(), NOW);
    const { cookie } = await signedInAs(context, "group_member", { workingGroupIds: [engagementId] });
    const before = await db().selectFrom("task_update").select("id").execute();
    const response = await post(context, cookie, "/admin/working-groups/engagement/tasks/H5/update", {
      "date-day": "24",
      "date-month": "11",
      "date-year": "2026",
      rag: "green",
      outcome: "",
      evidenceUrl: "not a link",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { date: "update.errors.dateFuture", outcome: "update.errors.outcomeRequired", evidenceUrl: "update.errors.evidenceUrlFormat" },
      values: expect.objectContaining({ "date-day": "24", "date-month": "11", "date-year": "2026", rag: "green", outcome: "", evidenceUrl: "not a link" }),
    });
    expect(await db().selectFrom("task_update").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a member of another group with 403, on the page and on posting", async () => {
    const context = makeContext(db(), NOW);
    const { cookie } = await signedInAs(context, "group_member", { workingGroupIds: [strategyId] });
    const page = await run(() =>
      updateLoader({ request: new Request("http://localhost/admin/working-groups/engagement/tasks/H5/update", { headers: { cookie } }), context, params: { slug: "engagement", code: "H5" } }),
    );
    expect(page.status).toBe(403);
    const posted = await post(context, cookie, "/admin/working-groups/engagement/tasks/H5/update", { "date-day": "20", "date-month": "11", "date-year": "2026", rag: "red", outcome: "Not my group." });
    expect(posted.status).toBe(403);
    expect((await db().selectFrom("task").select("rag").where("code", "=", "H5").executeTakeFirstOrThrow()).rag).toBe("blue");
  });

  it("lets an officer open any group's task, and answers 404 for a task outside the group in the address", async () => {
    const context = makeContext(db(), NOW);
    const { cookie } = await signedInAs(context, "officer");
    const page = await run(() =>
      updateLoader({ request: new Request("http://localhost/admin/working-groups/strategy/tasks/A1/update", { headers: { cookie } }), context, params: { slug: "strategy", code: "A1" } }),
    );
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ pageTitle: "Record an update on task A1", task: { code: "A1", actionLetter: "A", groupName: "Strategy" } });
    const wrongGroup = await run(() =>
      updateLoader({ request: new Request("http://localhost/admin/working-groups/strategy/tasks/H5/update", { headers: { cookie } }), context, params: { slug: "strategy", code: "H5" } }),
    );
    expect(wrongGroup.status).toBe(404);
  });
});
