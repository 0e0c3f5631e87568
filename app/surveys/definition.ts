/**
 * What a survey version says: its pages, questions, options and conditions,
 * every text with a variant per language and format (standard, easy read with
 * a pictogram). One JSON document per version, checked by `SurveyDefinitionSchema`
 * whenever it is written or read (docs/decisions/016-survey-engine.md).
 * Pure: used by the server, the builder and the pages.
 */
import { z } from "zod";
import type { ContentFormat, TextVariant } from "../i18n/content";

export const audiences = ["parent_carer", "young_person", "practitioner"] as const;
export type Audience = (typeof audiences)[number];

export const questionTypes = [
  "single_choice",
  "multiple_choice",
  "agreement",
  "face_scale",
  "yes_no_not_sure",
  "short_text",
  "long_text",
  "number",
  "date",
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Question types whose options the builder edits; the others have fixed options (below) or none. */
export const customOptionTypes: readonly QuestionType[] = ["single_choice", "multiple_choice"];
export const textTypes: readonly QuestionType[] = ["short_text", "long_text"];

/** Fixed options of the built-in scales, in order. Their words are interface text (surveys.json `scales`). */
export const AGREEMENT_VALUES = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"] as const;
/** Kept apart from the scale in every count (analysis shows it separately). */
export const DONT_KNOW = "dont_know";
export const FACE_VALUES = ["1", "2", "3", "4", "5"] as const;
export const YES_NO_VALUES = ["yes", "no", "not_sure"] as const;

/** The most a text answer may hold; the page shows a count as the person types. */
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 5000;

/**
 * "About you" questions: optional, never identifying, feeding analysis. Their
 * options come from the portal (districts from the area's list), not the builder.
 */
export const aboutYouKinds = ["district", "age_band", "support_level", "completed_by"] as const;
export type AboutYouKind = (typeof aboutYouKinds)[number];
export const AGE_BANDS = ["0_4", "5_10", "11_15", "16_18", "19_25"] as const;
export const SUPPORT_LEVELS = ["sen_support", "ehc_plan", "neither", "not_sure"] as const;
export const COMPLETED_BY = ["on_my_own", "with_help", "answered_for_me"] as const;

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const keySchema = z.string().regex(KEY, "definition.key");

export const TextVariantSchema = z.object({
  language: z.string().min(2).max(10),
  format: z.enum(["standard", "easy_read"]),
  text: z.string().max(LONG_TEXT_MAX),
  pictogram: z.string().regex(/^[a-z0-9-]{1,40}$/).nullish(),
  reviewed: z.boolean(),
}) satisfies z.ZodType<TextVariant>;

/** A text with its variants; it must have English standard (the fallback of every other). */
const TextSchema = z.array(TextVariantSchema).refine(
  (variants) => variants.some((v) => v.language === "en-GB" && v.format === "standard" && v.text.trim() !== ""),
  "definition.englishRequired",
);
/** A text that may be left out entirely (a hint), but if given, English standard is there. */
const OptionalTextSchema = z.array(TextVariantSchema).refine(
  (variants) => variants.length === 0 || variants.some((v) => v.language === "en-GB" && v.format === "standard"),
  "definition.englishRequired",
);

export type Text = TextVariant[];

export const ConditionSchema = z.object({
  /** Show this question (or page) only if the answer to `question`… */
  question: keySchema,
  /** …is (or, for multiple choice, includes) one of these values. */
  anyOf: z.array(z.string().min(1)).min(1),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const OptionSchema = z.object({
  value: z.string().regex(/^[a-z0-9_]{1,40}$/),
  label: TextSchema,
});
export type Option = z.infer<typeof OptionSchema>;

export const QuestionSchema = z.object({
  key: keySchema,
  type: z.enum(questionTypes),
  required: z.boolean(),
  text: TextSchema,
  hint: OptionalTextSchema.default([]),
  /** Builder-edited options (single and multiple choice); empty for the other types. */
  options: z.array(OptionSchema).default([]),
  /** Agreement scale: offer "don't know" beside the five points. */
  allowDontKnow: z.boolean().default(true),
  condition: ConditionSchema.nullish(),
  /** Analysis ties: one of the 12 areas of concern (its number) and a working group (its slug). */
  areaOfConcern: z.number().int().min(1).max(99).nullish(),
  workingGroup: z.string().max(60).nullish(),
  about: z.enum(aboutYouKinds).nullish(),
  /** Number questions: the range allowed. */
  min: z.number().nullish(),
  max: z.number().nullish(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const PageSchema = z.object({
  key: keySchema,
  title: OptionalTextSchema.default([]),
  questions: z.array(QuestionSchema).min(1, "definition.pageEmpty"),
  condition: ConditionSchema.nullish(),
});
export type SurveyPage = z.infer<typeof PageSchema>;

export const SurveyDefinitionSchema = z
  .object({
    title: TextSchema,
    /** What it is for (start page). */
    purpose: TextSchema,
    /** How answers are used and kept (start page). */
    howUsed: TextSchema,
    estimatedMinutes: z.number().int().min(1).max(120),
    pages: z.array(PageSchema),
  })
  .superRefine((definition, ctx) => checkStructure(definition, ctx));
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

/**
 * What zod cannot see field by field: keys unique across the survey, option
 * values unique in a question, conditions pointing back to an earlier question
 * that has the values named.
 */
function checkStructure(definition: { pages: SurveyPage[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, Question>();
  const pageKeys = new Set<string>();
  definition.pages.forEach((page, p) => {
    if (pageKeys.has(page.key)) ctx.addIssue({ code: "custom", path: ["pages", p, "key"], message: "definition.duplicateKey" });
    pageKeys.add(page.key);
    checkCondition(page.condition, seen, ctx, ["pages", p, "condition"]);
    const onThisPage: Question[] = [];
    page.questions.forEach((question, q) => {
      const path = ["pages", p, "questions", q];
      if (seen.has(question.key) || onThisPage.some((o) => o.key === question.key)) {
        ctx.addIssue({ code: "custom", path: [...path, "key"], message: "definition.duplicateKey" });
      }
      // A question's condition may point at an earlier page or an earlier question on this page.
      const visible = new Map([...seen, ...onThisPage.map((o) => [o.key, o] as const)]);
      checkCondition(question.condition, visible, ctx, [...path, "condition"]);
      const values = question.options.map((o) => o.value);
      if (new Set(values).size !== values.length) ctx.addIssue({ code: "custom", path: [...path, "options"], message: "definition.duplicateOption" });
      if (customOptionTypes.includes(question.type) && !question.about && question.options.length < 2) {
        ctx.addIssue({ code: "custom", path: [...path, "options"], message: "definition.tooFewOptions" });
      }
      if (question.min != null && question.max != null && question.min > question.max) {
        ctx.addIssue({ code: "custom", path: [...path, "max"], message: "definition.rangeOrder" });
      }
      onThisPage.push(question);
    });
    for (const question of onThisPage) seen.set(question.key, question);
  });
}

function checkCondition(condition: Condition | null | undefined, earlier: Map<string, Question>, ctx: z.RefinementCtx, path: (string | number)[]) {
  if (!condition) return;
  const target = earlier.get(condition.question);
  if (!target) {
    ctx.addIssue({ code: "custom", path, message: "definition.conditionUnknown" });
    return;
  }
  const allowed = new Set(fixedValues(target) ?? target.options.map((o) => o.value));
  if (allowed.size === 0 || condition.anyOf.some((v) => !allowed.has(v))) {
    ctx.addIssue({ code: "custom", path, message: "definition.conditionValue" });
  }
}

/** The values a question with fixed options accepts; undefined for builder-edited or free answers. */
export function fixedValues(question: Pick<Question, "type" | "allowDontKnow" | "about">): readonly string[] | undefined {
  switch (question.about) {
    case "age_band":
      return AGE_BANDS;
    case "support_level":
      return SUPPORT_LEVELS;
    case "completed_by":
      return COMPLETED_BY;
    default:
      break;
  }
  switch (question.type) {
    case "agreement":
      return question.allowDontKnow ? [...AGREEMENT_VALUES, DONT_KNOW] : AGREEMENT_VALUES;
    case "face_scale":
      return FACE_VALUES;
    case "yes_no_not_sure":
      return YES_NO_VALUES;
    default:
      return undefined;
  }
}

export function allQuestions(definition: Pick<SurveyDefinition, "pages">): Question[] {
  return definition.pages.flatMap((p) => p.questions);
}

export function findQuestion(definition: Pick<SurveyDefinition, "pages">, key: string): Question | undefined {
  return allQuestions(definition).find((q) => q.key === key);
}

/** A text in English standard only: a convenience for seeds and tests. */
export function en(text: string): Text {
  return [{ language: "en-GB", format: "standard", text, reviewed: true }];
}

/** Adds or replaces one variant of a text. */
export function withVariant(text: Text, variant: TextVariant): Text {
  return [...text.filter((v) => !(v.language === variant.language && v.format === variant.format)), variant];
}

export type { ContentFormat };
