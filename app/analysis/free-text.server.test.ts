import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { STARTER_THEMES } from "../../migrations/202612061450_create_analysis_themes";
import { en, type SurveyDefinition } from "../surveys/definition";
import { createSurvey } from "../surveys/surveys.server";
import { REDACTED } from "./redact";
import { cellText } from "./suppression";
import { getFreeTextSurvey, listFreeTextAnswers, tagAnswer, themeSummary, untagAnswer } from "./free-text.server";
import { chooseQuote, listQuotes, previewQuote, removeQuote } from "./quotes.server";
import { createTheme, listThemes, setThemeRetired, themesForSuggestion, updateTheme } from "./themes.server";

const NOW = new Date("2026-12-06T11:00:00Z");

const question = (key: string, type: SurveyDefinition["pages"][number]["questions"][number]["type"]) => ({
  key,
  type,
  required: false,
  text: en(`Question ${key}`),
  hint: [],
  options: [],
  allowDontKnow: false,
});

const definition: SurveyDefinition = {
  title: en("Free text test"),
  purpose: en("Purpose"),
  howUsed: en("How"),
  estimatedMinutes: 2,
  pages: [
    { key: "p1", title: [], questions: [question("helped", "yes_no_not_sure"), question("change", "long_text")] },
    { key: "p2", title: [], questions: [question("well", "short_text")] },
  ],
};

describeDb("coding free text", ({ db }) => {
  let officer: string;
  let surveyId: string;
  let versionId: string;
  let otherSurveyId: string;
  let n = 0;
  const by = () => ({ userId: officer, requestId: "test" });
  const themeId = async (name: string) => (await db().selectFrom("analysis_theme").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

  /** A response with answers; submitted unless said otherwise. */
  async function respond(
    answers: Record<string, string>,
    { status = "submitted", survey = surveyId, version = versionId, district = "north" }: { status?: "draft" | "submitted"; survey?: string; version?: string; district?: string } = {},
  ): Promise<string> {
    n += 1;
    const row = await db()
      .insertInto("survey_response")
      .values({
        survey_id: survey,
        version_id: version,
        status,
        reference: status === "submitted" ? `SV-TEST-${String(n).padStart(4, "0")}` : null,
        started_at: NOW,
        updated_at: NOW,
        submitted_at: status === "submitted" ? NOW : null,
        district,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const values = Object.entries(answers).map(([key, value]) => ({ response_id: row.id, question_key: key, value: JSON.stringify(value), updated_at: NOW }));
    if (values.length) await db().insertInto("survey_answer").values(values).execute();
    return row.id;
  }

  async function flag(responseId: string, questionKey: string) {
    await db()
      .insertInto("safeguarding_flag")
      .values({ source: "survey_answer", response_id: responseId, question_key: questionKey, matched: JSON.stringify(["hit me"]), raised_by: "auto", updated_at: NOW })
      .execute();
  }

  const all = async (questionKey = "change", theme: Parameters<typeof listFreeTextAnswers>[1]["theme"] = { kind: "any" }) =>
    (await listFreeTextAnswers(db(), { surveyId, questionKey, theme, limit: 100, offset: 0 })).answers;
  const textQuestions = ["change", "well"];

  beforeAll(async () => {
    officer = (
      await db()
        .insertInto("app_user")
        .values({ email: "olu@test.local", name: "Olu Officer", role: "officer", password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ({ id: surveyId, versionId } = await createSurvey(db(), { slug: "free-text-test", audience: "parent_carer", series: "free-text", definition }));
    const other = await createSurvey(db(), { slug: "free-text-other", audience: "parent_carer", series: "free-text-other", definition });
    otherSurveyId = other.id;
  });

  describe("the maintained list", () => {
    it("starts with themes for every one of the 12 areas of concern, in plain words", async () => {
      const themes = await listThemes(db());
      expect(themes.length).toBe(STARTER_THEMES.length);
      expect(new Set(themes.map((t) => t.areaOfConcern))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
      expect(themes.map((t) => t.name)).toEqual(expect.arrayContaining(["Waiting for assessment", "Communication with families", "EHC plan quality", "Transition to adulthood", "Exclusions and part-time timetables", "Local offer information"]));
      expect(themes.every((t) => t.keywords.length > 0 && !t.retired)).toBe(true);
    });

    it("adds, renames and re-words a theme, refuses a name already used, and audits each change", async () => {
      const input = { name: "Sleep", description: "Sleep problems", areaOfConcern: 3, keywords: ["sleep", "bedtime"] };
      const created = await createTheme(db(), { input, by: by() });
      expect(created.ok).toBe(true);
      expect(await createTheme(db(), { input: { ...input, name: "SLEEP" }, by: by() })).toEqual({ ok: false, reason: "invalid", errors: { name: "themes.errors.nameTaken" } });
      const id = (created as { id: number }).id;
      expect(await updateTheme(db(), { id, input: { ...input, name: "Sleep and tiredness", keywords: ["sleep", "tired"] }, by: by(), now: NOW })).toEqual({ ok: true, id });
      expect(await updateTheme(db(), { id, input: { ...input, name: "Waiting for assessment" }, by: by(), now: NOW })).toMatchObject({ ok: false, reason: "invalid" });
      expect(await updateTheme(db(), { id: 999999, input, by: by(), now: NOW })).toEqual({ ok: false, reason: "not-found" });
      const theme = (await listThemes(db())).find((t) => t.id === id)!;
      expect(theme).toMatchObject({ name: "Sleep and tiredness", keywords: ["sleep", "tired"], areaOfConcern: 3 });
      const audit = await db().selectFrom("audit_log").select(["action", "details"]).where("subject_type", "=", "analysis_theme").where("subject_id", "=", String(id)).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["analysis.theme-added", "analysis.theme-changed"]);
      expect(audit[1]!.details).toEqual({ name: { from: "Sleep", to: "Sleep and tiredness" }, keywords: { from: ["sleep", "bedtime"], to: ["sleep", "tired"] } });
    });
  });

  describe("reading answers", () => {
    let plain: string;
    let flagged: string;
    let draft: string;
    let removed: string;

    beforeAll(async () => {
      plain = await respond({ helped: "no", change: "We have been on the waiting list for two years.", well: "The SENCO" });
      flagged = await respond({ change: "He hit me and we are still on the waiting list." });
      await flag(flagged, "change");
      draft = await respond({ change: "Draft answer about the waiting list" }, { status: "draft" });
      removed = await respond({ change: "Old words about the waiting list" });
      await respond({ change: "   " });
      await respond({ change: "Another survey's waiting list" }, { survey: otherSurveyId });
    });

    it("lists the text questions of the survey", async () => {
      const survey = (await getFreeTextSurvey(db(), { id: surveyId }))!;
      expect(survey.title).toBe("Free text test");
      expect(survey.questions.map((q) => [q.key, q.type, q.label])).toEqual([
        ["change", "long_text", "Question change"],
        ["well", "short_text", "Question well"],
      ]);
      expect(await getFreeTextSurvey(db(), { id: "not-a-uuid" })).toBeUndefined();
    });

    it("shows submitted answers with words only: never a flagged one, a draft, a blank one, another survey's or removed words", async () => {
      // The retention sweep removes the words and marks the response.
      await db().deleteFrom("survey_answer").where("response_id", "=", removed).where("question_key", "=", "change").execute();
      await db().updateTable("survey_response").set({ free_text_removed_at: NOW }).where("id", "=", removed).execute();
      const answers = await all();
      expect(answers.map((a) => a.text)).toEqual(["We have been on the waiting list for two years."]);
      expect(answers[0]!.responseId).toBe(plain);
      expect(answers.some((a) => [flagged, draft, removed].includes(a.responseId))).toBe(false);
    });

    it("suggests themes from the maintained list, with the words that made each suggestion", async () => {
      const [answer] = await all();
      expect(answer!.tags).toEqual([]);
      expect(answer!.suggestions).toEqual([{ themeId: await themeId("Waiting for assessment"), name: "Waiting for assessment", matched: "waiting list, waiting" }]);
    });

    it("suggests a theme added to the list, and stops suggesting a retired one", async () => {
      const created = await createTheme(db(), { input: { name: "Two years", description: "", areaOfConcern: 7, keywords: ["two yeras"] }, by: by() });
      const id = (created as { id: number }).id;
      expect((await all())[0]!.suggestions.map((s) => s.name)).toEqual(["Two years", "Waiting for assessment"]);
      await setThemeRetired(db(), { id, retired: true, by: by(), now: NOW });
      expect((await all())[0]!.suggestions.map((s) => s.name)).toEqual(["Waiting for assessment"]);
      expect((await themesForSuggestion(db())).find((t) => t.id === id)!.retired).toBe(true);
    });
  });

  describe("tags", () => {
    let answer: string;
    let waiting: number;
    let communication: number;

    beforeAll(async () => {
      answer = await respond({ change: "Nobody replied to my emails while we sat on the waiting list." });
      waiting = await themeId("Waiting for assessment");
      communication = await themeId("Communication with families");
    });

    const key = () => ({ surveyId, responseId: answer, questionKey: "change", textQuestions });
    const mine = async () => (await all()).find((a) => a.responseId === answer)!;

    it("confirms a suggestion: the tag records the words that suggested it and the officer who confirmed it", async () => {
      expect((await mine()).suggestions.map((s) => s.name)).toEqual(["Communication with families", "Waiting for assessment"]);
      expect(await tagAnswer(db(), { ...key(), themeId: String(waiting), origin: "suggestion", by: by(), now: NOW })).toEqual({ ok: true, changed: true });
      const row = await db().selectFrom("answer_theme").selectAll().where("response_id", "=", answer).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ theme_id: waiting, origin: "suggestion", suggested_by: "waiting list, waiting", tagged_by_user_id: officer });
      expect(row.tagged_at).toEqual(NOW);
      const shown = await mine();
      expect(shown.tags).toEqual([{ themeId: waiting, name: "Waiting for assessment", retired: false, origin: "suggestion", suggestedBy: "waiting list, waiting", taggedBy: "Olu Officer", taggedAt: NOW }]);
      // Confirmed, it is no longer a suggestion; the other one still is.
      expect(shown.suggestions.map((s) => s.name)).toEqual(["Communication with families"]);
      // Twice is no change.
      expect(await tagAnswer(db(), { ...key(), themeId: String(waiting), origin: "suggestion", by: by(), now: NOW })).toEqual({ ok: true, changed: false });
      const audit = await db().selectFrom("audit_log").select(["action", "user_id", "details"]).where("subject_id", "=", answer).execute();
      expect(audit).toEqual([
        { action: "analysis.suggestion-confirmed", user_id: officer, details: { questionKey: "change", themeId: waiting, theme: "Waiting for assessment", suggestedBy: "waiting list, waiting" } },
      ]);
    });

    it("adds a theme by hand, recorded as the officer's", async () => {
      const other = await themeId("Being listened to");
      expect(await tagAnswer(db(), { ...key(), themeId: String(other), origin: "officer", by: by(), now: NOW })).toEqual({ ok: true, changed: true });
      expect((await mine()).tags.find((t) => t.themeId === other)).toMatchObject({ origin: "officer", suggestedBy: "", taggedBy: "Olu Officer" });
    });

    it("refuses a theme that does not exist, is retired, or was not suggested, and an empty choice", async () => {
      const retired = (await createTheme(db(), { input: { name: "Old theme", description: "", areaOfConcern: 4, keywords: ["emails"] }, by: by() })) as { id: number };
      await setThemeRetired(db(), { id: retired.id, retired: true, by: by(), now: NOW });
      const exclusions = await themeId("Exclusions and part-time timetables");
      const attempt = (themeId: string, origin: "officer" | "suggestion" = "officer") => tagAnswer(db(), { ...key(), themeId, origin, by: by(), now: NOW });
      expect(await attempt("")).toEqual({ ok: false, reason: "invalid", error: "themeMissing" });
      expect(await attempt("999999")).toEqual({ ok: false, reason: "invalid", error: "themeUnknown" });
      expect(await attempt("1; drop table")).toEqual({ ok: false, reason: "invalid", error: "themeUnknown" });
      expect(await attempt(String(retired.id))).toEqual({ ok: false, reason: "invalid", error: "themeRetired" });
      expect(await attempt(String(exclusions), "suggestion")).toEqual({ ok: false, reason: "invalid", error: "notSuggested" });
      expect(await db().selectFrom("answer_theme").select("theme_id").where("response_id", "=", answer).where("theme_id", "in", [retired.id, exclusions]).execute()).toEqual([]);
    });

    it("refuses, as not found, an answer of another survey, a question that is not free text, a draft and a flagged answer", async () => {
      const elsewhere = await respond({ change: "Emails are never replied to" }, { survey: otherSurveyId });
      const flaggedAnswer = await respond({ change: "Emails are never replied to and he hit me" });
      await flag(flaggedAnswer, "change");
      const draft = await respond({ change: "Emails are never replied to" }, { status: "draft" });
      const attempt = (responseId: string, questionKey = "change") =>
        tagAnswer(db(), { surveyId, responseId, questionKey, textQuestions, themeId: String(communication), origin: "officer", by: by(), now: NOW });
      for (const id of [elsewhere, flaggedAnswer, draft, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
        expect(await attempt(id), id).toEqual({ ok: false, reason: "not-found" });
      }
      expect(await attempt(answer, "helped")).toEqual({ ok: false, reason: "not-found" });
      expect(await untagAnswer(db(), { surveyId, responseId: flaggedAnswer, questionKey: "change", textQuestions, themeId: String(communication), by: by() })).toEqual({ ok: false, reason: "not-found" });
    });

    it("removes a tag and keeps what it said in the audit log", async () => {
      expect(await untagAnswer(db(), { ...key(), themeId: String(waiting), by: by() })).toEqual({ ok: true });
      expect(await untagAnswer(db(), { ...key(), themeId: String(waiting), by: by() })).toEqual({ ok: false, reason: "not-found" });
      const shown = await mine();
      expect(shown.tags.map((t) => t.name)).toEqual(["Being listened to"]);
      // Removed, it is a suggestion again.
      expect(shown.suggestions.map((s) => s.name)).toContain("Waiting for assessment");
      const removal = await db().selectFrom("audit_log").select(["user_id", "details"]).where("action", "=", "analysis.theme-removed").executeTakeFirstOrThrow();
      expect(removal).toEqual({
        user_id: officer,
        details: { questionKey: "change", themeId: waiting, origin: "suggestion", suggestedBy: "waiting list, waiting", taggedBy: officer, taggedAt: NOW.toISOString() },
      });
    });

    it("filters by a theme and by answers with no theme yet", async () => {
      const listened = await themeId("Being listened to");
      expect((await all("change", { kind: "theme", id: listened })).map((a) => a.responseId)).toEqual([answer]);
      const untagged = await all("change", { kind: "untagged" });
      expect(untagged.length).toBeGreaterThan(0);
      expect(untagged.some((a) => a.responseId === answer)).toBe(false);
      expect(untagged.every((a) => a.tags.length === 0)).toBe(true);
    });
  });

  describe("the summary of themes", () => {
    it("counts answers per theme, suppresses small numbers, keeps tags of removed words and never counts a flagged answer", async () => {
      await createSurvey(db(), { slug: "summary-test", audience: "parent_carer", series: "summary", definition });
      const summarySurvey = (await db().selectFrom("survey").select(["id", "current_version_id"]).where("slug", "=", "summary-test").executeTakeFirstOrThrow());
      const sid = summarySurvey.id;
      const vid = summarySurvey.current_version_id!;
      const transport = await themeId("School transport");
      const waiting = await themeId("Waiting for assessment");
      const tag = (responseId: string, theme: number) => tagAnswer(db(), { surveyId: sid, responseId, questionKey: "change", textQuestions, themeId: String(theme), origin: "officer", by: by(), now: NOW });
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await respond({ change: `Answer number ${i} about the wait` }, { survey: sid, version: vid }));
      for (const id of ids.slice(0, 9)) await tag(id, waiting);
      for (const id of ids.slice(0, 2)) await tag(id, transport);
      // A tagged answer whose words were removed later still counts; a flagged one never does.
      await db().deleteFrom("survey_answer").where("response_id", "=", ids[8]!).execute();
      await db().updateTable("survey_response").set({ free_text_removed_at: NOW }).where("id", "=", ids[8]!).execute();
      await flag(ids[0]!, "change");

      const summary = await themeSummary(db(), { surveyId: sid, questionKey: "change", threshold: 5 });
      const rows = summary.rows.map((r) => [r.name, cellText(r.cell, "fewer than 5")]);
      // Waiting 8 (9 less the flagged), transport 1 → hidden; untagged 3 → hidden. Total 11.
      expect(rows).toEqual([
        ["Waiting for assessment", "8"],
        ["School transport", "fewer than 5"],
        ["", "fewer than 5"],
      ]);
      expect(cellText(summary.total, "fewer than 5")).toBe("11");

      // Two more answers with no theme (5) leave one small cell: the next smallest goes too.
      for (let i = 0; i < 2; i++) await respond({ change: `More words ${i}` }, { survey: sid, version: vid });
      const again = await themeSummary(db(), { surveyId: sid, questionKey: "change", threshold: 5 });
      expect(again.rows.map((r) => cellText(r.cell, "fewer than 5"))).toEqual(["8", "fewer than 5", "fewer than 5"]);
      expect(again.rows[2]!.cell).toEqual({ shown: false, reason: "secondary" });
      expect(cellText(again.total, "fewer than 5")).toBe("13");
    });
  });

  describe("quotes for publication", () => {
    it("stores the words with names, emails and phone numbers taken out, shows that first, and hides a quote once its answer is flagged", async () => {
      const answer = await respond({ change: "Mrs Hargreaves never rang back. Call me on 07700 900123 or jo@example.org." });
      const key = { surveyId, responseId: answer, questionKey: "change", textQuestions };
      const preview = (await previewQuote(db(), key))!;
      expect(preview).toEqual({ text: `${REDACTED.name} never rang back. Call me on ${REDACTED.phone} or ${REDACTED.email}.`, removed: 3, language: "en-GB", chosen: false });

      expect(await chooseQuote(db(), { ...key, by: by(), now: NOW })).toEqual({ ok: true, changed: true, removed: 3 });
      expect(await chooseQuote(db(), { ...key, by: by(), now: NOW })).toEqual({ ok: true, changed: false, removed: 3 });
      const stored = await db().selectFrom("analysis_quote").selectAll().where("response_id", "=", answer).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ survey_id: surveyId, question_key: "change", text: preview.text, removed: 3, chosen_by: officer });
      expect(stored.text).not.toContain("07700");
      expect((await previewQuote(db(), key))!.chosen).toBe(true);
      expect((await all()).find((a) => a.responseId === answer)!.quoteId).toBe(stored.id);

      const quotes = await listQuotes(db(), surveyId);
      expect(quotes).toEqual([{ id: stored.id, questionKey: "change", text: preview.text, removed: 3, language: "en-GB", chosenAt: NOW, chosenBy: "Olu Officer", reference: expect.stringMatching(/^SV-TEST-/) }]);
      // The quote is the audit's subject; its words are not in the log.
      const audit = await db().selectFrom("audit_log").select("details").where("action", "=", "analysis.quote-chosen").executeTakeFirstOrThrow();
      expect(JSON.stringify(audit.details)).not.toContain("never rang");

      await flag(answer, "change");
      expect(await listQuotes(db(), surveyId)).toEqual([]);
      expect(await previewQuote(db(), key)).toBeUndefined();
      expect(await chooseQuote(db(), { ...key, by: by(), now: NOW })).toEqual({ ok: false, reason: "not-found" });
    });

    it("removes a quote of this survey only", async () => {
      const answer = await respond({ change: "The new SENCO keeps in touch every week." });
      await chooseQuote(db(), { surveyId, responseId: answer, questionKey: "change", textQuestions, by: by(), now: NOW });
      const [quote] = await listQuotes(db(), surveyId);
      expect(await removeQuote(db(), { surveyId: otherSurveyId, id: quote!.id, by: by() })).toEqual({ ok: false });
      expect(await removeQuote(db(), { surveyId, id: quote!.id, by: by() })).toEqual({ ok: true });
      expect(await listQuotes(db(), surveyId)).toEqual([]);
      expect(await listQuotes(db(), "nonsense")).toEqual([]);
    });
  });
});
