import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema";
import { timestamp } from "../area/changes.server";
import { maskAddress, maskAddressesIn } from "./outbox.server";
import type { EmailSender } from "./senders.server";

/** After this many attempts a message is marked failed; an admin can try it again. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;
/**
 * A claimed message is not due again for this long, so no other run sends it while it
 * is being sent; if the process dies mid-send, it is retried when the claim runs out.
 * It must outlast the slowest send (SmtpSender gives up after about a minute).
 */
const CLAIM_MS = 10 * 60_000;

/** The wait after the nth failed attempt: 1, 2, 4, 8 … minutes, never more than 6 hours. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_WAIT_MS);
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the messages due at `now`, oldest first, at most `batchSize`.
 *
 * Claiming is a short transaction of its own (`for update skip locked`, so runs in
 * several instances never take the same row) that pushes the row's next attempt
 * past the claim. Sending happens outside any transaction: PGlite has a single
 * connection, and a transaction held open during an SMTP conversation would stop
 * every page of the portal until it ended.
 */
export async function deliverDue(
  db: Kysely<Database>,
  sender: EmailSender,
  { now, batchSize = 20, from }: { now: Date; batchSize?: number; from: string },
): Promise<DeliveryResult> {
  const claimed = await db
    .with("due", (qb) =>
      qb
        .selectFrom("outbox")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", timestamp(now))
        .orderBy("next_attempt_at")
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .updateTable("outbox")
    .from("due")
    .whereRef("outbox.id", "=", "due.id")
    .set((eb) => ({ attempts: eb("outbox.attempts", "+", 1), next_attempt_at: timestamp(new Date(now.getTime() + CLAIM_MS)) }))
    .returning(["outbox.id", "outbox.kind", "outbox.to_address", "outbox.subject", "outbox.body_text", "outbox.attempts"])
    .execute();

  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    try {
      await sender.send({ kind: row.kind, to: row.to_address, subject: row.subject, text: row.body_text, from });
    } catch (error) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("outbox")
        .set({
          status: giveUp ? "failed" : "pending",
          last_error: maskAddressesIn(message).slice(0, 500),
          next_attempt_at: timestamp(new Date(now.getTime() + backoffMs(row.attempts))),
        })
        .where("id", "=", row.id)
        .execute();
      result[giveUp ? "failed" : "retrying"] += 1;
      continue;
    }
    // Collect the least: once sent, keep only what the admin page and counts need.
    // The body may hold a resume code, which is stored nowhere else in plain text.
    await db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: now, to_address: maskAddress(row.to_address), body_text: "", last_error: null })
      .where("id", "=", row.id)
      .execute();
    result.sent += 1;
  }
  return result;
}

export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  sender: EmailSender;
  logger: Logger;
  intervalMs: number;
  from: string;
  clock?: () => Date;
  batchSize?: number;
}

/**
 * Runs deliverDue every `intervalMs` (the next run is scheduled when one ends, so
 * runs never overlap). Returns a stop function that waits for a run in progress.
 */
export function startOutboxWorker({ db, sender, logger, intervalMs, from, clock = () => new Date(), batchSize = 20 }: OutboxWorkerOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function run() {
    let full = false;
    try {
      const result = await deliverDue(db, sender, { now: clock(), batchSize, from });
      if (result.sent || result.retrying || result.failed) logger.info({ ...result, sender: sender.name }, "outbox run");
      full = result.sent + result.retrying + result.failed === batchSize;
    } catch (error) {
      logger.error({ err: error }, "outbox run failed");
    }
    // A full batch may mean more are waiting: go again straight away.
    if (!stopped) schedule(full ? 0 : intervalMs);
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      running = run();
    }, delay);
    timer.unref();
  }

  schedule(0);
  return async function stop() {
    stopped = true;
    clearTimeout(timer);
    await running;
    sender.close?.();
  };
}
