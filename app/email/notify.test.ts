import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { enqueueEmail } from "./outbox.server";
import { NotifySender, senderFromEnv } from "./senders.server";
import { deliverDue } from "./worker.server";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

type Answer = { status: number; body: unknown } | "hang";

/**
 * A real HTTP server on a free port standing in for Notify's API: keeps every request,
 * and answers what `answer` says for its JSON body (Notify's 201 unless told otherwise).
 */
async function startFakeNotify() {
  const received: Received[] = [];
  const created = (body: Record<string, unknown>): Answer => ({
    status: 201,
    body: { id: randomUUID(), reference: body.reference, content: {}, template: { id: body.template_id, version: 1 } },
  });
  const fake = { received, answer: created, url: "", close: async () => {} };
  const server = createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (raw += chunk));
    request.on("end", () => {
      const body = JSON.parse(raw || "{}") as Record<string, unknown>;
      received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const answer = fake.answer(body);
      if (answer === "hang") return;
      response.writeHead(answer.status, { "content-type": typeof answer.body === "string" ? "text/html" : "application/json" });
      response.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => {
    server.closeAllConnections(); // a "hang" answer would otherwise keep it open
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const reset = () => {
    received.length = 0;
    fake.answer = created;
  };
  return Object.assign(fake, { reset });
}

/** Notify keys are name-<service ID>-<secret>; the client signs a JWT with the secret, issued by the service. */
const serviceId = randomUUID();
const secret = randomUUID();
const apiKey = `portal_test-${serviceId}-${secret}`;
const templateId = randomUUID();
const from = "SEND Partnership <no-reply@example.org>";
const message = {
  kind: "survey.resume-link",
  to: "rachel@example.com",
  subject: "Your link to carry on with the survey",
  text: "Your code is ABCDE-FGHIJ.\nIt works for 30 days.",
  from,
};

let notify: Awaited<ReturnType<typeof startFakeNotify>>;
beforeAll(async () => {
  notify = await startFakeNotify();
});
afterAll(async () => {
  await notify.close();
});
beforeEach(() => notify.reset());

/** The JSON in one part of a JWT. */
const part = (text: string) => JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Record<string, unknown>;

/** What send() threw, as a message. */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected send() to throw");
}

describe("the Notify sender", () => {
  it("posts the template, address, subject and text (as personalisation) and the kind (as reference), with a signed token", async () => {
    await new NotifySender({ apiKey, templateId, baseUrl: notify.url }).send(message);

    expect(notify.received).toHaveLength(1);
    const [request] = notify.received;
    expect(request).toMatchObject({ method: "POST", url: "/v2/notifications/email" });
    expect(request!.body).toEqual({
      template_id: templateId,
      email_address: "rachel@example.com",
      personalisation: { subject: "Your link to carry on with the survey", body: "Your code is ABCDE-FGHIJ.\nIt works for 30 days." },
      reference: "survey.resume-link",
    });

    // Authorization: Bearer <JWT> issued by the service, signed (HS256) with the key's secret, which is never sent.
    const [, token] = /^Bearer (.+)$/.exec(request!.headers.authorization ?? "") ?? [];
    const [header, payload, signature] = token!.split(".");
    expect(part(header!)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(part(payload!)).toMatchObject({ iss: serviceId });
    expect(Math.abs((part(payload!).iat as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(signature).toBe(createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url"));
    expect(JSON.stringify(request)).not.toContain(secret);
  });

  it("uses a kind's own template when NOTIFY_TEMPLATES names one, and the generic template for the rest", async () => {
    const own = randomUUID();
    const sender = new NotifySender({ apiKey, templateId, templates: { "safeguarding.new-item": own }, baseUrl: `${notify.url}/` });
    await sender.send({ ...message, kind: "safeguarding.new-item" });
    await sender.send(message);
    expect(notify.received.map((r) => [r.url, r.body.template_id, r.body.reference])).toEqual([
      ["/v2/notifications/email", own, "safeguarding.new-item"],
      ["/v2/notifications/email", templateId, "survey.resume-link"],
    ]);
  });

  it("throws Notify's status and error on a 400, without the key, the token or the text", async () => {
    notify.answer = () => ({
      status: 400,
      body: { status_code: 400, errors: [{ error: "BadRequestError", message: "Can't send to this recipient using a team-only API key" }] },
    });
    const error = await failure(new NotifySender({ apiKey, templateId, baseUrl: notify.url }).send(message));
    expect(error).toBe("Notify answered 400: BadRequestError: Can't send to this recipient using a team-only API key");
    const token = notify.received[0]!.headers.authorization!.slice("Bearer ".length);
    for (const secretThing of [apiKey, secret, token, "ABCDE"]) expect(error).not.toContain(secretThing);
  });

  it("throws on a 500, and on a proxy's page, taking out the text if the page repeats it", async () => {
    notify.answer = () => ({ status: 500, body: { status_code: 500, errors: [{ error: "Exception", message: "Internal server error" }] } });
    const sender = new NotifySender({ apiKey, templateId, baseUrl: notify.url });
    expect(await failure(sender.send(message))).toBe("Notify answered 500: Exception: Internal server error");

    notify.answer = () => ({ status: 502, body: `<html><body>Bad gateway for ${apiKey}:\n${message.text}</body></html>` });
    const error = await failure(sender.send(message));
    expect(error).toMatch(/^Notify answered 502: <html><body>Bad gateway for \[key\]: \[text\]/);
    expect(error).not.toContain(secret);
    expect(error).not.toContain("ABCDE");
  });

  it("gives up on a Notify that does not answer", async () => {
    notify.answer = () => "hang";
    const error = await failure(new NotifySender({ apiKey, templateId, baseUrl: notify.url, timeoutMs: 200 }).send(message));
    expect(error).toMatch(/^Notify did not answer: ECONNABORTED timeout of 200ms exceeded/);
  });

  it("is the sender EMAIL_TRANSPORT=notify asks for", () => {
    const logger = pino({ level: "silent" });
    const env = { EMAIL_TRANSPORT: "notify", NOTIFY_API_KEY: apiKey, NOTIFY_TEMPLATE_ID: templateId } as const;
    expect(senderFromEnv(env, logger).name).toBe("notify");
    expect(() => senderFromEnv({ ...env, NOTIFY_TEMPLATE_ID: undefined }, logger)).toThrow(/NOTIFY_TEMPLATE_ID are required/);
  });
});

describeDb("the outbox through Notify", ({ db }) => {
  beforeEach(async () => {
    await db().deleteFrom("outbox").execute();
  });

  it("sends what Notify takes, and keeps what it refuses for a retry with Notify's reason (address masked)", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    notify.answer = (body) =>
      body.email_address === "nobody@example.org"
        ? {
            status: 400,
            body: { status_code: 400, errors: [{ error: "ValidationError", message: "email_address nobody@example.org is not allowed" }] },
          }
        : { status: 201, body: { id: randomUUID() } };
    await enqueueEmail(db(), { kind: "test", to: "sam@example.org", subject: "Hello Sam", text: "Hello" }, now);
    const refused = await enqueueEmail(db(), { kind: "test", to: "nobody@example.org", subject: "Hello nobody", text: "Hello" }, now);

    expect(await deliverDue(db(), new NotifySender({ apiKey, templateId, baseUrl: notify.url }), { now, from })).toEqual({
      sent: 1,
      retrying: 1,
      failed: 0,
    });
    expect(notify.received.map((r) => r.body.email_address).sort()).toEqual(["nobody@example.org", "sam@example.org"]);
    const row = await db().selectFrom("outbox").selectAll().where("id", "=", refused.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "Notify answered 400: ValidationError: email_address n***@example.org is not allowed",
    });
  });
});
