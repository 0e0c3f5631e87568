import { findTerms, normalise } from "../safeguarding/matcher";
import type { FeedbackTopic } from "../../db/schema";

/**
 * Triage of feedback (docs/decisions/021-feedback-front-door-and-triage.md): the steps an item moves
 * through, and the working group the portal suggests from what was written. Pure: no
 * I/O, so the rules are tested on their own and shared by the server and the pages.
 */

export const INBOX_PATH = "/admin/feedback";
export const NOTE_MAX = 2000;
export const THEMES_MAX = 10;
export const THEME_MAX_LENGTH = 40;

/** What an officer may move an item to by hand. "Responded" comes with a response. */
export const triageStatuses = ["received", "with_group", "closed", "signposted"] as const;
export type TriageStatus = (typeof triageStatuses)[number];

export type StatusProblem = "unknown" | "noGroup" | "noteNeeded" | "same";

/**
 * Checks a change of status: it must be one of the four; an item goes to a working
 * group only once it has one; "signposted" says where to, in the note; and a change
 * must change something.
 */
export function checkStatusChange({
  from,
  to,
  hasGroup,
  note,
}: {
  from: string;
  to: string;
  hasGroup: boolean;
  note: string;
}): { ok: true; status: TriageStatus } | { ok: false; problem: StatusProblem } {
  if (!(triageStatuses as readonly string[]).includes(to)) return { ok: false, problem: "unknown" };
  if (to === from) return { ok: false, problem: "same" };
  if (to === "with_group" && !hasGroup) return { ok: false, problem: "noGroup" };
  if (to === "signposted" && note.trim() === "") return { ok: false, problem: "noteNeeded" };
  return { ok: true, status: to as TriageStatus };
}

/** Themes as an officer types them, comma separated: tidy, lower case, each once, at most ten. */
export function parseThemes(value: string): { ok: true; themes: string[] } | { ok: false; problem: "tooMany" | "tooLong" } {
  const themes = [
    ...new Set(
      value
        .split(/[,;\n]/)
        .map((t) => normalise(t))
        .filter((t) => t !== ""),
    ),
  ];
  if (themes.length > THEMES_MAX) return { ok: false, problem: "tooMany" };
  if (themes.some((t) => t.length > THEME_MAX_LENGTH)) return { ok: false, problem: "tooLong" };
  return { ok: true, themes };
}

/**
 * Words and phrases that point at each of the 12 areas of concern in the written
 * statement of action (../shared/context). Matching forgives a slip in longer words
 * and words split by punctuation (app/safeguarding/matcher.ts).
 */
export const CONCERN_KEYWORDS: Record<number, string[]> = {
  1: ["strategy", "vision", "leaders", "leadership", "no plan", "joined up"],
  2: ["data", "numbers", "understand our needs", "know about"],
  3: ["nhs", "commissioning", "commissioned", "council and health", "jointly"],
  4: [
    "listen",
    "listened",
    "not listening",
    "ignored",
    "no reply",
    "never replied",
    "communication",
    "engage",
    "consulted",
    "parent carer forum",
  ],
  5: ["sen support", "identify", "identified", "recognised", "early help", "needs assessment", "assessment of needs"],
  6: ["ehc", "ehcp", "ehc plan", "education health and care", "annual review", "tribunal", "plan was wrong", "draft plan"],
  7: ["autism", "autistic", "asd", "adhd", "diagnosis", "waiting list", "neurodevelopmental"],
  8: ["outcomes", "progress", "results", "achieve", "attainment"],
  9: ["adult services", "adulthood", "transition", "turning 18", "moving on", "college", "employment", "independent living"],
  10: ["excluded", "exclusion", "suspended", "suspension", "part time timetable", "sent home", "off rolled"],
  11: ["postcode", "where you live", "unfair", "north", "south", "depends on the area"],
  12: ["local offer", "directory", "website", "information", "find services", "out of date", "broken link"],
};

/** The topic a family chose counts like one more word pointing at these areas. */
const TOPIC_CONCERNS: Record<FeedbackTopic, number[]> = {
  local_offer: [12],
  education: [5, 6, 10],
  health: [3, 7],
  social_care: [3],
  preparing_for_adulthood: [9],
  partnership: [1, 4],
  other: [],
};

export interface ConcernForSuggestion {
  id: number;
  number: number;
  /** The working groups whose actions address this area. */
  groupIds: number[];
}

export interface Suggestion {
  groupId: number | null;
  /** Areas of concern the words point at, most pointed at first. */
  concernIds: number[];
  /** The words that led to it, for the officer to judge. */
  matched: string[];
}

/**
 * The working group the words point at most: each keyword found scores its area of
 * concern, the topic adds one, and each area's score goes to the groups whose actions
 * address it. Ties go to the group listed first. No words found, no suggestion.
 */
export function suggestGroup(
  { text, topic }: { text: string; topic: FeedbackTopic | null },
  concerns: readonly ConcernForSuggestion[],
  groupOrder: readonly number[],
): Suggestion {
  const scores = new Map<number, number>();
  const matched: string[] = [];
  for (const concern of concerns) {
    const found = findTerms(text, CONCERN_KEYWORDS[concern.number] ?? []);
    const fromTopic = topic && TOPIC_CONCERNS[topic].includes(concern.number) ? 1 : 0;
    if (found.length + fromTopic > 0) scores.set(concern.id, found.length + fromTopic);
    matched.push(...found.filter((f) => !matched.includes(f)));
  }
  const concernIds = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  const groupScores = new Map<number, number>();
  for (const concern of concerns) {
    const score = scores.get(concern.id) ?? 0;
    if (score === 0) continue;
    for (const groupId of concern.groupIds) groupScores.set(groupId, (groupScores.get(groupId) ?? 0) + score);
  }
  let best: number | null = null;
  for (const groupId of groupOrder) {
    const score = groupScores.get(groupId) ?? 0;
    if (score > 0 && (best === null || score > (groupScores.get(best) ?? 0))) best = groupId;
  }
  return { groupId: best, concernIds, matched };
}
