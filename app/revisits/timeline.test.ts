import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../db/seed/bank-holidays";
import { isOpen } from "../surveys/window";
import { formatInstantInWords } from "../utils/dates";
import {
  addWorkingDays,
  buildTimeline,
  checkOverrides,
  checkStartDate,
  computeMilestones,
  notifiedFromOnsite,
  workingDaysBetween,
} from "./timeline";

const holidays = new Map(englandAndWalesBankHolidays.map((h) => [h.date, h.title]));

// Worked by hand from a calendar and GOV.UK's bank holidays: day −10 notified, −7 evidence,
// −5 survey opens at 12 noon, −1 survey closes at 12 noon, 1 first day on site.
const table = [
  {
    name: "spring, clocks go forward between opening and on site (2026)",
    notified: "2026-03-16",
    evidence: "2026-03-19",
    opens: "2026-03-23",
    closes: "2026-03-27",
    onsite: "2026-03-30",
    opensAt: "2026-03-23T12:00:00.000Z",
    closesAt: "2026-03-27T12:00:00.000Z",
  },
  {
    name: "Easter and the clocks going forward inside the window (2027)",
    notified: "2027-03-15",
    evidence: "2027-03-18",
    opens: "2027-03-22",
    closes: "2027-03-30",
    onsite: "2027-03-31",
    opensAt: "2027-03-22T12:00:00.000Z",
    closesAt: "2027-03-30T11:00:00.000Z",
  },
  {
    name: "the early May bank holiday right after notification (2027)",
    notified: "2027-04-30",
    evidence: "2027-05-06",
    opens: "2027-05-10",
    closes: "2027-05-14",
    onsite: "2027-05-17",
    opensAt: "2027-05-10T11:00:00.000Z",
    closesAt: "2027-05-14T11:00:00.000Z",
  },
  {
    name: "the spring bank holiday inside the window (2027)",
    notified: "2027-05-21",
    evidence: "2027-05-26",
    opens: "2027-05-28",
    closes: "2027-06-04",
    onsite: "2027-06-07",
    opensAt: "2027-05-28T11:00:00.000Z",
    closesAt: "2027-06-04T11:00:00.000Z",
  },
  {
    name: "autumn, opening in BST and closing in GMT (2027)",
    notified: "2027-10-20",
    evidence: "2027-10-25",
    opens: "2027-10-27",
    closes: "2027-11-02",
    onsite: "2027-11-03",
    opensAt: "2027-10-27T11:00:00.000Z",
    closesAt: "2027-11-02T12:00:00.000Z",
  },
  {
    name: "autumn, the week after the clocks go back (2027)",
    notified: "2027-10-25",
    evidence: "2027-10-28",
    opens: "2027-11-01",
    closes: "2027-11-05",
    onsite: "2027-11-08",
    opensAt: "2027-11-01T12:00:00.000Z",
    closesAt: "2027-11-05T12:00:00.000Z",
  },
  {
    name: "Christmas, a substitute Boxing Day and New Year (2026)",
    notified: "2026-12-18",
    evidence: "2026-12-23",
    opens: "2026-12-29",
    closes: "2027-01-05",
    onsite: "2027-01-06",
    opensAt: "2026-12-29T12:00:00.000Z",
    closesAt: "2027-01-05T12:00:00.000Z",
  },
];

describe("the re-visit timeline", () => {
  it.each(table)("$name", (row) => {
    const timeline = buildTimeline(row.notified, holidays);
    expect(timeline.dates).toEqual({
      notified: row.notified,
      evidence: row.evidence,
      opens: row.opens,
      closes: row.closes,
      onsite: row.onsite,
    });
    expect(timeline.opensAt.toISOString()).toBe(row.opensAt);
    expect(timeline.closesAt.toISOString()).toBe(row.closesAt);
    // Typing the first day on site gives the same timeline.
    expect(notifiedFromOnsite(row.onsite, holidays)).toBe(row.notified);
  });

  it("has eleven rows, days −10 to −1 then 1, with no day 0", () => {
    const { days } = buildTimeline("2027-03-15", holidays);
    expect(days.map((d) => d.day)).toEqual([-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 1]);
    expect(days.find((d) => d.day === -5)?.milestones).toEqual(["opens"]);
  });

  it("names the bank holidays and weekends it skipped", () => {
    const { days } = buildTimeline("2027-03-15", holidays);
    const closing = days.find((d) => d.day === -1)!;
    expect(closing.date).toBe("2027-03-30");
    expect(closing.skipped).toEqual([
      { date: "2027-03-26", why: "bank-holiday", title: "Good Friday" },
      { date: "2027-03-27", why: "weekend" },
      { date: "2027-03-28", why: "weekend" },
      { date: "2027-03-29", why: "bank-holiday", title: "Easter Monday" },
    ]);
  });

  it("reads in words in UK time, as the issue's example does", () => {
    const { opensAt } = buildTimeline("2026-03-16", holidays);
    expect(formatInstantInWords(opensAt)).toBe("12 noon, Monday 23 March 2026");
  });

  it("opens at exactly 12:00:00.000 UK time and closes at exactly 12:00:00.000, in GMT and BST", () => {
    for (const row of table) {
      const { opensAt, closesAt } = buildTimeline(row.notified, holidays);
      const window = { status: "scheduled" as const, opensAt, closesAt };
      expect(isOpen(window, new Date(opensAt.getTime() - 1))).toBe(false);
      expect(isOpen(window, opensAt)).toBe(true);
      expect(isOpen(window, new Date(closesAt.getTime() - 1))).toBe(true);
      expect(isOpen(window, closesAt)).toBe(false);
    }
  });
});

describe("working days", () => {
  it("skips weekends and bank holidays both ways", () => {
    expect(addWorkingDays("2026-12-24", 1, holidays)).toBe("2026-12-29");
    expect(addWorkingDays("2026-12-29", -1, holidays)).toBe("2026-12-24");
    expect(workingDaysBetween("2026-12-24", "2027-01-04", holidays)).toBe(4);
  });
});

describe("checking the date an officer types", () => {
  const today = "2026-11-23";
  it("accepts a working day from today on", () => {
    expect(checkStartDate("notified", "2026-11-23", today, holidays)).toEqual({
      ok: true,
      notified: "2026-11-23",
    });
    expect(checkStartDate("onsite", "2027-03-31", today, holidays)).toEqual({
      ok: true,
      notified: "2027-03-15",
    });
  });
  it("refuses a weekend, a bank holiday by name, a date in the past and a date that is not a date", () => {
    expect(checkStartDate("notified", "2026-11-28", today, holidays)).toEqual({
      ok: false,
      problem: { code: "weekend" },
    });
    expect(checkStartDate("notified", "2027-03-26", today, holidays)).toEqual({
      ok: false,
      problem: { code: "bank-holiday", title: "Good Friday" },
    });
    expect(checkStartDate("notified", "2026-11-20", today, holidays)).toEqual({
      ok: false,
      problem: { code: "past" },
    });
    expect(checkStartDate("notified", "2026-02-30", today, holidays)).toEqual({
      ok: false,
      problem: { code: "invalid" },
    });
  });
  it("refuses an on-site date that leaves fewer than five working days before the survey must open", () => {
    // On site Monday 30 November: day −5 would be Monday 23 November (today) — just possible.
    expect(checkStartDate("onsite", "2026-11-30", today, holidays)).toEqual({
      ok: true,
      notified: "2026-11-16",
    });
    // On site Friday 27 November: day −5 was Friday 20 November.
    expect(checkStartDate("onsite", "2026-11-27", today, holidays)).toEqual({
      ok: false,
      problem: { code: "too-soon", opens: "2026-11-20" },
    });
  });
});

describe("overrides", () => {
  const computed = computeMilestones("2027-03-15", holidays);
  it("takes a date with a reason", () => {
    expect(
      checkOverrides(computed, {
        closes: { date: "2027-03-25", reason: "Inspectors asked" },
      })
    ).toEqual({ ok: true });
    const timeline = buildTimeline("2027-03-15", holidays, {
      closes: { date: "2027-03-25", reason: "Inspectors asked" },
    });
    expect(timeline.closesAt.toISOString()).toBe("2027-03-25T12:00:00.000Z");
    expect(timeline.days.find((d) => d.date === "2027-03-25")?.milestones).toEqual(["closes"]);
  });
  it("refuses one without a reason", () => {
    expect(checkOverrides(computed, { opens: { date: "2027-03-23", reason: " " } })).toMatchObject({
      ok: false,
      problem: { code: "reason" },
    });
  });
  it("refuses a close on or before the open", () => {
    expect(checkOverrides(computed, { closes: { date: "2027-03-22", reason: "x" } })).toMatchObject({
      ok: false,
      milestone: "closes",
      problem: { code: "close-before-open" },
    });
    expect(checkOverrides(computed, { opens: { date: "2027-03-31", reason: "x" } })).toMatchObject({
      ok: false,
      milestone: "opens",
      problem: { code: "close-before-open" },
    });
  });
  it("refuses dates out of order", () => {
    expect(checkOverrides(computed, { onsite: { date: "2027-03-29", reason: "x" } })).toMatchObject({
      ok: false,
      milestone: "onsite",
      problem: { code: "out-of-order", before: "closes", after: "onsite" },
    });
  });
});
