/**
 * Closing the loop (docs/decisions/024-closing-the-loop.md): a working group writes a
 * response to a family; a lead of the group approves it; only then does the family see
 * it on their reference page and, if they agreed to contact, get it by email. When a
 * task linked to someone's feedback changes its RAG or outcome, everyone linked who
 * agreed to contact is told. Every step is in the item's history and the audit log.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { enqueueEmail } from "../email/outbox.server";
import { notFlagged } from "../safeguarding/safeguarding.server";
import { FEEDBACK_PATH, GENERAL_SOURCE } from "./general";
import { checkResponse, type ResponseErrors, type ResponseInput } from "./response";
import { INBOX_PATH } from "./triage";
import { lockItem, recordEvent } from "./triage.server";

type Db = Kysely<Database>;

/** Whether the user leads the working group (and so approves its responses). */
export async function isGroupLead(db: Db, { userId, groupId }: { userId: string; groupId: number | null }): Promise<boolean> {
  if (groupId === null) return false;
  const row = await db
    .selectFrom("user_working_group")
    .innerJoin("app_user", "app_user.id", "user_working_group.user_id")
    .select("user_working_group.user_id")
    .where("user_working_group.user_id", "=", userId)
    .where("user_working_group.working_group_id", "=", groupId)
    .where("user_working_group.is_lead", "=", true)
    .where("app_user.disabled_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The response to an item, with who wrote and approved it; undefined when none is written. */
export async function getResponse(db: Db, itemId: string) {
  return db
    .selectFrom("feedback_response")
    .leftJoin("app_user as writer", "writer.id", "feedback_response.written_by")
    .leftJoin("app_user as approver", "approver.id", "feedback_response.approved_by")
    .select([
      "feedback_response.outcome",
      "feedback_response.plain",
      "feedback_response.easy_read",
      "feedback_response.reason",
      "feedback_response.written_at",
      "feedback_response.approved_at",
      "writer.name as written_by_name",
      "approver.name as approved_by_name",
    ])
    .where("feedback_response.feedback_item_id", "=", itemId)
    .executeTakeFirst();
}

/** What a family sees on their reference page: the approved response only. */
export async function getApprovedResponse(db: Db, reference: string) {
  return db
    .selectFrom("feedback_response")
    .innerJoin("feedback_item", "feedback_item.id", "feedback_response.feedback_item_id")
    .select([
      "feedback_response.outcome",
      "feedback_response.plain",
      "feedback_response.easy_read",
      "feedback_response.reason",
      "feedback_response.approved_at",
    ])
    .where("feedback_item.reference", "=", reference)
    .where("feedback_item.source", "=", GENERAL_SOURCE)
    .where("feedback_response.approved_at", "is not", null)
    .where(notFlagged)
    .executeTakeFirst();
}

type Refusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; errors: ResponseErrors & { form?: string } }
  | { ok: false; reason: "forbidden" };

/**
 * Writes (or rewrites) the response to an item given to a working group. It waits for a
 * lead's approval; rewriting an approved response is refused (the family has read it).
 * Leads of the group are emailed a link, never the words.
 */
export async function writeResponse(
  db: Db,
  { id, input, by, now, origin }: { id: string; input: ResponseInput; by: ChangedBy; now: Date; origin: string },
): Promise<{ ok: true } | Refusal> {
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    if (item.working_group_id === null) return { ok: false, reason: "invalid", errors: { form: "response.errors.noGroup" } } as const;
    const { format } = await trx.selectFrom("feedback_item").select("format").where("id", "=", item.id).executeTakeFirstOrThrow();
    const checked = checkResponse(input, { needsEasyRead: format === "easy_read" });
    if (!checked.ok) return { ok: false, reason: "invalid", errors: checked.errors } as const;
    const existing = await trx
      .selectFrom("feedback_response")
      .select("approved_at")
      .where("feedback_item_id", "=", item.id)
      .executeTakeFirst();
    if (existing?.approved_at) return { ok: false, reason: "invalid", errors: { form: "response.errors.alreadySent" } } as const;
    const values = {
      outcome: checked.response.outcome,
      plain: checked.response.plain,
      easy_read: checked.response.easyRead,
      reason: checked.response.reason,
      written_by: by.userId,
      written_at: timestamp(now),
      approved_by: null,
      approved_at: null,
    };
    await trx
      .insertInto("feedback_response")
      .values({ feedback_item_id: item.id, ...values })
      .onConflict((oc) => oc.column("feedback_item_id").doUpdateSet(values))
      .execute();
    await recordEvent(trx, { itemId: item.id, kind: "response_written", by, now, details: { outcome: checked.response.outcome } });
    const leads = await trx
      .selectFrom("user_working_group")
      .innerJoin("app_user", "app_user.id", "user_working_group.user_id")
      .select("app_user.email")
      .where("user_working_group.working_group_id", "=", item.working_group_id)
      .where("user_working_group.is_lead", "=", true)
      .where("app_user.disabled_at", "is", null)
      .where("app_user.id", "!=", by.userId)
      .execute();
    for (const lead of leads) {
      await enqueueEmail(
        trx,
        {
          kind: "feedback.response-to-approve",
          to: lead.email,
          subject: `A response to ${item.reference} is waiting for your approval`,
          text: [
            `A response to feedback ${item.reference} has been written and needs a group lead's approval before the family sees it.`,
            "",
            `Sign in to read and approve it: ${origin}${INBOX_PATH}/${item.id}#response`,
          ].join("\n"),
        },
        now,
      );
    }
    return { ok: true } as const;
  });
}

const OUTCOME_WORDS: Record<string, string> = {
  done: "We have done something about it.",
  will_do: "We are going to do something about it.",
  cannot_do: "We can't do what you asked.",
};

/**
 * A lead of the item's group approves its response: the item moves to "responded", the
 * reference page shows the response, and a family who agreed to contact is emailed it,
 * all in one transaction.
 */
export async function approveResponse(
  db: Db,
  { id, by, now, origin }: { id: string; by: ChangedBy; now: Date; origin: string },
): Promise<{ ok: true } | Refusal> {
  return inTransaction(db, async (trx) => {
    const item = await lockItem(trx, id);
    if (!item) return { ok: false, reason: "not-found" } as const;
    if (!by.userId || !(await isGroupLead(trx, { userId: by.userId, groupId: item.working_group_id })))
      return { ok: false, reason: "forbidden" } as const;
    const response = await trx.selectFrom("feedback_response").selectAll().where("feedback_item_id", "=", item.id).executeTakeFirst();
    if (!response) return { ok: false, reason: "invalid", errors: { form: "response.errors.nothingToApprove" } } as const;
    if (response.approved_at) return { ok: false, reason: "invalid", errors: { form: "response.errors.alreadySent" } } as const;
    await trx
      .updateTable("feedback_response")
      .set({ approved_by: by.userId, approved_at: timestamp(now) })
      .where("feedback_item_id", "=", item.id)
      .execute();
    await trx
      .updateTable("feedback_item")
      .set({ status: "responded", updated_at: timestamp(now) })
      .where("id", "=", item.id)
      .execute();
    const contact = await trx
      .selectFrom("feedback_item")
      .select(["contact_email", "contact_consent_at", "format"])
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    const told = Boolean(contact.contact_email && contact.contact_consent_at);
    await recordEvent(trx, {
      itemId: item.id,
      kind: "response_approved",
      by,
      now,
      ...(item.status !== "responded" ? { from: item.status, to: "responded" } : {}),
      details: { emailed: told },
    });
    if (told) {
      await enqueueEmail(
        trx,
        {
          kind: "feedback.response",
          to: contact.contact_email!,
          subject: `A response to your feedback ${item.reference}`,
          text: [
            `Thank you for your feedback ${item.reference}. Here is our response.`,
            "",
            OUTCOME_WORDS[response.outcome] ?? "",
            "",
            response.plain,
            ...(response.reason ? ["", `Why not: ${response.reason}`] : []),
            ...(contact.format === "easy_read" && response.easy_read ? ["", "In easy read:", "", response.easy_read] : []),
            "",
            `You can read this again at ${origin}${FEEDBACK_PATH}/${item.reference}`,
          ].join("\n"),
        },
        now,
      );
    }
    return { ok: true } as const;
  });
}

/** The first working group an action belongs to, for a link to its public page. */
async function groupSlugOf(db: Db, actionId: number): Promise<string | null> {
  const row = await db
    .selectFrom("action_working_group")
    .innerJoin("working_group", "working_group.id", "action_working_group.working_group_id")
    .select("working_group.slug")
    .where("action_working_group.action_id", "=", actionId)
    .orderBy("working_group.number")
    .executeTakeFirst();
  return row?.slug ?? null;
}

/**
 * Tells everyone whose feedback is linked to a task, and who agreed to contact, that the
 * task has changed. Runs inside the transaction that records the change. Items flagged
 * for safeguarding are left to the safeguarding lead.
 */
export async function tellLinkedFamilies(
  trx: Db,
  {
    task,
    rag,
    outcome,
    by,
    now,
    origin,
  }: {
    task: { id: number; code: string; description: string; actionId: number };
    rag: string;
    outcome: string;
    by: ChangedBy;
    now: Date;
    origin: string;
  },
): Promise<number> {
  const linked = await trx
    .selectFrom("feedback_item_task")
    .innerJoin("feedback_item", "feedback_item.id", "feedback_item_task.feedback_item_id")
    .select(["feedback_item.id", "feedback_item.reference", "feedback_item.contact_email"])
    .where("feedback_item_task.task_id", "=", task.id)
    .where("feedback_item.contact_email", "is not", null)
    .where("feedback_item.contact_consent_at", "is not", null)
    .where(notFlagged)
    .execute();
  if (linked.length === 0) return 0;
  const groupSlug = await groupSlugOf(trx, task.actionId);
  const ragWords: Record<string, string> = {
    red: "red (not on track)",
    amber: "amber (some delay)",
    green: "green (on track)",
    blue: "blue (done)",
  };
  for (const item of linked) {
    await enqueueEmail(
      trx,
      {
        kind: "feedback.task-changed",
        to: item.contact_email!,
        subject: `News on work linked to your feedback ${item.reference}`,
        text: [
          `Your feedback ${item.reference} is linked to a piece of the partnership's work: ${task.code}, ${task.description}`,
          "",
          `It has been updated. It is now ${ragWords[rag] ?? rag}.`,
          ...(outcome ? ["", `What has happened: ${outcome}`] : []),
          "",
          groupSlug ? `See all the working group's progress: ${origin}/working-groups/${groupSlug}` : "",
          `Your feedback: ${origin}${FEEDBACK_PATH}/${item.reference}`,
        ]
          .filter((line, i, all) => line !== "" || all[i - 1] !== "")
          .join("\n"),
      },
      now,
    );
    await recordEvent(trx, { itemId: item.id, kind: "task_changed", by, now, details: { task: task.code, rag } });
  }
  return linked.length;
}
