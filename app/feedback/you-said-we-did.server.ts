/**
 * "You said, we did" (SEND Regulations 2014, reg. 56): anonymised comments on the
 * local offer with the area's response and the action it will take, written by
 * officers and published at least once a year. Only entries with `published_at`
 * set are ever shown to the public. The comment is always the officer's own
 * anonymised wording: nothing here copies a family's words into an entry.
 */
import type { Kysely } from "kysely";
import type { CosignedAs, Database, YouSaidTheme } from "../../db/schema";
import { changesBetween, inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isFeedbackFlagged } from "../safeguarding/safeguarding.server";
import { feedbackTypes, pageSources, type FeedbackType } from "./model";
import { GENERAL_SOURCE } from "./general";
import { countPageFeedback } from "./page-feedback.server";
import { isUuid, youSaidThemes, type YouSaidWeDidInput } from "./schemas";
import { cosignRoles, publishableCount, yearBounds, type ShownCount } from "./you-said-we-did";

type Db = Kysely<Database>;

const entryColumns = [
  "id",
  "year",
  "theme",
  "you_said",
  "we_did",
  "action",
  "published_at",
  "feedback_item_id",
  "created_at",
  "updated_at",
] as const;

/** Published entries as the public sees them, with their working group: newest year first, then in the order they were published. */
function publishedEntries(db: Db, year?: number) {
  return db
    .selectFrom("you_said_we_did")
    .leftJoin("working_group", "working_group.id", "you_said_we_did.working_group_id")
    .select([
      "you_said_we_did.id",
      "you_said_we_did.year",
      "you_said_we_did.theme",
      "you_said_we_did.you_said",
      "you_said_we_did.we_did",
      "you_said_we_did.action",
      "you_said_we_did.published_at",
      "you_said_we_did.cosigned_as",
      "working_group.name as group_name",
      "working_group.slug as group_slug",
      "working_group.number as group_number",
    ])
    .where("you_said_we_did.published_at", "is not", null)
    .$if(year !== undefined, (qb) => qb.where("you_said_we_did.year", "=", year!))
    .orderBy("you_said_we_did.year", "desc")
    .orderBy("you_said_we_did.published_at")
    .orderBy("you_said_we_did.created_at")
    .orderBy("you_said_we_did.id")
    .execute();
}

/** Every published entry, newest year first; within a year, in the order they were published. */
export async function listPublishedEntries(db: Db) {
  return publishedEntries(db);
}

/** The years that have a yearly report: at least one published entry. */
export async function listPublishedYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom("you_said_we_did")
    .select("year")
    .distinct()
    .where("published_at", "is not", null)
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => r.year);
}

/**
 * Everything the yearly report shows, or undefined when nothing is published for
 * the year. Feedback counts under 5 are already "fewer than 5" here, so the exact
 * number never reaches the page (not even in its data).
 */
export async function getAnnualReport(db: Db, { year }: { year: number }) {
  const entries = await publishedEntries(db, year);
  if (entries.length === 0) return undefined;
  const themeCounts = Object.fromEntries(youSaidThemes.map((theme) => [theme, entries.filter((e) => e.theme === theme).length])) as Record<
    YouSaidTheme,
    number
  >;
  const published = entries.map((e) => e.published_at!.getTime());
  const counts = await countPageFeedback(db, yearBounds(year));
  const feedbackCounts = Object.fromEntries(feedbackTypes.map((type) => [type, publishableCount(counts[type])])) as Record<
    FeedbackType,
    ShownCount
  >;
  return {
    year,
    entries,
    themeCounts,
    feedbackCounts,
    firstPublishedAt: new Date(Math.min(...published)),
    lastPublishedAt: new Date(Math.max(...published)),
  };
}

// ---- Officers ------------------------------------------------------------------------

/** Drafts first (newest changed first), then published entries by year and date. */
export async function listAllEntries(db: Db) {
  const rows = await db
    .selectFrom("you_said_we_did")
    .select([...entryColumns])
    .orderBy("year", "desc")
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .execute();
  return {
    drafts: rows.filter((r) => r.published_at === null),
    published: rows.filter((r) => r.published_at !== null),
  };
}

/** Where staff read the feedback an entry was written from. */
export function feedbackHref(item: { id: string; source: string | null }): string {
  return item.source === GENERAL_SOURCE ? `/admin/feedback/${item.id}` : `/admin/local-offer/feedback/${item.id}`;
}

export async function getEntry(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom("you_said_we_did")
    .leftJoin("feedback_item", "feedback_item.id", "you_said_we_did.feedback_item_id")
    .select([
      "you_said_we_did.id",
      "you_said_we_did.year",
      "you_said_we_did.theme",
      "you_said_we_did.you_said",
      "you_said_we_did.we_did",
      "you_said_we_did.action",
      "you_said_we_did.published_at",
      "you_said_we_did.feedback_item_id",
      "you_said_we_did.updated_at",
      "feedback_item.reference as feedback_reference",
      "feedback_item.source as feedback_source",
    ])
    .where("you_said_we_did.id", "=", id)
    .executeTakeFirst();
}

/** A feedback item (page feedback or from /feedback) that an entry is being written from (the officer sees it; it is never copied). */
async function existingFeedbackItem(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await db
    .selectFrom("feedback_item")
    .select("id")
    .where("id", "=", id)
    .where("source", "in", [...pageSources, GENERAL_SOURCE])
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Said when an officer tries to publish an entry written from feedback the safeguarding lead holds. */
export const FLAGGED_FEEDBACK_MESSAGE =
  "This entry cannot be published: the feedback it was written from has been flagged for the designated safeguarding lead.";

/**
 * A flagged feedback item never reaches "You said, we did" (docs/decisions/020): publishing
 * refuses with 409 Conflict and a plain message, which the route's error page shows.
 */
async function refuseIfFlagged(db: Db, feedbackItemId: string | null): Promise<void> {
  if (feedbackItemId && (await isFeedbackFlagged(db, feedbackItemId))) {
    throw new Response(FLAGGED_FEEDBACK_MESSAGE, { status: 409, statusText: "Conflict" });
  }
}

function auditDetails(entry: { year: number; theme: YouSaidTheme }) {
  // Field names and the year only: a draft's words may still identify someone.
  return { year: entry.year, theme: entry.theme };
}

export async function createEntry(
  db: Db,
  { entry, publish, by, now }: { entry: YouSaidWeDidInput; publish: boolean; by: ChangedBy; now: Date },
): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const feedbackItemId = await existingFeedbackItem(trx, entry.feedbackItemId);
    if (publish) await refuseIfFlagged(trx, feedbackItemId);
    const group = feedbackItemId
      ? await trx.selectFrom("feedback_item").select("working_group_id").where("id", "=", feedbackItemId).executeTakeFirst()
      : undefined;
    const { id } = await trx
      .insertInto("you_said_we_did")
      .values({
        year: entry.year,
        theme: entry.theme,
        you_said: entry.youSaid,
        we_did: entry.weDid,
        action: entry.action,
        feedback_item_id: feedbackItemId,
        working_group_id: group?.working_group_id ?? null,
        published_at: publish ? now : null,
        created_by: by.userId,
        created_at: now,
        updated_at: timestamp(now),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      userId: by.userId,
      action: publish ? "you-said-we-did.published" : "you-said-we-did.created",
      subjectType: "you_said_we_did",
      subjectId: id,
      details: { ...auditDetails(entry), feedbackItemId },
      requestId: by.requestId,
    });
    return { id };
  });
}

export type EntryWriteResult = { ok: true; changed: boolean; published: boolean } | { ok: false; reason: "not-found" };

/**
 * Saves an entry's words; `publish` true publishes it too (a published entry stays
 * published), false leaves its state as it was. Audited with the names of the fields that changed.
 */
export async function updateEntry(
  db: Db,
  { id, entry, publish, by, now }: { id: string; entry: YouSaidWeDidInput; publish: boolean; by: ChangedBy; now: Date },
): Promise<EntryWriteResult> {
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("you_said_we_did")
      .select([...entryColumns])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    const changes = changesBetween(
      { year: before.year, theme: before.theme, youSaid: before.you_said, weDid: before.we_did, action: before.action },
      { year: entry.year, theme: entry.theme, youSaid: entry.youSaid, weDid: entry.weDid, action: entry.action },
    );
    const publishing = publish && before.published_at === null;
    if (publishing) await refuseIfFlagged(trx, before.feedback_item_id);
    if (Object.keys(changes).length === 0 && !publishing)
      return { ok: true, changed: false, published: before.published_at !== null } as const;
    await trx
      .updateTable("you_said_we_did")
      .set({
        year: entry.year,
        theme: entry.theme,
        you_said: entry.youSaid,
        we_did: entry.weDid,
        action: entry.action,
        ...(publishing ? { published_at: now } : {}),
        // A co-signature is for the words as they were: new words need signing again.
        ...(Object.keys(changes).length > 0 ? { cosigned_by: null, cosigned_at: null, cosigned_as: null } : {}),
        updated_at: timestamp(now),
      })
      .where("id", "=", id)
      .execute();
    if (Object.keys(changes).length > 0) {
      await recordAudit(trx, {
        userId: by.userId,
        action: "you-said-we-did.updated",
        subjectType: "you_said_we_did",
        subjectId: id,
        details: { ...auditDetails(entry), fields: Object.keys(changes) },
        requestId: by.requestId,
      });
    }
    if (publishing) {
      await recordAudit(trx, {
        userId: by.userId,
        action: "you-said-we-did.published",
        subjectType: "you_said_we_did",
        subjectId: id,
        details: auditDetails(entry),
        requestId: by.requestId,
      });
    }
    return { ok: true, changed: true, published: before.published_at !== null || publishing } as const;
  });
}

/** Takes an entry off the public pages (it becomes a draft again), with an audit entry. */
export async function unpublishEntry(
  db: Db,
  { id, by, now }: { id: string; by: ChangedBy; now: Date },
): Promise<{ ok: true; changed: boolean } | { ok: false; reason: "not-found" }> {
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom("you_said_we_did")
      .select(["year", "theme", "published_at"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    if (before.published_at === null) return { ok: true, changed: false } as const;
    await trx
      .updateTable("you_said_we_did")
      .set({ published_at: null, updated_at: timestamp(now) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "you-said-we-did.unpublished",
      subjectType: "you_said_we_did",
      subjectId: id,
      details: auditDetails(before),
      requestId: by.requestId,
    });
    return { ok: true, changed: true } as const;
  });
}

// ---- Co-signing by the families' representatives -------------------------------------

/** Published entries for the families' representatives: signed or waiting for a signature. */
export async function listForCosigning(db: Db) {
  return db
    .selectFrom("you_said_we_did")
    .leftJoin("app_user", "app_user.id", "you_said_we_did.cosigned_by")
    .leftJoin("working_group", "working_group.id", "you_said_we_did.working_group_id")
    .select([
      "you_said_we_did.id",
      "you_said_we_did.year",
      "you_said_we_did.theme",
      "you_said_we_did.you_said",
      "you_said_we_did.we_did",
      "you_said_we_did.action",
      "you_said_we_did.cosigned_as",
      "you_said_we_did.cosigned_at",
      "app_user.name as cosigned_by_name",
      "working_group.name as group_name",
    ])
    .where("you_said_we_did.published_at", "is not", null)
    .orderBy("you_said_we_did.cosigned_at", (ob) => ob.desc().nullsFirst())
    .orderBy("you_said_we_did.year", "desc")
    .orderBy("you_said_we_did.published_at")
    .orderBy("you_said_we_did.id")
    .execute();
}

export type CosignResult = { ok: true } | { ok: false; reason: "not-found" | "not-published" | "already" | "invalid" };

/** A representative co-signs a published entry, as the forum or the participation council. Audited. */
export async function cosignEntry(
  db: Db,
  { id, as, by, now }: { id: string; as: string; by: ChangedBy; now: Date },
): Promise<CosignResult> {
  if (!isUuid(id)) return { ok: false, reason: "not-found" };
  if (!(cosignRoles as readonly string[]).includes(as)) return { ok: false, reason: "invalid" };
  return inTransaction(db, async (trx) => {
    const entry = await trx
      .selectFrom("you_said_we_did")
      .select(["year", "theme", "published_at", "cosigned_at"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!entry) return { ok: false, reason: "not-found" } as const;
    if (entry.published_at === null) return { ok: false, reason: "not-published" } as const;
    if (entry.cosigned_at !== null) return { ok: false, reason: "already" } as const;
    await trx
      .updateTable("you_said_we_did")
      .set({ cosigned_by: by.userId, cosigned_at: timestamp(now), cosigned_as: as as CosignedAs })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "you-said-we-did.cosigned",
      subjectType: "you_said_we_did",
      subjectId: id,
      details: { ...auditDetails(entry), as },
      requestId: by.requestId,
    });
    return { ok: true } as const;
  });
}
