/**
 * How the answers to one question are shown: its options in the definition's order,
 * "don't know" kept apart after them, then "not answered"; counts suppressed as one
 * breakdown whose total (everyone counted) is shown; percentages of those who gave a
 * view. Shared by the results pages, the summary for inspectors and published findings.
 * Pure.
 */
import { resolveText } from "../i18n/content";
import { AGREEMENT_VALUES, DONT_KNOW, FACE_VALUES, YES_NO_VALUES, type Question } from "../surveys/definition";
import { numberRanges, rangeOf } from "./ranges";
import { suppressBreakdown, type Cell } from "./suppression";

/** Words to show: written by staff (already in the reader's language) or an i18n key ("ns:key") with any numbers it needs. */
export type Label = { text: string } | { key: string; values?: Record<string, number> };

export type RowKind = "option" | "dont_know" | "not_answered";

export interface DistributionRow {
  value: string;
  label: Label;
  kind: RowKind;
  cell: Cell;
}

export interface Distribution {
  rows: DistributionRow[];
  /** Everyone counted (the rows' "not answered" included). */
  total: Cell;
}

/** A label in words, given a translator: staff's words as they are, a key translated with its numbers. */
export function labelWords(t: (key: string, values?: Record<string, number>) => string, label: Label): string {
  return "text" in label ? label.text : t(label.key, label.values);
}

/** The value of the "not answered" row. */
export const NOT_ANSWERED = "";

const FACE_WORDS: Record<string, string> = {
  "1": "veryUnhappy",
  "2": "unhappy",
  "3": "neutral",
  "4": "happy",
  "5": "veryHappy",
};

/** Question types whose answers are counted option by option (numbers and dates in ranges: ranges.ts). */
export const countedTypes: readonly Question["type"][] = ["single_choice", "multiple_choice", "agreement", "face_scale", "yes_no_not_sure", "number", "date"];

/**
 * A question's options in the definition's order (a number question's ranges; none for
 * a date question, whose years come from its answers); undefined for questions answered
 * in words.
 */
export function questionOptions(question: Question, language: string): { value: string; label: Label }[] | undefined {
  const text = (variants: Question["text"]): Label => ({
    text: resolveText(variants, { language, format: "standard" })?.text ?? "",
  });
  switch (question.type) {
    case "single_choice":
    case "multiple_choice":
      return question.options.map((o) => ({ value: o.value, label: text(o.label) }));
    case "agreement":
      return [...AGREEMENT_VALUES, ...(question.allowDontKnow ? [DONT_KNOW] : [])].map((v) => ({
        value: v,
        label: { key: `surveys:scales.agreement.${v}` },
      }));
    case "yes_no_not_sure":
      return YES_NO_VALUES.map((v) => ({ value: v, label: { key: `surveys:scales.yesNo.${v}` } }));
    case "face_scale":
      return FACE_VALUES.map((v) => ({ value: v, label: { key: `surveys:scales.face.${FACE_WORDS[v]}` } }));
    case "number":
      return numberRanges(question).map((r) => ({ value: r.value, label: r.label }));
    case "date":
      return [];
    default:
      return undefined;
  }
}

/** The question's words in the reader's language (standard format), or its key. */
export function questionLabel(question: Question, language: string): Label {
  return { text: resolveText(question.text, { language, format: "standard" })?.text ?? question.key };
}

/**
 * The rows a question's answers are shown in: its options (with any value no longer
 * among them, from an earlier version, under its stored value), "don't know", then
 * "not answered".
 */
export function distributionRows(options: readonly { value: string; label: Label }[], seen: Iterable<string>, notAnsweredLabel: Label) {
  const all = [...options];
  for (const value of seen) if (value !== NOT_ANSWERED && !all.some((o) => o.value === value)) all.push({ value, label: { text: value } });
  const ordered = [...all.filter((o) => o.value !== DONT_KNOW), ...all.filter((o) => o.value === DONT_KNOW)];
  return [
    ...ordered.map((o) => ({ value: o.value, label: o.label, kind: (o.value === DONT_KNOW ? "dont_know" : "option") as RowKind })),
    { value: NOT_ANSWERED, label: notAnsweredLabel, kind: "not_answered" as RowKind },
  ];
}

/**
 * The rows for a question's answers, given the values counted: a number question's
 * ranges, a date question's years in order, any other question's options.
 */
export function answerRows(question: Question, language: string, seen: Iterable<string>, notAnsweredLabel: Label) {
  const toRange = rangeOf(question);
  const values = [...new Set([...seen].map(toRange))];
  if (question.type === "date") values.sort();
  return distributionRows(questionOptions(question, language) ?? [], values, notAnsweredLabel);
}

/**
 * Counts in rows, suppressed. `counts` holds each chosen value's count; `answered`
 * how many answered at all; `respondents` everyone counted. For multiple choice, a
 * person may be in several rows, so `gaveView` (how many chose something other than
 * "don't know") must be given; otherwise it is the option rows' sum.
 */
export function distribution(
  rows: readonly Omit<DistributionRow, "cell">[],
  { counts, answered, respondents, gaveView, threshold }: { counts: ReadonlyMap<string, number>; answered: number; respondents: number; gaveView?: number; threshold: number },
): Distribution {
  const numbers = rows.map((r) => (r.kind === "not_answered" ? Math.max(respondents - answered, 0) : counts.get(r.value) ?? 0));
  const base = gaveView ?? rows.reduce((sum, r, i) => (r.kind === "option" ? sum + numbers[i]! : sum), 0);
  const { cells, total } = suppressBreakdown(numbers, {
    threshold,
    total: respondents,
    percentBase: base,
    withPercent: (i) => rows[i]!.kind === "option",
  });
  return { rows: rows.map((r, i) => ({ ...r, cell: cells[i]! })), total };
}

export interface DistributionSummary {
  /** The two answers most chosen (shown ones only), most first. */
  top: { label: Label; percent: number }[];
  /** Some answers' counts are hidden as small (or to protect a small one). */
  someHidden: boolean;
  dontKnow: Cell | null;
  notAnswered: Cell | null;
}

/**
 * What a chart's text summary says: the answers most chosen with their shares, whether
 * any are hidden, and "don't know" and "not answered" apart. It never states how many
 * gave a view: with a hidden "don't know" that number would give it away.
 */
export function summariseDistribution(d: Distribution): DistributionSummary {
  const options = d.rows.filter((r) => r.kind === "option");
  const top = options
    .flatMap((r) => (r.cell.shown && r.cell.percent !== null && r.cell.count > 0 ? [{ label: r.label, percent: r.cell.percent, count: r.cell.count }] : []))
    .sort((a, b) => b.count - a.count)
    .slice(0, 2)
    .map(({ label, percent }) => ({ label, percent }));
  return {
    top,
    someHidden: d.rows.some((r) => !r.cell.shown),
    dontKnow: d.rows.find((r) => r.kind === "dont_know")?.cell ?? null,
    notAnswered: d.rows.find((r) => r.kind === "not_answered")?.cell ?? null,
  };
}
