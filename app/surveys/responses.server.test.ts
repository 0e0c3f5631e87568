import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { SURVEY_REFERENCE_PATTERN } from "./codes";
import { en, type SurveyDefinition } from "./definition";
import {
  answerContext,
  createInvitations,
  findDraftByResumeCode,
  findSurveyBySlug,
  issueResumeCode,
  loadDraft,
  responseCounts,
  saveAnswers,
  startResponse,
  submitResponse,
  type PublicSurvey,
} from "./responses.server";
import { createSurvey } from "./surveys.server";

const opensAt = new Date("2026-03-23T12:00:00.000Z"); // 12 noon GMT
const closesAt = new Date("2026-04-01T11:00:00.000Z"); // 12 noon BST
const during = new Date("2026-03-25T09:00:00.000Z");

const definition: SurveyDefinition = {
  title: en("Storage test"),
  purpose: en("Purpose"),
  howUsed: en("How"),
  estimatedMinutes: 2,
  pages: [
    { key: "p1", title: [], questions: [{ key: "happy", type: "yes_no_not_sure", required: true, text: en("Happy?"), hint: [], options: [], allowDontKnow: true }] },
    {
      key: "p2",
      title: [],
      condition: { question: "happy", anyOf: ["no"] },
      questions: [{ key: "why", type: "long_text", required: false, text: en("Why?"), hint: [], options: [], allowDontKnow: true }],
    },
    {
      key: "p3",
      title: [],
      questions: [{ key: "district", type: "single_choice", required: false, about: "district", text: en("Where?"), hint: [], options: [], allowDontKnow: true }],
    },
  ],
};

describeDb("survey responses", ({ db }) => {
  let counter = 0;
  async function makeSurvey(access: "open_link" | "invite_only" = "open_link"): Promise<PublicSurvey> {
    const slug = `storage-test-${++counter}`;
    await createSurvey(db(), { slug, audience: "parent_carer", series: "storage", access, status: "scheduled", opensAt, closesAt, definition });
    return (await findSurveyBySlug(db(), slug))!;
  }
  async function answered(survey: PublicSurvey, answers: Record<string, string>, now = during) {
    const started = await startResponse(db(), { survey, language: "en-GB", format: "standard", now });
    if (!started.ok) throw new Error(started.reason);
    await saveAnswers(db(), { survey, responseId: started.responseId, answers, cleared: [], page: "p3", now });
    return started.responseId;
  }

  beforeAll(async () => {
    await seedDemoArea(db());
  });

  it("refuses to start before 12:00:00.000 on the opening day, and locks the version when the first person starts", async () => {
    const survey = await makeSurvey();
    const early = await startResponse(db(), { survey, language: "en-GB", format: "standard", now: new Date(opensAt.getTime() - 1) });
    expect(early).toEqual({ ok: false, reason: "not-open", state: "scheduled" });
    const onTime = await startResponse(db(), { survey, language: "en-GB", format: "standard", now: opensAt });
    expect(onTime.ok).toBe(true);
    const version = await db().selectFrom("survey_version").select("locked_at").where("id", "=", survey.versionId!).executeTakeFirstOrThrow();
    expect(version.locked_at?.toISOString()).toBe(opensAt.toISOString());
  });

  it("records one response however many times it is submitted, with the same reference each time", async () => {
    const survey = await makeSurvey();
    const id = await answered(survey, { happy: "yes", district: "burnley" });
    const context = await answerContext(db());
    const [a, b] = await Promise.all([
      submitResponse(db(), { survey, responseId: id, context, now: during }),
      submitResponse(db(), { survey, responseId: id, context, now: during }),
    ]);
    const again = await submitResponse(db(), { survey, responseId: id, context, now: during });
    expect(a.ok && b.ok && again.ok).toBe(true);
    const refs = [a, b, again].map((r) => (r.ok ? r.reference : ""));
    expect(new Set(refs).size).toBe(1);
    expect(refs[0]).toMatch(SURVEY_REFERENCE_PATTERN);
    expect([a, b].filter((r) => r.ok && !r.alreadySubmitted)).toHaveLength(1);
    expect(await responseCounts(db(), survey.id)).toEqual({ submitted: 1, started: 0 });
    const row = await db().selectFrom("survey_response").select(["district"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.district).toBe("burnley");
  });

  it("accepts a submission at 11:59:59.999 on the closing day and refuses it at 12:00:00.000, keeping the draft", async () => {
    const survey = await makeSurvey();
    const context = await answerContext(db());
    const late = await answered(survey, { happy: "no", why: "Waited a year" });
    const refused = await submitResponse(db(), { survey, responseId: late, context, now: closesAt });
    expect(refused).toEqual({ ok: false, reason: "not-open", state: "closed" });
    const draft = await loadDraft(db(), late, survey.id);
    expect(draft?.status).toBe("draft");
    expect(draft?.answers).toEqual({ happy: "no", why: "Waited a year" });

    const justInTime = await answered(survey, { happy: "yes" });
    expect((await submitResponse(db(), { survey, responseId: justInTime, context, now: new Date(closesAt.getTime() - 1) })).ok).toBe(true);
    expect(await responseCounts(db(), survey.id)).toEqual({ submitted: 1, started: 1 });
    const save = await saveAnswers(db(), { survey, responseId: late, answers: { happy: "yes" }, cleared: [], page: "p1", now: closesAt });
    expect(save).toEqual({ ok: false, reason: "not-open" });
  });

  it("does not submit answers to questions that no longer apply", async () => {
    const survey = await makeSurvey();
    const id = await answered(survey, { happy: "no", why: "Reason" });
    await saveAnswers(db(), { survey, responseId: id, answers: { happy: "yes" }, cleared: [], page: "p1", now: during });
    const result = await submitResponse(db(), { survey, responseId: id, context: await answerContext(db()), now: during });
    expect(result.ok).toBe(true);
    expect((await loadDraft(db(), id, survey.id))?.answers).toEqual({ happy: "yes" });
  });

  it("refuses to submit while a required question is unanswered, and says which", async () => {
    const survey = await makeSurvey();
    const id = await answered(survey, {});
    expect(await submitResponse(db(), { survey, responseId: id, context: await answerContext(db()), now: during })).toEqual({
      ok: false,
      reason: "incomplete",
      pageKey: "p1",
      questionKey: "happy",
    });
  });

  it("finds a draft by its resume code, typed any way, and not by an old, forged or other survey's code", async () => {
    const survey = await makeSurvey();
    const other = await makeSurvey();
    const id = await answered(survey, { happy: "yes" });
    const first = await issueResumeCode(db(), id, during);
    const code = await issueResumeCode(db(), id, during);
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(await findDraftByResumeCode(db(), survey.id, code!.toLowerCase().replace("-", " "))).toBe(id);
    expect(await findDraftByResumeCode(db(), survey.id, first!)).toBeUndefined();
    expect(await findDraftByResumeCode(db(), survey.id, "AAAAA-AAAAA")).toBeUndefined();
    expect(await findDraftByResumeCode(db(), other.id, code!)).toBeUndefined();
    const row = await db().selectFrom("survey_response").select("resume_code_hash").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.resume_code_hash).not.toContain(code!.replace("-", ""));
  });

  it("lets an invitation code send one response: the same code carries on its draft, and is refused once used", async () => {
    const survey = await makeSurvey("invite_only");
    const [code] = await createInvitations(db(), survey.id, 3, "Test school");
    const start = (invitationCode: string | null) => startResponse(db(), { survey, language: "en-GB", format: "standard", invitationCode, now: during });
    expect(await start(null)).toEqual({ ok: false, reason: "invitation-needed" });
    expect(await start("AAAAA-AAAAA")).toEqual({ ok: false, reason: "invitation-unknown" });
    const first = await start(code!);
    const second = await start(code!);
    expect(first.ok && second.ok && first.responseId === second.responseId && second.resumed).toBe(true);
    if (!first.ok) return;
    await saveAnswers(db(), { survey, responseId: first.responseId, answers: { happy: "yes" }, cleared: [], page: "p1", now: during });
    expect((await submitResponse(db(), { survey, responseId: first.responseId, context: await answerContext(db()), now: during })).ok).toBe(true);
    expect(await start(code!)).toEqual({ ok: false, reason: "invitation-used" });
  });

  it("stores nothing about the respondent's device, address or account", async () => {
    const columns = await db()
      .selectFrom("information_schema.columns" as never)
      .select("column_name" as never)
      .where("table_name" as never, "=", "survey_response" as never)
      .execute();
    const names = (columns as { column_name: string }[]).map((c) => c.column_name);
    expect(names.filter((n) => /ip|user|agent|email|session|account/.test(n))).toEqual([]);
  });
});
