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

/** Who may see an item: officers and admins all; a group member only their groups'. */
export interface Viewer {
  role: string;
  workingGroupIds: number[];
}

export function seesAll(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "officer";
}

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

/** An improvement-plan action an item can be linked to, with the working groups that hold it. */
export interface ActionChoice {
  id: number;
  letter: string;
  title: string;
  groupIds: number[];
}

export interface ActionGroup<A extends ActionChoice = ActionChoice> {
  /** Null for actions no working group holds. */
  groupId: number | null;
  actions: A[];
}

/**
 * The actions an item can be linked to, grouped by working group for the triage page
 * (docs/decisions/034): the item's own group first, then the others in `groupOrder`, then
 * actions no group holds. An action held by two groups is listed once, under the item's
 * group if it is one of them, else under the first in order, so no box is ticked twice.
 * Groups with no actions left are not listed; actions keep the order they are given in.
 */
export function groupActions<A extends ActionChoice>(
  actions: readonly A[],
  groupOrder: readonly number[],
  itemGroupId: number | null,
): ActionGroup<A>[] {
  const order = itemGroupId !== null && groupOrder.includes(itemGroupId) ? [itemGroupId, ...groupOrder.filter((g) => g !== itemGroupId)] : [...groupOrder];
  const placed = new Set<number>();
  const groups: ActionGroup<A>[] = [];
  for (const groupId of order) {
    const own = actions.filter((a) => !placed.has(a.id) && a.groupIds.includes(groupId));
    own.forEach((a) => placed.add(a.id));
    if (own.length) groups.push({ groupId, actions: own });
  }
  const rest = actions.filter((a) => !placed.has(a.id));
  if (rest.length) groups.push({ groupId: null, actions: rest });
  return groups;
}

/** What a "linked" step in an item's history recorded, by the labels people know: 4, H, H4. */
export interface LinkSummary {
  concerns: number[];
  actions: string[];
  tasks: string[];
  themes: string[];
}

/**
 * Reads the details of a "linked" history step (ids at the time) into labels. Ids that no
 * longer exist are left out; steps recorded before actions could be linked have none.
 */
export function summariseLinks(
  details: unknown,
  labels: { concerns: ReadonlyMap<number, number>; actions: ReadonlyMap<number, string>; tasks: ReadonlyMap<number, string> },
): LinkSummary {
  const record = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const ids = (key: string) => (Array.isArray(record[key]) ? (record[key] as unknown[]).filter((v): v is number => typeof v === "number") : []);
  const pick = <T>(key: string, map: ReadonlyMap<number, T>) => ids(key).flatMap((id) => (map.has(id) ? [map.get(id)!] : []));
  return {
    concerns: pick("concernIds", labels.concerns).sort((a, b) => a - b),
    actions: pick("actionIds", labels.actions).sort(),
    tasks: pick("taskIds", labels.tasks).sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })),
    themes: Array.isArray(record.themes) ? (record.themes as unknown[]).filter((v): v is string => typeof v === "string") : [],
  };
}
