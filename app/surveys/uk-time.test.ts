import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dateFromParts, instantToUkLocal, parseUkTime, partsFromDate, ukLocalToInstant, ukZoneAt } from "./uk-time";

const at = (date: string, time: string) => {
  const result = ukLocalToInstant({ date, time });
  if (!result.ok) throw new Error(`${date} ${time}: ${result.reason}`);
  return result.instant.toISOString();
};

/** The same answers whatever zone the server runs in. */
for (const zone of ["UTC", "Europe/London", "America/New_York", "Pacific/Auckland"]) {
  describe(`UK local time ⇄ instants (server zone ${zone})`, () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it("12:00 UK time is 12:00 UTC in winter (GMT) and 11:00 UTC in summer (BST)", () => {
      expect(at("2026-03-27", "12:00")).toBe("2026-03-27T12:00:00.000Z");
      expect(at("2026-03-30", "12:00")).toBe("2026-03-30T11:00:00.000Z");
      expect(at("2026-10-26", "12:00")).toBe("2026-10-26T12:00:00.000Z");
      expect(at("2027-03-26", "12:00")).toBe("2027-03-26T12:00:00.000Z");
      expect(at("2027-03-29", "12:00")).toBe("2027-03-29T11:00:00.000Z");
      expect(at("2027-11-01", "12:00")).toBe("2027-11-01T12:00:00.000Z");
    });

    it("on the days the clocks go forward (29 March 2026, 28 March 2027), 01:00 to 01:59 does not exist", () => {
      expect(at("2026-03-29", "00:59")).toBe("2026-03-29T00:59:00.000Z");
      expect(ukLocalToInstant({ date: "2026-03-29", time: "01:00" })).toEqual({ ok: false, reason: "skipped" });
      expect(ukLocalToInstant({ date: "2026-03-29", time: "01:30" })).toEqual({ ok: false, reason: "skipped" });
      expect(ukLocalToInstant({ date: "2026-03-29", time: "01:59" })).toEqual({ ok: false, reason: "skipped" });
      expect(at("2026-03-29", "02:00")).toBe("2026-03-29T01:00:00.000Z");
      expect(at("2026-03-29", "12:00")).toBe("2026-03-29T11:00:00.000Z");
      expect(ukLocalToInstant({ date: "2027-03-28", time: "01:15" })).toEqual({ ok: false, reason: "skipped" });
      expect(at("2027-03-28", "00:59")).toBe("2027-03-28T00:59:00.000Z");
      expect(at("2027-03-28", "02:00")).toBe("2027-03-28T01:00:00.000Z");
      // A week earlier the same hour is ordinary.
      expect(at("2026-03-22", "01:30")).toBe("2026-03-22T01:30:00.000Z");
    });

    it("on the days the clocks go back (25 October 2026, 31 October 2027), 01:00 to 01:59 happens twice and is refused", () => {
      expect(at("2026-10-25", "00:59")).toBe("2026-10-24T23:59:00.000Z");
      const repeated = ukLocalToInstant({ date: "2026-10-25", time: "01:30" });
      expect(repeated).toEqual({ ok: false, reason: "repeated", first: new Date("2026-10-25T00:30:00Z"), second: new Date("2026-10-25T01:30:00Z") });
      expect(ukLocalToInstant({ date: "2026-10-25", time: "01:00" })).toMatchObject({ ok: false, reason: "repeated" });
      expect(ukLocalToInstant({ date: "2026-10-25", time: "01:59" })).toMatchObject({ ok: false, reason: "repeated" });
      expect(at("2026-10-25", "02:00")).toBe("2026-10-25T02:00:00.000Z");
      expect(at("2026-10-25", "12:00")).toBe("2026-10-25T12:00:00.000Z");
      expect(ukLocalToInstant({ date: "2027-10-31", time: "01:45" })).toEqual({
        ok: false,
        reason: "repeated",
        first: new Date("2027-10-31T00:45:00Z"),
        second: new Date("2027-10-31T01:45:00Z"),
      });
      expect(at("2027-10-31", "00:00")).toBe("2027-10-30T23:00:00.000Z");
      expect(at("2027-10-31", "02:00")).toBe("2027-10-31T02:00:00.000Z");
    });

    it("around midnight the UK date and the UTC date differ in summer", () => {
      expect(at("2026-06-01", "00:00")).toBe("2026-05-31T23:00:00.000Z");
      expect(at("2026-06-01", "00:30")).toBe("2026-05-31T23:30:00.000Z");
      expect(at("2026-12-31", "23:59")).toBe("2026-12-31T23:59:00.000Z");
      expect(at("2027-01-01", "00:00")).toBe("2027-01-01T00:00:00.000Z");
      expect(at("2028-02-29", "00:00")).toBe("2028-02-29T00:00:00.000Z");
    });

    it("reads an instant back as the UK wall clock, with the zone", () => {
      expect(instantToUkLocal(new Date("2026-03-27T12:00:00Z"))).toEqual({ date: "2026-03-27", time: "12:00", zone: "GMT" });
      expect(instantToUkLocal(new Date("2026-03-30T11:00:00Z"))).toEqual({ date: "2026-03-30", time: "12:00", zone: "BST" });
      expect(instantToUkLocal(new Date("2026-05-31T23:30:00Z"))).toEqual({ date: "2026-06-01", time: "00:30", zone: "BST" });
      expect(instantToUkLocal(new Date("2026-12-31T23:59:59Z"))).toEqual({ date: "2026-12-31", time: "23:59", zone: "GMT" });
      // Either side of each change.
      expect(instantToUkLocal(new Date("2026-03-29T00:59:59Z"))).toEqual({ date: "2026-03-29", time: "00:59", zone: "GMT" });
      expect(instantToUkLocal(new Date("2026-03-29T01:00:00Z"))).toEqual({ date: "2026-03-29", time: "02:00", zone: "BST" });
      expect(instantToUkLocal(new Date("2026-10-25T00:59:59Z"))).toEqual({ date: "2026-10-25", time: "01:59", zone: "BST" });
      expect(instantToUkLocal(new Date("2026-10-25T01:00:00Z"))).toEqual({ date: "2026-10-25", time: "01:00", zone: "GMT" });
      expect(instantToUkLocal(new Date("2027-03-28T01:00:00Z"))).toEqual({ date: "2027-03-28", time: "02:00", zone: "BST" });
      expect(instantToUkLocal(new Date("2027-10-31T01:00:00Z"))).toEqual({ date: "2027-10-31", time: "01:00", zone: "GMT" });
    });

    it("round-trips every quarter hour of both change days", () => {
      for (const date of ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"]) {
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
          const result = ukLocalToInstant({ date, time });
          if (result.ok) expect(instantToUkLocal(result.instant)).toMatchObject({ date, time });
          else expect(time.startsWith("01:"), `${date} ${time}`).toBe(true);
        }
      }
    });

    it("knows which zone applies at the exact instants of the changes", () => {
      expect(ukZoneAt(new Date("2026-03-29T00:59:59.999Z"))).toBe("GMT");
      expect(ukZoneAt(new Date("2026-03-29T01:00:00.000Z"))).toBe("BST");
      expect(ukZoneAt(new Date("2026-10-25T00:59:59.999Z"))).toBe("BST");
      expect(ukZoneAt(new Date("2026-10-25T01:00:00.000Z"))).toBe("GMT");
    });
  });
}

describe("what people type", () => {
  it("refuses dates that do not exist", () => {
    expect(ukLocalToInstant({ date: "2026-02-29", time: "12:00" })).toEqual({ ok: false, reason: "invalid-date" });
    expect(ukLocalToInstant({ date: "2026-13-01", time: "12:00" })).toEqual({ ok: false, reason: "invalid-date" });
    expect(ukLocalToInstant({ date: "2026-04-31", time: "12:00" })).toEqual({ ok: false, reason: "invalid-date" });
    expect(ukLocalToInstant({ date: "", time: "12:00" })).toEqual({ ok: false, reason: "invalid-date" });
  });

  it("takes a 24-hour time in the usual ways, and refuses others", () => {
    expect(parseUkTime("09:00")).toBe("09:00");
    expect(parseUkTime("9:00")).toBe("09:00");
    expect(parseUkTime(" 9.05 ")).toBe("09:05");
    expect(parseUkTime("1730")).toBe("17:30");
    expect(parseUkTime("00:00")).toBe("00:00");
    expect(parseUkTime("23:59")).toBe("23:59");
    for (const bad of ["24:00", "12:60", "9am", "noon", "", "1:2", "123:00"]) expect(parseUkTime(bad), bad).toBeUndefined();
    expect(ukLocalToInstant({ date: "2026-03-27", time: "25:00" })).toEqual({ ok: false, reason: "invalid-time" });
  });

  it("turns a date input's boxes into a date and back", () => {
    expect(dateFromParts({ day: "7", month: "3", year: "2027" })).toBe("2027-03-07");
    expect(dateFromParts({ day: " 30 ", month: "03", year: "2026" })).toBe("2026-03-30");
    expect(dateFromParts({ day: "7", month: "March", year: "2027" })).toBe("");
    expect(dateFromParts({ day: "7", month: "3", year: "27" })).toBe("");
    expect(partsFromDate("2027-03-07")).toEqual({ day: "7", month: "3", year: "2027" });
  });
});
