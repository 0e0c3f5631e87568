import { describe, expect, it } from "vitest";
import { isCalendarDate, parseBankHolidaysJson } from "./bank-holidays";

function govukFile(events: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    "england-and-wales": { division: "england-and-wales", events },
    scotland: {
      division: "scotland",
      events: [{ title: "St Andrew’s Day", date: "2026-11-30", notes: "", bunting: true }],
    },
    "northern-ireland": {
      division: "northern-ireland",
      events: [{ title: "St Patrick’s Day", date: "2026-03-17", notes: "", bunting: true }],
    },
    ...extra,
  });
}

const good = [
  { title: "Christmas Day", date: "2027-12-27", notes: "Substitute day", bunting: true },
  { title: "New Year’s Day", date: "2027-01-01", notes: "", bunting: true },
  { title: "Good Friday", date: "2027-03-26", notes: "", bunting: false },
  { title: "Easter Monday", date: "2027-03-29", notes: "", bunting: true },
];

function error(text: string): string {
  const result = parseBankHolidaysJson(text);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.error;
}

describe("parseBankHolidaysJson", () => {
  it("reads the England and Wales holidays of a GOV.UK file, sorted by date", () => {
    const result = parseBankHolidaysJson(govukFile(good));
    expect(result).toEqual({
      ok: true,
      holidays: [
        { date: "2027-01-01", title: "New Year’s Day", notes: "" },
        { date: "2027-03-26", title: "Good Friday", notes: "" },
        { date: "2027-03-29", title: "Easter Monday", notes: "" },
        { date: "2027-12-27", title: "Christmas Day", notes: "Substitute day" },
      ],
    });
  });

  it("ignores Scotland and Northern Ireland", () => {
    const result = parseBankHolidaysJson(govukFile(good));
    expect(result.ok && result.holidays.map((h) => h.date)).not.toContain("2026-11-30");
    expect(result.ok && result.holidays.map((h) => h.date)).not.toContain("2026-03-17");
  });

  it("accepts events without notes, with a byte-order mark, and trims text", () => {
    const result = parseBankHolidaysJson(
      "\uFEFF" + govukFile([{ title: "  Summer bank holiday ", date: "2028-08-28" }]),
    );
    expect(result).toEqual({ ok: true, holidays: [{ date: "2028-08-28", title: "Summer bank holiday", notes: "" }] });
  });

  it("keeps one holiday per date (the first)", () => {
    const result = parseBankHolidaysJson(
      govukFile([
        { title: "Boxing Day", date: "2028-12-26", notes: "" },
        { title: "Boxing Day again", date: "2028-12-26", notes: "" },
      ]),
    );
    expect(result).toEqual({ ok: true, holidays: [{ date: "2028-12-26", title: "Boxing Day", notes: "" }] });
  });

  it("accepts exactly 2,000 events", () => {
    const events = Array.from({ length: 2000 }, (_, i) => {
      const d = new Date(Date.UTC(2030, 0, 1 + i));
      return { title: "Test day", date: d.toISOString().slice(0, 10), notes: "" };
    });
    const result = parseBankHolidaysJson(govukFile(events));
    expect(result.ok && result.holidays).toHaveLength(2000);
  });

  it("refuses a file that is not JSON", () => {
    expect(error("Date,Title\n2027-01-01,New Year's Day")).toMatch(/not a JSON file/);
    expect(error("{\"england-and-wales\": ")).toMatch(/not a JSON file/);
  });

  it("refuses an empty file", () => {
    expect(error("")).toMatch(/The file is empty/);
    expect(error("   \n")).toMatch(/The file is empty/);
  });

  it("refuses JSON that is not a set of named sections", () => {
    expect(error("[]")).toMatch(/not a bank holidays file in the GOV.UK format/);
    expect(error("null")).toMatch(/not a bank holidays file in the GOV.UK format/);
    expect(error("\"2027-01-01\"")).toMatch(/not a bank holidays file in the GOV.UK format/);
  });

  it("refuses a file with no England and Wales section", () => {
    const text = JSON.stringify({ scotland: { division: "scotland", events: good } });
    expect(error(text)).toBe(
      'The file is not a bank holidays file in the GOV.UK format: it has no "england-and-wales" section.',
    );
  });

  it("refuses an England and Wales section without a list of events", () => {
    expect(error(JSON.stringify({ "england-and-wales": [] }))).toMatch(/"england-and-wales" section is not laid out/);
    expect(error(JSON.stringify({ "england-and-wales": { division: "england-and-wales" } }))).toMatch(
      /"england-and-wales" section has no list of events/,
    );
    expect(error(JSON.stringify({ "england-and-wales": { events: { title: "x" } } }))).toMatch(/no list of events/);
  });

  it("refuses an empty list of events", () => {
    expect(error(govukFile([]))).toMatch(/no bank holidays for England and Wales/);
  });

  it("refuses more than 2,000 events", () => {
    const events = Array.from({ length: 2001 }, () => ({ title: "Test day", date: "2030-01-01" }));
    expect(error(govukFile(events))).toMatch(/2,001 bank holidays .* more than the 2,000/);
  });

  it("refuses a date that is not on the calendar, naming the holiday", () => {
    const message = error(govukFile([...good, { title: "Leap day", date: "2027-02-29", notes: "" }]));
    expect(message).toMatch(/^Nothing has been imported/);
    expect(message).toContain('Bank holiday 5 ("Leap day") has the date "2027-02-29", which is not a real date');
  });

  it("refuses dates in other formats", () => {
    for (const date of ["27/12/2027", "2027-12-32", "2027-13-01", "2027-1-1", "2027-12-27T00:00:00Z", ""]) {
      expect(error(govukFile([{ title: "Christmas Day", date }]))).toMatch(/not a real date/);
    }
    expect(error(govukFile([{ title: "Christmas Day", date: 20271227 }]))).toMatch(/has a date that is not text/);
    expect(error(govukFile([{ title: "Christmas Day" }]))).toMatch(/has no date/);
  });

  it("refuses an empty or missing title", () => {
    expect(error(govukFile([{ title: "   ", date: "2027-12-27" }]))).toMatch(/Bank holiday 1 has an empty name/);
    expect(error(govukFile([{ date: "2027-12-27" }]))).toMatch(/Bank holiday 1 has no name/);
    expect(error(govukFile([{ title: 7, date: "2027-12-27" }]))).toMatch(/has a name that is not text/);
  });

  it("refuses an event that is not laid out as an event", () => {
    expect(error(govukFile(["2027-12-27"]))).toMatch(/Bank holiday 1 is not laid out as GOV.UK lays it out/);
  });

  it("names the first few problems and counts the rest", () => {
    const events = Array.from({ length: 5 }, (_, i) => ({ title: `Day ${i + 1}`, date: "2027-02-30" }));
    const message = error(govukFile(events));
    expect(message).toContain('Bank holiday 1 ("Day 1")');
    expect(message).toContain('Bank holiday 3 ("Day 3")');
    expect(message).not.toContain('Bank holiday 4 ("Day 4")');
    expect(message).toContain("There are 2 more problems like this.");
  });
});

describe("isCalendarDate", () => {
  it("knows leap years", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2000-02-29")).toBe(true);
    expect(isCalendarDate("2100-02-29")).toBe(false);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2027-04-31")).toBe(false);
    expect(isCalendarDate("2027-12-31")).toBe(true);
    expect(isCalendarDate("2027-00-10")).toBe(false);
    expect(isCalendarDate("2027-01-00")).toBe(false);
  });
});
