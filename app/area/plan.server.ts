import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import {
  changesBetween,
  inTransaction,
  parseId,
  timestamp,
  uniqueViolation,
  type ChangedBy,
  type Changes,
  type WriteResult,
} from "./changes.server";
import type { ActionInput, AreaOfConcernInput, NewTaskInput, TaskInput } from "./schemas";

/**
 * The improvement plan: the areas of concern the inspection found, the actions
 * (A, B, C…) that answer them, the working groups that own each action, and the
 * tasks (A1, A2…) each action is broken into.
 */

// ---- Areas of concern ------------------------------------------------------------

export async function listAreasOfConcern(db: Kysely<Database>) {
  return db.selectFrom("area_of_concern").select(["id", "number", "title", "plain_title"]).orderBy("number").execute();
}

export async function getAreaOfConcern(db: Kysely<Database>, id: string | number) {
  const concernId = parseId(id);
  if (concernId === undefined) return undefined;
  return db
    .selectFrom("area_of_concern")
    .select(["id", "number", "title", "plain_title"])
    .where("id", "=", concernId)
    .executeTakeFirst();
}

/** Changes the title (as the inspection wrote it) and the plain-English title. The number stays. */
export async function updateAreaOfConcern(
  db: Kysely<Database>,
  { id, concern, by }: { id: number; concern: AreaOfConcernInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom("area_of_concern").select(["title", "plain_title"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    const changes = changesBetween({ title: row.title, plainTitle: row.plain_title }, concern);
    if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
    await trx.updateTable("area_of_concern").set({ title: concern.title, plain_title: concern.plainTitle }).where("id", "=", id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "area-of-concern.updated",
      subjectType: "area_of_concern",
      subjectId: String(id),
      details: changes,
      requestId: by.requestId,
    });
    return { ok: true, changes } as const;
  });
}

// ---- Actions ---------------------------------------------------------------------------

/**
 * Every action with its working groups, areas of concern and tasks, in plan order.
 * Four queries, one after another: one connection (PGlite has only one anyway).
 */
export async function listActions(db: Kysely<Database>) {
  const actions = await db.selectFrom("action").select(["id", "letter", "title", "lead_role", "success_measures"]).orderBy("letter").execute();
  const groups = await db
    .selectFrom("action_working_group")
    .innerJoin("working_group", "working_group.id", "action_working_group.working_group_id")
    .select(["action_working_group.action_id", "working_group.id", "working_group.number", "working_group.name"])
    .orderBy("working_group.number")
    .execute();
  const concerns = await db
    .selectFrom("action_area")
    .innerJoin("area_of_concern", "area_of_concern.id", "action_area.area_of_concern_id")
    .select(["action_area.action_id", "area_of_concern.id", "area_of_concern.number", "area_of_concern.plain_title"])
    .orderBy("area_of_concern.number")
    .execute();
  const tasks = await db
    .selectFrom("task")
    .select(["id", "action_id", "code", "description", "due_text", "due_date", "rag"])
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
  return actions.map((action) => ({
    ...action,
    workingGroups: groups.filter((g) => g.action_id === action.id).map(({ id, number, name }) => ({ id, number, name })),
    areasOfConcern: concerns.filter((c) => c.action_id === action.id).map(({ id, number, plain_title }) => ({ id, number, plain_title })),
    tasks: tasks.filter((t) => t.action_id === action.id).map(({ action_id: _, ...task }) => task),
  }));
}

/** The next free code for a task of this action: "H6" after H1 to H5. */
export function nextTaskCode(letter: string, codes: string[]): string {
  let highest = 0;
  for (const code of codes) {
    if (!code.startsWith(letter)) continue;
    const rest = code.slice(letter.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${letter}${highest + 1}`;
}

export async function getAction(db: Kysely<Database>, id: string | number) {
  const actionId = parseId(id);
  if (actionId === undefined) return undefined;
  const action = await db
    .selectFrom("action")
    .select(["id", "letter", "title", "lead_role", "success_measures"])
    .where("id", "=", actionId)
    .executeTakeFirst();
  if (!action) return undefined;
  const groups = await db.selectFrom("action_working_group").select("working_group_id").where("action_id", "=", actionId).execute();
  const concerns = await db.selectFrom("action_area").select("area_of_concern_id").where("action_id", "=", actionId).execute();
  const tasks = await db
    .selectFrom("task")
    .select(["id", "code", "description", "due_text", "due_date", "rag"])
    .where("action_id", "=", actionId)
    .orderBy("sort_order")
    .orderBy("code")
    .execute();
  const allCodes = await db.selectFrom("task").select("code").where("code", "like", `${action.letter}%`).execute();
  return {
    ...action,
    workingGroupIds: groups.map((g) => g.working_group_id).sort((a, b) => a - b),
    areaOfConcernIds: concerns.map((c) => c.area_of_concern_id).sort((a, b) => a - b),
    tasks,
    nextTaskCode: nextTaskCode(action.letter, allCodes.map((t) => t.code)),
  };
}

/**
 * Changes an action's title, lead role and success measures, and which working groups
 * own it and which areas of concern it answers (at least one of each). The audit log
 * names the groups and gives the areas' numbers.
 */
export async function updateAction(
  db: Kysely<Database>,
  { id, action, by }: { id: number; action: ActionInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("action")
      .select(["letter", "title", "lead_role", "success_measures"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;

    // Ids that match nothing (a group deleted meanwhile, or a tampered form) are refused, not skipped.
    const groups = action.workingGroupIds.length
      ? await trx.selectFrom("working_group").select(["id", "name"]).where("id", "in", action.workingGroupIds).orderBy("number").execute()
      : [];
    const concerns = action.areaOfConcernIds.length
      ? await trx
          .selectFrom("area_of_concern")
          .select(["id", "number"])
          .where("id", "in", action.areaOfConcernIds)
          .orderBy("number")
          .execute()
      : [];
    const errors: Record<string, string> = {};
    if (groups.length === 0 || groups.length !== new Set(action.workingGroupIds).size) {
      errors.workingGroupIds = "action.errors.workingGroupsRequired";
    }
    if (concerns.length === 0 || concerns.length !== new Set(action.areaOfConcernIds).size) {
      errors.areaOfConcernIds = "action.errors.areasOfConcernRequired";
    }
    if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", errors } as const;

    const groupsBefore = await trx
      .selectFrom("action_working_group")
      .innerJoin("working_group", "working_group.id", "action_working_group.working_group_id")
      .select("working_group.name")
      .where("action_working_group.action_id", "=", id)
      .orderBy("working_group.number")
      .execute();
    const concernsBefore = await trx
      .selectFrom("action_area")
      .innerJoin("area_of_concern", "area_of_concern.id", "action_area.area_of_concern_id")
      .select("area_of_concern.number")
      .where("action_area.action_id", "=", id)
      .orderBy("area_of_concern.number")
      .execute();

    const changes = changesBetween(
      {
        title: row.title,
        leadRole: row.lead_role,
        successMeasures: row.success_measures,
        workingGroups: groupsBefore.map((g) => g.name),
        areasOfConcern: concernsBefore.map((c) => c.number),
      },
      {
        title: action.title,
        leadRole: action.leadRole,
        successMeasures: action.successMeasures,
        workingGroups: groups.map((g) => g.name),
        areasOfConcern: concerns.map((c) => c.number),
      },
    );
    if (Object.keys(changes).length === 0) return { ok: true, changes } as const;

    await trx
      .updateTable("action")
      .set({ title: action.title, lead_role: action.leadRole, success_measures: action.successMeasures })
      .where("id", "=", id)
      .execute();
    if (changes.workingGroups) {
      await trx.deleteFrom("action_working_group").where("action_id", "=", id).execute();
      await trx
        .insertInto("action_working_group")
        .values(groups.map((g) => ({ action_id: id, working_group_id: g.id })))
        .execute();
    }
    if (changes.areasOfConcern) {
      await trx.deleteFrom("action_area").where("action_id", "=", id).execute();
      await trx
        .insertInto("action_area")
        .values(concerns.map((c) => ({ action_id: id, area_of_concern_id: c.id })))
        .execute();
    }
    await recordAudit(trx, {
      userId: by.userId,
      action: "action.updated",
      subjectType: "action",
      subjectId: String(id),
      details: { letter: row.letter, ...changes },
      requestId: by.requestId,
    });
    return { ok: true, changes } as const;
  });
}

// ---- Tasks -----------------------------------------------------------------------------

export async function getTask(db: Kysely<Database>, id: string | number) {
  const taskId = parseId(id);
  if (taskId === undefined) return undefined;
  return db
    .selectFrom("task")
    .innerJoin("action", "action.id", "task.action_id")
    .select([
      "task.id",
      "task.code",
      "task.description",
      "task.lead_role",
      "task.due_text",
      "task.due_date",
      "task.outcome",
      "task.rag",
      "action.id as action_id",
      "action.letter as action_letter",
      "action.title as action_title",
    ])
    .where("task.id", "=", taskId)
    .executeTakeFirst();
}

const codeTakenResult = { ok: false, reason: "invalid", errors: { code: "task.errors.codeTaken" } } as const;

/**
 * Adds a task to an action, after its other tasks. The code is the action's letter and
 * a number ("H6"), and no other task may have it.
 */
export async function createTask(
  db: Kysely<Database>,
  { actionId, task, by }: { actionId: number; task: NewTaskInput; by: ChangedBy },
): Promise<WriteResult<{ id: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const action = await trx.selectFrom("action").select(["id", "letter"]).where("id", "=", actionId).forUpdate().executeTakeFirst();
      if (!action) return { ok: false, reason: "not-found" } as const;
      if (!task.code.startsWith(action.letter) || !/^\d+$/.test(task.code.slice(action.letter.length))) {
        return { ok: false, reason: "invalid", errors: { code: "task.errors.codeLetter" } } as const;
      }
      const taken = await trx.selectFrom("task").select("id").where("code", "=", task.code).executeTakeFirst();
      if (taken) return codeTakenResult;
      const { last } = await trx
        .selectFrom("task")
        .select((eb) => eb.fn.max("sort_order").as("last"))
        .where("action_id", "=", actionId)
        .executeTakeFirstOrThrow();
      const { id } = await trx
        .insertInto("task")
        .values({
          action_id: actionId,
          code: task.code,
          sort_order: (last ?? 0) + 1,
          description: task.description,
          lead_role: task.leadRole,
          due_text: task.dueText,
          due_date: task.dueDate,
          outcome: task.outcome,
          rag: task.rag,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        userId: by.userId,
        action: "task.created",
        subjectType: "task",
        subjectId: String(id),
        details: {
          code: task.code,
          action: action.letter,
          description: task.description,
          leadRole: task.leadRole,
          dueText: task.dueText,
          dueDate: task.dueDate,
          outcome: task.outcome,
          rag: task.rag,
        },
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return codeTakenResult;
    throw error;
  }
}

/** Changes a task's description, lead role, due date (as written, and as a date), outcome and RAG rating. */
export async function updateTask(
  db: Kysely<Database>,
  { id, task, by, now }: { id: number; task: TaskInput; by: ChangedBy; now: Date },
): Promise<WriteResult<{ changes: Changes }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("task")
      .select(["code", "description", "lead_role", "due_text", "due_date", "outcome", "rag"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    const changes = changesBetween(
      {
        description: row.description,
        leadRole: row.lead_role,
        dueText: row.due_text,
        dueDate: row.due_date,
        outcome: row.outcome,
        rag: row.rag,
      },
      task,
    );
    if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
    await trx
      .updateTable("task")
      .set({
        description: task.description,
        lead_role: task.leadRole,
        due_text: task.dueText,
        due_date: task.dueDate,
        outcome: task.outcome,
        rag: task.rag,
        updated_at: timestamp(now),
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "task.updated",
      subjectType: "task",
      subjectId: String(id),
      details: { code: row.code, ...changes },
      requestId: by.requestId,
    });
    return { ok: true, changes } as const;
  });
}
