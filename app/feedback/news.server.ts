/**
 * Telling working groups of new feedback in the portal, not only by email (issue 6, point 2;
 * docs/decisions/034). An item is new to a person while it waits in their queue — given to
 * one of their working groups, or, for officers and admins, not yet given to any — and they
 * have not opened it since it came there. Opening the item's page records that they saw it.
 * Items flagged for safeguarding are never new to anyone here: they are the lead's alone.
 */
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { notFlagged } from "../safeguarding/safeguarding.server";
import { GENERAL_SOURCE } from "./general";
import { seesAll, type Viewer } from "./triage";

type Db = Kysely<Database>;

/** A signed-in person whose queue is asked about. */
export interface NewsViewer extends Viewer {
  id: string;
}

/** Statuses in which an item still waits for someone to act: closed and answered items are never new. */
const WAITING = ["received", "with_group"] as const;

/**
 * When the item came to the queue it is in now: given to its current group (the latest such
 * step in its history; page feedback starts with a group and no step), or, with no group,
 * when it arrived.
 */
const cameAt = sql<Date>`case when feedback_item.working_group_id is null then feedback_item.created_at
  else coalesce(
    (select max(e.created_at) from feedback_event e
      where e.feedback_item_id = feedback_item.id and e.kind = 'assigned' and e.working_group_id = feedback_item.working_group_id),
    feedback_item.created_at)
  end`;

/** For a query on feedback_item: the item is in this person's queue and they have not opened it since it came. */
export function isNewTo(viewer: NewsViewer) {
  return (eb: ExpressionBuilder<Database, "feedback_item">) => {
    const inQueue = [
      ...(seesAll(viewer) ? [eb("feedback_item.working_group_id", "is", null)] : []),
      ...(viewer.workingGroupIds.length ? [eb("feedback_item.working_group_id", "in", viewer.workingGroupIds)] : []),
    ];
    if (inQueue.length === 0) return eb.and([eb.lit(false)]);
    return eb.and([
      eb("feedback_item.source", "=", GENERAL_SOURCE),
      eb("feedback_item.status", "in", [...WAITING]),
      notFlagged(eb),
      eb.or(inQueue),
      eb.not(
        eb.exists(
          eb
            .selectFrom("feedback_item_seen")
            .select("feedback_item_seen.user_id")
            .where("feedback_item_seen.user_id", "=", viewer.id)
            .whereRef("feedback_item_seen.feedback_item_id", "=", "feedback_item.id")
            .where("feedback_item_seen.seen_at", ">=", cameAt),
        ),
      ),
    ]);
  };
}

/**
 * How many items are new to this person: for the inbox's banner and the staff area's home
 * page. Zero for anyone without a queue (no working group, and not an officer or admin).
 */
export async function countNewFeedbackFor(db: Db, viewer: NewsViewer): Promise<number> {
  const { count } = await db
    .selectFrom("feedback_item")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where(isNewTo(viewer))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Records that this person opened the item now: it is no longer new to them (until it comes to them again). */
export async function markFeedbackSeen(db: Db, { userId, itemId, now }: { userId: string; itemId: string; now: Date }): Promise<void> {
  await db
    .insertInto("feedback_item_seen")
    .values({ user_id: userId, feedback_item_id: itemId, seen_at: now })
    .onConflict((oc) => oc.columns(["user_id", "feedback_item_id"]).doUpdateSet({ seen_at: now }))
    .execute();
}
