/**
 * What the notice to families says (issue 5, point 6): that inspectors are coming
 * back, that they want to hear from parents and carers, where the survey is, when it
 * is open in words, the open meeting, who to ask and what the survey asks about.
 * The printed notice and poster show the same facts; the plain-text version is for the
 * parent carer forum to paste into an email or a message. Pure: the words come from
 * the "revisit-notice" namespace through `t`.
 */
import { formatInstantInWords } from "../utils/dates";

export type Translate = (key: string, options?: Record<string, string | number>) => string;

export interface NoticeFacts {
  /** The local area ("Lancashire"). */
  areaName: string;
  /** The survey's full address, with the site's origin. */
  surveyUrl: string;
  opensAt: Date;
  closesAt: Date;
  /** False while the survey is not scheduled: the dates are the timeline's, not yet the survey's. */
  scheduled: boolean;
  meetingWhen: string;
  meetingWhere: string;
  contactEmail: string;
  /** The areas of concern the survey asks about, in plain words. */
  focuses: string[];
  estimatedMinutes: number;
}

/** "12 noon, Monday 23 March 2026", in UK time, in the reader's language. */
export function instantInWords(instant: Date, locale: string, t: Translate): string {
  return formatInstantInWords(instant, locale, {
    noon: t("time.noon"),
    midnight: t("time.midnight"),
  });
}

/** The window as words: "from 12 noon, Monday 23 March 2026 to 12 noon, Friday 27 March 2026". */
export function windowInWords(
  facts: Pick<NoticeFacts, "opensAt" | "closesAt">,
  locale: string,
  t: Translate
): { opens: string; closes: string; sentence: string } {
  const opens = instantInWords(facts.opensAt, locale, t);
  const closes = instantInWords(facts.closesAt, locale, t);
  return { opens, closes, sentence: t("window", { opens, closes }) };
}

/** The survey's absolute address: `PUBLIC_BASE_URL` when set, else the request's own origin. */
export function surveyAddress(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, "")}/surveys/${encodeURIComponent(slug)}`;
}

/** Whether the meeting's details have been filled in. */
export function hasMeeting(facts: Pick<NoticeFacts, "meetingWhen" | "meetingWhere">): boolean {
  return facts.meetingWhen.trim() !== "" || facts.meetingWhere.trim() !== "";
}

/** The notice as plain text, lines wrapped by the reader's program, for email or a message. */
export function noticeText(facts: NoticeFacts, locale: string, t: Translate): string {
  const when = windowInWords(facts, locale, t);
  const lines: string[] = [
    t("heading"),
    "",
    t("what", { area: facts.areaName }),
    "",
    t("want"),
    "",
    `${t("text.survey")}: ${facts.surveyUrl}`,
    when.sentence,
    t("howLong", { minutes: facts.estimatedMinutes }),
  ];
  if (facts.focuses.length) {
    lines.push("", t("focusesIntro"), ...facts.focuses.map((f) => `- ${f}`));
  }
  if (hasMeeting(facts)) {
    lines.push("", t("meeting.heading"), t("meeting.intro"));
    if (facts.meetingWhen.trim()) lines.push(`${t("meeting.when")}: ${facts.meetingWhen.trim()}`);
    if (facts.meetingWhere.trim()) lines.push(`${t("meeting.where")}: ${facts.meetingWhere.trim()}`);
  }
  lines.push("", t("anonymous"));
  if (facts.contactEmail.trim()) lines.push("", t("contact", { email: facts.contactEmail.trim() }));
  return `${lines.join("\n")}\n`;
}
