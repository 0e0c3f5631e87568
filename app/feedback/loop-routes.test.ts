import type { AppLoadContext, LoaderFunction } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { loader as inboxLoader } from "../routes/admin.feedback._index";
import { action as triageAction, loader as triageLoader } from "../routes/admin.feedback.$id";
import { loader as yswdLoader } from "../routes/you-said-we-did._index";
import { sendGeneralFeedback } from "./general.server";
import { assignGroup } from "./triage.server";

/** The routes of docs/decisions/034 as people and mistyped addresses reach them: never a 500. */
describeDb("the feedback loop's routes: action links, what is new, and 'You said, we did' by group", ({ db }) => {
  let ctx: AppLoadContext;
  let engagement: number;
  let member: { userId: string; cookie: string };
  let officer: { userId: string; cookie: string };

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    ctx = makeContext(db(), new Date("2026-11-23T10:00:00Z"));
    engagement = (await db().selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirstOrThrow()).id;
    member = await signedInAs(ctx, "group_member", { workingGroupIds: [engagement] });
    officer = await signedInAs(ctx, "officer");
  });

  async function run(fn: () => unknown): Promise<Response> {
    try {
      return (await fn()) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }
  const get = (loader: LoaderFunction, path: string, cookie = "", params: Record<string, string> = {}) =>
    run(() => loader({ request: new Request(`http://localhost${path}`, { headers: { cookie } }), context: ctx, params }));
  const post = async (path: string, cookie: string, fields: [string, string][], params: Record<string, string>) => {
    const { cookie: csrfCookie, token } = await csrfPair(ctx);
    const body = new URLSearchParams([["csrf", token], ...fields]);
    return run(() =>
      triageAction({ request: new Request(`http://localhost${path}`, { method: "POST", headers: { cookie: `${cookie}; ${csrfCookie}` }, body }), context: ctx, params }),
    );
  };

  async function newItem(body: string) {
    const sent = await sendGeneralFeedback(db(), {
      input: { format: "standard", respondent: "parent_carer", district: "", topic: undefined, body, email: "", consent: false },
      clientIp: `192.0.2.${Math.floor(Math.random() * 250)}`,
      baseUrl: "http://localhost",
      now: ctx.now(),
    });
    if (!sent.ok) throw new Error("not sent");
    const { id } = await db().selectFrom("feedback_item").select("id").where("reference", "=", sent.reference).executeTakeFirstOrThrow();
    await assignGroup(db(), { id, groupId: engagement, by: { userId: officer.userId, requestId: "t" }, now: ctx.now(), origin: "" });
    return id;
  }

  it("marks an item new in a member's inbox, with a count for the banner, until they open it", async () => {
    const id = await newItem("The forum's minutes never arrive");
    const inbox = async () =>
      (await (await get(inboxLoader, "/admin/feedback", member.cookie)).json()) as { newCount: number; rows: { id: string; is_new: boolean }[] };
    const before = await inbox();
    expect(before.newCount).toBeGreaterThanOrEqual(1);
    expect(before.rows.find((r) => r.id === id)?.is_new).toBe(true);
    const onlyNew = (await (await get(inboxLoader, "/admin/feedback?new=yes", member.cookie)).json()) as { rows: { id: string }[] };
    expect(onlyNew.rows.map((r) => r.id)).toContain(id);

    expect((await get(triageLoader, `/admin/feedback/${id}`, member.cookie, { id })).status).toBe(200);
    const after = await inbox();
    expect(after.newCount).toBe(before.newCount - 1);
    expect(after.rows.find((r) => r.id === id)?.is_new).toBe(false);
    // Still new to the officer? No: it is with a group now, not waiting for one.
    const officers = (await (await get(inboxLoader, "/admin/feedback", officer.cookie)).json()) as { rows: { id: string; is_new: boolean }[] };
    expect(officers.rows.find((r) => r.id === id)?.is_new).toBe(false);
  });

  it("saves action links from the form's boxes, and answers a forged or unknown action with a 400 that keeps the ticks", async () => {
    const id = await newItem("We are not asked before decisions are made");
    const view = (await (await get(triageLoader, `/admin/feedback/${id}`, member.cookie, { id })).json()) as {
      actionGroups: { groupName: string | null; actions: { id: number; letter: string }[] }[];
    };
    expect(view.actionGroups[0]!.groupName).toBe("Engagement");
    const h = view.actionGroups[0]!.actions.find((a) => a.letter === "H")!;
    const a = view.actionGroups.flatMap((g) => g.actions).find((x) => x.letter === "A")!;

    const saved = await post(`/admin/feedback/${id}`, member.cookie, [["intent", "links"], ["actions", String(h.id)], ["actions", String(a.id)], ["themes", ""]], { id });
    expect(saved.status).toBe(302);
    const linked = await db().selectFrom("feedback_item_action").select("action_id").where("feedback_item_id", "=", id).execute();
    expect(linked.map((l) => l.action_id).sort()).toEqual([h.id, a.id].sort());

    for (const bad of ["H", "999999"]) {
      const refused = await post(`/admin/feedback/${id}`, member.cookie, [["intent", "links"], ["actions", String(h.id)], ["actions", bad], ["themes", "x"]], { id });
      expect(refused.status, bad).toBe(400);
      expect(await refused.json()).toMatchObject({
        errors: { actions: "feedback-loop:links.errors.actionUnknown" },
        values: { actions: [String(h.id), bad], themes: "x" },
      });
    }
    // Nothing half-saved.
    expect(await db().selectFrom("feedback_item_action").select("action_id").where("feedback_item_id", "=", id).execute()).toHaveLength(2);
  });

  it("shows 'You said, we did' by theme or by working group, at canonical addresses, and explains a choice that does not exist", async () => {
    await db()
      .insertInto("you_said_we_did")
      .values([
        { year: 2026, theme: "content", you_said: "From Engagement", we_did: "x", working_group_id: engagement, published_at: "2026-05-01T10:00:00Z", updated_at: "2026-05-01T10:00:00Z" },
        { year: 2025, theme: "accessibility", you_said: "With no group", we_did: "y", published_at: "2025-05-01T10:00:00Z", updated_at: "2025-05-01T10:00:00Z" },
      ])
      .execute();
    type Page = { view: { by: string; years: { year: number; sections: { kind: string; groupName?: string | null; theme?: string }[] }[] } | null; errors: Record<string, string>; pageTitle: string };
    const page = async (search: string) => {
      const response = await get(yswdLoader, `/you-said-we-did${search}`);
      return { status: response.status, location: response.headers.get("location"), data: response.status === 302 ? null : ((await response.json()) as Page) };
    };

    const byTheme = await page("");
    expect(byTheme.status).toBe(200);
    expect(byTheme.data!.view!.years.map((y) => [y.year, y.sections.map((s) => s.theme)])).toEqual([
      [2026, ["content"]],
      [2025, ["accessibility"]],
    ]);
    const byGroup = await page("?by=group&year=2026");
    expect(byGroup.data!.view).toEqual({ by: "group", years: [expect.objectContaining({ year: 2026, sections: [expect.objectContaining({ kind: "group", groupName: "Engagement" })] })] });
    expect((await page("?by=group&year=2025")).data!.view!.years[0]!.sections[0]).toMatchObject({ groupName: null });

    expect(await page("?by=theme&year=")).toMatchObject({ status: 302, location: "/you-said-we-did" });
    expect(await page("?year=2026&by=group")).toMatchObject({ status: 302, location: "/you-said-we-did?by=group&year=2026" });

    for (const search of ["?by=date", "?year=1999", "?year=%00", `?by=${"g".repeat(5000)}`, "?by=group&year=20x6"]) {
      const refused = await page(search);
      expect(refused.status, search).toBe(400);
      expect(refused.data!.view, search).toBeNull();
      expect(refused.data!.pageTitle, search).toMatch(/^Error: /);
      expect(Object.keys(refused.data!.errors).length, search).toBeGreaterThan(0);
    }
  });
});
