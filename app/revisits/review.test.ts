import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { revisitDefinition } from "./template";
import {
  cleanText,
  formIds,
  mayResolve,
  parseComment,
  parseResolution,
  parseSignoff,
  REVIEW_LIMITS,
  reviewerCapacity,
  reviewPages,
  summariseSignoff,
} from "./review";

const questions = new Map([
  ["listened", "The council and health services listen to parents and carers and act on what we say."],
  ["one_thing", "What one thing would make the biggest difference to your child?"],
]);

describe("who does what in the review", () => {
  const table: [Role, ReturnType<typeof reviewerCapacity>, boolean][] = [
    ["pcf_reviewer", "reviewer", false],
    ["admin", "cover", true],
    ["officer", null, true],
    ["group_member", null, false],
    ["provider", null, false],
  ];
  it.each(table)("%s: comments and signs off as %s; resolves: %s", (role, capacity, resolves) => {
    expect(reviewerCapacity(role)).toBe(capacity);
    expect(mayResolve(role)).toBe(resolves);
  });
});

describe("cleanText", () => {
  it("trims and counts a line break as one character, however the browser sent it", () => {
    expect(cleanText("  one\r\ntwo\rthree\n ")).toBe("one\ntwo\nthree");
    expect(cleanText(undefined)).toBe("");
    expect(cleanText(["a"])).toBe("");
  });
});

describe("parseComment", () => {
  it("takes a comment on a question with suggested wording", () => {
    expect(parseComment({ question: "listened", body: " Too long a sentence. ", suggestion: "Do the council and health services listen to you?" }, questions)).toEqual({
      ok: true,
      data: { questionKey: "listened", body: "Too long a sentence.", suggestion: "Do the council and health services listen to you?" },
    });
  });

  it("takes a comment on the whole survey; an empty suggestion is no suggestion", () => {
    expect(parseComment({ question: "", body: "Add a question about short breaks.", suggestion: "  " }, questions)).toEqual({
      ok: true,
      data: { questionKey: null, body: "Add a question about short breaks.", suggestion: null },
    });
  });

  it("needs a comment, at most 2,000 characters", () => {
    expect(parseComment({ question: "listened", body: " \r\n " }, questions)).toMatchObject({ ok: false, errors: { body: "errors.body.required" } });
    expect(parseComment({ question: "listened", body: "x".repeat(REVIEW_LIMITS.body) }, questions).ok).toBe(true);
    expect(parseComment({ question: "listened", body: "x".repeat(REVIEW_LIMITS.body + 1) }, questions)).toMatchObject({
      ok: false,
      errors: { body: "errors.body.tooLong" },
      params: { body: 2000 },
    });
  });

  it("counts a typed line break once, so 2,000 characters with line breaks still fit", () => {
    const body = `${"x".repeat(999)}\r\n${"y".repeat(1000)}`;
    expect(parseComment({ question: "", body }, questions).ok).toBe(true);
  });

  it("keeps a suggestion to 1,000 characters, to a question, and to new wording", () => {
    expect(parseComment({ question: "listened", body: "b", suggestion: "s".repeat(1001) }, questions)).toMatchObject({ errors: { suggestion: "errors.suggestion.tooLong" } });
    expect(parseComment({ question: "", body: "b", suggestion: "New words" }, questions)).toMatchObject({ errors: { suggestion: "errors.suggestion.wholeSurvey" } });
    expect(parseComment({ question: "one_thing", body: "b", suggestion: ` ${questions.get("one_thing")} ` }, questions)).toMatchObject({
      errors: { suggestion: "errors.suggestion.same" },
    });
  });

  it("refuses a question the survey does not have, and reports every problem at once", () => {
    expect(parseComment({ question: "nope", body: "", suggestion: "" }, questions)).toEqual({
      ok: false,
      errors: { question: "errors.question.unknown", body: "errors.body.required" },
      params: { body: 2000, suggestion: 1000 },
    });
  });
});

describe("parseResolution", () => {
  it("needs a decision and a reply", () => {
    expect(parseResolution({ decision: "accepted", reply: " Thank you, changed. " })).toEqual({ ok: true, data: { decision: "accepted", reply: "Thank you, changed." } });
    expect(parseResolution({ decision: "rejected", reply: "Inspectors asked for this wording." })).toMatchObject({ ok: true, data: { decision: "rejected" } });
    expect(parseResolution({})).toEqual({
      ok: false,
      errors: { decision: "errors.decision.required", reply: "errors.reply.required" },
      params: { reply: 2000 },
    });
    expect(parseResolution({ decision: "maybe", reply: "ok" })).toMatchObject({ ok: false, errors: { decision: "errors.decision.required" } });
    expect(parseResolution({ decision: "accepted", reply: "r".repeat(2001) })).toMatchObject({ ok: false, errors: { reply: "errors.reply.tooLong" } });
  });
});

describe("parseSignoff", () => {
  it("takes an optional note of up to 1,000 characters", () => {
    expect(parseSignoff({})).toEqual({ ok: true, data: { note: "" } });
    expect(parseSignoff({ note: " Agreed at the forum's meeting. " })).toEqual({ ok: true, data: { note: "Agreed at the forum's meeting." } });
    expect(parseSignoff({ note: "n".repeat(1001) })).toMatchObject({ ok: false, errors: { note: "errors.note.tooLong" } });
  });
});

describe("summariseSignoff", () => {
  const at = new Date("2026-11-23T10:00:00Z");
  it("says what the top of the page says", () => {
    expect(summariseSignoff({ openComments: 2, signoff: null })).toEqual({ kind: "none", open: 2 });
    expect(summariseSignoff({ openComments: 0, signoff: null })).toEqual({ kind: "none", open: 0 });
    expect(summariseSignoff({ openComments: 0, signoff: { by: "Reviewer", at, current: true } })).toEqual({ kind: "signed", by: "Reviewer", at });
    expect(summariseSignoff({ openComments: 1, signoff: { by: "Reviewer", at, current: true } })).toEqual({ kind: "signedOpen", by: "Reviewer", at, open: 1 });
    expect(summariseSignoff({ openComments: 0, signoff: { by: null, at, current: false } })).toEqual({ kind: "stale", by: null, at, open: 0 });
  });
});

describe("formIds", () => {
  it("gives every form on the page its own ids, so an error links to the right field", () => {
    const ids = [formIds.comment(null), formIds.comment("survey"), formIds.comment("whole"), formIds.resolve("abc"), formIds.signoff];
    expect(new Set(ids).size).toBe(ids.length);
    expect(formIds.field(formIds.comment("listened"), "body")).toBe("comment-q-listened-body");
  });
});

describe("reviewPages", () => {
  const definition = revisitDefinition({ title: "Re-visit", focuses: [{ number: 4, plainTitle: "Parents and carers were not listened to" }] });
  const pages = reviewPages(definition, { fixed: (scale, value) => `${scale}:${value}`, districts: ["Burnley", "Preston"] });

  it("numbers the questions through the whole survey, page by page, in English", () => {
    expect(pages.map((p) => [p.number, p.title, p.questions.map((q) => q.number)])).toEqual([
      [1, "Parents and carers were not listened to", [1, 2]],
      [2, "Overall", [3, 4]],
      [3, "About you", [5, 6, 7, 8]],
    ]);
    expect(pages[0]!.questions[0]!.text).toContain("The last inspection found: “Parents and carers were not listened to”.");
    expect(pages[0]!.questions[1]).toMatchObject({ key: "more_4", hint: expect.stringContaining("do not write your name"), options: [] });
  });

  it("lists the answers a parent chooses from: the survey's own, the fixed scales, and the districts", () => {
    const byKey = new Map(pages.flatMap((p) => p.questions).map((q) => [q.key, q.options]));
    expect(byKey.get("change_4")).toEqual(["Better", "About the same", "Worse", "I don't know"]);
    expect(byKey.get("listened")).toEqual(["agreement:strongly_agree", "agreement:agree", "agreement:neither", "agreement:disagree", "agreement:strongly_disagree", "agreement:dont_know"]);
    expect(byKey.get("district")).toEqual(["Burnley", "Preston"]);
    expect(byKey.get("completed_by")).toEqual(["completedBy:on_my_own", "completedBy:with_help", "completedBy:answered_for_me"]);
  });
});
