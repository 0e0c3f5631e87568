import { describe, expect, it } from "vitest";
import type { Label } from "./distribution";
import type { QuestionResult, WaveResults } from "./results.server";
import { summaryRows, summaryTables, type SummaryWords } from "./summary-export";

const words: SummaryWords = {
  label: (label: Label) => ("text" in label ? label.text : `${label.key}${label.values ? ` ${Object.values(label.values).join("-")}` : ""}`),
  fewerThan: { fewer: "fewer than 5", notShown: "not shown" },
  headers: { section: "Section", question: "Question", group: "Group", answer: "Answer", count: "Number", percent: "Share" },
  sections: { about: "About", responses: "Responses", who: "Who", question: "Answers" },
  all: "Everyone",
  total: "Total",
  median: "Middle answer (median)",
  submitted: "Sent",
  matched: "Matching",
  started: "Started",
  dimension: (d) => d,
  about: ["A survey"],
  withheld: null,
};

function waitQuestion(median: QuestionResult["median"]): QuestionResult {
  return {
    key: "wait",
    number: 1,
    text: { text: "How many months?" },
    type: "number",
    areaOfConcern: null,
    workingGroup: null,
    multiple: false,
    breakdown: null,
    median,
    rows: [
      { value: "0", label: { key: "ranges.between", values: { from: 0, to: 24 } }, kind: "option", cell: { shown: true, count: 23, percent: 79 } },
      { value: "", label: { text: "Not answered" }, kind: "not_answered", cell: { shown: true, count: 91, percent: null } },
    ],
    total: { shown: true, count: 114, percent: null },
  };
}

function results(question: QuestionResult): WaveResults {
  const count = (n: number) => ({ shown: true as const, count: n, percent: null });
  return { threshold: 5, counts: { submitted: count(114), started: count(6), matched: count(114) }, withheld: null, who: [], questions: [question], textQuestions: [] };
}

const answerRows = (r: WaveResults) => summaryRows(summaryTables(r, words), words).filter((row) => row[0] === "Answers");

describe("the summary download", () => {
  it("lists a number question's ranges, and its middle answer in the answer column, never as a count", () => {
    expect(answerRows(results(waitQuestion({ shown: true, value: 15 })))).toEqual([
      ["Answers", "1. How many months?", "Everyone", "ranges.between 0-24", "23", "79%"],
      ["Answers", "1. How many months?", "Everyone", "Not answered", "91", ""],
      ["Answers", "1. How many months?", "Everyone", "Total", "114", ""],
      ["Answers", "1. How many months?", "Everyone", "Middle answer (median): 15", "", ""],
    ]);
  });

  it("says the middle answer is not shown when too few gave one", () => {
    expect(answerRows(results(waitQuestion({ shown: false }))).at(-1)).toEqual(["Answers", "1. How many months?", "Everyone", "Middle answer (median): not shown", "", ""]);
  });

  it("has no middle-answer row for a question that is not a number", () => {
    expect(answerRows(results(waitQuestion(null))).map((row) => row[3])).not.toContain(expect.stringMatching(/median/));
  });
});
