import axios from "axios";
import nodemailer from "nodemailer";
import { NotifyClient } from "notifications-node-client";
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

export interface NotifySettings {
  /** The whole key from Notify's API integration page: name-<service id>-<key id>. */
  apiKey: string;
  /** A template whose subject is ((subject)) and message is ((body)) (README.md, "Configuration"). */
  templateId: string;
  /** Kind → template, for kinds with a template of their own. It has the same ((subject)) and ((body)) fields. */
  templates?: Record<string, string>;
  /** Notify's production API when not given. */
  baseUrl?: string;
  /** How long to wait for Notify's answer. */
  timeoutMs?: number;
}

/**
 * GOV.UK Notify (https://www.notifications.service.gov.uk), through its official client.
 * Notify sends only from templates, so one generic template carries the outbox's subject
 * and text as personalisation. The sender's name and reply-to address are set in Notify's
 * service settings: EMAIL_FROM is not used.
 */
export class NotifySender implements EmailSender {
  readonly name = "notify";
  readonly #client: NotifyClient;
  readonly #apiKey: string;
  readonly #templateId: string;
  readonly #templates: Record<string, string>;

  constructor({ apiKey, templateId, templates = {}, baseUrl, timeoutMs = 30_000 }: NotifySettings) {
    // The client adds "/v2/…" to the base address as it is.
    this.#client = baseUrl ? new NotifyClient(baseUrl.replace(/\/+$/, ""), apiKey) : new NotifyClient(apiKey);
    // The client's HTTP library (axios) waits for ever by default; a hung request would hold
    // up the worker, and shutdown, well past its claim on the message (worker.server.ts).
    this.#client.setClient(axios.create({ timeout: timeoutMs }));
    this.#apiKey = apiKey;
    this.#templateId = templateId;
    this.#templates = templates;
  }

  async send({ kind, to, subject, text }: OutgoingEmail): Promise<void> {
    try {
      await this.#client.sendEmail(this.#templates[kind] ?? this.#templateId, to, {
        personalisation: { subject, body: text },
        reference: kind,
      });
    } catch (error) {
      // A new error, not the client's: an axios error carries the request (the signed
      // token, the address and the text), and the worker keeps the message as last_error.
      throw new Error(this.#redact(describeNotifyError(error), text));
    }
  }

  /** Notify's errors do not repeat the key or the text, but a proxy's page might. */
  #redact(message: string, text: string): string {
    let safe = message.split(this.#apiKey).join("[key]");
    // As sent, and with its lines run together as describeNotifyError does to a page.
    for (const version of [text.trim(), text.replace(/\s+/g, " ").trim()]) {
      if (version.length >= 8) safe = safe.split(version).join("[text]");
    }
    return safe;
  }
}

/** "Notify answered 400: BadRequestError: …", from what the client threw. */
function describeNotifyError(error: unknown): string {
  if (!axios.isAxiosError(error)) return `Notify client failed: ${error instanceof Error ? error.message : String(error)}`;
  if (!error.response) return `Notify did not answer: ${error.code ?? "error"} ${error.message}`;
  const { status, data } = error.response;
  // Notify answers {"status_code": 400, "errors": [{"error": "BadRequestError", "message": "…"}]}.
  const errors: unknown = data && typeof data === "object" ? (data as { errors?: unknown }).errors : undefined;
  let details: string;
  if (Array.isArray(errors)) {
    details = errors
      .map((e: { error?: unknown; message?: unknown }) => `${String(e?.error ?? "")}: ${String(e?.message ?? "")}`)
      .join("; ");
  } else {
    // Not Notify's own answer (a proxy's page, say): its start, on one line.
    details = (typeof data === "string" ? data : JSON.stringify(data ?? "")).replace(/\s+/g, " ").trim().slice(0, 200);
  }
  return `Notify answered ${status}: ${details}`;
}

/**
 * The sender EMAIL_TRANSPORT asks for (app/env.server.ts checks each one's settings are there).
 * Another sender is a class implementing EmailSender, a value of EMAIL_TRANSPORT with the
 * settings it needs in env.server.ts, and a case here.
 */
export function senderFromEnv(
  env: Pick<Env, "EMAIL_TRANSPORT" | "SMTP_URL" | "NOTIFY_API_KEY" | "NOTIFY_TEMPLATE_ID" | "NOTIFY_TEMPLATES" | "NOTIFY_BASE_URL">,
  logger: Logger,
): EmailSender {
  switch (env.EMAIL_TRANSPORT) {
    case "smtp":
      if (!env.SMTP_URL) throw new Error("SMTP_URL is required when EMAIL_TRANSPORT is smtp");
      return new SmtpSender(env.SMTP_URL);
    case "notify":
      if (!env.NOTIFY_API_KEY || !env.NOTIFY_TEMPLATE_ID)
        throw new Error("NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID are required when EMAIL_TRANSPORT is notify");
      return new NotifySender({
        apiKey: env.NOTIFY_API_KEY,
        templateId: env.NOTIFY_TEMPLATE_ID,
        templates: env.NOTIFY_TEMPLATES,
        baseUrl: env.NOTIFY_BASE_URL,
      });
    case "log":
      return new LogSender(logger);
  }
}
