/**
 * The survey builder's edits, as pure functions: each takes a definition and
 * what an officer asked for, and gives back a new definition checked with
 * `SurveyDefinitionSchema`, or messages for the form (keys in the
 * "survey-builder" namespace). No database, no React: `builder.server.ts`
 * loads and saves, the routes turn forms into the inputs below.
 */
import { z } from "zod";
import type { ContentFormat, TextVariant } from "../i18n/content";
import type { FieldErrors } from "../utils/form-data";
import {
  aboutYouKinds,
  allQuestions,
  customOptionTypes,
  fixedValues,
  questionTypes,
  SurveyDefinitionSchema,
  withVariant,
  type AboutYouKind,
  type Condition,
  type Option,
  type Question,
  type QuestionType,
  type SurveyDefinition,
  type SurveyPage,
  type Text,
} from "./definition";
import { isPictogram } from "./pictograms";

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const OPTION_VALUE_PATTERN = /^[a-z0-9_]{1,40}$/;

/** The longest each text may be, in every language and format. */
export const LIMITS = {
  title: 200,
  purpose: 2000,
  howUsed: 2000,
  pageTitle: 200,
  questionText: 500,
  hint: 1000,
  optionLabel: 200,
  /** Options on one question. */
  options: 50,
} as const;

export function surveyPath(id: string, page = ""): string {
  return `/admin/surveys/${id}${page ? `/${page}` : ""}`;
}

export const builderLanguages = ["en-GB", "ur", "pl"] as const;
export const builderFormats: readonly ContentFormat[] = ["standard", "easy_read"];

export type ErrorParams = Record<string, Record<string, string | number>>;

/** What an edit comes back with: the new definition, "no such page or question" (404), or messages by field (400). */
export type EditResult =
  | { ok: true; definition: SurveyDefinition }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; errors: FieldErrors; params?: ErrorParams };

export type Invalid = Extract<EditResult, { reason: "invalid" }>;

function invalid(field: string, message: string, params?: Record<string, string | number>): Invalid {
  return { ok: false, reason: "invalid", errors: { [field]: message }, params: params ? { [field]: params } : undefined };
}

const notFound = { ok: false, reason: "not-found" } as const;

// ---- Texts ---------------------------------------------------------------------------

export function variantOf(text: Text | undefined, language: string, format: ContentFormat): TextVariant | undefined {
  return text?.find((v) => v.language === language && v.format === format);
}

/** The English standard text (every text has one; optional texts may be empty). */
export function englishOf(text: Text | undefined): string {
  return variantOf(text, "en-GB", "standard")?.text ?? "";
}

/**
 * Sets the English standard text. When it changes, every other variant (a
 * translation, easy read) is marked as needing review: it may no longer say the
 * same thing. An optional text left empty is removed with all its variants: a
 * translation of nothing means nothing.
 */
export function setEnglish(text: Text, value: string, { optional = false } = {}): Text {
  const typed = value.trim();
  if (optional && typed === "") return [];
  if (typed === englishOf(text)) return text;
  const others = text.filter((v) => !(v.language === "en-GB" && v.format === "standard")).map((v) => ({ ...v, reviewed: false }));
  return [{ language: "en-GB", format: "standard", text: typed, reviewed: true }, ...others];
}

// ---- Finding things ------------------------------------------------------------------

export interface QuestionPlace {
  page: SurveyPage;
  pageIndex: number;
  question: Question;
  questionIndex: number;
}

export function locateQuestion(definition: SurveyDefinition, key: string): QuestionPlace | undefined {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const questionIndex = page.questions.findIndex((q) => q.key === key);
    if (questionIndex >= 0) return { page, pageIndex, question: page.questions[questionIndex]!, questionIndex };
  }
  return undefined;
}

export function findPage(definition: SurveyDefinition, key: string): SurveyPage | undefined {
  return definition.pages.find((p) => p.key === key);
}

/** Question keys are unique across the survey (answers are stored by them); page keys among pages. */
function questionKeyTaken(definition: SurveyDefinition, key: string, except?: string): boolean {
  return key !== except && allQuestions(definition).some((q) => q.key === key);
}

function pageKeyTaken(definition: SurveyDefinition, key: string, except?: string): boolean {
  return key !== except && definition.pages.some((p) => p.key === key);
}

/** The values a question can be answered with, when it has a fixed or builder-made list (a condition can test them). */
export function conditionValues(question: Question): readonly string[] | undefined {
  const fixed = fixedValues(question);
  if (fixed) return fixed;
  if (customOptionTypes.includes(question.type) && !question.about && question.options.length > 0) return question.options.map((o) => o.value);
  return undefined;
}

export interface ConditionTarget {
  key: string;
  text: string;
  type: QuestionType;
  about: AboutYouKind | null;
  /** Each value with its English label for builder-made options (fixed values are named by the interface). */
  values: { value: string; label: string | null }[];
}

function targetOf(question: Question): ConditionTarget | undefined {
  const values = conditionValues(question);
  if (!values) return undefined;
  const label = (value: string) => {
    const option = question.options.find((o) => o.value === value);
    return option && !fixedValues(question) ? englishOf(option.label) : null;
  };
  return { key: question.key, text: englishOf(question.text), type: question.type, about: question.about ?? null, values: values.map((value) => ({ value, label: label(value) })) };
}

/** Every question with a list of answers, for putting conditions into words. */
export function allTargets(definition: SurveyDefinition): ConditionTarget[] {
  return allQuestions(definition)
    .map(targetOf)
    .filter((t): t is ConditionTarget => t !== undefined);
}

/**
 * The questions a condition may test: for a question, those before it (earlier
 * pages, or above it on its page); for a page, those on earlier pages. Only
 * questions with a list of answers qualify.
 */
export function conditionTargets(definition: SurveyDefinition, at: { question: string } | { page: string }): ConditionTarget[] {
  const earlier: Question[] = [];
  for (const page of definition.pages) {
    if ("page" in at && page.key === at.page) break;
    const index = "question" in at ? page.questions.findIndex((q) => q.key === at.question) : -1;
    if (index >= 0) {
      earlier.push(...page.questions.slice(0, index));
      break;
    }
    earlier.push(...page.questions);
  }
  return earlier.map(targetOf).filter((t): t is ConditionTarget => t !== undefined);
}

/** Where a question's or a page's condition is used: the keys of what depends on `questionKey`. */
export function dependentsOf(definition: SurveyDefinition, questionKeys: readonly string[]): { pages: string[]; questions: string[] } {
  const hits = (c: Condition | null | undefined) => Boolean(c && questionKeys.includes(c.question));
  return {
    pages: definition.pages.filter((p) => hits(p.condition)).map((p) => p.key),
    questions: allQuestions(definition)
      .filter((q) => hits(q.condition) && !questionKeys.includes(q.key))
      .map((q) => q.key),
  };
}

// ---- Checking a whole definition ---------------------------------------------------

/** The key of the page or question an issue's path points at, for the message. */
function subjectOf(definition: SurveyDefinition, path: (string | number)[]): Record<string, string> {
  const [pages, p, questions, q] = path;
  if (pages !== "pages" || typeof p !== "number") return {};
  const page = definition.pages[p];
  if (questions === "questions" && typeof q === "number") return { page: page?.key ?? "", question: page?.questions[q]?.key ?? "" };
  // i18next's context: "definition.conditionUnknown_page" speaks of the page.
  return { page: page?.key ?? "", context: "page" };
}

/**
 * Checks the edited definition as a whole (the same check every writer
 * passes). What zod finds (a condition left pointing at a later question, say)
 * becomes one message for the form as a whole.
 */
export function checkDefinition(definition: SurveyDefinition, field = "form"): EditResult {
  const result = SurveyDefinitionSchema.safeParse(definition);
  if (result.success) return { ok: true, definition: result.data };
  const issue = result.error.issues[0]!;
  const known = /^definition\.[a-zA-Z]+$/.test(issue.message) ? issue.message : "definition.invalid";
  return invalid(field, known, subjectOf(definition, issue.path));
}

function withPages(definition: SurveyDefinition, pages: SurveyPage[]): SurveyDefinition {
  return { ...definition, pages };
}

function mapQuestions(definition: SurveyDefinition, fn: (q: Question) => Question): SurveyDefinition {
  return withPages(
    definition,
    definition.pages.map((p) => ({ ...p, questions: p.questions.map(fn) })),
  );
}

// ---- Survey details ------------------------------------------------------------------

export interface DetailsInput {
  title: string;
  purpose: string;
  howUsed: string;
  estimatedMinutes: number;
}

export function updateDetails(definition: SurveyDefinition, input: DetailsInput): EditResult {
  return checkDefinition({
    ...definition,
    title: setEnglish(definition.title, input.title),
    purpose: setEnglish(definition.purpose, input.purpose),
    howUsed: setEnglish(definition.howUsed, input.howUsed),
    estimatedMinutes: input.estimatedMinutes,
  });
}

// ---- Pages ---------------------------------------------------------------------------

export interface PageInput {
  key: string;
  title: string;
  condition: Condition | null;
}

function checkPageCondition(definition: SurveyDefinition, pageKey: string | null, condition: Condition | null): Invalid | undefined {
  if (!condition) return undefined;
  const targets = pageKey === null ? definition.pages.flatMap((p) => p.questions).map(targetOf).filter((t) => t !== undefined) : conditionTargets(definition, { page: pageKey });
  return checkConditionAgainst(targets, condition, "showIf");
}

function checkConditionAgainst(targets: ConditionTarget[], condition: Condition, field: string): Invalid | undefined {
  const target = targets.find((t) => t.key === condition.question);
  if (!target) return invalid(field, "errors.conditionNotEarlier", { question: condition.question });
  const allowed = new Set(target.values.map((v) => v.value));
  if (condition.anyOf.length === 0) return invalid(field, "errors.conditionNoAnswers");
  if (condition.anyOf.some((v) => !allowed.has(v))) return invalid(field, "errors.conditionUnknownAnswer");
  return undefined;
}

/**
 * A page is never empty (a respondent would see nothing), so a new page comes
 * with its first question. It goes at the end of the survey.
 */
export function addPage(definition: SurveyDefinition, page: PageInput, first: QuestionInput): EditResult {
  const errors: FieldErrors = {};
  const params: ErrorParams = {};
  if (pageKeyTaken(definition, page.key)) errors.pageKey = "errors.keyTaken";
  if (questionKeyTaken(definition, first.key)) errors.key = "errors.keyTaken";
  const conditionProblem = checkPageCondition(definition, null, page.condition);
  if (conditionProblem) {
    Object.assign(errors, conditionProblem.errors);
    Object.assign(params, conditionProblem.params);
  }
  if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors, params };
  const question = buildQuestion(undefined, first);
  return checkDefinition(
    withPages(definition, [...definition.pages, { key: page.key, title: setEnglish([], page.title, { optional: true }), condition: page.condition, questions: [question] }]),
  );
}

export function updatePage(definition: SurveyDefinition, pageKey: string, input: PageInput): EditResult {
  const page = findPage(definition, pageKey);
  if (!page) return notFound;
  if (pageKeyTaken(definition, input.key, pageKey)) return invalid("pageKey", "errors.keyTaken");
  const conditionProblem = checkPageCondition(definition, pageKey, input.condition);
  if (conditionProblem) return conditionProblem;
  return checkDefinition(
    withPages(
      definition,
      definition.pages.map((p) =>
        p.key === pageKey ? { ...p, key: input.key, title: setEnglish(p.title, input.title, { optional: true }), condition: input.condition } : p,
      ),
    ),
  );
}

export type Direction = "up" | "down";

function moved<T>(list: readonly T[], index: number, direction: Direction): T[] | undefined {
  const to = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || to < 0 || to >= list.length) return undefined;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

/** A move that would put a condition after the question it tests is refused (the whole-definition check says which). */
export function movePage(definition: SurveyDefinition, pageKey: string, direction: Direction): EditResult {
  const index = definition.pages.findIndex((p) => p.key === pageKey);
  if (index < 0) return notFound;
  const pages = moved(definition.pages, index, direction);
  if (!pages) return { ok: true, definition };
  return checkDefinition(withPages(definition, pages));
}

/** Deletes a page and its questions, unless a later condition tests one of them. */
export function deletePage(definition: SurveyDefinition, pageKey: string): EditResult {
  const page = findPage(definition, pageKey);
  if (!page) return notFound;
  const keys = page.questions.map((q) => q.key);
  const dependents = dependentsOf(definition, keys);
  const outside = [...dependents.pages.filter((k) => k !== pageKey), ...dependents.questions.filter((k) => !keys.includes(k))];
  if (outside.length) return invalid("form", "errors.pageHasDependents", { keys: outside.join(", ") });
  return checkDefinition(withPages(definition, definition.pages.filter((p) => p.key !== pageKey)));
}

// ---- Questions -----------------------------------------------------------------------

export interface OptionInput {
  value: string;
  label: string;
}

export interface QuestionInput {
  key: string;
  type: QuestionType;
  required: boolean;
  text: string;
  hint: string;
  /** Builder-made options (single and multiple choice); ignored for the other types. */
  options: OptionInput[];
  allowDontKnow: boolean;
  min: number | null;
  max: number | null;
  areaOfConcern: number | null;
  workingGroup: string | null;
  about: AboutYouKind | null;
}

/** Whether the builder's option list applies: choice questions that are not "about you" (those take the portal's lists). */
export function usesOwnOptions(question: Pick<Question, "type" | "about">): boolean {
  return customOptionTypes.includes(question.type) && !question.about;
}

/** Keeps each option's translations and easy read when its value stays; a changed English label marks them for review. */
function buildOptions(before: readonly Option[], input: readonly OptionInput[]): Option[] {
  return input.map(({ value, label }) => {
    const existing = before.find((o) => o.value === value);
    return { value, label: setEnglish(existing?.label ?? [], label) };
  });
}

function buildQuestion(before: Question | undefined, input: QuestionInput): Question {
  const ownOptions = usesOwnOptions(input);
  return {
    key: input.key,
    type: input.type,
    required: input.required,
    text: setEnglish(before?.text ?? [], input.text),
    hint: setEnglish(before?.hint ?? [], input.hint, { optional: true }),
    options: ownOptions ? buildOptions(before?.options ?? [], input.options) : [],
    allowDontKnow: input.type === "agreement" ? input.allowDontKnow : true,
    condition: before?.condition ?? null,
    areaOfConcern: input.areaOfConcern,
    workingGroup: input.workingGroup,
    about: input.about,
    min: input.type === "number" ? input.min : null,
    max: input.type === "number" ? input.max : null,
  };
}

/** Adds a question at the end of a page. */
export function addQuestion(definition: SurveyDefinition, pageKey: string, input: QuestionInput): EditResult {
  if (!findPage(definition, pageKey)) return invalid("page", "errors.pageMissing");
  if (questionKeyTaken(definition, input.key)) return invalid("key", "errors.keyTaken");
  const question = buildQuestion(undefined, input);
  return checkDefinition(
    withPages(
      definition,
      definition.pages.map((p) => (p.key === pageKey ? { ...p, questions: [...p.questions, question] } : p)),
    ),
  );
}

/**
 * Changes a question. A new key is carried into every condition that tests
 * it; a new page moves it to the end of that page. The whole-definition check
 * refuses a change that breaks another question's condition (a type whose
 * answers no longer include the ones tested, a move above the tested question).
 */
export function updateQuestion(definition: SurveyDefinition, key: string, input: QuestionInput & { page?: string }): EditResult {
  const place = locateQuestion(definition, key);
  if (!place) return notFound;
  if (questionKeyTaken(definition, input.key, key)) return invalid("key", "errors.keyTaken");
  const targetPage = input.page ?? place.page.key;
  if (!findPage(definition, targetPage)) return invalid("page", "errors.pageMissing");
  if (targetPage !== place.page.key && place.page.questions.length === 1) return invalid("page", "errors.lastQuestionOnPage", { page: place.page.key });

  const changed = buildQuestion(place.question, input);
  // Conditions elsewhere that test this question's answers must still find them.
  const values = conditionValues(changed);
  const testing = [...definition.pages.filter((p) => p.condition?.question === key), ...allQuestions(definition).filter((q) => q.key !== key && q.condition?.question === key)];
  const broken = testing.filter((item) => !values || item.condition!.anyOf.some((v) => !values.includes(v)));
  if (broken.length) return invalid("type", "errors.answersTested", { keys: broken.map((item) => item.key).join(", ") });

  let next = withPages(
    definition,
    definition.pages.map((p) => {
      if (p.key === place.page.key && p.key === targetPage) return { ...p, questions: p.questions.map((q) => (q.key === key ? changed : q)) };
      if (p.key === place.page.key) return { ...p, questions: p.questions.filter((q) => q.key !== key) };
      if (p.key === targetPage) return { ...p, questions: [...p.questions, changed] };
      return p;
    }),
  );
  if (input.key !== key) next = renameInConditions(next, key, input.key);
  const checked = checkDefinition(next);
  if (!checked.ok && checked.reason === "invalid" && targetPage !== place.page.key) return { ...checked, errors: { page: "errors.moveBreaksCondition" }, params: { page: checked.params?.form ?? {} } };
  return checked;
}

function renameInConditions(definition: SurveyDefinition, from: string, to: string): SurveyDefinition {
  const rename = (c: Condition | null | undefined) => (c && c.question === from ? { ...c, question: to } : c);
  const renamed = mapQuestions(definition, (q) => ({ ...q, condition: rename(q.condition) }));
  return withPages(
    renamed,
    renamed.pages.map((p) => ({ ...p, condition: rename(p.condition) })),
  );
}

/** Moves a question up or down within its page. */
export function moveQuestion(definition: SurveyDefinition, key: string, direction: Direction): EditResult {
  const place = locateQuestion(definition, key);
  if (!place) return notFound;
  const questions = moved(place.page.questions, place.questionIndex, direction);
  if (!questions) return { ok: true, definition };
  return checkDefinition(
    withPages(
      definition,
      definition.pages.map((p) => (p.key === place.page.key ? { ...p, questions } : p)),
    ),
  );
}

/** Deletes a question, unless a condition tests it or it is the only one on its page (delete the page instead). */
export function deleteQuestion(definition: SurveyDefinition, key: string): EditResult {
  const place = locateQuestion(definition, key);
  if (!place) return notFound;
  if (place.page.questions.length === 1) return invalid("form", "errors.lastQuestionOnPage", { page: place.page.key });
  const dependents = dependentsOf(definition, [key]);
  const keys = [...dependents.pages, ...dependents.questions];
  if (keys.length) return invalid("form", "errors.questionHasDependents", { keys: keys.join(", ") });
  return checkDefinition(
    withPages(
      definition,
      definition.pages.map((p) => (p.key === place.page.key ? { ...p, questions: p.questions.filter((q) => q.key !== key) } : p)),
    ),
  );
}

/** Shows a question only if an earlier answer is one of some values; null removes the condition. */
export function setCondition(definition: SurveyDefinition, key: string, condition: Condition | null): EditResult {
  const place = locateQuestion(definition, key);
  if (!place) return notFound;
  if (condition) {
    const problem = checkConditionAgainst(conditionTargets(definition, { question: key }), condition, "showIf");
    if (problem) return problem;
  }
  return checkDefinition(mapQuestions(definition, (q) => (q.key === key ? { ...q, condition } : q)));
}

// ---- Texts in every language and format ---------------------------------------------

export type TextKind = "title" | "purpose" | "howUsed" | "pageTitle" | "questionText" | "hint" | "optionLabel";

export interface TextSlot {
  /** The form field's name; its id is the same with dots as dashes. */
  name: string;
  kind: TextKind;
  pageKey?: string;
  questionKey?: string;
  optionValue?: string;
  /** English standard must not be empty. */
  required: boolean;
  /** Easy read carries a pictogram here (questions and options). */
  pictogram: boolean;
  max: number;
  text: Text;
}

const maxOf: Record<TextKind, number> = {
  title: LIMITS.title,
  purpose: LIMITS.purpose,
  howUsed: LIMITS.howUsed,
  pageTitle: LIMITS.pageTitle,
  questionText: LIMITS.questionText,
  hint: LIMITS.hint,
  optionLabel: LIMITS.optionLabel,
};

export function fieldId(name: string): string {
  return name.replace(/\./g, "-");
}

/**
 * Every text in the survey, in order, for the translations page. A page title
 * or hint with no English is left out of the other languages (there is nothing
 * to translate), but offered in English standard so it can be written there.
 */
export function textSlots(definition: SurveyDefinition, language: string, format: ContentFormat): TextSlot[] {
  const english = language === "en-GB" && format === "standard";
  const slot = (name: string, kind: TextKind, text: Text, extra: Partial<TextSlot> = {}): TextSlot => ({
    name,
    kind,
    text,
    required: ["title", "purpose", "howUsed", "questionText", "optionLabel"].includes(kind),
    pictogram: format === "easy_read" && (kind === "questionText" || kind === "optionLabel"),
    max: maxOf[kind],
    ...extra,
  });
  const slots: TextSlot[] = [slot("title", "title", definition.title), slot("purpose", "purpose", definition.purpose), slot("howUsed", "howUsed", definition.howUsed)];
  for (const page of definition.pages) {
    if (english || englishOf(page.title)) slots.push(slot(`page.${page.key}.title`, "pageTitle", page.title, { pageKey: page.key }));
    for (const question of page.questions) {
      slots.push(slot(`question.${question.key}.text`, "questionText", question.text, { pageKey: page.key, questionKey: question.key }));
      if (english || englishOf(question.hint)) slots.push(slot(`question.${question.key}.hint`, "hint", question.hint, { pageKey: page.key, questionKey: question.key }));
      for (const option of question.options) {
        slots.push(
          slot(`option.${question.key}.${option.value}`, "optionLabel", option.label, { pageKey: page.key, questionKey: question.key, optionValue: option.value }),
        );
      }
    }
  }
  return slots;
}

export interface TextsInput {
  language: string;
  format: ContentFormat;
  /** Typed text and chosen pictogram by slot name; a slot not sent is left as it is. */
  values: Record<string, { text: string; pictogram: string | null }>;
  /** False when the texts are machine-assisted and still need a person to check them. */
  reviewed: boolean;
}

/**
 * Writes one language and format's variant of every text sent. An empty box
 * removes that variant (the respondent then sees the fallback: the same
 * language in standard, or English), except English standard, which is
 * required where the text is.
 */
export function updateTexts(definition: SurveyDefinition, input: TextsInput): EditResult {
  const english = input.language === "en-GB" && input.format === "standard";
  const slots = textSlots(definition, input.language, input.format);
  const errors: FieldErrors = {};
  const params: ErrorParams = {};
  const next = new Map<string, Text>();
  for (const slot of slots) {
    const sent = input.values[slot.name];
    if (!sent) continue;
    const text = sent.text.trim();
    const id = fieldId(slot.name);
    const pictogram = slot.pictogram && sent.pictogram ? sent.pictogram : null;
    if (text.length > slot.max) {
      errors[id] = "errors.textTooLong";
      params[id] = { max: slot.max, name: slotLabel(slot) };
      continue;
    }
    if (english && slot.required && text === "") {
      errors[id] = "errors.englishRequired";
      params[id] = { name: slotLabel(slot) };
      continue;
    }
    if (pictogram && !isPictogram(pictogram)) {
      errors[`${id}-pictogram`] = "errors.pictogramUnknown";
      continue;
    }
    if (pictogram && text === "") {
      errors[id] = "errors.pictogramNeedsText";
      params[id] = { name: slotLabel(slot) };
      continue;
    }
    const without = slot.text.filter((v) => !(v.language === input.language && v.format === input.format));
    if (text === "") {
      next.set(slot.name, english ? [] : without);
      continue;
    }
    const before = variantOf(slot.text, input.language, input.format);
    const variant: TextVariant = { language: input.language, format: input.format, text, reviewed: english ? true : input.reviewed };
    if (pictogram) variant.pictogram = pictogram;
    // English changed by hand: the other versions may now say something else.
    const others = english && before?.text !== text ? without.map((v) => ({ ...v, reviewed: false })) : without;
    next.set(slot.name, english ? [variant, ...others] : withVariant(without, variant));
  }
  if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors, params };

  const get = (name: string, current: Text) => next.get(name) ?? current;
  const updated: SurveyDefinition = {
    ...definition,
    title: get("title", definition.title),
    purpose: get("purpose", definition.purpose),
    howUsed: get("howUsed", definition.howUsed),
    pages: definition.pages.map((page) => ({
      ...page,
      title: get(`page.${page.key}.title`, page.title),
      questions: page.questions.map((q) => ({
        ...q,
        text: get(`question.${q.key}.text`, q.text),
        hint: get(`question.${q.key}.hint`, q.hint),
        options: q.options.map((o) => ({ ...o, label: get(`option.${q.key}.${o.value}`, o.label) })),
      })),
    })),
  };
  return checkDefinition(updated);
}

/** A short English name for a text, for messages: "question school_type", "option yes of school". */
function slotLabel(slot: TextSlot): string {
  switch (slot.kind) {
    case "pageTitle":
      return `page ${slot.pageKey}`;
    case "questionText":
      return `question ${slot.questionKey}`;
    case "hint":
      return `hint of ${slot.questionKey}`;
    case "optionLabel":
      return `option ${slot.optionValue} of ${slot.questionKey}`;
    default:
      return slot.kind;
  }
}

// ---- Forms -----------------------------------------------------------------------------

/** A posted field as one string (a repeated field counts as its first value). */
const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? "", z.string());

const keyField = (missing: string) =>
  one.pipe(
    z
      .string()
      .trim()
      .min(1, missing)
      .regex(KEY_PATTERN, "errors.keyFormat"),
  );

const textField = (max: number, missing: string | null, tooLong: string) =>
  one.pipe(missing ? z.string().trim().min(1, missing).max(max, tooLong) : z.string().trim().max(max, tooLong));

export const DetailsFormSchema = z.object({
  title: textField(LIMITS.title, "errors.titleMissing", "errors.titleTooLong"),
  purpose: textField(LIMITS.purpose, "errors.purposeMissing", "errors.purposeTooLong"),
  howUsed: textField(LIMITS.howUsed, "errors.howUsedMissing", "errors.howUsedTooLong"),
  estimatedMinutes: one.pipe(
    z
      .string()
      .trim()
      .min(1, "errors.minutesMissing")
      .regex(/^\d{1,3}$/, "errors.minutesNumber")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 120, "errors.minutesRange"),
  ),
});

export const PageFormSchema = z.object({
  pageKey: keyField("errors.pageKeyMissing"),
  pageTitle: textField(LIMITS.pageTitle, null, "errors.pageTitleTooLong"),
});

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; params?: ErrorParams };

/** Every field checked on its own, so a form with several mistakes shows them all at once. */
function parseShape<S extends z.ZodRawShape>(shape: S, raw: Record<string, unknown>): { data: Partial<{ [K in keyof S]: z.infer<S[K]> }>; errors: FieldErrors } {
  const data: Partial<{ [K in keyof S]: z.infer<S[K]> }> = {};
  const errors: FieldErrors = {};
  for (const [name, schema] of Object.entries(shape)) {
    const result = (schema as z.ZodTypeAny).safeParse(raw[name]);
    if (result.success) data[name as keyof S] = result.data;
    else errors[name] = result.error.issues[0]!.message;
  }
  return { data, errors };
}

export function rawOf(form: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    raw[key] = all.length > 1 ? all : all[0];
  }
  return raw;
}

/** A label turned into an option value: "Yes, at school" → "yes_at_school". */
export function valueFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
}

/**
 * Options as typed, one a line: "value | label", or just "label" (the value is
 * made from it). Blank lines are skipped.
 */
export function parseOptions(raw: string): { ok: true; options: OptionInput[] } | { ok: false; error: string; params?: Record<string, string | number> } {
  const options: OptionInput[] = [];
  const lines = raw.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const bar = line.indexOf("|");
    const label = (bar >= 0 ? line.slice(bar + 1) : line).trim();
    const value = bar >= 0 ? line.slice(0, bar).trim() : valueFromLabel(label);
    const lineNumber = index + 1;
    if (label === "") return { ok: false, error: "errors.optionLabelMissing", params: { line: lineNumber } };
    if (label.length > LIMITS.optionLabel) return { ok: false, error: "errors.optionLabelTooLong", params: { line: lineNumber, max: LIMITS.optionLabel } };
    if (!OPTION_VALUE_PATTERN.test(value)) return { ok: false, error: "errors.optionValueFormat", params: { line: lineNumber } };
    if (options.some((o) => o.value === value)) return { ok: false, error: "errors.optionDuplicate", params: { value } };
    options.push({ value, label });
  }
  if (options.length > LIMITS.options) return { ok: false, error: "errors.optionsTooMany", params: { max: LIMITS.options } };
  return { ok: true, options };
}

/** Options as the form shows them: "value | label", one a line. */
export function optionsText(options: readonly Option[]): string {
  return options.map((o) => `${o.value} | ${englishOf(o.label)}`).join("\n");
}

const QuestionFieldsSchema = {
  key: keyField("errors.keyMissing"),
  type: one.pipe(z.enum(questionTypes, { errorMap: () => ({ message: "errors.typeMissing" }) })),
  required: one.pipe(z.enum(["yes", "no"], { errorMap: () => ({ message: "errors.requiredMissing" }) }).transform((v) => v === "yes")),
  text: textField(LIMITS.questionText, "errors.textMissing", "errors.questionTextTooLong"),
  hint: textField(LIMITS.hint, null, "errors.hintTooLong"),
  options: one,
  allowDontKnow: one.transform((v) => v === "yes"),
  min: one.pipe(z.string().trim().regex(/^(-?\d{1,9}(\.\d{1,4})?)?$/, "errors.minNumber").transform((v) => (v === "" ? null : Number(v)))),
  max: one.pipe(z.string().trim().regex(/^(-?\d{1,9}(\.\d{1,4})?)?$/, "errors.maxNumber").transform((v) => (v === "" ? null : Number(v)))),
  areaOfConcern: one.pipe(z.string().regex(/^(\d{1,2})?$/, "errors.areaUnknown").transform((v) => (v === "" ? null : Number(v)))),
  workingGroup: one.pipe(z.string().regex(/^([a-z0-9-]{1,60})?$/, "errors.groupUnknown").transform((v) => (v === "" ? null : v))),
  about: one.pipe(z.enum(["", ...aboutYouKinds], { errorMap: () => ({ message: "errors.aboutUnknown" }) }).transform((v) => (v === "" ? null : v))),
};

export interface QuestionReferences {
  areaNumbers: readonly number[];
  groupSlugs: readonly string[];
}

/** The question form: its own fields (named as the definition names them) checked all at once, and the rules between them. */
export function parseQuestionForm(form: FormData, references: QuestionReferences): ParsedForm<QuestionInput> {
  const { data, errors } = parseShape(QuestionFieldsSchema, rawOf(form));
  const params: ErrorParams = {};
  if (data.areaOfConcern != null && !references.areaNumbers.includes(data.areaOfConcern)) errors.areaOfConcern = "errors.areaUnknown";
  if (data.workingGroup != null && !references.groupSlugs.includes(data.workingGroup)) errors.workingGroup = "errors.groupUnknown";
  if (data.about && data.type && data.type !== "single_choice") errors.about = "errors.aboutSingleChoice";
  let options: OptionInput[] = [];
  if (data.type && usesOwnOptions({ type: data.type, about: data.about ?? null })) {
    const parsed = parseOptions(data.options ?? "");
    if (!parsed.ok) {
      errors.options = parsed.error;
      if (parsed.params) params.options = parsed.params;
    } else if (parsed.options.length < 2) errors.options = "errors.optionsTooFew";
    else options = parsed.options;
  }
  if (data.type === "number" && data.min != null && data.max != null && data.min > data.max) errors.max = "errors.rangeOrder";
  if (Object.keys(errors).length) return { ok: false, errors, params };
  return {
    ok: true,
    data: {
      key: data.key!,
      type: data.type!,
      required: data.required!,
      text: data.text!,
      hint: data.hint ?? "",
      options,
      allowDontKnow: data.allowDontKnow ?? false,
      min: data.min ?? null,
      max: data.max ?? null,
      areaOfConcern: data.areaOfConcern ?? null,
      workingGroup: data.workingGroup ?? null,
      about: data.about ?? null,
    },
  };
}

export function parsePageForm(form: FormData): ParsedForm<PageInput> {
  const { data, errors } = parseShape(PageFormSchema.shape, rawOf(form));
  const condition = conditionFromForm(form);
  if (!condition.ok) Object.assign(errors, { showIf: condition.error });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { key: data.pageKey!, title: data.pageTitle ?? "", condition: condition.ok ? condition.condition : null } };
}

/**
 * A condition as the form sends it: ticked boxes named "showIf", each
 * "questionKey:value", all of one question. Nothing ticked means no condition.
 */
export function conditionFromForm(form: FormData, field = "showIf"): { ok: true; condition: Condition | null } | { ok: false; error: string } {
  const ticked = form.getAll(field).filter((v): v is string => typeof v === "string" && v.includes(":"));
  if (ticked.length === 0) return { ok: true, condition: null };
  const pairs = ticked.map((v) => [v.slice(0, v.indexOf(":")), v.slice(v.indexOf(":") + 1)] as const);
  const questions = new Set(pairs.map(([q]) => q));
  if (questions.size > 1) return { ok: false, error: "errors.conditionOneQuestion" };
  const [question] = questions;
  if (!question || !KEY_PATTERN.test(question)) return { ok: false, error: "errors.conditionUnknownAnswer" };
  return { ok: true, condition: { question, anyOf: [...new Set(pairs.map(([, v]) => v))] } };
}

/** The value a form's condition checkbox carries. */
export function conditionBoxValue(question: string, value: string): string {
  return `${question}:${value}`;
}

/** A question as the question form shows it. */
export function questionFormValues(question: Question, pageKey: string): Record<string, string> {
  return {
    key: question.key,
    type: question.type,
    required: question.required ? "yes" : "no",
    text: englishOf(question.text),
    hint: englishOf(question.hint),
    options: optionsText(question.options),
    allowDontKnow: question.allowDontKnow ? "yes" : "",
    min: question.min == null ? "" : String(question.min),
    max: question.max == null ? "" : String(question.max),
    areaOfConcern: question.areaOfConcern == null ? "" : String(question.areaOfConcern),
    workingGroup: question.workingGroup ?? "",
    about: question.about ?? "",
    page: pageKey,
  };
}
