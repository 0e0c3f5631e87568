/**
 * The queries behind the evidence pack (docs/decisions/026-evidence-pack.md). Each area of
 * concern gets: the actions linked to it (action_area) with their tasks; progress updates
 * on those tasks dated in the period; co-production activities held in the period and
 * linked to those actions or tasks (drafts left out); feedback received in the period and
 * linked to the area, directly or through one of its actions or their tasks; and "You said,
 * we did" entries published in the period from such feedback. Feedback flagged for
 * safeguarding is never read here (decision 020), nor an entry written from it.
 * Queries run one after another: PGlite has one connection.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getSuppressionThreshold } from "../analysis/suppression.server";
import { notFlagged } from "../safeguarding/safeguarding.server";
import { ukLocalToInstant } from "../surveys/uk-time";
import { nextDay, shapePack, type EvidencePack, type PackQuery, type RawArea, type RawEntry, type RawPack } from "./evidence";

type Db = Kysely<Database>;

/** The areas of concern, in their order: the form's choices. */
export async function listAreasForPack(db: Db) {
  return db.selectFrom("area_of_concern").select(["id", "number", "title"]).orderBy("number").execute();
}

/** UK midnight at the start of `date`: a calendar day's first instant, whatever the server's zone. */
function ukMidnight(date: string): Date {
  const result = ukLocalToInstant({ date, time: "00:00" });
  if (!result.ok) throw new Error(`No UK midnight on ${date}`);
  return result.instant;
}

const toDay = (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10);

/** Pairs [item, area] as a map from item to the areas it is linked to. */
function groupPairs<K, V>(pairs: readonly [K, V][]): Map<K, Set<V>> {
  const map = new Map<K, Set<V>>();
  for (const [key, value] of pairs) {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(value);
  }
  return map;
}

/**
 * Which areas of concern each feedback item is linked to: directly (feedback_item_concern),
 * through an action of the area (feedback_item_action → action_area; docs/decisions/034),
 * or through a task of one (feedback_item_task → task → action_area). An item linked
 * several ways to one area counts once there.
 */
async function feedbackAreaLinks(db: Db, itemIds: readonly string[]): Promise<Map<string, Set<number>>> {
  if (itemIds.length === 0) return new Map();
  const direct = await db
    .selectFrom("feedback_item_concern")
    .select(["feedback_item_id", "area_of_concern_id"])
    .where("feedback_item_id", "in", itemIds)
    .execute();
  const viaTasks = await db
    .selectFrom("feedback_item_task")
    .innerJoin("task", "task.id", "feedback_item_task.task_id")
    .innerJoin("action_area", "action_area.action_id", "task.action_id")
    .select(["feedback_item_task.feedback_item_id", "action_area.area_of_concern_id"])
    .where("feedback_item_task.feedback_item_id", "in", itemIds)
    .execute();
  const viaActions = await db
    .selectFrom("feedback_item_action")
    .innerJoin("action_area", "action_area.action_id", "feedback_item_action.action_id")
    .select(["feedback_item_action.feedback_item_id", "action_area.area_of_concern_id"])
    .where("feedback_item_action.feedback_item_id", "in", itemIds)
    .execute();
  return groupPairs([...direct, ...viaActions, ...viaTasks].map((r) => [r.feedback_item_id, r.area_of_concern_id] as [string, number]));
}

/** Everything the pack shows, before suppression. */
export async function getRawPack(db: Db, query: PackQuery): Promise<RawPack> {
  const threshold = await getSuppressionThreshold(db);
  let areaQuery = db.selectFrom("area_of_concern").select(["id", "number", "title"]).orderBy("number");
  if (query.area !== null) areaQuery = areaQuery.where("number", "=", query.area);
  const areas = await areaQuery.execute();
  const start = ukMidnight(query.from);
  const end = ukMidnight(nextDay(query.to));
  const areaIds = areas.map((a) => a.id);

  // The plan: actions of these areas, their tasks.
  const actionLinks = areaIds.length
    ? await db
        .selectFrom("action_area")
        .innerJoin("action", "action.id", "action_area.action_id")
        .select(["action_area.area_of_concern_id", "action.id", "action.letter", "action.title"])
        .where("action_area.area_of_concern_id", "in", areaIds)
        .orderBy("action.letter")
        .execute()
    : [];
  const actionIds = [...new Set(actionLinks.map((a) => a.id))];
  const tasks = actionIds.length
    ? await db
        .selectFrom("task")
        .select(["id", "action_id", "code", "description", "due_text", "rag"])
        .where("action_id", "in", actionIds)
        .orderBy("sort_order")
        .orderBy("code")
        .execute()
    : [];
  const taskIds = tasks.map((t) => t.id);
  const taskById = new Map(tasks.map((t) => [t.id, t]));

  const updates = taskIds.length
    ? await db
        .selectFrom("task_update")
        .select(["id", "task_id", "at", "rag", "outcome", "evidence_url"])
        .where("task_id", "in", taskIds)
        .where("at", ">=", query.from)
        .where("at", "<=", query.to)
        .orderBy("at")
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    : [];

  // Co-production: linked to an action, or to a task of one; recorded (not a draft) and held in the period.
  const activityActions: [string, number][] = [];
  if (actionIds.length) {
    const direct = await db
      .selectFrom("coproduction_activity_action")
      .select(["activity_id", "action_id"])
      .where("action_id", "in", actionIds)
      .execute();
    activityActions.push(...direct.map((r) => [r.activity_id, r.action_id] as [string, number]));
  }
  if (taskIds.length) {
    const viaTasks = await db
      .selectFrom("coproduction_activity_task")
      .select(["activity_id", "task_id"])
      .where("task_id", "in", taskIds)
      .execute();
    activityActions.push(...viaTasks.map((r) => [r.activity_id, taskById.get(r.task_id)!.action_id] as [string, number]));
  }
  const actionsOfActivity = groupPairs(activityActions);
  const activities = actionsOfActivity.size
    ? await db
        .selectFrom("coproduction_activity")
        .select(["id", "title", "held_on", "type", "level", "level_confirmed_at", "what_changed", "told_outcome_on", "told_outcome_how"])
        .where("id", "in", [...actionsOfActivity.keys()])
        .where("status", "<>", "draft")
        .where("held_on", ">=", query.from)
        .where("held_on", "<=", query.to)
        .orderBy("held_on")
        .orderBy("title")
        .execute()
    : [];

  // Feedback received in the period, never a flagged item.
  const items = await db
    .selectFrom("feedback_item")
    .select(["id", "status", "themes"])
    .where("created_at", ">=", start)
    .where("created_at", "<", end)
    .where((eb) => notFlagged(eb))
    .execute();
  const itemAreas = await feedbackAreaLinks(
    db,
    items.map((i) => i.id),
  );

  // "You said, we did": published in the period; from flagged feedback, never.
  const entryRows = await db
    .selectFrom("you_said_we_did")
    .leftJoin("working_group", "working_group.id", "you_said_we_did.working_group_id")
    .select([
      "you_said_we_did.id",
      "you_said_we_did.published_at",
      "you_said_we_did.theme",
      "you_said_we_did.you_said",
      "you_said_we_did.we_did",
      "you_said_we_did.feedback_item_id",
      "you_said_we_did.cosigned_at",
      "working_group.name as group_name",
    ])
    .where("you_said_we_did.published_at", ">=", start)
    .where("you_said_we_did.published_at", "<", end)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("safeguarding_flag")
            .select("safeguarding_flag.id")
            .whereRef("safeguarding_flag.feedback_item_id", "=", "you_said_we_did.feedback_item_id"),
        ),
      ),
    )
    .orderBy("you_said_we_did.published_at")
    .orderBy("you_said_we_did.id")
    .execute();
  const entrySources = entryRows.flatMap((e) => (e.feedback_item_id ? [e.feedback_item_id] : []));
  const entryAreas = await feedbackAreaLinks(db, entrySources);
  const entries = entryRows.map((e) => ({
    areas: e.feedback_item_id ? entryAreas.get(e.feedback_item_id) ?? new Set<number>() : new Set<number>(),
    entry: {
      id: e.id,
      publishedOn: toDay(e.published_at!),
      theme: e.theme,
      youSaid: e.you_said,
      weDid: e.we_did,
      group: e.group_name,
      cosigned: e.cosigned_at !== null,
    } satisfies RawEntry,
  }));

  const rawAreas: RawArea[] = areas.map((area) => {
    const actions = actionLinks
      .filter((a) => a.area_of_concern_id === area.id)
      .map((a) => ({
        id: a.id,
        letter: a.letter,
        title: a.title,
        tasks: tasks
          .filter((t) => t.action_id === a.id)
          .map((t) => ({ id: t.id, code: t.code, description: t.description, dueText: t.due_text, rag: t.rag })),
      }));
    const ownActions = new Set(actions.map((a) => a.id));
    return {
      id: area.id,
      number: area.number,
      title: area.title,
      actions,
      updates: updates
        .filter((u) => ownActions.has(taskById.get(u.task_id)!.action_id))
        .map((u) => ({
          id: u.id,
          taskCode: taskById.get(u.task_id)!.code,
          at: toDay(u.at),
          rag: u.rag,
          outcome: u.outcome,
          evidenceUrl: u.evidence_url,
        })),
      activities: activities
        .filter((x) => [...actionsOfActivity.get(x.id)!].some((id) => ownActions.has(id)))
        .map((x) => ({
          id: x.id,
          title: x.title,
          heldOn: toDay(x.held_on),
          type: x.type,
          level: x.level,
          levelConfirmed: x.level_confirmed_at !== null,
          whatChanged: x.what_changed,
          toldOn: x.told_outcome_on ? toDay(x.told_outcome_on) : null,
          toldHow: x.told_outcome_how,
        })),
      feedback: items.filter((i) => itemAreas.get(i.id)?.has(area.id)).map((i) => ({ id: i.id, status: i.status, themes: i.themes })),
      entries: entries.filter((e) => e.areas.has(area.id)).map((e) => e.entry),
    };
  });

  return {
    query,
    threshold,
    areas: rawAreas,
    feedbackInPeriod: items.length,
    otherEntries: query.area === null ? entries.filter((e) => e.areas.size === 0).map((e) => e.entry) : [],
  };
}

/** The pack, suppressed and summed up, for the page and the download. */
export async function getEvidencePack(db: Db, query: PackQuery): Promise<EvidencePack> {
  return shapePack(await getRawPack(db, query));
}
