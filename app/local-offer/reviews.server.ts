/**
 * The review-due queue: published entries whose check is due soon, overdue or
 * escalated (past ESCALATE_MONTHS: officers may hide them), and the entries
 * already hidden from families. Providers see only their own organisation's.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { actorKind } from "./workflow";
import type { Actor } from "./editing.server";
import { reviewState, type ReviewState } from "./review";

type Db = Kysely<Database>;

async function publishedInScope(db: Db, actor: Actor) {
  let query = db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .select([
      "service.id",
      "service.slug",
      "service.name",
      "service.last_reviewed_at",
      "service.review_due_on",
      "service.published_at",
      "service.hidden_at",
      "service.hidden_reason",
      "organisation.name as organisation_name",
    ])
    .where("service.status", "=", "published");
  if (actorKind(actor.role) !== "editor") {
    query = actor.organisationId ? query.where("service.organisation_id", "=", actor.organisationId) : query.where(sql<boolean>`false`);
  }
  return query.orderBy("service.review_due_on").orderBy("service.name").execute();
}

export type QueueRow = Awaited<ReturnType<typeof publishedInScope>>[number] & { reviewState: ReviewState };

/** Entries needing a check, most urgent group first; each list by due date. Hidden entries are listed apart. */
export async function listReviewQueue(db: Db, { actor, today }: { actor: Actor; today: string }) {
  const rows: QueueRow[] = (await publishedInScope(db, actor)).map((row) => ({ ...row, reviewState: reviewState(row, today) }));
  const visible = rows.filter((row) => row.hidden_at === null);
  return {
    escalated: visible.filter((row) => row.reviewState === "escalated"),
    overdue: visible.filter((row) => row.reviewState === "overdue"),
    dueSoon: visible.filter((row) => row.reviewState === "due_soon"),
    hidden: rows.filter((row) => row.hidden_at !== null),
  };
}

/** How many entries are escalated, overdue and due soon (not counting hidden ones), for the hub. */
export async function reviewCounts(db: Db, { actor, today }: { actor: Actor; today: string }) {
  const queue = await listReviewQueue(db, { actor, today });
  return { escalated: queue.escalated.length, overdue: queue.overdue.length, dueSoon: queue.dueSoon.length, hidden: queue.hidden.length };
}
