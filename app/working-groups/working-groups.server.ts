import type { Kysely } from "kysely";
import type { Database, Rag } from "../../db/schema";
import { inTransaction, timestamp } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { tellLinkedFamilies } from "../feedback/response.server";
import { isNewest, mayRecordProgress, ragCounts, type CheckedUpdate } from "./progress";

/**
 * The working groups' view of the improvement plan: each group's actions (through
 * action_working_group), their tasks with RAG, and the progress updates the groups
 * record (docs/decisions/018-working-groups-progress.md). The public pages read it
 * with no sign-in, so nothing here returns who recorded an update.
 */

/** The five groups, each with how many actions and tasks it has and its tasks' RAG counts. */
export async function listWorkingGroupsWithProgress(db: Kysely<Database>) {
  const groups = await db
    .selectFrom("working_group")
    .select(["id", "slug", "number", "name", "purpose", "lead_role"])
    .orderBy("number")
    .execute();
  const links = await db.selectFrom("action_working_group").select(["action_id", "working_group_id"]).execute();
  const tasks = await db.selectFrom("task").select(["action_id", "rag"]).execute();
  return groups.map((group) => {
    const actionIds = new Set(links.filter((l) => l.working_group_id === group.id).map((l) => l.action_id));
    const rags = tasks.filter((t) => actionIds.has(t.action_id)).map((t) => t.rag);
    return { ...group, actionCount: actionIds.size, taskCount: rags.length, rag: ragCounts(rags) };
  });
}

export interface TaskUpdateRow {
  id: string;
  at: string;
  rag: Rag;
  outcome: string;
  evidence_url: string | null;
}

/**
 * Groups with their actions, each action's tasks in plan order, and each task's
 * updates newest first. Four queries, one after another (PGlite has one connection).
 */
async function groupsWithPlan(db: Kysely<Database>, where: { slug: string } | { ids: number[] } | "all") {
  let query = db.selectFrom("working_group").select(["id", "slug", "number", "name", "purpose", "lead_role"]).orderBy("number");
  if (where !== "all") {
    if ("slug" in where) query = query.where("slug", "=", where.slug);
    else if (where.ids.length === 0) return [];
    else query = query.where("id", "in", where.ids);
  }
  const groups = await query.execute();
  if (groups.length === 0) return [];
  const actions = await db
    .selectFrom("action_working_group")
    .innerJoin("action", "action.id", "action_working_group.action_id")
    .select(["action_working_group.working_group_id", "action.id", "action.letter", "action.title", "action.lead_role"])
    .where(
      "action_working_group.working_group_id",
      "in",
      groups.map((g) => g.id),
    )
    .orderBy("action.letter")
    .execute();
  const actionIds = [...new Set(actions.map((a) => a.id))];
  const tasks = actionIds.length
    ? await db
        .selectFrom("task")
        .select(["id", "action_id", "code", "description", "lead_role", "due_text", "due_date", "outcome", "rag", "updated_at"])
        .where("action_id", "in", actionIds)
        .orderBy("sort_order")
        .orderBy("code")
        .execute()
    : [];
  const taskIds = tasks.map((t) => t.id);
  const updates = taskIds.length
    ? await db
        .selectFrom("task_update")
        .select(["id", "task_id", "at", "rag", "outcome", "evidence_url"])
        .where("task_id", "in", taskIds)
        .orderBy("at", "desc")
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute()
    : [];
  return groups.map((group) => ({
    ...group,
    actions: actions
      .filter((a) => a.working_group_id === group.id)
      .map(({ working_group_id: _, ...action }) => ({
        ...action,
        tasks: tasks
          .filter((t) => t.action_id === action.id)
          .map(({ action_id: _a, ...task }) => ({
            ...task,
            updates: updates.filter((u) => u.task_id === task.id).map(({ task_id: _t, ...update }): TaskUpdateRow => update),
          })),
      })),
  }));
}

/** One group by its slug, with its actions, their tasks and each task's history of updates; undefined if there is none. */
export async function getWorkingGroupProgress(db: Kysely<Database>, slug: string) {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return undefined;
  const [group] = await groupsWithPlan(db, { slug });
  return group;
}

/**
 * The groups a staff member works on, for the staff page: every group for admins and
 * officers, a group member's own groups only.
 */
export async function listWorkingGroupsFor(db: Kysely<Database>, user: { role: string; workingGroupIds: readonly number[] }) {
  if (user.role === "admin" || user.role === "officer") return groupsWithPlan(db, "all");
  if (user.role === "group_member") return groupsWithPlan(db, { ids: [...user.workingGroupIds] });
  return [];
}

/**
 * A task as its group's update page shows it: found by the group's slug and the
 * task's code, only when the task's action is linked to that group. `groupIds` are
 * every group the action is linked to (who may record progress depends on them).
 */
export async function getTaskInGroup(db: Kysely<Database>, { slug, code }: { slug: string; code: string }) {
  if (!/^[a-z0-9-]{1,60}$/.test(slug) || !/^[A-Za-z]{1,5}\d{1,3}$/.test(code)) return undefined;
  const row = await db
    .selectFrom("task")
    .innerJoin("action", "action.id", "task.action_id")
    .innerJoin("action_working_group", "action_working_group.action_id", "action.id")
    .innerJoin("working_group", "working_group.id", "action_working_group.working_group_id")
    .select([
      "task.id",
      "task.code",
      "task.description",
      "task.due_text",
      "task.outcome",
      "task.rag",
      "action.letter as action_letter",
      "action.title as action_title",
      "action.id as action_id",
      "working_group.id as group_id",
      "working_group.slug as group_slug",
      "working_group.name as group_name",
    ])
    .where("working_group.slug", "=", slug)
    .where("task.code", "=", code.toUpperCase())
    .executeTakeFirst();
  if (!row) return undefined;
  const groups = await db.selectFrom("action_working_group").select("working_group_id").where("action_id", "=", row.action_id).execute();
  return { ...row, groupIds: groups.map((g) => g.working_group_id) };
}

export interface Recorder {
  id: string;
  role: string;
  workingGroupIds: readonly number[];
  requestId?: string;
}

export type RecordResult =
  | { ok: true; id: string; current: boolean; rag: Rag }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden" };

/**
 * Records a checked update on a task. In the same transaction: the task's current
 * RAG, outcome and updated_at follow it (unless a later-dated update is already
 * there), and the audit log says who did it. Refuses anyone who may not record
 * progress on this task (mayRecordProgress).
 */
export async function recordTaskUpdate(
  db: Kysely<Database>,
  {
    taskId,
    update,
    by,
    now,
    origin = "",
  }: {
    taskId: number;
    update: CheckedUpdate;
    by: Recorder;
    now: Date;
    /** The portal's address, for the links in emails to families whose feedback is linked to the task. */
    origin?: string;
  },
): Promise<RecordResult> {
  return inTransaction(db, async (trx) => {
    const task = await trx
      .selectFrom("task")
      .select(["id", "code", "description", "rag", "outcome", "action_id"])
      .where("id", "=", taskId)
      .forUpdate()
      .executeTakeFirst();
    if (!task) return { ok: false, reason: "not-found" } as const;
    const groups = await trx
      .selectFrom("action_working_group")
      .select("working_group_id")
      .where("action_id", "=", task.action_id)
      .execute();
    if (
      !mayRecordProgress(
        by,
        groups.map((g) => g.working_group_id),
      )
    )
      return { ok: false, reason: "forbidden" } as const;

    const latest = await trx
      .selectFrom("task_update")
      .select("at")
      .where("task_id", "=", taskId)
      .orderBy("at", "desc")
      .limit(1)
      .executeTakeFirst();
    const current = isNewest(update.date, latest?.at);
    const inserted = await trx
      .insertInto("task_update")
      .values({
        task_id: taskId,
        at: update.date,
        rag: update.rag,
        outcome: update.outcome,
        evidence_url: update.evidenceUrl,
        created_by: by.id,
        // created_at is the database's clock, not `now`: it orders same-day updates in the order they were
        // recorded, which a request clock cannot (tests fix it; two requests can share a millisecond).
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (current) {
      await trx
        .updateTable("task")
        .set({ rag: update.rag, outcome: update.outcome, updated_at: timestamp(now) })
        .where("id", "=", taskId)
        .execute();
    }
    // Closing the loop: families whose feedback is linked to the task hear when it moves.
    const told =
      current && (update.rag !== task.rag || update.outcome !== task.outcome)
        ? await tellLinkedFamilies(trx, {
            task: { id: task.id, code: task.code, description: task.description, actionId: task.action_id },
            rag: update.rag,
            outcome: update.outcome,
            by: { userId: by.id, requestId: by.requestId },
            now,
            origin,
          })
        : 0;
    await recordAudit(trx, {
      userId: by.id,
      action: "task.progress-recorded",
      subjectType: "task",
      subjectId: String(taskId),
      details: {
        code: task.code,
        updateId: inserted.id,
        date: update.date,
        rag: update.rag,
        evidenceUrl: update.evidenceUrl,
        // Whether the task's current position moved, and from what.
        current,
        familiesTold: told,
        ...(current ? { changes: { rag: { from: task.rag, to: update.rag }, outcome: { from: task.outcome, to: update.outcome } } } : {}),
      },
      requestId: by.requestId,
    });
    return { ok: true, id: inserted.id, current, rag: current ? update.rag : task.rag } as const;
  });
}
