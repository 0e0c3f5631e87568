import { describe, expect, it } from "vitest";
import { levels } from "../co-production/rules";
import {
  coProductionTable,
  median,
  percentile,
  ragRecord,
  summariseResponseTimes,
  surveyFiguresPath,
  surveyRows,
  ukMidnight,
  windowsAt,
  type SurveyForDashboard,
} from "./dashboard";

describe("the dashboard's windows", () => {
  it("counts in UK days: the last 30 days with today, this year from 1 January, 12 months from the same day last year", () => {
    expect(windowsAt(new Date("2026-12-06T19:55:00Z"))).toEqual({
      today: "2026-12-06",
      last30From: "2026-11-07",
      yearFrom: "2026-01-01",
      twelveMonthsFrom: "2025-12-06",
    });
  });

  it("is already tomorrow in the UK at 23:30 UTC in summer, and a new year at 00:30 on 1 January", () => {
    expect(windowsAt(new Date("2026-06-30T23:30:00Z")).today).toBe("2026-07-01");
    expect(windowsAt(new Date("2027-01-01T00:30:00Z"))).toMatchObject({ today: "2027-01-01", yearFrom: "2027-01-01", last30From: "2026-12-03" });
  });

  it("takes 28 February a year after 29 February", () => {
    expect(windowsAt(new Date("2028-02-29T12:00:00Z")).twelveMonthsFrom).toBe("2027-02-28");
  });

  it("starts a day at UK midnight: 23:00 UTC the evening before in summer, midnight UTC in winter", () => {
    expect(ukMidnight("2026-07-01").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(ukMidnight("2026-12-01").toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("median and percentile", () => {
  it("gives the middle value, or halfway between the two middle ones", () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 10, 7])).toBe(5.5);
    expect(median([3])).toBe(3);
    expect(median([])).toBeNull();
  });

  it("gives the 90th percentile by nearest rank: a wait that happened, that 9 in 10 were no longer than", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 90)).toBe(10);
    expect(percentile([7, 11, 14, 19, 24], 90)).toBe(24);
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5, 1], 50)).toBe(1);
    expect(percentile([5, 1], 100)).toBe(5);
  });

  it("refuses a percentile outside 0 to 100", () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("response times", () => {
  const times = (...days: number[]) => days.map((d) => ({ workingDays: d, withinTarget: d <= 20 }));

  it("gives the median and 90th percentile once there are at least threshold responses", () => {
    const summary = summariseResponseTimes(times(30, 2, 4, 6, 8, 10, 21, 22, 25, 28), 5);
    expect(summary).toEqual({
      responses: { shown: true, count: 10, percent: null },
      median: 15.5,
      p90: 28,
      withinTarget: { shown: true, count: 5, percent: 50 },
      late: { shown: true, count: 5, percent: 50 },
    });
  });

  it("hides the late count and, so it cannot be worked out, the on-time one when only one is small", () => {
    const summary = summariseResponseTimes(times(3, 5, 7, 9, 11, 25), 5);
    expect(summary.withinTarget).toEqual({ shown: false, reason: "secondary" });
    expect(summary.late).toEqual({ shown: false, reason: "small" });
    expect(summary.responses).toEqual({ shown: true, count: 6, percent: null });
    expect(summary.median).toBe(8);
  });

  it("gives no times for fewer responses than the threshold: a median of two is one family's wait", () => {
    const summary = summariseResponseTimes(times(3, 30), 5);
    expect(summary).toMatchObject({ responses: { shown: false, reason: "small" }, median: null, p90: null });
    expect(summary.withinTarget.shown).toBe(false);
  });

  it("says nothing was answered when nothing was", () => {
    expect(summariseResponseTimes([], 5)).toEqual({
      responses: { shown: true, count: 0, percent: null },
      median: null,
      p90: null,
      withinTarget: { shown: true, count: 0, percent: null },
      late: { shown: true, count: 0, percent: null },
    });
  });
});

describe("survey rows", () => {
  const at = (iso: string) => new Date(iso);
  const survey = (id: string, state: SurveyForDashboard["state"], closesAt: string | null, submitted = 10, started = 0): SurveyForDashboard => ({
    id,
    title: `Survey ${id}`,
    state,
    opensAt: at("2026-01-01T12:00:00Z"),
    closesAt: closesAt ? at(closesAt) : null,
    submitted,
    started,
  });

  it("lists open waves closing soonest first, then waves closed since the date, most recent first; never drafts, scheduled or archived", () => {
    const rows = surveyRows(
      [
        survey("old", "closed", "2025-11-30T12:00:00Z"),
        survey("closed-a", "closed", "2026-03-01T12:00:00Z"),
        survey("open-late", "open", "2027-02-01T12:00:00Z"),
        survey("closed-b", "closed", "2026-10-01T12:00:00Z"),
        survey("open-soon", "open", "2026-12-20T12:00:00Z"),
        survey("draft", "draft", null),
        survey("next", "scheduled", "2027-06-01T12:00:00Z"),
        survey("put-away", "archived", "2026-06-01T12:00:00Z"),
      ],
      { closedSince: at("2025-12-06T00:00:00Z"), threshold: 5 },
    );
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ["open-soon", "open"],
      ["open-late", "open"],
      ["closed-b", "closed"],
      ["closed-a", "closed"],
    ]);
    expect(rows[0]!.href).toBe(surveyFiguresPath("open-soon"));
    expect(surveyFiguresPath("abc")).toBe("/admin/analysis/abc");
  });

  it("suppresses small counts of submitted and started responses, each on its own", () => {
    const [row] = surveyRows([survey("s", "open", "2026-12-20T12:00:00Z", 3, 12)], { closedSince: at("2025-12-06T00:00:00Z"), threshold: 5 });
    expect(row!.submitted).toEqual({ shown: false, reason: "small" });
    expect(row!.started).toEqual({ shown: true, count: 12, percent: null });
  });
});

describe("co-production table", () => {
  const groups = [
    { id: 1, name: "Strategy" },
    { id: 2, name: "Engagement" },
  ];

  it("counts activities by group and level, keeps every group's zeros, and totals each level", () => {
    const table = coProductionTable(
      groups,
      [
        { groupId: 2, level: "co_production" },
        { groupId: 2, level: "consultation" },
        { groupId: 2, level: "co_production" },
        { groupId: 1, level: "information" },
      ],
      levels,
    );
    expect(table.rows.map((r) => [r.name, r.byLevel, r.total])).toEqual([
      ["Strategy", { information: 1, consultation: 0, participation: 0, co_production: 0 }, 1],
      ["Engagement", { information: 0, consultation: 1, participation: 0, co_production: 2 }, 3],
    ]);
    expect(table.total).toEqual({ byLevel: { information: 1, consultation: 1, participation: 0, co_production: 2 }, total: 4 });
  });

  it("adds one row for activities with no group (or a group since removed) only when there are some", () => {
    expect(coProductionTable(groups, [], levels).rows).toHaveLength(2);
    const table = coProductionTable(
      groups,
      [
        { groupId: null, level: "participation" },
        { groupId: 99, level: "participation" },
      ],
      levels,
    );
    expect(table.rows.at(-1)).toEqual({ groupId: null, name: null, byLevel: { information: 0, consultation: 0, participation: 2, co_production: 0 }, total: 2 });
  });
});

describe("RAG counts", () => {
  it("keeps every rating, zeros too, and the total", () => {
    expect(ragRecord([{ rag: "green", count: 4 }, { rag: "red", count: 1 }])).toEqual({
      byRag: { red: 1, amber: 0, green: 4, blue: 0, not_started: 0 },
      total: 5,
    });
  });
});
