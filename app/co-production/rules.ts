import type {
  CoproductionAccessibility,
  CoproductionLevel,
  CoproductionParticipants,
  CoproductionStage,
  CoproductionStatus,
  CoproductionType,
  Role,
  YoungPersonAgeBand,
} from "../../db/schema";
import { normaliseReference } from "../feedback/reference";

/**
 * The co-production log's rules, pure: no database, no React
 * (docs/decisions/019-co-production-log.md). Messages are i18n keys in the
 * "co-production" namespace.
 */

export const activityTypes = [
  "meeting",
  "workshop",
  "survey",
  "focus_group",
  "participation_council_session",
  "board",
  "task_and_finish_group",
] as const satisfies readonly CoproductionType[];
export const stages = ["start", "options", "decision", "delivery", "review"] as const satisfies readonly CoproductionStage[];
export const levels = ["information", "consultation", "participation", "co_production"] as const satisfies readonly CoproductionLevel[];
export const ageBands = ["under_11", "11_15", "16_18", "19_25"] as const satisfies readonly YoungPersonAgeBand[];
export const supports = ["interpreter", "bsl", "easy_read"] as const;

/** The count boxes on the form, and where each goes in `participants`. */
export const countFields = [
  { field: "parentCarer", role: "parent_carer" },
  { field: "youngUnder11", band: "under_11" },
  { field: "young11to15", band: "11_15" },
  { field: "young16to18", band: "16_18" },
  { field: "young19to25", band: "19_25" },
  { field: "practitioner", role: "practitioner" },
  { field: "other", role: "other" },
] as const;

export const MAX_COUNT = 10_000;
export const LIMITS = { title: 200, text: 4000, short: 500, links: 20, url: 2000, tasks: 50, feedback: 50 } as const;

/** The order fields appear on the form: the error summary follows it. */
export const fieldOrder = [
  "title",
  "heldOn",
  "workingGroupId",
  "type",
  "decisionOpen",
  "familiesJoinedStage",
  "level",
  "participants",
  ...countFields.map((c) => c.field),
  "venueNotes",
  "familiesSaid",
  "whatChanged",
  "whatDidNotChange",
  "actions",
  "tasks",
  "feedback",
  "evidenceLinks",
  "toldOutcomeHow",
  "toldOutcomeOn",
  "form",
];

export interface ActivityInput {
  title: string;
  heldOn: string;
  workingGroupId: number | null;
  type: CoproductionType;
  decisionOpen: string;
  familiesJoinedStage: CoproductionStage;
  level: CoproductionLevel;
  participants: CoproductionParticipants;
  accessibility: CoproductionAccessibility;
  familiesSaid: string;
  whatChanged: string;
  whatDidNotChange: string;
  actionIds: number[];
  taskCodes: string[];
  /** Feedback references, tidied ("FB-7KQ3-M9XP"); checked against the database when saved. */
  feedbackRefs: string[];
  evidenceLinks: string[];
  toldOutcomeHow: string;
  toldOutcomeOn: string | null;
}

export type Errors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: Errors };
type Raw = Record<string, string | string[] | undefined>;

const one = (raw: Raw, key: string): string => {
  const v = raw[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).replace(/\r\n?/g, "\n").trim();
};
const many = (raw: Raw, key: string): string[] => {
  const v = raw[key];
  return (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]).map((s) => s.trim()).filter(Boolean);
};
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A real calendar date ("YYYY-MM-DD") from the three boxes, or null. */
export function dateFrom(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A count box: blank is 0; otherwise a whole number from 0 to 10,000. */
export function parseCount(value: string): number | null {
  const s = value.replace(/,/g, "").trim();
  if (s === "") return 0;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_COUNT ? n : null;
}

/** Only web links a reader can open safely: http or https, with a host. */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Task codes as typed ("H1.2, C3.1"): upper-cased, duplicates dropped. */
export function parseTaskCodes(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

/**
 * Feedback references as typed: separated by commas, semicolons, spaces or new lines, in
 * any case, with or without the hyphens ("fb7kq3m9xp" is "FB-7KQ3-M9XP"). Duplicates are
 * dropped; what cannot be a reference is given back as typed, to be named in the error.
 */
export function parseFeedbackReferences(value: string): { references: string[]; malformed: string[] } {
  const references: string[] = [];
  const malformed: string[] = [];
  for (const token of value.split(/[\s,;]+/).filter(Boolean)) {
    const reference = normaliseReference(token);
    if (!reference) {
      if (!malformed.includes(token)) malformed.push(token);
    } else if (!references.includes(reference)) references.push(reference);
  }
  return { references, malformed };
}

/**
 * An error that names things ("errors.feedbackUnknown|FB-2222-3333, FB-4444-5555"): the
 * i18n key and, after the bar, what to name. The form splits it back (see `errorText`).
 */
export function namingError(key: string, names: string[]): string {
  return `${key}|${names.join(", ")}`;
}

/** An error message's key and what it names, for `t(key, { names })`. */
export function errorParts(error: string): { key: string; names: string } {
  const bar = error.indexOf("|");
  return bar < 0 ? { key: error, names: "" } : { key: error.slice(0, bar), names: error.slice(bar + 1) };
}

/** The first words of a piece of feedback, on one line, for a list; null when there are none. */
export function shortSummary(body: string, max = 120): string | null {
  const flat = body.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

export function participantTotal(p: CoproductionParticipants): number {
  return p.parent_carer + youngPeople(p) + p.practitioner + p.other;
}

export function youngPeople(p: CoproductionParticipants): number {
  return ageBands.reduce((sum, band) => sum + (p.young_person[band] ?? 0), 0);
}

/**
 * Co-production means families shaped the question as well as the answer: an
 * activity can only be recorded at that level if they were there from the start.
 */
export function levelRefusal(level: CoproductionLevel, stage: CoproductionStage): string | null {
  return level === "co_production" && stage !== "start" ? "errors.coProductionNeedsStart" : null;
}

/** Why the "told the outcome" answers cannot be accepted, field by field. */
function toldErrors(input: { heldOn: string | null; toldOutcomeHow: string; toldOutcomeOn: string | null }, today: string): Errors {
  const errors: Errors = {};
  if (input.toldOutcomeOn && input.heldOn && input.toldOutcomeOn < input.heldOn) errors.toldOutcomeOn = "errors.toldBeforeHeld";
  else if (input.toldOutcomeOn && input.toldOutcomeOn > today) errors.toldOutcomeOn = "errors.toldInFuture";
  if (input.toldOutcomeOn && !input.toldOutcomeHow) errors.toldOutcomeHow = "errors.toldHowMissing";
  if (input.toldOutcomeHow && !input.toldOutcomeOn && !errors.toldOutcomeOn) errors.toldOutcomeOn = "errors.toldOnMissing";
  return errors;
}

/** Reads the activity form (the fields as posted). `today` is the UK date, "YYYY-MM-DD". */
export function parseActivity(raw: Raw, today: string): Parsed<ActivityInput> {
  const errors: Errors = {};
  const text = (key: string, max: number, required?: string) => {
    const value = one(raw, key);
    if (required && !value) errors[key] = required;
    else if (value.length > max) errors[key] = "errors.tooLong";
    return value;
  };

  const title = text("title", LIMITS.title, "errors.titleMissing");

  const dayParts = (name: string) => [one(raw, `${name}-day`), one(raw, `${name}-month`), one(raw, `${name}-year`)] as const;
  const held = dayParts("heldOn");
  const heldOn = dateFrom(...held);
  if (!heldOn) errors.heldOn = held.every((p) => p === "") ? "errors.heldOnMissing" : "errors.dateInvalid";

  const group = one(raw, "workingGroupId");
  let workingGroupId: number | null = null;
  if (group !== "") {
    if (/^\d{1,9}$/.test(group)) workingGroupId = Number(group);
    else errors.workingGroupId = "errors.groupInvalid";
  }

  const type = one(raw, "type");
  if (!isOneOf(activityTypes, type)) errors.type = "errors.typeMissing";
  const decisionOpen = text("decisionOpen", LIMITS.text, "errors.decisionMissing");
  const stage = one(raw, "familiesJoinedStage");
  if (!isOneOf(stages, stage)) errors.familiesJoinedStage = "errors.stageMissing";
  const level = one(raw, "level");
  if (!isOneOf(levels, level)) errors.level = "errors.levelMissing";
  else if (isOneOf(stages, stage)) {
    const refusal = levelRefusal(level, stage);
    if (refusal) errors.level = refusal;
  }

  const participants: CoproductionParticipants = {
    parent_carer: 0,
    young_person: { under_11: 0, "11_15": 0, "16_18": 0, "19_25": 0 },
    practitioner: 0,
    other: 0,
  };
  for (const c of countFields) {
    const n = parseCount(one(raw, c.field));
    if (n === null) {
      errors[c.field] = "errors.countInvalid";
      continue;
    }
    if ("band" in c) participants.young_person[c.band] = n;
    else participants[c.role] = n;
  }
  if (!countFields.some((c) => errors[c.field]) && participantTotal(participants) === 0) errors.participants = "errors.noParticipants";

  const chosen = many(raw, "support");
  const accessibility: CoproductionAccessibility = {
    interpreter: chosen.includes("interpreter"),
    bsl: chosen.includes("bsl"),
    easy_read: chosen.includes("easy_read"),
    venue_notes: text("venueNotes", LIMITS.short),
  };

  const familiesSaid = text("familiesSaid", LIMITS.text);
  const whatChanged = text("whatChanged", LIMITS.text);
  const whatDidNotChange = text("whatDidNotChange", LIMITS.text);

  const actionIds: number[] = [];
  for (const a of many(raw, "actions")) {
    if (/^\d{1,9}$/.test(a)) actionIds.push(Number(a));
    else errors.actions = "errors.actionInvalid";
  }

  const tasksText = text("tasks", LIMITS.short);
  const taskCodes = parseTaskCodes(tasksText);
  if (taskCodes.length > LIMITS.tasks) errors.tasks = "errors.tooManyTasks";

  const feedbackText = text("feedback", LIMITS.text);
  const feedback = parseFeedbackReferences(feedbackText);
  if (errors.feedback) {
    // Too long to read: the length is the problem.
  } else if (feedback.malformed.length) errors.feedback = namingError("errors.feedbackMalformed", feedback.malformed);
  else if (feedback.references.length > LIMITS.feedback) errors.feedback = "errors.tooManyFeedback";

  const evidenceLinks = [...new Set(one(raw, "evidenceLinks").split("\n").map((s) => s.trim()).filter(Boolean))];
  if (evidenceLinks.length > LIMITS.links) errors.evidenceLinks = "errors.tooManyLinks";
  else if (evidenceLinks.some((l) => l.length > LIMITS.url || !isHttpUrl(l))) errors.evidenceLinks = "errors.linkInvalid";

  const toldOutcomeHow = text("toldOutcomeHow", LIMITS.text);
  const told = dayParts("toldOutcomeOn");
  let toldOutcomeOn: string | null = null;
  if (!told.every((p) => p === "")) {
    toldOutcomeOn = dateFrom(...told);
    if (!toldOutcomeOn) errors.toldOutcomeOn = "errors.dateInvalid";
  }
  if (!errors.toldOutcomeOn && !errors.toldOutcomeHow) Object.assign(errors, toldErrors({ heldOn, toldOutcomeHow, toldOutcomeOn }, today));

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      title,
      heldOn: heldOn!,
      workingGroupId,
      type: type as CoproductionType,
      decisionOpen,
      familiesJoinedStage: stage as CoproductionStage,
      level: level as CoproductionLevel,
      participants,
      accessibility,
      familiesSaid,
      whatChanged,
      whatDidNotChange,
      actionIds: [...new Set(actionIds)],
      taskCodes,
      feedbackRefs: feedback.references,
      evidenceLinks,
      toldOutcomeHow,
      toldOutcomeOn,
    },
  };
}

/** What a saved activity looks like to the rules below. */
export interface ActivityState {
  status: CoproductionStatus;
  heldOn: string;
  level: CoproductionLevel;
  familiesJoinedStage: CoproductionStage;
  familiesSaid: string;
  whatChanged: string;
  whatDidNotChange: string;
  toldOutcomeHow: string;
  toldOutcomeOn: string | null;
}

/** Why it cannot go on the public page yet, or null. Families read it, so it must say what they said and what came of it. */
export function publishRefusal(a: ActivityState): string | null {
  if (a.status !== "draft") return "errors.alreadyPublished";
  if (!a.familiesSaid) return "errors.publishNeedsSaid";
  if (!a.whatChanged && !a.whatDidNotChange) return "errors.publishNeedsOutcome";
  return null;
}

/**
 * Why it cannot be closed, or null. The loop is only closed once the people who
 * took part have been told what came of it: how, and on a date on or after the activity.
 */
export function closeRefusal(a: ActivityState): string | null {
  if (a.status === "closed") return "errors.alreadyClosed";
  if (a.status !== "published") return "errors.closeNeedsPublished";
  if (!a.toldOutcomeHow || !a.toldOutcomeOn) return "errors.closeNeedsTold";
  if (a.toldOutcomeOn < a.heldOn) return "errors.toldBeforeHeld";
  return null;
}

/** A closed activity is a finished record: it is not changed afterwards. */
export function editRefusal(a: Pick<ActivityState, "status">): string | null {
  return a.status === "closed" ? "errors.closedNoEdit" : null;
}

/**
 * Only the families' own representative confirms the level: the parent carer
 * forum's reviewer stands in for a participation-council representative, a role
 * that does not exist yet. Admins may not confirm on their behalf.
 */
export function canConfirmLevel(role: Role): boolean {
  return role === "pcf_reviewer";
}

/** Admins and officers edit any activity; a group member only their own groups' (and must choose one). */
export function canEditActivity(user: { role: Role; workingGroupIds: readonly number[] }, workingGroupId: number | null): boolean {
  if (user.role === "admin" || user.role === "officer") return true;
  if (user.role === "group_member") return workingGroupId !== null && user.workingGroupIds.includes(workingGroupId);
  return false;
}

/**
 * The UK financial quarter of a date: April–June is quarter 1 of the year that
 * starts in April. "2026-11-23" → { year: 2026, quarter: 3, key: "2026-Q3" }.
 */
export function financialQuarter(date: string): { year: number; quarter: 1 | 2 | 3 | 4; key: string } {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const year = m >= 4 ? y : y - 1;
  const quarter = (m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4) as 1 | 2 | 3 | 4;
  return { year, quarter, key: `${year}-Q${quarter}` };
}

/** "2026-Q3" → its parts, or null for anything else (a filter from the address bar). */
export function parseQuarterKey(value: string | null | undefined): { year: number; quarter: 1 | 2 | 3 | 4; key: string } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(value ?? "");
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4, key: value! };
}

/** The first and last day of a financial quarter ("YYYY-MM-DD"). */
export function quarterRange(q: { year: number; quarter: number }): { from: string; to: string } {
  const startMonth = ((q.quarter - 1) * 3 + 3) % 12; // 0-based: Apr=3, Jul=6, Oct=9, Jan=0
  const year = q.quarter === 4 ? q.year + 1 : q.year;
  const last = new Date(Date.UTC(year, startMonth + 3, 0)).getUTCDate();
  const mm = String(startMonth + 1).padStart(2, "0");
  const endMm = String(startMonth + 3).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${endMm}-${String(last).padStart(2, "0")}` };
}
