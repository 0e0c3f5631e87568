import { describe, expect, it } from "vitest";
import {
  canConfirmLevel,
  canEditActivity,
  closeRefusal,
  dateFrom,
  editRefusal,
  financialQuarter,
  isHttpUrl,
  levelRefusal,
  parseActivity,
  parseCount,
  parseQuarterKey,
  parseTaskCodes,
  publishRefusal,
  quarterRange,
  type ActivityState,
} from "./rules";

const TODAY = "2026-11-23";

const form = (overrides: Record<string, string | string[]> = {}) => ({
  title: "Short breaks workshop",
  "heldOn-day": "10",
  "heldOn-month": "11",
  "heldOn-year": "2026",
  workingGroupId: "2",
  type: "workshop",
  decisionOpen: "How short breaks money is shared out",
  familiesJoinedStage: "start",
  level: "co_production",
  parentCarer: "12",
  young11to15: "3",
  ...overrides,
});

const parse = (overrides: Record<string, string | string[]> = {}) => parseActivity(form(overrides), TODAY);
const errorsOf = (overrides: Record<string, string | string[]> = {}) => {
  const result = parse(overrides);
  return result.ok ? {} : result.errors;
};

describe("reading the activity form", () => {
  it("accepts a complete activity and keeps counts by role and age band, never names", () => {
    const result = parse({ support: ["bsl", "easy_read"], venueNotes: "Step-free, quiet room", evidenceLinks: "https://example.org/notes\r\nhttp://example.org/b\n\n", tasks: "h1.2, C3.1 h1.2", actions: ["4", "7"] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      title: "Short breaks workshop",
      heldOn: "2026-11-10",
      workingGroupId: 2,
      type: "workshop",
      level: "co_production",
      familiesJoinedStage: "start",
      participants: { parent_carer: 12, young_person: { under_11: 0, "11_15": 3, "16_18": 0, "19_25": 0 }, practitioner: 0, other: 0 },
      accessibility: { interpreter: false, bsl: true, easy_read: true, venue_notes: "Step-free, quiet room" },
      evidenceLinks: ["https://example.org/notes", "http://example.org/b"],
      taskCodes: ["H1.2", "C3.1"],
      actionIds: [4, 7],
      toldOutcomeOn: null,
    });
  });

  it("refuses co-production when families joined at any stage after the start", () => {
    for (const stage of ["options", "decision", "delivery", "review"]) {
      expect(errorsOf({ familiesJoinedStage: stage })).toEqual({ level: "errors.coProductionNeedsStart" });
    }
    expect(errorsOf({ familiesJoinedStage: "start" })).toEqual({});
  });

  it("allows every other level whenever families joined", () => {
    for (const level of ["information", "consultation", "participation"]) {
      expect(parse({ level, familiesJoinedStage: "review" }).ok).toBe(true);
    }
  });

  it("asks for the things every activity needs", () => {
    const errors = errorsOf({ title: " ", "heldOn-day": "", "heldOn-month": "", "heldOn-year": "", type: "", decisionOpen: "", familiesJoinedStage: "", level: "" });
    expect(errors).toEqual({
      title: "errors.titleMissing",
      heldOn: "errors.heldOnMissing",
      type: "errors.typeMissing",
      decisionOpen: "errors.decisionMissing",
      familiesJoinedStage: "errors.stageMissing",
      level: "errors.levelMissing",
    });
  });

  it("refuses a type, stage or level that is not on the list", () => {
    expect(errorsOf({ type: "party", familiesJoinedStage: "whenever", level: "total" })).toEqual({
      type: "errors.typeMissing",
      familiesJoinedStage: "errors.stageMissing",
      level: "errors.levelMissing",
    });
  });

  it("refuses dates that do not exist", () => {
    expect(errorsOf({ "heldOn-day": "31", "heldOn-month": "11" })).toEqual({ heldOn: "errors.dateInvalid" });
    expect(errorsOf({ "heldOn-day": "29", "heldOn-month": "2", "heldOn-year": "2026" })).toEqual({ heldOn: "errors.dateInvalid" });
    expect(errorsOf({ "heldOn-year": "26" })).toEqual({ heldOn: "errors.dateInvalid" });
  });

  it("takes whole numbers from 0 to 10,000 as counts, blank as none", () => {
    expect(parseCount("")).toBe(0);
    expect(parseCount("0")).toBe(0);
    expect(parseCount(" 10,000 ")).toBe(10_000);
    expect(parseCount("10001")).toBeNull();
    expect(parseCount("-1")).toBeNull();
    expect(parseCount("2.5")).toBeNull();
    expect(parseCount("1e3")).toBeNull();
    expect(parseCount("twelve")).toBeNull();
    expect(errorsOf({ practitioner: "3.5", other: "99999" })).toEqual({ practitioner: "errors.countInvalid", other: "errors.countInvalid" });
  });

  it("needs at least one participant", () => {
    expect(errorsOf({ parentCarer: "0", young11to15: "" })).toEqual({ participants: "errors.noParticipants" });
    expect(parse({ parentCarer: "0", young11to15: "", practitioner: "1" }).ok).toBe(true);
  });

  it("accepts only well-formed http and https evidence links", () => {
    expect(isHttpUrl("https://lancashire.example/minutes.pdf")).toBe(true);
    expect(isHttpUrl("http://example.org")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("ftp://example.org/file")).toBe(false);
    expect(isHttpUrl("www.example.org")).toBe(false);
    expect(isHttpUrl("https://exa mple.org")).toBe(false);
    expect(isHttpUrl("https://localhost")).toBe(false);
    expect(isHttpUrl("https://user:secret@example.org")).toBe(false);
    expect(errorsOf({ evidenceLinks: "https://example.org\njavascript:alert(1)" })).toEqual({ evidenceLinks: "errors.linkInvalid" });
    expect(errorsOf({ evidenceLinks: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`).join("\n") })).toEqual({ evidenceLinks: "errors.tooManyLinks" });
  });

  it("refuses text that is too long", () => {
    expect(errorsOf({ title: "x".repeat(201) })).toEqual({ title: "errors.tooLong" });
    expect(errorsOf({ familiesSaid: "x".repeat(4001) })).toEqual({ familiesSaid: "errors.tooLong" });
  });

  it("checks how and when participants were told the outcome", () => {
    const told = (day: string, how = "By email and at the next forum meeting") => ({ toldOutcomeHow: how, "toldOutcomeOn-day": day, "toldOutcomeOn-month": "11", "toldOutcomeOn-year": "2026" });
    expect(parse(told("10")).ok).toBe(true);
    expect(parse(told("20")).ok).toBe(true);
    expect(errorsOf(told("9"))).toEqual({ toldOutcomeOn: "errors.toldBeforeHeld" });
    expect(errorsOf(told("24"))).toEqual({ toldOutcomeOn: "errors.toldInFuture" });
    expect(errorsOf(told("20", ""))).toEqual({ toldOutcomeHow: "errors.toldHowMissing" });
    expect(errorsOf({ toldOutcomeHow: "By letter" })).toEqual({ toldOutcomeOn: "errors.toldOnMissing" });
    expect(errorsOf(told("32"))).toEqual({ toldOutcomeOn: "errors.dateInvalid" });
  });

  it("refuses a working group or action that is not a number", () => {
    expect(errorsOf({ workingGroupId: "two", actions: ["1", "x"] })).toEqual({ workingGroupId: "errors.groupInvalid", actions: "errors.actionInvalid" });
    expect(parse({ workingGroupId: "" }).ok).toBe(true);
  });
});

describe("small helpers", () => {
  it("reads dates from three boxes", () => {
    expect(dateFrom("1", "4", "2026")).toBe("2026-04-01");
    expect(dateFrom("", "4", "2026")).toBeNull();
    expect(dateFrom("31", "4", "2026")).toBeNull();
  });

  it("reads task codes however they are separated", () => {
    expect(parseTaskCodes(" h1.2,C3.1;  h1.2 ")).toEqual(["H1.2", "C3.1"]);
    expect(parseTaskCodes("")).toEqual([]);
  });

  it("puts dates in UK financial quarters", () => {
    expect(financialQuarter("2026-04-01")).toEqual({ year: 2026, quarter: 1, key: "2026-Q1" });
    expect(financialQuarter("2026-06-30").quarter).toBe(1);
    expect(financialQuarter("2026-07-01").quarter).toBe(2);
    expect(financialQuarter("2026-11-23")).toEqual({ year: 2026, quarter: 3, key: "2026-Q3" });
    expect(financialQuarter("2027-01-05")).toEqual({ year: 2026, quarter: 4, key: "2026-Q4" });
    expect(financialQuarter("2027-03-31").key).toBe("2026-Q4");
    expect(quarterRange({ year: 2026, quarter: 1 })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(quarterRange({ year: 2026, quarter: 3 })).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({ from: "2027-01-01", to: "2027-03-31" });
    expect(parseQuarterKey("2026-Q3")).toEqual({ year: 2026, quarter: 3, key: "2026-Q3" });
    expect(parseQuarterKey("2026-Q5")).toBeNull();
    expect(parseQuarterKey(null)).toBeNull();
  });

  it("refuses co-production unless families joined from the start", () => {
    expect(levelRefusal("co_production", "start")).toBeNull();
    expect(levelRefusal("co_production", "options")).toBe("errors.coProductionNeedsStart");
    expect(levelRefusal("participation", "review")).toBeNull();
  });
});

describe("publishing, closing and confirming", () => {
  const state = (overrides: Partial<ActivityState> = {}): ActivityState => ({
    status: "published",
    heldOn: "2026-11-10",
    level: "co_production",
    familiesJoinedStage: "start",
    familiesSaid: "Families wanted Saturday sessions.",
    whatChanged: "Sessions now run on Saturdays.",
    whatDidNotChange: "",
    toldOutcomeHow: "",
    toldOutcomeOn: null,
    ...overrides,
  });

  it("will not close until participants have been told the outcome, how and when", () => {
    expect(closeRefusal(state())).toBe("errors.closeNeedsTold");
    expect(closeRefusal(state({ toldOutcomeHow: "By email" }))).toBe("errors.closeNeedsTold");
    expect(closeRefusal(state({ toldOutcomeOn: "2026-11-20" }))).toBe("errors.closeNeedsTold");
    expect(closeRefusal(state({ toldOutcomeHow: "By email", toldOutcomeOn: "2026-11-09" }))).toBe("errors.toldBeforeHeld");
    expect(closeRefusal(state({ toldOutcomeHow: "By email", toldOutcomeOn: "2026-11-10" }))).toBeNull();
  });

  it("closes only a published activity, once", () => {
    const told = { toldOutcomeHow: "By email", toldOutcomeOn: "2026-11-20" };
    expect(closeRefusal(state({ ...told, status: "draft" }))).toBe("errors.closeNeedsPublished");
    expect(closeRefusal(state({ ...told, status: "closed" }))).toBe("errors.alreadyClosed");
    expect(editRefusal({ status: "closed" })).toBe("errors.closedNoEdit");
    expect(editRefusal({ status: "published" })).toBeNull();
  });

  it("publishes a draft only when it says what families said and what came of it", () => {
    expect(publishRefusal(state({ status: "draft" }))).toBeNull();
    expect(publishRefusal(state({ status: "draft", familiesSaid: "" }))).toBe("errors.publishNeedsSaid");
    expect(publishRefusal(state({ status: "draft", whatChanged: "" }))).toBe("errors.publishNeedsOutcome");
    expect(publishRefusal(state({ status: "draft", whatChanged: "", whatDidNotChange: "Budget was fixed." }))).toBeNull();
    expect(publishRefusal(state())).toBe("errors.alreadyPublished");
  });

  it("lets only the parent carer forum's reviewer confirm the level, not an admin", () => {
    expect(canConfirmLevel("pcf_reviewer")).toBe(true);
    for (const role of ["admin", "officer", "group_member", "provider"] as const) expect(canConfirmLevel(role)).toBe(false);
  });

  it("lets a group member edit only their own groups' activities", () => {
    expect(canEditActivity({ role: "officer", workingGroupIds: [] }, null)).toBe(true);
    expect(canEditActivity({ role: "admin", workingGroupIds: [] }, 3)).toBe(true);
    expect(canEditActivity({ role: "group_member", workingGroupIds: [2] }, 2)).toBe(true);
    expect(canEditActivity({ role: "group_member", workingGroupIds: [2] }, 3)).toBe(false);
    expect(canEditActivity({ role: "group_member", workingGroupIds: [2] }, null)).toBe(false);
    expect(canEditActivity({ role: "pcf_reviewer", workingGroupIds: [2] }, 2)).toBe(false);
  });
});
