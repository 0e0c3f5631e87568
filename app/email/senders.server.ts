import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Env } from "../env.server";
import { maskAddress } from "./outbox.server";

export interface OutgoingEmail {
  /** The outbox kind ("survey.resume-link"): a template-based sender such as Notify picks its template by it. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  from: string;
}

/** Delivers one message or throws; the worker retries what throws. */
export interface EmailSender {
  readonly name: string;
  send(message: OutgoingEmail): Promise<void>;
  /** Lets go of connections on shutdown. */
  close?(): void;
}

/** For the demo and development: writes that a message went, never what it said. */
export class LogSender implements EmailSender {
  readonly name = "log";
  constructor(private readonly logger: Logger) {}

  async send(message: OutgoingEmail): Promise<void> {
    this.logger.info({ kind: message.kind, to: maskAddress(message.to), subject: message.subject }, "email (log sender: not sent)");
  }
}

/** Any SMTP server, e.g. smtps://user:password@smtp.example.org:465. */
export class SmtpSender implements EmailSender {
  readonly name = "smtp";
  private readonly transport: nodemailer.Transporter;

  constructor(url: string) {
    // nodemailer waits up to 10 minutes on a silent socket by default; the worker's
    // claim on a message lasts 10 minutes (worker.server.ts), so give up well before.
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
  }

  async send({ to, subject, text, from }: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({ to, subject, text, from });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * The sender EMAIL_TRANSPORT asks for (app/env.server.ts checks SMTP_URL is there for smtp).
 * Another sender (issue 6: GOV.UK Notify) is a class implementing EmailSender, a value
 * of EMAIL_TRANSPORT with the settings it needs in env.server.ts, and a case here.
 */
export function senderFromEnv(env: Pick<Env, "EMAIL_TRANSPORT" | "SMTP_URL">, logger: Logger): EmailSender {
  switch (env.EMAIL_TRANSPORT) {
    case "smtp":
      if (!env.SMTP_URL) throw new Error("SMTP_URL is required when EMAIL_TRANSPORT is smtp");
      return new SmtpSender(env.SMTP_URL);
    case "log":
      return new LogSender(logger);
  }
}
