import { beforeEach, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { enqueueEmail, listUndelivered, maskAddress, maskAddressesIn, outboxCounts, retryNow } from "./outbox.server";

const now = new Date("2026-11-23T10:00:00Z");
const message = { kind: "survey.resume-link", to: "rachel@example.com", subject: "Your link to carry on", text: "Code ABCDE-FGHIJ" };

describe("masking addresses", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskAddress("rachel@example.com")).toBe("r***@example.com");
    expect(maskAddress("not an address")).toBe("***");
    expect(maskAddressesIn("550 5.1.1 <rachel@example.com>: Recipient address rejected")).toBe("550 5.1.1 <r***@example.com>: Recipient address rejected");
  });
});

describeDb("the email outbox", ({ db }) => {
  beforeEach(async () => {
    await db().deleteFrom("outbox").execute();
  });

  it("queues a message in the transaction of the change that caused it: rolled back, nothing is queued", async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await enqueueEmail(trx, message, now);
          throw new Error("the change failed");
        }),
    ).rejects.toThrow("the change failed");
    expect(await db().selectFrom("outbox").selectAll().execute()).toEqual([]);

    const { id } = await db()
      .transaction()
      .execute((trx) => enqueueEmail(trx, message, now));
    const row = await db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: "survey.resume-link", to_address: "rachel@example.com", status: "pending", attempts: 0, sent_at: null });
    expect(row.next_attempt_at).toEqual(now);
  });

  it("refuses a message that is not right, without putting the address in the error", async () => {
    await expect(enqueueEmail(db(), { ...message, to: "rachel at example" }, now)).rejects.toThrow(/^enqueueEmail: to Invalid email$/);
    await expect(enqueueEmail(db(), { ...message, subject: "Hi\r\nBcc: everyone@example.com" }, now)).rejects.toThrow(/subject must be one line/);
    expect(await db().selectFrom("outbox").selectAll().execute()).toEqual([]);
  });

  it("lists what is waiting or failed with masked addresses, counts the week's sent, and makes a failed message due again", async () => {
    const { id } = await enqueueEmail(db(), message, now);
    await db().updateTable("outbox").set({ status: "failed", attempts: 8, last_error: "refused" }).where("id", "=", id).execute();
    const old = await enqueueEmail(db(), { ...message, to: "sam@example.org" }, now);
    await db().updateTable("outbox").set({ status: "sent", sent_at: new Date("2026-11-01T10:00:00Z") }).where("id", "=", old.id).execute();
    const recent = await enqueueEmail(db(), { ...message, to: "sam@example.org" }, now);
    await db().updateTable("outbox").set({ status: "sent", sent_at: new Date("2026-11-20T10:00:00Z") }).where("id", "=", recent.id).execute();

    const listed = await listUndelivered(db());
    expect(listed).toEqual([expect.objectContaining({ id, to: "r***@example.com", status: "failed", attempts: 8, last_error: "refused" })]);
    expect(listed[0]).not.toHaveProperty("body_text");
    expect(listed[0]).not.toHaveProperty("to_address");
    expect(await outboxCounts(db(), { sentSince: new Date("2026-11-16T10:00:00Z") })).toEqual({ pending: 0, failed: 1, sent: 1 });

    const later = new Date("2026-11-23T12:00:00Z");
    expect(await retryNow(db(), { id, now: later })).toEqual({ kind: "survey.resume-link" });
    const row = await db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 8 });
    expect(row.next_attempt_at).toEqual(later);
    // A sent message is never sent again.
    expect(await retryNow(db(), { id: recent.id, now: later })).toBeUndefined();
  });
});
