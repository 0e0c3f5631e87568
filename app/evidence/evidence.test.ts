import { describe, expect, it } from "vitest";
import { cellText, type Cell } from "../analysis/suppression";
import {
  defaultPeriod,
  feedbackVolumes,
  packCsv,
  packFilename,
  packSearch,
  parsePackQuery,
  shapePack,
  yearsBefore,
  type CsvWords,
  type RawArea,
  type RawFeedbackItem,
  type RawPack,
} from "./evidence";

const TODAY = "2026-11-23";
const AREAS = Array.from({ length: 12 }, (_, i) => i + 1);
const parse = (search: string) => parsePackQuery(new URLSearchParams(search), { today: TODAY, areas: AREAS });
const text = (cell: Cell | null) => (cell ? cellText(cell, "fewer than 5") : null);

describe("the period and area asked for", () => {
  it("is the last 12 months and every area when nothing is given", () => {
    expect(defaultPeriod(TODAY)).toEqual({ from: "2025-11-23", to: "2026-11-23" });
    expect(yearsBefore("2028-02-29", 1)).toBe("2027-02-28");
    const parsed = parse("");
    expect(parsed).toMatchObject({ ok: true, query: { from: "2025-11-23", to: "2026-11-23", area: null }, fromBoxes: false });
    expect(parsed.typed.from).toEqual({ day: "23", month: "11", year: "2025" });
  });

  it("reads the form's boxes as UK dates, and says to answer at the short address", () => {
    const parsed = parse("from-day=1&from-month=4&from-year=2026&to-day=30&to-month=9&to-year=2026&area=4");
    expect(parsed).toMatchObject({ ok: true, query: { from: "2026-04-01", to: "2026-09-30", area: 4 }, fromBoxes: true });
    if (parsed.ok) expect(packSearch(parsed.query)).toBe("?from=2026-04-01&to=2026-09-30&area=4");
  });

  it("reads the short address, and an empty area means every area", () => {
    expect(parse("from=2026-01-01&to=2026-03-31&area=")).toMatchObject({
      ok: true,
      query: { from: "2026-01-01", to: "2026-03-31", area: null },
      fromBoxes: false,
    });
  });

  it("refuses an impossible date, keeping what was typed", () => {
    const parsed = parse("from-day=30&from-month=2&from-year=2026&to-day=&to-month=&to-year=");
    expect(parsed).toMatchObject({ ok: false, errors: { from: "errors.from.invalid", to: "errors.to.missing" } });
    expect(parsed.typed.from).toEqual({ day: "30", month: "2", year: "2026" });
    expect(parse("from=2026-13-01&to=2026-12-01")).toMatchObject({ ok: false, errors: { from: "errors.from.invalid" } });
    expect(parse("from=yesterday&to=2026-12-01")).toMatchObject({
      ok: false,
      errors: { from: "errors.from.invalid" },
      typed: { from: { year: "yesterday" } },
    });
    expect(parse("from=1066-10-14&to=2026-12-01")).toMatchObject({ ok: false, errors: { from: "errors.from.yearRange" } });
  });

  it("refuses an end before the start, and a period longer than five years", () => {
    expect(parse("from=2026-05-01&to=2026-04-30")).toMatchObject({ ok: false, errors: { to: "errors.to.beforeFrom" } });
    expect(parse("from=2026-05-01&to=2026-05-01")).toMatchObject({ ok: true });
    expect(parse("from=2021-05-01&to=2026-05-01")).toMatchObject({ ok: true });
    expect(parse("from=2021-04-30&to=2026-05-01")).toMatchObject({ ok: false, errors: { to: "errors.to.tooLong" } });
  });

  it("refuses an area of concern that does not exist", () => {
    expect(parse("area=13")).toMatchObject({ ok: false, errors: { area: "errors.area.unknown" }, typed: { area: "13" } });
    expect(parse("area=four")).toMatchObject({ ok: false, errors: { area: "errors.area.unknown" } });
  });

  it("names the file with digits and dashes only", () => {
    expect(packFilename({ from: "2025-11-23", to: "2026-11-23", area: null })).toBe("evidence-pack-2025-11-23-to-2026-11-23.csv");
    expect(packFilename({ from: "2025-11-23", to: "2026-11-23", area: 4 })).toBe("evidence-pack-2025-11-23-to-2026-11-23-area-4.csv");
  });
});

const items = (status: string, n: number, themes: string[] = []): RawFeedbackItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${status}-${themes.join("+")}-${i}`, status, themes }));

describe("feedback volumes", () => {
  it("shows small numbers as 'fewer than 5', and hides the next smallest status so the small one cannot be worked out", () => {
    const volumes = feedbackVolumes([...items("received", 2), ...items("with_group", 6), ...items("closed", 9)], 5);
    expect(text(volumes.total)).toBe("17");
    expect(volumes.byStatus.map((r) => [r.key, text(r.cell)])).toEqual([
      ["received", "fewer than 5"],
      ["with_group", "fewer than 5"],
      ["responded", "0"],
      ["closed", "9"],
      ["signposted", "0"],
    ]);
    expect(volumes.byStatus[1]!.cell).toEqual({ shown: false, reason: "secondary" });
  });

  it("hides every status when the total itself is small", () => {
    const volumes = feedbackVolumes(items("closed", 3), 5);
    expect(text(volumes.total)).toBe("fewer than 5");
    expect(volumes.byStatus.map((r) => text(r.cell))).toEqual(["0", "0", "0", "fewer than 5", "0"]);
  });

  it("counts each theme once per item, most common first, each suppressed on its own", () => {
    const volumes = feedbackVolumes(
      [...items("closed", 6, ["communication", "meetings"]), ...items("closed", 2, ["transport"]), ...items("received", 1)],
      5,
    );
    expect(volumes.byTheme.map((r) => [r.key, text(r.cell)])).toEqual([
      ["communication", "6"],
      ["meetings", "6"],
      ["transport", "fewer than 5"],
    ]);
    expect(text(volumes.noTheme)).toBe("fewer than 5");
  });
});

const area = (number: number, feedback: RawFeedbackItem[]): RawArea => ({
  id: number,
  number,
  title: `Area ${number}`,
  actions: [
    {
      id: number * 10,
      letter: "H",
      title: "Engage",
      tasks: [
        { id: number * 100, code: `H${number}`, description: '=HYPERLINK("http://evil")', dueText: "March 2027", rag: "amber" },
        { id: number * 100 + 1, code: `H${number}b`, description: "Plain", dueText: "", rag: "blue" },
      ],
    },
  ],
  updates: [
    {
      id: `u${number}`,
      taskCode: `H${number}`,
      at: "2026-03-01",
      rag: "amber",
      outcome: "Met, with notes",
      evidenceUrl: "https://example.org/a",
    },
  ],
  activities: [],
  feedback,
  entries: [],
});

const raw = (over: Partial<RawPack> = {}): RawPack => ({
  query: { from: "2025-11-23", to: "2026-11-23", area: null },
  threshold: 5,
  areas: [
    area(4, [...items("closed", 7, ["communication"])]),
    area(12, [...items("closed", 7, ["communication"]).slice(0, 2), ...items("received", 1)]),
  ],
  feedbackInPeriod: 20,
  otherEntries: [
    { id: "e1", publishedOn: "2026-07-10", theme: "content", youSaid: "+1 for search", weDid: "Done", group: null, cosigned: false },
  ],
  ...over,
});

describe("the pack", () => {
  it("sums up the period: each item once, linked and not linked to an area, suppressed together", () => {
    const pack = shapePack(raw());
    expect(pack.summary).toMatchObject({ actions: 2, tasks: 4, updates: 2, activities: 0, entries: 1 });
    // 8 items linked (7 + the one received; two are shared), 12 not linked, 20 in all.
    expect([text(pack.summary.feedbackLinked), text(pack.summary.feedbackUnlinked), text(pack.summary.feedbackAll)]).toEqual([
      "8",
      "12",
      "20",
    ]);
    expect(pack.areas[0]!.ragCounts).toEqual([
      { rag: "amber", count: 1 },
      { rag: "blue", count: 1 },
    ]);
    expect(pack.otherEntries).toHaveLength(1);
  });

  it("hides a small linked or unlinked count and its partner, and leaves other entries out for one area", () => {
    const small = shapePack(raw({ feedbackInPeriod: 10 }));
    expect([text(small.summary.feedbackLinked), text(small.summary.feedbackUnlinked), text(small.summary.feedbackAll)]).toEqual([
      "fewer than 5",
      "fewer than 5",
      "10",
    ]);
    const one = shapePack(raw({ query: { from: "2025-11-23", to: "2026-11-23", area: 12 }, areas: [area(12, items("closed", 3))] }));
    expect(text(one.summary.feedbackLinked)).toBe("fewer than 5");
    expect(one.summary.feedbackUnlinked).toBeNull();
    expect(one.otherEntries).toEqual([]);
  });

  it("writes one CSV with a heading row, suppressed counts and no formulas", () => {
    const words: CsvWords = {
      fewerThan: "fewer than 5",
      area: (a) => `Area of concern ${a.number}: ${a.title}`,
      sections: {
        summary: "Summary",
        task: "Task",
        update: "Progress update",
        activity: "Co-production",
        feedbackStatus: "Feedback by status",
        feedbackTheme: "Feedback by theme",
        entry: "You said, we did",
      },
      summary: {
        actions: "Actions",
        tasks: "Tasks",
        updates: "Updates",
        activities: "Activities",
        entries: "Entries",
        feedbackLinked: "Linked",
        feedbackUnlinked: "Not linked",
        feedbackAll: "All",
      },
      rag: (r) => r,
      status: (s) => s,
      total: "Total",
      noTheme: "No theme",
      activity: (a) => a.type,
      entry: (e) => e.weDid,
      noArea: "Other entries",
    };
    const lines = packCsv(shapePack(raw()), words).split("\r\n");
    expect(lines[0]).toBe("section,area,item,date,rag,detail,link,count");
    expect(lines).toContain("Summary,,All,,,,,20");
    expect(lines).toContain('Task,Area of concern 4: Area 4,H4,March 2027,amber,"\'=HYPERLINK(""http://evil"")",,');
    expect(lines).toContain('Progress update,Area of concern 4: Area 4,H4,2026-03-01,amber,"Met, with notes",https://example.org/a,');
    expect(lines).toContain("Feedback by status,Area of concern 12: Area 12,closed,,,,,fewer than 5");
    expect(lines).toContain("Feedback by status,Area of concern 12: Area 12,Total,,,,,fewer than 5");
    expect(lines).toContain("Feedback by theme,Area of concern 4: Area 4,communication,,,,,7");
    expect(lines).toContain(`"You said, we did",Other entries,"'+1 for search",2026-07-10,,Done,,`);
  });
});
