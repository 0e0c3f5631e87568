import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { CoproductionLevel, CoproductionStatus, Database } from "../../db/schema";
import { GENERAL_SOURCE } from "../feedback/general";
import { notFlagged } from "../safeguarding/safeguarding.server";
import { shortSummary } from "./rules";

/**
 * Links between co-production activities and the feedback that fed into them
 * (docs/decisions/027-co-production-feedback-links.md). An item can be linked, and is
 * shown, only where its triage page could be opened: general feedback, never flagged
 * for safeguarding, and for a group member only their own groups' items. Anything else
 * is "not found", so a reference cannot be used to learn that a flagged item exists.
 */

export interface Viewer {
  role: string;
  workingGroupIds: readonly number[];
}

const seesEveryGroup = (viewer: Viewer) => viewer.role === "admin" || viewer.role === "officer";

/** For a query on feedback_item: the items this person may link or see. */
function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, "feedback_item">) => {
    const rules = [eb("feedback_item.source", "=", GENERAL_SOURCE), notFlagged(eb)];
    if (!seesEveryGroup(viewer)) {
      rules.push(viewer.workingGroupIds.length ? eb("feedback_item.working_group_id", "in", [...viewer.workingGroupIds]) : eb.lit(false));
    }
    return eb.and(rules);
  };
}

/** The items behind the references typed; those that do not exist, or may not be linked, are "unknown". */
export async function resolveFeedback(
  db: Kysely<Database>,
  references: string[],
  viewer: Viewer,
): Promise<{ ids: string[]; unknown: string[] }> {
  if (!references.length) return { ids: [], unknown: [] };
  const rows = await db
    .selectFrom("feedback_item")
    .select(["id", "reference"])
    .where("reference", "in", references)
    .where(visibleTo(viewer))
    .execute();
  const found = new Map(rows.map((r) => [r.reference, r.id]));
  return { ids: references.flatMap((r) => (found.has(r) ? [found.get(r)!] : [])), unknown: references.filter((r) => !found.has(r)) };
}

/**
 * Sets an activity's links to the items given, in the caller's transaction. Links to
 * items this person cannot see (flagged since, or another group's) are kept as they are.
 * Each newly linked item's history says so.
 */
export async function replaceFeedbackLinks(
  trx: Kysely<Database>,
  {
    activityId,
    ids,
    title,
    viewer,
    userId,
    now,
  }: { activityId: string; ids: string[]; title: string; viewer: Viewer; userId: string; now: Date },
): Promise<void> {
  const current = await trx
    .selectFrom("coproduction_activity_feedback as l")
    .innerJoin("feedback_item", "feedback_item.id", "l.feedback_item_id")
    .select(["l.feedback_item_id as id"])
    .where("l.activity_id", "=", activityId)
    .where(visibleTo(viewer))
    .execute();
  const before = new Set(current.map((r) => r.id));
  const removed = [...before].filter((id) => !ids.includes(id));
  const added = ids.filter((id) => !before.has(id));
  if (removed.length)
    await trx
      .deleteFrom("coproduction_activity_feedback")
      .where("activity_id", "=", activityId)
      .where("feedback_item_id", "in", removed)
      .execute();
  if (!added.length) return;
  await trx
    .insertInto("coproduction_activity_feedback")
    .values(added.map((feedback_item_id) => ({ activity_id: activityId, feedback_item_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto("feedback_event")
    .values(
      added.map((feedback_item_id) => ({
        feedback_item_id,
        kind: "coproduction_linked" as const,
        note: title,
        details: JSON.stringify({ activityId }),
        by_user_id: userId,
        created_at: sql<Date>`${now.toISOString()}::timestamptz`,
      })),
    )
    .execute();
}

export interface LinkedFeedback {
  id: string;
  reference: string;
  /** The first words, or null when there are none (removed, or only a file). */
  summary: string | null;
  anonymisedAt: string | null;
  status: string;
}

/** What one person may see of an activity's linked feedback, and how many more links there are that they may not. */
export async function linkedFeedback(
  db: Kysely<Database>,
  activityId: string,
  viewer: Viewer,
): Promise<{ items: LinkedFeedback[]; others: number }> {
  const [rows, all] = await Promise.all([
    db
      .selectFrom("coproduction_activity_feedback as l")
      .innerJoin("feedback_item", "feedback_item.id", "l.feedback_item_id")
      .select(["feedback_item.id", "feedback_item.reference", "feedback_item.body", "feedback_item.anonymised_at", "feedback_item.status"])
      .where("l.activity_id", "=", activityId)
      .where(visibleTo(viewer))
      .orderBy("feedback_item.created_at")
      .execute(),
    db
      .selectFrom("coproduction_activity_feedback")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("activity_id", "=", activityId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      summary: r.anonymised_at ? null : shortSummary(r.body),
      anonymisedAt: r.anonymised_at ? new Date(r.anonymised_at).toISOString() : null,
      status: r.status,
    })),
    others: Number(all.n) - rows.length,
  };
}

export interface ActivityForFeedback {
  id: string;
  title: string;
  heldOn: string;
  level: CoproductionLevel;
  status: CoproductionStatus;
}

/** The co-production activities one feedback item fed into, newest first. */
export async function activitiesForFeedback(db: Kysely<Database>, feedbackItemId: string): Promise<ActivityForFeedback[]> {
  const rows = await db
    .selectFrom("coproduction_activity_feedback as l")
    .innerJoin("coproduction_activity as a", "a.id", "l.activity_id")
    .select(["a.id", "a.title", "a.held_on", "a.level", "a.status"])
    .where("l.feedback_item_id", "=", feedbackItemId)
    .orderBy("a.held_on", "desc")
    .orderBy("a.created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, heldOn: r.held_on, level: r.level, status: r.status }));
}

/** How many pieces of feedback fed into each activity: never the items, and never one flagged for safeguarding. */
export async function feedbackCounts(db: Kysely<Database>, activityIds: string[]): Promise<Map<string, number>> {
  if (!activityIds.length) return new Map();
  const rows = await db
    .selectFrom("coproduction_activity_feedback as l")
    .innerJoin("feedback_item", "feedback_item.id", "l.feedback_item_id")
    .select(["l.activity_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("l.activity_id", "in", activityIds)
    .where(notFlagged)
    .groupBy("l.activity_id")
    .execute();
  return new Map(rows.map((r) => [r.activity_id, Number(r.n)]));
}
