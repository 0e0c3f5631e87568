import { describe, expect, it } from "vitest";
import { checkStatusChange, parseThemes, suggestGroup, type ConcernForSuggestion } from "./triage";

// Concern ids differ from numbers on purpose; groups 10 (Strategy), 20 (Engagement), 30 (Identifying and meeting need).
const concerns: ConcernForSuggestion[] = [
  { id: 101, number: 1, groupIds: [10] },
  { id: 104, number: 4, groupIds: [20] },
  { id: 106, number: 6, groupIds: [30] },
  { id: 102, number: 2, groupIds: [30, 10] },
  { id: 107, number: 7, groupIds: [30] },
  { id: 112, number: 12, groupIds: [20] },
];
const order = [10, 20, 30];

describe("suggesting a working group", () => {
  it("follows the words to the area of concern, and the area to the group whose actions address it", () => {
    expect(suggestGroup({ text: "We waited two years for an autism diagnosis", topic: null }, concerns, order)).toEqual({
      groupId: 30,
      concernIds: [107],
      matched: ["autism", "diagnosis"],
    });
  });

  it("forgives a misspelling and words split by punctuation", () => {
    const result = suggestGroup({ text: "The E.H.C plan's annual reveiw never happened", topic: null }, concerns, order);
    expect(result.groupId).toBe(30);
    expect(result.matched).toEqual(expect.arrayContaining(["annual review"]));
  });

  it("counts the topic the family chose as one more pointer", () => {
    expect(suggestGroup({ text: "Nobody rang me back", topic: "local_offer" }, concerns, order)).toMatchObject({
      groupId: 20,
      concernIds: [112],
      matched: [],
    });
  });

  it("adds up the areas for each group, and gives ties to the group listed first", () => {
    // "Data" points at 102 (groups 30 and 10) and nothing else: a tie, which goes to 10.
    expect(suggestGroup({ text: "The data is wrong", topic: null }, concerns, order).groupId).toBe(10);
    // Listening (20) twice beats autism (30) once.
    expect(suggestGroup({ text: "I was ignored and not listened to about autism", topic: null }, concerns, order).groupId).toBe(20);
  });

  it("makes no suggestion when nothing points anywhere", () => {
    expect(suggestGroup({ text: "Thank you", topic: "other" }, concerns, order)).toEqual({ groupId: null, concernIds: [], matched: [] });
  });
});

describe("changing an item's status", () => {
  it("goes to a working group only once it has one", () => {
    expect(checkStatusChange({ from: "received", to: "with_group", hasGroup: false, note: "" })).toEqual({ ok: false, problem: "noGroup" });
    expect(checkStatusChange({ from: "received", to: "with_group", hasGroup: true, note: "" })).toEqual({ ok: true, status: "with_group" });
  });

  it("asks where a family was signposted to", () => {
    expect(checkStatusChange({ from: "received", to: "signposted", hasGroup: false, note: " " })).toEqual({
      ok: false,
      problem: "noteNeeded",
    });
    expect(checkStatusChange({ from: "received", to: "signposted", hasGroup: false, note: "Told to contact the school's SENCO" }).ok).toBe(
      true,
    );
  });

  it("refuses a status that does not exist, or one that changes nothing", () => {
    expect(checkStatusChange({ from: "received", to: "responded", hasGroup: true, note: "" })).toEqual({ ok: false, problem: "unknown" });
    expect(checkStatusChange({ from: "closed", to: "closed", hasGroup: true, note: "" })).toEqual({ ok: false, problem: "same" });
  });
});

describe("themes", () => {
  it("tidies what an officer types: lower case, each once", () => {
    expect(parseThemes("Transport, waiting times; transport\n ")).toEqual({ ok: true, themes: ["transport", "waiting times"] });
    expect(parseThemes("")).toEqual({ ok: true, themes: [] });
  });

  it("refuses more than ten, or one too long to be a theme", () => {
    expect(parseThemes(Array.from({ length: 11 }, (_, i) => `theme ${i}`).join(","))).toEqual({ ok: false, problem: "tooMany" });
    expect(parseThemes("x".repeat(41))).toEqual({ ok: false, problem: "tooLong" });
  });
});
