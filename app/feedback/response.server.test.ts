import { beforeAll, expect, it } from "vitest";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { recordTaskUpdate } from "../working-groups/working-groups.server";
import { lookUpProgress, sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";
import { approveResponse, getApprovedResponse, getResponse, writeResponse } from "./response.server";
import { assignGroup, getTriageItem, setLinks } from "./triage.server";

describeDb("closing the loop", ({ db }) => {
  const now = new Date("2026-11-23T10:00:00Z");
  const origin = "https://portal.example";
  let officer: { userId: string; requestId: string };
  let lead: { userId: string; requestId: string };
  let member: { userId: string; requestId: string };
  let engagement: number;
  let ipCounter = 0;

  async function user(email: string, role: "officer" | "group_member", isLead = false) {
    const row = await db()
      .insertInto("app_user")
      .values({ email, name: email.split("@")[0]!, role, password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (role === "group_member")
      await db().insertInto("user_working_group").values({ user_id: row.id, working_group_id: engagement, is_lead: isLead }).execute();
    return { userId: row.id, requestId: "test" };
  }

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    engagement = (await db().selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirstOrThrow()).id;
    officer = await user("officer@example.org", "officer");
    lead = await user("lead@example.org", "group_member", true);
    member = await user("member@example.org", "group_member");
  });

  async function send(over: Partial<GeneralFeedbackInput> = {}) {
    const input = {
      format: "standard",
      respondent: "parent_carer",
      district: "",
      topic: undefined,
      body: "Nobody told us about the short breaks",
      email: "",
      consent: false,
      ...over,
    } as GeneralFeedbackInput;
    const result = await sendGeneralFeedback(db(), { input, clientIp: `198.51.100.${++ipCounter}`, baseUrl: origin, now });
    if (!result.ok) throw new Error("not sent");
    const { id } = await db().selectFrom("feedback_item").select("id").where("reference", "=", result.reference).executeTakeFirstOrThrow();
    return { id, reference: result.reference };
  }

  const answer = { outcome: "will_do", plain: "We will list every short break on the local offer by March.", easyRead: "", reason: "" };

  it("waits for a lead of the group: the family sees nothing until it is approved, then reads it and is emailed", async () => {
    const { id, reference } = await send({ email: "parent@example.net", consent: true });
    expect(await writeResponse(db(), { id, input: answer, by: member, now, origin })).toMatchObject({
      ok: false,
      errors: { form: "response.errors.noGroup" },
    });
    await assignGroup(db(), { id, groupId: engagement, by: officer, now, origin });
    expect(await writeResponse(db(), { id, input: answer, by: member, now, origin })).toEqual({ ok: true });
    // The lead is asked, with a link and not the words.
    const ask = await db().selectFrom("outbox").selectAll().where("kind", "=", "feedback.response-to-approve").execute();
    expect(ask.map((m) => m.to_address)).toEqual(["lead@example.org"]);
    expect(ask[0]!.body_text).not.toContain("short break");
    expect(await getApprovedResponse(db(), reference)).toBeUndefined();
    expect(
      await db()
        .selectFrom("outbox")
        .select("id")
        .where("to_address", "=", "parent@example.net")
        .where("kind", "=", "feedback.response")
        .execute(),
    ).toEqual([]);

    // Someone who is not a lead cannot approve it; the officer cannot either.
    expect(await approveResponse(db(), { id, by: member, now, origin })).toEqual({ ok: false, reason: "forbidden" });
    expect(await approveResponse(db(), { id, by: officer, now, origin })).toEqual({ ok: false, reason: "forbidden" });

    expect(await approveResponse(db(), { id, by: lead, now, origin })).toEqual({ ok: true });
    expect(await getApprovedResponse(db(), reference)).toMatchObject({ outcome: "will_do", plain: answer.plain });
    const progress = await lookUpProgress(db(), { reference, clientIp: "192.0.2.1", now });
    expect(progress).toMatchObject({ ok: true, progress: { step: "responded" } });
    const mail = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "parent@example.net")
      .where("kind", "=", "feedback.response")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain(answer.plain);
    expect(mail[0]!.body_text).toContain(`${origin}/feedback/${reference}`);

    // Once the family has it, it cannot be rewritten or approved again.
    expect(await writeResponse(db(), { id, input: { ...answer, plain: "Changed" }, by: member, now, origin })).toMatchObject({
      errors: { form: "response.errors.alreadySent" },
    });
    expect(await approveResponse(db(), { id, by: lead, now, origin })).toMatchObject({ errors: { form: "response.errors.alreadySent" } });
    const view = await getTriageItem(db(), id, { role: "officer", workingGroupIds: [] });
    expect(view?.history.map((e) => e.kind).sort()).toEqual(["assigned", "response_approved", "response_written"]);
  });

  it('asks for easy read when the feedback came in easy read, and a reason for "we can\'t"; a family without consent is not emailed', async () => {
    const { id, reference } = await send({
      format: "easy_read",
      respondent: "young_person",
      body: "the bus is late",
      face: "2",
    } as Partial<GeneralFeedbackInput>);
    await assignGroup(db(), { id, groupId: engagement, by: officer, now, origin });
    expect(await writeResponse(db(), { id, input: { ...answer, outcome: "cannot_do" }, by: member, now, origin })).toMatchObject({
      errors: { easyRead: "response.errors.easyReadMissing", whyNot: "response.errors.reasonMissing" },
    });
    expect(await getResponse(db(), id)).toBeUndefined();
    const easy = {
      outcome: "cannot_do",
      plain: "School buses are run by the county.",
      easyRead: "We do not run the buses.",
      reason: "The county council runs school buses.",
    };
    expect(await writeResponse(db(), { id, input: easy, by: lead, now, origin })).toEqual({ ok: true });
    expect(await approveResponse(db(), { id, by: lead, now, origin })).toEqual({ ok: true });
    expect(await getApprovedResponse(db(), reference)).toMatchObject({ easy_read: "We do not run the buses.", reason: easy.reason });
    expect(await db().selectFrom("outbox").select("id").where("kind", "=", "feedback.response").execute()).toHaveLength(1);
  });

  it("tells families who agreed to contact when a task linked to their feedback changes, and nobody else", async () => {
    const told = await send({ email: "told@example.net", consent: true });
    const quiet = await send();
    const task = await db()
      .selectFrom("task")
      .innerJoin("action_working_group", "action_working_group.action_id", "task.action_id")
      .select(["task.id", "task.code", "task.rag", "task.outcome"])
      .where("action_working_group.working_group_id", "=", engagement)
      .orderBy("task.code")
      .executeTakeFirstOrThrow();
    for (const item of [told, quiet]) {
      await assignGroup(db(), { id: item.id, groupId: engagement, by: officer, now, origin });
      expect(await setLinks(db(), { id: item.id, concernIds: [], taskIds: [task.id], themes: "", by: officer, now })).toEqual({ ok: true });
    }
    expect(await setLinks(db(), { id: quiet.id, concernIds: [], taskIds: [999_999], themes: "", by: officer, now })).toMatchObject({
      errors: { tasks: "triage.errors.taskUnknown" },
    });
    const rag = task.rag === "green" ? "amber" : "green";
    const result = await recordTaskUpdate(db(), {
      taskId: task.id,
      update: { date: "2026-11-23", rag, outcome: "Short breaks are now listed by district.", evidenceUrl: null },
      by: { id: lead.userId, role: "group_member", workingGroupIds: [engagement] },
      now,
      origin,
    });
    expect(result).toMatchObject({ ok: true, current: true });
    const mail = await db().selectFrom("outbox").selectAll().where("kind", "=", "feedback.task-changed").execute();
    expect(mail.map((m) => m.to_address)).toEqual(["told@example.net"]);
    expect(mail[0]!.body_text).toContain(task.code);
    expect(mail[0]!.body_text).toContain("Short breaks are now listed by district.");
    expect(mail[0]!.body_text).toContain(`${origin}/working-groups/engagement`);
    // An older update that does not move the task tells nobody.
    await recordTaskUpdate(db(), {
      taskId: task.id,
      update: { date: "2026-10-01", rag: "red", outcome: "Older news.", evidenceUrl: null },
      by: { id: lead.userId, role: "group_member", workingGroupIds: [engagement] },
      now,
      origin,
    });
    expect(await db().selectFrom("outbox").select("id").where("kind", "=", "feedback.task-changed").execute()).toHaveLength(1);
  });
});
