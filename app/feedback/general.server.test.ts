import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { REFERENCE_PATTERN } from "./reference";
import { getGeneralFeedback, listGeneralFeedback, lookUpProgress, sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";
import { FEEDBACK_LIMIT } from "./page-feedback.server";

describeDb("feedback sent at /feedback", ({ db }) => {
  // Monday 21 December 2026: Christmas Day and the substitute Boxing Day (Monday 28th) fall in the next 20 working days.
  const now = new Date("2026-12-21T10:00:00Z");
  let ipCounter = 0;
  const ip = () => `198.51.100.${++ipCounter}`;
  const standard = (over: Partial<GeneralFeedbackInput> = {}): GeneralFeedbackInput =>
    ({
      format: "standard",
      respondent: "parent_carer",
      district: "burnley",
      topic: "education",
      body: "The school did not read the plan.",
      email: "",
      consent: false,
      ...over,
    } as GeneralFeedbackInput);
  const send = (input: GeneralFeedbackInput, clientIp = ip()) =>
    sendGeneralFeedback(db(), { input, clientIp, baseUrl: "https://portal.example", now });

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
  });

  const row = (reference: string) =>
    db().selectFrom("feedback_item").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();

  it("stores who wrote, where and what about, with a response due in 20 working days, bank holidays skipped", async () => {
    const result = await send(standard());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reference).toMatch(REFERENCE_PATTERN);
    const item = await row(result.reference);
    expect(item).toMatchObject({
      source: "general",
      respondent: "parent_carer",
      topic: "education",
      format: "standard",
      status: "received",
      contact_email: null,
      contact_consent_at: null,
    });
    expect(item.district_id).not.toBeNull();
    // 20 working days from Monday 21 December 2026, without 25 and 28 December and 1 January: Thursday 21 January 2027.
    expect(String(item.target_date).slice(0, 10)).toBe("2027-01-21");
    expect(await db().selectFrom("outbox").select("id").where("kind", "=", "feedback.received").execute()).toHaveLength(0);
  });

  it("keeps an address only with consent, and sends the reference there without what was written", async () => {
    const result = await send(standard({ email: "sam@example.org", consent: true, body: "Private words about my son" }));
    if (!result.ok) throw new Error("not sent");
    const item = await row(result.reference);
    expect(item.contact_email).toBe("sam@example.org");
    expect(item.contact_consent_at).not.toBeNull();
    const mail = await db().selectFrom("outbox").selectAll().where("kind", "=", "feedback.received").executeTakeFirstOrThrow();
    expect(mail.to_address).toBe("sam@example.org");
    expect(JSON.stringify(mail)).toContain(`https://portal.example/feedback/${result.reference}`);
    expect(JSON.stringify(mail)).not.toContain("Private words");
  });

  it("stores an easy-read face with or without words", async () => {
    const result = await send({ format: "easy_read", respondent: "young_person", face: "1", body: "", email: "", consent: false });
    if (!result.ok) throw new Error("not sent");
    expect(await row(result.reference)).toMatchObject({ format: "easy_read", face: 1, body: "", topic: null, district_id: null });
  });

  it("flags words that suggest harm for the safeguarding lead, and keeps the item out of the officers' inbox", async () => {
    const result = await send(standard({ body: "My daughter says she wants to die" }));
    if (!result.ok) throw new Error("not sent");
    const item = await row(result.reference);
    const flag = await db().selectFrom("safeguarding_flag").selectAll().where("feedback_item_id", "=", item.id).executeTakeFirst();
    expect(flag?.raised_by).toBe("auto");
    expect(await getGeneralFeedback(db(), item.id)).toBeUndefined();
    const inbox = await listGeneralFeedback(db(), { today: "2026-12-21", limit: 100, offset: 0 });
    expect(inbox.rows.map((r) => r.reference)).not.toContain(result.reference);
    // The family's reference page still works, and says nothing about a flag.
    const progress = await lookUpProgress(db(), { reference: result.reference, clientIp: ip(), now });
    expect(progress.ok && progress.progress?.step).toBe("received");
  });

  it("refuses more than the rate limit from one address, storing nothing", async () => {
    const address = ip();
    for (let i = 0; i < FEEDBACK_LIMIT; i++) expect((await send(standard(), address)).ok).toBe(true);
    const before = await db()
      .selectFrom("feedback_item")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const refused = await send(standard(), address);
    expect(refused.ok).toBe(false);
    const after = await db()
      .selectFrom("feedback_item")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("shows a family where their item is, and nothing about them; an unknown reference is simply not found", async () => {
    const result = await send(standard({ email: "ali@example.org", consent: true }));
    if (!result.ok) throw new Error("not sent");
    const progress = await lookUpProgress(db(), { reference: result.reference, clientIp: ip(), now });
    expect(progress).toEqual({
      ok: true,
      progress: {
        reference: result.reference,
        receivedOn: "2026-12-21",
        step: "received",
        targetDate: "2027-01-21",
        workingGroup: null,
        format: "standard",
      },
    });
    expect(await lookUpProgress(db(), { reference: "FB-2222-3333", clientIp: ip(), now })).toEqual({ ok: true, progress: undefined });
  });

  it("names the working group once the item is with one", async () => {
    const result = await send(standard());
    if (!result.ok) throw new Error("not sent");
    const group = await db().selectFrom("working_group").select(["id", "name"]).where("slug", "=", "engagement").executeTakeFirstOrThrow();
    await db()
      .updateTable("feedback_item")
      .set({ status: "with_group", working_group_id: group.id })
      .where("reference", "=", result.reference)
      .execute();
    const progress = await lookUpProgress(db(), { reference: result.reference, clientIp: ip(), now });
    expect(progress.ok && progress.progress).toMatchObject({ step: "with_group", workingGroup: group.name });
  });

  it("limits lookups from one address, so references cannot be guessed", async () => {
    const address = ip();
    let last;
    for (let i = 0; i <= 30; i++) last = await lookUpProgress(db(), { reference: "FB-2222-3333", clientIp: address, now });
    expect(last?.ok).toBe(false);
  });

  it("lists overdue items for officers: past their date and not yet answered", async () => {
    const late = await sendGeneralFeedback(db(), {
      input: standard({ body: "Overdue one" }),
      clientIp: ip(),
      baseUrl: "",
      now: new Date("2026-10-01T09:00:00Z"),
    });
    if (!late.ok) throw new Error("not sent");
    const overdue = await listGeneralFeedback(db(), { overdueOnly: true, today: "2026-12-21", limit: 100, offset: 0 });
    expect(overdue.rows.map((r) => r.reference)).toEqual([late.reference]);
    expect(overdue.rows[0]).toMatchObject({ overdue: true, body: "Overdue one" });
  });
});
