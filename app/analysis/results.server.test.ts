import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { seedReferenceData } from "../../db/seed/index";
import { describeDb } from "../../tests/setup/database";
import { addResponses, makeWave, question } from "../../tests/setup/waves";
import type { Label } from "./distribution";
import { NO_FILTER, type AnalysisFilter, type FilterChoices, type FilterDimension } from "./filters";
import { getFilterChoices } from "./filters.server";
import { getWave, getWaveResults, type QuestionResult, type Wave } from "./results.server";
import { cellText, type Cell } from "./suppression";

const NOW = new Date("2026-12-06T12:00:00Z");
const text = (cell: Cell) => cellText(cell, "fewer than 5");
const labelText = (label: Label) => ("text" in label ? label.text : label.key.split(".").pop());
/** "label: count (percent)" for each row, as an officer reads the table. */
const table = (q: QuestionResult) => q.rows.map((r) => `${labelText(r.label)}: ${text(r.cell)}${r.cell.shown && r.cell.percent !== null ? ` (${r.cell.percent}%)` : ""}`);

describeDb("a wave's results", ({ db }) => {
  let wave: Wave;
  let choices: FilterChoices;
  const resultsFor = (filter: Partial<AnalysisFilter> = {}, by: FilterDimension | null = null) =>
    getWaveResults(db(), { wave, filter: { ...NO_FILTER, ...filter }, choices, by, language: "en-GB" });
  const q = async (key: string, filter: Partial<AnalysisFilter> = {}, by: FilterDimension | null = null) =>
    (await resultsFor(filter, by)).questions.find((x) => x.key === key)!;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    const made = await makeWave(db(), {
      questions: [
        question("district", "single_choice", { about: "district", options: [] }),
        question("q1", "agreement"),
        question("q2", "multiple_choice"),
        question("q3", "long_text"),
        question("q4", "yes_no_not_sure"),
      ],
    });
    const [flagged] = await addResponses(db(), made, [
      { district: "burnley", support_level: "ehc_plan", answers: { q1: "agree", q2: ["b"], q3: "someone hits me at home" } },
      { copies: 20, district: "burnley", support_level: "ehc_plan", age_band: "5_10", answers: { q1: "agree", q2: ["a", "b"], q3: "The waiting list is long" } },
      { copies: 6, district: "pendle", support_level: "sen_support", format: "easy_read", answers: { q1: "disagree", q2: ["a"], q4: "yes" } },
      { copies: 6, district: "pendle", support_level: "sen_support", answers: { q1: "disagree", q2: ["a"], q4: "yes" } },
      { copies: 3, district: "preston", support_level: "sen_support", answers: { q1: "dont_know", q2: ["c"] } },
      { copies: 7, district: "chorley", submittedAt: new Date("2026-03-10T09:00:00Z"), answers: { q1: "strongly_agree" } },
      { copies: 2, status: "draft", answers: { q1: "agree" } },
    ]);
    await db().insertInto("safeguarding_flag").values({ source: "survey_answer", response_id: flagged!, question_key: "q3", raised_by: "auto", matched: JSON.stringify(["hits me"]) }).execute();
    wave = (await getWave(db(), { id: made.id, now: NOW, language: "en-GB" }))!;
    choices = await getFilterChoices(db());
  });

  it("counts those who sent it and those who started without sending, small numbers hidden", async () => {
    const results = await resultsFor();
    expect(text(results.counts.submitted)).toBe("43");
    expect(text(results.counts.matched)).toBe("43");
    expect(text(results.counts.started)).toBe("fewer than 5");
    expect(results.withheld).toBeNull();
  });

  it("shows each option with its count and the share of those who gave a view, don't know apart, small cells and their neighbour hidden", async () => {
    expect(table(await q("q1"))).toEqual([
      // 3 said "don't know": hidden, and the next smallest (7) with it, so neither can be had from the total.
      "strongly_agree: fewer than 5",
      "agree: 21 (53%)",
      "neither: 0 (0%)",
      "disagree: 12 (30%)",
      "strongly_disagree: 0 (0%)",
      "dont_know: fewer than 5",
      "notAnswered: 0",
    ]);
    expect(text((await q("q1")).total)).toBe("43");
  });

  it("counts multiple choice per option, as a share of those who answered", async () => {
    const q2 = await q("q2");
    expect(q2.multiple).toBe(true);
    expect(table(q2)).toEqual(["Option A: 32 (89%)", "Option B: 21 (58%)", "Option C: fewer than 5", "notAnswered: fewer than 5"]);
  });

  it("counts answers in people's own words without those flagged for safeguarding", async () => {
    const results = await resultsFor();
    expect(results.textQuestions.map((t) => [t.key, text(t.answered)])).toEqual([["q3", "20"]]);
    expect(results.questions.map((x) => x.key)).toEqual(["q1", "q2", "q4"]);
  });

  it("narrows to a district, to a health area's districts, and to a format, counting easy read with standard otherwise", async () => {
    expect(table(await q("q1", { district: ["pendle"] }))).toContain("disagree: 12 (100%)");
    expect(text((await resultsFor({ health_area: ["east-lancashire"] })).counts.matched)).toBe("33");
    expect(table(await q("q4"))[0]).toBe("yes: 12 (100%)");
    expect(table(await q("q4", { format: ["easy_read"] }))[0]).toBe("yes: 6 (100%)");
  });

  it("narrows by the day answers were sent, in UK time", async () => {
    const results = await resultsFor({ from: "2026-03-01" });
    expect(text(results.counts.matched)).toBe("7");
    expect(table(results.questions.find((x) => x.key === "q1")!)[0]).toBe("strongly_agree: 7 (100%)");
    expect(text((await resultsFor({ to: "2026-02-28" })).counts.matched)).toBe("36");
  });

  it("shows no answers when the filters leave fewer than 5, and never the number", async () => {
    const results = await resultsFor({ district: ["preston"] });
    expect(results.withheld).toBe("tooFew");
    expect(text(results.counts.matched)).toBe("fewer than 5");
    expect(results.questions).toEqual([]);
    expect(results.who).toEqual([]);
  });

  it("shows no answers when the filters leave out fewer than 5, since the whole wave's figures would give theirs away", async () => {
    const results = await resultsFor({ district: ["burnley", "pendle", "chorley"] });
    expect(results.withheld).toBe("tooFewLeftOut");
    expect(results.counts.matched.shown).toBe(false);
    expect(results.questions).toEqual([]);
  });

  it("says nobody matched when a filter matches no one", async () => {
    const results = await resultsFor({ district: ["wyre"] });
    expect(results.withheld).toBe("tooFew");
    expect(text(results.counts.matched)).toBe("0");
  });

  it("breaks a question down by district, hiding small columns and one more so none can be had from the total", async () => {
    const q1 = await q("q1", {}, "district");
    const columns = q1.breakdown!.columns.map((c) => `${labelText(c.label)}: ${text(c.total)}`);
    expect(columns).toContain("Burnley: 21");
    expect(columns).toContain("Pendle: 12");
    expect(columns).toContain("Preston: fewer than 5");
    // Preston (3) is small; Chorley (7), the next smallest, goes with it.
    expect(columns).toContain("Chorley: fewer than 5");
    const cell = (option: string, district: string) => {
      const r = q1.rows.findIndex((row) => row.value === option);
      const c = q1.breakdown!.columns.findIndex((col) => col.value === district);
      return q1.breakdown!.cells[r]![c]!;
    };
    expect(cell("agree", "burnley")).toEqual({ shown: true, count: 21, percent: 100 });
    expect(cell("disagree", "pendle")).toMatchObject({ shown: true, count: 12 });
    expect(cell("strongly_agree", "chorley").shown).toBe(false);
    expect(cell("dont_know", "preston").shown).toBe(false);
  });

  it("tells who answered, by each dimension, suppressed", async () => {
    const results = await resultsFor();
    const support = results.who.find((w) => w.dimension === "support_level")!;
    expect(support.rows.map((r) => `${labelText(r.label)}: ${text(r.cell)}`)).toEqual([
      "sen_support: 15",
      "ehc_plan: 21",
      "neither: 0",
      "not_sure: 0",
      "notGiven: 7",
    ]);
    const format = results.who.find((w) => w.dimension === "format")!;
    expect(format.rows.map((r) => text(r.cell))).toEqual(["37", "6", "0"]);
  });

  it("counts afresh when an answer is sent, erased or flagged, though the same view was counted before", async () => {
    const made = await makeWave(db(), { questions: [question("q1", "yes_no_not_sure"), question("q2", "short_text")] });
    const fresh = (await getWave(db(), { id: made.id, now: NOW, language: "en-GB" }))!;
    const view = () => getWaveResults(db(), { wave: fresh, filter: NO_FILTER, choices, by: null, language: "en-GB" });
    const [first] = await addResponses(db(), made, [{ copies: 6, answers: { q1: "yes", q2: "Fine" } }]);
    expect(table((await view()).questions[0]!)[0]).toBe("yes: 6 (100%)");
    expect(text((await view()).textQuestions[0]!.answered)).toBe("6");

    await addResponses(db(), made, [{ copies: 5, answers: { q1: "no" } }]);
    expect(table((await view()).questions[0]!).slice(0, 2)).toEqual(["yes: 6 (55%)", "no: 5 (45%)"]);

    await db().insertInto("safeguarding_flag").values({ source: "survey_answer", response_id: first!, question_key: "q2", raised_by: "person", matched: JSON.stringify([]) }).execute();
    expect(text((await view()).textQuestions[0]!.answered)).toBe("5");

    await db().deleteFrom("survey_response").where("id", "=", first!).execute();
    expect(table((await view()).questions[0]!).slice(0, 2)).toEqual(["yes: 5 (50%)", "no: 5 (50%)"]);
  });

  it("counts number answers in the question's ranges with the middle answer, and dates by year, broken down and suppressed like any other", async () => {
    const made = await makeWave(db(), {
      questions: [question("district", "single_choice", { about: "district", options: [] }), question("wait", "number", { min: 0, max: 120 }), question("start", "date")],
    });
    await addResponses(db(), made, [
      { copies: 6, district: "burnley", answers: { wait: "3", start: "2023-09-14" } },
      { copies: 5, district: "burnley", answers: { wait: "30", start: "2024-01-02" } },
      { copies: 6, district: "pendle", answers: { wait: "30", start: "2024-11-30" } },
      { copies: 2, district: "pendle", answers: { wait: "110" } },
    ]);
    const fresh = (await getWave(db(), { id: made.id, now: NOW, language: "en-GB" }))!;
    const view = (filter: Partial<AnalysisFilter> = {}, by: FilterDimension | null = null) =>
      getWaveResults(db(), { wave: fresh, filter: { ...NO_FILTER, ...filter }, choices, by, language: "en-GB" });
    const ranged = (r: QuestionResult["rows"][number]) =>
      `${"key" in r.label && r.label.values ? Object.values(r.label.values).join("-") : labelText(r.label)}: ${cellText(r.cell, { fewer: "fewer than 5", notShown: "not shown" })}`;

    const results = await view();
    const wait = results.questions.find((x) => x.key === "wait")!;
    // The two long waits are hidden, and the next smallest with them so they cannot be had from the total.
    expect(wait.rows.map(ranged)).toEqual(["0-24: not shown", "25-49: 11", "50-74: 0", "75-99: 0", "100-120: fewer than 5", "notAnswered: 0"]);
    expect(wait.median).toEqual({ shown: true, value: 30 });
    const start = results.questions.find((x) => x.key === "start")!;
    expect(start.rows.map(ranged)).toEqual(["2023: not shown", "2024: 11", "notAnswered: fewer than 5"]);
    expect(start.median).toBeNull();

    // By district: Pendle's two long waits are hidden, and a neighbour with them.
    const byDistrict = (await view({}, "district")).questions.find((x) => x.key === "wait")!;
    const pendle = byDistrict.breakdown!.columns.findIndex((c) => c.value === "pendle");
    expect(text(byDistrict.breakdown!.cells[4]![pendle]!)).toBe("fewer than 5");

    // Burnley alone: 11 answered, so the middle answer shows; the whole wave less Burnley leaves 8, so that shows too.
    expect((await view({ district: ["burnley"] })).questions.find((x) => x.key === "wait")!.median).toEqual({ shown: true, value: 3 });
  });

  it("hides the middle answer when fewer than the threshold gave a number", async () => {
    const made = await makeWave(db(), { questions: [question("wait", "number", { min: 0, max: 120 }), question("q1", "yes_no_not_sure")] });
    await addResponses(db(), made, [
      { copies: 3, answers: { wait: "12", q1: "yes" } },
      { copies: 6, answers: { q1: "no" } },
    ]);
    const fresh = (await getWave(db(), { id: made.id, now: NOW, language: "en-GB" }))!;
    const wait = (await getWaveResults(db(), { wave: fresh, filter: NO_FILTER, choices, by: null, language: "en-GB" })).questions.find((x) => x.key === "wait")!;
    expect(wait.median).toEqual({ shown: false });
  });
});
