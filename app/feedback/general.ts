import { z } from "zod";
import type { FeedbackFormat, FeedbackRespondent, FeedbackTopic } from "../../db/schema";
import { normaliseReference } from "./reference";

/**
 * Feedback about anything, at /feedback (docs/decisions/021-feedback-front-door-and-triage.md):
 * the standard form and the easy-read form, checked the same way in the browser and
 * on the server. Pure: no I/O. Messages are keys in the "feedback" namespace.
 */

export const FEEDBACK_PATH = "/feedback";
export const EASY_READ_PATH = "/feedback/easy-read";
export const SENT_PATH = "/feedback/sent";

/** The `source` of an item sent through /feedback (page feedback keeps its own sources). */
export const GENERAL_SOURCE = "general";

/** Working days a family waits, at most, for a response. */
export const RESPONSE_TARGET_WORKING_DAYS = 20;

export const GENERAL_TEXT_MAX = 3000;
export const EMAIL_MAX = 254;

export const respondents = ["parent_carer", "young_person", "professional", "other"] as const satisfies readonly FeedbackRespondent[];
export const topics = [
  "local_offer",
  "education",
  "health",
  "social_care",
  "preparing_for_adulthood",
  "partnership",
  "other",
] as const satisfies readonly FeedbackTopic[];
export const formats = ["standard", "easy_read"] as const satisfies readonly FeedbackFormat[];

/** Where an item is, in the words a family reads on its reference page. */
export const progressSteps = ["received", "with_group", "responded", "closed", "signposted"] as const;
export type ProgressStep = (typeof progressSteps)[number];

export function progressOf(status: string): ProgressStep {
  return (progressSteps as readonly string[]).includes(status) ? (status as ProgressStep) : "received";
}

/** The same pictogram beside each answer wherever a respondent is asked who they are. */
export const respondentPictograms: Record<FeedbackRespondent, string> = {
  young_person: "person",
  parent_carer: "family",
  professional: "doctor",
  other: "people",
};

const text = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : ""), z.string().max(max, tooLong));

/** Contact details are optional, and only kept with a tick that says we may use them. */
const contactFields = {
  email: text(EMAIL_MAX, "errors.emailTooLong"),
  consent: z.preprocess((v) => v === "yes", z.boolean()),
};

function checkContact(value: { email: string; consent: boolean }, ctx: z.RefinementCtx) {
  if (value.email !== "" && !z.string().email().safeParse(value.email).success) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "errors.emailFormat" });
  } else if (value.email !== "" && !value.consent) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: "errors.consentMissing" });
  } else if (value.email === "" && value.consent) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "errors.emailMissing" });
  }
}

/**
 * Who is writing, checked in the refinement rather than by the field's own type: zod
 * skips refinements when a field fails, and every mistake should be named at once.
 */
const respondentField = z.preprocess((v) => (typeof v === "string" ? v : ""), z.string());

function checkRespondent(value: { respondent: string }, ctx: z.RefinementCtx, message: string): void {
  if (!(respondents as readonly string[]).includes(value.respondent))
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["respondent"], message });
}

/**
 * The standard form. With a drawing, photo or recording attached (`attached`, known only to
 * the server after it has checked the file), the words may be left out: the file is the message.
 */
export function standardFeedbackSchema({ attached }: { attached: boolean }) {
  const body = text(GENERAL_TEXT_MAX, "errors.bodyTooLong");
  return z
    .object({
      respondent: respondentField,
      district: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(100)),
      topic: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : undefined), z.string().optional()),
      body: attached ? body : body.pipe(z.string().min(1, "errors.bodyMissing")),
      ...contactFields,
    })
    .superRefine((value, ctx) => {
      checkRespondent(value, ctx, "errors.respondentMissing");
      if (value.topic !== undefined && !(topics as readonly string[]).includes(value.topic)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["topic"], message: "errors.topicInvalid" });
      }
      checkContact(value, ctx);
    });
}

export const StandardFeedbackSchema = standardFeedbackSchema({ attached: false });

/** The easy-read form: a face, words or a drawing (or recording) — any one of them is feedback. */
export function easyReadFeedbackSchema({ attached }: { attached: boolean }) {
  return z
    .object({
      respondent: respondentField,
      face: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : undefined), z.enum(["1", "2", "3", "4", "5"]).optional()),
      body: text(GENERAL_TEXT_MAX, "errors.easy.bodyTooLong"),
      ...contactFields,
    })
    .superRefine((value, ctx) => {
      checkRespondent(value, ctx, "errors.easy.respondentMissing");
      // A face on its own is feedback; so are words, or a drawing, on their own. Nothing at all is not.
      if (value.face === undefined && value.body === "" && !attached) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["face"], message: "errors.easy.nothing" });
      }
      checkContact(value, ctx);
    });
}

export const EasyReadFeedbackSchema = easyReadFeedbackSchema({ attached: false });

/** Field order for the error summary: the order they are on the page. */
export const standardFields = ["respondent", "district", "topic", "body", "attachment", "email", "consent"];
export const easyReadFields = ["respondent", "face", "body", "attachment", "email", "consent"];

/** A reference typed by a person: case, spaces and a missing "FB-" forgiven. */
export function readReference(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  return normaliseReference(value);
}
