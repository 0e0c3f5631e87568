/**
 * The evidence pack for an Ofsted/CQC re-visit (issue 6, point 9; docs/decisions/026-evidence-pack.md):
 * the period and area asked for, and the pack shaped for the page and the CSV. Pure: the
 * queries are in evidence.server.ts. Feedback volumes are suppressed here, before they
 * reach a page or a file (app/analysis/suppression.ts).
 */
import type { CoproductionLevel, CoproductionType, Rag, YouSaidTheme } from "../../db/schema";
import { cellText, suppressBreakdown, suppressCount, type Cell, type CellWords } from "../analysis/suppression";
import { csvCell } from "../local-offer/coverage";
import { partsFromDate } from "../surveys/uk-time";
import { checkTypedDate, nextDay, typedDateFrom, yearsBefore, type TypedDate } from "../utils/typed-date";

export { nextDay, yearsBefore };
import { RAG_ORDER } from "../working-groups/progress";

export const EVIDENCE_PACK_PATH = "/admin/evidence-pack";
export const EVIDENCE_PACK_CSV_PATH = "/admin/evidence-pack.csv";
/** A longer period is refused: a pack is for one re-visit, and a wide one would be slow to build. */
export const MAX_PERIOD_YEARS = 5;

/** Feedback statuses in the order a family's item moves through them. */
export const feedbackStatuses = ["received", "with_group", "responded", "closed", "signposted"] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export interface Period {
  /** "YYYY-MM-DD", UK calendar dates, both days included. */
  from: string;
  to: string;
}

export interface PackQuery extends Period {
  /** An area of concern's number, or null for all of them. */
  area: number | null;
}

export type { TypedDate };

export interface TypedQuery {
  from: TypedDate;
  to: TypedDate;
  area: string;
}

export type PackField = "from" | "to" | "area";
/** Message keys in the evidence-pack namespace, by field. */
export type PackErrors = Partial<Record<PackField, string>>;

export type ParsedQuery =
  | { ok: true; query: PackQuery; typed: TypedQuery; /** The form's boxes were used: answer at the short address. */ fromBoxes: boolean }
  | { ok: false; errors: PackErrors; typed: TypedQuery };


/** The last 12 months up to and including today (UK calendar days). */
export function defaultPeriod(today: string): Period {
  return { from: yearsBefore(today, 1), to: today };
}

function typedFrom(params: URLSearchParams, name: "from" | "to"): { typed: TypedDate; boxes: boolean } {
  const { typed, boxes } = typedDateFrom(params, name);
  return { typed, boxes };
}

function checkDate(typed: TypedDate, name: "from" | "to"): { date: string } | { error: string } {
  const checked = checkTypedDate(typed);
  return "date" in checked ? checked : { error: `errors.${name}.${checked.problem}` };
}

/**
 * Reads the period and area from the address: the form's boxes (from-day, from-month,
 * from-year, to-…) or the short form (?from=YYYY-MM-DD&to=…&area=4). Nothing given
 * means the last 12 months and every area. `areas` are the numbers that exist.
 */
export function parsePackQuery(params: URLSearchParams, { today, areas }: { today: string; areas: readonly number[] }): ParsedQuery {
  const from = typedFrom(params, "from");
  const to = typedFrom(params, "to");
  const areaText = (params.get("area") ?? "").trim().slice(0, 20);
  const fallback = defaultPeriod(today);
  const givenFrom = from.boxes || params.has("from");
  const givenTo = to.boxes || params.has("to");
  const typed: TypedQuery = {
    from: givenFrom ? from.typed : partsFromDate(fallback.from),
    to: givenTo ? to.typed : partsFromDate(fallback.to),
    area: areaText,
  };
  const errors: PackErrors = {};
  const fromDate = givenFrom ? checkDate(from.typed, "from") : { date: fallback.from };
  const toDate = givenTo ? checkDate(to.typed, "to") : { date: fallback.to };
  if ("error" in fromDate) errors.from = fromDate.error;
  if ("error" in toDate) errors.to = toDate.error;
  if ("date" in fromDate && "date" in toDate) {
    if (fromDate.date > toDate.date) errors.to = "errors.to.beforeFrom";
    else if (yearsBefore(toDate.date, MAX_PERIOD_YEARS) > fromDate.date) errors.to = "errors.to.tooLong";
  }
  let area: number | null = null;
  if (areaText !== "") {
    area = /^\d{1,4}$/.test(areaText) ? Number(areaText) : NaN;
    if (!areas.includes(area)) errors.area = "errors.area.unknown";
  }
  if (Object.keys(errors).length > 0 || !("date" in fromDate) || !("date" in toDate)) return { ok: false, errors, typed };
  return { ok: true, query: { from: fromDate.date, to: toDate.date, area }, typed, fromBoxes: from.boxes || to.boxes };
}

/** The short address of a pack: "?from=2025-11-23&to=2026-11-23&area=4". */
export function packSearch(query: PackQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.area !== null) params.set("area", String(query.area));
  return `?${params.toString()}`;
}

// ---- The pack ------------------------------------------------------------------------

/** What the queries found, before suppression. */
export interface RawTask {
  id: number;
  code: string;
  description: string;
  dueText: string;
  rag: Rag;
}

export interface RawAction {
  id: number;
  letter: string;
  title: string;
  tasks: RawTask[];
}

export interface RawUpdate {
  id: string;
  taskCode: string;
  at: string;
  rag: Rag;
  outcome: string;
  evidenceUrl: string | null;
}

export interface RawActivity {
  id: string;
  title: string;
  heldOn: string;
  type: CoproductionType;
  level: CoproductionLevel;
  levelConfirmed: boolean;
  whatChanged: string;
  toldOn: string | null;
  toldHow: string;
}

export interface RawFeedbackItem {
  id: string;
  status: string;
  themes: string[];
}

export interface RawEntry {
  id: string;
  publishedOn: string;
  theme: YouSaidTheme;
  youSaid: string;
  weDid: string;
  group: string | null;
  cosigned: boolean;
}

export interface RawArea {
  id: number;
  number: number;
  title: string;
  actions: RawAction[];
  updates: RawUpdate[];
  activities: RawActivity[];
  feedback: RawFeedbackItem[];
  entries: RawEntry[];
}

export interface RawPack {
  query: PackQuery;
  threshold: number;
  areas: RawArea[];
  /** Every feedback item received in the period (never a flagged one), linked to an area or not. */
  feedbackInPeriod: number;
  /** Published entries in the period tied to no area of concern (only when every area is asked for). */
  otherEntries: RawEntry[];
}

export interface CountRow<K extends string = string> {
  key: K;
  cell: Cell;
}

export interface FeedbackVolumes {
  total: Cell;
  byStatus: CountRow<FeedbackStatus>[];
  /** One item can have several themes: these do not add up to the total. */
  byTheme: CountRow[];
  /** Items with no theme tagged. */
  noTheme: Cell;
}

export interface PackArea extends Omit<RawArea, "feedback"> {
  ragCounts: { rag: Rag; count: number }[];
  feedback: FeedbackVolumes;
}

export interface PackSummary {
  actions: number;
  tasks: number;
  updates: number;
  activities: number;
  entries: number;
  /** Feedback linked to the areas shown (each item once), and, for every area, what is linked to none. */
  feedbackLinked: Cell;
  feedbackUnlinked: Cell | null;
  feedbackAll: Cell | null;
}

export interface EvidencePack {
  query: PackQuery;
  threshold: number;
  summary: PackSummary;
  areas: PackArea[];
  otherEntries: RawEntry[];
}

/** How many tasks have each rating, in the plan's order; ratings no task has are left out. */
function ragCountsOf(rags: readonly Rag[]): { rag: Rag; count: number }[] {
  return RAG_ORDER.map((rag) => ({ rag, count: rags.filter((r) => r === rag).length })).filter((r) => r.count > 0);
}

/**
 * Feedback volumes for one area, suppressed: the statuses add up to the total, so a
 * lone small status takes the next smallest with it (secondary suppression). Themes
 * overlap (an item may have several) and so cannot be subtracted from the total:
 * each is suppressed on its own.
 */
export function feedbackVolumes(items: readonly RawFeedbackItem[], threshold: number): FeedbackVolumes {
  const statusCounts = feedbackStatuses.map((s) => items.filter((i) => i.status === s).length);
  const { cells, total } = suppressBreakdown(statusCounts, { threshold, total: items.length, withPercent: () => false });
  const themes = new Map<string, number>();
  for (const item of items) for (const theme of new Set(item.themes)) themes.set(theme, (themes.get(theme) ?? 0) + 1);
  const byTheme = [...themes.entries()]
    .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
    .map(([key, count]) => ({ key, cell: suppressCount(count, threshold) }));
  return {
    total,
    byStatus: feedbackStatuses.map((key, i) => ({ key, cell: cells[i]! })),
    byTheme,
    noTheme: suppressCount(items.filter((i) => i.themes.length === 0).length, threshold),
  };
}

/** The pack as the page and the file show it: feedback counted, suppressed, and summed up. */
export function shapePack(raw: RawPack): EvidencePack {
  const { threshold } = raw;
  const areas = raw.areas.map(
    ({ feedback, ...area }): PackArea => ({
      ...area,
      ragCounts: ragCountsOf(area.actions.flatMap((a) => a.tasks.map((t) => t.rag))),
      feedback: feedbackVolumes(feedback, threshold),
    }),
  );
  const distinct = <T>(list: T[]) => new Set(list).size;
  const linked = distinct(raw.areas.flatMap((a) => a.feedback.map((f) => f.id)));
  const allAreas = raw.query.area === null;
  // Linked and not linked add up to all feedback: suppressed together, like a breakdown.
  const split = suppressBreakdown([linked, Math.max(raw.feedbackInPeriod - linked, 0)], {
    threshold,
    total: raw.feedbackInPeriod,
    withPercent: () => false,
  });
  return {
    query: raw.query,
    threshold,
    summary: {
      actions: distinct(raw.areas.flatMap((a) => a.actions.map((x) => x.id))),
      tasks: distinct(raw.areas.flatMap((a) => a.actions.flatMap((x) => x.tasks.map((t) => t.id)))),
      updates: distinct(raw.areas.flatMap((a) => a.updates.map((u) => u.id))),
      activities: distinct(raw.areas.flatMap((a) => a.activities.map((x) => x.id))),
      entries: distinct([...raw.areas.flatMap((a) => a.entries.map((e) => e.id)), ...raw.otherEntries.map((e) => e.id)]),
      feedbackLinked: allAreas ? split.cells[0]! : suppressCount(linked, threshold),
      feedbackUnlinked: allAreas ? split.cells[1]! : null,
      feedbackAll: allAreas ? split.total : null,
    },
    areas,
    otherEntries: allAreas ? raw.otherEntries : [],
  };
}

// ---- The download --------------------------------------------------------------------

/** The words the file is written in (the officer's language). */
export interface CsvWords {
  fewerThan: CellWords;
  /** "Area of concern 4: …" */
  area: (area: { number: number; title: string }) => string;
  sections: {
    summary: string;
    task: string;
    update: string;
    activity: string;
    feedbackStatus: string;
    feedbackTheme: string;
    entry: string;
  };
  summary: Record<
    "actions" | "tasks" | "updates" | "activities" | "entries" | "feedbackLinked" | "feedbackUnlinked" | "feedbackAll",
    string
  >;
  rag: (rag: Rag) => string;
  status: (status: FeedbackStatus) => string;
  total: string;
  noTheme: string;
  /** "Workshop; Co-production (confirmed by the forum); What changed: …; Told: 12 March 2026" */
  activity: (activity: RawActivity) => string;
  entry: (entry: RawEntry) => string;
  /** "Other entries" for what is tied to no area. */
  noArea: string;
}

export const CSV_HEADER = ["section", "area", "item", "date", "rag", "detail", "link", "count"] as const;

/**
 * The pack as one CSV file, one line per fact: section, area, item, date, rag, detail,
 * link, count. The same suppression as the page ("fewer than 5"); every cell guarded
 * against spreadsheet formulas (csvCell). Dates are YYYY-MM-DD, which every
 * spreadsheet sorts correctly.
 */
export function packCsv(pack: EvidencePack, words: CsvWords): string {
  const lines: string[][] = [[...CSV_HEADER]];
  const add = (line: {
    section: string;
    area?: string;
    item?: string;
    date?: string;
    rag?: string;
    detail?: string;
    link?: string;
    count?: string;
  }) =>
    lines.push([
      line.section,
      line.area ?? "",
      line.item ?? "",
      line.date ?? "",
      line.rag ?? "",
      line.detail ?? "",
      line.link ?? "",
      line.count ?? "",
    ]);
  const count = (cell: Cell) => cellText(cell, words.fewerThan);
  const s = pack.summary;
  const summaryRows: [keyof CsvWords["summary"], string | null][] = [
    ["actions", String(s.actions)],
    ["tasks", String(s.tasks)],
    ["updates", String(s.updates)],
    ["activities", String(s.activities)],
    ["feedbackLinked", count(s.feedbackLinked)],
    ["feedbackUnlinked", s.feedbackUnlinked ? count(s.feedbackUnlinked) : null],
    ["feedbackAll", s.feedbackAll ? count(s.feedbackAll) : null],
    ["entries", String(s.entries)],
  ];
  for (const [key, value] of summaryRows)
    if (value !== null) add({ section: words.sections.summary, item: words.summary[key], count: value });
  for (const area of pack.areas) {
    const name = words.area(area);
    for (const action of area.actions) {
      for (const task of action.tasks) {
        add({
          section: words.sections.task,
          area: name,
          item: task.code,
          date: task.dueText,
          rag: words.rag(task.rag),
          detail: task.description,
        });
      }
    }
    for (const update of area.updates) {
      add({
        section: words.sections.update,
        area: name,
        item: update.taskCode,
        date: update.at,
        rag: words.rag(update.rag),
        detail: update.outcome,
        link: update.evidenceUrl ?? "",
      });
    }
    for (const activity of area.activities) {
      add({ section: words.sections.activity, area: name, item: activity.title, date: activity.heldOn, detail: words.activity(activity) });
    }
    for (const row of area.feedback.byStatus)
      add({ section: words.sections.feedbackStatus, area: name, item: words.status(row.key), count: count(row.cell) });
    add({ section: words.sections.feedbackStatus, area: name, item: words.total, count: count(area.feedback.total) });
    for (const row of area.feedback.byTheme)
      add({ section: words.sections.feedbackTheme, area: name, item: row.key, count: count(row.cell) });
    add({ section: words.sections.feedbackTheme, area: name, item: words.noTheme, count: count(area.feedback.noTheme) });
    for (const entry of area.entries)
      add({ section: words.sections.entry, area: name, item: entry.youSaid, date: entry.publishedOn, detail: words.entry(entry) });
  }
  for (const entry of pack.otherEntries)
    add({ section: words.sections.entry, area: words.noArea, item: entry.youSaid, date: entry.publishedOn, detail: words.entry(entry) });
  return `${lines.map((line) => line.map((v) => csvCell(v)).join(",")).join("\r\n")}\r\n`;
}

/** "evidence-pack-2025-11-23-to-2026-11-23-area-4.csv": digits and dashes only. */
export function packFilename(query: PackQuery): string {
  const safe = (date: string) => date.replace(/[^0-9-]/g, "");
  return `evidence-pack-${safe(query.from)}-to-${safe(query.to)}${query.area !== null ? `-area-${query.area}` : ""}.csv`;
}
