/**
 * Feedback about anything, sent at /feedback (docs/decisions/021-feedback-front-door-and-triage.md).
 * One `feedback_item` per message with source "general", a random reference, the date a
 * response is due (20 working days) and, only with consent, an email address for updates.
 * Text that may tell of harm is flagged for the safeguarding lead in the same transaction.
 */
import { sql, type Kysely } from "kysely";
import type { Database, FeedbackRespondent, FeedbackTopic } from "../../db/schema";
import { inTransaction, timestamp } from "../area/changes.server";
import { enqueueEmail } from "../email/outbox.server";
import { loadHolidays } from "../revisits/revisits.server";
import { ukToday } from "../surveys/uk-time";
import { addWorkingDays } from "../revisits/timeline";
import { flagPageFeedback, notFlagged } from "../safeguarding/safeguarding.server";
import { hitRateLimit } from "../security/rate-limit.server";
import { attachToItem, awaitingFileCheck, findPending, type NewAttachment } from "./attachments.server";
import { isNewTo, type NewsViewer } from "./news.server";
import { GENERAL_SOURCE, progressOf, RESPONSE_TARGET_WORKING_DAYS, type ProgressStep } from "./general";
import type { EasyReadFeedbackSchema, StandardFeedbackSchema } from "./general";
import { FEEDBACK_LIMIT, FEEDBACK_WINDOW_MS } from "./page-feedback.server";
import { newReference } from "./reference";
import { isUuid } from "./schemas";
import type { z } from "zod";

type Db = Kysely<Database>;

export type GeneralFeedbackInput =
  | ({ format: "standard" } & z.infer<typeof StandardFeedbackSchema>)
  | ({ format: "easy_read" } & z.infer<typeof EasyReadFeedbackSchema>);

export type SendResult =
  | { ok: true; reference: string }
  | { ok: false; reason: "rate-limited"; retryAt: Date }
  /** The upload kept earlier is gone (used, or more than a day old): nothing was stored. */
  | { ok: false; reason: "attachment-gone" };

/** A file sent with the message: checked bytes, or the token of one kept from an earlier try. */
export type AttachmentToSend = NewAttachment | { pendingToken: string };

/** Looking up references: enough for a family, too few to guess one. */
export const LOOKUP_LIMIT = 30;
export const LOOKUP_WINDOW_MS = 10 * 60 * 1000;

export async function listDistrictChoices(db: Db) {
  return db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute();
}

/**
 * Stores one message and returns its reference. Over the rate limit (shared with the
 * page feedback forms), stores nothing and says when to try again. With consent, an
 * acknowledgement goes to the address given, in the same transaction: the reference
 * and where to follow it, never what was written. A drawing, photo or recording is stored
 * (or, kept from an earlier try, attached) in the same transaction: all or nothing.
 */
export async function sendGeneralFeedback(
  db: Db,
  {
    input,
    attachment,
    clientIp,
    baseUrl,
    now,
  }: { input: GeneralFeedbackInput; attachment?: AttachmentToSend; clientIp: string; baseUrl: string; now: Date },
): Promise<SendResult> {
  const holidays = await loadHolidays(db);
  return inTransaction(db, async (trx) => {
    const limit = await hitRateLimit(trx, {
      key: `page-feedback:ip:${clientIp}`,
      limit: FEEDBACK_LIMIT,
      windowMs: FEEDBACK_WINDOW_MS,
      now,
    });
    if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAt: limit.resetAt } as const;
    const pending =
      attachment && "pendingToken" in attachment ? await findPending(trx, attachment.pendingToken, now, { lock: true }) : undefined;
    if (attachment && "pendingToken" in attachment && !pending) return { ok: false, reason: "attachment-gone" } as const;

    const district =
      input.format === "standard" && input.district !== ""
        ? await trx.selectFrom("district").select("id").where("slug", "=", input.district).executeTakeFirst()
        : undefined;
    const email = input.email === "" ? null : input.email;
    for (let attempt = 0; attempt < 5; attempt++) {
      const inserted = await trx
        .insertInto("feedback_item")
        .values({
          reference: newReference(),
          source: GENERAL_SOURCE,
          body: input.body,
          status: "received",
          // The schema checked it is one of the four.
          respondent: input.respondent as FeedbackRespondent,
          district_id: district?.id ?? null,
          topic: input.format === "standard" ? (input.topic as FeedbackTopic | undefined) ?? null : null,
          format: input.format,
          face: input.format === "easy_read" && input.face ? Number(input.face) : null,
          contact_email: email,
          contact_consent_at: email ? now : null,
          target_date: addWorkingDays(ukToday(now), RESPONSE_TARGET_WORKING_DAYS, holidays),
          created_at: now,
          updated_at: timestamp(now),
        })
        .onConflict((oc) => oc.column("reference").doNothing())
        .returning(["id", "reference"])
        .executeTakeFirst();
      if (!inserted) continue; // A clash of random references: draw again.
      if (pending) await attachToItem(trx, { feedbackItemId: inserted.id, attachment: { pendingId: pending.id } });
      else if (attachment && !("pendingToken" in attachment)) await attachToItem(trx, { feedbackItemId: inserted.id, attachment });
      await flagPageFeedback(trx, { feedbackItemId: inserted.id, text: input.body, now });
      if (email) {
        await enqueueEmail(
          trx,
          {
            kind: "feedback.received",
            to: email,
            subject: `We have your feedback: ${inserted.reference}`,
            text: [
              "Thank you for your feedback to the SEND partnership.",
              "",
              `Your reference is ${inserted.reference}.`,
              `You can see what is happening with it at ${baseUrl}/feedback/${inserted.reference}`,
              "",
              "We will email you when there is news. For your privacy, this email does not repeat what you wrote.",
            ].join("\n"),
          },
          now,
        );
      }
      return { ok: true, reference: inserted.reference } as const;
    }
    throw new Error("could not find a free feedback reference");
  });
}

export interface Progress {
  reference: string;
  receivedOn: string;
  step: ProgressStep;
  targetDate: string | null;
  workingGroup: string | null;
  format: string;
}

/**
 * What a family may see of an item by its reference: when it arrived, where it is and
 * who has it. Nothing they wrote, nothing about them. Counts towards a rate limit, so
 * references cannot be guessed by trying them.
 */
export async function lookUpProgress(
  db: Db,
  { reference, clientIp, now }: { reference: string; clientIp: string; now: Date },
): Promise<{ ok: true; progress: Progress | undefined } | { ok: false; reason: "rate-limited"; retryAt: Date }> {
  const limit = await hitRateLimit(db, { key: `feedback-lookup:ip:${clientIp}`, limit: LOOKUP_LIMIT, windowMs: LOOKUP_WINDOW_MS, now });
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAt: limit.resetAt };
  const row = await db
    .selectFrom("feedback_item")
    .leftJoin("working_group", "working_group.id", "feedback_item.working_group_id")
    .select([
      "feedback_item.reference",
      "feedback_item.created_at",
      "feedback_item.status",
      "feedback_item.target_date",
      "feedback_item.format",
      "feedback_item.source",
      "working_group.name as group_name",
    ])
    .where("feedback_item.reference", "=", reference)
    .executeTakeFirst();
  if (!row) return { ok: true, progress: undefined };
  const step = progressOf(row.status);
  return {
    ok: true,
    progress: {
      reference: row.reference,
      receivedOn: ukToday(row.created_at),
      step,
      targetDate: row.target_date ? String(row.target_date).slice(0, 10) : null,
      // Page feedback goes to Engagement by default; a family hears of a group once it is theirs.
      workingGroup: row.source === GENERAL_SOURCE && step !== "received" ? row.group_name ?? null : null,
      format: row.format,
    },
  };
}

// ---- The officers' inbox -------------------------------------------------------------

/** What officers see of an item, in the inbox and on its triage page. */
const itemColumns = [
  "feedback_item.id",
  "feedback_item.reference",
  "feedback_item.respondent",
  "feedback_item.topic",
  "feedback_item.format",
  "feedback_item.face",
  "feedback_item.body",
  "feedback_item.status",
  "feedback_item.target_date",
  "feedback_item.created_at",
] as const;

export async function listGeneralFeedback(
  db: Db,
  {
    status,
    overdueOnly,
    groupId,
    onlyGroups,
    search,
    newTo,
    newOnly,
    today,
    limit,
    offset,
  }: {
    status?: ProgressStep;
    overdueOnly?: boolean;
    /** One working group's items. */
    groupId?: number;
    /** A group member's view: only these groups' items. */
    onlyGroups?: number[];
    /** Words in the text or the reference. */
    search?: string;
    /** Whose "new" marks to show (docs/decisions/034). */
    newTo?: NewsViewer;
    /** Only the items new to `newTo`. */
    newOnly?: boolean;
    today: string;
    limit: number;
    offset: number;
  },
) {
  let query = db
    .selectFrom("feedback_item")
    .where("feedback_item.source", "=", GENERAL_SOURCE)
    // Flagged items are the safeguarding lead's alone (docs/decisions/020).
    .where(notFlagged);
  if (status) query = query.where("feedback_item.status", "=", status);
  if (groupId !== undefined) query = query.where("feedback_item.working_group_id", "=", groupId);
  if (onlyGroups)
    query = onlyGroups.length ? query.where("feedback_item.working_group_id", "in", onlyGroups) : query.where(sql<boolean>`false`);
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb("feedback_item.body", "ilike", pattern), eb("feedback_item.reference", "ilike", pattern)]));
  }
  if (overdueOnly)
    query = query.where("feedback_item.target_date", "<", today).where("feedback_item.status", "in", ["received", "with_group"]);
  if (newOnly && newTo) query = query.where(isNewTo(newTo));
  const rows = await query
    .leftJoin("working_group", "working_group.id", "feedback_item.working_group_id")
    .select([...itemColumns, "working_group.name as group_name"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("feedback_attachment")
            .select("feedback_attachment.id")
            .whereRef("feedback_attachment.feedback_item_id", "=", "feedback_item.id"),
        )
        .as("has_file"),
    )
    .select((eb) => awaitingFileCheck(eb).as("needs_look"))
    .select((eb) => (newTo ? isNewTo(newTo)(eb) : eb.and([eb.lit(false)])).as("is_new"))
    .orderBy("feedback_item.created_at", "desc")
    .orderBy("feedback_item.id")
    .limit(limit)
    .offset(offset)
    .execute();
  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  return {
    rows: rows.map((row) => {
      const targetDate = row.target_date ? String(row.target_date).slice(0, 10) : null;
      const step = progressOf(row.status);
      return {
        ...row,
        needs_look: Boolean(row.needs_look),
        is_new: Boolean(row.is_new),
        body: row.body.split("\n")[0]!.slice(0, 160),
        step,
        targetDate,
        overdue: targetDate !== null && targetDate < today && (step === "received" || step === "with_group"),
      };
    }),
    total: Number(count),
  };
}

/** One item for an officer; undefined when it does not exist or is flagged for safeguarding. */
export async function getGeneralFeedback(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("feedback_item")
    .leftJoin("district", "district.id", "feedback_item.district_id")
    .leftJoin("working_group", "working_group.id", "feedback_item.working_group_id")
    .select([
      ...itemColumns,
      "feedback_item.contact_email",
      "feedback_item.anonymised_at",
      "feedback_item.file_checked_at",
      "district.name as district_name",
      "working_group.name as group_name",
    ])
    .select((eb) => awaitingFileCheck(eb).as("needs_look"))
    .where("feedback_item.id", "=", id)
    .where("feedback_item.source", "=", GENERAL_SOURCE)
    .where(notFlagged)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    needs_look: Boolean(row.needs_look),
    step: progressOf(row.status),
    targetDate: row.target_date ? String(row.target_date).slice(0, 10) : null,
  };
}
