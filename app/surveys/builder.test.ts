import { describe, expect, it } from "vitest";
import {
  addPage,
  addQuestion,
  conditionFromForm,
  conditionTargets,
  deletePage,
  deleteQuestion,
  englishOf,
  moveQuestion,
  movePage,
  parseOptions,
  parsePageForm,
  parseQuestionForm,
  setCondition,
  textSlots,
  updateDetails,
  updatePage,
  updateQuestion,
  updateTexts,
  variantOf,
  type EditResult,
  type QuestionInput,
} from "./builder";
import { en, SurveyDefinitionSchema, withVariant, type SurveyDefinition } from "./definition";

function survey(): SurveyDefinition {
  return SurveyDefinitionSchema.parse({
    title: en("Annual survey"),
    purpose: en("To learn what works"),
    howUsed: en("We count the answers"),
    estimatedMinutes: 10,
    pages: [
      {
        key: "school",
        title: en("School"),
        questions: [
          {
            key: "at_school",
            type: "yes_no_not_sure",
            required: true,
            text: withVariant(en("Does your child go to school?"), { language: "pl", format: "standard", text: "Czy dziecko chodzi do szkoły?", reviewed: true }),
          },
          {
            key: "school_kind",
            type: "single_choice",
            required: false,
            text: en("What kind of school?"),
            options: [
              { value: "mainstream", label: withVariant(en("Mainstream"), { language: "pl", format: "easy_read", text: "Zwykła szkoła", pictogram: "school", reviewed: true }) },
              { value: "special", label: en("Special") },
            ],
            condition: { question: "at_school", anyOf: ["yes"] },
          },
        ],
      },
      {
        key: "support",
        title: [],
        questions: [
          { key: "support_good", type: "agreement", required: true, text: en("The support is good"), hint: en("Think about this year") },
          { key: "comments", type: "long_text", required: false, text: en("Anything else?") },
        ],
      },
    ],
  });
}

function question(overrides: Partial<QuestionInput> = {}): QuestionInput {
  return {
    key: "new_q",
    type: "short_text",
    required: false,
    text: "A new question",
    hint: "",
    options: [],
    allowDontKnow: true,
    min: null,
    max: null,
    areaOfConcern: null,
    workingGroup: null,
    about: null,
    ...overrides,
  };
}

function ok(result: EditResult): SurveyDefinition {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.definition;
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const keys = (d: SurveyDefinition) => d.pages.map((p) => `${p.key}: ${p.questions.map((q) => q.key).join(" ")}`);

describe("details", () => {
  it("changes the English texts and marks their translations for review", () => {
    const base = survey();
    base.title = withVariant(base.title, { language: "ur", format: "standard", text: "سالانہ سروے", reviewed: true });
    const next = ok(updateDetails(base, { title: "Annual survey 2027", purpose: "To learn what works", howUsed: "We count the answers", estimatedMinutes: 12 }));
    expect(englishOf(next.title)).toBe("Annual survey 2027");
    expect(variantOf(next.title, "ur", "standard")).toMatchObject({ text: "سالانہ سروے", reviewed: false });
    expect(next.estimatedMinutes).toBe(12);
    // The purpose did not change, so nothing about it needs review.
    expect(next.purpose).toEqual(base.purpose);
  });
});

describe("pages", () => {
  it("adds a page at the end with its first question", () => {
    const next = ok(addPage(survey(), { key: "health", title: "Health", condition: null }, question({ key: "health_ok", type: "face_scale", text: "How is your health?" })));
    expect(keys(next)).toEqual(["school: at_school school_kind", "support: support_good comments", "health: health_ok"]);
    expect(englishOf(next.pages[2]!.title)).toBe("Health");
  });

  it("refuses a page key already used, and a first question whose key is taken", () => {
    const result = addPage(survey(), { key: "school", title: "", condition: null }, question({ key: "comments" }));
    expect(result).toMatchObject({ ok: false, reason: "invalid", errors: { pageKey: "errors.keyTaken", key: "errors.keyTaken" } });
  });

  it("changes a page's key, title and condition", () => {
    const next = ok(updatePage(survey(), "support", { key: "the_support", title: "Support", condition: { question: "at_school", anyOf: ["yes", "not_sure"] } }));
    expect(next.pages[1]).toMatchObject({ key: "the_support", condition: { question: "at_school", anyOf: ["yes", "not_sure"] } });
    expect(englishOf(next.pages[1]!.title)).toBe("Support");
  });

  it("refuses a page condition on a question of the same or a later page", () => {
    expect(updatePage(survey(), "school", { key: "school", title: "", condition: { question: "at_school", anyOf: ["yes"] } })).toMatchObject({
      ok: false,
      errors: { showIf: "errors.conditionNotEarlier" },
    });
    expect(updatePage(survey(), "support", { key: "support", title: "", condition: { question: "at_school", anyOf: ["maybe"] } })).toMatchObject({
      ok: false,
      errors: { showIf: "errors.conditionUnknownAnswer" },
    });
  });

  it("moves pages, but not above a page whose answers a condition needs", () => {
    const conditioned = ok(updatePage(survey(), "support", { key: "support", title: "", condition: { question: "at_school", anyOf: ["yes"] } }));
    expect(movePage(conditioned, "support", "up")).toMatchObject({ ok: false, errors: { form: "definition.conditionUnknown" }, params: { form: { page: "support" } } });
    expect(keys(ok(movePage(survey(), "support", "up")))).toEqual(["support: support_good comments", "school: at_school school_kind"]);
    // Already at the top: nothing happens.
    expect(keys(ok(movePage(survey(), "school", "up")))).toEqual(keys(survey()));
  });

  it("deletes a page unless a later condition tests one of its questions", () => {
    expect(keys(ok(deletePage(survey(), "support")))).toEqual(["school: at_school school_kind"]);
    const conditioned = ok(updatePage(survey(), "support", { key: "support", title: "", condition: { question: "at_school", anyOf: ["yes"] } }));
    expect(deletePage(conditioned, "school")).toMatchObject({ ok: false, errors: { form: "errors.pageHasDependents" }, params: { form: { keys: "support" } } });
    expect(deletePage(survey(), "nowhere")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("questions", () => {
  it("adds a single-choice question with its options at the end of a page", () => {
    const next = ok(
      addQuestion(
        survey(),
        "support",
        question({ key: "helped", type: "single_choice", options: [{ value: "a_lot", label: "A lot" }, { value: "a_little", label: "A little" }] }),
      ),
    );
    const added = next.pages[1]!.questions[2]!;
    expect(added.key).toBe("helped");
    expect(added.options.map((o) => [o.value, englishOf(o.label)])).toEqual([
      ["a_lot", "A lot"],
      ["a_little", "A little"],
    ]);
  });

  it("refuses a duplicate key, an unknown page, and a choice question with one option", () => {
    expect(addQuestion(survey(), "support", question({ key: "at_school" }))).toMatchObject({ ok: false, errors: { key: "errors.keyTaken" } });
    expect(addQuestion(survey(), "nowhere", question())).toMatchObject({ ok: false, errors: { page: "errors.pageMissing" } });
    expect(addQuestion(survey(), "support", question({ type: "multiple_choice", options: [{ value: "only", label: "Only" }] }))).toMatchObject({
      ok: false,
      errors: { form: "definition.tooFewOptions" },
    });
  });

  it("keeps an option's translations when its value stays, and drops options when the type has none", () => {
    const base = survey();
    const next = ok(
      updateQuestion(base, "school_kind", {
        ...question({ key: "school_kind", type: "single_choice", text: "What kind of school?" }),
        options: [
          { value: "mainstream", label: "Mainstream" },
          { value: "special", label: "Special school" },
          { value: "home", label: "Educated at home" },
        ],
      }),
    );
    const options = next.pages[0]!.questions[1]!.options;
    expect(variantOf(options[0]!.label, "pl", "easy_read")).toMatchObject({ text: "Zwykła szkoła", pictogram: "school", reviewed: true });
    expect(options.map((o) => o.value)).toEqual(["mainstream", "special", "home"]);
    // The condition it had stays.
    expect(next.pages[0]!.questions[1]!.condition).toEqual({ question: "at_school", anyOf: ["yes"] });

    const asText = ok(updateQuestion(base, "school_kind", question({ key: "school_kind", type: "short_text", text: "What kind of school?" })));
    expect(asText.pages[0]!.questions[1]!.options).toEqual([]);
  });

  it("renames a question and carries the new key into the conditions that test it", () => {
    const next = ok(updateQuestion(survey(), "at_school", question({ key: "goes_to_school", type: "yes_no_not_sure", required: true, text: "Does your child go to school?" })));
    expect(next.pages[0]!.questions[1]!.condition).toEqual({ question: "goes_to_school", anyOf: ["yes"] });
    // The Polish translation is kept (the English did not change).
    expect(variantOf(next.pages[0]!.questions[0]!.text, "pl", "standard")?.reviewed).toBe(true);
  });

  it("refuses a new type whose answers no longer include those a condition tests", () => {
    const result = updateQuestion(survey(), "at_school", question({ key: "at_school", type: "short_text", text: "School?" }));
    expect(result).toMatchObject({ ok: false, errors: { type: "errors.answersTested" }, params: { type: { keys: "school_kind" } } });
  });

  it("moves a question to another page, but not one whose condition would then come first", () => {
    const next = ok(updateQuestion(survey(), "comments", { ...question({ key: "comments", type: "long_text", text: "Anything else?" }), page: "school" }));
    expect(keys(next)).toEqual(["school: at_school school_kind comments", "support: support_good"]);
    const conditioned = ok(setCondition(survey(), "comments", { question: "support_good", anyOf: ["agree"] }));
    expect(updateQuestion(conditioned, "comments", { ...question({ key: "comments", type: "long_text", text: "Anything else?" }), page: "school" })).toMatchObject({
      ok: false,
      errors: { page: "errors.moveBreaksCondition" },
    });
    expect(updateQuestion(survey(), "comments", { ...question({ key: "comments" }), page: "nowhere" })).toMatchObject({ ok: false, errors: { page: "errors.pageMissing" } });
  });

  it("will not empty a page by moving or deleting its last question", () => {
    const single = ok(deleteQuestion(survey(), "comments"));
    expect(updateQuestion(single, "support_good", { ...question({ key: "support_good", type: "agreement", text: "Good?" }), page: "school" })).toMatchObject({
      ok: false,
      errors: { page: "errors.lastQuestionOnPage" },
    });
    expect(deleteQuestion(single, "support_good")).toMatchObject({ ok: false, errors: { form: "errors.lastQuestionOnPage" }, params: { form: { page: "support" } } });
  });

  it("moves a question within its page, never above the question its condition tests", () => {
    expect(moveQuestion(survey(), "school_kind", "up")).toMatchObject({ ok: false, errors: { form: "definition.conditionUnknown" }, params: { form: { question: "school_kind" } } });
    expect(keys(ok(moveQuestion(survey(), "support_good", "down")))).toEqual(["school: at_school school_kind", "support: comments support_good"]);
    expect(moveQuestion(survey(), "ghost", "down")).toEqual({ ok: false, reason: "not-found" });
  });

  it("deletes a question unless a condition tests it", () => {
    expect(deleteQuestion(survey(), "at_school")).toMatchObject({ ok: false, errors: { form: "errors.questionHasDependents" }, params: { form: { keys: "school_kind" } } });
    expect(keys(ok(deleteQuestion(survey(), "school_kind")))).toEqual(["school: at_school", "support: support_good comments"]);
  });

  it("keeps number limits only for number questions, and don't know only for agreement", () => {
    const next = ok(addQuestion(survey(), "support", question({ key: "age", type: "number", min: 0, max: 25, allowDontKnow: false })));
    expect(next.pages[1]!.questions[2]).toMatchObject({ min: 0, max: 25, allowDontKnow: true });
    const scale = ok(addQuestion(survey(), "support", question({ key: "fair", type: "agreement", min: 1, allowDontKnow: false })));
    expect(scale.pages[1]!.questions[2]).toMatchObject({ min: null, allowDontKnow: false });
  });
});

describe("conditions", () => {
  it("offers only earlier questions with a list of answers", () => {
    const targets = conditionTargets(survey(), { question: "comments" });
    expect(targets.map((t) => t.key)).toEqual(["at_school", "school_kind", "support_good"]);
    expect(targets[1]!.values).toEqual([
      { value: "mainstream", label: "Mainstream" },
      { value: "special", label: "Special" },
    ]);
    expect(targets[2]!.values.map((v) => v.value)).toContain("dont_know");
    expect(conditionTargets(survey(), { page: "support" }).map((t) => t.key)).toEqual(["at_school", "school_kind"]);
    expect(conditionTargets(survey(), { question: "at_school" })).toEqual([]);
  });

  it("sets and removes a condition", () => {
    const next = ok(setCondition(survey(), "comments", { question: "school_kind", anyOf: ["special"] }));
    expect(next.pages[1]!.questions[1]!.condition).toEqual({ question: "school_kind", anyOf: ["special"] });
    expect(ok(setCondition(next, "comments", null)).pages[1]!.questions[1]!.condition).toBeNull();
  });

  it("refuses a condition on a later question, on itself, or on answers the question does not have", () => {
    expect(setCondition(survey(), "at_school", { question: "support_good", anyOf: ["agree"] })).toMatchObject({ ok: false, errors: { showIf: "errors.conditionNotEarlier" } });
    expect(setCondition(survey(), "comments", { question: "comments", anyOf: ["x"] })).toMatchObject({ ok: false, errors: { showIf: "errors.conditionNotEarlier" } });
    expect(setCondition(survey(), "comments", { question: "at_school", anyOf: ["perhaps"] })).toMatchObject({ ok: false, errors: { showIf: "errors.conditionUnknownAnswer" } });
    expect(setCondition(survey(), "ghost", null)).toEqual({ ok: false, reason: "not-found" });
  });

  it("reads ticked answers of one question from a form", () => {
    expect(conditionFromForm(form({}))).toEqual({ ok: true, condition: null });
    expect(conditionFromForm(form({ showIf: ["at_school:yes", "at_school:not_sure"] }))).toEqual({ ok: true, condition: { question: "at_school", anyOf: ["yes", "not_sure"] } });
    expect(conditionFromForm(form({ showIf: ["at_school:yes", "school_kind:special"] }))).toEqual({ ok: false, error: "errors.conditionOneQuestion" });
  });
});

describe("texts in other languages and easy read", () => {
  it("lists every text, with pictograms for questions and options in easy read", () => {
    const slots = textSlots(survey(), "pl", "easy_read");
    expect(slots.map((s) => s.name)).toEqual([
      "title",
      "purpose",
      "howUsed",
      "page.school.title",
      "question.at_school.text",
      "question.school_kind.text",
      "option.school_kind.mainstream",
      "option.school_kind.special",
      // The support page has no title, so nothing to translate; its hint does.
      "question.support_good.text",
      "question.support_good.hint",
      "question.comments.text",
    ]);
    expect(slots.filter((s) => s.pictogram).map((s) => s.name)).toEqual([
      "question.at_school.text",
      "question.school_kind.text",
      "option.school_kind.mainstream",
      "option.school_kind.special",
      "question.support_good.text",
      "question.comments.text",
    ]);
    expect(textSlots(survey(), "pl", "standard").some((s) => s.pictogram)).toBe(false);
    // In English standard every page title and hint can be written.
    expect(textSlots(survey(), "en-GB", "standard").map((s) => s.name)).toContain("page.support.title");
  });

  it("writes Polish easy read with pictograms, marks who checked it, and removes emptied variants", () => {
    const next = ok(
      updateTexts(survey(), {
        language: "pl",
        format: "easy_read",
        reviewed: true,
        values: {
          "question.at_school.text": { text: "Czy chodzisz do szkoły?", pictogram: "school" },
          "option.school_kind.mainstream": { text: "", pictogram: null },
          "option.school_kind.special": { text: "Szkoła specjalna", pictogram: "help" },
        },
      }),
    );
    const q = next.pages[0]!.questions;
    expect(variantOf(q[0]!.text, "pl", "easy_read")).toEqual({ language: "pl", format: "easy_read", text: "Czy chodzisz do szkoły?", pictogram: "school", reviewed: true });
    // Other variants untouched.
    expect(variantOf(q[0]!.text, "pl", "standard")?.text).toBe("Czy dziecko chodzi do szkoły?");
    expect(variantOf(q[1]!.options[0]!.label, "pl", "easy_read")).toBeUndefined();
    expect(variantOf(q[1]!.options[1]!.label, "pl", "easy_read")).toMatchObject({ pictogram: "help" });

    const machine = ok(updateTexts(survey(), { language: "ur", format: "standard", reviewed: false, values: { title: { text: "سالانہ سروے", pictogram: null } } }));
    expect(variantOf(machine.title, "ur", "standard")).toMatchObject({ reviewed: false });
  });

  it("refuses text over the limit, a pictogram without words, an unknown pictogram and empty English", () => {
    const result = updateTexts(survey(), {
      language: "pl",
      format: "easy_read",
      reviewed: true,
      values: {
        title: { text: "x".repeat(201), pictogram: null },
        "question.at_school.text": { text: "", pictogram: "school" },
        "question.comments.text": { text: "Coś jeszcze?", pictogram: "unicorn" },
      },
    });
    expect(result).toMatchObject({
      ok: false,
      errors: { title: "errors.textTooLong", "question-at_school-text": "errors.pictogramNeedsText", "question-comments-text-pictogram": "errors.pictogramUnknown" },
      params: { title: { max: 200 } },
    });
    expect(updateTexts(survey(), { language: "en-GB", format: "standard", reviewed: true, values: { purpose: { text: " ", pictogram: null } } })).toMatchObject({
      ok: false,
      errors: { purpose: "errors.englishRequired" },
    });
  });

  it("marks the other versions for review when English changes here", () => {
    const next = ok(updateTexts(survey(), { language: "en-GB", format: "standard", reviewed: true, values: { "question.at_school.text": { text: "Is your child at school?", pictogram: null } } }));
    expect(variantOf(next.pages[0]!.questions[0]!.text, "pl", "standard")?.reviewed).toBe(false);
    expect(englishOf(next.pages[0]!.questions[0]!.text)).toBe("Is your child at school?");
  });
});

describe("forms", () => {
  const references = { areaNumbers: [1, 2, 3], groupSlugs: ["engagement"] };

  it("reads options as value | label, or a label alone", () => {
    expect(parseOptions("yes_school | Yes, at school\n\nHome education  \nnone|None")).toEqual({
      ok: true,
      options: [
        { value: "yes_school", label: "Yes, at school" },
        { value: "home_education", label: "Home education" },
        { value: "none", label: "None" },
      ],
    });
    expect(parseOptions("a | One\na | Two")).toEqual({ ok: false, error: "errors.optionDuplicate", params: { value: "a" } });
    expect(parseOptions("Bad Value | One")).toEqual({ ok: false, error: "errors.optionValueFormat", params: { line: 1 } });
    expect(parseOptions("ok |  ")).toEqual({ ok: false, error: "errors.optionLabelMissing", params: { line: 1 } });
  });

  it("reads a whole question form, with every mistake at once", () => {
    const parsed = parseQuestionForm(
      form({ key: "Bad Key", type: "single_choice", required: "", text: "", options: "only | Only", areaOfConcern: "9", workingGroup: "nobody", about: "" }),
      references,
    );
    expect(parsed).toEqual({
      ok: false,
      params: {},
      errors: {
        key: "errors.keyFormat",
        required: "errors.requiredMissing",
        text: "errors.textMissing",
        areaOfConcern: "errors.areaUnknown",
        workingGroup: "errors.groupUnknown",
        options: "errors.optionsTooFew",
      },
    });
    const good = parseQuestionForm(
      form({ key: "kind", type: "single_choice", required: "yes", text: " Which? ", hint: "", options: "a | A\nb | B", areaOfConcern: "2", workingGroup: "engagement", about: "" }),
      references,
    );
    expect(good).toMatchObject({ ok: true, data: { key: "kind", required: true, text: "Which?", areaOfConcern: 2, workingGroup: "engagement", options: [{ value: "a" }, { value: "b" }] } });
  });

  it("keeps the rules between fields: about you is single choice, min is not above max, text not too long", () => {
    expect(parseQuestionForm(form({ key: "where", type: "multiple_choice", required: "no", text: "Where?", about: "district" }), references)).toMatchObject({
      ok: false,
      errors: { about: "errors.aboutSingleChoice" },
    });
    expect(parseQuestionForm(form({ key: "n", type: "number", required: "no", text: "How many?", min: "10", max: "2" }), references)).toMatchObject({
      ok: false,
      errors: { max: "errors.rangeOrder" },
    });
    expect(parseQuestionForm(form({ key: "n", type: "number", required: "no", text: "x".repeat(501), min: "ten" }), references)).toMatchObject({
      ok: false,
      errors: { text: "errors.questionTextTooLong", min: "errors.minNumber" },
    });
    // An "about you" question takes the portal's list: no options needed.
    expect(parseQuestionForm(form({ key: "district", type: "single_choice", required: "no", text: "Where do you live?", about: "district" }), references)).toMatchObject({
      ok: true,
      data: { about: "district", options: [] },
    });
  });

  it("reads a page form with its condition", () => {
    expect(parsePageForm(form({ pageKey: "health", pageTitle: "Health", showIf: "at_school:no" }))).toEqual({
      ok: true,
      data: { key: "health", title: "Health", condition: { question: "at_school", anyOf: ["no"] } },
    });
    expect(parsePageForm(form({ pageKey: "", pageTitle: "x".repeat(201) }))).toEqual({
      ok: false,
      errors: { pageKey: "errors.pageKeyMissing", pageTitle: "errors.pageTitleTooLong" },
    });
  });
});
