import { beforeAll, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { addResponses, makeWave, question } from "../../tests/setup/waves";
import type { FindingsWords, PublishedChart } from "./findings";
import {
  arrangeBlock,
  findingsPublishedAt,
  getDraftState,
  getFindings,
  getPublishedFindings,
  listPublishedFindings,
  publishFindings,
  saveBlock,
  saveWords,
  unpublishFindings,
} from "./findings.server";
import { chooseQuote, listQuotes } from "./quotes.server";
import { getWave } from "./results.server";

/** The wave is open from 5 January to 6 March 2026 (tests/setup/waves.ts). */
const WHILE_OPEN = new Date("2026-02-01T12:00:00Z");
const CLOSED = new Date("2026-12-06T12:00:00Z");

const words: FindingsWords = {
  titlePlain: "What parents told us",
  titleEasyRead: "What parents said",
  summaryPlain: "Thank you for answering.",
  summaryEasyRead: "Thank you.",
};

describeDb("published findings", ({ db }) => {
  let by: { userId: string; requestId: string };
  let wave: { id: string; versionId: string };
  let slug: string;
  let quoted: string[];

  const audit = (action: string) => db().selectFrom("audit_log").select(["user_id", "subject_id", "details"]).where("action", "=", action).where("subject_id", "=", wave.id).execute();
  const row = () => db().selectFrom("survey_findings").selectAll().where("survey_id", "=", wave.id).executeTakeFirstOrThrow();
  const chartOf = async () => (await getPublishedFindings(db(), slug))!.findings.blocks.find((b): b is PublishedChart => b.kind === "chart")!;

  beforeAll(async () => {
    const user = await db().insertInto("app_user").values({ email: "findings@test.local", name: "Olivia Officer", role: "officer", password_hash: null }).returning("id").executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "req-findings" };
    wave = await makeWave(db(), {
      questions: [question("listened", "single_choice"), question("rare", "single_choice"), question("why", "long_text")],
    });
    slug = (await getWave(db(), { id: wave.id, now: CLOSED, language: "en-GB" }))!.slug;
    quoted = await addResponses(db(), wave, [
      { answers: { listened: "a", why: "My son is called Jack Smith. Nobody rang back for months." } },
      { answers: { listened: "a", why: "The new key worker made all the difference." } },
    ]);
    await addResponses(db(), wave, [
      { copies: 28, district: "burnley", answers: { listened: "a" } },
      { copies: 3, district: "pendle", answers: { listened: "b", rare: "a" } },
      { copies: 9, answers: { listened: "c" } },
    ]);
  });

  it("starts with an empty draft, which cannot be published", async () => {
    expect((await getFindings(db(), wave.id)).draft).toEqual({ titlePlain: "", titleEasyRead: "", summaryPlain: "", summaryEasyRead: "", blocks: [] });
    const refused = await publishFindings(db(), { surveyId: wave.id, by, now: CLOSED });
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      problems: [
        { field: "words", key: "publish.errors.wordsMissing" },
        { field: "blocks", key: "publish.errors.noBlocks" },
      ],
    });
  });

  it("refuses to publish while the wave is open, and saves nothing", async () => {
    await saveWords(db(), { surveyId: wave.id, words, by, now: WHILE_OPEN });
    expect(await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "chart", questionKey: "listened", plain: "Most said yes.", easyRead: "Most people said yes." }, by, now: WHILE_OPEN })).toEqual({
      ok: true,
      index: 0,
    });
    expect(await publishFindings(db(), { surveyId: wave.id, by, now: WHILE_OPEN })).toEqual({ ok: false, reason: "not-final", state: "open" });
    expect(await row()).toMatchObject({ published: null, published_at: null, published_by: null });
    expect(await audit("analysis.findings-published")).toEqual([]);
    expect(await getPublishedFindings(db(), slug)).toBeUndefined();
  });

  it("publishes the whole wave's figures, suppressed, with no hidden count anywhere in the snapshot", async () => {
    const published = await publishFindings(db(), { surveyId: wave.id, by, now: CLOSED });
    expect(published).toEqual({ ok: true, publishedAt: CLOSED });
    const page = (await getPublishedFindings(db(), slug))!;
    expect(page.publishedAt).toEqual(CLOSED);
    expect(page.findings.title).toEqual({ plain: words.titlePlain, easyRead: words.titleEasyRead });
    expect(page.findings.responses).toEqual({ shown: true, count: 42, percent: null });
    const chart = await chartOf();
    // 3 chose B: hidden as small, and the 9 who chose C with it, so B cannot be had from the total.
    expect(chart.rows.map((r) => [r.value, r.cell])).toEqual([
      ["a", { shown: true, count: 30, percent: 71 }],
      ["b", { shown: false, reason: "small" }],
      ["c", { shown: false, reason: "secondary" }],
      ["", { shown: true, count: 0, percent: null }],
    ]);
    expect(chart.total).toEqual({ shown: true, count: 42, percent: null });
    expect(JSON.stringify((await row()).published)).not.toMatch(/"count":3\b|"count":9\b/);
    expect(await audit("analysis.findings-published")).toEqual([{ user_id: by.userId, subject_id: wave.id, details: { blocks: ["chart:listened"] } }]);
    expect(await findingsPublishedAt(db(), wave.id)).toEqual(CLOSED);
    expect((await listPublishedFindings(db())).map((f) => [f.slug, f.title.plain])).toContainEqual([slug, words.titlePlain]);
  });

  it("keeps what families see frozen while the draft changes, until it is published again", async () => {
    await saveWords(db(), { surveyId: wave.id, words: { ...words, titlePlain: "A new title" }, by, now: new Date(CLOSED.getTime() + 60_000) });
    await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "text", heading: "Next", plain: "We will act.", easyRead: "We will do things." }, by, now: CLOSED });
    // A late answer (an import, a correction): the published figures do not move.
    await addResponses(db(), wave, [{ copies: 5, answers: { listened: "b" } }]);
    const page = (await getPublishedFindings(db(), slug))!;
    expect(page.findings.title.plain).toBe(words.titlePlain);
    expect(page.findings.blocks).toHaveLength(1);
    expect((await chartOf()).rows[1]!.cell).toEqual({ shown: false, reason: "small" });

    const later = new Date(CLOSED.getTime() + 3_600_000);
    expect(await publishFindings(db(), { surveyId: wave.id, by, now: later })).toEqual({ ok: true, publishedAt: later });
    const again = (await getPublishedFindings(db(), slug))!;
    expect(again.findings.title.plain).toBe("A new title");
    expect(again.findings.blocks.map((b) => b.kind)).toEqual(["chart", "text"]);
    expect((await chartOf()).rows[1]!.cell).toEqual({ shown: true, count: 8, percent: 17 });
  });

  it("refuses identifying words and a chart with too few answers, with each block's place, and saves nothing", async () => {
    const before = await row();
    // Saved straight to the draft (the forms refuse these words before they get here).
    await saveWords(db(), { surveyId: wave.id, words: { ...words, summaryPlain: "Thanks to Mrs Hargreaves for her help." }, by, now: CLOSED });
    await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "chart", questionKey: "rare", plain: "Few answered.", easyRead: "Few answered." }, by, now: CLOSED });
    await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "text", heading: "", plain: "Email us at send@example.org", easyRead: "Email us." }, by, now: CLOSED });
    const refused = await publishFindings(db(), { surveyId: wave.id, by, now: new Date(CLOSED.getTime() + 7_200_000) });
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      problems: [
        { field: "words", key: "publish.errors.wordsIdentifying" },
        { field: "block-3", number: 3, key: "publish.errors.tooFew" },
        { field: "block-4", number: 4, key: "publish.errors.blockIdentifying" },
      ],
    });
    const after = await row();
    expect(after.published).toEqual(before.published);
    expect(after.published_at).toEqual(before.published_at);
    const state = await getDraftState(db(), { wave: (await getWave(db(), { id: wave.id, now: CLOSED, language: "en-GB" }))! });
    expect(state.showable).toEqual(["listened"]);
    // Put right: the summary rewritten, the chart and the email address removed.
    await saveWords(db(), { surveyId: wave.id, words, by, now: CLOSED });
    expect(await arrangeBlock(db(), { surveyId: wave.id, index: 3, intent: "remove", by, now: CLOSED })).toEqual({ ok: true });
    expect(await arrangeBlock(db(), { surveyId: wave.id, index: 2, intent: "remove", by, now: CLOSED })).toEqual({ ok: true });
    expect((await getDraftState(db(), { wave: (await getWave(db(), { id: wave.id, now: CLOSED, language: "en-GB" }))! })).problems).toEqual([]);
  });

  it("moves blocks, and does not change a block that is no longer where the form said", async () => {
    expect(await arrangeBlock(db(), { surveyId: wave.id, index: 1, intent: "up", by, now: CLOSED })).toEqual({ ok: true });
    expect((await getFindings(db(), wave.id)).draft.blocks.map((b) => b.kind)).toEqual(["text", "chart"]);
    expect(await arrangeBlock(db(), { surveyId: wave.id, index: 7, intent: "remove", by, now: CLOSED })).toEqual({ ok: false });
    // Block 1 is text now: a chart form posted for it (from an older page) changes nothing.
    expect(await saveBlock(db(), { surveyId: wave.id, index: 0, block: { kind: "chart", questionKey: "listened", plain: "x", easyRead: "y" }, by, now: CLOSED })).toEqual({ ok: false, reason: "not-found" });
    expect((await getFindings(db(), wave.id)).draft.blocks.map((b) => b.kind)).toEqual(["text", "chart"]);
  });

  it("unpublishes: the page is gone from the site, the draft stays, and it is recorded", async () => {
    expect(await unpublishFindings(db(), { surveyId: wave.id, by })).toBe(true);
    expect(await getPublishedFindings(db(), slug)).toBeUndefined();
    expect((await listPublishedFindings(db())).map((f) => f.slug)).not.toContain(slug);
    expect(await findingsPublishedAt(db(), wave.id)).toBeNull();
    expect((await getFindings(db(), wave.id)).draft.titlePlain).toBe(words.titlePlain);
    expect(await audit("analysis.findings-unpublished")).toHaveLength(1);
    // Unpublishing what is not published changes nothing and records nothing.
    expect(await unpublishFindings(db(), { surveyId: wave.id, by })).toBe(false);
    expect(await audit("analysis.findings-unpublished")).toHaveLength(1);
  });

  it("publishes a chosen quote as it was redacted, and never one flagged for safeguarding, even after publication", async () => {
    // Chosen a minute apart: the list is in the order they were chosen.
    for (const [i, responseId] of quoted.entries()) {
      const now = new Date(CLOSED.getTime() + i * 60_000);
      expect(await chooseQuote(db(), { surveyId: wave.id, responseId, questionKey: "why", textQuestions: ["why"], by, now })).toMatchObject({ ok: true });
    }
    const [named, keyWorker] = await listQuotes(db(), wave.id);
    expect(named!.text).toBe("My son is called [name removed]. Nobody rang back for months.");
    await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "quote", quoteId: named!.id }, by, now: CLOSED });
    await saveBlock(db(), { surveyId: wave.id, index: null, block: { kind: "quote", quoteId: keyWorker!.id }, by, now: CLOSED });
    expect(await publishFindings(db(), { surveyId: wave.id, by, now: CLOSED })).toMatchObject({ ok: true });
    const quotes = () => getPublishedFindings(db(), slug).then((p) => p!.findings.blocks.filter((b) => b.kind === "quote"));
    expect(await quotes()).toEqual([
      { kind: "quote", quoteId: named!.id, text: "My son is called [name removed]. Nobody rang back for months.", language: "en-GB", question: expect.any(Array) },
      { kind: "quote", quoteId: keyWorker!.id, text: "The new key worker made all the difference.", language: "en-GB", question: expect.any(Array) },
    ]);
    expect(JSON.stringify((await row()).published)).not.toContain("Jack");

    // The safeguarding lead is alerted to the second answer after publication: it leaves the public page at once…
    await db().insertInto("safeguarding_flag").values({ source: "survey_answer", response_id: quoted[1]!, question_key: "why", raised_by: "person", matched: JSON.stringify([]) }).execute();
    expect((await quotes()).map((q) => q.kind === "quote" && q.quoteId)).toEqual([named!.id]);
    // …and cannot be published again.
    expect(await publishFindings(db(), { surveyId: wave.id, by, now: CLOSED })).toEqual({
      ok: false,
      reason: "invalid",
      problems: [{ field: "block-4", number: 4, key: "publish.errors.quoteGone" }],
    });
    expect(await arrangeBlock(db(), { surveyId: wave.id, index: 3, intent: "remove", by, now: CLOSED })).toEqual({ ok: true });
    expect(await publishFindings(db(), { surveyId: wave.id, by, now: CLOSED })).toMatchObject({ ok: true });
    expect(JSON.stringify((await row()).published)).not.toContain("key worker");
  });

  it("publishes a number question's chart in its ranges, whose words each reader's language supplies", async () => {
    const numbers = await makeWave(db(), { questions: [question("months", "number", { min: 0, max: 120 })] });
    await addResponses(db(), numbers, [
      { copies: 28, answers: { months: "6" } },
      { copies: 9, answers: { months: "40" } },
    ]);
    await saveWords(db(), { surveyId: numbers.id, words, by, now: CLOSED });
    await saveBlock(db(), { surveyId: numbers.id, index: null, block: { kind: "chart", questionKey: "months", plain: "Most waited under two years.", easyRead: "Most waited a short time." }, by, now: CLOSED });
    expect(await publishFindings(db(), { surveyId: numbers.id, by, now: CLOSED })).toMatchObject({ ok: true });
    const numbersSlug = (await getWave(db(), { id: numbers.id, now: CLOSED, language: "en-GB" }))!.slug;
    const chart = (await getPublishedFindings(db(), numbersSlug))!.findings.blocks.find((b): b is PublishedChart => b.kind === "chart")!;
    expect(chart.rows.slice(0, 2).map((r) => [r.label, r.cell])).toEqual([
      [{ key: "analysis:ranges.between", values: { from: 0, to: 24 } }, { shown: true, count: 28, percent: 76 }],
      [{ key: "analysis:ranges.between", values: { from: 25, to: 49 } }, { shown: true, count: 9, percent: 24 }],
    ]);
  });

  it("answers an unknown wave as not found", async () => {
    expect(await publishFindings(db(), { surveyId: "00000000-0000-4000-8000-000000000000", by, now: CLOSED })).toEqual({ ok: false, reason: "not-found" });
    expect(await publishFindings(db(), { surveyId: "not-a-uuid", by, now: CLOSED })).toEqual({ ok: false, reason: "not-found" });
    expect(await getPublishedFindings(db(), "no-such-survey")).toBeUndefined();
    expect(await unpublishFindings(db(), { surveyId: "not-a-uuid", by })).toBe(false);
  });
});
