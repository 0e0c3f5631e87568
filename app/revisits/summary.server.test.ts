import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { seedDemoArea } from "../../db/seed/area";
import { seedReferenceData } from "../../db/seed/index";
import { DEMO_REVISITS, seedDemoRevisits } from "../../db/seed/revisits";
import { cellText, percentText, type Cell } from "../analysis/suppression";
import { question } from "../../tests/setup/waves";
import { getRevisit } from "./revisits.server";
import { getRevisitSummary, summaryCsv, type CsvWords, type Label, type RevisitSummary, type SummaryTable } from "./summary.server";

const NOW = new Date("2026-11-23T10:00:00Z");
const text = (cell: Cell) => cellText(cell, "fewer than 5");
const labelText = (label: Label) => ("text" in label ? label.text : label.key);
const row = (table: SummaryTable, label: string) => table.rows.find((r) => labelText(r.label) === label)!;

const words: CsvWords = {
  label: labelText,
  fewerThan: "fewer than 5",
  sections: {
    responses: "Responses",
    breakdown: "Who answered",
    question: "Question",
    freeText: "What parents wrote",
  },
  submitted: "Sent",
  started: "Started but not sent",
  total: "Total",
  heldBack: "Held back: fewer than 5 answers",
};

describeDb("the summary for inspectors", ({ db }) => {
  let closed: RevisitSummary;

  const revisitId = async (title: string) =>
    (await db().selectFrom("revisit").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
  const summaryOf = async (title: string, now = NOW) => {
    const revisit = (await getRevisit(db(), await revisitId(title), now))!;
    return getRevisitSummary(db(), { revisit, language: "en-GB" });
  };

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    await seedDemoRevisits(db(), NOW);
    closed = await summaryOf(DEMO_REVISITS.closed.title);
  });

  it("gives only counts so far before the survey closes", async () => {
    const upcoming = await summaryOf(DEMO_REVISITS.upcoming.title);
    expect(upcoming.closed).toBe(false);
    expect(upcoming.counts.submitted).toEqual({
      shown: true,
      count: 0,
      percent: null,
    });
    expect(upcoming.breakdowns).toEqual([]);
    expect(upcoming.questions).toEqual([]);
    expect(upcoming.freeText).toEqual([]);
    // The closed one, seen while it was still open, shows no answers either.
    const whileOpen = await summaryOf(DEMO_REVISITS.closed.title, new Date("2026-11-16T10:00:00Z"));
    expect(whileOpen.closed).toBe(false);
    expect(text(whileOpen.counts.submitted)).toBe("140");
    expect(whileOpen.questions).toEqual([]);
  });

  it("counts the answers sent and those started but never sent", () => {
    expect(closed.closed).toBe(true);
    expect(closed.threshold).toBe(5);
    expect(text(closed.counts.submitted)).toBe("140");
    expect(text(closed.counts.started)).toBe("15");
  });

  it("breaks down by district, hiding the small one and the next smallest so neither can be worked out", () => {
    const district = closed.breakdowns.find((b) => b.key === "district")!;
    expect(closed.breakdowns.map((b) => b.key)).toEqual(["district", "support_level", "age_band", "completed_by"]);
    expect(district.rows.map((r) => labelText(r.label))).toEqual([
      "Burnley",
      "Chorley",
      "Fylde",
      "Hyndburn",
      "Lancaster",
      "Pendle",
      "Preston",
      "Ribble Valley",
      "Rossendale",
      "South Ribble",
      "West Lancashire",
      "Wyre",
      "revisit-summary:notAnswered",
    ]);
    expect(text(district.total)).toBe("140");
    expect(row(district, "Ribble Valley").cell).toEqual({
      shown: false,
      reason: "small",
    });
    expect(row(district, "Rossendale").cell).toEqual({
      shown: false,
      reason: "secondary",
    });
    expect(percentText(row(district, "Rossendale").cell)).toBe("");
    expect(text(row(district, "Preston").cell)).toBe("18");
    // Percentages are of those who said where they live (132).
    expect(percentText(row(district, "Preston").cell)).toBe("14%");
    expect(text(row(district, "revisit-summary:notAnswered").cell)).toBe("8");
  });

  it("counts a number question in the question's ranges and a date question by year, as the results pages do", async () => {
    // The demo's re-visit survey has neither, so two are added to a copy of its definition.
    const revisit = (await getRevisit(db(), await revisitId(DEMO_REVISITS.closed.title), NOW))!;
    const definition = structuredClone(revisit.survey.definition);
    definition.pages[0]!.questions.push(question("months_waited", "number", { min: 0, max: 120 }), question("plan_started", "date"));
    const sent = await db().selectFrom("survey_response").select("id").where("survey_id", "=", revisit.survey.id).where("status", "=", "submitted").orderBy("id").limit(12).execute();
    await db()
      .insertInto("survey_answer")
      .values(
        sent.map((r, i) => ({
          response_id: r.id,
          question_key: i < 6 ? "months_waited" : "plan_started",
          value: JSON.stringify(i < 6 ? String(10 + i) : `202${i % 2}-05-0${1 + (i % 3)}`),
          updated_at: NOW,
        })),
      )
      .execute();
    const summary = await getRevisitSummary(db(), { revisit: { survey: { ...revisit.survey, definition } }, language: "en-GB" });

    const waited = summary.questions.find((q) => q.key === "months_waited")!;
    expect(waited.rows.map((r) => ("key" in r.label ? [r.label.key, r.label.values] : r.label.text))).toEqual([
      ["analysis:ranges.between", { from: 0, to: 24 }],
      ["analysis:ranges.between", { from: 25, to: 49 }],
      ["analysis:ranges.between", { from: 50, to: 74 }],
      ["analysis:ranges.between", { from: 75, to: 99 }],
      ["analysis:ranges.between", { from: 100, to: 120 }],
      ["revisit-summary:notAnswered", undefined],
    ]);
    expect(text(waited.rows[0]!.cell)).toBe("6");
    const started = summary.questions.find((q) => q.key === "plan_started")!;
    expect(started.rows.map((r) => [labelText(r.label), text(r.cell)])).toEqual([
      ["2020", "fewer than 5"],
      ["2021", "fewer than 5"],
      ["revisit-summary:notAnswered", "134"],
    ]);
  });

  it("shows each question's answers in the definition's order, with don't know and not answered apart", () => {
    const change4 = closed.questions.find((q) => q.key === "change_4")!;
    expect(change4.areaOfConcern).toBe(4);
    expect(change4.rows.map((r) => [r.value, r.kind])).toEqual([
      ["better", "option"],
      ["same", "option"],
      ["worse", "option"],
      ["dont_know", "dont_know"],
      ["", "not_answered"],
    ]);
    for (const r of change4.rows.slice(0, 3)) expect(r.cell.shown, r.value).toBe(true);
    // Percentages are of those who gave a view: about 100 between them; none for "don't know".
    const percents = change4.rows.slice(0, 3).map((r) => (r.cell.shown ? r.cell.percent ?? 0 : 0));
    expect(Math.abs(percents.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(1);
    expect(percentText(change4.rows[3]!.cell)).toBe("");
    const listened = closed.questions.find((q) => q.key === "listened")!;
    expect(listened.rows.map((r) => labelText(r.label))).toEqual([
      "surveys:scales.agreement.strongly_agree",
      "surveys:scales.agreement.agree",
      "surveys:scales.agreement.neither",
      "surveys:scales.agreement.disagree",
      "surveys:scales.agreement.strongly_disagree",
      "surveys:scales.agreement.dont_know",
      "revisit-summary:notAnswered",
    ]);
    // Only answers that were sent: each question's rows add up to the 140.
    const sum = change4.rows.reduce((n, r) => n + (r.cell.shown ? r.cell.count : 0), 0);
    expect(sum).toBeLessThanOrEqual(140);
    expect(text(change4.total)).toBe("140");
    expect(closed.questions.some((q) => q.key === "district")).toBe(false);
  });

  it("gives what parents wrote with names, emails and phone numbers taken out", () => {
    const more4 = closed.freeText.find((g) => g.key === "more_4")!;
    expect(text(more4.count)).toBe("24");
    const all = more4.answers!.join("\n");
    expect(all).not.toMatch(/07700/);
    expect(all).not.toMatch(/@/);
    expect(all).not.toMatch(/Hargreaves|Oliver/);
    expect(all).toContain("[name removed]");
    expect(all).toContain("[phone number removed]");
    expect(more4.removed).toBeGreaterThan(0);
  });

  it("leaves out an answer flagged for the safeguarding lead", async () => {
    const revisit = (await getRevisit(db(), await revisitId(DEMO_REVISITS.closed.title), NOW))!;
    const answer = await db()
      .selectFrom("survey_answer")
      .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
      .select(["survey_answer.response_id", "survey_answer.value"])
      .where("survey_response.survey_id", "=", revisit.survey!.id)
      .where("survey_response.status", "=", "submitted")
      .where("survey_answer.question_key", "=", "more_4")
      .orderBy("survey_answer.response_id")
      .executeTakeFirstOrThrow();
    const flag = await db()
      .insertInto("safeguarding_flag")
      .values({ source: "survey_answer", response_id: answer.response_id, question_key: "more_4", matched: JSON.stringify(["hits me"]), raised_by: "auto", updated_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const flagged = await summaryOf(DEMO_REVISITS.closed.title);
      const more4 = flagged.freeText.find((g) => g.key === "more_4")!;
      expect(text(more4.count)).toBe("23");
      expect(more4.answers).toHaveLength(23);
    } finally {
      await db().deleteFrom("safeguarding_flag").where("id", "=", flag.id).execute();
    }
  });

  it("holds back the free text of a question fewer than 5 people answered", () => {
    const more12 = closed.freeText.find((g) => g.key === "more_12")!;
    expect(more12.count).toEqual({ shown: false, reason: "small" });
    expect(more12.answers).toBeNull();
  });

  it("follows the threshold setting", async () => {
    await db().insertInto("app_setting").values({ key: "suppression_threshold", value: "12" }).execute();
    try {
      const stricter = await summaryOf(DEMO_REVISITS.closed.title);
      expect(stricter.threshold).toBe(12);
      const district = stricter.breakdowns.find((b) => b.key === "district")!;
      expect(row(district, "Fylde").cell.shown).toBe(false);
      expect(stricter.freeText.find((g) => g.key === "more_6")!.answers).toBeNull();
    } finally {
      await db().deleteFrom("app_setting").where("key", "=", "suppression_threshold").execute();
    }
  });

  it("writes a CSV with suppressed cells in words and no phone numbers or emails", () => {
    const csv = summaryCsv(closed, words);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("section,question,answer,count,percent");
    expect(lines).toContain("Responses,,Sent,140,");
    expect(lines).toContain("Who answered,revisit-summary:breakdowns.district,Ribble Valley,fewer than 5,");
    expect(lines).toContain("Who answered,revisit-summary:breakdowns.district,Preston,18,14%");
    expect(csv).not.toMatch(/07700|01632|@example/);
    expect(csv).toContain("Held back: fewer than 5 answers");
  });
});

describe("the CSV", () => {
  it("turns a cell that a spreadsheet would run as a formula into text", () => {
    const summary: RevisitSummary = {
      threshold: 5,
      closed: true,
      counts: {
        submitted: { shown: true, count: 9, percent: null },
        started: { shown: true, count: 0, percent: null },
      },
      breakdowns: [],
      questions: [],
      freeText: [
        {
          key: "q",
          question: { text: "=1+1" },
          areaOfConcern: null,
          count: { shown: true, count: 9, percent: null },
          answers: ['=HYPERLINK("http://x.example","click")', "+44 is the code", "-minus", "@mention", "plain, with a comma"],
          removed: 0,
        },
      ],
    };
    const lines = summaryCsv(summary, words).trimEnd().split("\r\n");
    expect(lines).toContain(`What parents wrote,"'=1+1","'=HYPERLINK(""http://x.example"",""click"")",,`);
    expect(lines).toContain(`What parents wrote,"'=1+1","'+44 is the code",,`);
    expect(lines).toContain(`What parents wrote,"'=1+1","'-minus",,`);
    expect(lines).toContain(`What parents wrote,"'=1+1","'@mention",,`);
    expect(lines).toContain(`What parents wrote,"'=1+1","plain, with a comma",,`);
  });
});
