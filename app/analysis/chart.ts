/**
 * The layout of a bar chart drawn on the server as SVG (issue 7, point 1): one bar per
 * answer, as a share of those who gave a view, on a 0–100% scale so waves and groups of
 * different sizes compare honestly. A hidden (suppressed) count has no bar, only its
 * words. Labels wrap onto lines of their own above each bar, so long answers fit a phone.
 * Pure; the component is chart-figure.tsx.
 */

export interface ChartBar {
  label: string;
  /** 0–100, or null for no bar (hidden, or not a share). */
  percent: number | null;
  /** What is written after the bar: "53% (21)" or "fewer than 5". */
  text: string;
  /** A second series (e.g. an earlier wave) is drawn in another shade with its own words. */
  series?: number;
}

export const CHART_WIDTH = 400;
const BAR_MAX = 280;
// Room for scripts with tall letters (Urdu in Nastaliq) as well as Latin ones.
const LINE = 22;
const BAR = 20;
const GAP = 14;
/** Characters on one label line at the chart's font size. */
const LINE_CHARS = 44;

/** Splits a label into lines of at most `max` characters, at spaces where it can. */
export function wrapLabel(label: string, max = LINE_CHARS): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (word.length > max) {
      if (line) lines.push(line);
      for (let i = 0; i < word.length; i += max) lines.push(word.slice(i, i + max));
      line = lines.pop() ?? "";
      continue;
    }
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

export interface LaidOutBar extends ChartBar {
  lines: { text: string; y: number }[];
  barY: number;
  barWidth: number;
  textX: number;
  textY: number;
  /** Whether a label is drawn for this bar (the first of a group of series shares one). */
  labelled: boolean;
}

/**
 * Where each label, bar and value goes. Bars of several series for one answer (same
 * label, one after the other) share the label above them.
 */
export function layoutChart(bars: readonly ChartBar[]): { height: number; bars: LaidOutBar[] } {
  let y = 4;
  const laid: LaidOutBar[] = [];
  bars.forEach((bar, i) => {
    const labelled = i === 0 || bars[i - 1]!.label !== bar.label;
    const lines = labelled ? wrapLabel(bar.label).map((text) => ({ text, y: (y += LINE) })) : [];
    const barY = y + 10;
    const barWidth = bar.percent === null ? 0 : Math.max((Math.min(Math.max(bar.percent, 0), 100) / 100) * BAR_MAX, bar.percent > 0 ? 2 : 0);
    laid.push({ ...bar, lines, barY, barWidth, textX: barWidth + 6, textY: barY + BAR - 5, labelled });
    y = barY + BAR + (i + 1 < bars.length && bars[i + 1]!.label === bar.label ? 4 : GAP - 6);
  });
  return { height: y + 6, bars: laid };
}

export const BAR_HEIGHT = BAR;
