/**
 * Triage of feedback sent at /feedback (docs/decisions/021-feedback-front-door-and-triage.md): assign to
 * a working group (the portal suggests one, an officer confirms), move through the
 * statuses, link areas of concern, tag themes and keep notes, each step in the item's
 * history and the audit log. Members of a group are told of a new item by email, which
 * carries a link and never the words. Items flagged for safeguarding are not reachable
 * here (getGeneralFeedback leaves them out).
 */
import type { Kysely } from "kysely";
import type { Database, FeedbackEventKind, FeedbackTopic } from "../../db/schema";
import { inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { enqueueEmail } from "../email/outbox.server";
import { listAttachments } from "./attachments.server";
import { getGeneralFeedback } from "./general.server";
import {
  checkStatusChange,
  groupActions,
  INBOX_PATH,
  NOTE_MAX,
  parseThemes,
  suggestGroup,
  summariseLinks,
  seesAll,
  type ConcernForSuggestion,
  type StatusProblem,
  type Viewer,
} from "./triage";

type Db = Kysely<Database>;

export { seesAll, type Viewer } from "./triage";

export async function suggestionData(db: Db) {
  const concerns = await db.selectFrom("area_of_concern").select(["id", "number", "title", "plain_title"]).orderBy("number").execute();
  const links = await db
    .selectFrom("action_area")
    .innerJoin("action_working_group", "action_working_group.action_id", "action_area.action_id")
    .select(["action_area.area_of_concern_id as concern_id", "action_working_group.working_group_id as group_id"])
    .execute();
  const groups = await db.selectFrom("working_group").select(["id", "name", "slug", "number"]).orderBy("number").execute();
  const forSuggestion: ConcernForSuggestion[] = concerns.map((c) => ({
    id: c.id,
    number: c.number,
    groupIds: [...new Set(links.filter((l) => l.concern_id === c.id).map((l) => l.group_id))],
  }));
  return { concerns, groups, forSuggestion, groupOrder: groups.map((g) => g.id) };
}

/**
 * An item this viewer may see, or undefined: unknown, flagged for safeguarding (left out
 * by getGeneralFeedback), or another group's. The one check for the item page and its files.
 */
export async function getVisibleItem(db: Db, id: string, viewer: Viewer) {
  const item = await getGeneralFeedback(db, id);
  if (!item) return undefined;
  const full = await db
    .selectFrom("feedback_item")
    .select(["working_group_id", "themes", "topic"])
    .where("id", "=", item.id)
    .executeTakeFirstOrThrow();
  if (!seesAll(viewer) && (full.working_group_id === null || !viewer.workingGroupIds.includes(full.working_group_id))) return undefined;
  return { item, full };
}

/** One item for triage: what was sent, the suggestion, its links, notes and history. */
export async function getTriageItem(db: Db, id: string, viewer: Viewer) {
  const visible = await getVisibleItem(db, id, viewer);
  if (!visible) return undefined;
  const { item, full } = visible;
  const data = await suggestionData(db);
  const suggestion = suggestGroup({ text: item.body, topic: full.topic as FeedbackTopic | null }, data.forSuggestion, data.groupOrder);
  const linked = await db
    .selectFrom("feedback_item_concern")
    .select("area_of_concern_id")
    .where("feedback_item_id", "=", item.id)
    .execute();
  const linkedTasks = await db.selectFrom("feedback_item_task").select("task_id").where("feedback_item_id", "=", item.id).execute();
  const linkedActions = await db
    .selectFrom("feedback_item_action")
    .select("action_id")
    .where("feedback_item_id", "=", item.id)
    .execute();
  // The tasks an item can be linked to: those of its working group's actions.
  const tasks =
    full.working_group_id === null
      ? []
      : await db
          .selectFrom("task")
          .innerJoin("action", "action.id", "task.action_id")
          .innerJoin("action_working_group", "action_working_group.action_id", "task.action_id")
          .select(["task.id", "task.code", "task.description", "task.rag"])
          .where("action_working_group.working_group_id", "=", full.working_group_id)
          .orderBy("action.letter")
          .orderBy("task.sort_order")
          .orderBy("task.code")
          .execute();
  // Every action of the plan, grouped by working group (the item's first): an item may be
  // about another group's action, and an action needs no group to be linked.
  const actionRows = await db.selectFrom("action").select(["id", "letter", "title"]).orderBy("letter").execute();
  const actionGroupRows = await db.selectFrom("action_working_group").select(["action_id", "working_group_id"]).execute();
  const actions = actionRows.map((a) => ({
    ...a,
    groupIds: actionGroupRows.filter((r) => r.action_id === a.id).map((r) => r.working_group_id),
  }));
  const history = await db
    .selectFrom("feedback_event")
    .leftJoin("app_user", "app_user.id", "feedback_event.by_user_id")
    .leftJoin("working_group", "working_group.id", "feedback_event.working_group_id")
    .select([
      "feedback_event.id",
      "feedback_event.kind",
      "feedback_event.from_status",
      "feedback_event.to_status",
      "feedback_event.note",
      "feedback_event.details",
      "feedback_event.created_at",
      "app_user.name as by_name",
      "working_group.name as group_name",
    ])
    .where("feedback_event.feedback_item_id", "=", item.id)
    .orderBy("feedback_event.created_at", "desc")
    .orderBy("feedback_event.id")
    .execute();
  // A "linked" step says what it linked, by the labels people know (4, H, H4).
  const historyTaskIds = [
    ...new Set(
      history.flatMap((e) => {
        const ids = e.kind === "linked" ? (e.details as Record<string, unknown> | null)?.taskIds : undefined;
        return Array.isArray(ids) ? ids.filter((v): v is number => typeof v === "number") : [];
      }),
    ),
  ];
  const taskCodes = historyTaskIds.length
    ? await db.selectFrom("task").select(["id", "code"]).where("id", "in", historyTaskIds).execute()
    : [];
  const labels = {
    concerns: new Map(data.concerns.map((c) => [c.id, c.number])),
    actions: new Map(actions.map((a) => [a.id, a.letter])),
    tasks: new Map(taskCodes.map((t) => [t.id, t.code])),
  };
  return {
    item: { ...item, workingGroupId: full.working_group_id, themes: full.themes },
    attachments: await listAttachments(db, item.id),
    suggestion,
    concernIds: linked.map((l) => l.area_of_concern_id),
    taskIds: linkedTasks.map((l) => l.task_id),
    tasks,
    actionIds: linkedActions.map((l) => l.action_id),
    actionGroups: groupActions(actions, data.groupOrder, full.working_group_id).map((g) => ({
      groupId: g.groupId,
      groupName: data.groups.find((x) => x.id === g.groupId)?.name ?? null,
      actions: g.actions.map(({ id, letter, title }) => ({ id, letter, title })),
    })),
    concerns: data.concerns,
    groups: data.groups,
    history: history.map((event) => ({ ...event, links: event.kind === "linked" ? summariseLinks(event.details, labels) : null })),
  };
}

type Refusal = { ok: false; reason: "not-found" } | { ok: false; reason: "invalid"; errors: Record<string, string> };
type Done = { ok: true } | Refusal;

export async function lockItem(trx: Db, id: string) {
  const item = await getGeneralFeedback(trx, id);
  if (!item) return undefined;
  return trx
    .selectFrom("feedback_item")
    .select(["id", "reference", "status", "working_group_id"])
    .where("id", "=", item.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function recordEvent(
  trx: Db,
  {
    itemId,
    kind,
    by,
    now,
    ...rest
  }: {
    itemId: string;
    kind: FeedbackEventKind;
    by: ChangedBy;
    now: Date;
    from?: string;
    to?: string;
    groupId?: number;
    note?: string;
    details?: Record<string, unknown>;
  },
) {
  await trx
    .insertInto("feedback_event")
    .values({
      feedback_item_id: itemId,
      kind,
      from_status: rest.from ?? null,
      to_status: rest.to ?? null,
      working_group_id: rest.groupId ?? null,
      note: rest.note ?? "",
      details: JSON.stringify(rest.details ?? {}),
      by_user_id: by.userId,
      created_at: now,
    })
    .execute();
  // The audit log gets what happened, never a family's words or an officer's note.
  await recordAudit(trx, {
    userId: by.userId,
    action: `feedback.${kind}`,
    subjectType: "feedback_item",
    subjectId: itemId,
    details: {
      ...(rest.from ? { from: rest.from } : {}),
      ...(rest.to ? { to: rest.to } : {}),
      ...(rest.groupId ? { groupId: rest.groupId } : {}),
    },
    requestId: by.requestId,
  });
}

/**
 * Gives the item to a working group (confirming or overriding the suggestion). A new
 * item moves to "with a working group"; every active member of the group is emailed a
 * link, in the same transaction.
 */
export async function assignGroup(
  db: Db,
  { id, groupId, by, now, origin }: { id: string; groupId: number; by: ChangedBy; now: Date; origin: string },
): Promise<Done> {
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    const group = await trx.selectFrom("working_group").select(["id", "name"]).where("id", "=", groupId).executeTakeFirst();
    if (!group) return { ok: false, reason: "invalid", errors: { group: "triage.errors.groupMissing" } } as const;
    if (item.working_group_id === group.id) return { ok: false, reason: "invalid", errors: { group: "triage.errors.groupSame" } } as const;
    const status = item.status === "received" ? "with_group" : item.status;
    await trx
      .updateTable("feedback_item")
      .set({ working_group_id: group.id, status, updated_at: timestamp(now) })
      .where("id", "=", item.id)
      .execute();
    await recordEvent(trx, {
      itemId: item.id,
      kind: "assigned",
      by,
      now,
      groupId: group.id,
      ...(status !== item.status ? { from: item.status, to: status } : {}),
    });
    const members = await trx
      .selectFrom("user_working_group")
      .innerJoin("app_user", "app_user.id", "user_working_group.user_id")
      .select("app_user.email")
      .where("user_working_group.working_group_id", "=", group.id)
      .where("app_user.disabled_at", "is", null)
      .execute();
    for (const member of members) {
      await enqueueEmail(
        trx,
        {
          kind: "feedback.assigned",
          to: member.email,
          subject: `New feedback for ${group.name}: ${item.reference}`,
          text: [
            `Feedback ${item.reference} has been given to ${group.name}.`,
            "",
            `Sign in to read it and respond: ${origin}${INBOX_PATH}/${item.id}`,
            "",
            "For privacy, this email does not contain what was written.",
          ].join("\n"),
        },
        now,
      );
    }
    return { ok: true } as const;
  });
}

const statusErrors: Record<StatusProblem, string> = {
  unknown: "triage.errors.statusMissing",
  same: "triage.errors.statusSame",
  noGroup: "triage.errors.statusNoGroup",
  noteNeeded: "triage.errors.signpostNote",
};

export async function changeStatus(
  db: Db,
  { id, to, note, by, now }: { id: string; to: string; note: string; by: ChangedBy; now: Date },
): Promise<Done> {
  if (note.length > NOTE_MAX) return { ok: false, reason: "invalid", errors: { statusNote: "triage.errors.noteTooLong" } };
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    const check = checkStatusChange({ from: item.status, to, hasGroup: item.working_group_id !== null, note });
    if (!check.ok)
      return {
        ok: false,
        reason: "invalid",
        errors: { [check.problem === "noteNeeded" ? "statusNote" : "status"]: statusErrors[check.problem] },
      } as const;
    await trx
      .updateTable("feedback_item")
      .set({ status: check.status, updated_at: timestamp(now) })
      .where("id", "=", item.id)
      .execute();
    await recordEvent(trx, { itemId: item.id, kind: "status", by, now, from: item.status, to: check.status, note: note.trim() });
    return { ok: true } as const;
  });
}

export async function addNote(db: Db, { id, note, by, now }: { id: string; note: string; by: ChangedBy; now: Date }): Promise<Done> {
  const trimmed = note.trim();
  if (trimmed === "") return { ok: false, reason: "invalid", errors: { note: "triage.errors.noteMissing" } };
  if (trimmed.length > NOTE_MAX) return { ok: false, reason: "invalid", errors: { note: "triage.errors.noteTooLong" } };
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    await recordEvent(trx, { itemId: item.id, kind: "note", by, now, note: trimmed });
    return { ok: true } as const;
  });
}

/**
 * Replaces the item's areas of concern, actions, tasks and themes together, as the page's
 * one form sends them. Families are told when a linked task moves (decision 024), not when
 * an action does: an action's progress is its tasks' (docs/decisions/034).
 */
export async function setLinks(
  db: Db,
  {
    id,
    concernIds,
    actionIds = [],
    taskIds = [],
    themes,
    by,
    now,
  }: { id: string; concernIds: number[]; actionIds?: number[]; taskIds?: number[]; themes: string; by: ChangedBy; now: Date },
): Promise<Done> {
  const parsed = parseThemes(themes);
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: { themes: `triage.errors.themes.${parsed.problem}` } };
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    const known = concernIds.length ? await trx.selectFrom("area_of_concern").select("id").where("id", "in", concernIds).execute() : [];
    if (known.length !== new Set(concernIds).size)
      return { ok: false, reason: "invalid", errors: { concerns: "triage.errors.concernUnknown" } as Record<string, string> } as const;
    const knownActions = actionIds.length ? await trx.selectFrom("action").select("id").where("id", "in", actionIds).execute() : [];
    if (knownActions.length !== new Set(actionIds).size)
      return { ok: false, reason: "invalid", errors: { actions: "feedback-loop:links.errors.actionUnknown" } as Record<string, string> } as const;
    const knownTasks = taskIds.length ? await trx.selectFrom("task").select("id").where("id", "in", taskIds).execute() : [];
    if (knownTasks.length !== new Set(taskIds).size)
      return { ok: false, reason: "invalid", errors: { tasks: "triage.errors.taskUnknown" } as Record<string, string> } as const;
    await trx.deleteFrom("feedback_item_action").where("feedback_item_id", "=", item.id).execute();
    if (knownActions.length) {
      await trx
        .insertInto("feedback_item_action")
        .values(knownActions.map((a) => ({ feedback_item_id: item.id, action_id: a.id })))
        .execute();
    }
    await trx.deleteFrom("feedback_item_task").where("feedback_item_id", "=", item.id).execute();
    if (knownTasks.length) {
      await trx
        .insertInto("feedback_item_task")
        .values(knownTasks.map((t) => ({ feedback_item_id: item.id, task_id: t.id })))
        .execute();
    }
    await trx.deleteFrom("feedback_item_concern").where("feedback_item_id", "=", item.id).execute();
    if (known.length) {
      await trx
        .insertInto("feedback_item_concern")
        .values(known.map((c) => ({ feedback_item_id: item.id, area_of_concern_id: c.id })))
        .execute();
    }
    await trx
      .updateTable("feedback_item")
      .set({ themes: parsed.themes, updated_at: timestamp(now) })
      .where("id", "=", item.id)
      .execute();
    await recordEvent(trx, {
      itemId: item.id,
      kind: "linked",
      by,
      now,
      details: {
        concernIds: known.map((c) => c.id),
        actionIds: knownActions.map((a) => a.id),
        taskIds: knownTasks.map((t) => t.id),
        themes: parsed.themes,
      },
    });
    return { ok: true } as const;
  });
}
