import { describe, expect, it } from "vitest";
import { addMonths, phasesForAges, slugify } from "./model";

describe("phasesForAges", () => {
  it("does not count a phase the range only touches", () => {
    expect(phasesForAges(5, 11)).toEqual(["primary"]);
    expect(phasesForAges(0, 4)).toEqual(["early_years"]);
    expect(phasesForAges(16, 19)).toEqual(["post_16"]);
  });
  it("spans every phase a wide range covers", () => {
    expect(phasesForAges(0, 25)).toEqual(["early_years", "primary", "secondary", "post_16", "adult_transition"]);
    expect(phasesForAges(10, 17)).toEqual(["primary", "secondary", "post_16"]);
  });
  it("puts a single age in the phase that starts at or before it", () => {
    expect(phasesForAges(4, 4)).toEqual(["primary"]);
    expect(phasesForAges(11, 11)).toEqual(["secondary"]);
    expect(phasesForAges(25, 25)).toEqual(["adult_transition"]);
  });
});

describe("addMonths", () => {
  it("keeps the day, or the month's last day when it is shorter", () => {
    expect(addMonths("2026-05-23", 6)).toBe("2026-11-23");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
  });
});

describe("slugify", () => {
  it("makes a readable address from a name", () => {
    expect(slugify("Burnley Autism & ADHD Group")).toBe("burnley-autism-and-adhd-group");
    expect(slugify("  Café Ténéré!! ")).toBe("cafe-tenere");
  });
});
