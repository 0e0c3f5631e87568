/**
 * A wave's results as tables for a spreadsheet (issue 7, point 5): the same suppressed
 * figures the page shows, never more. One long table (CSV) or the same split into sheets
 * (XLSX): what was asked for, the counts, who answered, and each question's answers with
 * any breakdown. Hidden cells read "fewer than 5", as on the page. Pure.
 */
import type { Label } from "./distribution";
import type { WaveResults } from "./results.server";
import { cellText, percentText, type Cell, type CellWords } from "./suppression";
import type { SheetValue } from "./spreadsheet";

export interface SummaryWords {
  label: (label: Label) => string;
  fewerThan: CellWords;
  headers: { section: string; question: string; group: string; answer: string; count: string; percent: string };
  sections: { about: string; responses: string; who: string; question: string };
  all: string;
  total: string;
  /** "Middle answer (median)", for number questions. */
  median: string;
  submitted: string;
  matched: string;
  started: string;
  dimension: (dimension: string) => string;
  /** Lines that say what the file holds: the survey, the filters, the threshold, when it was made. */
  about: string[];
  withheld: string | null;
}

export interface SummaryTable {
  name: string;
  header: string[];
  rows: SheetValue[][];
}

const count = (cell: Cell, words: SummaryWords) => cellText(cell, words.fewerThan);
const notShown = (words: SummaryWords) => cellText({ shown: false, reason: "secondary" }, words.fewerThan);

/** The results as named tables: about, responses, who answered, questions (long form). */
export function summaryTables(results: WaveResults, words: SummaryWords): SummaryTable[] {
  const h = words.headers;
  const about: SummaryTable = { name: words.sections.about, header: [words.sections.about], rows: [...words.about, ...(words.withheld ? [words.withheld] : [])].map((line) => [line]) };
  const responses: SummaryTable = {
    name: words.sections.responses,
    header: [h.answer, h.count],
    rows: [
      [words.submitted, count(results.counts.submitted, words)],
      [words.matched, count(results.counts.matched, words)],
      [words.started, count(results.counts.started, words)],
    ],
  };
  const who: SummaryTable = {
    name: words.sections.who,
    header: [h.group, h.answer, h.count],
    rows: results.who.flatMap((table) => [
      ...table.rows.map((r): SheetValue[] => [words.dimension(table.dimension), words.label(r.label), count(r.cell, words)]),
      [words.dimension(table.dimension), words.total, count(table.total, words)],
    ]),
  };
  const questions: SummaryTable = {
    name: words.sections.question,
    header: [h.question, h.group, h.answer, h.count, h.percent],
    rows: results.questions.flatMap((q) => {
      const question = `${q.number}. ${words.label(q.text)}`;
      const whole: SheetValue[][] = [
        ...q.rows.map((r): SheetValue[] => [question, words.all, words.label(r.label), count(r.cell, words), percentText(r.cell)]),
        [question, words.all, words.total, count(q.total, words), ""],
        // The middle answer is not a count: it goes in the answer column, the number column left empty.
        ...(q.median ? [[question, words.all, `${words.median}: ${q.median.shown ? q.median.value : notShown(words)}`, "", ""]] : []),
      ];
      if (!q.breakdown) return whole;
      const tab = q.breakdown;
      const by = tab.columns.flatMap((column, c): SheetValue[][] => {
        const group = `${words.dimension(tab.dimension)}: ${words.label(column.label)}`;
        return [
          ...q.rows.map((r, i): SheetValue[] => [question, group, words.label(r.label), count(tab.cells[i]![c]!, words), percentText(tab.cells[i]![c]!)]),
          [question, group, words.total, count(column.total, words), ""],
        ];
      });
      return [...whole, ...by];
    }),
  };
  return [about, responses, who, questions];
}

/** All the tables in one CSV-shaped table: section first, then the widest header. */
export function summaryRows(tables: SummaryTable[], words: SummaryWords): SheetValue[][] {
  const h = words.headers;
  const rows: SheetValue[][] = [[h.section, h.question, h.group, h.answer, h.count, h.percent]];
  const [about, responses, who, questions] = tables as [SummaryTable, SummaryTable, SummaryTable, SummaryTable];
  for (const [line] of about.rows) rows.push([about.name, "", "", line ?? "", "", ""]);
  for (const [answer, n] of responses.rows) rows.push([responses.name, "", "", answer ?? "", n ?? "", ""]);
  for (const [group, answer, n] of who.rows) rows.push([who.name, "", group ?? "", answer ?? "", n ?? "", ""]);
  for (const [question, group, answer, n, percent] of questions.rows) rows.push([questions.name, question ?? "", group ?? "", answer ?? "", n ?? "", percent ?? ""]);
  return rows;
}
