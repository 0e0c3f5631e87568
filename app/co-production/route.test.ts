import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { action as activityAction } from "../routes/admin.co-production.$id._index";
import { action as confirmAction } from "../routes/admin.co-production.$id.confirm";
import { action as editAction } from "../routes/admin.co-production.$id.edit";
import { action as newAction } from "../routes/admin.co-production.new";

/** The staff routes as a browser without JavaScript uses them: 4xx with what was typed, never a 500. */
describeDb("the co-production routes", ({ db }) => {
  let ctx: AppLoadContext;
  let officer: string;
  let groupId: number;

  beforeAll(async () => {
    await seedDemoArea(db());
    ctx = makeContext(db(), new Date("2026-11-23T10:00:00Z"));
    officer = (await signedInAs(ctx, "officer")).cookie;
    groupId = (await db().selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirstOrThrow()).id;
  });

  async function post(run: (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>, path: string, cookie: string, fields: Record<string, string>, params: Record<string, string> = {}) {
    const csrf = await csrfPair(ctx);
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { cookie: `${cookie}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf: csrf.token, ...fields }),
    });
    try {
      return (await run({ request, context: ctx, params })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  const fields = (overrides: Record<string, string> = {}) => ({
    title: "Route test workshop",
    "heldOn-day": "10",
    "heldOn-month": "11",
    "heldOn-year": "2026",
    workingGroupId: String(groupId),
    type: "workshop",
    decisionOpen: "Short breaks budget",
    familiesJoinedStage: "start",
    level: "co_production",
    parentCarer: "9",
    familiesSaid: "Later finishing times.",
    whatChanged: "Clubs run until 4pm.",
    ...overrides,
  });

  it("refuses co-production with families joining late: 400, the message, and everything typed kept", async () => {
    const response = await post(newAction, "/admin/co-production/new", officer, fields({ familiesJoinedStage: "decision", practitioner: "lots" }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ level: "errors.coProductionNeedsStart", practitioner: "errors.countInvalid" });
    expect(body.values).toMatchObject({ title: "Route test workshop", familiesJoinedStage: "decision", practitioner: "lots" });
    expect(body.values.csrf).toBeUndefined();
  });

  it("refuses to close before participants are told (400), closes once told, then refuses changes (409)", async () => {
    const created = await post(newAction, "/admin/co-production/new", officer, fields());
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.split("/").pop()!;
    expect((await post(activityAction, `/admin/co-production/${id}`, officer, { intent: "publish" }, { id })).status).toBe(302);

    const refused = await post(activityAction, `/admin/co-production/${id}`, officer, { intent: "close" }, { id });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ form: "errors.closeNeedsTold" });

    const told = fields({ toldOutcomeHow: "By email", "toldOutcomeOn-day": "20", "toldOutcomeOn-month": "11", "toldOutcomeOn-year": "2026" });
    expect((await post(editAction, `/admin/co-production/${id}/edit`, officer, told, { id })).status).toBe(302);
    expect((await post(activityAction, `/admin/co-production/${id}`, officer, { intent: "close" }, { id })).status).toBe(302);
    // The edit page is gone for a closed activity.
    expect((await post(editAction, `/admin/co-production/${id}/edit`, officer, told, { id })).status).toBe(409);
    expect((await post(activityAction, `/admin/co-production/${id}`, officer, { intent: "sing" }, { id })).status).toBe(400);
  });

  it("lets only the forum's reviewer confirm; an admin is refused before anything is read", async () => {
    const created = await post(newAction, "/admin/co-production/new", officer, fields({ title: "Confirm route test" }));
    const id = created.headers.get("location")!.split("/").pop()!;
    const admin = (await signedInAs(ctx, "admin")).cookie;
    expect((await post(confirmAction, `/admin/co-production/${id}/confirm`, admin, {}, { id })).status).toBe(403);
    const pcf = (await signedInAs(ctx, "pcf_reviewer")).cookie;
    expect((await post(confirmAction, `/admin/co-production/${id}/confirm`, pcf, {}, { id })).status).toBe(302);
    expect((await post(confirmAction, `/admin/co-production/${id}/confirm`, pcf, {}, { id })).status).toBe(400);
    // The reviewer reads, but does not change, the activity.
    expect((await post(activityAction, `/admin/co-production/${id}`, pcf, { intent: "publish" }, { id })).status).toBe(403);
  });

  it("keeps a group member to their own groups' activities", async () => {
    const created = await post(newAction, "/admin/co-production/new", officer, fields({ title: "Group route test" }));
    const id = created.headers.get("location")!.split("/").pop()!;
    const other = await db().selectFrom("working_group").select("id").where("slug", "=", "strategy").executeTakeFirstOrThrow();
    const outsider = (await signedInAs(ctx, "group_member", { workingGroupIds: [other.id] })).cookie;
    expect((await post(activityAction, `/admin/co-production/${id}`, outsider, { intent: "publish" }, { id })).status).toBe(403);
    const own = await post(newAction, "/admin/co-production/new", outsider, fields({ title: "Not my group" }));
    expect(own.status).toBe(400);
    expect((await own.json()).errors).toEqual({ workingGroupId: "errors.groupNotYours" });
  });
});
