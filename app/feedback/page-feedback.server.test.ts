import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService } from "../local-offer/content.server";
import { emptyServiceContent } from "../local-offer/model";
import {
  countPageFeedback,
  FEEDBACK_LIMIT,
  FEEDBACK_WINDOW_MS,
  getPageFeedback,
  listPageFeedback,
  recordPageFeedback,
  setFeedbackStatus,
  usefulTotals,
  type PageFeedbackInput,
} from "./page-feedback.server";
import { REFERENCE_PATTERN } from "./reference";

describeDb("page feedback", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  let publishedId: string;
  let draftId: string;
  let engagementId: number;
  let ipCounter = 0;
  /** Each test sends from its own address, so the rate limit of one does not touch another. */
  const ip = () => `192.0.2.${++ipCounter}`;

  beforeAll(async () => {
    await seedDemoArea(db());
    engagementId = (await db().selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirstOrThrow()).id;
    const org = await db().insertInto("organisation").values({ name: "Feedback test org" }).returning("id").executeTakeFirstOrThrow();
    const content = { ...emptyServiceContent(), name: "Feedback Test Swim Club", districts: ["burnley"] };
    publishedId = await db().transaction().execute((trx) => createService(trx, { slug: "feedback-test-swim", organisationId: org.id, content, status: "published" }));
    draftId = await db()
      .transaction()
      .execute((trx) => createService(trx, { slug: "feedback-test-draft", organisationId: org.id, content: { ...content, name: "Draft club" }, status: "draft" }));
  });

  async function itemByReference(reference: string) {
    return db().selectFrom("feedback_item").selectAll().where("reference", "=", reference).executeTakeFirst();
  }

  async function countItems() {
    const { count } = await db().selectFrom("feedback_item").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    return Number(count);
  }

  async function record(input: Partial<PageFeedbackInput> & Pick<PageFeedbackInput, "kind">, at = now) {
    const base = { pagePath: "/local-offer", serviceId: null, clientIp: ip() };
    const result = await recordPageFeedback(db(), { ...base, ...input } as PageFeedbackInput, at);
    if (!result.ok) throw new Error("expected the feedback to be stored");
    return result;
  }

  it("stores a problem report about a published service, for the Engagement working group", async () => {
    const result = await record({
      kind: "problem",
      problemKind: "wrong_information",
      description: "The phone number is wrong.\nIt rings a shop.",
      pagePath: "/local-offer/services/feedback-test-swim",
      serviceId: publishedId,
    });
    expect(result.reference).toMatch(REFERENCE_PATTERN);
    expect(result.stored).toBe(true);
    expect(await itemByReference(result.reference)).toMatchObject({
      source: "page_problem",
      kind: "wrong_information",
      page_path: "/local-offer/services/feedback-test-swim",
      service_id: publishedId,
      useful: null,
      body: "The phone number is wrong.\nIt rings a shop.",
      working_group_id: engagementId,
      status: "received",
      created_at: now,
    });
  });

  it("stores what's missing, and 'Is this page useful?' answers", async () => {
    const missing = await record({ kind: "missing", lookingFor: "Holiday clubs in Pendle" });
    expect(await itemByReference(missing.reference)).toMatchObject({ source: "page_missing", kind: "", body: "Holiday clubs in Pendle", useful: null });

    const yes = await record({ kind: "useful", useful: true, comment: "", reference: null, pagePath: "/you-said-we-did" });
    expect(await itemByReference(yes.reference)).toMatchObject({ source: "page_useful", useful: true, body: "", page_path: "/you-said-we-did" });
  });

  it("adds a comment after 'No' to that answer instead of counting a second 'No'", async () => {
    const no = await record({ kind: "useful", useful: false, comment: "", reference: null, pagePath: "/local-offer?q=swim" });
    const before = await countItems();
    const comment = await record({ kind: "useful", useful: false, comment: "Say which pools have hoists", reference: no.reference, pagePath: "/local-offer?q=swim" });
    expect(comment.reference).toBe(no.reference);
    expect(await countItems()).toBe(before);
    expect(await itemByReference(no.reference)).toMatchObject({ useful: false, body: "Say which pools have hoists" });

    // A second comment with the same reference does not overwrite the first: it is a new item.
    const again = await record({ kind: "useful", useful: false, comment: "And changing places", reference: no.reference, pagePath: "/local-offer?q=swim" });
    expect(again.reference).not.toBe(no.reference);
    expect(await itemByReference(no.reference)).toMatchObject({ body: "Say which pools have hoists" });

    // Sending the comment box empty adds nothing.
    const other = await record({ kind: "useful", useful: false, comment: "", reference: null });
    const count = await countItems();
    expect(await record({ kind: "useful", useful: false, comment: "", reference: other.reference })).toEqual({ ok: true, reference: other.reference, stored: false });
    expect(await countItems()).toBe(count);
  });

  it("does not link feedback to a service that is not published or does not exist", async () => {
    const draft = await record({ kind: "missing", lookingFor: "x", serviceId: draftId });
    expect((await itemByReference(draft.reference))?.service_id).toBeNull();
    const unknown = await record({ kind: "missing", lookingFor: "y", serviceId: "00000000-0000-4000-8000-000000000000" });
    expect((await itemByReference(unknown.reference))?.service_id).toBeNull();
  });

  it("stores nothing when the hidden field is filled in, but still answers with a reference", async () => {
    const before = await countItems();
    const address = ip();
    const result = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Cheap pills", pagePath: "/local-offer", serviceId: null, clientIp: address, honeypot: "http://spam.example" },
      now,
    );
    expect(result).toMatchObject({ ok: true, stored: false });
    if (result.ok) {
      expect(result.reference).toMatch(REFERENCE_PATTERN);
      expect(await itemByReference(result.reference)).toBeUndefined();
    }
    expect(await countItems()).toBe(before);
    expect(await db().selectFrom("rate_limit").select("key").where("key", "like", `%${address}`).execute()).toEqual([]);
  });

  it("takes ten answers from one address in ten minutes and refuses the eleventh without storing it", async () => {
    const address = ip();
    for (let i = 0; i < FEEDBACK_LIMIT; i++) {
      const result = await recordPageFeedback(db(), { kind: "missing", lookingFor: `limit ${i}`, pagePath: "/local-offer", serviceId: null, clientIp: address }, now);
      expect(result.ok).toBe(true);
    }
    const before = await countItems();
    const later = new Date(now.getTime() + 60_000);
    const eleventh = await recordPageFeedback(db(), { kind: "missing", lookingFor: "limit 11", pagePath: "/local-offer", serviceId: null, clientIp: address }, later);
    expect(eleventh).toEqual({ ok: false, reason: "rate-limited", retryAt: new Date(now.getTime() + FEEDBACK_WINDOW_MS) });
    expect(await countItems()).toBe(before);

    // Someone else is not held up; and after the window the first address may send again.
    expect((await recordPageFeedback(db(), { kind: "missing", lookingFor: "other", pagePath: "/local-offer", serviceId: null, clientIp: ip() }, later)).ok).toBe(true);
    const afterWindow = new Date(now.getTime() + FEEDBACK_WINDOW_MS + 1);
    expect((await recordPageFeedback(db(), { kind: "missing", lookingFor: "back", pagePath: "/local-offer", serviceId: null, clientIp: address }, afterWindow)).ok).toBe(true);
  });

  it("lists page feedback newest first, filtered by type and status, with the service's name", async () => {
    const later = new Date("2026-11-24T09:00:00Z");
    const problem = await record({ kind: "problem", problemKind: "broken_link", description: "Link to timetable broken\nsecond line", serviceId: publishedId }, later);

    const all = await listPageFeedback(db(), { limit: 100, offset: 0 });
    expect(all.total).toBe(all.rows.length);
    expect(all.rows[0]).toMatchObject({ reference: problem.reference, type: "problem", kind: "broken_link", service_name: "Feedback Test Swim Club", excerpt: "Link to timetable broken" });
    const times = all.rows.map((r) => r.created_at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const problems = await listPageFeedback(db(), { type: "problem", limit: 100, offset: 0 });
    expect(problems.rows.every((r) => r.type === "problem")).toBe(true);
    const noes = await listPageFeedback(db(), { type: "useful_no", limit: 100, offset: 0 });
    expect(noes.rows.length).toBeGreaterThan(0);
    expect(noes.rows.every((r) => r.type === "useful_no")).toBe(true);

    const page2 = await listPageFeedback(db(), { limit: 2, offset: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect(page2.total).toBe(all.total);
  });

  it("closes an item with an audit entry, and the status filter follows", async () => {
    const officer = await db().insertInto("app_user").values({ email: "fb-officer@test.local", name: "Officer", role: "officer", password_hash: null }).returning("id").executeTakeFirstOrThrow();
    const item = await record({ kind: "missing", lookingFor: "To be closed" });
    const { id } = (await itemByReference(item.reference))!;
    const by = { userId: officer.id, requestId: "req-close" };

    expect(await setFeedbackStatus(db(), { id, status: "closed", by, now })).toEqual({ ok: true, changed: true });
    expect(await setFeedbackStatus(db(), { id, status: "closed", by, now })).toEqual({ ok: true, changed: false });
    expect((await getPageFeedback(db(), id))?.status).toBe("closed");
    const audit = await db().selectFrom("audit_log").select(["action", "user_id", "details"]).where("subject_id", "=", id).execute();
    expect(audit).toEqual([{ action: "feedback.closed", user_id: officer.id, details: { reference: item.reference, from: "received", to: "closed" } }]);

    const closed = await listPageFeedback(db(), { status: "closed", limit: 100, offset: 0 });
    expect(closed.rows.map((r) => r.id)).toEqual([id]);
    const received = await listPageFeedback(db(), { status: "received", limit: 100, offset: 0 });
    expect(received.rows.map((r) => r.id)).not.toContain(id);

    expect(await setFeedbackStatus(db(), { id: "not-an-id", status: "closed", by, now })).toEqual({ ok: false, reason: "not-found" });
    expect(await getPageFeedback(db(), "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("adds up 'Is this page useful?' per page over a period, and counts each type in a year", async () => {
    const page = "/local-offer/services/totals-test";
    const at = new Date("2026-06-01T12:00:00Z");
    for (const useful of [true, true, false]) await record({ kind: "useful", useful, comment: "", reference: null, pagePath: page }, at);
    await record({ kind: "useful", useful: false, comment: "", reference: null, pagePath: page }, new Date("2025-06-01T12:00:00Z"));

    const totals = await usefulTotals(db(), { since: new Date("2026-03-01T00:00:00Z") });
    expect(totals.find((t) => t.pagePath === page)).toEqual({ pagePath: page, yes: 2, no: 1 });

    const in2025 = await countPageFeedback(db(), { from: new Date("2025-01-01T00:00:00Z"), to: new Date("2026-01-01T00:00:00Z") });
    expect(in2025).toEqual({ useful_yes: 0, useful_no: 1, problem: 0, missing: 0 });
  });
});
