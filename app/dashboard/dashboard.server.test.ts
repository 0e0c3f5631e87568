import { randomUUID } from "node:crypto";
import { markFeedbackSeen } from "../feedback/news.server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import { seedReferenceData } from "../../db/seed";
import type { CoproductionLevel, Database, Rag, Role } from "../../db/schema";
import { cellText } from "../analysis/suppression";
import { newReference } from "../feedback/reference";
import { loadHolidays } from "../revisits/revisits.server";
import { addWorkingDays } from "../revisits/timeline";
import { starterDefinition } from "../surveys/lifecycle";
import { createSurvey } from "../surveys/surveys.server";
import { ukToday } from "../surveys/uk-time";
import { describeDb } from "../../tests/setup/database";
import { getCoProductionFigures, getDashboard, getFeedbackFigures, getPlanFigures, getSurveyFigures } from "./dashboard.server";

/** Wednesday 2 December 2026, noon: the last 30 days start on 3 November, the year on 1 January, 12 months on 2 December 2025. */
const NOW = new Date("2026-12-02T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const fewer = (cell: Parameters<typeof cellText>[0]) => cellText(cell, "fewer than 5");

let slugCounter = 0;
async function group(db: Kysely<Database>, name: string): Promise<number> {
  slugCounter += 1;
  const row = await db
    .insertInto("working_group")
    .values({ slug: `dash-${slugCounter}`, number: 100 + slugCounter, name })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describeDb("the dashboard's feedback figures", ({ db }) => {
  let g1: number;
  let g2: number;
  const officer = () => ({ id: randomUUID(), role: "officer", workingGroupIds: [] as number[] });
  const member = (...ids: number[]) => ({ id: randomUUID(), role: "group_member", workingGroupIds: ids });

  /** An item as /feedback stores it: its target 20 working days after the UK day it arrived. */
  async function item(
    at: Date,
    { status = "received", groupId = null, target, source = "general" }: { status?: string; groupId?: number | null; target?: string; source?: string } = {},
  ) {
    const holidays = await loadHolidays(db());
    const row = await db()
      .insertInto("feedback_item")
      .values({
        reference: newReference(),
        source,
        body: "Dashboard test feedback",
        status,
        working_group_id: groupId,
        target_date: target ?? addWorkingDays(ukToday(at), 20, holidays),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function respond(itemId: string, approvedAt: Date | null) {
    await db()
      .insertInto("feedback_response")
      .values({ feedback_item_id: itemId, outcome: "done", plain: "We did it.", written_at: approvedAt ?? NOW, approved_at: approvedAt })
      .execute();
  }

  beforeAll(async () => {
    await seedReferenceData(db());
    g1 = await group(db(), "Engagement (test)");
    g2 = await group(db(), "Strategy (test)");
    // Open items in the first group: two new, one with the group, two overdue, one answered.
    await item(daysAgo(2), { groupId: g1 });
    await item(daysAgo(5), { groupId: g1 });
    await item(daysAgo(10), { status: "with_group", groupId: g1 });
    await item(daysAgo(25), { status: "with_group", groupId: g1, target: "2026-11-30" });
    await item(daysAgo(28), { groupId: g1, target: "2026-12-01" });
    // Received Thursday 12 November, approved Thursday 19 November: 5 working days. Past its date, but answered: not overdue.
    const f = await item(new Date("2026-11-12T10:00:00Z"), { status: "responded", groupId: g1, target: "2026-11-20" });
    await respond(f, new Date("2026-11-19T15:00:00Z"));
    // Closed: received Friday 23 October, approved Friday 6 November: 10 working days.
    const g = await item(new Date("2026-10-23T09:00:00Z"), { status: "closed", groupId: g1 });
    await respond(g, new Date("2026-11-06T09:00:00Z"));
    // 00:10 on 1 January (GMT): this year. Approved Thursday 5 February: 25 working days, later than its target.
    const h = await item(new Date("2026-01-01T00:10:00Z"), { status: "closed", groupId: g1 });
    await respond(h, new Date("2026-02-05T12:00:00Z"));
    // 23:30 on 31 December: last year, but within 12 months. Approved 20 January: 13 working days (1 January skipped).
    const i = await item(new Date("2025-12-31T23:30:00Z"), { status: "closed", groupId: g1 });
    await respond(i, new Date("2026-01-20T12:00:00Z"));
    // Saturday 3 October, approved Friday 9 October: 5 working days.
    const l = await item(new Date("2026-10-03T12:00:00Z"), { status: "closed", groupId: g1 });
    await respond(l, new Date("2026-10-09T12:00:00Z"));
    // Monday 24 August, approved Tuesday 1 September: 5 working days, the summer bank holiday (31 August) skipped.
    const m = await item(new Date("2026-08-24T12:00:00Z"), { status: "closed", groupId: g1 });
    await respond(m, new Date("2026-09-01T12:00:00Z"));
    // Approved before the last 12 months: not a response time now.
    const old = await item(new Date("2025-10-01T12:00:00Z"), { status: "closed", groupId: g1 });
    await respond(old, new Date("2025-11-20T12:00:00Z"));
    // The second group: one overdue item whose response is written but not approved.
    const j = await item(daysAgo(10), { status: "with_group", groupId: g2, target: "2026-11-25" });
    await respond(j, null);
    // Not yet given to a group: officers see it, group members do not.
    await item(daysAgo(3));
    // Page feedback about the local offer is not feedback sent at /feedback.
    await item(daysAgo(1), { source: "page_problem", groupId: g1, target: "2026-11-01" });
  });

  it("counts the items new to this officer, and none once they have opened them", async () => {
    const { id } = await db()
      .insertInto("app_user")
      .values({ email: `new-${randomUUID()}@example.test`, name: "New Officer", role: "officer" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const viewer = { id, role: "officer", workingGroupIds: [] as number[] };
    const before = await getFeedbackFigures(db(), { viewer, now: NOW, threshold: 5 });
    expect(before.newToYou).toBeGreaterThan(0);
    const waiting = await db().selectFrom("feedback_item").select("id").where("source", "=", "general").where("working_group_id", "is", null).execute();
    for (const item of waiting) await markFeedbackSeen(db(), { userId: id, itemId: item.id, now: NOW });
    expect((await getFeedbackFigures(db(), { viewer, now: NOW, threshold: 5 })).newToYou).toBe(0);
  });

  it("counts what arrived in the last 30 days and this year, in UK days, for officers", async () => {
    const figures = await getFeedbackFigures(db(), { viewer: officer(), now: NOW, threshold: 5 });
    expect(figures.onlyGroups).toBeNull();
    expect(fewer(figures.receivedLast30Days)).toBe("8");
    // The 8, and those from 23 October, 3 October, 24 August and 1 January; not 31 December or 1 October 2025.
    expect(fewer(figures.receivedThisYear)).toBe("12");
  });

  it("counts open items by status and the overdue ones exactly as the inbox does", async () => {
    const figures = await getFeedbackFigures(db(), { viewer: officer(), now: NOW, threshold: 5 });
    expect(figures.open).toEqual([
      { step: "received", count: 4 },
      { step: "with_group", count: 3 },
      { step: "responded", count: 1 },
    ]);
    expect(figures.openTotal).toBe(8);
    expect(figures.overdue).toBe(3);
  });

  it("gives working days from arrival to an approved response over the last 12 months: median, 90th percentile, within the target", async () => {
    const { responseTimes } = await getFeedbackFigures(db(), { viewer: officer(), now: NOW, threshold: 5 });
    // 5, 5, 5, 10, 13, 25.
    expect(fewer(responseTimes.responses)).toBe("6");
    expect(responseTimes.median).toBe(7.5);
    expect(responseTimes.p90).toBe(25);
    // One late: "fewer than 5", and the on-time count with it, or 6 − 5 would give it away.
    expect(responseTimes.late).toEqual({ shown: false, reason: "small" });
    expect(responseTimes.withinTarget).toEqual({ shown: false, reason: "secondary" });
  });

  it("gives a group member their own groups' figures only", async () => {
    const first = await getFeedbackFigures(db(), { viewer: member(g1), now: NOW, threshold: 5 });
    expect(first.onlyGroups).toEqual([{ name: "Engagement (test)", slug: expect.stringMatching(/^dash-/) }]);
    expect(fewer(first.receivedLast30Days)).toBe("6");
    expect(fewer(first.receivedThisYear)).toBe("10");
    expect(first.open).toEqual([
      { step: "received", count: 3 },
      { step: "with_group", count: 2 },
      { step: "responded", count: 1 },
    ]);
    expect(first.overdue).toBe(2);
    expect(fewer(first.responseTimes.responses)).toBe("6");

    const second = await getFeedbackFigures(db(), { viewer: member(g2), now: NOW, threshold: 5 });
    expect(second.onlyGroups?.map((g) => g.name)).toEqual(["Strategy (test)"]);
    expect(second.open.map((o) => o.count)).toEqual([0, 1, 0]);
    expect(second.overdue).toBe(1);
    // A written response that no lead has approved is not an answer yet.
    expect(fewer(second.responseTimes.responses)).toBe("0");
    expect(second.responseTimes.median).toBeNull();
  });

  it("reads small counts of families as 'fewer than 5', and gives no times for fewer than 5 responses", async () => {
    const second = await getFeedbackFigures(db(), { viewer: member(g2), now: NOW, threshold: 5 });
    expect(fewer(second.receivedLast30Days)).toBe("fewer than 5");
    expect(fewer(second.receivedThisYear)).toBe("fewer than 5");
    const strict = await getFeedbackFigures(db(), { viewer: member(g1), now: NOW, threshold: 7 });
    expect(fewer(strict.receivedLast30Days)).toBe("fewer than 5");
    expect(strict.responseTimes).toMatchObject({ responses: { shown: false }, median: null, p90: null });
    // The work queue is what the inbox lists to the same person: never hidden.
    expect(strict.overdue).toBe(2);
  });

  it("gives a group member in no group nothing to count", async () => {
    const none = await getFeedbackFigures(db(), { viewer: member(), now: NOW, threshold: 5 });
    expect(none.onlyGroups).toEqual([]);
    expect([fewer(none.receivedLast30Days), fewer(none.receivedThisYear), none.openTotal, none.overdue, fewer(none.responseTimes.responses)]).toEqual([
      "0",
      "0",
      0,
      0,
      "0",
    ]);
  });

  it("leaves items flagged for safeguarding out of every figure, whatever the flag's status", async () => {
    const before = {
      officer: await getFeedbackFigures(db(), { viewer: officer(), now: NOW, threshold: 5 }),
      member: await getFeedbackFigures(db(), { viewer: member(g1), now: NOW, threshold: 5 }),
    };
    // Recent, open, overdue and answered: it would change every figure if it were counted.
    const flagged = await item(daysAgo(1), { groupId: g1, target: "2026-11-01" });
    const answered = await item(daysAgo(20), { status: "responded", groupId: g1 });
    await respond(answered, daysAgo(15));
    for (const [id, status] of [
      [flagged, "open"],
      [answered, "closed"],
    ] as const)
      await db()
        .insertInto("safeguarding_flag")
        .values({ source: "page_feedback", feedback_item_id: id, matched: JSON.stringify(["test"]), raised_by: "auto", status, updated_at: NOW })
        .execute();
    expect(await getFeedbackFigures(db(), { viewer: officer(), now: NOW, threshold: 5 })).toEqual(before.officer);
    expect(await getFeedbackFigures(db(), { viewer: member(g1), now: NOW, threshold: 5 })).toEqual(before.member);
  });
});

describeDb("the dashboard's survey figures", ({ db }) => {
  let counter = 0;
  async function survey(title: string, window: { status: "draft" | "scheduled" | "archived"; opensAt: string | null; closesAt: string | null }) {
    counter += 1;
    return createSurvey(db(), {
      slug: `dash-survey-${counter}`,
      audience: "parent_carer",
      series: `dash-${counter}`,
      wave: "2026",
      status: window.status,
      opensAt: window.opensAt ? new Date(window.opensAt) : null,
      closesAt: window.closesAt ? new Date(window.closesAt) : null,
      definition: starterDefinition(title),
    });
  }
  let reference = 0;
  async function responses(ids: { id: string; versionId: string }, submitted: number, drafts: number) {
    const rows = [...Array(submitted).fill("submitted"), ...Array(drafts).fill("draft")].map((status: "submitted" | "draft") => ({
      survey_id: ids.id,
      version_id: ids.versionId,
      status,
      started_at: daysAgo(3),
      updated_at: daysAgo(3),
      submitted_at: status === "submitted" ? daysAgo(2) : null,
      reference: status === "submitted" ? `DASH-${++reference}` : null,
    }));
    if (rows.length) await db().insertInto("survey_response").values(rows).execute();
  }

  beforeAll(async () => {
    await responses(await survey("Open, closing soon", { status: "scheduled", opensAt: "2026-11-01T12:00:00Z", closesAt: "2026-12-10T12:00:00Z" }), 7, 2);
    await responses(await survey("Open, closing later", { status: "scheduled", opensAt: "2026-11-20T12:00:00Z", closesAt: "2027-01-31T12:00:00Z" }), 0, 0);
    await responses(await survey("Closed in the spring", { status: "scheduled", opensAt: "2026-03-01T12:00:00Z", closesAt: "2026-04-01T11:00:00Z" }), 3, 0);
    // Closed at noon on 2 December 2025: the first instant of the 12 months is midnight that day, so it is in.
    await responses(await survey("Closed a year ago today", { status: "scheduled", opensAt: "2025-11-01T12:00:00Z", closesAt: "2025-12-02T12:00:00Z" }), 40, 6);
    await responses(await survey("Closed over a year ago", { status: "scheduled", opensAt: "2025-10-01T11:00:00Z", closesAt: "2025-12-01T12:00:00Z" }), 50, 1);
    await survey("Archived after it closed", { status: "archived", opensAt: "2026-06-01T11:00:00Z", closesAt: "2026-07-01T11:00:00Z" });
    await survey("Scheduled for next year", { status: "scheduled", opensAt: "2027-01-10T12:00:00Z", closesAt: "2027-02-10T12:00:00Z" });
    await survey("A draft", { status: "draft", opensAt: null, closesAt: null });
  });

  it("lists each open wave and each closed in the last 12 months with submitted and started counts, small ones suppressed", async () => {
    const rows = await getSurveyFigures(db(), { now: NOW, language: "en-GB", threshold: 5 });
    expect(rows.map((r) => [r.title, r.state, fewer(r.submitted), fewer(r.started)])).toEqual([
      ["Open, closing soon", "open", "7", "fewer than 5"],
      ["Open, closing later", "open", "0", "0"],
      ["Closed in the spring", "closed", "fewer than 5", "0"],
      ["Closed a year ago today", "closed", "40", "6"],
    ]);
    expect(rows.every((r) => r.href === `/admin/analysis/${r.id}`)).toBe(true);
  });
});

describeDb("the dashboard's co-production figures", ({ db }) => {
  async function activity(
    heldOn: string,
    level: CoproductionLevel,
    groupId: number | null,
    { confirmed = false, told = false, status = "published" as "draft" | "published" | "closed" } = {},
  ) {
    await db()
      .insertInto("coproduction_activity")
      .values({
        title: `Activity on ${heldOn}`,
        held_on: heldOn,
        working_group_id: groupId,
        type: "workshop",
        families_joined_stage: "start",
        level,
        participants: JSON.stringify({ parent_carer: 3, young_person: { under_11: 0, "11_15": 0, "16_18": 0, "19_25": 0 }, practitioner: 1, other: 0 }),
        status,
        level_confirmed_at: confirmed ? daysAgo(1) : null,
        ...(told ? { told_outcome_on: heldOn, told_outcome_how: "By letter" } : {}),
      })
      .execute();
  }

  it("counts the last 12 months' activities by group and level, and what is waiting whenever it was held", async () => {
    const g1 = await group(db(), "Engagement (test)");
    const g2 = await group(db(), "Strategy (test)");
    await activity("2026-08-24", "co_production", g1, { confirmed: true, told: true, status: "closed" });
    await activity("2026-11-02", "consultation", g1);
    await activity("2026-11-22", "information", g2, { status: "draft" });
    await activity("2026-11-27", "participation", null, { confirmed: true, told: true });
    // On the first day of the 12 months, and the day before it.
    await activity("2025-12-02", "participation", g2, { confirmed: true, told: true, status: "closed" });
    await activity("2025-12-01", "co_production", g1);
    // Planned: not held yet, so not in the table, and nobody can have been told.
    await activity("2026-12-07", "consultation", g2);

    const figures = await getCoProductionFigures(db(), { now: NOW });
    expect(figures.table.rows.map((r) => [r.name, r.byLevel, r.total])).toEqual([
      ["Engagement (test)", { information: 0, consultation: 1, participation: 0, co_production: 1 }, 2],
      ["Strategy (test)", { information: 1, consultation: 0, participation: 1, co_production: 0 }, 2],
      [null, { information: 0, consultation: 0, participation: 1, co_production: 0 }, 1],
    ]);
    expect(figures.table.total).toEqual({ byLevel: { information: 1, consultation: 1, participation: 2, co_production: 1 }, total: 5 });
    // 2 November, 22 November, 1 December 2025 and the planned one.
    expect(figures.awaitingConfirmation).toBe(4);
    // 2 November, 22 November and 1 December 2025.
    expect(figures.awaitingOutcome).toBe(3);
  });
});

describeDb("the dashboard's improvement plan figures", ({ db }) => {
  it("counts tasks by RAG for each group, and each task once for the whole plan", async () => {
    const g1 = await group(db(), "First (test)");
    const g2 = await group(db(), "Second (test)");
    const action = async (letter: string, groups: number[], rags: Rag[]) => {
      const { id } = await db().insertInto("action").values({ letter, title: `Action ${letter}` }).returning("id").executeTakeFirstOrThrow();
      for (const working_group_id of groups) await db().insertInto("action_working_group").values({ action_id: id, working_group_id }).execute();
      for (const [i, rag] of rags.entries()) await db().insertInto("task").values({ action_id: id, code: `${letter}${i + 1}`, description: "A task", rag }).execute();
    };
    await action("A", [g1], ["red", "green"]);
    // Shared by both groups: its tasks count under each.
    await action("B", [g1, g2], ["amber", "blue"]);
    await action("C", [g2], ["not_started", "green"]);

    const plan = await getPlanFigures(db());
    const ours = plan.groups.filter((g) => g.name.endsWith("(test)"));
    expect(ours.map((g) => [g.name, g.byRag, g.total])).toEqual([
      ["First (test)", { red: 1, amber: 1, green: 1, blue: 1, not_started: 0 }, 4],
      ["Second (test)", { red: 0, amber: 1, green: 1, blue: 1, not_started: 1 }, 4],
    ]);
    expect(plan.all).toEqual({ byRag: { red: 1, amber: 1, green: 2, blue: 1, not_started: 1 }, total: 6 });
  });
});

describeDb("the dashboard for each role", ({ db }) => {
  beforeAll(async () => {
    await seedReferenceData(db());
  });
  const parts = async (role: Role, workingGroupIds: number[] = []) => {
    const dashboard = await getDashboard(db(), { user: { id: randomUUID(), role, workingGroupIds }, now: NOW, language: "en-GB" });
    return {
      surveys: dashboard.surveys !== null,
      feedback: dashboard.feedback !== null,
      coProduction: dashboard.coProduction !== null,
      plan: dashboard.plan !== null,
    };
  };

  it("shows each part only to roles allowed to see what it counts; the plan, which is public, to everyone", async () => {
    expect(await parts("admin")).toEqual({ surveys: true, feedback: true, coProduction: true, plan: true });
    expect(await parts("officer")).toEqual({ surveys: true, feedback: true, coProduction: true, plan: true });
    expect(await parts("group_member")).toEqual({ surveys: false, feedback: true, coProduction: true, plan: true });
    expect(await parts("pcf_reviewer")).toEqual({ surveys: false, feedback: false, coProduction: true, plan: true });
    expect(await parts("provider")).toEqual({ surveys: false, feedback: false, coProduction: false, plan: true });
    expect(await parts("safeguarding_lead")).toEqual({ surveys: false, feedback: false, coProduction: false, plan: true });
  });

  it("uses the suppression threshold in force and counts from the clock it is given", async () => {
    await db().insertInto("app_setting").values({ key: "suppression_threshold", value: "10" }).execute();
    const dashboard = await getDashboard(db(), { user: { id: randomUUID(), role: "officer", workingGroupIds: [] }, now: NOW, language: "en-GB" });
    expect(dashboard.threshold).toBe(10);
    expect(dashboard.windows).toEqual({ today: "2026-12-02", last30From: "2026-11-03", yearFrom: "2026-01-01", twelveMonthsFrom: "2025-12-02" });
  });
});

describe("the dates the feedback test relies on", () => {
  it("puts the test's clock on a Wednesday in UK winter", () => {
    expect(NOW.getUTCDay()).toBe(3);
    expect(ukToday(NOW)).toBe("2026-12-02");
  });
});
