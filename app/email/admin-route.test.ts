import type { AppLoadContext } from "@remix-run/node";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { csrfPair, makeContext, signedInAs } from "../../tests/setup/context";
import { action, loader } from "../routes/admin.outbox";
import { enqueueEmail } from "./outbox.server";

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

/** /admin/outbox as an admin's browser uses it, without JavaScript. */
describeDb("the email outbox page", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  let context: AppLoadContext;
  let cookie: string;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    context = makeContext(db(), now);
    const session = await signedInAs(context, "admin");
    const csrf = await csrfPair(context);
    cookie = `${session.cookie}; ${csrf.cookie}`;
    token = csrf.token;
    userId = session.userId;
  });

  beforeEach(async () => {
    await db().deleteFrom("outbox").execute();
  });

  const get = (extraCookie = "") =>
    run(async () => loader({ request: new Request("http://localhost/admin/outbox", { headers: { cookie: extraCookie ? `${cookie}; ${extraCookie}` : cookie } }), context, params: {} }));

  function post(fields: Record<string, string>) {
    const request = new Request("http://localhost/admin/outbox", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    return run(async () => action({ request, context, params: {} }));
  }

  async function failedMessage() {
    const { id } = await enqueueEmail(db(), { kind: "survey.resume-link", to: "rachel@example.com", subject: "Carry on later", text: "Code ABCDE-FGHIJ" }, new Date("2026-11-22T09:00:00Z"));
    await db()
      .updateTable("outbox")
      .set({ status: "failed", attempts: 8, last_error: "550 mailbox unavailable", next_attempt_at: new Date("2026-11-22T15:00:00Z") })
      .where("id", "=", id)
      .execute();
    return id;
  }

  it("shows what failed, with the address masked and never the text, and the week's sent count", async () => {
    const id = await failedMessage();
    const sent = await enqueueEmail(db(), { kind: "test", to: "sam@example.org", subject: "Sent", text: "Sent" }, now);
    await db().updateTable("outbox").set({ status: "sent", sent_at: new Date("2026-11-20T10:00:00Z") }).where("id", "=", sent.id).execute();

    const page = await get();
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data).toMatchObject({ pageTitle: "Email outbox", counts: { pending: 0, failed: 1, sent: 1 }, done: null });
    expect(data.messages).toEqual([
      expect.objectContaining({ id, kind: "survey.resume-link", to: "r***@example.com", subject: "Carry on later", status: "failed", attempts: 8, last_error: "550 mailbox unavailable" }),
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("rachel");
    expect(text).not.toContain("ABCDE");
  });

  it("'Try again now' makes a failed message due now, says so once, and records who asked", async () => {
    const id = await failedMessage();
    const response = await post({ csrf: token, intent: "retry", id });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/admin/outbox");

    const row = await db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 8 });
    expect(row.next_attempt_at).toEqual(now);
    const audit = await db().selectFrom("audit_log").selectAll().where("action", "=", "outbox.retried").where("subject_id", "=", id).execute();
    expect(audit).toEqual([expect.objectContaining({ user_id: userId, subject_type: "outbox", details: { kind: "survey.resume-link" } })]);

    const flash = response.headers.get("set-cookie")!.split(";")[0]!;
    const page = await get(flash);
    expect(await page.json()).toMatchObject({ done: "retried", messages: [expect.objectContaining({ id, status: "pending" })] });
    expect((await (await get()).json()).done).toBeNull();
  });

  it("says a message that has been sent meanwhile is no longer waiting, and changes nothing", async () => {
    const id = await failedMessage();
    await db().updateTable("outbox").set({ status: "sent", sent_at: now }).where("id", "=", id).execute();
    const response = await post({ csrf: token, intent: "retry", id });
    expect(response.status).toBe(302);
    const page = await get(response.headers.get("set-cookie")!.split(";")[0]!);
    expect(await page.json()).toMatchObject({ done: "gone", messages: [] });
    expect(await db().selectFrom("outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "sent" });
    expect(await db().selectFrom("audit_log").select("id").where("action", "=", "outbox.retried").where("subject_id", "=", id).execute()).toEqual([]);
  });

  it("refuses a post without the form's token (403) or with a made-up message (400)", async () => {
    const id = await failedMessage();
    expect((await post({ intent: "retry", id })).status).toBe(403);
    expect((await post({ csrf: token, intent: "retry", id: "not-a-message" })).status).toBe(400);
    expect((await post({ csrf: token, intent: "delete", id })).status).toBe(400);
    expect(await db().selectFrom("outbox").select("status").where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "failed" });
  });
});
