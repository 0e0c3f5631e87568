import { describe, expect, it } from "vitest";
import { checkStatusChange, groupActions, parseThemes, seesAll, suggestGroup, summariseLinks, type ConcernForSuggestion } from "./triage";

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

describe("the actions an item can be linked to", () => {
  const actions = [
    { id: 1, letter: "A", title: "Strategy", groupIds: [10] },
    { id: 8, letter: "H", title: "Engagement", groupIds: [20] },
    { id: 9, letter: "I", title: "Shared", groupIds: [10, 20] },
    { id: 12, letter: "L", title: "Nobody's", groupIds: [] },
    { id: 13, letter: "M", title: "Identifying", groupIds: [30] },
  ];

  it("lists the item's own group first, then the others in order, then actions no group holds", () => {
    expect(groupActions(actions, order, 20).map((g) => [g.groupId, g.actions.map((a) => a.letter)])).toEqual([
      [20, ["H", "I"]],
      [10, ["A"]],
      [30, ["M"]],
      [null, ["L"]],
    ]);
  });

  it("lists an action two groups hold once, under the first group when the item has none", () => {
    const groups = groupActions(actions, order, null);
    expect(groups.map((g) => [g.groupId, g.actions.map((a) => a.letter)])).toEqual([
      [10, ["A", "I"]],
      [20, ["H"]],
      [30, ["M"]],
      [null, ["L"]],
    ]);
    expect(groups.flatMap((g) => g.actions).length).toBe(actions.length);
  });

  it("leaves out groups with no actions, and a group the plan does not know", () => {
    expect(groupActions([actions[1]!], order, 99).map((g) => g.groupId)).toEqual([20]);
  });
});

describe("what a linked step in the history says", () => {
  const labels = {
    concerns: new Map([
      [104, 4],
      [107, 7],
    ]),
    actions: new Map([[8, "H"]]),
    tasks: new Map([
      [41, "H10"],
      [40, "H4"],
    ]),
  };

  it("names areas, actions and tasks by the labels people know, in order", () => {
    expect(summariseLinks({ concernIds: [107, 104], actionIds: [8], taskIds: [41, 40], themes: ["transport"] }, labels)).toEqual({
      concerns: [4, 7],
      actions: ["H"],
      tasks: ["H4", "H10"],
      themes: ["transport"],
    });
  });

  it("reads steps recorded before actions could be linked, and leaves out what no longer exists", () => {
    expect(summariseLinks({ concernIds: [104, 999], taskIds: [], themes: [] }, labels)).toEqual({
      concerns: [4],
      actions: [],
      tasks: [],
      themes: [],
    });
    expect(summariseLinks(null, labels)).toEqual({ concerns: [], actions: [], tasks: [], themes: [] });
  });
});

describe("who sees every item", () => {
  it("is officers and admins; a group member sees their groups'", () => {
    expect(seesAll({ role: "officer", workingGroupIds: [] })).toBe(true);
    expect(seesAll({ role: "admin", workingGroupIds: [] })).toBe(true);
    expect(seesAll({ role: "group_member", workingGroupIds: [1] })).toBe(false);
  });
});
