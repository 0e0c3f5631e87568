import { describe, expect, it } from "vitest";
import {
  anonymiseBefore,
  checkRetentionMonths,
  freeTextKeys,
  DEFAULT_RETENTION_MONTHS,
  exportFilename,
  isDueForAnonymisation,
  lastDueDate,
  parsePersonQuery,
  parseRetentionMonths,
  subtractMonths,
} from "./retention";

describe("the retention setting", () => {
  it("is 24 months unless a whole number from 1 to 120 is stored", () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(24);
    for (const value of [null, undefined, "", "abc", "0", "121", "12.5", "-3"]) expect(parseRetentionMonths(value)).toBe(24);
    expect(parseRetentionMonths("6")).toBe(6);
    expect(parseRetentionMonths(" 120 ")).toBe(120);
  });

  it("names what is wrong with what an admin typed", () => {
    expect(checkRetentionMonths("")).toEqual({ ok: false, error: "retention.errors.empty" });
    expect(checkRetentionMonths("two years")).toEqual({ ok: false, error: "retention.errors.notNumber" });
    expect(checkRetentionMonths("1.5")).toEqual({ ok: false, error: "retention.errors.notNumber" });
    expect(checkRetentionMonths("0")).toEqual({ ok: false, error: "retention.errors.range" });
    expect(checkRetentionMonths("121")).toEqual({ ok: false, error: "retention.errors.range" });
    expect(checkRetentionMonths(" 36 ")).toEqual({ ok: true, months: 36 });
  });
});

describe("calendar months", () => {
  it("keeps the day, or takes the month's last day when there is no such day", () => {
    expect(subtractMonths("2026-11-23", 24)).toBe("2024-11-23");
    expect(subtractMonths("2026-01-15", 1)).toBe("2025-12-15");
    expect(subtractMonths("2026-03-31", 1)).toBe("2026-02-28");
    expect(subtractMonths("2028-03-31", 1)).toBe("2028-02-29");
    expect(subtractMonths("2026-02-28", 24)).toBe("2024-02-28");
    expect(subtractMonths("2026-05-31", 120)).toBe("2016-05-31");
  });
});

describe("which feedback is due for anonymisation", () => {
  it("is due from 00:00 UK time on the same date, N months on", () => {
    const arrived = new Date("2024-11-23T15:00:00Z");
    expect(isDueForAnonymisation(arrived, new Date("2026-11-22T23:59:59Z"), 24)).toBe(false);
    expect(isDueForAnonymisation(arrived, new Date("2026-11-23T00:00:00Z"), 24)).toBe(true);
    expect(isDueForAnonymisation(arrived, new Date("2026-11-23T00:00:00Z"), 25)).toBe(false);
  });

  it("counts by the UK date when the clocks go back (an item sent at 00:30 BST is on the UK date, not the UTC one)", () => {
    // 00:30 BST on Sunday 27 October 2024 is 23:30 UTC on the 26th.
    const arrived = new Date("2024-10-26T23:30:00Z");
    // 25 October 2026 the clocks went back, so 27 October 2026 starts at 00:00 GMT = 00:00 UTC.
    expect(isDueForAnonymisation(arrived, new Date("2026-10-26T23:59:59Z"), 24)).toBe(false);
    expect(isDueForAnonymisation(arrived, new Date("2026-10-27T00:00:00Z"), 24)).toBe(true);
    expect(anonymiseBefore(new Date("2026-10-27T00:00:00Z"), 24)).toEqual(new Date("2024-10-28T00:00:00Z"));
  });

  it("counts by the UK date when the clocks go forward (midnight BST is 23:00 UTC the day before)", () => {
    // 23:30 GMT on Saturday 30 March 2024 (the clocks went forward the next night).
    const arrived = new Date("2024-03-30T23:30:00Z");
    // Monday 30 March 2026 starts at 00:00 BST = 23:00 UTC on Sunday 29 March.
    expect(isDueForAnonymisation(arrived, new Date("2026-03-29T22:59:59Z"), 24)).toBe(false);
    expect(isDueForAnonymisation(arrived, new Date("2026-03-29T23:00:00Z"), 24)).toBe(true);
    expect(lastDueDate(new Date("2026-03-29T23:00:00Z"), 24)).toBe("2024-03-30");
    // 31 March 2024 began at 00:00 GMT (the clocks went forward at 01:00).
    expect(anonymiseBefore(new Date("2026-03-29T23:00:00Z"), 24)).toEqual(new Date("2024-03-31T00:00:00Z"));
    // Midnight at the start of a BST day is 23:00 UTC the day before.
    expect(anonymiseBefore(new Date("2026-06-10T12:00:00Z"), 24)).toEqual(new Date("2024-06-10T23:00:00Z"));
  });

  it("a 29 February item is due on 1 March in a year without one", () => {
    const arrived = new Date("2024-02-29T12:00:00Z");
    expect(isDueForAnonymisation(arrived, new Date("2026-02-28T12:00:00Z"), 24)).toBe(false);
    expect(isDueForAnonymisation(arrived, new Date("2026-03-01T00:00:00Z"), 24)).toBe(true);
  });

  it("the instant used in the database agrees with the rule, hour by hour across both clock changes", () => {
    const nows = [new Date("2026-03-29T23:00:00Z"), new Date("2026-10-27T00:00:00Z"), new Date("2026-07-01T10:00:00Z")];
    for (const now of nows) {
      const before = anonymiseBefore(now, 24);
      for (let hours = -72; hours <= 72; hours++) {
        const arrived = new Date(before.getTime() + hours * 3_600_000 - 1);
        expect(isDueForAnonymisation(arrived, now, 24), `${arrived.toISOString()} at ${now.toISOString()}`).toBe(arrived < before);
      }
    }
  });
});

describe("finding one person's data", () => {
  it("takes an email address (lower case) or a feedback reference (tidied)", () => {
    expect(parsePersonQuery("  Sam.Jones@Example.ORG ")).toEqual({ ok: true, query: { kind: "email", email: "sam.jones@example.org" } });
    expect(parsePersonQuery("fb-abcd-2345")).toEqual({ ok: true, query: { kind: "reference", reference: "FB-ABCD-2345" } });
    expect(parsePersonQuery("FB ABCD 2345")).toEqual({ ok: true, query: { kind: "reference", reference: "FB-ABCD-2345" } });
  });

  it("names what is wrong: empty, a malformed address, or something that is neither", () => {
    expect(parsePersonQuery("   ")).toEqual({ ok: false, error: "requests.errors.empty" });
    expect(parsePersonQuery("sam@")).toEqual({ ok: false, error: "requests.errors.email" });
    expect(parsePersonQuery("sam@example")).toEqual({ ok: false, error: "requests.errors.email" });
    expect(parsePersonQuery("sam jones@example.org")).toEqual({ ok: false, error: "requests.errors.email" });
    expect(parsePersonQuery("Sam Jones")).toEqual({ ok: false, error: "requests.errors.reference" });
    expect(parsePersonQuery(`${"a".repeat(250)}@example.org`)).toEqual({ ok: false, error: "requests.errors.tooLong" });
  });

  it("names the download by the UK date", () => {
    expect(exportFilename(new Date("2026-06-30T23:30:00Z"))).toBe("personal-data-2026-07-01.json");
  });
});

describe("freeTextKeys", () => {
  it("names the short and long text questions on every page, and nothing chosen from a list", () => {
    const q = (key: string, type: string) => ({ key, type } as never);
    const definition = {
      pages: [
        { questions: [q("helped", "yes_no_not_sure"), q("why", "long_text")] },
        { questions: [q("name", "short_text"), q("age", "number")] },
      ],
    };
    expect(freeTextKeys(definition as never)).toEqual(["why", "name"]);
  });
});
