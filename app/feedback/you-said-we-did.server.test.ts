import { beforeAll, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { recordPageFeedback } from "./page-feedback.server";
import type { YouSaidWeDidInput } from "./schemas";
import {
  cosignEntry,
  createEntry,
  getAnnualReport,
  getEntry,
  listAllEntries,
  listPublishedEntries,
  listPublishedYears,
  listForCosigning,
  unpublishEntry,
  updateEntry,
} from "./you-said-we-did.server";

describeDb("You said, we did", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  let by: { userId: string; requestId: string };

  beforeAll(async () => {
    const user = await db()
      .insertInto("app_user")
      .values({ email: "yswd@test.local", name: "Officer", role: "officer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "req-yswd" };
  });

  const entry = (overrides: Partial<YouSaidWeDidInput> = {}): YouSaidWeDidInput => ({
    year: 2026,
    theme: "content",
    youSaid: "Short breaks were hard to find.",
    weDid: "We added a short breaks category.",
    action: "We will check it every term.",
    feedbackItemId: null,
    ...overrides,
  });

  async function auditActions(id: string) {
    const rows = await db()
      .selectFrom("audit_log")
      .select("action")
      .where("subject_type", "=", "you_said_we_did")
      .where("subject_id", "=", id)
      .orderBy("at")
      .orderBy("id")
      .execute();
    return rows.map((r) => r.action);
  }

  it("keeps drafts off the public page until they are published, and takes them off when unpublished", async () => {
    const { id } = await createEntry(db(), { entry: entry({ youSaid: "Draft words" }), publish: false, by, now });
    expect((await listPublishedEntries(db())).map((e) => e.id)).not.toContain(id);
    expect((await listAllEntries(db())).drafts.map((e) => e.id)).toContain(id);

    const later = new Date("2026-11-24T09:00:00Z");
    expect(await updateEntry(db(), { id, entry: entry({ youSaid: "Anonymised words" }), publish: true, by, now: later })).toEqual({
      ok: true,
      changed: true,
      published: true,
    });
    const published = (await listPublishedEntries(db())).find((e) => e.id === id);
    expect(published).toMatchObject({ you_said: "Anonymised words", published_at: later });
    expect(await listPublishedYears(db())).toContain(2026);

    // Editing a published entry keeps it published, from the same date.
    expect(
      await updateEntry(db(), { id, entry: entry({ youSaid: "Anonymised words", action: "Check every month." }), publish: false, by, now }),
    ).toMatchObject({ ok: true, published: true });
    expect((await getEntry(db(), id))?.published_at).toEqual(later);

    expect(await unpublishEntry(db(), { id, by, now })).toEqual({ ok: true, changed: true });
    expect((await listPublishedEntries(db())).map((e) => e.id)).not.toContain(id);
    expect(await unpublishEntry(db(), { id, by, now })).toEqual({ ok: true, changed: false });

    expect(await auditActions(id)).toEqual([
      "you-said-we-did.created",
      "you-said-we-did.updated",
      "you-said-we-did.published",
      "you-said-we-did.updated",
      "you-said-we-did.unpublished",
    ]);
    const details = await db()
      .selectFrom("audit_log")
      .select("details")
      .where("subject_id", "=", id)
      .where("action", "=", "you-said-we-did.updated")
      .execute();
    // The audit says which fields changed, never the words (a draft may still identify someone).
    expect(details.map((d) => d.details)).toEqual([
      { year: 2026, theme: "content", fields: ["youSaid"] },
      { year: 2026, theme: "content", fields: ["action"] },
    ]);
  });

  it("finds nothing for ids that are not entries", async () => {
    expect(await getEntry(db(), "nope")).toBeUndefined();
    expect(await updateEntry(db(), { id: "00000000-0000-4000-8000-000000000000", entry: entry(), publish: true, by, now })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });

  it("links an entry to the feedback it was written from, only if that feedback exists", async () => {
    const feedback = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Nothing about transport", pagePath: "/local-offer", serviceId: null, clientIp: "198.51.100.1" },
      now,
    );
    if (!feedback.ok) throw new Error("expected feedback to be stored");
    const item = await db()
      .selectFrom("feedback_item")
      .select(["id", "working_group_id"])
      .where("reference", "=", feedback.reference)
      .executeTakeFirstOrThrow();
    // This database has no Engagement working group: the item is kept, for nobody in particular.
    expect(item.working_group_id).toBeNull();
    const linked = await createEntry(db(), { entry: entry({ feedbackItemId: item.id }), publish: false, by, now });
    expect(await getEntry(db(), linked.id)).toMatchObject({
      feedback_item_id: item.id,
      feedback_reference: feedback.reference,
      you_said: "Short breaks were hard to find.",
    });
    const unlinked = await createEntry(db(), {
      entry: entry({ feedbackItemId: "00000000-0000-4000-8000-000000000000" }),
      publish: false,
      by,
      now,
    });
    expect((await getEntry(db(), unlinked.id))?.feedback_item_id).toBeNull();
  });

  it("makes a yearly report only for a year with published entries, with small numbers hidden", async () => {
    expect(await getAnnualReport(db(), { year: 2019 })).toBeUndefined();
    await createEntry(db(), { entry: entry({ year: 2019 }), publish: false, by, now });
    expect(await getAnnualReport(db(), { year: 2019 })).toBeUndefined();

    const first = new Date("2020-02-01T10:00:00Z");
    const second = new Date("2020-03-01T10:00:00Z");
    await createEntry(db(), { entry: entry({ year: 2019, theme: "accessibility" }), publish: true, by, now: first });
    await createEntry(db(), { entry: entry({ year: 2019, theme: "accessibility", youSaid: "Second" }), publish: true, by, now: second });
    const third = new Date("2020-03-02T10:00:00Z");
    await createEntry(db(), { entry: entry({ year: 2019, theme: "development" }), publish: true, by, now: third });

    // Feedback received in 2019: 6 problems, 4 "what's missing", 1 "No", none "Yes".
    const in2019 = new Date("2019-05-05T12:00:00Z");
    let n = 0;
    const send = async (input: Parameters<typeof recordPageFeedback>[1]) => {
      const result = await recordPageFeedback(db(), { ...input, clientIp: `203.0.113.${++n}` }, in2019);
      expect(result.ok).toBe(true);
    };
    for (let i = 0; i < 6; i++)
      await send({ kind: "problem", problemKind: "other", description: `p${i}`, pagePath: "/local-offer", serviceId: null, clientIp: "" });
    for (let i = 0; i < 4; i++)
      await send({ kind: "missing", lookingFor: `m${i}`, pagePath: "/local-offer", serviceId: null, clientIp: "" });
    await send({ kind: "useful", useful: false, comment: "", reference: null, pagePath: "/local-offer", serviceId: null, clientIp: "" });
    // The last second of 2018 and the first of 2020 (UK time) are outside the year.
    for (const at of [new Date("2018-12-31T23:59:59Z"), new Date("2020-01-01T00:00:00Z")]) {
      await recordPageFeedback(
        db(),
        { kind: "missing", lookingFor: "edge", pagePath: "/local-offer", serviceId: null, clientIp: `edge-${at.getTime()}` },
        at,
      );
    }

    const report = await getAnnualReport(db(), { year: 2019 });
    expect(report?.entries.map((e) => e.theme)).toEqual(["accessibility", "accessibility", "development"]);
    expect(report?.themeCounts).toEqual({ content: 0, accessibility: 2, development: 1 });
    expect(report?.feedbackCounts).toEqual({
      problem: { kind: "count", value: 6 },
      missing: { kind: "fewer", threshold: 5 },
      useful_no: { kind: "fewer", threshold: 5 },
      useful_yes: { kind: "fewer", threshold: 5 },
    });
    expect(report?.firstPublishedAt).toEqual(first);
    expect(report?.lastPublishedAt).toEqual(third);
    // The exact small numbers are nowhere in what the page is given.
    expect(JSON.stringify(report)).not.toMatch(/"value":4/);
  });

  it("is co-signed by the families' representative once published; new words need signing again", async () => {
    const draft = await createEntry(db(), { entry: entry({ youSaid: "Co-sign me" }), publish: false, by, now });
    expect(await cosignEntry(db(), { id: draft.id, as: "parent_carer_forum", by, now })).toEqual({ ok: false, reason: "not-published" });
    await updateEntry(db(), { id: draft.id, entry: entry({ youSaid: "Co-sign me" }), publish: true, by, now });
    expect(await cosignEntry(db(), { id: draft.id, as: "the council", by, now })).toEqual({ ok: false, reason: "invalid" });
    expect(await cosignEntry(db(), { id: draft.id, as: "participation_council", by, now })).toEqual({ ok: true });
    expect(await cosignEntry(db(), { id: draft.id, as: "parent_carer_forum", by, now })).toEqual({ ok: false, reason: "already" });
    expect(await cosignEntry(db(), { id: "00000000-0000-4000-8000-000000000000", as: "parent_carer_forum", by, now })).toEqual({
      ok: false,
      reason: "not-found",
    });
    const published = await listPublishedEntries(db());
    expect(published.find((e) => e.id === draft.id)).toMatchObject({ cosigned_as: "participation_council" });
    expect(await auditActions(draft.id)).toContain("you-said-we-did.cosigned");

    // Unchanged words keep the signature; changed words lose it.
    await updateEntry(db(), { id: draft.id, entry: entry({ youSaid: "Co-sign me" }), publish: true, by, now });
    expect((await listForCosigning(db())).find((e) => e.id === draft.id)?.cosigned_as).toBe("participation_council");
    await updateEntry(db(), { id: draft.id, entry: entry({ youSaid: "Co-sign me, changed" }), publish: true, by, now });
    expect((await listForCosigning(db())).find((e) => e.id === draft.id)).toMatchObject({ cosigned_as: null, cosigned_at: null });
  });

  it("carries the working group the feedback went through onto the public page", async () => {
    const group = await db()
      .insertInto("working_group")
      .values({ slug: "yswd-test-group", number: 99, name: "Transport task group" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const item = await db()
      .insertInto("feedback_item")
      .values({ reference: "FB-TEST-GRUP", source: "general", body: "The bus is late", working_group_id: group.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id } = await createEntry(db(), { entry: entry({ youSaid: "Buses were late", feedbackItemId: item.id }), publish: true, by, now });
    expect((await listPublishedEntries(db())).find((e) => e.id === id)).toMatchObject({ group_name: "Transport task group" });
    const report = await getAnnualReport(db(), { year: 2026 });
    expect(report?.entries.find((e) => e.id === id)).toMatchObject({ group_name: "Transport task group" });
  });
});
