/**
 * Small numbers are never shown: a count from 1 to `threshold − 1` reads "fewer than
 * 5" (0 is shown as 0: nobody can be recognised in nobody). Where a breakdown's total
 * is shown, one hidden cell could be worked out by subtracting the others from the
 * total, so when exactly one cell is hidden the next-smallest non-zero cell is hidden
 * too ("secondary suppression"). Percentages of hidden cells are hidden with them.
 * Pure: used by the re-visit summary for inspectors and by survey analysis.
 */

/** The smallest count shown, unless `app_setting` says otherwise (key below). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSION_THRESHOLD_SETTING = "suppression_threshold";

/** The threshold from a stored setting: a whole number from 2 to 100, else the default. */
export function parseThreshold(value: string | null | undefined): number {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return DEFAULT_SUPPRESSION_THRESHOLD;
  const n = Number(value);
  return n >= 2 && n <= 100 ? n : DEFAULT_SUPPRESSION_THRESHOLD;
}

export type ShownCell = { shown: true; count: number; percent: number | null };
export type HiddenCell = { shown: false; reason: "small" | "secondary" };
export type Cell = ShownCell | HiddenCell;

/** Too small to show: 1 … threshold − 1. */
export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** One count on its own (no total beside it to subtract from). */
export function suppressCount(count: number, threshold: number): Cell {
  return isSmall(count, threshold) ? { shown: false, reason: "small" } : { shown: true, count, percent: null };
}

export interface BreakdownOptions {
  threshold: number;
  /** The total shown with the breakdown; the cells' sum when not given. */
  total?: number;
  /** What percentages are of (e.g. those who gave a view, without "don't know"); `total` when not given. */
  percentBase?: number;
  /** Which cells get a percentage (by position); all when not given. */
  withPercent?: (index: number) => boolean;
}

export interface SuppressedBreakdown {
  cells: Cell[];
  total: Cell;
}

/** Whole-number percentage; null when there is nothing to be a percentage of. */
export function percentOf(count: number, base: number): number | null {
  return base > 0 ? Math.round((count / base) * 100) : null;
}

/**
 * Suppresses a breakdown whose total is shown. A small total hides every non-zero
 * cell (they add up to it). Otherwise small cells are hidden and, if exactly one
 * is, the smallest other non-zero cell is hidden as well (ties: the first).
 */
export function suppressBreakdown(counts: readonly number[], options: BreakdownOptions): SuppressedBreakdown {
  const { threshold } = options;
  const total = options.total ?? counts.reduce((sum, n) => sum + n, 0);
  const base = options.percentBase ?? total;
  const hidden: (HiddenCell["reason"] | null)[] = counts.map((n) => (isSmall(n, threshold) ? "small" : null));
  const totalCell = suppressCount(total, threshold);
  if (!totalCell.shown) {
    counts.forEach((n, i) => {
      if (n > 0) hidden[i] = "small";
    });
  } else if (hidden.filter(Boolean).length === 1) {
    let next = -1;
    counts.forEach((n, i) => {
      if (hidden[i] || n === 0) return;
      if (next === -1 || n < counts[next]!) next = i;
    });
    if (next !== -1) hidden[next] = "secondary";
  }
  // A percentage of a base that is itself small would give the hidden numbers away.
  const percentAllowed = !isSmall(base, threshold);
  const cells = counts.map((count, i): Cell => {
    const reason = hidden[i];
    if (reason) return { shown: false, reason };
    const wanted = options.withPercent ? options.withPercent(i) : true;
    return { shown: true, count, percent: wanted && percentAllowed ? percentOf(count, base) : null };
  });
  return { cells, total: totalCell };
}

/** A cell as words: the count, or "fewer than 5" in the reader's words. */
export function cellText(cell: Cell, fewerThan: string): string {
  return cell.shown ? String(cell.count) : fewerThan;
}

/** A cell's percentage as words ("42%"), or "" when hidden or not given. */
export function percentText(cell: Cell): string {
  return cell.shown && cell.percent !== null ? `${cell.percent}%` : "";
}
