import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { addQuestion, setCondition, updateDetails } from "./builder";
import { editSurvey, getBuilderReferences, getSurveyForEditing, makeNewVersion } from "./builder.server";
import { en, type SurveyDefinition } from "./definition";
import { findSurveyBySlug, startResponse } from "./responses.server";
import { createSurvey } from "./surveys.server";

const definition: SurveyDefinition = {
  title: en("Builder test survey"),
  purpose: en("To test the builder"),
  howUsed: en("Not at all"),
  estimatedMinutes: 5,
  pages: [
    {
      key: "first",
      title: en("First"),
      questions: [{ key: "happy", type: "yes_no_not_sure", required: true, text: en("Are you happy?"), hint: [], options: [], allowDontKnow: true }],
    },
  ],
};

const opensAt = new Date("2027-03-01T09:00:00Z");
const closesAt = new Date("2027-04-01T09:00:00Z");
const before = new Date("2027-02-01T12:00:00Z");
const during = new Date("2027-03-10T12:00:00Z");
const after = new Date("2027-04-01T09:00:00Z");

let counter = 0;
const slug = () => `builder-test-${++counter}-${Date.now()}`;

const newQuestion = {
  key: "why",
  type: "long_text" as const,
  required: false,
  text: "Why?",
  hint: "",
  options: [],
  allowDontKnow: true,
  min: null,
  max: null,
  areaOfConcern: null,
  workingGroup: null,
  about: null,
};

describeDb("the survey builder's loading and saving", ({ db }) => {
  let userId: string;
  const by = () => ({ userId, requestId: "test" });

  beforeAll(async () => {
    await seedDemoArea(db());
    const user = await db().insertInto("app_user").values({ email: `builder-${Date.now()}@test.local`, name: "Officer", role: "officer", password_hash: null }).returning("id").executeTakeFirstOrThrow();
    userId = user.id;
  });

  const audits = async (surveyId: string) =>
    (await db().selectFrom("audit_log").select(["action", "details"]).where("subject_id", "=", surveyId).orderBy("id").execute()).map((r) => r.action);

  it("finds nothing for an id that is not a survey", async () => {
    expect(await getSurveyForEditing(db(), "not-a-uuid", before)).toBeUndefined();
    expect(await getSurveyForEditing(db(), "00000000-0000-4000-8000-000000000000", before)).toBeUndefined();
    expect(await editSurvey(db(), { surveyId: "nope", now: before, by: by(), action: "x", edit: (d) => ({ ok: true, definition: d }) })).toEqual({ ok: false, reason: "not-found" });
  });

  it("changes a draft's version in place and records who did it", async () => {
    const { id, versionId } = await createSurvey(db(), { slug: slug(), audience: "parent_carer", series: "builder", definition });
    const loaded = await getSurveyForEditing(db(), id, before);
    expect(loaded).toMatchObject({ state: "draft", editable: true, canMakeNewVersion: false, version: { id: versionId, number: 1, lockedAt: null } });

    const result = await editSurvey(db(), { surveyId: id, now: before, by: by(), action: "survey.question-added", details: { key: "why" }, edit: (d) => addQuestion(d, "first", newQuestion) });
    expect(result).toMatchObject({ ok: true, changed: true });
    const after = await getSurveyForEditing(db(), id, before);
    expect(after?.version?.id).toBe(versionId);
    expect(after?.definition?.pages[0]?.questions.map((q) => q.key)).toEqual(["happy", "why"]);
    expect(await audits(id)).toEqual(["survey.question-added"]);
    const row = await db().selectFrom("audit_log").select(["user_id", "details"]).where("subject_id", "=", id).executeTakeFirstOrThrow();
    expect(row.user_id).toBe(userId);
    expect(row.details).toMatchObject({ version: 1, key: "why" });
  });

  it("writes nothing when an edit changes nothing or is refused", async () => {
    const { id } = await createSurvey(db(), { slug: slug(), audience: "parent_carer", series: "builder", definition });
    const same = await editSurvey(db(), {
      surveyId: id,
      now: before,
      by: by(),
      action: "survey.details-updated",
      edit: (d) => updateDetails(d, { title: "Builder test survey", purpose: "To test the builder", howUsed: "Not at all", estimatedMinutes: 5 }),
    });
    expect(same).toMatchObject({ ok: true, changed: false });
    const refused = await editSurvey(db(), {
      surveyId: id,
      now: before,
      by: by(),
      action: "survey.condition-set",
      edit: (d) => setCondition(d, "happy", { question: "happy", anyOf: ["yes"] }),
    });
    expect(refused).toMatchObject({ ok: false, reason: "invalid", errors: { showIf: "errors.conditionNotEarlier" } });
    expect(await audits(id)).toEqual([]);
  });

  it("edits a scheduled survey before it opens, not once it is open", async () => {
    const { id } = await createSurvey(db(), { slug: slug(), audience: "young_person", series: "builder", status: "scheduled", opensAt, closesAt, definition });
    expect(await getSurveyForEditing(db(), id, before)).toMatchObject({ state: "scheduled", editable: true });
    const open = await editSurvey(db(), { surveyId: id, now: during, by: by(), action: "survey.question-added", edit: (d) => addQuestion(d, "first", newQuestion) });
    // Open but nobody has started: still not changed in place, and no new version either.
    expect(open).toEqual({ ok: false, reason: "locked", lock: "open", canMakeNewVersion: false });
    expect(await makeNewVersion(db(), { surveyId: id, now: during, by: by() })).toEqual({ ok: false, reason: "open" });
  });

  it("refuses to change a locked version, refuses a new version while open, and makes one once closed", async () => {
    const s = slug();
    const { id, versionId } = await createSurvey(db(), { slug: s, audience: "practitioner", series: "builder", status: "scheduled", opensAt, closesAt, definition });
    const started = await startResponse(db(), { survey: (await findSurveyBySlug(db(), s))!, language: "en-GB", format: "standard", now: during });
    expect(started.ok).toBe(true);

    const whileOpen = await getSurveyForEditing(db(), id, during);
    expect(whileOpen).toMatchObject({ state: "open", editable: false, canMakeNewVersion: false, version: { lockedAt: during } });
    expect(await editSurvey(db(), { surveyId: id, now: during, by: by(), action: "survey.question-added", edit: (d) => addQuestion(d, "first", newQuestion) })).toEqual({
      ok: false,
      reason: "locked",
      lock: "locked-open",
      canMakeNewVersion: false,
    });
    expect(await makeNewVersion(db(), { surveyId: id, now: during, by: by() })).toEqual({ ok: false, reason: "open" });

    // One second after the close: the locked version still cannot change, but can be copied.
    const closed = await getSurveyForEditing(db(), id, after);
    expect(closed).toMatchObject({ state: "closed", editable: false, canMakeNewVersion: true });
    expect(await editSurvey(db(), { surveyId: id, now: after, by: by(), action: "survey.question-added", edit: (d) => addQuestion(d, "first", newQuestion) })).toMatchObject({
      reason: "locked",
      lock: "locked",
      canMakeNewVersion: true,
    });
    expect(await makeNewVersion(db(), { surveyId: id, now: after, by: by() })).toEqual({ ok: true, number: 2 });

    const copied = await getSurveyForEditing(db(), id, after);
    expect(copied?.version).toMatchObject({ number: 2, lockedAt: null });
    expect(copied?.version?.id).not.toBe(versionId);
    expect(copied?.definition).toEqual((await getSurveyForEditing(db(), id, during))?.definition);
    // The response keeps the version it answered; the old version is as it was.
    const response = await db().selectFrom("survey_response").select("version_id").where("survey_id", "=", id).executeTakeFirstOrThrow();
    expect(response.version_id).toBe(versionId);
    expect(await audits(id)).toEqual(["survey.version-added"]);
    // Version 2 is not locked: a second copy is pointless and refused.
    expect(await makeNewVersion(db(), { surveyId: id, now: after, by: by() })).toEqual({ ok: false, reason: "not-locked" });
  });

  it("lists areas of concern, working groups and districts for the question form", async () => {
    const references = await getBuilderReferences(db());
    expect(references.areas.length).toBeGreaterThan(0);
    expect(references.areas[0]).toEqual({ number: 1, title: expect.any(String) });
    expect(references.groups.map((g) => g.slug)).toContain("engagement");
    expect(references.districts.length).toBeGreaterThan(0);
  });
});
