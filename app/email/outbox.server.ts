import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { timestamp } from "../area/changes.server";

/**
 * Email is never sent from a request. A message goes into the outbox in the same
 * transaction as the change that caused it (so a rolled-back change sends nothing),
 * and the worker (worker.server.ts) delivers it.
 */
export interface EmailToSend {
  /** What the message is for, e.g. "survey.resume-link": shown to admins and logged. */
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export const EmailToSendSchema = z.object({
  kind: z.string().trim().min(1).max(100),
  to: z.string().trim().email().max(254),
  // A line break in a subject could start a header of its own.
  subject: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, "must be one line"),
  text: z.string().min(1).max(100_000),
});

/**
 * Puts a message in the outbox, to be sent from `now` on. Pass the transaction of the
 * change that caused it. Throws on a message that is not right (callers check what
 * people typed first, so this is a programming error, not a form error).
 */
export async function enqueueEmail(db: Kysely<Database>, message: EmailToSend, now: Date): Promise<{ id: string }> {
  const parsed = EmailToSendSchema.safeParse(message);
  if (!parsed.success) {
    // Never the address itself in an error that may be logged.
    throw new Error(`enqueueEmail: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  const { kind, to, subject, text } = parsed.data;
  return db
    .insertInto("outbox")
    .values({ kind, to_address: to, subject, body_text: text, next_attempt_at: timestamp(now), created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** "r***@example.com": enough for an admin to recognise, not enough to write to. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/** Masks every address inside a text (an SMTP error often repeats the recipient's). */
export function maskAddressesIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, (address) => maskAddress(address));
}

/** Messages not yet delivered, for the admin page: never the body, and the address masked. */
export async function listUndelivered(db: Kysely<Database>, { limit = 200 }: { limit?: number } = {}) {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "kind", "to_address", "subject", "status", "attempts", "next_attempt_at", "last_error", "created_at"])
    .where("status", "in", ["pending", "failed"])
    .orderBy("status", "asc") // "failed" before "pending"
    .orderBy("next_attempt_at", "asc")
    .limit(limit)
    .execute();
  return rows.map(({ to_address, ...row }) => ({ ...row, to: maskAddress(to_address) }));
}

/** How many messages are waiting, have failed, and were sent from `sentSince` on. */
export async function outboxCounts(db: Kysely<Database>, { sentSince }: { sentSince: Date }) {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("status", "=", "pending").as("pending"),
      eb.fn.countAll<number>().filterWhere("status", "=", "failed").as("failed"),
      eb.fn.countAll<number>().filterWhere((w) => w.and([w("status", "=", "sent"), w("sent_at", ">=", sentSince)])).as("sent"),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), failed: Number(row.failed), sent: Number(row.sent) };
}

/**
 * Makes a pending or failed message due at `now`. A failed one keeps its count of
 * attempts, so it gets one more try before it is marked failed again.
 * Undefined when there is no such message or it has been sent. `id` must be a uuid.
 * (A pending message being sent at this very moment could go twice: the window is one send.)
 */
export async function retryNow(db: Kysely<Database>, { id, now }: { id: string; now: Date }): Promise<{ kind: string } | undefined> {
  return db
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: timestamp(now) })
    .where("id", "=", id)
    .where("status", "in", ["pending", "failed"])
    .returning("kind")
    .executeTakeFirst();
}
