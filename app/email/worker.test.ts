import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { beforeEach, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { enqueueEmail } from "./outbox.server";
import type { EmailSender, OutgoingEmail } from "./senders.server";
import { backoffMs, deliverDue, MAX_ATTEMPTS, startOutboxWorker } from "./worker.server";

const from = "SEND Partnership <no-reply@example.org>";
const t0 = new Date("2026-11-23T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

/** A sender that keeps what it was given, or refuses everything. Takes a little time, as a real one does. */
class RecordingSender implements EmailSender {
  readonly name = "recording";
  sent: OutgoingEmail[] = [];
  constructor(private readonly refuse?: string) {}
  async send(message: OutgoingEmail) {
    await sleep(2);
    if (this.refuse) throw new Error(this.refuse);
    this.sent.push(message);
  }
}

describe("back-off", () => {
  it("waits 1, 2, 4, 8 … minutes, never more than 6 hours", () => {
    expect([1, 2, 3, 4, 8].map((n) => backoffMs(n) / 60_000)).toEqual([1, 2, 4, 8, 128]);
    expect(backoffMs(10)).toBe(6 * 60 * 60_000);
    expect(backoffMs(1000)).toBe(6 * 60 * 60_000);
  });
});

describeDb("delivering the outbox", ({ db }) => {
  beforeEach(async () => {
    await db().deleteFrom("outbox").execute();
  });

  const row = (id: string) => db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("sends what is due, then keeps only a masked address and no text", async () => {
    const due = await enqueueEmail(db(), { kind: "survey.resume-link", to: "rachel@example.com", subject: "Carry on later", text: "Your code is ABCDE-FGHIJ" }, t0);
    const notYet = await enqueueEmail(db(), { kind: "survey.resume-link", to: "sam@example.org", subject: "Later", text: "Later" }, minutes(5));
    const sender = new RecordingSender();

    expect(await deliverDue(db(), sender, { now: t0, from })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sender.sent).toEqual([{ kind: "survey.resume-link", to: "rachel@example.com", subject: "Carry on later", text: "Your code is ABCDE-FGHIJ", from }]);
    expect(await row(due.id)).toMatchObject({ status: "sent", sent_at: t0, to_address: "r***@example.com", body_text: "", attempts: 1, last_error: null });
    expect(await row(notYet.id)).toMatchObject({ status: "pending", attempts: 0 });

    // Sent once only, however often the worker runs.
    await deliverDue(db(), sender, { now: minutes(60), from });
    expect(sender.sent.map((m) => m.to)).toEqual(["rachel@example.com", "sam@example.org"]);
  });

  it("backs off after each failure, keeps the error without the address, and marks the message failed after the last try", async () => {
    const { id } = await enqueueEmail(db(), { kind: "test", to: "rachel@example.com", subject: "Hello", text: "Hello" }, t0);
    const sender = new RecordingSender("550 <rachel@example.com>: mailbox unavailable");

    let now = t0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      // A minute early, nothing happens.
      if (attempt > 1) expect(await deliverDue(db(), sender, { now: new Date(now.getTime() - 60_000), from })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(await deliverDue(db(), sender, { now, from })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const after = await row(id);
      expect(after).toMatchObject({ status: "pending", attempts: attempt, last_error: "550 <r***@example.com>: mailbox unavailable" });
      expect(after.next_attempt_at).toEqual(new Date(now.getTime() + 2 ** (attempt - 1) * 60_000));
      now = after.next_attempt_at;
    }
    expect(now).toEqual(minutes(1 + 2 + 4 + 8 + 16 + 32 + 64));

    expect(await deliverDue(db(), sender, { now, from })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, to_address: "rachel@example.com", body_text: "Hello" });
    expect(await deliverDue(db(), sender, { now: minutes(24 * 60), from })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("never sends a message twice when several runs go at once", async () => {
    const addresses = Array.from({ length: 30 }, (_, i) => `person${i}@example.com`);
    for (const to of addresses) await enqueueEmail(db(), { kind: "test", to, subject: "Hello", text: "Hello" }, t0);
    const sender = new RecordingSender();

    // Four runs of up to ten each for thirty messages: they must share them out.
    const results = await Promise.all([1, 2, 3, 4].map(() => deliverDue(db(), sender, { now: t0, from, batchSize: 10 })));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(30);
    expect(sender.sent.map((m) => m.to).sort()).toEqual([...addresses].sort());
    const { n } = await db().selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "sent").executeTakeFirstOrThrow();
    expect(Number(n)).toBe(30);
  });

  it("runs on an interval until stopped, one run at a time", async () => {
    await enqueueEmail(db(), { kind: "test", to: "rachel@example.com", subject: "Hello", text: "Hello" }, t0);
    let inFlight = 0;
    let overlapped = false;
    const sent: string[] = [];
    const sender: EmailSender = {
      name: "slow",
      async send(message) {
        inFlight += 1;
        overlapped ||= inFlight > 1;
        await sleep(30);
        sent.push(message.to);
        inFlight -= 1;
      },
    };
    const stop = startOutboxWorker({ db: db(), sender, logger: pino({ level: "silent" }), intervalMs: 5, from, clock: () => minutes(1) });
    await sleep(100);
    await enqueueEmail(db(), { kind: "test", to: "sam@example.org", subject: "Hello", text: "Hello" }, t0);
    await expect.poll(() => sent, { timeout: 10_000 }).toEqual(["rachel@example.com", "sam@example.org"]);
    await stop();

    await enqueueEmail(db(), { kind: "test", to: "late@example.org", subject: "Hello", text: "Hello" }, t0);
    await sleep(100);
    expect(sent).toEqual(["rachel@example.com", "sam@example.org"]);
    expect(overlapped).toBe(false);
  });
});
