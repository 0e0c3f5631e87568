import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { getTaskInGroup, getWorkingGroupProgress, listWorkingGroupsFor, listWorkingGroupsWithProgress, recordTaskUpdate } from "./working-groups.server";

const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("working groups' progress", ({ db }) => {
  let engagementId = 0;
  let strategyId = 0;
  let outcomesId = 0;
  let officerId = "";
  let memberId = "";

  beforeAll(async () => {
    await seedDemoArea(db());
    const groups = await db().selectFrom("working_group").select(["id", "slug"]).execute();
    engagementId = groups.find((g) => g.slug === "engagement")!.id;
    strategyId = groups.find((g) => g.slug === "strategy")!.id;
    outcomesId = groups.find((g) => g.slug === "improving-outcomes")!.id;
    const users = await db()
      .insertInto("app_user")
      .values([
        { email: "wg-officer@test.local", name: "Officer", role: "officer", password_hash: null },
        { email: "wg-member@test.local", name: "Member", role: "group_member", password_hash: null },
      ])
      .returning(["id", "role"])
      .execute();
    officerId = users.find((u) => u.role === "officer")!.id;
    memberId = users.find((u) => u.role === "group_member")!.id;
  });

  const task = async (code: string) => db().selectFrom("task").select(["id", "code", "rag", "outcome", "updated_at"]).where("code", "=", code).executeTakeFirstOrThrow();
  const member = () => ({ id: memberId, role: "group_member", workingGroupIds: [engagementId], requestId: "req-member" });

  it("lists the five groups with their actions and tasks counted by RAG", async () => {
    const groups = await listWorkingGroupsWithProgress(db());
    expect(groups.map((g) => g.slug)).toEqual(["strategy", "commissioning-and-access-to-provision", "engagement", "identifying-and-meeting-need", "improving-outcomes"]);
    const engagement = groups.find((g) => g.slug === "engagement")!;
    // Actions H (five tasks, all complete) and I (two tasks on track) in the demo plan.
    expect(engagement).toMatchObject({ name: "Engagement", lead_role: "SEND Reforms Manager", actionCount: 2, taskCount: 7 });
    expect(engagement.rag).toEqual([
      { rag: "green", count: 2 },
      { rag: "blue", count: 5 },
    ]);
    // Action C belongs to Strategy and to Improving Outcomes: both count it.
    const actionsOf = async (groupId: number) => (await db().selectFrom("action_working_group").select("action_id").where("working_group_id", "=", groupId).execute()).length;
    expect(groups.find((g) => g.slug === "strategy")!.actionCount).toBe(await actionsOf(strategyId));
    expect(groups.find((g) => g.slug === "improving-outcomes")!.actionCount).toBe(await actionsOf(outcomesId));
  });

  it("shows one group's actions and tasks in plan order, and nothing for a slug that is not a group", async () => {
    const group = await getWorkingGroupProgress(db(), "engagement");
    expect(group?.actions.map((a) => a.letter)).toEqual(["H", "I"]);
    expect(group?.actions[0]!.tasks.map((t) => t.code)).toEqual(["H1", "H2", "H3", "H4", "H5"]);
    expect(group?.actions[1]!.tasks[0]).toMatchObject({ code: "I1", rag: "green", due_text: "Sept 2018", updates: [] });
    expect(await getWorkingGroupProgress(db(), "no-such-group")).toBeUndefined();
    expect(await getWorkingGroupProgress(db(), "../../etc")).toBeUndefined();
  });

  it("records an update: the task's RAG, outcome and updated_at follow it in the same transaction, with an audit entry", async () => {
    const i1 = await task("I1");
    const result = await recordTaskUpdate(db(), {
      taskId: i1.id,
      update: { date: "2026-11-20", rag: "amber", outcome: "The rebuilt local offer is late: testing with families moved to January.", evidenceUrl: "https://www.example.org/minutes" },
      by: member(),
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, current: true, rag: "amber" });
    const after = await task("I1");
    expect(after).toMatchObject({ rag: "amber", outcome: "The rebuilt local offer is late: testing with families moved to January." });
    expect(after.updated_at).toEqual(NOW);

    const stored = await db().selectFrom("task_update").selectAll().where("task_id", "=", i1.id).execute();
    expect(stored).toEqual([
      expect.objectContaining({ at: "2026-11-20", rag: "amber", evidence_url: "https://www.example.org/minutes", created_by: memberId }),
    ]);
    const audit = await db().selectFrom("audit_log").select(["user_id", "action", "subject_type", "subject_id", "details", "request_id"]).where("action", "=", "task.progress-recorded").execute();
    expect(audit).toEqual([
      {
        user_id: memberId,
        action: "task.progress-recorded",
        subject_type: "task",
        subject_id: String(i1.id),
        request_id: "req-member",
        details: expect.objectContaining({ code: "I1", date: "2026-11-20", rag: "amber", current: true, changes: expect.objectContaining({ rag: { from: "green", to: "amber" } }) }),
      },
    ]);
  });

  it("shows the history newest first on the group's page", async () => {
    const i1 = await task("I1");
    await recordTaskUpdate(db(), { taskId: i1.id, update: { date: "2026-11-22", rag: "green", outcome: "Back on track.", evidenceUrl: null }, by: member(), now: NOW });
    const group = await getWorkingGroupProgress(db(), "engagement");
    const shown = group!.actions[1]!.tasks.find((t) => t.code === "I1")!;
    expect(shown.rag).toBe("green");
    expect(shown.updates.map((u) => [u.at, u.rag, u.outcome])).toEqual([
      ["2026-11-22", "green", "Back on track."],
      ["2026-11-20", "amber", "The rebuilt local offer is late: testing with families moved to January."],
    ]);
    // The public page never learns who recorded an update.
    expect(Object.keys(shown.updates[0]!)).toEqual(["id", "at", "rag", "outcome", "evidence_url"]);
  });

  it("keeps an older update in the history without moving the task's current position", async () => {
    const i1 = await task("I1");
    const result = await recordTaskUpdate(db(), { taskId: i1.id, update: { date: "2026-10-01", rag: "red", outcome: "October: stalled.", evidenceUrl: null }, by: member(), now: NOW });
    expect(result).toMatchObject({ ok: true, current: false, rag: "green" });
    expect(await task("I1")).toMatchObject({ rag: "green", outcome: "Back on track." });
    const group = await getWorkingGroupProgress(db(), "engagement");
    expect(group!.actions[1]!.tasks[0]!.updates.map((u) => u.at)).toEqual(["2026-11-22", "2026-11-20", "2026-10-01"]);
  });

  it("orders two updates of the same day as they were recorded, the later one setting the task", async () => {
    const h4 = await task("H4");
    for (const outcome of ["Morning: survey closed.", "Afternoon: findings published."]) {
      await recordTaskUpdate(db(), { taskId: h4.id, update: { date: "2026-11-23", rag: "blue", outcome, evidenceUrl: null }, by: member(), now: NOW });
    }
    const group = await getWorkingGroupProgress(db(), "engagement");
    expect(group!.actions[0]!.tasks.find((t) => t.code === "H4")!.updates.map((u) => u.outcome)).toEqual(["Afternoon: findings published.", "Morning: survey closed."]);
    expect((await task("H4")).outcome).toBe("Afternoon: findings published.");
  });

  it("refuses a group member on another group's task, and anyone who is not staff for progress; records nothing", async () => {
    const a1 = await task("A1");
    const count = async () => (await db().selectFrom("task_update").select("id").execute()).length;
    const before = await count();
    const update = { date: "2026-11-20", rag: "red" as const, outcome: "Not mine.", evidenceUrl: null };
    expect(await recordTaskUpdate(db(), { taskId: a1.id, update, by: member(), now: NOW })).toEqual({ ok: false, reason: "forbidden" });
    expect(await recordTaskUpdate(db(), { taskId: a1.id, update, by: { id: officerId, role: "pcf_reviewer", workingGroupIds: [] }, now: NOW })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await recordTaskUpdate(db(), { taskId: 999999, update, by: member(), now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await count()).toBe(before);
    expect((await task("A1")).rag).toBe(a1.rag);
    // An officer may record on any group's task.
    expect(await recordTaskUpdate(db(), { taskId: a1.id, update, by: { id: officerId, role: "officer", workingGroupIds: [] }, now: NOW })).toMatchObject({ ok: true });
  });

  it("lets a member of either group record on an action two groups share", async () => {
    const c = await db().selectFrom("task").select(["id", "code"]).where("code", "like", "C%").orderBy("code").executeTakeFirstOrThrow();
    const outcomesMember = { id: memberId, role: "group_member", workingGroupIds: [outcomesId] };
    const result = await recordTaskUpdate(db(), { taskId: c.id, update: { date: "2026-11-21", rag: "green", outcome: "Shared action.", evidenceUrl: null }, by: outcomesMember, now: NOW });
    expect(result).toMatchObject({ ok: true });
    const found = await getTaskInGroup(db(), { slug: "strategy", code: c.code });
    expect(found?.groupIds.sort()).toEqual([strategyId, outcomesId].sort());
  });

  it("finds a task only under a group its action belongs to", async () => {
    expect(await getTaskInGroup(db(), { slug: "engagement", code: "H5" })).toMatchObject({ code: "H5", action_letter: "H", group_slug: "engagement", groupIds: [engagementId] });
    expect(await getTaskInGroup(db(), { slug: "engagement", code: "h5" })).toMatchObject({ code: "H5" });
    expect(await getTaskInGroup(db(), { slug: "strategy", code: "H5" })).toBeUndefined();
    expect(await getTaskInGroup(db(), { slug: "engagement", code: "H99" })).toBeUndefined();
    expect(await getTaskInGroup(db(), { slug: "engagement", code: "'; drop table task; --" })).toBeUndefined();
  });

  it("shows staff the groups they work on: all for officers, a member's own only", async () => {
    expect((await listWorkingGroupsFor(db(), { role: "officer", workingGroupIds: [] })).map((g) => g.slug)).toHaveLength(5);
    expect((await listWorkingGroupsFor(db(), { role: "group_member", workingGroupIds: [engagementId] })).map((g) => g.slug)).toEqual(["engagement"]);
    expect(await listWorkingGroupsFor(db(), { role: "group_member", workingGroupIds: [] })).toEqual([]);
    expect(await listWorkingGroupsFor(db(), { role: "provider", workingGroupIds: [engagementId] })).toEqual([]);
  });

  it("refuses a stored evidence link that is not http(s), whatever the code above it does", async () => {
    const i2 = await task("I2");
    await expect(
      db().insertInto("task_update").values({ task_id: i2.id, at: "2026-11-20", rag: "green", outcome: "x", evidence_url: "javascript:alert(1)" }).execute(),
    ).rejects.toThrow();
  });
});
