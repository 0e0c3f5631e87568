import { describe, expect, it } from "vitest";
import { en, type Question } from "../surveys/definition";
import { distribution, distributionRows, type Distribution } from "./distribution";
import {
  blockIndex,
  buildSnapshot,
  checkBlock,
  checkWords,
  formatFromSearch,
  hasSomethingToShow,
  moveBlock,
  parseBlocks,
  publishProblems,
  putBlock,
  readSnapshot,
  removeBlock,
  type ChartSource,
  type FindingsBlock,
  type FindingsDraft,
} from "./findings";

const words = { titlePlain: "What you told us", titleEasyRead: "What you said", summaryPlain: "Thank you.", summaryEasyRead: "Thank you." };
const chart: FindingsBlock = { kind: "chart", questionKey: "listened", plain: "Most felt listened to.", easyRead: "Most people felt heard." };
const text: FindingsBlock = { kind: "text", heading: "Next", plain: "We will act.", easyRead: "We will do things." };
const quote: FindingsBlock = { kind: "quote", quoteId: "q-1" };

const options = [
  { value: "a", label: { text: "Yes" } },
  { value: "b", label: { text: "No" } },
];
/** A question's suppressed answers from raw counts (threshold 5), as the results engine gives them. */
function answers(counts: Record<string, number>, respondents: number): Distribution {
  const rows = distributionRows(options, Object.keys(counts), { key: "analysis:results.notAnswered" });
  const answered = Object.values(counts).reduce((a, b) => a + b, 0);
  return distribution(rows, { counts: new Map(Object.entries(counts)), answered, respondents, threshold: 5 });
}

describe("checking what an officer typed", () => {
  it("needs the title and summary in plain words and in easy read", () => {
    expect(checkWords({ titlePlain: "  ", titleEasyRead: "Hi", summaryPlain: "", summaryEasyRead: "x" })).toEqual({
      ok: false,
      errors: { titlePlain: "builder.errors.titlePlain", summaryPlain: "builder.errors.summaryPlain" },
    });
    expect(checkWords({ ...words, titlePlain: "  What you told us \r\n" })).toEqual({ ok: true, words });
  });

  it("refuses names after a title, email addresses and phone numbers, field by field", () => {
    const checked = checkWords({ ...words, summaryPlain: "Ask Mrs Hargreaves.", summaryEasyRead: "Call 07700 900123", titleEasyRead: "Email me at a.parent@example.org" });
    expect(checked).toEqual({
      ok: false,
      errors: { titleEasyRead: "builder.errors.identifying", summaryPlain: "builder.errors.identifying", summaryEasyRead: "builder.errors.identifying" },
    });
  });

  it("says when words are too long", () => {
    expect(checkWords({ ...words, titlePlain: "x".repeat(151) })).toMatchObject({ ok: false, errors: { titlePlain: "builder.errors.titleTooLong" } });
    expect(checkBlock("text", { plain: "y".repeat(3001), easyRead: "ok" }, { questionKeys: [], quoteIds: [] })).toMatchObject({ ok: false, errors: { plain: "builder.errors.textTooLong" } });
  });

  it("charts only a counted question, with words in both formats", () => {
    const keys = { questionKeys: ["listened"], quoteIds: [] };
    expect(checkBlock("chart", { questionKey: "nope", plain: "", easyRead: "x" }, keys)).toEqual({
      ok: false,
      errors: { questionKey: "builder.errors.questionKey", plain: "builder.errors.chartPlain" },
    });
    expect(checkBlock("chart", { questionKey: "listened", plain: " Most felt listened to. ", easyRead: "Most people felt heard." }, keys)).toEqual({ ok: true, block: chart });
  });

  it("takes text with an optional heading, and a quote only from the wave's list", () => {
    expect(checkBlock("text", { heading: "", plain: "a", easyRead: "b" }, { questionKeys: [], quoteIds: [] })).toEqual({ ok: true, block: { kind: "text", heading: "", plain: "a", easyRead: "b" } });
    expect(checkBlock("text", { heading: "Dr Smith said", plain: "a", easyRead: "b" }, { questionKeys: [], quoteIds: [] })).toMatchObject({ errors: { heading: "builder.errors.identifying" } });
    expect(checkBlock("quote", { quoteId: "q-9" }, { questionKeys: [], quoteIds: ["q-1"] })).toEqual({ ok: false, errors: { quoteId: "builder.errors.quoteId" } });
    expect(checkBlock("quote", { quoteId: "q-1" }, { questionKeys: [], quoteIds: ["q-1"] })).toEqual({ ok: true, block: quote });
  });
});

describe("arranging blocks", () => {
  it("adds at the end, changes in place, moves and removes", () => {
    const blocks = putBlock(putBlock([], null, chart), null, text);
    expect(blocks).toEqual([chart, text]);
    expect(moveBlock(blocks, 1, "up")).toEqual([text, chart]);
    expect(moveBlock(blocks, 0, "up")).toEqual([chart, text]);
    expect(moveBlock(blocks, 1, "down")).toEqual([chart, text]);
    expect(removeBlock(blocks, 0)).toEqual([text]);
    expect(putBlock(blocks, 1, quote)).toEqual([chart, quote]);
  });

  it("reads a block's place from 1, and nothing else", () => {
    expect(blockIndex("2", [chart, text])).toBe(1);
    for (const value of ["0", "3", "-1", "1.5", "one", "", null, "01"]) expect(blockIndex(value, [chart, text])).toBeNull();
  });

  it("leaves out stored blocks it cannot read", () => {
    expect(parseBlocks([chart, { kind: "video", url: "x" }, { kind: "chart" }, text])).toEqual([chart, text]);
    expect(parseBlocks("nonsense")).toEqual([]);
  });
});

describe("what stops publication", () => {
  const shown = answers({ a: 30, b: 12 }, 42);
  const context = { questions: new Map([["listened", shown]]), withheld: false, quoteIds: new Set(["q-1"]) };

  it("lets a complete draft through", () => {
    expect(publishProblems({ ...words, blocks: [chart, text, quote] }, context)).toEqual([]);
  });

  it("needs words and at least one block", () => {
    expect(publishProblems({ ...words, titleEasyRead: "", blocks: [] }, context)).toEqual([
      { field: "words", key: "publish.errors.wordsMissing" },
      { field: "blocks", key: "publish.errors.noBlocks" },
    ]);
  });

  it("refuses words that identify someone, even in a draft saved before the rule", () => {
    const draft: FindingsDraft = { ...words, summaryPlain: "Thanks to Mr Jones", blocks: [{ ...text, plain: "Ring 01632 960001" }] };
    expect(publishProblems(draft, context)).toEqual([
      { field: "words", key: "publish.errors.wordsIdentifying" },
      { field: "block-1", number: 1, key: "publish.errors.blockIdentifying" },
    ]);
  });

  it("refuses a chart of a question with too few answers to show anything", () => {
    const few = answers({ a: 3, b: 1 }, 4);
    expect(hasSomethingToShow(few)).toBe(false);
    expect(hasSomethingToShow(shown)).toBe(true);
    expect(publishProblems({ ...words, blocks: [chart] }, { ...context, questions: new Map([["listened", few]]) })).toEqual([
      { field: "block-1", number: 1, key: "publish.errors.tooFew" },
    ]);
    // The whole wave too small (or withheld): no chart can be shown.
    expect(publishProblems({ ...words, blocks: [chart] }, { ...context, withheld: true })).toEqual([{ field: "block-1", number: 1, key: "publish.errors.tooFew" }]);
  });

  it("refuses a question no longer counted and a quote no longer listed (removed, or flagged for safeguarding)", () => {
    expect(publishProblems({ ...words, blocks: [text, { ...chart, questionKey: "gone" }, { kind: "quote", quoteId: "q-2" }] }, context)).toEqual([
      { field: "block-2", number: 2, key: "publish.errors.questionGone" },
      { field: "block-3", number: 3, key: "publish.errors.quoteGone" },
    ]);
  });
});

describe("the snapshot families read", () => {
  const question: Question = {
    key: "listened",
    type: "single_choice",
    required: false,
    text: [...en("Did people listen?"), { language: "pl", format: "standard", text: "Czy ktoś słuchał?", reviewed: false }],
    hint: [],
    options: [
      { value: "a", label: [...en("Yes"), { language: "pl", format: "standard", text: "Tak", reviewed: false }] },
      { value: "b", label: en("No") },
    ],
    allowDontKnow: true,
  };
  const result = (d: Distribution): ChartSource => ({ ...d, key: "listened", number: 3, multiple: false });
  const source = (d: Distribution) => ({
    survey: { title: en("Parents 2025"), audience: "parent_carer" as const, wave: "2025", closesAt: "2025-03-01T12:00:00.000Z" },
    threshold: 5,
    responses: { shown: true as const, count: 42, percent: null },
    results: new Map([["listened", result(d)]]),
    questions: new Map([["listened", question]]),
    quotes: new Map([["q-1", { id: "q-1", questionKey: "listened", text: "They finally rang back. [name removed] was kind.", language: "en-GB" }]]),
  });

  it("keeps suppressed cells without their counts, the question in every language, and the words as written", () => {
    // 3 said no: hidden, and the 38 with it, or it could be had from the total.
    const d = answers({ a: 38, b: 3 }, 41);
    const snapshot = buildSnapshot({ ...words, blocks: [chart, text, quote] }, source(d));
    const [c, t, q] = snapshot.blocks;
    expect(c).toMatchObject({ kind: "chart", questionKey: "listened", number: 3, plain: chart.plain, easyRead: chart.easyRead });
    if (c?.kind !== "chart") throw new Error("not a chart");
    expect(c.question).toEqual(question.text);
    expect(c.rows.map((r) => [r.value, r.cell])).toEqual([
      ["a", { shown: false, reason: "secondary" }],
      ["b", { shown: false, reason: "small" }],
      ["", { shown: true, count: 0, percent: null }],
    ]);
    expect(c.rows[0]!.label).toEqual({ variants: question.options[0]!.label });
    expect(c.rows[2]!.label).toEqual({ key: "analysis:results.notAnswered" });
    // Nothing in the stored JSON holds a hidden count.
    expect(JSON.stringify(c.rows)).not.toMatch(/"count":[1-4][,}]/);
    expect(t).toEqual(text);
    expect(q).toEqual({ kind: "quote", quoteId: "q-1", text: "They finally rang back. [name removed] was kind.", language: "en-GB", question: question.text });
    expect(snapshot.title).toEqual({ plain: words.titlePlain, easyRead: words.titleEasyRead });
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it("leaves out what cannot be shown (the preview of an unfinished draft)", () => {
    const snapshot = buildSnapshot({ ...words, blocks: [{ ...chart, questionKey: "gone" }, { kind: "quote", quoteId: "q-9" }, text] }, source(answers({ a: 30, b: 12 }, 42)));
    expect(snapshot.blocks).toEqual([text]);
  });

  it("reads nothing it does not recognise as a snapshot", () => {
    expect(readSnapshot(null)).toBeUndefined();
    expect(readSnapshot({ version: 2 })).toBeUndefined();
  });

  it("takes easy read from the address, standard otherwise", () => {
    expect(formatFromSearch(new URLSearchParams("format=easy-read"))).toBe("easy_read");
    for (const q of ["", "format=easy_read", "format=big", "format="]) expect(formatFromSearch(new URLSearchParams(q))).toBe("standard");
  });
});
