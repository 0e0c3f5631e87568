import { describe, expect, it } from "vitest";
import { answersFor, answersInScope, checkAnswer, checkPage, firstMissing, isRealDate, visiblePages } from "./answers";
import { en, SurveyDefinitionSchema, type Question, type SurveyDefinition } from "./definition";

const context = { districts: ["burnley", "pendle"] };

function question(overrides: Partial<Question>): Question {
  return { key: "q", type: "short_text", required: true, text: en("Question"), hint: [], options: [], allowDontKnow: true, ...overrides };
}

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("checkAnswer", () => {
  it("refuses an option value the question does not have (a tampered form)", () => {
    const q = question({ type: "single_choice", options: [{ value: "a", label: en("A") }, { value: "b", label: en("B") }] });
    expect(checkAnswer(q, "a", context)).toEqual({ ok: true, value: "a" });
    expect(checkAnswer(q, "z", context)).toMatchObject({ ok: false, error: "errors.unknownOption", raw: "z" });
    expect(checkAnswer(q, ["a", "b"], context)).toMatchObject({ ok: false, error: "errors.oneAnswer" });
  });

  it("keeps multiple choice answers once each, in the question's order, and refuses unknown ones", () => {
    const q = question({ type: "multiple_choice", options: ["a", "b", "c"].map((v) => ({ value: v, label: en(v) })) });
    expect(checkAnswer(q, ["c", "a", "c"], context)).toEqual({ ok: true, value: ["a", "c"] });
    expect(checkAnswer(q, ["a", "x"], context)).toMatchObject({ ok: false, error: "errors.unknownOption" });
  });

  it("accepts the fixed scales' values and 'don't know' only when offered", () => {
    expect(checkAnswer(question({ type: "agreement" }), "dont_know", context)).toEqual({ ok: true, value: "dont_know" });
    expect(checkAnswer(question({ type: "agreement", allowDontKnow: false }), "dont_know", context).ok).toBe(false);
    expect(checkAnswer(question({ type: "face_scale" }), "5", context)).toEqual({ ok: true, value: "5" });
    expect(checkAnswer(question({ type: "face_scale" }), "6", context).ok).toBe(false);
    expect(checkAnswer(question({ type: "yes_no_not_sure" }), "not_sure", context).ok).toBe(true);
  });

  it("takes districts from the area's list", () => {
    expect(checkAnswer(question({ type: "single_choice", about: "district", required: false }), "pendle", context).ok).toBe(true);
    expect(checkAnswer(question({ type: "single_choice", about: "district", required: false }), "atlantis", context).ok).toBe(false);
  });

  it("refuses text over the limit and keeps what was typed to show again", () => {
    const long = "x".repeat(5001);
    expect(checkAnswer(question({ type: "long_text" }), long, context)).toEqual({ ok: false, error: "errors.tooLongLong", raw: long });
    expect(checkAnswer(question({ type: "long_text" }), "x".repeat(5000), context).ok).toBe(true);
    expect(checkAnswer(question({ type: "short_text" }), "x".repeat(201), context).ok).toBe(false);
  });

  it("checks numbers and their range", () => {
    const q = question({ type: "number", min: 0, max: 25 });
    expect(checkAnswer(q, "7", context)).toEqual({ ok: true, value: "7" });
    expect(checkAnswer(q, "seven", context)).toMatchObject({ ok: false, error: "errors.notNumber" });
    expect(checkAnswer(q, "26", context)).toMatchObject({ ok: false, error: "errors.numberRange" });
  });

  it("refuses dates that do not exist and tidies real ones", () => {
    const q = question({ type: "date" });
    expect(checkAnswer(q, "2026-2-30", context)).toMatchObject({ ok: false, error: "errors.dateReal" });
    expect(checkAnswer(q, "2025-2-29", context)).toMatchObject({ ok: false, error: "errors.dateReal" });
    expect(checkAnswer(q, "2024-2-29", context)).toEqual({ ok: true, value: "2024-02-29" });
    expect(checkAnswer(q, "2024--29", context)).toMatchObject({ ok: false, error: "errors.dateIncomplete" });
    expect(isRealDate(2026, 13, 1)).toBe(false);
  });

  it("asks for an answer to a required question and accepts an empty optional one", () => {
    expect(checkAnswer(question({ type: "single_choice", options: [{ value: "a", label: en("A") }] }), "", context)).toMatchObject({
      ok: false,
      error: "errors.requiredChoice",
    });
    expect(checkAnswer(question({ required: false }), "  ", context)).toEqual({ ok: true, value: null });
  });
});

const definition: SurveyDefinition = SurveyDefinitionSchema.parse({
  title: en("Test"),
  purpose: en("Purpose"),
  howUsed: en("How used"),
  estimatedMinutes: 5,
  pages: [
    { key: "p1", questions: [{ key: "happy", type: "yes_no_not_sure", required: true, text: en("Happy?") }] },
    {
      key: "p2",
      condition: { question: "happy", anyOf: ["no"] },
      questions: [{ key: "why", type: "long_text", required: true, text: en("Why not?") }],
    },
    {
      key: "p3",
      questions: [
        { key: "school", type: "yes_no_not_sure", required: true, text: en("At school?") },
        { key: "which", type: "short_text", required: false, text: en("Which?"), condition: { question: "school", anyOf: ["yes"] } },
      ],
    },
  ],
});

describe("conditions", () => {
  it("shows a follow-up page only when its condition is met", () => {
    expect(visiblePages(definition, { happy: "yes" }).map((p) => p.key)).toEqual(["p1", "p3"]);
    expect(visiblePages(definition, { happy: "no" }).map((p) => p.key)).toEqual(["p1", "p2", "p3"]);
  });

  it("drops answers to questions a changed answer has hidden", () => {
    expect(answersInScope(definition, { happy: "yes", why: "old words", school: "no", which: "Old school" })).toEqual({ happy: "yes", school: "no" });
  });

  it("judges a question against the answer given above it on the same page", () => {
    const page = definition.pages[2]!;
    const sent = checkPage(page, form([["school", "yes"], ["which", "Burnley High"]]), {}, context);
    expect(sent.errors).toEqual({});
    expect(sent.answers).toEqual({ school: "yes", which: "Burnley High" });
    const bad = checkPage(page, form([["school", "maybe"]]), { school: "yes" }, context);
    expect(bad.errors).toEqual({ school: "errors.unknownOption" });
    expect(bad.raw).toEqual({ school: "maybe" });
  });

  it("finds the first required question still unanswered, among those that apply", () => {
    expect(firstMissing(definition, { happy: "no" }, context)?.question.key).toBe("why");
    expect(firstMissing(definition, { happy: "yes", school: "no" }, context)).toBeUndefined();
  });
});

describe("definition checks", () => {
  it("refuses a condition on a later question, duplicate keys and a survey without English", () => {
    const base = { title: en("T"), purpose: en("P"), howUsed: en("H"), estimatedMinutes: 3 };
    const later = SurveyDefinitionSchema.safeParse({
      ...base,
      pages: [
        { key: "a", condition: { question: "b", anyOf: ["yes"] }, questions: [{ key: "x", type: "short_text", required: false, text: en("X") }] },
        { key: "b", questions: [{ key: "b", type: "yes_no_not_sure", required: false, text: en("B") }] },
      ],
    });
    expect(later.success).toBe(false);
    const duplicate = SurveyDefinitionSchema.safeParse({
      ...base,
      pages: [{ key: "a", questions: [1, 2].map(() => ({ key: "x", type: "short_text", required: false, text: en("X") })) }],
    });
    expect(duplicate.error?.issues.map((i) => i.message)).toContain("definition.duplicateKey");
    const noEnglish = SurveyDefinitionSchema.safeParse({ ...base, title: [{ language: "pl", format: "standard", text: "Ankieta", reviewed: false }], pages: [] });
    expect(noEnglish.error?.issues.map((i) => i.message)).toContain("definition.englishRequired");
  });
});

describe("answersFor", () => {
  it("keeps only the answers to the questions given, so a page sends no one else's", () => {
    const q = (key: string) => ({ key }) as Question;
    expect(answersFor([q("a"), q("c")], { a: "yes", b: "private", c: ["x", "y"] })).toEqual({ a: "yes", c: ["x", "y"] });
    expect(answersFor([q("d")], { a: "yes" })).toEqual({});
  });
});
