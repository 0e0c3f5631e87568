import { redact } from "../analysis/redact";
import { z } from "zod";
import type { YouSaidTheme } from "../../db/schema";
import { problemKinds, type ProblemKind } from "../local-offer/model";
import { normaliseReference } from "./reference";

/**
 * The page feedback forms and the "You said, we did" form, checked the same way
 * wherever they are read. Pure: no database. Messages are i18n keys: page feedback
 * in the "page-feedback" namespace, "You said, we did" in "you-said-we-did".
 */

/** The longest comment, problem or "what's missing" we take. The character count shows it. */
export const FEEDBACK_TEXT_MAX = 1200;

/** The three page feedback forms. Anything else posted as `kind` is a 400. */
export const feedbackKinds = ["useful", "problem", "missing"] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === "string" && (feedbackKinds as readonly string[]).includes(value);
}

/**
 * A text box hidden from people and from assistive technology. People leave it
 * empty; form-filling bots do not. Its name must not look like anything a browser
 * or password manager would fill in.
 */
export const HONEYPOT_FIELD = "feedback_extra";

export function honeypotFilled(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" && value.trim() !== "";
}

/** Where page feedback may come from; anything else is stored as the local offer's start page. */
export const DEFAULT_PAGE_PATH = "/local-offer";
const PAGE_PATH_MAX = 500;
const ALLOWED_PAGE = /^\/(?:local-offer|you-said-we-did)(?=$|[/?])/;

/**
 * The page a comment is about, as a same-site relative path (with its query).
 * Used both to store and to send the visitor back, so it must never lead off
 * the site: no "//", no backslashes, no spaces or control characters.
 */
export function safePagePath(value: unknown): string {
  if (typeof value !== "string") return DEFAULT_PAGE_PATH;
  const path = value.trim().split("#")[0]!;
  if (path.length > PAGE_PATH_MAX || !ALLOWED_PAGE.test(path)) return DEFAULT_PAGE_PATH;
  // eslint-disable-next-line no-control-regex
  if (/[\s\\\u0000-\u001f\u007f]/.test(path) || path.includes("//")) return DEFAULT_PAGE_PATH;
  // The feedback pages themselves are not pages people give feedback on.
  if (/^\/local-offer\/feedback(?=$|[/?])/.test(path)) return DEFAULT_PAGE_PATH;
  return path;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Browsers send a textarea's line breaks as CRLF; the character count counts one character per break. */
function normaliseText(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value;
}

function requiredText(max: number, required: string, tooLong: string) {
  return z.preprocess(
    normaliseText,
    z.string({ required_error: required, invalid_type_error: required }).min(1, required).max(max, tooLong),
  );
}

function optionalText(max: number, tooLong: string) {
  return z.preprocess(
    (v) => normaliseText(v ?? ""),
    z.string({ invalid_type_error: tooLong }).max(max, tooLong),
  );
}

/** A radio that may be missing: missing or unknown values are a message, not a type error. */
function choice<T extends string>(allowed: readonly T[], message: string) {
  return z
    .unknown()
    .refine((v): v is T => typeof v === "string" && (allowed as readonly string[]).includes(v), message)
    .transform((v) => v as T);
}

const pageFields = {
  pagePath: z.unknown().transform(safePagePath),
  /** Only the shape is checked here; the service must also exist and be published (checked when stored). */
  serviceId: z.unknown().transform((v) => (isUuid(v) ? v.toLowerCase() : null)),
};

/** "Is this page useful?" Yes or No, and after No an optional comment (sent with the first answer's reference). */
export const UsefulSchema = z.object({
  ...pageFields,
  useful: choice(["yes", "no"] as const, "errors.usefulRequired").transform((v) => v === "yes"),
  comment: optionalText(FEEDBACK_TEXT_MAX, "errors.commentTooLong"),
  reference: z.unknown().transform((v) => (typeof v === "string" ? (normaliseReference(v) ?? null) : null)),
});
export type UsefulInput = z.infer<typeof UsefulSchema>;

/** "Report a problem with this page". */
export const ProblemSchema = z.object({
  ...pageFields,
  problemKind: choice<ProblemKind>(problemKinds, "errors.problemKindRequired"),
  description: requiredText(FEEDBACK_TEXT_MAX, "errors.descriptionRequired", "errors.descriptionTooLong"),
});
export type ProblemInput = z.infer<typeof ProblemSchema>;

/** "Tell us what's missing". */
export const MissingSchema = z.object({
  ...pageFields,
  lookingFor: requiredText(FEEDBACK_TEXT_MAX, "errors.lookingForRequired", "errors.lookingForTooLong"),
});
export type MissingInput = z.infer<typeof MissingSchema>;

export const feedbackSchemas = { useful: UsefulSchema, problem: ProblemSchema, missing: MissingSchema } as const;

/** The fields of each form in page order, for the error summary. */
export const feedbackFieldOrder: Record<FeedbackKind, string[]> = {
  useful: ["useful", "comment"],
  problem: ["problemKind", "description"],
  missing: ["lookingFor"],
};

// ---- "You said, we did" -------------------------------------------------------------

export const youSaidThemes = ["content", "accessibility", "development"] as const satisfies readonly YouSaidTheme[];

/** Regulation 56 came into force in 2014: no entry can be about an earlier year. */
export const FIRST_YEAR = 2014;
export const YSWD_TEXT_MAX = 1200;

/**
 * One entry. Saving a draft needs the year, the theme and what people said;
 * publishing also needs what we did and what will change (reg. 56 asks for the
 * response and the action, not just the comment).
 */
export function youSaidWeDidSchema({ publishing, latestYear }: { publishing: boolean; latestYear: number }) {
  const responseText = (required: string, tooLong: string) =>
    publishing ? requiredText(YSWD_TEXT_MAX, required, tooLong) : optionalText(YSWD_TEXT_MAX, tooLong);
  return z.object({
    year: z.preprocess(
      normaliseText,
      z
        .string({ required_error: "errors.yearRequired", invalid_type_error: "errors.yearRequired" })
        .min(1, "errors.yearRequired")
        .regex(/^\d{4}$/, "errors.yearFormat")
        .transform(Number)
        .refine((year) => year >= FIRST_YEAR && year <= latestYear, "errors.yearRange"),
    ),
    theme: choice<YouSaidTheme>(youSaidThemes, "errors.themeRequired"),
    youSaid: requiredText(YSWD_TEXT_MAX, "errors.youSaidRequired", "errors.youSaidTooLong"),
    weDid: responseText("errors.weDidRequired", "errors.weDidTooLong"),
    action: responseText("errors.actionRequired", "errors.actionTooLong"),
    feedbackItemId: z.unknown().transform((v) => (isUuid(v) ? v.toLowerCase() : null)),
  }).superRefine((entry, ctx) => {
    // Nothing published may identify a person: a name after "my son is called" or a title,
    // an email address or a phone number stops publishing (drafts may hold them while an
    // officer rewrites). What redact() cannot see, the officer's own reading must catch.
    if (!publishing) return;
    for (const field of ["youSaid", "weDid", "action"] as const) {
      if (redact(entry[field]).removed > 0) ctx.addIssue({ code: "custom", path: [field], message: "errors.identifying" });
    }
  });
}
export type YouSaidWeDidInput = z.infer<ReturnType<typeof youSaidWeDidSchema>>;

export const yswdFieldOrder = ["year", "theme", "youSaid", "weDid", "action"];
