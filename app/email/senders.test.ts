import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { enqueueEmail } from "./outbox.server";
import { LogSender, senderFromEnv, SmtpSender } from "./senders.server";
import { deliverDue } from "./worker.server";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port, keeping every message it accepts. Refuses mail for "nobody@…". */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The headers (unfolded) and body of a plain-text message as sent on the wire. */
function parse(raw: string) {
  const [head, ...body] = raw.split("\r\n\r\n");
  const headers = Object.fromEntries(
    head!
      .replace(/\r\n[ \t]+/g, " ")
      .split("\r\n")
      .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
  return { headers, text: body.join("\r\n\r\n").replace(/\r\n$/, "") };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const from = "SEND Partnership <no-reply@example.org>";

describe("the SMTP sender", () => {
  it("delivers the message to a real SMTP server: sender, recipient, subject and text", async () => {
    const sender = new SmtpSender(smtp.url);
    try {
      await sender.send({ kind: "survey.resume-link", to: "rachel@example.com", subject: "Your link to carry on with the survey", text: "Your code is ABCDE-FGHIJ.\nIt works for 30 days.", from });
    } finally {
      sender.close();
    }
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message).toMatchObject({ from: "no-reply@example.org", to: ["rachel@example.com"] });
    const { headers, text } = parse(message!.raw);
    expect(headers).toMatchObject({ from: "SEND Partnership <no-reply@example.org>", to: "rachel@example.com", subject: "Your link to carry on with the survey" });
    expect(headers["content-type"]).toMatch(/^text\/plain; charset=utf-8/);
    expect(text).toBe("Your code is ABCDE-FGHIJ.\r\nIt works for 30 days.");
  });

  it("is the sender EMAIL_TRANSPORT=smtp asks for", () => {
    const logger = pino({ level: "silent" });
    expect(senderFromEnv({ EMAIL_TRANSPORT: "smtp", SMTP_URL: smtp.url }, logger).name).toBe("smtp");
    expect(senderFromEnv({ EMAIL_TRANSPORT: "log", SMTP_URL: undefined }, logger).name).toBe("log");
  });
});

describe("the log sender", () => {
  it("logs the kind, a masked address and the subject, never the text", async () => {
    const lines: string[] = [];
    const logger = pino(new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    await new LogSender(logger).send({ kind: "survey.resume-link", to: "rachel@example.com", subject: "Carry on later", text: "Your code is ABCDE-FGHIJ", from });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: "survey.resume-link", to: "r***@example.com", subject: "Carry on later" });
    expect(lines[0]).not.toContain("rachel");
    expect(lines[0]).not.toContain("ABCDE");
  });
});

describeDb("the outbox through a real SMTP server", ({ db }) => {
  beforeEach(async () => {
    await db().deleteFrom("outbox").execute();
    smtp.received.length = 0;
  });

  it("sends what is due, and keeps a refused recipient for a retry with the server's reason (address masked)", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    await enqueueEmail(db(), { kind: "test", to: "sam@example.org", subject: "Hello Sam", text: "Hello" }, now);
    const refused = await enqueueEmail(db(), { kind: "test", to: "nobody@example.org", subject: "Hello nobody", text: "Hello" }, now);
    const sender = new SmtpSender(smtp.url);
    try {
      expect(await deliverDue(db(), sender, { now, from })).toEqual({ sent: 1, retrying: 1, failed: 0 });
    } finally {
      sender.close();
    }
    expect(smtp.received.map((m) => m.to)).toEqual([["sam@example.org"]]);
    const row = await db().selectFrom("outbox").selectAll().where("id", "=", refused.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, to_address: "nobody@example.org" });
    expect(row.last_error).toMatch(/550/);
    expect(row.last_error).toContain("n***@example.org");
    expect(row.last_error).not.toContain("nobody@");
  });
});
