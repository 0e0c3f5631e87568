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

/** The range an admin may set: below 3 a count could name a pair; above 50 most breakdowns would vanish. */
export const MIN_SETTABLE_THRESHOLD = 3;
export const MAX_SETTABLE_THRESHOLD = 50;

/** A threshold typed by an admin, checked. */
export function checkThreshold(typed: string): { ok: true; threshold: number } | { ok: false; error: "settings.errors.empty" | "settings.errors.notNumber" | "settings.errors.range" } {
  const value = typed.trim();
  if (value === "") return { ok: false, error: "settings.errors.empty" };
  if (!/^\d{1,6}$/.test(value)) return { ok: false, error: "settings.errors.notNumber" };
  const n = Number(value);
  if (n < MIN_SETTABLE_THRESHOLD || n > MAX_SETTABLE_THRESHOLD) return { ok: false, error: "settings.errors.range" };
  return { ok: true, threshold: n };
}

/**
 * The words for a hidden cell: "fewer than 5" for a small count, and for a count hidden
 * only so a small one cannot be worked out ("secondary"), words that do not claim it is
 * small ("not shown"): it may be 117. A plain string is used for both.
 */
export type CellWords = string | { fewer: string; notShown: string };

/** A cell as words: the count, or why it is hidden, in the reader's words. */
export function cellText(cell: Cell, words: CellWords): string {
  if (cell.shown) return String(cell.count);
  if (typeof words === "string") return words;
  return cell.reason === "secondary" ? words.notShown : words.fewer;
}

/** A cell's percentage as words ("42%"), or "" when hidden or not given. */
export function percentText(cell: Cell): string {
  return cell.shown && cell.percent !== null ? `${cell.percent}%` : "";
}

export interface SuppressedCrossTab {
  /** [row][column], in the order given. */
  cells: Cell[][];
  columnTotals: Cell[];
}

/**
 * Suppresses a cross-tabulation (answers by district, say) shown beside its row totals
 * and column totals. A cell is hidden when it is small; a whole column when its total
 * is hidden (small, or hidden so another column's total cannot be worked out from the
 * grand total); a whole row when its total is hidden in the table the rows came from
 * (`rowTotalShown`). Then, while any row or column with a shown total has exactly one
 * hidden non-zero cell, the smallest other non-zero cell in it is hidden too, so no
 * hidden cell can be had by subtraction. Percentages are of `percentBases[column]`
 * (those in the column who gave a view), for rows `withPercent` allows.
 */
export function suppressCrossTab(
  counts: readonly (readonly number[])[],
  options: {
    threshold: number;
    columnTotals: readonly number[];
    /** The grand total the column totals add up to. */
    total: number;
    rowTotalShown: readonly boolean[];
    percentBases?: readonly number[];
    withPercent?: (row: number) => boolean;
  },
): SuppressedCrossTab {
  const { threshold } = options;
  const columns = options.columnTotals.length;
  const totals = suppressBreakdown(options.columnTotals, { threshold, total: options.total });
  const hidden: (HiddenCell["reason"] | null)[][] = counts.map((row, r) =>
    row.map((n, c) => {
      if (n === 0) return null;
      if (isSmall(n, threshold)) return "small";
      if (!totals.cells[c]!.shown || !options.rowTotalShown[r]) return "secondary";
      return null;
    }),
  );
  const lines = (): { cells: [number, number][]; totalShown: boolean }[] => [
    ...counts.map((row, r) => ({ cells: row.map((_, c): [number, number] => [r, c]), totalShown: options.rowTotalShown[r] ?? true })),
    ...Array.from({ length: columns }, (_, c) => ({ cells: counts.map((_, r): [number, number] => [r, c]), totalShown: totals.cells[c]!.shown })),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines()) {
      if (!line.totalShown) continue;
      const nonZero = line.cells.filter(([r, c]) => counts[r]![c]! > 0);
      if (nonZero.filter(([r, c]) => hidden[r]![c]).length !== 1) continue;
      let next: [number, number] | undefined;
      for (const [r, c] of nonZero) {
        if (hidden[r]![c]) continue;
        if (!next || counts[r]![c]! < counts[next[0]]![next[1]]!) next = [r, c];
      }
      if (next) {
        hidden[next[0]]![next[1]] = "secondary";
        changed = true;
      }
    }
  }
  const cells = counts.map((row, r) =>
    row.map((count, c): Cell => {
      const reason = hidden[r]![c];
      if (reason) return { shown: false, reason };
      const base = options.percentBases?.[c] ?? options.columnTotals[c]!;
      const wanted = options.withPercent ? options.withPercent(r) : true;
      return { shown: true, count, percent: wanted && !isSmall(base, threshold) ? percentOf(count, base) : null };
    }),
  );
  return { cells, columnTotals: totals.cells };
}
