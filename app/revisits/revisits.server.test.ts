import { beforeAll, expect, it } from "vitest";
import { demoAreasOfConcern } from "../../db/seed/demo-area";
import { seedReferenceData } from "../../db/seed/index";
import { describeDb } from "../../tests/setup/database";
import { editSurvey } from "../surveys/builder.server";
import { scheduleSurvey } from "../surveys/lifecycle.server";
import { findSurveyBySlug } from "../surveys/responses.server";
import { SurveyDefinitionSchema } from "../surveys/definition";
import { definitionHash } from "./review.server";
import {
  acceptRecompute,
  createRevisit,
  getRevisit,
  listRevisits,
  recomputeAfterHolidayChange,
  revisitHistory,
  scheduleRevisitSurvey,
  setOverride,
  type NewRevisitInput,
} from "./revisits.server";

// Monday 23 November 2026, 10:00 UK time (GMT).
const NOW = new Date("2026-11-23T10:00:00Z");

const input = (over: Partial<NewRevisitInput> = {}): NewRevisitInput => ({
  title: "Re-visit parents' survey",
  kind: "notified",
  date: "2027-03-15",
  focuses: [4, 6],
  meetingWhen: "6pm, Wednesday 31 March 2027",
  meetingWhere: "Town hall",
  ...over,
});

describeDb("re-visits", ({ db }) => {
  let by: { userId: string; requestId: string };
  let reviewer: string;

  beforeAll(async () => {
    await seedReferenceData(db());
    await db()
      .insertInto("area_of_concern")
      .values(demoAreasOfConcern.map((c) => ({ number: c.number, title: c.title, plain_title: c.plain_title })))
      .execute();
    const officer = await db()
      .insertInto("app_user")
      .values({ email: "revisit-officer@test.local", name: "Officer", role: "officer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pcf = await db()
      .insertInto("app_user")
      .values({ email: "revisit-pcf@test.local", name: "Forum reviewer", role: "pcf_reviewer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: officer.id, requestId: "test" };
    reviewer = pcf.id;
  });

  async function signOff(revisitId: string) {
    const revisit = (await getRevisit(db(), revisitId, NOW))!;
    await db()
      .insertInto("revisit_signoff")
      .values({ revisit_id: revisitId, user_id: reviewer, definition_hash: definitionHash(revisit.survey.definition), at: NOW })
      .execute();
  }

  it("creates a re-visit from the notification date, with its timeline and a draft survey listing the focuses", async () => {
    const result = await createRevisit(db(), { input: input(), by, now: NOW });
    expect(result.ok).toBe(true);
    const revisit = (await getRevisit(db(), result.ok ? result.id : "", NOW))!;
    expect(revisit.timeline.dates).toEqual({
      notified: "2027-03-15",
      evidence: "2027-03-18",
      opens: "2027-03-22",
      closes: "2027-03-30",
      onsite: "2027-03-31",
    });
    expect(revisit.survey.state).toBe("draft");
    expect(revisit.survey.slug).toBe("revisit-parents-2027-03-15");
    const questions = revisit.survey.definition.pages.flatMap((p) => p.questions);
    expect(questions.filter((q) => q.key.startsWith("change_")).map((q) => q.areaOfConcern)).toEqual([4, 6]);
    expect(revisit.review.ready).toBe(false);
    const history = await revisitHistory(db(), revisit.id);
    expect(history.map((h) => h.kind)).toEqual(["created"]);
  });

  it("works back from the first day on site", async () => {
    const result = await createRevisit(db(), { input: input({ kind: "onsite", date: "2027-05-17" }), by, now: NOW });
    if (!result.ok) throw new Error("not created");
    const revisit = (await getRevisit(db(), result.id, NOW))!;
    expect(revisit.notified).toBe("2027-04-30");
    expect(revisit.enteredAs).toBe("onsite");
  });

  it("refuses a weekend, a bank holiday, a past date, too little notice and no focus, saving nothing", async () => {
    const before = await db()
      .selectFrom("revisit")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await createRevisit(db(), { input: input({ date: "2027-03-13" }), by, now: NOW })).toMatchObject({
      ok: false,
      errors: { date: "errors.date.weekend" },
    });
    expect(await createRevisit(db(), { input: input({ date: "2026-12-28" }), by, now: NOW })).toMatchObject({
      ok: false,
      errors: { date: "errors.date.bank-holiday" },
      params: { holiday: "Boxing Day" },
    });
    expect(await createRevisit(db(), { input: input({ date: "2026-11-20" }), by, now: NOW })).toMatchObject({
      ok: false,
      errors: { date: "errors.date.past" },
    });
    expect(await createRevisit(db(), { input: input({ kind: "onsite", date: "2026-11-27" }), by, now: NOW })).toMatchObject({
      ok: false,
      errors: { date: "errors.date.too-soon" },
      params: { opens: "2026-11-20" },
    });
    expect(await createRevisit(db(), { input: input({ date: "2027-06-07", focuses: [] }), by, now: NOW })).toMatchObject({
      ok: false,
      errors: { focuses: "errors.focuses" },
    });
    expect(await createRevisit(db(), { input: input(), by, now: NOW })).toMatchObject({ ok: false, errors: { date: "errors.date.taken" } });
    const after = await db()
      .selectFrom("revisit")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("cannot be scheduled until the forum has signed off; then opens and closes at 12 noon UK time", async () => {
    const created = await createRevisit(db(), { input: input({ date: "2027-10-20" }), by, now: NOW });
    if (!created.ok) throw new Error("not created");
    expect(await scheduleRevisitSurvey(db(), { id: created.id, by, now: NOW })).toEqual({
      ok: false,
      reason: "conflict",
      conflict: "reviewNotDone",
    });
    await signOff(created.id);
    const scheduled = await scheduleRevisitSurvey(db(), { id: created.id, by, now: NOW });
    expect(scheduled).toMatchObject({ ok: true });
    const revisit = (await getRevisit(db(), created.id, NOW))!;
    // Opens in BST, closes in GMT after the clocks go back.
    expect(revisit.survey.opensAt?.toISOString()).toBe("2027-10-27T11:00:00.000Z");
    expect(revisit.survey.closesAt?.toISOString()).toBe("2027-11-02T12:00:00.000Z");
    const survey = await findSurveyBySlug(db(), revisit.survey.slug);
    expect(survey?.status).toBe("scheduled");
    // What the forum signed off is what goes live: the builder will not change it now.
    expect(await editSurvey(db(), { surveyId: revisit.survey.id, now: NOW, by, action: "x", edit: (d) => ({ ok: true, definition: d }) })).toMatchObject({
      ok: false,
      reason: "locked",
      lock: "revisit-scheduled",
    });
    // The survey pages cannot schedule a re-visit survey around its re-visit.
    expect(
      await scheduleSurvey(db(), {
        id: revisit.survey.id,
        form: { opens: { date: "2028-01-04", time: "09:00" }, closes: { date: "2028-01-05", time: "09:00" } },
        by,
        now: NOW,
      })
    ).toEqual({ ok: false, reason: "conflict", conflict: "revisitWindow" });
  });

  it("makes a sign-off stale when the questions change afterwards", async () => {
    const created = await createRevisit(db(), { input: input({ date: "2027-11-08" }), by, now: NOW });
    if (!created.ok) throw new Error("not created");
    await signOff(created.id);
    expect((await getRevisit(db(), created.id, NOW))!.review.ready).toBe(true);
    const revisit = (await getRevisit(db(), created.id, NOW))!;
    const changed = SurveyDefinitionSchema.parse(JSON.parse(JSON.stringify(revisit.survey.definition)));
    changed.pages[0]!.questions[0]!.text[0]!.text = "Has this got better?";
    const survey = await db()
      .selectFrom("survey")
      .select("current_version_id")
      .where("id", "=", revisit.survey.id)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("survey_version")
      .set({ definition: JSON.stringify(changed) })
      .where("id", "=", survey.current_version_id!)
      .execute();
    const after = (await getRevisit(db(), created.id, NOW))!;
    expect(after.review.signoff?.current).toBe(false);
    expect(await scheduleRevisitSurvey(db(), { id: created.id, by, now: NOW })).toEqual({
      ok: false,
      reason: "conflict",
      conflict: "reviewNotDone",
    });
  });

  it("takes an override with a reason, moves a scheduled window with it, and refuses a close before the open", async () => {
    const created = await createRevisit(db(), { input: input({ date: "2027-05-21" }), by, now: NOW });
    if (!created.ok) throw new Error("not created");
    await signOff(created.id);
    await scheduleRevisitSurvey(db(), { id: created.id, by, now: NOW });
    expect(await setOverride(db(), { id: created.id, milestone: "closes", date: "2027-05-27", reason: "", by, now: NOW })).toMatchObject({
      ok: false,
      errors: { reason: "errors.override.reason" },
    });
    expect(
      await setOverride(db(), { id: created.id, milestone: "closes", date: "2027-05-27", reason: "Inspectors asked", by, now: NOW })
    ).toMatchObject({
      ok: false,
      errors: { date: "errors.override.close-before-open" },
    });
    expect(
      await setOverride(db(), { id: created.id, milestone: "closes", date: "2027-06-03", reason: "Inspectors asked", by, now: NOW })
    ).toEqual({ ok: true });
    const revisit = (await getRevisit(db(), created.id, NOW))!;
    expect(revisit.timeline.dates.closes).toBe("2027-06-03");
    expect(revisit.survey.closesAt?.toISOString()).toBe("2027-06-03T11:00:00.000Z");
    expect(revisit.overrides.closes).toMatchObject({ date: "2027-06-03", reason: "Inspectors asked", by: by.userId });
    // Once the survey is open its window is fixed.
    const open = new Date("2027-05-28T11:00:00Z");
    expect(await setOverride(db(), { id: created.id, milestone: "closes", date: "2027-06-04", reason: "Later", by, now: open })).toEqual({
      ok: false,
      reason: "conflict",
      conflict: "surveyStarted",
    });
    expect(
      await setOverride(db(), { id: created.id, milestone: "onsite", date: "2027-06-08", reason: "Inspectors' diary", by, now: open })
    ).toEqual({ ok: true });
  });

  it("follows a new bank holiday, or flags the re-visit when a moved date was set by hand", async () => {
    const follows = await createRevisit(db(), { input: input({ date: "2027-09-06" }), by, now: NOW });
    const flagged = await createRevisit(db(), { input: input({ date: "2027-09-07" }), by, now: NOW });
    if (!follows.ok || !flagged.ok) throw new Error("not created");
    await setOverride(db(), { id: flagged.id, milestone: "closes", date: "2027-09-20", reason: "Agreed with inspectors", by, now: NOW });
    // A one-off bank holiday proclaimed on Monday 13 September 2027.
    await db().insertInto("bank_holiday").values({ date: "2027-09-13", title: "Special bank holiday" }).execute();
    const summary = await recomputeAfterHolidayChange(db(), { by, now: NOW });
    expect(summary.updated).toContain(follows.id);
    expect(summary.flagged).toContain(flagged.id);
    const moved = (await getRevisit(db(), follows.id, NOW))!;
    // Was Monday 13 (day −5): now Tuesday 14.
    expect(moved.timeline.dates.opens).toBe("2027-09-14");
    expect(moved.flag).toBeNull();
    const held = (await getRevisit(db(), flagged.id, NOW))!;
    expect(held.flag).toContain("2027-09-14");
    expect(held.timeline.dates.closes).toBe("2027-09-20");
    expect(await acceptRecompute(db(), { id: flagged.id, by, now: NOW })).toEqual({ ok: true });
    const accepted = (await getRevisit(db(), flagged.id, NOW))!;
    expect(accepted.flag).toBeNull();
    expect(accepted.timeline.computed.opens).toBe("2027-09-15");
    expect(accepted.timeline.dates.closes).toBe("2027-09-20");
    const list = await listRevisits(db(), NOW);
    expect(list.find((r) => r.id === follows.id)?.onsite).toBe(moved.timeline.dates.onsite);
  });

  it("answers not found for an unknown or malformed id", async () => {
    expect(await getRevisit(db(), "not-a-uuid", NOW)).toBeUndefined();
    expect(
      await setOverride(db(), {
        id: "00000000-0000-4000-8000-000000000000",
        milestone: "opens",
        date: "2027-01-05",
        reason: "x",
        by,
        now: NOW,
      })
    ).toEqual({ ok: false, reason: "not-found" });
  });
});
