import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { en } from "./definition";
import { starterDefinition, type NewSurveyInput } from "./lifecycle";
import {
  archiveSurvey,
  codesBelongTo,
  codesCsv,
  createDraftSurvey,
  duplicateSurvey,
  getSurveyWithCounts,
  importSurvey,
  listSurveys,
  makeInvitations,
  scheduleSurvey,
  setAccess,
  signCodes,
  unarchiveSurvey,
  unscheduleSurvey,
  verifyCodes,
} from "./lifecycle.server";
import { answerContext, findSurveyBySlug, startResponse, submitResponse } from "./responses.server";

const NOW = new Date("2026-11-23T12:00:00Z");
let counter = 0;

describeDb("a survey's lifecycle", ({ db }) => {
  let by: { userId: string; requestId: string };

  beforeAll(async () => {
    const user = await db()
      .insertInto("app_user")
      .values({ email: `lifecycle-${Date.now()}@test.local`, name: "Officer", role: "officer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "test" };
  });

  function fresh(overrides: Partial<NewSurveyInput> = {}): NewSurveyInput {
    counter += 1;
    return {
      title: `Parent carer survey ${counter}`,
      slug: `parent-carer-${counter}-${Date.now()}`,
      audience: "parent_carer",
      series: `series-${counter}-${Date.now()}`,
      wave: "2027",
      access: "open_link",
      ...overrides,
    };
  }

  async function created(overrides: Partial<NewSurveyInput> = {}) {
    const result = await createDraftSurvey(db(), { input: fresh(overrides), by });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  const audit = (subjectId: string) =>
    db().selectFrom("audit_log").select(["action", "details", "user_id"]).where("subject_id", "=", subjectId).orderBy("id").execute();
  const surveyRow = (id: string) => db().selectFrom("survey").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  /** Opens 1 December 2026 12:00 UK (GMT), closes 1 February 2027 12:00 UK. */
  const december = { opens: { date: "2026-12-01", time: "12:00" }, closes: { date: "2027-02-01", time: "12:00" } };

  describe("creating", () => {
    it("makes a draft with a valid starter definition, audited", async () => {
      const input = fresh();
      const result = await createDraftSurvey(db(), { input, by });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const survey = await getSurveyWithCounts(db(), { id: result.id, now: NOW });
      expect(survey).toMatchObject({
        slug: input.slug,
        title: input.title,
        audience: "parent_carer",
        series: input.series,
        wave: "2027",
        access: "open_link",
        state: "draft",
        versionNumber: 1,
        versionLocked: false,
        responses: { submitted: 0, started: 0 },
        invitations: { total: 0, used: 0 },
      });
      expect(await audit(result.id)).toEqual([
        { action: "survey.created", user_id: by.userId, details: expect.objectContaining({ slug: input.slug, wave: "2027" }) },
      ]);
    });

    it("refuses a slug that is taken, and a wave the series already has", async () => {
      const first = fresh();
      await createDraftSurvey(db(), { input: first, by });
      const again = await createDraftSurvey(db(), { input: { ...fresh(), slug: first.slug }, by });
      expect(again).toEqual({ ok: false, reason: "invalid", errors: { slug: "errors.slugTaken" } });
      const sameWave = await createDraftSurvey(db(), { input: { ...fresh(), series: first.series, wave: " 2027 ".trim() }, by });
      expect(sameWave).toEqual({ ok: false, reason: "invalid", errors: { wave: "errors.waveTaken" } });
      expect((await createDraftSurvey(db(), { input: { ...fresh(), series: first.series, wave: "2028" }, by })).ok).toBe(true);
    });

    it("gives unknown ids as not found", async () => {
      expect(await getSurveyWithCounts(db(), { id: "not-a-uuid", now: NOW })).toBeUndefined();
      expect(await getSurveyWithCounts(db(), { id: "00000000-0000-4000-8000-000000000000", now: NOW })).toBeUndefined();
      expect(await scheduleSurvey(db(), { id: "00000000-0000-4000-8000-000000000000", form: december, by, now: NOW })).toEqual({ ok: false, reason: "not-found" });
      expect(await archiveSurvey(db(), { id: "nope", by, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    });
  });

  describe("scheduling in UK time", () => {
    it("stores the exact instants and makes it scheduled; it opens at the opening instant exactly", async () => {
      const id = await created();
      const result = await scheduleSurvey(db(), {
        id,
        form: { opens: { date: "2027-03-26", time: "12:00" }, closes: { date: "2027-03-30", time: "12:00" } },
        by,
        now: NOW,
      });
      expect(result).toEqual({ ok: true, opensAt: new Date("2027-03-26T12:00:00Z"), closesAt: new Date("2027-03-30T11:00:00Z") });
      const row = await surveyRow(id);
      expect(row).toMatchObject({ status: "scheduled", opens_at: new Date("2027-03-26T12:00:00Z"), closes_at: new Date("2027-03-30T11:00:00Z") });
      expect((await getSurveyWithCounts(db(), { id, now: new Date("2027-03-26T11:59:59.999Z") }))?.state).toBe("scheduled");
      expect((await getSurveyWithCounts(db(), { id, now: new Date("2027-03-26T12:00:00Z") }))?.state).toBe("open");
      expect((await getSurveyWithCounts(db(), { id, now: new Date("2027-03-30T11:00:00Z") }))?.state).toBe("closed");
      expect((await audit(id)).map((a) => a.action)).toEqual(["survey.created", "survey.scheduled"]);
    });

    it("refuses close before open and times that do not exist, changing nothing", async () => {
      const id = await created();
      expect(
        await scheduleSurvey(db(), { id, form: { opens: { date: "2027-01-10", time: "12:00" }, closes: { date: "2027-01-09", time: "12:00" } }, by, now: NOW }),
      ).toEqual({ ok: false, reason: "invalid", errors: { closes: "errors.closesBeforeOpens" } });
      expect(
        await scheduleSurvey(db(), { id, form: { opens: { date: "2027-03-28", time: "01:30" }, closes: { date: "2027-04-31", time: "12:00" } }, by, now: NOW }),
      ).toEqual({ ok: false, reason: "invalid", errors: { opensTime: "errors.timeSkipped", closes: "errors.closesInvalid" } });
      expect(await surveyRow(id)).toMatchObject({ status: "draft", opens_at: null, closes_at: null });
    });

    it("once open, only the closing time changes; a closed survey is not reopened", async () => {
      const id = await created();
      await scheduleSurvey(db(), { id, form: december, by, now: NOW });
      const during = new Date("2027-01-15T09:00:00Z");
      expect(await scheduleSurvey(db(), { id, form: { opens: { date: "2026-12-02", time: "12:00" }, closes: december.closes }, by, now: during })).toEqual({
        ok: false,
        reason: "conflict",
        conflict: "openingFixed",
      });
      expect(await scheduleSurvey(db(), { id, form: { closes: { date: "2027-02-15", time: "17:00" } }, by, now: during })).toEqual({
        ok: true,
        opensAt: new Date("2026-12-01T12:00:00Z"),
        closesAt: new Date("2027-02-15T17:00:00Z"),
      });
      const after = new Date("2027-02-15T17:00:00Z");
      expect(await scheduleSurvey(db(), { id, form: { closes: { date: "2027-06-01", time: "12:00" } }, by, now: after })).toEqual({
        ok: false,
        reason: "conflict",
        conflict: "closedFinal",
      });
      expect(await surveyRow(id)).toMatchObject({ closes_at: new Date("2027-02-15T17:00:00Z") });
    });

    it("unschedules back to draft before it opens, and not after", async () => {
      const id = await created();
      expect(await unscheduleSurvey(db(), { id, by, now: NOW })).toEqual({ ok: false, reason: "conflict", conflict: "notScheduled" });
      await scheduleSurvey(db(), { id, form: december, by, now: NOW });
      expect(await unscheduleSurvey(db(), { id, by, now: new Date("2026-12-01T12:00:00Z") })).toEqual({ ok: false, reason: "conflict", conflict: "unscheduleStarted" });
      expect(await unscheduleSurvey(db(), { id, by, now: new Date("2026-12-01T11:59:59Z") })).toEqual({ ok: true });
      expect(await surveyRow(id)).toMatchObject({ status: "draft", opens_at: null, closes_at: null });
    });
  });

  describe("archiving", () => {
    it("archives a closed survey and unarchives it as closed; refuses while scheduled or open", async () => {
      const id = await created();
      await scheduleSurvey(db(), { id, form: december, by, now: NOW });
      expect(await archiveSurvey(db(), { id, by, now: NOW })).toEqual({ ok: false, reason: "conflict", conflict: "archiveScheduled" });
      expect(await archiveSurvey(db(), { id, by, now: new Date("2027-01-01T00:00:00Z") })).toEqual({ ok: false, reason: "conflict", conflict: "archiveOpen" });
      const closed = new Date("2027-02-01T12:00:00Z");
      expect(await archiveSurvey(db(), { id, by, now: closed })).toEqual({ ok: true });
      expect((await getSurveyWithCounts(db(), { id, now: closed }))?.state).toBe("archived");
      expect(await archiveSurvey(db(), { id, by, now: closed })).toEqual({ ok: false, reason: "conflict", conflict: "alreadyArchived" });
      expect(await unarchiveSurvey(db(), { id, by, now: closed })).toEqual({ ok: true, state: "closed" });
      expect(await surveyRow(id)).toMatchObject({ status: "scheduled", opens_at: new Date("2026-12-01T12:00:00Z") });
      expect(await unarchiveSurvey(db(), { id, by, now: closed })).toEqual({ ok: false, reason: "conflict", conflict: "notArchived" });
    });

    it("archives a draft and brings it back as a draft", async () => {
      const id = await created();
      expect(await archiveSurvey(db(), { id, by, now: NOW })).toEqual({ ok: true });
      expect(await unarchiveSurvey(db(), { id, by, now: NOW })).toEqual({ ok: true, state: "draft" });
      expect((await audit(id)).map((a) => a.action)).toEqual(["survey.created", "survey.archived", "survey.unarchived"]);
    });
  });

  describe("invitations", () => {
    it("makes single-use codes: only hashes stored, a code used to submit cannot start again", async () => {
      const input = fresh();
      const id = await created(input);
      expect(await makeInvitations(db(), { id, count: 3, label: "School A parents", by, now: NOW })).toEqual({ ok: false, reason: "conflict", conflict: "openLink" });
      expect(await setAccess(db(), { id, access: "invite_only", by, now: NOW })).toEqual({ ok: true, changed: true });
      const made = await makeInvitations(db(), { id, count: 3, label: "School A parents", by, now: NOW });
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(made.codes).toHaveLength(3);
      for (const code of made.codes) expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      const stored = await db().selectFrom("survey_invitation").selectAll().where("survey_id", "=", id).execute();
      expect(stored).toHaveLength(3);
      expect(JSON.stringify(stored)).not.toContain(made.codes[0]);
      expect(stored.every((s) => s.label === "School A parents" && /^[0-9a-f]{64}$/.test(s.code_hash))).toBe(true);
      expect((await audit(id)).at(-1)).toMatchObject({ action: "survey.invitations-made", details: { count: 3, label: "School A parents" } });

      await scheduleSurvey(db(), { id, form: december, by, now: NOW });
      const open = new Date("2026-12-10T10:00:00Z");
      expect(await setAccess(db(), { id, access: "open_link", by, now: open })).toEqual({ ok: false, reason: "conflict", conflict: "accessFixed" });
      const survey = (await findSurveyBySlug(db(), input.slug))!;
      const started = await startResponse(db(), { survey, language: "en-GB", format: "standard", invitationCode: made.codes[0]!.toLowerCase(), now: open });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      const submitted = await submitResponse(db(), { survey, responseId: started.responseId, context: await answerContext(db()), now: open });
      expect(submitted.ok).toBe(true);
      const again = await startResponse(db(), { survey, language: "en-GB", format: "standard", invitationCode: made.codes[0]!, now: open });
      expect(again).toEqual({ ok: false, reason: "invitation-used" });
      expect((await getSurveyWithCounts(db(), { id, now: open }))?.invitations).toEqual({ total: 3, used: 1 });
      expect((await getSurveyWithCounts(db(), { id, now: open }))?.responses).toEqual({ submitted: 1, started: 0 });

      const closed = new Date("2027-02-01T12:00:00Z");
      expect(await makeInvitations(db(), { id, count: 1, label: "Late", by, now: closed })).toEqual({ ok: false, reason: "conflict", conflict: "invitationsClosed" });
    });

    it("signs the codes just made for download, and refuses a list that was changed, is old, or is another survey's", async () => {
      const id = await created({ access: "invite_only" });
      const other = await created({ access: "invite_only" });
      const made = await makeInvitations(db(), { id, count: 2, label: "Youth club", by, now: NOW });
      if (!made.ok) throw new Error("codes not made");
      const signed = signCodes("secret", id, made.codes, "Youth club", NOW);
      const posted = { codes: signed.codes.join(" "), label: signed.label, madeAt: signed.madeAt, signature: signed.signature };
      expect(verifyCodes(["old", "secret"], id, posted, new Date(NOW.getTime() + 60_000))).toEqual({ codes: made.codes, label: "Youth club" });
      expect(verifyCodes(["secret"], other, posted, NOW)).toBeUndefined();
      expect(verifyCodes(["secret"], id, { ...posted, codes: `${posted.codes} ABCDE-FGHJK` }, NOW)).toBeUndefined();
      expect(verifyCodes(["secret"], id, { ...posted, label: "Changed" }, NOW)).toBeUndefined();
      expect(verifyCodes(["secret"], id, posted, new Date(NOW.getTime() + 31 * 60_000))).toBeUndefined();
      expect(await codesBelongTo(db(), id, made.codes)).toBe(true);
      expect(await codesBelongTo(db(), other, made.codes)).toBe(false);
      expect(codesCsv(made.codes, "=cmd", { code: "Code", label: "Label", link: "Link" }, "https://x/surveys/a")).toBe(
        `Code,Label,Link\r\n${made.codes.map((c) => `${c},'=cmd,https://x/surveys/a`).join("\r\n")}\r\n`,
      );
    });
  });

  describe("duplicating into a new wave", () => {
    it("copies the current definition into a fresh, unlocked draft in the same series, with nothing else", async () => {
      const input = fresh({ access: "invite_only" });
      const id = await created(input);
      // Give the source a richer current version, a window, codes, a response: none of it but the definition travels.
      const definition = { ...starterDefinition(input.title), purpose: en("Last year's purpose") };
      const { addVersion } = await import("./surveys.server");
      await addVersion(db(), id, definition);
      await makeInvitations(db(), { id, count: 2, label: "Old codes", by, now: NOW });
      await scheduleSurvey(db(), { id, form: december, by, now: NOW });
      const open = new Date("2026-12-10T10:00:00Z");
      const source = (await findSurveyBySlug(db(), input.slug))!;
      const codes = await makeInvitations(db(), { id, count: 1, label: "One", by, now: open });
      if (!codes.ok) throw new Error("no code");
      const started = await startResponse(db(), { survey: source, language: "en-GB", format: "standard", invitationCode: codes.codes[0], now: open });
      expect(started.ok).toBe(true);
      expect((await getSurveyWithCounts(db(), { id, now: open }))?.versionLocked).toBe(true);

      const slug = `${input.slug}-2028`;
      const result = await duplicateSurvey(db(), { id, input: { slug, wave: "2028" }, by, now: open });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const copy = await getSurveyWithCounts(db(), { id: result.id, now: open });
      expect(copy).toMatchObject({
        slug,
        wave: "2028",
        series: input.series,
        audience: input.audience,
        access: "invite_only",
        state: "draft",
        opensAt: null,
        closesAt: null,
        duplicatedFrom: id,
        versionNumber: 1,
        versionLocked: false,
        responses: { submitted: 0, started: 0 },
        invitations: { total: 0, used: 0 },
      });
      const copied = await db().selectFrom("survey_version").select("definition").where("survey_id", "=", result.id).executeTakeFirstOrThrow();
      expect(copied.definition).toEqual(definition);
      expect(await audit(result.id)).toEqual([expect.objectContaining({ action: "survey.duplicated", details: expect.objectContaining({ from: id, wave: "2028" }) })]);

      expect(await duplicateSurvey(db(), { id, input: { slug: `${slug}-again`, wave: "2028" }, by, now: open })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { wave: "errors.waveTaken" },
      });
      expect(await duplicateSurvey(db(), { id, input: { slug, wave: "2029" }, by, now: open })).toEqual({ ok: false, reason: "invalid", errors: { slug: "errors.slugTaken" } });
    });
  });

  describe("importing", () => {
    it("creates a draft from a valid definition, and keeps nothing from one with problems", async () => {
      const fields = { ...fresh(), title: undefined };
      const before = (await db().selectFrom("survey").select("id").execute()).length;
      const bad = await importSurvey(db(), { fields, text: '{"title": []}', fileName: "poet.json", by });
      expect(bad).toMatchObject({ ok: false, reason: "problems" });
      expect((await db().selectFrom("survey").select("id").execute()).length).toBe(before);

      const definition = starterDefinition("POET parent carer items");
      const good = await importSurvey(db(), { fields, text: JSON.stringify(definition), fileName: "poet.json", by });
      expect(good.ok).toBe(true);
      if (!good.ok) return;
      expect(await getSurveyWithCounts(db(), { id: good.id, now: NOW })).toMatchObject({ title: "POET parent carer items", state: "draft", slug: fields.slug });
      expect(await audit(good.id)).toEqual([expect.objectContaining({ action: "survey.imported", details: expect.objectContaining({ fileName: "poet.json", questions: 1 }) })]);
      const again = await importSurvey(db(), { fields, text: JSON.stringify(definition), fileName: "poet.json", by });
      expect(again).toEqual({ ok: false, reason: "invalid", errors: { slug: "errors.slugTaken", wave: "errors.waveTaken" } });
    });
  });

  it("lists surveys with their state and counts", async () => {
    const id = await created();
    await scheduleSurvey(db(), { id, form: december, by, now: NOW });
    const list = await listSurveys(db(), { now: new Date("2026-12-01T12:00:00Z") });
    expect(list.find((s) => s.id === id)).toMatchObject({ state: "open", submitted: 0, started: 0 });
    expect(list.every((s) => typeof s.title === "string" && s.title !== "")).toBe(true);
  });
});
