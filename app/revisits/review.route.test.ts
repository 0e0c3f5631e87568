import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import * as route from "../routes/admin.revisits.$id.review";
import { createRevisit } from "./revisits.server";
import { getReview } from "./review.server";

/**
 * The review page as a browser gets it: 302 back to the page after each step, 400 with
 * the message by field id and what was typed, 403 for a step the role does not take,
 * 404 for an unknown re-visit or comment, 409 with a plain message when refused.
 */
const now = new Date("2026-11-23T10:00:00Z");
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

describeDb("the forum's review page (route)", ({ db }) => {
  let context: AppLoadContext;
  let csrf: { cookie: string; token: string };
  const cookies = new Map<Role, string>();
  let revisitId: string;
  let minutes = 0;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    // Each step a minute after the last, so the history has an order.
    context = { ...makeContext(db(), now), now: () => new Date(now.getTime() + ++minutes * 60_000) };
    csrf = await csrfPair(context);
    for (const role of ["pcf_reviewer", "officer", "admin"] as Role[]) cookies.set(role, (await signedInAs(context, role)).cookie);
    const officer = await db().selectFrom("app_user").select("id").where("role", "=", "officer").executeTakeFirstOrThrow();
    const created = await createRevisit(db(), {
      input: { title: "Route re-visit", kind: "notified", date: "2027-01-11", focuses: [4], meetingWhen: "", meetingWhere: "" },
      by: { userId: officer.id },
      now,
    });
    if (!created.ok) throw new Error("could not create the re-visit");
    revisitId = created.id;
  }, 60_000);

  const post = (role: Role, fields: Record<string, string>, id = revisitId) => {
    const body = new URLSearchParams({ csrf: csrf.token, ...fields });
    const request = new Request(`http://localhost/admin/revisits/${id}/review`, {
      method: "POST",
      headers: { cookie: `${cookies.get(role)}; ${csrf.cookie}`, "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    return run(() => route.action({ request, context, params: { id } }));
  };
  const get = (role: Role, id = revisitId) =>
    run(() => route.loader({ request: new Request(`http://localhost/admin/revisits/${id}/review`, { headers: { cookie: cookies.get(role)! } }), context, params: { id } }));

  it("shows the questions page by page, in English, with the sign-off status", async () => {
    const response = await get("pcf_reviewer");
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.pages.map((p: { title: string }) => p.title)).toEqual([expect.any(String), "Overall", "About you"]);
    expect(data.pages[1].questions[0]).toMatchObject({ key: "listened", number: 3, options: expect.arrayContaining(["Strongly agree", "Don't know"]) });
    expect(data.review.signoff).toEqual({ kind: "none", open: 0 });
    expect(data.may).toEqual({ comment: "reviewer", resolve: false, manage: false });
    expect((await (await get("officer")).json()).may).toEqual({ comment: null, resolve: true, manage: true });
    expect((await (await get("admin")).json()).may).toEqual({ comment: "cover", resolve: true, manage: true });
  });

  it("keeps what was typed and names the field when a comment is empty or too long", async () => {
    const suggestion = "Do they listen?";
    const response = await post("pcf_reviewer", { intent: "comment", question: "listened", body: "x".repeat(2001), suggestion });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      form: "comment-q-listened",
      errors: { "comment-q-listened-body": "errors.body.tooLong" },
      params: { body: 2000, suggestion: 1000 },
      values: { intent: "comment", question: "listened", body: "x".repeat(2001), suggestion },
    });
  });

  it("refuses a step the role does not take with 403, and an unknown re-visit or comment with 404", async () => {
    expect((await post("officer", { intent: "comment", question: "", body: "Officers do not speak for the forum." })).status).toBe(403);
    expect((await post("officer", { intent: "signoff", note: "" })).status).toBe(403);
    expect((await post("pcf_reviewer", { intent: "resolve", comment: UNKNOWN, decision: "accepted", reply: "Mine." })).status).toBe(403);
    expect((await post("officer", { intent: "resolve", comment: UNKNOWN, decision: "accepted", reply: "Ok." })).status).toBe(404);
    expect((await post("pcf_reviewer", { intent: "comment", question: "", body: "Hello" }, UNKNOWN)).status).toBe(404);
    expect((await post("pcf_reviewer", { intent: "guess" })).status).toBe(400);
    expect((await getReview(db(), revisitId, now)).comments).toEqual([]);
  });

  it("goes comment → refused sign-off (409) → accepted suggestion → sign-off", async () => {
    const commented = await post("pcf_reviewer", { intent: "comment", question: "listened", body: "Ask it as a question.", suggestion: "Do the council and health services listen to you?" });
    expect(commented.status).toBe(302);
    expect(commented.headers.get("location")).toBe(`/admin/revisits/${revisitId}/review`);

    const refused = await post("pcf_reviewer", { intent: "signoff", note: "All fine." });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ form: "signoff", errors: { "signoff-note": "conflicts.openComments" }, params: { count: 1 }, values: { note: "All fine." } });

    const [comment] = (await getReview(db(), revisitId, now)).comments;
    const noReply = await post("officer", { intent: "resolve", comment: comment!.id, decision: "accepted", reply: "" });
    expect(noReply.status).toBe(400);
    expect((await noReply.json()).errors).toEqual({ [`resolve-${comment!.id}-reply`]: "errors.reply.required" });
    expect((await post("officer", { intent: "resolve", comment: comment!.id, decision: "accepted", reply: "Changed." })).status).toBe(302);
    const again = await post("admin", { intent: "resolve", comment: comment!.id, decision: "rejected", reply: "Changed my mind." });
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual({ [`comment-${comment!.id}`]: "conflicts.alreadyResolved" });

    expect((await post("pcf_reviewer", { intent: "signoff", note: "" })).status).toBe(302);
    const data = await (await get("pcf_reviewer")).json();
    expect(data.pages[1].questions[0].text).toBe("Do the council and health services listen to you?");
    expect(data.review.signoff).toMatchObject({ kind: "signed", by: "Test pcf_reviewer" });
    expect(data.review.history.map((e: { kind: string }) => e.kind)).toEqual(["review-signoff", "review-accepted", "review-comment"]);
  });
});
