/**
 * The summary for inspectors (issue 5, point 7), built only from answers that were
 * sent (submitted): how many answered and how many started without sending; who
 * answered (district, support, age, who filled it in); each question's answers in the
 * definition's order with "I don't know" kept apart; and what parents wrote, with
 * names, emails and phone numbers taken out (app/analysis/redact.ts). Small numbers
 * are suppressed (app/analysis/suppression.ts); the free text of a question fewer
 * than `threshold` people answered is held back, since so few could be recognised.
 * Before the survey closes only the counts so far are given.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { redact } from "../analysis/redact";
import { getSuppressionThreshold } from "../analysis/suppression.server";
import { answerRows, distribution, distributionRows, questionLabel, questionOptions, type DistributionRow, type Label } from "../analysis/distribution";
import { rangeOf } from "../analysis/ranges";
import { cellText, percentText, suppressCount, type Cell, type CellWords } from "../analysis/suppression";
import { csvCell } from "../local-offer/coverage";
import { flaggedAnswerKeys } from "../safeguarding/safeguarding.server";
import {
  AGE_BANDS,
  allQuestions,
  COMPLETED_BY,
  DONT_KNOW,
  SUPPORT_LEVELS,
  textTypes,
  type AboutYouKind,
} from "../surveys/definition";
import type { RevisitView } from "./revisits.server";

type Db = Kysely<Database>;

export type { Label };
export type SummaryRow = DistributionRow;

export interface SummaryTable {
  key: string;
  caption: Label;
  /** The area of concern the question is about, if any. */
  areaOfConcern: number | null;
  /** Multiple choice: a person may be in more than one row, so the rows add up to more than the total. */
  multiple: boolean;
  rows: SummaryRow[];
  total: Cell;
}

export interface FreeTextGroup {
  key: string;
  question: Label;
  areaOfConcern: number | null;
  count: Cell;
  /** Null when held back: fewer than `threshold` answered. */
  answers: string[] | null;
  /** How many names, emails and phone numbers were taken out. */
  removed: number;
}

export interface RevisitSummary {
  threshold: number;
  closed: boolean;
  counts: { submitted: Cell; started: Cell };
  breakdowns: SummaryTable[];
  questions: SummaryTable[];
  freeText: FreeTextGroup[];
}

const ABOUT_KINDS: {
  kind: AboutYouKind;
  column: "district" | "age_band" | "support_level" | "completed_by";
  values: readonly string[];
  labelKey: string;
}[] = [
  { kind: "district", column: "district", values: [], labelKey: "" },
  {
    kind: "support_level",
    column: "support_level",
    values: SUPPORT_LEVELS,
    labelKey: "surveys:about.supportLevel",
  },
  {
    kind: "age_band",
    column: "age_band",
    values: AGE_BANDS,
    labelKey: "surveys:about.ageBand",
  },
  {
    kind: "completed_by",
    column: "completed_by",
    values: COMPLETED_BY,
    labelKey: "surveys:about.completedBy",
  },
];

/**
 * A table of counts with the "not answered" row, suppressed as one breakdown whose
 * total (everyone who sent the survey) is shown (app/analysis/distribution.ts).
 */
function table(
  base: Omit<SummaryTable, "rows" | "total">,
  rows: ReturnType<typeof distributionRows>,
  counts: Map<string, number>,
  { submitted, notAnswered, threshold, gaveView }: { submitted: number; notAnswered: number; threshold: number; gaveView?: number },
): SummaryTable {
  const { rows: shown, total } = distribution(rows, { counts, answered: submitted - notAnswered, respondents: submitted, gaveView, threshold });
  return { ...base, rows: shown, total };
}

export async function getRevisitSummary(
  db: Db,
  { revisit, language }: { revisit: Pick<RevisitView, "survey">; language: string }
): Promise<RevisitSummary> {
  const threshold = await getSuppressionThreshold(db);
  const surveyId = revisit.survey.id;
  const statusCounts = await db
    .selectFrom("survey_response")
    .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
    .where("survey_id", "=", surveyId)
    .groupBy("status")
    .execute();
  const submitted = Number(statusCounts.find((r) => r.status === "submitted")?.n ?? 0);
  const started = Number(statusCounts.find((r) => r.status === "draft")?.n ?? 0);
  const closed = revisit.survey.state === "closed" || revisit.survey.state === "archived";
  const summary: RevisitSummary = {
    threshold,
    closed,
    counts: {
      submitted: suppressCount(submitted, threshold),
      started: suppressCount(started, threshold),
    },
    breakdowns: [],
    questions: [],
    freeText: [],
  };
  if (!closed) return summary;

  const responses = await db
    .selectFrom("survey_response")
    .select(["id", "district", "age_band", "support_level", "completed_by"])
    .where("survey_id", "=", surveyId)
    .where("status", "=", "submitted")
    .orderBy("id")
    .execute();
  const answers = await db
    .selectFrom("survey_answer")
    .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
    .select(["survey_answer.response_id", "survey_answer.question_key", "survey_answer.value"])
    .where("survey_response.survey_id", "=", surveyId)
    .where("survey_response.status", "=", "submitted")
    // By response id (random), not by time: the order says nothing about who wrote what.
    .orderBy("survey_answer.response_id")
    .execute();
  // Safeguarding (docs/decisions/020): a flagged answer is for the designated safeguarding lead only.
  const flagged = await flaggedAnswerKeys(db, surveyId);
  const byQuestion = new Map<string, unknown[]>();
  for (const a of answers) {
    if (flagged.has(`${a.response_id} ${a.question_key}`)) continue;
    const list = byQuestion.get(a.question_key) ?? [];
    list.push(a.value);
    byQuestion.set(a.question_key, list);
  }

  const questions = allQuestions(revisit.survey.definition);
  const districts = await db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").execute();
  for (const about of ABOUT_KINDS) {
    if (!questions.some((q) => q.about === about.kind)) continue;
    const counts = new Map<string, number>();
    let notAnswered = 0;
    for (const r of responses) {
      const value = r[about.column];
      if (value === null) notAnswered += 1;
      else counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const options: { value: string; label: Label }[] =
      about.kind === "district"
        ? districts.map((d) => ({ value: d.slug, label: { text: d.name } }))
        : about.values.map((v) => ({
            value: v,
            label: { key: `${about.labelKey}.${v}` },
          }));
    summary.breakdowns.push(
      table(
        {
          key: about.kind,
          caption: { key: `revisit-summary:breakdowns.${about.kind}` },
          areaOfConcern: null,
          multiple: false,
        },
        // A value no longer in the list (a district renamed since) still counts, under its stored name.
        distributionRows(options, counts.keys(), { key: "revisit-summary:notAnswered" }),
        counts,
        { submitted: responses.length, notAnswered, threshold }
      )
    );
  }

  for (const q of questions) {
    if (q.about) continue;
    const values = byQuestion.get(q.key) ?? [];
    if (textTypes.includes(q.type)) {
      const texts = values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
      const heldBack = texts.length > 0 && texts.length < threshold;
      const redacted = heldBack ? [] : texts.map((v) => redact(v.trim()));
      summary.freeText.push({
        key: q.key,
        question: questionLabel(q, language),
        areaOfConcern: q.areaOfConcern ?? null,
        count: suppressCount(texts.length, threshold),
        answers: heldBack ? null : redacted.map((r) => r.text),
        removed: redacted.reduce((sum, r) => sum + r.removed, 0),
      });
      continue;
    }
    if (!questionOptions(q, language)) continue;
    // Counted as on the results pages: choices, numbers in the question's ranges, dates by year.
    const toRange = rangeOf(q);
    const counts = new Map<string, number>();
    let gaveView = 0;
    for (const v of values) {
      const chosen = (Array.isArray(v) ? v : [v]).map((c) => toRange(String(c)));
      for (const c of chosen) counts.set(c, (counts.get(c) ?? 0) + 1);
      if (chosen.some((c) => c !== DONT_KNOW)) gaveView += 1;
    }
    const multiple = q.type === "multiple_choice";
    summary.questions.push(
      table(
        {
          key: q.key,
          caption: questionLabel(q, language),
          areaOfConcern: q.areaOfConcern ?? null,
          multiple,
        },
        answerRows(q, language, counts.keys(), { key: "revisit-summary:notAnswered" }),
        counts,
        {
          submitted: responses.length,
          notAnswered: responses.length - values.length,
          threshold,
          gaveView: multiple ? gaveView : undefined,
        }
      )
    );
  }
  return summary;
}

// ---- As a spreadsheet ------------------------------------------------------------------------

export interface CsvWords {
  /** Turns a label into words. */
  label: (label: Label) => string;
  /** "fewer than 5", and "not shown" for a number hidden only to protect a small one */
  fewerThan: CellWords;
  sections: {
    responses: string;
    breakdown: string;
    question: string;
    freeText: string;
  };
  submitted: string;
  started: string;
  total: string;
  /** "Held back: fewer than 5 answers" */
  heldBack: string;
}

/**
 * One file, one line per number or per comment: section, question, answer, count,
 * percent. Suppressed cells read "fewer than 5"; every cell is guarded against
 * spreadsheet formulas (csvCell).
 */
export function summaryCsv(summary: RevisitSummary, words: CsvWords): string {
  const lines: (string | number)[][] = [["section", "question", "answer", "count", "percent"]];
  const count = (cell: Cell) => cellText(cell, words.fewerThan);
  lines.push([words.sections.responses, "", words.submitted, count(summary.counts.submitted), ""]);
  lines.push([words.sections.responses, "", words.started, count(summary.counts.started), ""]);
  const tables = (section: string, list: SummaryTable[]) => {
    for (const t of list) {
      const caption = words.label(t.caption);
      for (const row of t.rows) lines.push([section, caption, words.label(row.label), count(row.cell), percentText(row.cell)]);
      lines.push([section, caption, words.total, count(t.total), ""]);
    }
  };
  tables(words.sections.breakdown, summary.breakdowns);
  tables(words.sections.question, summary.questions);
  for (const group of summary.freeText) {
    const question = words.label(group.question);
    if (group.answers === null) lines.push([words.sections.freeText, question, words.heldBack, count(group.count), ""]);
    else for (const answer of group.answers) lines.push([words.sections.freeText, question, answer, "", ""]);
  }
  return `${lines.map((line) => line.map((v) => csvCell(v)).join(",")).join("\r\n")}\r\n`;
}
