/**
 * Answers given as a number or a date, counted in ranges so they can be charted,
 * broken down and suppressed like any choice: numbers in equal ranges set by the
 * question's own lowest and highest allowed answers (so every wave and every filtered
 * view has the same ranges), dates by year. The middle answer (median) of a number
 * question is worked out from the exact answers. Pure.
 */
import type { Question } from "../surveys/definition";

/** Words for a range: an i18n key with its numbers. */
export type RangeLabel = { key: string; values: Record<string, number> };

export interface NumberRange {
  /** The range's value in counts: its lowest number ("20"), or "below" for answers under the lowest. */
  value: string;
  label: RangeLabel;
  /** Lowest number in the range; -Infinity for "below". */
  from: number;
}

/** The most ranges an answer is split into when the question has a highest answer. */
export const MAX_RANGES = 6;

/** Widths a range may have: 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1,000 and on. */
function niceWidths(): number[] {
  const widths: number[] = [];
  for (let power = 1; power <= 1e9; power *= 10) widths.push(power, 2 * power, ...(power >= 10 ? [2.5 * power] : []), 5 * power);
  return widths;
}

/** Ranges for a question with no highest answer: from its lowest (or 0), edges at 1, 5, 10, 20, 50 and on up to 1,000. */
const LADDER = [1, 5, 10, 20, 50, 100, 200, 500, 1000];

/**
 * A number question's ranges, from its definition alone. With a highest answer, at most
 * MAX_RANGES equal ranges of a round width ("0 to 19", "20 to 39" … "100 to 120": a short
 * last range joins the one before it). Without one, ranges on a ladder ("10 to 19" …
 * "1,000 or more"). Without a lowest answer, a first range holds answers below 0.
 */
export function numberRanges(question: Pick<Question, "min" | "max">): NumberRange[] {
  const lo = Math.floor(question.min ?? 0);
  const hi = question.max == null ? null : Math.floor(question.max);
  const below: NumberRange[] = question.min == null ? [{ value: "below", from: -Infinity, label: { key: "analysis:ranges.below", values: { to: lo } } }] : [];
  if (hi !== null && hi >= lo) {
    const span = hi - lo + 1;
    const width = niceWidths().find((w) => Math.ceil(span / w) <= MAX_RANGES) ?? span;
    const starts: number[] = [];
    for (let start = lo; start <= hi; start += width) starts.push(start);
    // A last range under half the width joins the one before it.
    if (starts.length > 1 && hi - starts[starts.length - 1]! + 1 < width / 2) starts.pop();
    return [
      ...below,
      ...starts.map((from, i) => range(from, i === starts.length - 1 ? hi : starts[i + 1]! - 1)),
    ];
  }
  const edges = [lo, ...LADDER.filter((edge) => edge > lo)];
  return [
    ...below,
    ...edges.map((from, i) => range(from, edges[i + 1] === undefined ? null : edges[i + 1]! - 1)),
  ];
}

/** A range from one number to another, or on up (to null). */
function range(from: number, to: number | null): NumberRange {
  const label: RangeLabel =
    to === null
      ? { key: "analysis:ranges.orMore", values: { from } }
      : from === to
        ? { key: "analysis:ranges.exactly", values: { from } }
        : { key: "analysis:ranges.between", values: { from, to } };
  return { value: String(from), from, label };
}

/** The range a number answer falls in (a part number goes with its whole number); undefined if it is not a number. */
export function numberRangeOf(ranges: readonly NumberRange[], answer: string): string | undefined {
  const n = Number(answer);
  if (answer.trim() === "" || !Number.isFinite(n)) return undefined;
  const whole = Math.floor(n);
  let found: NumberRange | undefined;
  for (const range of ranges) if (whole >= range.from) found = range;
  return (found ?? ranges[0])?.value;
}

/** The year a date answer ("2023-09-14", or already "2023") falls in; undefined if it is not a date. */
export function yearOf(answer: string): string | undefined {
  return /^\d{4}/.test(answer) ? answer.slice(0, 4) : undefined;
}

/** Whether a question's answers are counted in ranges. */
export function isRanged(question: Pick<Question, "type">): boolean {
  return question.type === "number" || question.type === "date";
}

/**
 * A question's counts by exact answer turned into counts by range. Answers that are not
 * a number or a date (none pass the survey's checks) keep their stored value, so nothing
 * is dropped unseen.
 */
export function rangeOf(question: Pick<Question, "type" | "min" | "max">): (answer: string) => string {
  if (question.type === "date") return (answer) => yearOf(answer) ?? answer;
  if (question.type === "number") {
    const ranges = numberRanges(question);
    return (answer) => numberRangeOf(ranges, answer) ?? answer;
  }
  return (answer) => answer;
}

/**
 * The middle answer of a number question from its counts by exact answer: half the
 * answers are at or below it, half at or above (the mean of the two middle ones when the
 * count is even). Null when there are none.
 */
export function median(counts: Iterable<readonly [answer: string, count: number]>): number | null {
  const values = [...counts]
    .map(([answer, count]) => [Number(answer), count] as const)
    .filter(([n, count]) => Number.isFinite(n) && count > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = values.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (position: number): number => {
    let seen = 0;
    for (const [n, count] of values) {
      seen += count;
      if (position < seen) return n;
    }
    return values[values.length - 1]![0];
  };
  const middle = total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return Math.round(middle * 10) / 10;
}
