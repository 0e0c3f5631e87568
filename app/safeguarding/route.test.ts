import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import { listPageFeedback, recordPageFeedback } from "../feedback/page-feedback.server";
import { action as feedbackAction, loader as feedbackLoader } from "../routes/admin.local-offer.feedback.$id";
import { action as newEntryAction } from "../routes/admin.you-said-we-did.new";
import { action as itemAction, loader as itemLoader } from "../routes/admin.safeguarding.$id";
import { loader as queueLoader } from "../routes/admin.safeguarding._index";
import { action as termsAction } from "../routes/admin.safeguarding.terms";

type Handler = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<unknown>;

/** The safeguarding routes as a browser without JavaScript uses them. */
describeDb("the safeguarding routes", ({ db }) => {
  let ctx: AppLoadContext;
  let lead: { userId: string; cookie: string };
  let officer: string;
  let admin: string;
  let flagId: string;
  let plainItemId: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    ctx = makeContext(db(), new Date("2026-11-23T10:00:00Z"));
    lead = await signedInAs(ctx, "safeguarding_lead");
    officer = (await signedInAs(ctx, "officer")).cookie;
    admin = (await signedInAs(ctx, "admin")).cookie;
    await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "help, he hits me", pagePath: "/local-offer", serviceId: null, clientIp: "10.1.0.1" },
      ctx.now(),
    );
    flagId = (await db().selectFrom("safeguarding_flag").select("id").executeTakeFirstOrThrow()).id;
    const plain = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Swimming lessons", pagePath: "/local-offer", serviceId: null, clientIp: "10.1.0.2" },
      ctx.now(),
    );
    plainItemId = (
      await db()
        .selectFrom("feedback_item")
        .select("id")
        .where("reference", "=", plain.ok ? plain.reference : "")
        .executeTakeFirstOrThrow()
    ).id;
  });

  async function run(handler: Handler, path: string, cookie: string, fields?: Record<string, string>, params: Record<string, string> = {}) {
    let request: Request;
    if (fields) {
      const csrf = await csrfPair(ctx);
      request = new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { cookie: `${cookie}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: csrf.token, ...fields }),
      });
    } else request = new Request(`http://localhost${path}`, { headers: { cookie } });
    try {
      return (await handler({ request, context: ctx, params })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("opens the queue to the safeguarding lead only", async () => {
    expect((await run(queueLoader, "/admin/safeguarding", lead.cookie)).status).toBe(200);
    expect((await run(queueLoader, "/admin/safeguarding", officer)).status).toBe(403);
    expect((await run(queueLoader, "/admin/safeguarding", admin)).status).toBe(403);
    expect((await run(itemLoader, `/admin/safeguarding/${flagId}`, officer, undefined, { id: flagId })).status).toBe(403);
  });

  it("shows the lead the words in full and records the view", async () => {
    const response = await run(itemLoader, `/admin/safeguarding/${flagId}`, lead.cookie, undefined, { id: flagId });
    expect(response.status).toBe(200);
    expect((await response.json()).flag.text).toBe("help, he hits me");
    const views = await db()
      .selectFrom("audit_log")
      .select("user_id")
      .where("action", "=", "safeguarding.viewed")
      .where("subject_id", "=", flagId)
      .execute();
    expect(views).toEqual([{ user_id: lead.userId }]);
  });

  it("asks for a note before closing, keeping what was chosen", async () => {
    const refused = await run(itemAction, `/admin/safeguarding/${flagId}`, lead.cookie, { status: "closed", note: "" }, { id: flagId });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { note: "item.errors.noteMissing" }, values: { status: "closed", note: "" } });
    const done = await run(
      itemAction,
      `/admin/safeguarding/${flagId}`,
      lead.cookie,
      { status: "closed", note: "Spoke to the family." },
      { id: flagId },
    );
    expect(done.status).toBe(302);
  });

  it("keeps what an admin typed when a word is already on the list", async () => {
    const refused = await run(termsAction, "/admin/safeguarding/terms", admin, { intent: "add", phrase: "Hits-Me", language: "en" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { phrase: "terms.errors.duplicate" }, values: { phrase: "Hits-Me", language: "en" } });
    const noLanguage = await run(termsAction, "/admin/safeguarding/terms", admin, { intent: "add", phrase: "bije nas", language: "xx" });
    expect(noLanguage.status).toBe(400);
    expect(await noLanguage.json()).toEqual({
      errors: { language: "terms.errors.language" },
      values: { phrase: "bije nas", language: "xx" },
    });
    expect((await run(termsAction, "/admin/safeguarding/terms", lead.cookie, { intent: "add", phrase: "new words" })).status).toBe(403);
  });

  it("lets an officer flag page feedback by hand, and asks for a reason", async () => {
    const path = `/admin/local-offer/feedback/${plainItemId}`;
    const refused = await run(feedbackAction, path, officer, { intent: "flag", reason: "" }, { id: plainItemId });
    expect(refused.status).toBe(400);
    const done = await run(feedbackAction, path, officer, { intent: "flag", reason: "Worried about a sibling." }, { id: plainItemId });
    expect(done.status).toBe(302);
    const flag = await db()
      .selectFrom("safeguarding_flag")
      .select(["raised_by", "reason"])
      .where("feedback_item_id", "=", plainItemId)
      .executeTakeFirstOrThrow();
    expect(flag).toEqual({ raised_by: "person", reason: "Worried about a sibling." });
  });

  it("answers an officer publishing 'You said, we did' from flagged feedback with the form again: 409, the reason, nothing lost", async () => {
    const flagged = await db()
      .selectFrom("safeguarding_flag")
      .select("feedback_item_id")
      .where("id", "=", flagId)
      .executeTakeFirstOrThrow();
    const response = await run(newEntryAction, "/admin/you-said-we-did/new", officer, {
      intent: "publish",
      year: "2026",
      theme: "content",
      youSaid: "Families asked for help at home.",
      weDid: "We listened.",
      action: "A family support worker now calls back within a week.",
      feedbackItemId: flagged.feedback_item_id!,
    });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors).toEqual({ form: "errors.flagged" });
    expect(body.values.youSaid).toBe("Families asked for help at home.");
    expect(
      await db().selectFrom("you_said_we_did").select("id").where("feedback_item_id", "=", flagged.feedback_item_id!).execute(),
    ).toEqual([]);
  });

  it("keeps flagged feedback out of the officers' list, and its words off their page", async () => {
    const flagged = await db()
      .selectFrom("safeguarding_flag")
      .select("feedback_item_id")
      .where("id", "=", flagId)
      .executeTakeFirstOrThrow();
    const plain = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Sensory play sessions", pagePath: "/local-offer", serviceId: null, clientIp: "10.1.0.9" },
      ctx.now(),
    );
    const list = await listPageFeedback(db(), { limit: 100, offset: 0 });
    expect(list.rows.map((r) => r.id)).not.toContain(flagged.feedback_item_id);
    expect(list.rows.map((r) => r.reference)).toContain(plain.ok ? plain.reference : "missing");
    const response = await run(feedbackLoader, `/admin/local-offer/feedback/${flagged.feedback_item_id}`, officer, undefined, {
      id: flagged.feedback_item_id!,
    });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { item: { body: string }; isFlagged: boolean };
    expect(data.isFlagged).toBe(true);
    expect(data.item.body).toBe("");
    expect(JSON.stringify(data)).not.toContain("hits me");
  });
});
