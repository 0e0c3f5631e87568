import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import {
  createTask,
  getAction,
  getAreaOfConcern,
  getTask,
  listActions,
  listAreasOfConcern,
  nextTaskCode,
  updateAction,
  updateAreaOfConcern,
  updateTask,
} from "./plan.server";
import type { NewTaskInput, TaskInput } from "./schemas";

const now = new Date("2027-01-15T10:00:00Z");

describeDb("the improvement plan: areas of concern, actions and tasks", ({ db }) => {
  let by: { userId: string; requestId: string };

  beforeAll(async () => {
    await seedDemoArea(db());
    const user = await db()
      .insertInto("app_user")
      .values({ email: "plan-admin@test.local", name: "Plan admin", role: "admin", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "req-plan" };
  });

  const actionId = async (letter: string) => (await db().selectFrom("action").select("id").where("letter", "=", letter).executeTakeFirstOrThrow()).id;
  const taskId = async (code: string) => (await db().selectFrom("task").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const groupId = async (slug: string) => (await db().selectFrom("working_group").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const concernId = async (number: number) =>
    (await db().selectFrom("area_of_concern").select("id").where("number", "=", number).executeTakeFirstOrThrow()).id;
  const audit = (subjectType: string, subjectId: number) =>
    db()
      .selectFrom("audit_log")
      .select(["action", "details", "user_id", "request_id"])
      .where("subject_type", "=", subjectType)
      .where("subject_id", "=", String(subjectId))
      .orderBy("id")
      .execute();

  it("lists the twelve areas of concern and the actions A to L with their groups, areas and tasks", async () => {
    const concerns = await listAreasOfConcern(db());
    expect(concerns.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

    const actions = await listActions(db());
    expect(actions.map((a) => a.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]);
    const c = actions.find((a) => a.letter === "C")!;
    expect(c.workingGroups.map((g) => g.name)).toEqual(["Strategy", "Improving Outcomes"]);
    const h = actions.find((a) => a.letter === "H")!;
    expect(h.tasks.map((t) => t.code)).toEqual(["H1", "H2", "H3", "H4", "H5"]);
    expect(h.areasOfConcern.length).toBeGreaterThan(0);
    expect(typeof h.tasks[0]!.due_date === "string" || h.tasks[0]!.due_date === null).toBe(true);
  });

  it("suggests the next task code for an action", async () => {
    expect(nextTaskCode("H", ["H1", "H2", "H10", "HX", "A99"])).toBe("H11");
    expect(nextTaskCode("Z", [])).toBe("Z1");
    expect((await getAction(db(), await actionId("H")))?.nextTaskCode).toBe("H6");
  });

  it("finds nothing for ids that are not there", async () => {
    for (const id of ["999999", "0", "abc", "", "12abc"]) {
      expect(await getAction(db(), id)).toBeUndefined();
      expect(await getTask(db(), id)).toBeUndefined();
      expect(await getAreaOfConcern(db(), id)).toBeUndefined();
    }
  });

  it("changes an area of concern's titles and records what changed", async () => {
    const id = await concernId(12);
    const before = (await getAreaOfConcern(db(), id))!;
    const result = await updateAreaOfConcern(db(), { id, concern: { title: before.title, plainTitle: "The local offer was hard to use" }, by });
    expect(result).toEqual({
      ok: true,
      changes: { plainTitle: { from: "The local offer was hard to use and missing information", to: "The local offer was hard to use" } },
    });
    expect((await getAreaOfConcern(db(), id))?.plain_title).toBe("The local offer was hard to use");
    expect(await updateAreaOfConcern(db(), { id, concern: { title: before.title, plainTitle: "The local offer was hard to use" }, by })).toEqual({
      ok: true,
      changes: {},
    });
    expect(await audit("area_of_concern", id)).toEqual([
      { action: "area-of-concern.updated", details: result.ok ? result.changes : {}, user_id: by.userId, request_id: "req-plan" },
    ]);
    expect(await updateAreaOfConcern(db(), { id: 999999, concern: { title: "x", plainTitle: "y" }, by })).toEqual({ ok: false, reason: "not-found" });
  });

  it("changes an action's groups and areas of concern, naming them in the audit log", async () => {
    const id = await actionId("J");
    const action = (await getAction(db(), id))!;
    const strategy = await groupId("strategy");
    const groups = [...action.workingGroupIds, strategy].sort((a, b) => a - b);
    const result = await updateAction(db(), {
      id,
      action: {
        title: action.title,
        leadRole: action.lead_role,
        successMeasures: "Fewer complaints\nFaster plans",
        workingGroupIds: groups,
        areaOfConcernIds: [await concernId(5)],
      },
      by,
    });
    if (!result.ok) throw new Error("expected the action to be saved");
    expect(result.changes.workingGroups).toEqual({ from: ["Identifying and Meeting Need"], to: ["Strategy", "Identifying and Meeting Need"] });
    expect(result.changes.successMeasures).toEqual({ from: action.success_measures, to: "Fewer complaints\nFaster plans" });
    expect(result.changes.title).toBeUndefined();

    const after = (await getAction(db(), id))!;
    expect(after.workingGroupIds).toEqual(groups);
    expect(after.areaOfConcernIds).toEqual([await concernId(5)]);
    expect(after.success_measures).toBe("Fewer complaints\nFaster plans");
    const entries = await audit("action", id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "action.updated", details: { letter: "J", workingGroups: result.changes.workingGroups } });
  });

  it("refuses an action with no working group, no area of concern or ones that are not there, changing nothing", async () => {
    const id = await actionId("K");
    const before = (await getAction(db(), id))!;
    const input = {
      title: "Changed title",
      leadRole: before.lead_role,
      successMeasures: before.success_measures,
      workingGroupIds: before.workingGroupIds,
      areaOfConcernIds: before.areaOfConcernIds,
    };
    expect(await updateAction(db(), { id, action: { ...input, workingGroupIds: [], areaOfConcernIds: [999999] }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { workingGroupIds: "action.errors.workingGroupsRequired", areaOfConcernIds: "action.errors.areasOfConcernRequired" },
    });
    expect(await updateAction(db(), { id, action: { ...input, workingGroupIds: [...before.workingGroupIds, 999999] }, by })).toMatchObject({
      ok: false,
      errors: { workingGroupIds: "action.errors.workingGroupsRequired" },
    });
    expect(await getAction(db(), id)).toEqual(before);
    expect(await audit("action", id)).toEqual([]);
    expect(await updateAction(db(), { id: 999999, action: input, by })).toEqual({ ok: false, reason: "not-found" });
  });

  it("changes a task's RAG rating and due date, and its updated time", async () => {
    const id = await taskId("L9");
    const task = (await getTask(db(), id))!;
    expect(task).toMatchObject({ code: "L9", action_letter: "L" });
    const input: TaskInput = {
      description: task.description,
      leadRole: task.lead_role,
      dueText: "March 2027",
      dueDate: "2027-03-31",
      outcome: task.outcome,
      rag: "amber",
    };
    const result = await updateTask(db(), { id, task: input, by, now });
    if (!result.ok) throw new Error("expected the task to be saved");
    expect(result.changes).toEqual({
      dueText: { from: task.due_text, to: "March 2027" },
      dueDate: { from: task.due_date, to: "2027-03-31" },
      rag: { from: task.rag, to: "amber" },
    });
    const row = await db().selectFrom("task").select(["rag", "due_date", "updated_at"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.rag).toBe("amber");
    expect(row.due_date).toBe("2027-03-31");
    expect(new Date(row.updated_at as unknown as string).toISOString()).toBe(now.toISOString());
    expect((await audit("task", id))[0]).toMatchObject({ action: "task.updated", details: { code: "L9", rag: { from: task.rag, to: "amber" } } });

    expect(await updateTask(db(), { id, task: { ...input, dueDate: null }, by, now })).toEqual({
      ok: true,
      changes: { dueDate: { from: "2027-03-31", to: null } },
    });
    expect(await updateTask(db(), { id: 999999, task: input, by, now })).toEqual({ ok: false, reason: "not-found" });
  });

  it("adds a task to an action with a new code; refuses a code in use or with another action's letter", async () => {
    const id = await actionId("H");
    const task: NewTaskInput = {
      code: "H6",
      description: "Run a test task",
      leadRole: "SEND Reforms Manager",
      dueText: "June 2027",
      dueDate: "2027-06-30",
      outcome: "",
      rag: "not_started",
    };
    const result = await createTask(db(), { actionId: id, task, by });
    if (!result.ok) throw new Error("expected the task to be added");
    const action = (await getAction(db(), id))!;
    expect(action.tasks.map((t) => t.code)).toEqual(["H1", "H2", "H3", "H4", "H5", "H6"]);
    expect(action.nextTaskCode).toBe("H7");
    expect(await audit("task", result.id)).toMatchObject([
      { action: "task.created", details: { code: "H6", action: "H", description: "Run a test task", dueDate: "2027-06-30", rag: "not_started" } },
    ]);

    expect(await createTask(db(), { actionId: id, task, by })).toEqual({ ok: false, reason: "invalid", errors: { code: "task.errors.codeTaken" } });
    expect(await createTask(db(), { actionId: id, task: { ...task, code: "A7" }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { code: "task.errors.codeLetter" },
    });
    expect(await createTask(db(), { actionId: 999999, task: { ...task, code: "H8" }, by })).toEqual({ ok: false, reason: "not-found" });
    expect((await getAction(db(), id))!.tasks).toHaveLength(6);
  });
});
