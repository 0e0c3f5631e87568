/**
 * The parent carer forum's review of a re-visit survey, as pure rules: who may do what,
 * what a comment, a decision and a sign-off must hold, and what the page says about the
 * sign-off. No database, no React (review.server.ts writes; the route shows). Messages
 * are i18n keys in the "revisit-review" namespace. Decision: docs/decisions/017-revisits.md.
 */
import type { Role } from "../../db/schema";
import {
  AGE_BANDS,
  AGREEMENT_VALUES,
  COMPLETED_BY,
  DONT_KNOW,
  SUPPORT_LEVELS,
  YES_NO_VALUES,
  type Question,
  type SurveyDefinition,
  type Text,
} from "../surveys/definition";
import type { FieldErrors } from "../utils/form-data";

/** The longest each text may be, in characters (line breaks count as one). */
export const REVIEW_LIMITS = { body: 2000, suggestion: 1000, reply: 2000, note: 1000 } as const;

/**
 * In what capacity someone comments or signs off: a forum reviewer, or an administrator
 * covering for one (the history says so). Officers never speak for the forum.
 */
export type ReviewerCapacity = "reviewer" | "cover";

export function reviewerCapacity(role: Role): ReviewerCapacity | null {
  if (role === "pcf_reviewer") return "reviewer";
  if (role === "admin") return "cover";
  return null;
}

/** Officers (and administrators) answer the forum's comments. */
export function mayResolve(role: Role): boolean {
  return role === "officer" || role === "admin";
}

export type Decision = "accepted" | "rejected";
export const decisions: readonly Decision[] = ["accepted", "rejected"];

/** The kinds of revisit_event rows the review writes, for its history. */
export const reviewEventKinds = ["review-comment", "review-accepted", "review-rejected", "review-signoff"] as const;
export type ReviewEventKind = (typeof reviewEventKinds)[number];

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; params?: Record<string, string | number> };

/**
 * Text as typed, made comparable: browsers send line breaks as CR LF, but a person
 * (and the character count beside the box) counts one character for each.
 */
export function cleanText(value: unknown): string {
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
}

export interface CommentInput {
  /** null: a comment on the survey as a whole. */
  questionKey: string | null;
  body: string;
  suggestion: string | null;
}

/**
 * A reviewer's comment. `questions` are the survey's questions now (key → English
 * text): a suggestion only makes sense for one of them, and must change its wording.
 */
export function parseComment(
  raw: { question?: unknown; body?: unknown; suggestion?: unknown },
  questions: ReadonlyMap<string, string>
): Parsed<CommentInput> {
  const errors: FieldErrors = {};
  const key = typeof raw.question === "string" && raw.question !== "" ? raw.question : null;
  const body = cleanText(raw.body);
  const suggestion = cleanText(raw.suggestion) || null;
  if (key !== null && !questions.has(key)) errors.question = "errors.question.unknown";
  if (body === "") errors.body = "errors.body.required";
  else if (body.length > REVIEW_LIMITS.body) errors.body = "errors.body.tooLong";
  if (suggestion !== null) {
    if (key === null) errors.suggestion = "errors.suggestion.wholeSurvey";
    else if (suggestion.length > REVIEW_LIMITS.suggestion) errors.suggestion = "errors.suggestion.tooLong";
    else if (questions.get(key) === suggestion) errors.suggestion = "errors.suggestion.same";
  }
  if (Object.keys(errors).length > 0)
    return { ok: false, errors, params: { body: REVIEW_LIMITS.body, suggestion: REVIEW_LIMITS.suggestion } };
  return { ok: true, data: { questionKey: key, body, suggestion } };
}

export interface ResolutionInput {
  decision: Decision;
  reply: string;
}

/** An officer's decision on a comment: accept or reject, always with a reply. */
export function parseResolution(raw: { decision?: unknown; reply?: unknown }): Parsed<ResolutionInput> {
  const errors: FieldErrors = {};
  const decision = decisions.find((d) => d === raw.decision);
  const reply = cleanText(raw.reply);
  if (!decision) errors.decision = "errors.decision.required";
  if (reply === "") errors.reply = "errors.reply.required";
  else if (reply.length > REVIEW_LIMITS.reply) errors.reply = "errors.reply.tooLong";
  if (!decision || Object.keys(errors).length > 0) return { ok: false, errors, params: { reply: REVIEW_LIMITS.reply } };
  return { ok: true, data: { decision, reply } };
}

/** A sign-off's note is optional. */
export function parseSignoff(raw: { note?: unknown }): Parsed<{ note: string }> {
  const note = cleanText(raw.note);
  if (note.length > REVIEW_LIMITS.note) return { ok: false, errors: { note: "errors.note.tooLong" }, params: { note: REVIEW_LIMITS.note } };
  return { ok: true, data: { note } };
}

/** What the top of the review page says about the sign-off. */
export type SignoffSummary =
  /** Signed off, the questions unchanged since, nothing open: the survey may be scheduled. */
  | { kind: "signed"; by: string | null; at: Date }
  /** Signed off the questions as they are, but a comment made since is still open. */
  | { kind: "signedOpen"; by: string | null; at: Date; open: number }
  /** Signed off, then the questions changed: a new sign-off is needed. */
  | { kind: "stale"; by: string | null; at: Date; open: number }
  /** Never signed off. */
  | { kind: "none"; open: number };

export function summariseSignoff(status: {
  openComments: number;
  signoff: { by: string | null; at: Date; current: boolean } | null;
}): SignoffSummary {
  const { openComments: open, signoff } = status;
  if (!signoff) return { kind: "none", open };
  if (!signoff.current) return { kind: "stale", by: signoff.by, at: signoff.at, open };
  if (open > 0) return { kind: "signedOpen", by: signoff.by, at: signoff.at, open };
  return { kind: "signed", by: signoff.by, at: signoff.at };
}

/** Ids of the page's forms and fields: several forms on one page, each error links to its own field. */
export const formIds = {
  comment: (questionKey: string | null) => (questionKey === null ? "comment-whole" : `comment-q-${questionKey}`),
  resolve: (commentId: string) => `resolve-${commentId}`,
  signoff: "signoff",
  field: (form: string, field: string) => `${form}-${field}`,
} as const;

// ---- The questions as the forum reads them -----------------------------------------------

/** Answer lists the survey engine fixes (their words are shared translations, not the survey's). */
export type FixedScale = "agreement" | "yesNo" | "face" | "ageBand" | "supportLevel" | "completedBy";

export interface ReviewQuestion {
  key: string;
  /** 1, 2, 3… through the whole survey, so comments and forms can name the question. */
  number: number;
  text: string;
  hint: string;
  required: boolean;
  /** The answers a parent chooses from, in English; empty for a free answer. */
  options: string[];
}

export interface ReviewPage {
  key: string;
  number: number;
  title: string;
  questions: ReviewQuestion[];
}

const FACE_LEVELS = ["veryUnhappy", "unhappy", "neutral", "happy", "veryHappy"] as const;

function english(text: Text | undefined): string {
  return text?.find((v) => v.language === "en-GB" && v.format === "standard")?.text ?? "";
}

function optionsOf(question: Question, labels: { fixed: (scale: FixedScale, value: string) => string; districts: readonly string[] }): string[] {
  switch (question.about) {
    case "district":
      return [...labels.districts];
    case "age_band":
      return AGE_BANDS.map((v) => labels.fixed("ageBand", v));
    case "support_level":
      return SUPPORT_LEVELS.map((v) => labels.fixed("supportLevel", v));
    case "completed_by":
      return COMPLETED_BY.map((v) => labels.fixed("completedBy", v));
    default:
      break;
  }
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return question.options.map((o) => english(o.label) || o.value);
    case "agreement":
      return [...AGREEMENT_VALUES, ...(question.allowDontKnow ? [DONT_KNOW] : [])].map((v) => labels.fixed("agreement", v));
    case "yes_no_not_sure":
      return YES_NO_VALUES.map((v) => labels.fixed("yesNo", v));
    case "face_scale":
      return FACE_LEVELS.map((level) => labels.fixed("face", level));
    default:
      return [];
  }
}

/** The survey's pages and questions in English standard, numbered, with the answers to choose from. */
export function reviewPages(definition: SurveyDefinition, labels: { fixed: (scale: FixedScale, value: string) => string; districts: readonly string[] }): ReviewPage[] {
  let number = 0;
  return definition.pages.map((page, index) => ({
    key: page.key,
    number: index + 1,
    title: english(page.title),
    questions: page.questions.map((q) => ({
      key: q.key,
      number: ++number,
      text: english(q.text),
      hint: english(q.hint),
      required: q.required,
      options: optionsOf(q, labels),
    })),
  }));
}
