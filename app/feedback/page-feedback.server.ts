/**
 * Page feedback on the local offer: "Is this page useful?", "Report a problem with
 * this page" and "Tell us what's missing" (SEND Regulations 2014, reg. 56: the area
 * must seek comments on its local offer). Each answer is one `feedback_item` with
 * a random reference (FB-XXXX-XXXX) and the status "received".
 *
 * The feedback-loop issue (later) adds triage, routing to working groups, safeguarding
 * and responses on top of `feedback_item`. Items stored here must be kept and picked up
 * by it: never delete them, keep `source` ("page_useful", "page_problem",
 * "page_missing") and `status` ("received", "closed") as they are, and route them from
 * the Engagement working group, which owns the local offer's feedback for now.
 * Until the safeguarding queue exists, text that may tell of harm reaches a person
 * through the officers' list (/admin/local-offer/feedback) and is never published.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import type { ProblemKind } from "../local-offer/model";
import { flagPageFeedback, notFlagged } from "../safeguarding/safeguarding.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { pageSources, typeOf, type FeedbackStatus, type FeedbackType, type PageSource } from "./model";
import { newReference } from "./reference";
import { isUuid } from "./schemas";
import { firstLine } from "./you-said-we-did";

type Db = Kysely<Database>;

/** Ten answers per visitor's address in ten minutes: plenty for a person, a wall for a script. */
export const FEEDBACK_LIMIT = 10;
export const FEEDBACK_WINDOW_MS = 10 * 60 * 1000;
/** A comment after "No" is added to that answer for this long; after that it is a new item. */
const COMMENT_WINDOW_MS = 60 * 60 * 1000;
/** The working group that receives local offer feedback until the feedback loop routes it. */
export const FEEDBACK_WORKING_GROUP = "engagement";


export type PageFeedbackInput = (
  | { kind: "useful"; useful: boolean; comment: string; reference: string | null }
  | { kind: "problem"; problemKind: ProblemKind; description: string }
  | { kind: "missing"; lookingFor: string }
) & {
  pagePath: string;
  serviceId: string | null;
  /** The visitor's address, for the rate limit only: it is not stored with the feedback. */
  clientIp: string;
  /** The hidden field's value: anything in it means a bot. */
  honeypot?: string;
};

export type RecordResult =
  | { ok: true; reference: string; stored: boolean }
  | { ok: false; reason: "rate-limited"; retryAt: Date };

function rowFor(input: PageFeedbackInput): { source: PageSource; kind: string; useful: boolean | null; body: string } {
  switch (input.kind) {
    case "useful":
      return { source: "page_useful", kind: "", useful: input.useful, body: input.comment };
    case "problem":
      return { source: "page_problem", kind: input.problemKind, useful: null, body: input.description };
    case "missing":
      return { source: "page_missing", kind: "", useful: null, body: input.lookingFor };
  }
}

/**
 * Stores one answer and returns its reference. A filled honeypot stores nothing and
 * still answers with a reference (the bot learns nothing). Over the rate limit,
 * stores nothing and says when to try again. A comment sent after "No" with that
 * answer's reference is added to it rather than counted as a second "No".
 */
export async function recordPageFeedback(db: Db, input: PageFeedbackInput, now: Date): Promise<RecordResult> {
  if (input.honeypot && input.honeypot.trim() !== "") return { ok: true, reference: newReference(), stored: false };
  return inTransaction(db, async (trx) => {
    const limit = await hitRateLimit(trx, { key: `page-feedback:ip:${input.clientIp}`, limit: FEEDBACK_LIMIT, windowMs: FEEDBACK_WINDOW_MS, now });
    if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAt: limit.resetAt } as const;

    const row = rowFor(input);
    if (input.kind === "useful" && input.reference) {
      if (row.body === "") return { ok: true, reference: input.reference, stored: false } as const;
      const updated = await trx
        .updateTable("feedback_item")
        .set({ body: row.body, updated_at: timestamp(now) })
        .where("reference", "=", input.reference)
        .where("source", "=", "page_useful")
        .where("useful", "=", input.useful)
        .where("body", "=", "")
        .where("page_path", "=", input.pagePath)
        .where("created_at", ">", new Date(now.getTime() - COMMENT_WINDOW_MS))
        .returning(["id", "reference"])
        .executeTakeFirst();
      if (updated) {
        await flagPageFeedback(trx, { feedbackItemId: updated.id, text: row.body, now });
        return { ok: true, reference: updated.reference, stored: true } as const;
      }
    }

    const service = input.serviceId
      ? await trx.selectFrom("service").select("id").where("id", "=", input.serviceId).where("status", "=", "published").executeTakeFirst()
      : undefined;
    const group = await trx.selectFrom("working_group").select("id").where("slug", "=", FEEDBACK_WORKING_GROUP).executeTakeFirst();
    // References are random: a clash is very unlikely, and then we simply draw again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const reference = newReference();
      const inserted = await trx
        .insertInto("feedback_item")
        .values({
          reference,
          source: row.source,
          kind: row.kind,
          page_path: input.pagePath,
          service_id: service?.id ?? null,
          useful: row.useful,
          body: row.body,
          working_group_id: group?.id ?? null,
          status: "received",
          created_at: now,
          updated_at: timestamp(now),
        })
        .onConflict((oc) => oc.column("reference").doNothing())
        .returning(["id", "reference"])
        .executeTakeFirst();
      if (inserted) {
        // Safeguarding (docs/decisions/020): words that suggest a risk of harm are flagged for the lead.
        await flagPageFeedback(trx, { feedbackItemId: inserted.id, text: row.body, now });
        return { ok: true, reference: inserted.reference, stored: true } as const;
      }
    }
    throw new Error("could not find a free feedback reference");
  });
}

// ---- The officers' view -------------------------------------------------------------

export { feedbackStatuses, feedbackTypes, pageSources, type FeedbackStatus, type FeedbackType } from "./model";

export async function listPageFeedback(
  db: Db,
  { type, status, limit, offset }: { type?: FeedbackType; status?: FeedbackStatus; limit: number; offset: number },
) {
  let query = db.selectFrom("feedback_item").where("feedback_item.source", "in", [...pageSources]);
  if (type === "useful_yes" || type === "useful_no") {
    query = query.where("feedback_item.source", "=", "page_useful").where("feedback_item.useful", "=", type === "useful_yes");
  } else if (type === "problem") query = query.where("feedback_item.source", "=", "page_problem");
  else if (type === "missing") query = query.where("feedback_item.source", "=", "page_missing");
  if (status) query = query.where("feedback_item.status", "=", status);
  // Feedback flagged for the safeguarding lead is theirs alone: never listed or analysed here.
  query = query.where(notFlagged);

  const rows = await query
    .leftJoin("service", "service.id", "feedback_item.service_id")
    .select([
      "feedback_item.id",
      "feedback_item.reference",
      "feedback_item.source",
      "feedback_item.kind",
      "feedback_item.page_path",
      "feedback_item.useful",
      "feedback_item.body",
      "feedback_item.status",
      "feedback_item.created_at",
      "service.name as service_name",
    ])
    .orderBy("feedback_item.created_at", "desc")
    .orderBy("feedback_item.id")
    .limit(limit)
    .offset(offset)
    .execute();
  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return {
    rows: rows.map(({ body, ...row }) => ({ ...row, type: typeOf(row), excerpt: firstLine(body) })),
    total: Number(count),
  };
}

/** "Is this page useful?" answers per page since `since`, the pages with most "No" first. */
export async function usefulTotals(db: Db, { since, limit = 50 }: { since: Date; limit?: number }) {
  const rows = await db
    .selectFrom("feedback_item")
    .select((eb) => [
      "page_path",
      eb.fn.sum<number>(sql`case when useful then 1 else 0 end`).as("yes"),
      eb.fn.sum<number>(sql`case when useful then 0 else 1 end`).as("no"),
    ])
    .where("source", "=", "page_useful")
    .where("useful", "is not", null)
    .where("created_at", ">=", since)
    .groupBy("page_path")
    .orderBy(sql`sum(case when useful then 0 else 1 end)`, "desc")
    .orderBy(sql`count(*)`, "desc")
    .orderBy("page_path")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ pagePath: r.page_path, yes: Number(r.yes), no: Number(r.no) }));
}

export async function getPageFeedback(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("feedback_item")
    .leftJoin("service", "service.id", "feedback_item.service_id")
    .leftJoin("working_group", "working_group.id", "feedback_item.working_group_id")
    .select([
      "feedback_item.id",
      "feedback_item.reference",
      "feedback_item.source",
      "feedback_item.kind",
      "feedback_item.page_path",
      "feedback_item.useful",
      "feedback_item.body",
      "feedback_item.status",
      "feedback_item.created_at",
      "feedback_item.updated_at",
      "service.name as service_name",
      "service.slug as service_slug",
      "service.status as service_status",
      "working_group.name as working_group_name",
    ])
    .where("feedback_item.id", "=", id)
    .where("feedback_item.source", "in", [...pageSources])
    .executeTakeFirst();
  return row ? { ...row, type: typeOf(row) } : undefined;
}

/**
 * Closes an item (or opens it again), with an audit entry. Kept small on purpose:
 * triage, routing and responses belong to the feedback loop.
 */
export async function setFeedbackStatus(
  db: Db,
  { id, status, by, now }: { id: string; status: FeedbackStatus; by: ChangedBy; now: Date },
): Promise<{ ok: true; changed: boolean } | { ok: false; reason: "not-found" }> {
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom("feedback_item")
      .select(["status", "reference"])
      .where("id", "=", id)
      .where("source", "in", [...pageSources])
      .forUpdate()
      .executeTakeFirst();
    if (!item) return { ok: false, reason: "not-found" } as const;
    if (item.status === status) return { ok: true, changed: false } as const;
    await trx.updateTable("feedback_item").set({ status, updated_at: timestamp(now) }).where("id", "=", id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: status === "closed" ? "feedback.closed" : "feedback.reopened",
      subjectType: "feedback_item",
      subjectId: id,
      details: { reference: item.reference, from: item.status, to: status },
      requestId: by.requestId,
    });
    return { ok: true, changed: true } as const;
  });
}

/** How many answers of each type arrived between `from` and `to` (for the yearly report, before small numbers are hidden). */
export async function countPageFeedback(db: Db, { from, to }: { from: Date; to: Date }): Promise<Record<FeedbackType, number>> {
  const rows = await db
    .selectFrom("feedback_item")
    .select((eb) => ["source", "useful", eb.fn.countAll<number>().as("count")])
    .where("source", "in", [...pageSources])
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .groupBy(["source", "useful"])
    .execute();
  const counts: Record<FeedbackType, number> = { useful_yes: 0, useful_no: 0, problem: 0, missing: 0 };
  for (const row of rows) {
    const type = typeOf(row);
    if (type !== "other") counts[type] += Number(row.count);
  }
  return counts;
}
