/**
 * The rules of a survey's life in the staff area, as pure functions: what may
 * be done in each state (draft → scheduled → open → closed → archived), what a
 * schedule must satisfy at `now`, and the forms' schemas. The database side is
 * lifecycle.server.ts; the time zone side is uk-time.ts.
 *
 * Decisions (shown to officers on the pages):
 * - A window's opening must be in the future when it is set; once the survey is
 *   open, only its closing time may change (and it must stay in the future).
 * - A closed survey is not reopened: its results may already have been used.
 *   To ask again, duplicate it into a new wave.
 * - "Unschedule" (back to draft, window cleared) only before it opens.
 * - Archive only a draft or a closed survey; unarchive puts it back as it was.
 * - Open link ↔ invite only only before it opens.
 * - UK times that do not exist or happen twice (clock changes) are refused.
 */
import { z } from "zod";
import { audiences, en, type SurveyDefinition } from "./definition";
import { ukLocalToInstant, type UkLocal } from "./uk-time";
import type { SurveyState } from "./window";

/** Where the lifecycle pages live (usable in components: not a .server module). */
export const SURVEYS_ADMIN = "/admin/surveys";
export const surveyPath = (id: string, page = "") => `${SURVEYS_ADMIN}/${id}${page ? `/${page}` : ""}`;

export const surveyStates = ["open", "scheduled", "draft", "closed", "archived"] as const satisfies readonly SurveyState[];
export const accessModes = ["open_link", "invite_only"] as const;
export type AccessMode = (typeof accessModes)[number];

/** Lower-case words joined by hyphens: part of the address /surveys/<slug>. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LIMITS = { title: 200, slug: 60, series: 60, wave: 40, label: 100, codes: 1000 } as const;

/** The most an imported definition may weigh (a JSON file or pasted text). */
export const MAX_IMPORT_BYTES = 1024 * 1024;

/** A form's text field, trimmed; missing and wrong types read as "". */
const text = () => z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string());

const slugField = (required: string, format: string, tooLong: string) =>
  text().pipe(z.string().min(1, required).max(LIMITS.slug, tooLong).regex(SLUG_PATTERN, format));

export const NewSurveySchema = z.object({
  title: text().pipe(z.string().min(1, "errors.titleRequired").max(LIMITS.title, "errors.titleTooLong")),
  slug: slugField("errors.slugRequired", "errors.slugFormat", "errors.slugTooLong"),
  audience: z.enum(audiences, { errorMap: () => ({ message: "errors.audienceRequired" }) }),
  series: text().pipe(z.string().min(1, "errors.seriesRequired").max(LIMITS.series, "errors.seriesTooLong").regex(SLUG_PATTERN, "errors.seriesFormat")),
  wave: text().pipe(z.string().min(1, "errors.waveRequired").max(LIMITS.wave, "errors.waveTooLong")),
  access: z.enum(accessModes, { errorMap: () => ({ message: "errors.accessRequired" }) }),
});
export type NewSurveyInput = z.infer<typeof NewSurveySchema>;

/** The import form: everything the create form has except the title, which is in the file. */
export const ImportFieldsSchema = NewSurveySchema.omit({ title: true });
export type ImportFields = z.infer<typeof ImportFieldsSchema>;

export const DuplicateSchema = z.object({
  slug: slugField("errors.slugRequired", "errors.slugFormat", "errors.slugTooLong"),
  wave: text().pipe(z.string().min(1, "errors.waveRequired").max(LIMITS.wave, "errors.waveTooLong")),
});
export type DuplicateInput = z.infer<typeof DuplicateSchema>;

export const InvitationsSchema = z.object({
  count: text().pipe(
    z
      .string()
      .min(1, "errors.countRequired")
      .regex(/^\d+$/, "errors.countWhole")
      .transform(Number)
      .pipe(z.number().min(1, "errors.countRange").max(LIMITS.codes, "errors.countRange")),
  ),
  label: text().pipe(z.string().min(1, "errors.labelRequired").max(LIMITS.label, "errors.labelTooLong")),
});
export type InvitationsInput = z.infer<typeof InvitationsSchema>;

export const AccessSchema = z.object({ access: z.enum(accessModes, { errorMap: () => ({ message: "errors.accessRequired" }) }) });

/**
 * What a new survey starts with: the title, placeholder words for the start
 * page, and one page with one optional question, so it is valid from the first
 * moment; the builder replaces all of it.
 */
export function starterDefinition(title: string): SurveyDefinition {
  return {
    title: en(title),
    purpose: en("Tell us what you think, so we can make support better."),
    howUsed: en("We read every answer. We do not ask for your name, and we publish only totals and themes."),
    estimatedMinutes: 5,
    pages: [
      {
        key: "your_views",
        title: en("Your views"),
        condition: null,
        questions: [
          {
            key: "comments",
            type: "long_text",
            required: false,
            text: en("Is there anything you would like to tell us?"),
            hint: [],
            options: [],
            allowDontKnow: true,
            condition: null,
            areaOfConcern: null,
            workingGroup: null,
            about: null,
            min: null,
            max: null,
          },
        ],
      },
    ],
  };
}

// ---- What each state allows ---------------------------------------------------------

/** Why an action is refused in the survey's current state (409): "conflicts.<key>" in survey-admin. */
export type Conflict =
  | "openingFixed"
  | "closedFinal"
  | "archived"
  | "unscheduleStarted"
  | "notScheduled"
  | "archiveScheduled"
  | "archiveOpen"
  | "alreadyArchived"
  | "notArchived"
  | "accessFixed"
  | "openLink"
  | "invitationsClosed"
  /** A re-visit survey's window comes from its re-visit, after the parent carer forum's sign-off. */
  | "revisitWindow";

export function archiveConflict(state: SurveyState): Conflict | undefined {
  if (state === "draft" || state === "closed") return undefined;
  if (state === "scheduled") return "archiveScheduled";
  if (state === "open") return "archiveOpen";
  return "alreadyArchived";
}

export function unscheduleConflict(state: SurveyState): Conflict | undefined {
  if (state === "scheduled") return undefined;
  if (state === "open" || state === "closed") return "unscheduleStarted";
  if (state === "archived") return "archived";
  return "notScheduled";
}

export function accessConflict(state: SurveyState): Conflict | undefined {
  if (state === "draft" || state === "scheduled") return undefined;
  return state === "archived" ? "archived" : "accessFixed";
}

export function invitationsConflict(state: SurveyState, access: AccessMode): Conflict | undefined {
  if (state === "closed" || state === "archived") return "invitationsClosed";
  if (access !== "invite_only") return "openLink";
  return undefined;
}

/** The stored status after unarchiving: a closed survey is closed again, anything else a draft. */
export function unarchivedStatus(window: { opensAt: Date | null; closesAt: Date | null }, now: Date): "scheduled" | "draft" {
  return window.opensAt && window.closesAt && window.closesAt.getTime() <= now.getTime() ? "scheduled" : "draft";
}

// ---- Schedules ------------------------------------------------------------------------

/** The form's fields: dates in GOV.UK date inputs, times as "HH:MM", both in UK time. */
export interface WindowForm {
  opens?: UkLocal;
  closes: UkLocal;
}

/** Field errors (i18n keys in survey-admin) keyed by the field the error summary links to. */
export type WindowErrors = Partial<Record<"opens" | "opensTime" | "closes" | "closesTime", string>>;

export type WindowCheck =
  | { ok: true; opensAt: Date; closesAt: Date }
  | { ok: false; reason: "invalid"; errors: WindowErrors }
  | { ok: false; reason: "conflict"; conflict: Conflict };

function toInstant(local: UkLocal, which: "opens" | "closes", errors: WindowErrors): Date | undefined {
  const result = ukLocalToInstant(local);
  if (result.ok) return result.instant;
  if (result.reason === "invalid-date") errors[which] = local.date ? `errors.${which}Invalid` : `errors.${which}Required`;
  else if (result.reason === "invalid-time") errors[`${which}Time`] = local.time.trim() ? `errors.${which}TimeInvalid` : `errors.${which}TimeRequired`;
  else errors[`${which}Time`] = result.reason === "skipped" ? "errors.timeSkipped" : "errors.timeRepeated";
  return undefined;
}

/**
 * Checks a new window against the survey's state at `now`. When the survey is
 * open, `form.opens` must be left out or be the time it opened: the opening is fixed.
 */
export function checkWindow(input: {
  state: SurveyState;
  current: { opensAt: Date | null; closesAt: Date | null };
  form: WindowForm;
  now: Date;
}): WindowCheck {
  const { state, current, form, now } = input;
  if (state === "archived") return { ok: false, reason: "conflict", conflict: "archived" };
  if (state === "closed") return { ok: false, reason: "conflict", conflict: "closedFinal" };
  const errors: WindowErrors = {};
  let opensAt: Date | undefined;
  if (state === "open") {
    opensAt = current.opensAt!;
    if (form.opens) {
      const typed = toInstant(form.opens, "opens", errors);
      if (!typed || typed.getTime() !== opensAt.getTime()) return { ok: false, reason: "conflict", conflict: "openingFixed" };
    }
  } else if (form.opens) {
    opensAt = toInstant(form.opens, "opens", errors);
  } else {
    errors.opens = "errors.opensRequired";
  }
  const closesAt = toInstant(form.closes, "closes", errors);
  if (opensAt && state !== "open" && opensAt.getTime() <= now.getTime()) errors.opens ??= "errors.opensPast";
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) errors.closes ??= "errors.closesBeforeOpens";
  else if (closesAt && closesAt.getTime() <= now.getTime()) errors.closes ??= "errors.closesPast";
  if (Object.keys(errors).length > 0 || !opensAt || !closesAt) return { ok: false, reason: "invalid", errors };
  return { ok: true, opensAt, closesAt };
}
