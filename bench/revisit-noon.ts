// Benchmark "revisit-noon": the re-visit parents' survey at the moment it opens, on real
// PostgreSQL. The built portal runs with its clock standing at the survey's opening
// instant (TEST_CLOCK=true and an X-Portal-Now header on every request: noon on day −5,
// UK time, plus the time since the spike began), then:
//
//   1. the spike: 2,000 parents open the start page within the first minute after noon,
//      each a new visitor on a new connection, arriving at random moments over 60 s
//      (open loop: a slow page does not slow the arrivals down);
//   2. 1,000 parents complete the 10-question survey (start, every page, check answers,
//      submit, confirmation), as browsers without JavaScript: real forms, the CSRF field,
//      the draft cookie; `concurrency` of them part-way at any moment;
//   3. with the portal stopped, every acknowledged response (a submit answered with the
//      confirmation and its reference) is looked up in the database by the response id
//      in that parent's draft cookie: submitted, the same reference, all 10 answers as sent.
//
// Run alone with `npx tsx bench/revisit-noon.ts [--parents N] [--spike-seconds N]
// [--respondents N] [--concurrency N]`; prints one JSON object on stdout, progress and a
// summary on stderr. `npm run bench -- revisit-noon` reads BENCH_NOON_* variables instead.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { openDatabase, type DatabaseHandle } from "../db/engine";
import { createRandom } from "../db/seed/local-offer";
import { loadHolidays } from "../app/revisits/revisits.server";
import { revisitDefinition } from "../app/revisits/template";
import { buildTimeline } from "../app/revisits/timeline";
import { answerContext } from "../app/surveys/responses.server";
import type { AnswerValue } from "../app/surveys/answers";
import type { SurveyDefinition } from "../app/surveys/definition";
import { createSurvey } from "../app/surveys/surveys.server";
import { cleanUp, closeAndWait, createBenchDatabase, freePort, log, percentile, type Portal, repoRoot, round, startPortal } from "./harness";
import { checkFilled, CookieJar, encodeForm, fillPage, formWithIntent, readForms, readReference } from "./surveys-journey";

/** Day −10 of the benchmark's re-visit: the survey opens at noon on day −5 (2026-11-30). */
const NOTIFIED = "2026-11-23";
const SLUG = `revisit-parents-${NOTIFIED}`;
/** Two areas of concern: 2 × 2 questions, 2 for everyone, 4 "about you" = 10 questions on 4 pages. */
const FOCUSES = 2;
const QUESTIONS = 10;
const REQUEST_TIMEOUT_MS = 30_000;
const TEN_MINUTES_S = 600;

export interface NoonSettings {
  /** Parents who open the start page in the spike. */
  parents: number;
  /** Over how many seconds of wall time (and of the portal's clock) they arrive. */
  spikeSeconds: number;
  /** Parents who then complete the survey. */
  respondents: number;
  /** Completing parents part-way through at any moment (each one request at a time). */
  concurrency: number;
}

// ---------------------------------------------------------------------------
// Settings: command line (when run on its own), else environment, else the issue's numbers

function settingsFrom(argv: string[]): NoonSettings {
  const option = (name: string, env: string, fallback: number) => {
    const flag = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    const raw = flag >= 0 ? (argv[flag]!.includes("=") ? argv[flag]!.split("=")[1] : argv[flag + 1]) : process.env[env];
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} (${env}) must be a whole number of at least 1 (got "${raw}")`);
    return value;
  };
  return {
    parents: option("parents", "BENCH_NOON_PARENTS", 2000),
    spikeSeconds: option("spike-seconds", "BENCH_NOON_SPIKE_SECONDS", 60),
    respondents: option("respondents", "BENCH_NOON_RESPONDENTS", 1000),
    concurrency: option("concurrency", "BENCH_NOON_CONCURRENCY", 20),
  };
}

// ---------------------------------------------------------------------------
// Results

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** How many responses the figures are from. */
  requests: number;
}

function latencyOf(values: number[]): Latency {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0, requests: 0 };
  const sorted = Float64Array.from(values).sort();
  return {
    p50: round(percentile(sorted, 50), 1),
    p95: round(percentile(sorted, 95), 1),
    p99: round(percentile(sorted, 99), 1),
    max: round(sorted[sorted.length - 1]!, 1),
    requests: values.length,
  };
}

/**
 * Every request's fate. `http`: answered with a status outside 200–399. `network`: no
 * answer (refused, reset, timed out after 30 s). `unexpected`: a 2xx/3xx that was not the
 * page or redirect a browser would get (e.g. "not yet open", no form, no reference).
 */
class Tally {
  requests = 0;
  http = 0;
  network = 0;
  unexpected = 0;
  readonly statuses: Record<string, number> = {};
  readonly first: string[] = [];

  answered(status: number): void {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
  }

  problem(kind: "http" | "network" | "unexpected", message: string): void {
    this[kind]++;
    if (this.first.length < 5) this.first.push(message);
  }

  get errors(): number {
    return this.http + this.network + this.unexpected;
  }

  toJSON() {
    return { requests: this.requests, errors: this.errors, http: this.http, network: this.network, unexpected: this.unexpected, statuses: this.statuses, first: this.first };
  }
}

export interface NoonResult {
  benchmark: "revisit-noon";
  date: string;
  node: string;
  machine: { cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  portal: { nodeEnv: "test"; testClock: true; react: string };
  survey: { slug: string; purpose: "revisit"; questions: number; pages: number; opensAt: string; closesAt: string };
  spike: {
    parents: number;
    spikeSeconds: number;
    /** From noon to the last arrival, and to the last answer. */
    lastArrivalSeconds: number;
    lastAnswerSeconds: number;
    arrivalsPerSecond: number;
    /** Start pages that said the survey is open, with its start form. */
    ok: number;
    maxInFlight: number;
    /** How late this process sent its latest-sent arrival (it shares the two cores). */
    maxSendLagMs: number;
    latencyMs: { startPage: Latency };
    errors: ReturnType<Tally["toJSON"]>;
  };
  completion: {
    respondents: number;
    concurrency: number;
    seconds: number;
    withinTenMinutes: boolean;
    responsesPerSecond: number;
    requestsPerSecond: number;
    acknowledged: number;
    failed: number;
    latencyMs: Record<Step, Latency>;
    errors: ReturnType<Tally["toJSON"]>;
  };
  stored: {
    acknowledged: number;
    whole: number;
    missing: number;
    notSubmitted: number;
    wrongReference: number;
    wrongAnswers: number;
    /** Submitted rows in the survey: more than acknowledged would mean a response counted twice. */
    submittedRows: number;
    /** Drafts left by journeys that failed part-way. */
    draftRows: number;
  };
}

// ---------------------------------------------------------------------------
// The portal, with a settable clock

/**
 * The built portal as bench/harness.ts starts it, except NODE_ENV=test and TEST_CLOCK=true,
 * which the portal refuses in production; bench/production-react.mjs keeps React on its
 * production build and says, when the portal exits, which React builds ran.
 */
async function startClockPortal(databaseUrl: string): Promise<Portal> {
  log("starting the portal with NODE_ENV=test and TEST_CLOCK=true…");
  return startPortal({
    databaseUrl,
    port: await freePort(),
    env: { NODE_ENV: "test", TEST_CLOCK: "true" },
    nodeArgs: ["--import", path.join(repoRoot, "bench/production-react.mjs")],
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What bench/production-react.mjs reported when the portal exited. */
function reactBuilds(portal: Portal): string {
  return /\[bench-react\] (.*)/.exec(portal.stderr())?.[1] ?? "unknown (no report from bench/production-react.mjs)";
}

// ---------------------------------------------------------------------------
// HTTP, as a browser without JavaScript, with the portal's clock in a header

interface Reply {
  status: number;
  location: string | undefined;
  setCookie: string[];
  body: string;
  ms: number;
}

function send(
  agent: http.Agent | false,
  base: string,
  request: { method: "GET" | "POST"; target: string; now: Date; cookie?: string; form?: string },
): Promise<Reply> {
  const url = new URL(request.target, base);
  const headers: Record<string, string> = { Accept: "text/html", "User-Agent": "portal-bench/revisit-noon", "X-Portal-Now": request.now.toISOString() };
  if (request.cookie) headers.Cookie = request.cookie;
  if (request.form !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(request.form));
    headers.Origin = url.origin;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = http.request(url, { method: request.method, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          setCookie: response.headers["set-cookie"] ?? [],
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
    });
    outgoing.on("timeout", () => outgoing.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS / 1000} s`)));
    outgoing.on("error", reject);
    outgoing.end(request.form);
  });
}

/** The start page shows the start form (with its CSRF field) only while the survey is open. */
function startFormOf(html: string, pageUrl: string) {
  const form = formWithIntent(readForms(html, pageUrl), "start");
  return form && form.hidden.some(([name, value]) => name === "csrf" && value !== "") ? form : undefined;
}

/**
 * The response id in the portal's signed `survey-drafts` cookie (Remix: URI-encoded
 * base64 of JSON, then "." and the signature): { [surveyId]: { r: responseId, s } }.
 */
export function draftIdFrom(setCookie: string[], surveyId: string): string | undefined {
  for (const header of setCookie) {
    const match = /^survey-drafts=([^;]*)/.exec(header);
    if (!match?.[1]) continue;
    const signed = decodeURIComponent(match[1]);
    const payload = signed.slice(0, signed.lastIndexOf("."));
    try {
      const refs = JSON.parse(Buffer.from(payload, "base64").toString("latin1")) as Record<string, { r?: unknown }>;
      const id = refs[surveyId]?.r;
      if (typeof id === "string") return id;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Phase 1: the spike on the start page

async function spike(base: string, settings: NoonSettings, clock: (at: number) => Date, noonAt: number) {
  const tally = new Tally();
  const latencies: number[] = [];
  const random = createRandom(20261130);
  const spanMs = settings.spikeSeconds * 1000;
  const arrivals = Array.from({ length: settings.parents }, () => random.next() * spanMs).sort((a, b) => a - b);
  const startUrl = `/surveys/${SLUG}`;
  let inFlight = 0;
  let maxInFlight = 0;
  let maxSendLagMs = 0;
  let ok = 0;
  let lastArrival = 0;
  let lastAnswer = 0;
  let nextReport = 5_000;

  const visit = async (sentAt: number) => {
    tally.requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // A new visitor: no cookies, a new connection.
      const reply = await send(false, base, { method: "GET", target: startUrl, now: clock(sentAt) });
      tally.answered(reply.status);
      if (reply.status < 200 || reply.status >= 400) tally.problem("http", `start page at noon + ${((sentAt - noonAt) / 1000).toFixed(3)} s answered ${reply.status}`);
      else if (reply.status !== 200 || !startFormOf(reply.body, new URL(startUrl, base).href)) {
        tally.problem("unexpected", `start page at noon + ${((sentAt - noonAt) / 1000).toFixed(3)} s: ${reply.status} without the start form (not open?)`);
      } else {
        ok++;
        latencies.push(reply.ms);
      }
    } catch (error) {
      tally.problem("network", `start page at noon + ${((sentAt - noonAt) / 1000).toFixed(3)} s: ${(error as Error).message}`);
    } finally {
      inFlight--;
      lastAnswer = performance.now() - noonAt;
    }
  };

  const visits: Promise<void>[] = [];
  for (const offset of arrivals) {
    const wait = noonAt + offset - performance.now();
    if (wait >= 1) await sleep(wait);
    const sentAt = performance.now();
    maxSendLagMs = Math.max(maxSendLagMs, sentAt - noonAt - offset);
    lastArrival = sentAt - noonAt;
    visits.push(visit(sentAt));
    if (lastArrival > nextReport) {
      nextReport += 5_000;
      log(`  noon + ${(lastArrival / 1000).toFixed(0)} s: ${visits.length} arrived, ${inFlight} waiting for the page, ${tally.errors} errors`);
    }
  }
  await Promise.all(visits);
  return {
    parents: settings.parents,
    spikeSeconds: settings.spikeSeconds,
    lastArrivalSeconds: round(lastArrival / 1000, 2),
    lastAnswerSeconds: round(lastAnswer / 1000, 2),
    arrivalsPerSecond: round(settings.parents / (lastArrival / 1000), 1),
    ok,
    maxInFlight,
    maxSendLagMs: round(maxSendLagMs, 1),
    latencyMs: { startPage: latencyOf(latencies) },
    errors: tally.toJSON(),
  };
}

// ---------------------------------------------------------------------------
// Phase 2: parents complete the survey

const STEPS = ["startPage", "start", "questionPage", "answer", "checkPage", "submit", "done"] as const;
type Step = (typeof STEPS)[number];

class JourneyError extends Error {}

interface Acknowledged {
  responseId: string;
  reference: string;
  expected: Record<string, AnswerValue>;
}

async function journey(
  agent: http.Agent,
  base: string,
  survey: { id: string; definition: SurveyDefinition; districts: readonly string[] },
  seed: number,
  clock: (at: number) => Date,
  tally: Tally,
  record: (step: Step, ms: number) => void,
): Promise<Acknowledged> {
  const random = createRandom(seed);
  const jar = new CookieJar();
  const step = async (name: Step, method: "GET" | "POST", target: string, want: number, form?: string) => {
    tally.requests++;
    let reply: Reply;
    try {
      reply = await send(agent, base, { method, target, form, cookie: jar.header(), now: clock(performance.now()) });
    } catch (error) {
      tally.problem("network", `${name}: ${method} ${target}: ${(error as Error).message}`);
      throw new JourneyError(name);
    }
    tally.answered(reply.status);
    jar.store(reply.setCookie);
    if (reply.status !== want) {
      const text = reply.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 160);
      const message = `${name}: ${method} ${target} answered ${reply.status}, not ${want}${reply.location ? ` (to ${reply.location})` : ""}: ${text}`;
      tally.problem(reply.status < 200 || reply.status >= 400 ? "http" : "unexpected", message);
      throw new JourneyError(message);
    }
    record(name, reply.ms);
    return reply;
  };
  const unexpected = (message: string) => {
    tally.problem("unexpected", message);
    return new JourneyError(message);
  };

  const startUrl = `/surveys/${SLUG}`;
  const startPage = await step("startPage", "GET", startUrl, 200);
  const startForm = startFormOf(startPage.body, new URL(startUrl, base).href);
  if (!startForm) throw unexpected("startPage: no start form");
  const started = await step("start", "POST", startForm.action, 302, encodeForm(startForm.hidden));
  const responseId = draftIdFrom(started.setCookie, survey.id);
  if (!responseId) throw unexpected("start: no draft cookie for this survey");
  let next = started.location;

  const expected: Record<string, AnswerValue> = {};
  let pagesAnswered = 0;
  while (next?.startsWith(`/surveys/${SLUG}/q/`)) {
    const pageKey = new URL(next, base).pathname.split("/").at(-1)!;
    const page = survey.definition.pages.find((p) => p.key === pageKey);
    if (!page) throw unexpected(`questionPage: sent to an unknown page ${next}`);
    const shown = await step("questionPage", "GET", next, 200);
    const form = formWithIntent(readForms(shown.body, new URL(next, base).href), "continue");
    if (!form) throw unexpected(`questionPage: no form on ${next}`);
    const filled = fillPage(form, page, random);
    const problems = checkFilled(page, filled, { districts: survey.districts });
    if (problems.length) throw unexpected(`questionPage: the bench would send what the portal refuses: ${problems.join("; ")}`);
    Object.assign(expected, filled.expected);
    next = (await step("answer", "POST", form.action, 302, encodeForm(filled.fields))).location;
    if (++pagesAnswered > survey.definition.pages.length) throw unexpected("answer: more pages than the survey has");
  }
  if (next !== `/surveys/${SLUG}/check`) throw unexpected(`answer: sent to ${next}, not the check page`);
  if (pagesAnswered !== survey.definition.pages.length) throw unexpected(`answer: ${pagesAnswered} pages answered, not ${survey.definition.pages.length}`);

  const check = await step("checkPage", "GET", next, 200);
  const submitForm = formWithIntent(readForms(check.body, new URL(next, base).href), "submit");
  if (!submitForm) throw unexpected("checkPage: no submit form");
  next = (await step("submit", "POST", submitForm.action, 302, encodeForm(submitForm.hidden))).location;
  if (next !== `/surveys/${SLUG}/done`) throw unexpected(`submit: sent to ${next}, not the confirmation`);
  const done = await step("done", "GET", next, 200);
  const reference = readReference(done.body);
  if (!reference) throw unexpected("done: no reference on the confirmation page");
  return { responseId, reference, expected };
}

async function complete(
  base: string,
  settings: NoonSettings,
  survey: { id: string; definition: SurveyDefinition; districts: readonly string[] },
  clock: (at: number) => Date,
) {
  const tally = new Tally();
  const latencies = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const acknowledged: Acknowledged[] = [];
  let failed = 0;
  let next = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.concurrency });
  const started = performance.now();
  let lastReport = started;
  try {
    await Promise.all(
      Array.from({ length: Math.min(settings.concurrency, settings.respondents) }, async () => {
        while (next < settings.respondents) {
          const seed = 1 + next++;
          try {
            acknowledged.push(await journey(agent, base, survey, seed, clock, tally, (step, ms) => latencies[step].push(ms)));
          } catch (error) {
            failed++;
            if (!(error instanceof JourneyError)) tally.problem("unexpected", `the bench itself: ${(error as Error).message}`);
          }
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            log(`  ${acknowledged.length + failed}/${settings.respondents} parents done (${failed} failed) after ${((lastReport - started) / 1000).toFixed(0)} s`);
          }
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    respondents: settings.respondents,
    concurrency: settings.concurrency,
    seconds: round(seconds, 1),
    withinTenMinutes: seconds < TEN_MINUTES_S,
    responsesPerSecond: round(acknowledged.length / seconds, 2),
    requestsPerSecond: round(tally.requests / seconds, 1),
    acknowledged: acknowledged.length,
    failed,
    latencyMs: Object.fromEntries(STEPS.map((s) => [s, latencyOf(latencies[s])])) as Record<Step, Latency>,
    errors: tally.toJSON(),
    list: acknowledged,
  };
}

// ---------------------------------------------------------------------------
// Phase 3: is every acknowledged response stored whole?

async function countStored(handle: DatabaseHandle, surveyId: string, acknowledged: Acknowledged[]): Promise<NoonResult["stored"]> {
  const rows = await handle.db
    .selectFrom("survey_response as r")
    .leftJoin("survey_answer as a", "a.response_id", "r.id")
    .select(["r.id", "r.reference", "r.status", "a.question_key", "a.value"])
    .where("r.survey_id", "=", surveyId)
    .execute();
  const byId = new Map<string, { status: string; reference: string | null; answers: Record<string, AnswerValue> }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { status: row.status, reference: row.reference, answers: {} };
    if (row.question_key) entry.answers[row.question_key] = row.value as AnswerValue;
    byId.set(row.id, entry);
  }
  const stored = { acknowledged: acknowledged.length, whole: 0, missing: 0, notSubmitted: 0, wrongReference: 0, wrongAnswers: 0, submittedRows: 0, draftRows: 0 };
  for (const entry of byId.values()) {
    if (entry.status === "submitted") stored.submittedRows++;
    else stored.draftRows++;
  }
  for (const { responseId, reference, expected } of acknowledged) {
    const entry = byId.get(responseId);
    if (!entry) stored.missing++;
    else if (entry.status !== "submitted") stored.notSubmitted++;
    else if (entry.reference !== reference) stored.wrongReference++;
    else if (Object.keys(entry.answers).length !== QUESTIONS || !isDeepStrictEqual(entry.answers, expected)) stored.wrongAnswers++;
    else stored.whole++;
  }
  return stored;
}


// ---------------------------------------------------------------------------
// The run

function summary(result: NoonResult): string {
  const row = (label: string, l: Latency) => `  ${label.padEnd(34)} ${[l.p50, l.p95, l.p99, l.max].map((v) => v.toFixed(1).padStart(9)).join("")}   ${String(l.requests).padStart(6)}`;
  const { spike: s, completion: c, stored } = result;
  return [
    "",
    `revisit-noon: ${result.survey.questions}-question re-visit survey opening at ${result.survey.opensAt} (noon, UK time)`,
    `  load average before ${result.machine.loadAverageBefore.map((v) => v.toFixed(2)).join(" ")}, after ${result.machine.loadAverageAfter.map((v) => v.toFixed(2)).join(" ")} on ${result.machine.cpus} cores; React: ${result.portal.react}`,
    `spike: ${s.parents} parents over ${s.spikeSeconds} s (${s.arrivalsPerSecond}/s), last answer at noon + ${s.lastAnswerSeconds} s, at most ${s.maxInFlight} waiting at once`,
    `  errors: ${s.errors.errors} (${s.errors.http} HTTP, ${s.errors.network} network, ${s.errors.unexpected} wrong page) of ${s.errors.requests} requests`,
    `completion: ${c.acknowledged} of ${c.respondents} parents acknowledged in ${c.seconds} s, ${c.concurrency} at a time (${c.responsesPerSecond} responses/s, ${c.requestsPerSecond} requests/s)`,
    `  errors: ${c.errors.errors} (${c.errors.http} HTTP, ${c.errors.network} network, ${c.errors.unexpected} wrong page) of ${c.errors.requests} requests`,
    `latency, ms                              p50      p95      p99      max   requests`,
    row("spike: GET start page", s.latencyMs.startPage),
    row("GET start page", c.latencyMs.startPage),
    row("POST start", c.latencyMs.start),
    row("GET question page", c.latencyMs.questionPage),
    row("POST answers", c.latencyMs.answer),
    row("GET check answers", c.latencyMs.checkPage),
    row("POST submit", c.latencyMs.submit),
    row("GET confirmation", c.latencyMs.done),
    `${stored.whole} of ${stored.acknowledged} acknowledged responses stored whole` +
      ` (${stored.missing} missing, ${stored.notSubmitted} not submitted, ${stored.wrongReference} wrong reference, ${stored.wrongAnswers} wrong answers;` +
      ` ${stored.submittedRows} submitted rows, ${stored.draftRows} drafts)`,
    "",
  ].join("\n");
}

export async function runRevisitNoon(settings: NoonSettings = settingsFrom([])): Promise<NoonResult> {
  log(
    `revisit-noon: ${settings.parents} parents open the start page over ${settings.spikeSeconds} s, ` +
      `then ${settings.respondents} complete it, ${settings.concurrency} at a time`,
  );
  const loadAverageBefore = os.loadavg();
  const database = await createBenchDatabase();
  let portal: Portal | undefined;
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ url: database.url, poolSize: 2 });
    const db = handle.db;
    // The portal migrates and seeds the demo area (areas of concern, districts, bank holidays).
    portal = await startClockPortal(database.url);

    const timeline = buildTimeline(NOTIFIED, await loadHolidays(db));
    const concerns = await db.selectFrom("area_of_concern").select(["number", "title", "plain_title"]).orderBy("number").limit(FOCUSES).execute();
    if (concerns.length < FOCUSES) throw new Error(`the demo area has ${concerns.length} areas of concern, not ${FOCUSES}`);
    const definition = revisitDefinition({
      title: "Tell inspectors what has changed (benchmark)",
      focuses: concerns.map((c) => ({ number: c.number, plainTitle: c.plain_title || c.title })),
    });
    const questions = definition.pages.reduce((n, p) => n + p.questions.length, 0);
    if (questions !== QUESTIONS) throw new Error(`the re-visit survey has ${questions} questions, not ${QUESTIONS}`);
    const created = await createSurvey(db, {
      slug: SLUG,
      audience: "parent_carer",
      series: "revisit-parents",
      wave: NOTIFIED,
      purpose: "revisit",
      status: "scheduled",
      opensAt: timeline.opensAt,
      closesAt: timeline.closesAt,
      definition,
    });
    const survey = { id: created.id, definition, districts: (await answerContext(db)).districts };
    log(`survey ${SLUG}: ${questions} questions on ${definition.pages.length} pages, open ${timeline.opensAt.toISOString()} to ${timeline.closesAt.toISOString()}`);

    // The clock stands at noon from the moment the spike begins, and moves with the wall clock.
    let noonAt = performance.now();
    const clock = (at: number) => new Date(timeline.opensAt.getTime() + (at - noonAt));

    // Untimed: a second before noon the page says "not yet open" (no start form); this also warms the portal up.
    const before = new Date(timeline.opensAt.getTime() - 1000);
    const startUrl = `/surveys/${SLUG}`;
    for (let i = 0; i < 30; i++) {
      const reply = await send(false, portal.url, { method: "GET", target: startUrl, now: before });
      if (reply.status !== 200 || startFormOf(reply.body, new URL(startUrl, portal.url).href)) {
        throw new Error(`at 11:59:59 the start page answered ${reply.status}${reply.status === 200 ? " with a start form" : ""}: is the clock header ignored?`);
      }
    }
    log("at 11:59:59 the start page says the survey is not open yet (30 times, untimed)");

    log(`spike: ${settings.parents} parents over ${settings.spikeSeconds} s from noon…`);
    noonAt = performance.now();
    const spikeResult = await spike(portal.url, settings, clock, noonAt);
    log(`  ${spikeResult.ok} start pages open, ${spikeResult.errors.errors} errors; p95 ${spikeResult.latencyMs.startPage.p95} ms`);

    log(`completion: ${settings.respondents} parents, ${settings.concurrency} at a time…`);
    const { list, ...completion } = await complete(portal.url, settings, survey, clock);
    log(`  ${completion.acknowledged} acknowledged, ${completion.failed} failed in ${completion.seconds} s`);
    for (const message of completion.errors.first.slice(0, 3)) log(`  error: ${message}`);

    await portal.stop();
    const react = reactBuilds(portal);
    log(`counting what was stored…`);
    const stored = await countStored(handle, survey.id, list);

    const result: NoonResult = {
      benchmark: "revisit-noon",
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: os.cpus().length, loadAverageBefore: loadAverageBefore.map((v) => round(v, 2)), loadAverageAfter: os.loadavg().map((v) => round(v, 2)) },
      portal: { nodeEnv: "test", testClock: true, react },
      survey: { slug: SLUG, purpose: "revisit", questions, pages: definition.pages.length, opensAt: timeline.opensAt.toISOString(), closesAt: timeline.closesAt.toISOString() },
      spike: spikeResult,
      completion,
      stored,
    };
    process.stderr.write(summary(result));
    if (!react.startsWith("production only")) log(`warning: React was not on its production build: ${react}`);
    return result;
  } finally {
    await cleanUp([portal?.stop, handle ? () => closeAndWait(handle!, database.url) : undefined, database.drop]);
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${JSON.stringify(await runRevisitNoon(settingsFrom(process.argv.slice(2))), null, 2)}\n`);
  } catch (error) {
    log(`revisit-noon failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
