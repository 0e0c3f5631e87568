import { describe, expect, it } from "vitest";
import { ukToday } from "../surveys/uk-time";
import { checkUpdate, isEvidenceUrl, isNewest, mayRecordProgress, ragCounts, type UpdateForm } from "./progress";

// 10:00 on Monday 23 November 2026, GMT.
const NOW = new Date("2026-11-23T10:00:00Z");

const good: UpdateForm = {
  "date-day": "20",
  "date-month": "11",
  "date-year": "2026",
  rag: "green",
  outcome: "Local area partnerships met in all 12 districts.",
  evidenceUrl: "",
};

describe("checking a progress update", () => {
  it("accepts a past date, a rating and an outcome, with no evidence link", () => {
    expect(checkUpdate(good, NOW)).toEqual({
      ok: true,
      update: { date: "2026-11-20", rag: "green", outcome: "Local area partnerships met in all 12 districts.", evidenceUrl: null },
    });
  });

  it("accepts today, months in words, and an https evidence link (spaces at the ends trimmed)", () => {
    const result = checkUpdate({ ...good, "date-day": "23", "date-month": "Nov", evidenceUrl: "  https://www.example.org/minutes?id=4  " }, NOW);
    expect(result).toMatchObject({ ok: true, update: { date: "2026-11-23", evidenceUrl: "https://www.example.org/minutes?id=4" } });
  });

  it("refuses a date after today, where today is the UK's day (summer time included)", () => {
    expect(checkUpdate({ ...good, "date-day": "24" }, NOW)).toMatchObject({ ok: false, errors: { date: "update.errors.dateFuture" } });
    // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST): 1 July is today, not the future.
    const lateJune = new Date("2026-06-30T23:30:00Z");
    expect(checkUpdate({ ...good, "date-day": "1", "date-month": "7" }, lateJune)).toMatchObject({ ok: true, update: { date: "2026-07-01" } });
    expect(checkUpdate({ ...good, "date-day": "2", "date-month": "7" }, lateJune)).toMatchObject({ ok: false, errors: { date: "update.errors.dateFuture" } });
  });

  it("says which part of the date is missing or wrong, and that a date is needed", () => {
    expect(checkUpdate({ ...good, "date-day": "", "date-month": "", "date-year": "" }, NOW)).toMatchObject({
      ok: false,
      errors: { date: "update.errors.dateRequired" },
    });
    expect(checkUpdate({ ...good, "date-day": "" }, NOW)).toEqual({ ok: false, errors: { date: "update.dateErrors.missingDay" }, dateParts: ["day"] });
    expect(checkUpdate({ ...good, "date-day": "31", "date-month": "2" }, NOW)).toMatchObject({ ok: false, errors: { date: "update.dateErrors.real" } });
    expect(checkUpdate({ ...good, "date-year": "26" }, NOW)).toMatchObject({ ok: false, errors: { date: "update.dateErrors.yearFourDigits" }, dateParts: ["year"] });
  });

  it("needs one of the five ratings", () => {
    expect(checkUpdate({ ...good, rag: undefined }, NOW)).toMatchObject({ ok: false, errors: { rag: "update.errors.ragRequired" } });
    expect(checkUpdate({ ...good, rag: "purple" }, NOW)).toMatchObject({ ok: false, errors: { rag: "update.errors.ragRequired" } });
    for (const rag of ["red", "amber", "green", "blue", "not_started"]) expect(checkUpdate({ ...good, rag }, NOW).ok).toBe(true);
  });

  it("needs an outcome of 2,000 characters or fewer, counting a line break as one", () => {
    expect(checkUpdate({ ...good, outcome: "   \r\n " }, NOW)).toMatchObject({ ok: false, errors: { outcome: "update.errors.outcomeRequired" } });
    expect(checkUpdate({ ...good, outcome: "x".repeat(2001) }, NOW)).toMatchObject({ ok: false, errors: { outcome: "update.errors.outcomeTooLong" } });
    // 1,000 lines of "x" with CR LF between them: 1,999 characters once the breaks are counted as one.
    const lines = Array.from({ length: 1000 }, () => "x").join("\r\n");
    expect(checkUpdate({ ...good, outcome: lines }, NOW)).toMatchObject({ ok: true, update: { outcome: lines.replace(/\r\n/g, "\n") } });
  });

  it("refuses evidence links that are not well-formed http(s) addresses, or longer than 500 characters", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.org/file", "www.example.org", "https://", "https://intranet/doc", "https://user:pw@example.org/", "https://exa mple.org/", "https:example.org", "data:text/html,hi"]) {
      expect(checkUpdate({ ...good, evidenceUrl: url }, NOW), url).toMatchObject({ ok: false, errors: { evidenceUrl: "update.errors.evidenceUrlFormat" } });
    }
    const long = `https://www.example.org/${"a".repeat(480)}`;
    expect(long.length).toBeGreaterThan(500);
    expect(checkUpdate({ ...good, evidenceUrl: long }, NOW)).toMatchObject({ ok: false, errors: { evidenceUrl: "update.errors.evidenceUrlTooLong" } });
    expect(isEvidenceUrl("http://example.org")).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = checkUpdate({ "date-day": "1", "date-month": "1", "date-year": "2027", rag: "", outcome: "", evidenceUrl: "nope" }, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        date: "update.errors.dateFuture",
        rag: "update.errors.ragRequired",
        outcome: "update.errors.outcomeRequired",
        evidenceUrl: "update.errors.evidenceUrlFormat",
      },
      dateParts: ["day", "month", "year"],
    });
  });
});

describe("today in the UK", () => {
  it("is the UK's calendar day, not UTC's", () => {
    expect(ukToday(new Date("2026-03-28T23:59:00Z"))).toBe("2026-03-28");
    expect(ukToday(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
  });
});

describe("who may record progress", () => {
  it("lets admins and officers record on any task, group members only on their groups' tasks", () => {
    expect(mayRecordProgress({ role: "admin", workingGroupIds: [] }, [1])).toBe(true);
    expect(mayRecordProgress({ role: "officer", workingGroupIds: [] }, [1])).toBe(true);
    expect(mayRecordProgress({ role: "group_member", workingGroupIds: [3] }, [3])).toBe(true);
    // An action shared by two groups: a member of either may record.
    expect(mayRecordProgress({ role: "group_member", workingGroupIds: [5] }, [1, 5])).toBe(true);
    expect(mayRecordProgress({ role: "group_member", workingGroupIds: [3] }, [1, 5])).toBe(false);
    expect(mayRecordProgress({ role: "group_member", workingGroupIds: [] }, [])).toBe(false);
    expect(mayRecordProgress({ role: "pcf_reviewer", workingGroupIds: [3] }, [3])).toBe(false);
    expect(mayRecordProgress({ role: "provider", workingGroupIds: [3] }, [3])).toBe(false);
  });
});

describe("the task's current position", () => {
  it("follows an update unless a later-dated one is already recorded", () => {
    expect(isNewest("2026-11-20", null)).toBe(true);
    expect(isNewest("2026-11-20", "2026-11-20")).toBe(true);
    expect(isNewest("2026-11-21", "2026-11-20")).toBe(true);
    expect(isNewest("2026-11-19", "2026-11-20")).toBe(false);
  });
});

describe("RAG counts", () => {
  it("counts each rating, most in need of attention first, leaving out ratings no task has", () => {
    expect(ragCounts(["blue", "green", "blue", "red", "not_started"])).toEqual([
      { rag: "red", count: 1 },
      { rag: "green", count: 1 },
      { rag: "blue", count: 2 },
      { rag: "not_started", count: 1 },
    ]);
    expect(ragCounts([])).toEqual([]);
  });
});
