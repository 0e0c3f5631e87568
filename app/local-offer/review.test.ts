import { describe, expect, it } from "vitest";
import { addDays, reviewDueAfter, reviewState, ukCalendarDate } from "./review";

describe("ukCalendarDate", () => {
  it("gives the UK date, not the UTC one, in summer time", () => {
    expect(ukCalendarDate(new Date("2026-06-30T22:59:59.999Z"))).toBe("2026-06-30");
    expect(ukCalendarDate(new Date("2026-06-30T23:00:00.000Z"))).toBe("2026-07-01");
  });

  it("gives the UTC date in winter (GMT)", () => {
    expect(ukCalendarDate(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
    expect(ukCalendarDate(new Date("2027-01-01T00:00:00.000Z"))).toBe("2027-01-01");
  });

  it("follows the clocks on the days they change", () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(ukCalendarDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-28");
    expect(ukCalendarDate(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(ukCalendarDate(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(ukCalendarDate(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });
});

describe("addDays", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-15", 30)).toBe("2027-01-14");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("reviewDueAfter", () => {
  it("is six months after the UK date of the review", () => {
    expect(reviewDueAfter(new Date("2026-05-10T09:00:00Z"))).toBe("2026-11-10");
    // 00:30 on 1 July in the UK is still 30 June in UTC.
    expect(reviewDueAfter(new Date("2026-06-30T23:30:00Z"))).toBe("2027-01-01");
  });

  it("keeps to the last day of a shorter month", () => {
    expect(reviewDueAfter(new Date("2026-08-31T12:00:00Z"))).toBe("2027-02-28");
    expect(reviewDueAfter(new Date("2027-08-31T12:00:00Z"))).toBe("2028-02-29");
    expect(reviewDueAfter(new Date("2026-12-31T12:00:00Z"))).toBe("2027-06-30");
  });
});

describe("reviewState", () => {
  const reviewed = (at: string, due?: string) => ({ last_reviewed_at: new Date(at), review_due_on: due ?? reviewDueAfter(new Date(at)), published_at: null });

  it("is current until 30 days before the due date, then due soon up to and on the due date", () => {
    const service = reviewed("2026-01-15T10:00:00Z"); // due 2026-07-15
    expect(reviewState(service, "2026-06-14")).toBe("current");
    expect(reviewState(service, "2026-06-15")).toBe("due_soon");
    expect(reviewState(service, "2026-07-15")).toBe("due_soon");
  });

  it("is overdue from the day after the due date", () => {
    const service = reviewed("2026-01-15T10:00:00Z");
    expect(reviewState(service, "2026-07-16")).toBe("overdue");
    expect(reviewState(service, "2027-01-15")).toBe("overdue");
  });

  it("escalates once more than twelve months have passed since the review", () => {
    const service = reviewed("2026-01-15T10:00:00Z");
    expect(reviewState(service, "2027-01-15")).toBe("overdue");
    expect(reviewState(service, "2027-01-16")).toBe("escalated");
  });

  it("counts months by the calendar at month ends", () => {
    const service = reviewed("2026-08-31T12:00:00Z"); // due 2027-02-28
    expect(reviewState(service, "2027-02-28")).toBe("due_soon");
    expect(reviewState(service, "2027-03-01")).toBe("overdue");
    expect(reviewState(service, "2027-08-31")).toBe("overdue");
    expect(reviewState(service, "2027-09-01")).toBe("escalated");
  });

  it("uses the UK date of a review made just after midnight in summer time", () => {
    // Reviewed at 00:30 BST on 1 July 2026: due 1 January 2027, not 31 December 2026.
    const service = reviewed("2026-06-30T23:30:00Z");
    expect(service.review_due_on).toBe("2027-01-01");
    expect(reviewState(service, "2027-01-01")).toBe("due_soon");
    expect(reviewState(service, "2027-01-02")).toBe("overdue");
    expect(reviewState(service, "2027-07-01")).toBe("overdue");
    expect(reviewState(service, "2027-07-02")).toBe("escalated");
  });

  it("escalates an entry never reviewed once it has been published for more than twelve months", () => {
    const service = { last_reviewed_at: null, review_due_on: null, published_at: new Date("2025-03-10T12:00:00Z") };
    expect(reviewState(service, "2025-08-01")).toBe("current");
    expect(reviewState(service, "2025-09-10")).toBe("due_soon");
    expect(reviewState(service, "2025-09-11")).toBe("overdue");
    expect(reviewState(service, "2026-03-10")).toBe("overdue");
    expect(reviewState(service, "2026-03-11")).toBe("escalated");
  });

  it("respects a review date an editor has set, earlier or later than the default", () => {
    const earlier = reviewed("2026-01-15T10:00:00Z", "2026-02-01");
    expect(reviewState(earlier, "2026-02-02")).toBe("overdue");
    const later = reviewed("2026-01-15T10:00:00Z", "2027-03-01");
    expect(reviewState(later, "2027-01-20")).toBe("current");
    expect(reviewState(later, "2027-02-10")).toBe("due_soon");
    expect(reviewState(later, "2027-03-02")).toBe("escalated");
  });
});
