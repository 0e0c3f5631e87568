import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { erasePersonData } from "../privacy/privacy.server";
import { flagFeedbackByHand } from "../safeguarding/safeguarding.server";
import { createActivity, getPublicSummary, publishActivity, updateActivity, type By } from "./co-production.server";
import { activitiesForFeedback, feedbackCounts, linkedFeedback } from "./feedback-links.server";
import { errorParts, parseActivity, type ActivityInput } from "./rules";

const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("co-production activities linked to feedback", ({ db }) => {
  let officer: By;
  let member: By;
  let groups: Record<string, number>;
  let serial = 0;

  beforeAll(async () => {
    await seedDemoArea(db());
    const rows = await db().selectFrom("working_group").select(["id", "slug"]).execute();
    groups = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    const user = async (role: By["role"], workingGroupIds: number[] = []): Promise<By> => {
      const row = await db()
        .insertInto("app_user")
        .values({ email: `${role}@links.test`, name: `Test ${role}`, role, password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { userId: row.id, role, workingGroupIds, requestId: "req-links" };
    };
    officer = await user("officer");
    member = await user("group_member", [groups.engagement!]);
  });

  /** A piece of general feedback with a made-up reference from the reference alphabet. */
  async function feedback(body: string, extra: { group?: number; email?: string } = {}) {
    serial += 1;
    const alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    const reference = `FB-TNKS-${alphabet[serial % 30]}${alphabet[Math.floor(serial / 30) % 30]}22`;
    const row = await db()
      .insertInto("feedback_item")
      .values({
        reference,
        source: "general",
        body,
        respondent: "parent_carer",
        working_group_id: extra.group ?? null,
        contact_email: extra.email ?? null,
        contact_consent_at: extra.email ? NOW : null,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning(["id", "reference"])
      .executeTakeFirstOrThrow();
    return row;
  }

  const input = (feedbackText: string, overrides: Record<string, string> = {}): ActivityInput => {
    const parsed = parseActivity(
      {
        title: "Evening forum meetings",
        "heldOn-day": "10",
        "heldOn-month": "11",
        "heldOn-year": "2026",
        workingGroupId: String(groups.engagement),
        type: "meeting",
        decisionOpen: "When forum meetings are held",
        familiesJoinedStage: "options",
        level: "consultation",
        parentCarer: "8",
        familiesSaid: "Evenings suit working parents.",
        whatChanged: "Two meetings a term are now in the evening.",
        feedback: feedbackText,
        ...overrides,
      },
      "2026-11-23",
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  };

  it("links feedback when the activity is saved, shows it on both pages, and notes it in the item's history", async () => {
    const a = await feedback("Please hold forum meetings in the evening so working parents can come.");
    const b = await feedback("Evening meetings would help me.");
    const result = await createActivity(db(), {
      input: input(`${a.reference.toLowerCase()}, ${b.reference.replace(/-/g, "")}`),
      by: officer,
      now: NOW,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const linked = await linkedFeedback(db(), result.id, officer);
    expect(linked.others).toBe(0);
    expect(linked.items.map((i) => [i.reference, i.summary])).toEqual([
      [a.reference, "Please hold forum meetings in the evening so working parents can come."],
      [b.reference, "Evening meetings would help me."],
    ]);
    expect(await activitiesForFeedback(db(), a.id)).toEqual([
      { id: result.id, title: "Evening forum meetings", heldOn: "2026-11-10", level: "consultation", status: "draft" },
    ]);
    const events = await db().selectFrom("feedback_event").select(["kind", "note"]).where("feedback_item_id", "=", a.id).execute();
    expect(events).toEqual([{ kind: "coproduction_linked", note: "Evening forum meetings" }]);

    // Saving again with one removed drops that link; the kept one is not noted twice.
    const again = await updateActivity(db(), { id: result.id, input: input(a.reference), by: officer, now: NOW });
    expect(again.ok).toBe(true);
    expect((await linkedFeedback(db(), result.id, officer)).items.map((i) => i.reference)).toEqual([a.reference]);
    expect(await activitiesForFeedback(db(), b.id)).toEqual([]);
    expect(await db().selectFrom("feedback_event").select("kind").where("feedback_item_id", "=", a.id).execute()).toHaveLength(1);
  });

  it("refuses references that do not exist, naming them, and saves nothing", async () => {
    const a = await feedback("Real feedback.");
    const before = await db()
      .selectFrom("coproduction_activity")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    const result = await createActivity(db(), { input: input(`${a.reference}\nFB-ZZZZ-ZZZZ`), by: officer, now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "refused") return;
    expect(errorParts(result.errors.feedback!)).toEqual({ key: "errors.feedbackUnknown", names: "FB-ZZZZ-ZZZZ" });
    const after = await db()
      .selectFrom("coproduction_activity")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await activitiesForFeedback(db(), a.id)).toEqual([]);
  });

  it("answers a safeguarded item as if it did not exist, and hides it once flagged, keeping the link", async () => {
    const flagged = await feedback("Something worrying.");
    await flagFeedbackByHand(db(), {
      feedbackItemId: flagged.id,
      reason: "A worry about a child.",
      by: { userId: officer.userId },
      now: NOW,
    });
    const refused = await createActivity(db(), { input: input(flagged.reference), by: officer, now: NOW });
    expect(!refused.ok && refused.reason === "refused" && errorParts(refused.errors.feedback!)).toEqual({
      key: "errors.feedbackUnknown",
      names: flagged.reference,
    });

    // Linked first and flagged afterwards: it leaves the page, and saving the form again does not drop it.
    const later = await feedback("Fine at first.");
    const created = await createActivity(db(), { input: input(later.reference), by: officer, now: NOW });
    if (!created.ok) throw new Error("not created");
    await flagFeedbackByHand(db(), { feedbackItemId: later.id, reason: "Read again: a worry.", by: { userId: officer.userId }, now: NOW });
    expect(await linkedFeedback(db(), created.id, officer)).toEqual({ items: [], others: 1 });
    await updateActivity(db(), { id: created.id, input: input(""), by: officer, now: NOW });
    expect(
      await db().selectFrom("coproduction_activity_feedback").select("feedback_item_id").where("activity_id", "=", created.id).execute(),
    ).toEqual([{ feedback_item_id: later.id }]);
  });

  it("lets a group member link only their own groups' feedback", async () => {
    const ours = await feedback("For engagement.", { group: groups.engagement });
    const theirs = await feedback("For someone else.", { group: groups["commissioning-and-access-to-provision"] });
    const refused = await createActivity(db(), { input: input(`${ours.reference} ${theirs.reference}`), by: member, now: NOW });
    expect(!refused.ok && refused.reason === "refused" && errorParts(refused.errors.feedback!).names).toBe(theirs.reference);
    const created = await createActivity(db(), { input: input(ours.reference), by: member, now: NOW });
    if (!created.ok) throw new Error("not created");
    // Someone in no group (the forum's reviewer) learns only how many there are.
    expect(await linkedFeedback(db(), created.id, { role: "pcf_reviewer", workingGroupIds: [] })).toEqual({ items: [], others: 1 });
  });

  it("keeps the link when a person's words are erased, and drops it when an item is deleted", async () => {
    const item = await feedback("Please call me about evening meetings.", { email: "parent@links.test" });
    const created = await createActivity(db(), { input: input(item.reference), by: officer, now: NOW });
    if (!created.ok) throw new Error("not created");
    await erasePersonData(db(), { query: { kind: "email", email: "parent@links.test" }, by: { userId: officer.userId }, now: NOW });
    const after = await linkedFeedback(db(), created.id, officer);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ reference: item.reference, summary: null });
    expect(after.items[0]!.anonymisedAt).not.toBeNull();

    await db().deleteFrom("feedback_event").where("feedback_item_id", "=", item.id).execute();
    await db().deleteFrom("feedback_item").where("id", "=", item.id).execute();
    expect(await linkedFeedback(db(), created.id, officer)).toEqual({ items: [], others: 0 });
  });

  it("shows the public only a count, 'fewer than' below the threshold, never references or words", async () => {
    const items = await Promise.all(["One.", "Two.", "Three.", "Four.", "Five."].map((w) => feedback(`Evening meetings please. ${w}`)));
    const few = await createActivity(db(), {
      input: input(
        items
          .slice(0, 2)
          .map((i) => i.reference)
          .join(","),
        { title: "Few links" },
      ),
      by: officer,
      now: NOW,
    });
    const many = await createActivity(db(), {
      input: input(items.map((i) => i.reference).join(","), { title: "Many links" }),
      by: officer,
      now: NOW,
    });
    if (!few.ok || !many.ok) throw new Error("not created");
    await publishActivity(db(), { id: few.id, by: officer, now: NOW });
    await publishActivity(db(), { id: many.id, by: officer, now: NOW });
    expect(await feedbackCounts(db(), [few.id, many.id])).toEqual(
      new Map([
        [few.id, 2],
        [many.id, 5],
      ]),
    );
    const { entries, threshold } = await getPublicSummary(db());
    expect(entries.find((e) => e.id === few.id)!.feedback).toEqual({ kind: "fewer", threshold });
    expect(entries.find((e) => e.id === many.id)!.feedback).toEqual(
      threshold <= 5 ? { kind: "count", count: 5 } : { kind: "fewer", threshold },
    );
    const text = JSON.stringify(entries);
    for (const i of items) expect(text).not.toContain(i.reference);
    expect(text).not.toContain("Evening meetings please");
  });
});
