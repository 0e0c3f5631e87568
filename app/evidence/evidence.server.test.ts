import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { seedReferenceData } from "../../db/seed/index";
import { describeDb } from "../../tests/setup/database";
import { cellText, type Cell } from "../analysis/suppression";
import { getEvidencePack, getRawPack } from "./evidence.server";

const PERIOD = { from: "2026-04-01", to: "2026-09-30" };
const text = (cell: Cell | null) => (cell ? cellText(cell, "fewer than 5") : null);

describeDb("the evidence pack's queries", ({ db }) => {
  const ids = { h1: 0, h2: 0, i1: 0 };
  const feedback = async (
    created: string,
    { areas = [] as number[], task = null as number | null, status = "closed", themes = [] as string[], flagged = false } = {},
  ) => {
    const item = await db()
      .insertInto("feedback_item")
      .values({
        reference: `FB-${Math.random().toString(36).slice(2, 6)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase(),
        source: "general",
        status,
        themes,
        created_at: created,
        updated_at: created,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const number of areas) {
      const concern = await db().selectFrom("area_of_concern").select("id").where("number", "=", number).executeTakeFirstOrThrow();
      await db().insertInto("feedback_item_concern").values({ feedback_item_id: item.id, area_of_concern_id: concern.id }).execute();
    }
    if (task) await db().insertInto("feedback_item_task").values({ feedback_item_id: item.id, task_id: task }).execute();
    if (flagged) {
      await db()
        .insertInto("safeguarding_flag")
        .values({
          source: "page_feedback",
          feedback_item_id: item.id,
          matched: JSON.stringify(["hurt"]),
          raised_by: "auto",
          updated_at: created,
        })
        .execute();
    }
    return item.id;
  };
  const activity = async (
    title: string,
    heldOn: string,
    { status = "published" as "draft" | "published" | "closed", actions = [] as number[], tasks = [] as number[] } = {},
  ) => {
    const row = await db()
      .insertInto("coproduction_activity")
      .values({
        title,
        held_on: heldOn,
        type: "workshop",
        families_joined_stage: "start",
        level: "co_production",
        participants: JSON.stringify({
          parent_carer: 9,
          young_person: { under_11: 0, "11_15": 0, "16_18": 0, "19_25": 0 },
          practitioner: 2,
          other: 0,
        }),
        what_changed: `What changed after ${title}`,
        status,
        ...(status === "closed" ? { told_outcome_on: heldOn, told_outcome_how: "By letter" } : {}),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const action_id of actions)
      await db().insertInto("coproduction_activity_action").values({ activity_id: row.id, action_id }).execute();
    for (const task_id of tasks) await db().insertInto("coproduction_activity_task").values({ activity_id: row.id, task_id }).execute();
  };
  const entry = async (youSaid: string, publishedAt: string | null, feedbackItemId: string | null) =>
    db()
      .insertInto("you_said_we_did")
      .values({
        year: 2026,
        theme: "development",
        you_said: youSaid,
        we_did: "We changed it",
        feedback_item_id: feedbackItemId,
        published_at: publishedAt,
        updated_at: "2026-01-01T00:00:00Z",
      })
      .execute();

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    const task = async (code: string) => (await db().selectFrom("task").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    ids.h1 = await task("H1");
    ids.h2 = await task("H2");
    ids.i1 = await task("I1");
    const actionH = (await db().selectFrom("action").select("id").where("letter", "=", "H").executeTakeFirstOrThrow()).id;

    // Progress: two in the period (on its first and last day), one before, one after.
    for (const [task_id, at, outcome] of [
      [ids.h1, "2026-04-01", "Forum meetings now in the evening"],
      [ids.h2, "2026-09-30", "Newsletter goes to every family"],
      [ids.h1, "2026-03-31", "Too early"],
      [ids.h2, "2026-10-01", "Too late"],
    ] as const) {
      await db().insertInto("task_update").values({ task_id, at, rag: "green", outcome, evidence_url: "https://example.org/e" }).execute();
    }

    // Co-production: linked to action H, to task H2, a draft, one out of the period, one for area 12.
    await activity("Forum evening session", "2026-05-10", { actions: [actionH] });
    await activity("Newsletter workshop", "2026-06-10", { status: "closed", tasks: [ids.h2] });
    await activity("Draft session", "2026-06-11", { status: "draft", actions: [actionH] });
    await activity("Old session", "2026-01-10", { actions: [actionH] });
    await activity("Local offer review", "2026-07-01", { tasks: [ids.i1] });

    // Feedback: 6 for area 4 in the period (5 direct, one through task H1), one flagged, one outside, one for 12, two unlinked.
    // 30 September, 23:30 UTC is already 1 October in London: the UK day counts, not the server's.
    for (let i = 0; i < 5; i++) await feedback("2026-06-01T10:00:00Z", { areas: [4], themes: ["communication"] });
    await feedback("2026-09-30T22:30:00Z", { task: ids.h1, status: "received", themes: ["meetings"] });
    const flagged = await feedback("2026-06-02T10:00:00Z", { areas: [4], status: "received", themes: ["safety"], flagged: true });
    await feedback("2026-09-30T23:30:00Z", { areas: [4], themes: ["too late"] });
    await feedback("2026-03-31T22:59:00Z", { areas: [4], themes: ["too early"] });
    const localOffer = await feedback("2026-07-01T10:00:00Z", { areas: [12], themes: ["wrong information"] });
    await feedback("2026-07-01T10:00:00Z");
    await feedback("2026-07-02T10:00:00Z");

    const fromArea4 = (await db().selectFrom("feedback_item_concern").select("feedback_item_id").limit(1).executeTakeFirstOrThrow())
      .feedback_item_id;
    await entry("Meetings were at times parents could not come", "2026-06-15T09:00:00Z", fromArea4);
    await entry("Flagged words", "2026-06-15T09:00:00Z", flagged);
    await entry("The local offer had a wrong number", "2026-07-15T09:00:00Z", localOffer);
    await entry("Young people wanted their own pages", "2026-08-01T09:00:00Z", null);
    await entry("Published before the period", "2026-03-01T09:00:00Z", fromArea4);
    await entry("A draft", null, fromArea4);
  });

  it("gives each area its actions and tasks with their RAG, in the areas' order", async () => {
    const pack = await getEvidencePack(db(), { ...PERIOD, area: null });
    expect(pack.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const four = pack.areas[3]!;
    expect(four.actions.map((a) => a.letter)).toEqual(["H"]);
    expect(four.actions[0]!.tasks.map((t) => t.code)).toEqual(["H1", "H2", "H3", "H4", "H5"]);
    expect(four.ragCounts.reduce((n, r) => n + r.count, 0)).toBe(5);
  });

  it("lists only the progress updates dated in the period, first day and last day included", async () => {
    const four = (await getEvidencePack(db(), { ...PERIOD, area: 4 })).areas[0]!;
    expect(four.updates.map((u) => [u.taskCode, u.at, u.outcome])).toEqual([
      ["H1", "2026-04-01", "Forum meetings now in the evening"],
      ["H2", "2026-09-30", "Newsletter goes to every family"],
    ]);
  });

  it("lists co-production held in the period and linked to the area's actions or their tasks, never a draft", async () => {
    const pack = await getEvidencePack(db(), { ...PERIOD, area: null });
    expect(pack.areas[3]!.activities.map((a) => a.title)).toEqual(["Forum evening session", "Newsletter workshop"]);
    expect(pack.areas[3]!.activities[1]).toMatchObject({
      toldOn: "2026-06-10",
      toldHow: "By letter",
      level: "co_production",
      levelConfirmed: false,
    });
    expect(pack.areas[11]!.activities.map((a) => a.title)).toEqual(["Local offer review"]);
    expect(pack.summary.activities).toBe(3);
  });

  it("counts feedback linked to the area (directly or through a task) received in the UK days of the period, never a flagged item", async () => {
    const raw = await getRawPack(db(), { ...PERIOD, area: null });
    const four = raw.areas[3]!;
    expect(four.feedback).toHaveLength(6);
    expect(four.feedback.flatMap((f) => f.themes)).not.toContain("safety");
    expect(four.feedback.flatMap((f) => f.themes)).not.toContain("too late");
    expect(four.feedback.flatMap((f) => f.themes)).not.toContain("too early");
    // 6 linked to area 4, 1 to area 12, 2 to none: the flagged one is in no count at all.
    expect(raw.feedbackInPeriod).toBe(9);

    const pack = await getEvidencePack(db(), { ...PERIOD, area: null });
    const volumes = pack.areas[3]!.feedback;
    expect(text(volumes.total)).toBe("6");
    expect(volumes.byStatus.map((r) => [r.key, text(r.cell)])).toEqual([
      ["received", "fewer than 5"],
      ["with_group", "0"],
      ["responded", "0"],
      ["closed", "fewer than 5"],
      ["signposted", "0"],
    ]);
    expect(volumes.byTheme.map((r) => [r.key, text(r.cell)])).toEqual([
      ["communication", "5"],
      ["meetings", "fewer than 5"],
    ]);
    expect(text(pack.areas[11]!.feedback.total)).toBe("fewer than 5");
    expect([text(pack.summary.feedbackLinked), text(pack.summary.feedbackUnlinked), text(pack.summary.feedbackAll)]).toEqual([
      "fewer than 5",
      "fewer than 5",
      "9",
    ]);
  });

  it("counts feedback linked through an action of the area too, once however many ways it is linked, never a flagged item", async () => {
    // A month of its own, so the counts above are not disturbed.
    const actionH = (await db().selectFrom("action").select("id").where("letter", "=", "H").executeTakeFirstOrThrow()).id;
    const linkAction = (itemId: string) => db().insertInto("feedback_item_action").values({ feedback_item_id: itemId, action_id: actionH }).execute();
    await linkAction(await feedback("2025-05-10T10:00:00Z", { themes: ["by action"] }));
    await linkAction(await feedback("2025-05-11T10:00:00Z", { areas: [4], task: ids.h1, themes: ["three ways"] }));
    await linkAction(await feedback("2025-05-12T10:00:00Z", { themes: ["flagged"], flagged: true }));
    const raw = await getRawPack(db(), { from: "2025-05-01", to: "2025-05-31", area: null });
    expect(raw.areas[3]!.feedback.map((f) => f.themes).sort()).toEqual([["by action"], ["three ways"]]);
    expect(raw.areas.filter((a) => a.number !== 4).every((a) => a.feedback.length === 0)).toBe(true);
    expect(raw.feedbackInPeriod).toBe(2);
  });

  it("lists 'You said, we did' published in the period by the area its feedback is linked to, never from flagged feedback", async () => {
    const pack = await getEvidencePack(db(), { ...PERIOD, area: null });
    expect(pack.areas[3]!.entries.map((e) => e.youSaid)).toEqual(["Meetings were at times parents could not come"]);
    expect(pack.areas[11]!.entries.map((e) => e.youSaid)).toEqual(["The local offer had a wrong number"]);
    expect(pack.otherEntries.map((e) => e.youSaid)).toEqual(["Young people wanted their own pages"]);
    expect(pack.summary.entries).toBe(3);
    const one = await getEvidencePack(db(), { ...PERIOD, area: 12 });
    expect(one.areas.map((a) => a.number)).toEqual([12]);
    expect(one.otherEntries).toEqual([]);
    expect(one.summary.entries).toBe(1);
  });
});
