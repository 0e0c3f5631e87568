import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext } from "../../tests/setup/context";
import { action, loader } from "../routes/local-offer.feedback";
import { FEEDBACK_LIMIT } from "./page-feedback.server";
import { HONEYPOT_FIELD } from "./schemas";

/** The /local-offer/feedback route as a browser without JavaScript uses it. */
describeDb("the page feedback route", ({ db }) => {
  let n = 0;

  beforeAll(async () => {
    await seedDemoArea(db());
  });

  /** A context of its own per test: its own address, so rate limits do not mix. */
  function context(): AppLoadContext {
    return { ...makeContext(db(), new Date("2026-11-23T10:00:00Z")), clientIp: `10.0.0.${++n}` };
  }

  async function post(ctx: AppLoadContext, fields: Record<string, string>) {
    const { cookie, token } = await csrfPair(ctx);
    const body = new URLSearchParams({ csrf: token, ...fields });
    const request = new Request("http://localhost/local-offer/feedback?form=problem", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    try {
      return await action({ request, context: ctx, params: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function count() {
    const { c } = await db().selectFrom("feedback_item").select((eb) => eb.fn.countAll<number>().as("c")).executeTakeFirstOrThrow();
    return Number(c);
  }

  it("sends a problem report to the thank-you page, and the thank-you page shows its reference once", async () => {
    const ctx = context();
    const response = await post(ctx, { kind: "problem", pagePath: "/local-offer/services/x", problemKind: "broken_link", description: "Route test link" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/local-offer/feedback?form=sent&page=%2Flocal-offer%2Fservices%2Fx");
    const flash = response.headers.get("set-cookie")!.split(";")[0]!;

    const page = await loader({ request: new Request(`http://localhost${response.headers.get("location")}`, { headers: { cookie: flash } }), context: ctx, params: {} });
    const data = await (page as Response).json();
    const stored = await db().selectFrom("feedback_item").select("reference").where("body", "=", "Route test link").executeTakeFirstOrThrow();
    expect(data).toMatchObject({ form: "sent", pagePath: "/local-offer/services/x", reference: stored.reference, pageTitle: "Thank you for your feedback" });

    // Seen once: without the flash the thank-you page sends people back to their page.
    const again = await loader({ request: new Request(`http://localhost${response.headers.get("location")}`), context: ctx, params: {} }).catch((r: Response) => r);
    expect((again as Response).status).toBe(302);
    expect((again as Response).headers.get("location")).toBe("/local-offer/services/x");
  });

  it("after 'No' without JavaScript, goes to the comment box; a page path off the local offer becomes /local-offer", async () => {
    const response = await post(context(), { kind: "useful", useful: "no", pagePath: "https://evil.example/" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/local-offer/feedback?form=useful&page=%2Flocal-offer");
  });

  it("answers in place for a page with JavaScript", async () => {
    const response = await post(context(), { kind: "useful", useful: "yes", pagePath: "/local-offer", inPlace: "1" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sent: "useful", useful: true, withComment: false, reference: expect.stringMatching(/^FB-/) });
  });

  it("shows the form again with its errors and what was typed, storing nothing", async () => {
    const before = await count();
    const response = await post(context(), { kind: "problem", pagePath: "/local-offer", problemKind: "nonsense", description: "kept" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { problemKind: "errors.problemKindRequired" },
      values: expect.objectContaining({ kind: "problem", description: "kept", problemKind: "nonsense" }),
    });
    expect(await count()).toBe(before);
  });

  it("refuses a form it does not know with a 400", async () => {
    const response = await post(context(), { kind: "compliment", pagePath: "/local-offer" });
    expect(response.status).toBe(400);
  });

  it("thanks a bot that fills in the hidden field, and stores nothing", async () => {
    const before = await count();
    const response = await post(context(), { kind: "missing", pagePath: "/local-offer", lookingFor: "spam", [HONEYPOT_FIELD]: "http://spam.example" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("form=sent");
    expect(await count()).toBe(before);
  });

  it("says when to try again after too many, keeping what was typed", async () => {
    const ctx = context();
    for (let i = 0; i < FEEDBACK_LIMIT; i++) expect((await post(ctx, { kind: "missing", pagePath: "/local-offer", lookingFor: `r${i}` })).status).toBe(302);
    const response = await post(ctx, { kind: "missing", pagePath: "/local-offer", lookingFor: "the eleventh" });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      errors: { form: "tooMany" },
      values: expect.objectContaining({ lookingFor: "the eleventh" }),
      retryAt: "2026-11-23T10:10:00.000Z",
    });
  });
});
