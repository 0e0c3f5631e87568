// The survey journey under load, on real PostgreSQL: many simulated
// respondents, each completing a 20-question survey page by page over HTTP
// exactly as a browser without JavaScript would (forms, cookies, CSRF field,
// redirects), many at once. Per-page latency, responses per second, and
// afterwards a count in the database that every acknowledged response is
// stored whole. Then the same rows inserted with plain SQL, for comparison.
import http from "node:http";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { openDatabase, type DatabaseHandle } from "../db/engine";
import type { AnswerValue } from "../app/surveys/answers";
import { newSurveyReference } from "../app/surveys/codes";
import type { SurveyDefinition } from "../app/surveys/definition";
import { createSurvey } from "../app/surveys/surveys.server";
import { createRandom } from "../db/seed/local-offer";
import { cleanUp, closeAndWait, createBenchDatabase, freePort, log, percentile, type Portal, round, startPortal } from "./harness";
import {
  BENCH_QUESTION_COUNT,
  benchSurveyDefinition,
  CookieJar,
  encodeForm,
  fillPage,
  formWithIntent,
  readForms,
  readReference,
} from "./surveys-journey";

const SLUG = "bench-survey";
const REQUEST_TIMEOUT_MS = 30_000;

export interface SurveySettings {
  /** Measured respondents, each doing the whole journey once. */
  respondents: number;
  /** Respondents in the middle of their journey at any moment (each one request at a time, like a browser tab). */
  concurrency: number;
  /** 1: 20 pages of one question; 2: 10 pages of two. */
  perPage: 1 | 2;
  /** Respondents before the measured ones, to warm up the portal; stored and checked, not timed. */
  warmup: number;
}

/** The steps of one journey, each one HTTP request. */
const STEPS = ["startPage", "start", "questionPage", "answer", "checkPage", "submit", "done"] as const;
type Step = (typeof STEPS)[number];

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** How many requests the figures are from. */
  requests: number;
}

export interface SurveyResult {
  benchmark: "survey-journey";
  date: string;
  node: string;
  respondents: number;
  concurrency: number;
  questions: number;
  layout: string;
  journey: {
    seconds: number;
    /** Acknowledged responses (a reference on the confirmation page) per second of the measured run. */
    responsesPerSecond: number;
    requestsPerSecond: number;
    requests: number;
    completed: number;
    failed: number;
    /** The first few failures, with the step and status. */
    errors: string[];
  };
  /** Per step: GET start page, POST start, GET question page, POST answers, GET check page, POST submit, GET confirmation. */
  latencyMs: Record<Step, Latency>;
  stored: {
    acknowledged: number;
    /** Acknowledged, stored as submitted, with exactly the 20 answers sent. */
    whole: number;
    missing: number;
    notSubmitted: number;
    wrongAnswers: number;
    /** Submitted rows in the survey (warm-up included): more than acknowledged would mean a double count. */
    submittedRows: number;
    /** Drafts left behind by journeys that failed part-way. */
    draftRows: number;
  };
  sql: {
    /** One transaction per response (the response row and its 20 answers), `concurrency` at a time. */
    perResponse: { responsesPerSecond: number; rowsPerSecond: number; latencyMs: Latency };
    /** Multi-row inserts of 500 responses (and their 10,000 answers) per transaction. */
    bulk: { responsesPerSecond: number; rowsPerSecond: number; seconds: number };
  };
  /** How many times more responses per second plain SQL stores than the journey. */
  ratio: { perResponse: number | null; bulk: number | null };
}

// ---------------------------------------------------------------------------
// Settings: command line (when run on its own), else environment, else defaults

function settingsFrom(argv: string[]): SurveySettings {
  const option = (name: string, env: string, fallback: number) => {
    const flag = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    const raw = flag >= 0 ? (argv[flag]!.includes("=") ? argv[flag]!.split("=")[1] : argv[flag + 1]) : process.env[env];
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} (${env}) must be a whole number (got "${raw}")`);
    return value;
  };
  const perPage = option("per-page", "BENCH_QUESTIONS_PER_PAGE", 1);
  if (perPage !== 1 && perPage !== 2) throw new Error("--per-page (BENCH_QUESTIONS_PER_PAGE) must be 1 or 2");
  const settings = {
    respondents: option("respondents", "BENCH_RESPONDENTS", 200),
    concurrency: option("concurrency", "BENCH_CONCURRENCY", 25),
    perPage: perPage as 1 | 2,
    warmup: option("warmup", "BENCH_WARMUP_RESPONDENTS", 10),
  };
  if (settings.respondents < 1 || settings.concurrency < 1) throw new Error("--respondents and --concurrency must be at least 1");
  return settings;
}

// ---------------------------------------------------------------------------
// HTTP, as a browser without JavaScript

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
  ms: number;
}

class JourneyError extends Error {}

function send(agent: http.Agent, base: string, jar: CookieJar, method: "GET" | "POST", target: string, form?: string): Promise<Answer> {
  const url = new URL(target, base);
  const headers: Record<string, string> = { Accept: "text/html", "User-Agent": "portal-bench/survey-journey" };
  const cookie = jar.header();
  if (cookie) headers.Cookie = cookie;
  if (form !== undefined) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(form));
    // What a browser sends with a form post; CSRF checks may look at it.
    headers.Origin = url.origin;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(url, { method, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const setCookie = response.headers["set-cookie"];
        jar.store(setCookie);
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          body: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        });
      });
    });
    request.on("timeout", () => request.destroy(new Error(`${method} ${target} timed out after ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(form);
  });
}

type Recorder = (step: Step, ms: number) => void;

/**
 * One respondent: start page, start, every question page (GET, then POST the
 * filled form), check page, submit, confirmation. Returns the reference and
 * what should now be stored.
 */
async function journey(
  agent: http.Agent,
  base: string,
  definition: SurveyDefinition,
  seed: number,
  record: Recorder,
): Promise<{ reference: string; expected: Record<string, AnswerValue>; requests: number }> {
  const random = createRandom(seed);
  const jar = new CookieJar();
  let requests = 0;
  const step = async (name: Step, method: "GET" | "POST", target: string, want: number, form?: string) => {
    const answer = await send(agent, base, jar, method, target, form);
    requests++;
    if (answer.status !== want) {
      const text = answer.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 160);
      throw new JourneyError(`${name}: ${method} ${target} answered ${answer.status}, not ${want}${answer.location ? ` (to ${answer.location})` : ""}: ${text}`);
    }
    record(name, answer.ms);
    return answer;
  };
  const startUrl = `/surveys/${SLUG}`;
  const startPage = await step("startPage", "GET", startUrl, 200);
  const startForm = formWithIntent(readForms(startPage.body, new URL(startUrl, base).href), "start");
  if (!startForm) throw new JourneyError("startPage: no start form");
  let next = (await step("start", "POST", startForm.action, 302, encodeForm(startForm.hidden))).location;

  const expected: Record<string, AnswerValue> = {};
  let pagesAnswered = 0;
  while (next?.startsWith(`/surveys/${SLUG}/q/`)) {
    const pageKey = new URL(next, base).pathname.split("/").at(-1)!;
    const page = definition.pages.find((p) => p.key === pageKey);
    if (!page) throw new JourneyError(`questionPage: sent to an unknown page ${next}`);
    const shown = await step("questionPage", "GET", next, 200);
    const form = formWithIntent(readForms(shown.body, new URL(next, base).href), "continue");
    if (!form) throw new JourneyError(`questionPage: no form on ${next}`);
    const filled = fillPage(form, page, random);
    Object.assign(expected, filled.expected);
    next = (await step("answer", "POST", form.action, 302, encodeForm(filled.fields))).location;
    pagesAnswered++;
    if (pagesAnswered > definition.pages.length) throw new JourneyError("answer: more pages than the survey has");
  }
  if (next !== `/surveys/${SLUG}/check`) throw new JourneyError(`answer: sent to ${next}, not the check page`);
  if (pagesAnswered !== definition.pages.length) throw new JourneyError(`answer: ${pagesAnswered} pages answered, not ${definition.pages.length}`);

  const check = await step("checkPage", "GET", next, 200);
  const submitForm = formWithIntent(readForms(check.body, new URL(next, base).href), "submit");
  if (!submitForm) throw new JourneyError("checkPage: no submit form");
  next = (await step("submit", "POST", submitForm.action, 302, encodeForm(submitForm.hidden))).location;
  if (next !== `/surveys/${SLUG}/done`) throw new JourneyError(`submit: sent to ${next}, not the confirmation`);
  const done = await step("done", "GET", next, 200);
  const reference = readReference(done.body);
  if (!reference) throw new JourneyError("done: no reference on the confirmation page");
  return { reference, expected, requests };
}

interface RunOutcome {
  acknowledged: { reference: string; expected: Record<string, AnswerValue> }[];
  failures: string[];
  requests: number;
  seconds: number;
}

/** `count` journeys, `concurrency` at a time, seeds from `firstSeed`. */
async function runJourneys(
  agent: http.Agent,
  base: string,
  definition: SurveyDefinition,
  count: number,
  concurrency: number,
  firstSeed: number,
  record: Recorder,
): Promise<RunOutcome> {
  const outcome: RunOutcome = { acknowledged: [], failures: [], requests: 0, seconds: 0 };
  let next = 0;
  const started = performance.now();
  let lastReport = started;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const seed = firstSeed + next++;
        try {
          const result = await journey(agent, base, definition, seed, record);
          outcome.acknowledged.push({ reference: result.reference, expected: result.expected });
          outcome.requests += result.requests;
        } catch (error) {
          outcome.failures.push((error as Error).message);
        }
        if (performance.now() - lastReport > 5_000) {
          lastReport = performance.now();
          log(`  ${outcome.acknowledged.length + outcome.failures.length}/${count} respondents done (${outcome.failures.length} failed)`);
        }
      }
    }),
  );
  outcome.seconds = (performance.now() - started) / 1000;
  return outcome;
}

function latencyOf(values: number[]): Latency {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, requests: 0 };
  const sorted = Float64Array.from(values).sort();
  return { p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2), p99: round(percentile(sorted, 99), 2), requests: values.length };
}


// ---------------------------------------------------------------------------
// The run

export async function runSurveys(settings: SurveySettings = settingsFrom([])): Promise<SurveyResult> {
  const layout = settings.perPage === 1 ? `${BENCH_QUESTION_COUNT} pages × 1 question` : `${BENCH_QUESTION_COUNT / 2} pages × 2 questions`;
  log(`survey-journey: ${settings.respondents} respondents (+${settings.warmup} warm-up), ${settings.concurrency} at a time, ${layout}`);
  const database = await createBenchDatabase();
  let portal: Portal | undefined;
  let handle: DatabaseHandle | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.concurrency });
  try {
    handle = await openDatabase({ url: database.url, poolSize: settings.concurrency });
    const db = handle.db;
    // The portal migrates and seeds the demo area on start; then the survey, open now.
    portal = await startPortal({ databaseUrl: database.url, port: await freePort() });
    const definition = benchSurveyDefinition(settings.perPage);
    const now = Date.now();
    const survey = await createSurvey(db, {
      slug: SLUG,
      audience: "parent_carer",
      series: "bench",
      wave: "bench",
      status: "scheduled",
      opensAt: new Date(now - 3_600_000),
      closesAt: new Date(now + 24 * 3_600_000),
      definition,
    });

    if (settings.warmup > 0) log(`warm-up: ${settings.warmup} respondents…`);
    const warm = await runJourneys(agent, portal.url, definition, settings.warmup, settings.concurrency, 1_000_000, () => {});
    if (warm.failures.length) throw new Error(`the warm-up failed: ${warm.failures[0]}`);

    log(`measuring: ${settings.respondents} respondents, ${settings.concurrency} at a time…`);
    const latencies = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
    const run = await runJourneys(agent, portal.url, definition, settings.respondents, settings.concurrency, 1, (step, ms) => latencies[step].push(ms));
    log(
      `  ${run.acknowledged.length} acknowledged, ${run.failures.length} failed in ${run.seconds.toFixed(1)} s ` +
        `(${(run.acknowledged.length / run.seconds).toFixed(1)} responses/s)`,
    );
    for (const failure of run.failures.slice(0, 3)) log(`  failure: ${failure}`);
    agent.destroy();
    await portal.stop();

    // ---- Is every acknowledged response stored, whole? ----
    log("counting what was stored…");
    const rows = await db
      .selectFrom("survey_response as r")
      .leftJoin("survey_answer as a", "a.response_id", "r.id")
      .select(["r.id", "r.reference", "r.status", "a.question_key", "a.value"])
      .where("r.survey_id", "=", survey.id)
      .execute();
    const byReference = new Map<string, { status: string; answers: Record<string, AnswerValue> }>();
    const responseIds = new Set<string>();
    let submittedRows = 0;
    let draftRows = 0;
    for (const row of rows) {
      if (!responseIds.has(row.id)) {
        responseIds.add(row.id);
        if (row.status === "submitted") submittedRows++;
        else draftRows++;
      }
      if (!row.reference) continue;
      const entry = byReference.get(row.reference) ?? { status: row.status, answers: {} };
      if (row.question_key) entry.answers[row.question_key] = row.value as AnswerValue;
      byReference.set(row.reference, entry);
    }
    const stored = { acknowledged: 0, whole: 0, missing: 0, notSubmitted: 0, wrongAnswers: 0, submittedRows, draftRows };
    for (const { reference, expected } of [...warm.acknowledged, ...run.acknowledged]) {
      stored.acknowledged++;
      const entry = byReference.get(reference);
      if (!entry) stored.missing++;
      else if (entry.status !== "submitted") stored.notSubmitted++;
      else if (Object.keys(entry.answers).length !== BENCH_QUESTION_COUNT || !isDeepStrictEqual(entry.answers, expected)) stored.wrongAnswers++;
      else stored.whole++;
    }
    log(
      `  ${stored.whole} of ${stored.acknowledged} acknowledged responses stored whole; ${stored.missing} missing, ` +
        `${stored.notSubmitted} not submitted, ${stored.wrongAnswers} with wrong answers; ${submittedRows} submitted rows, ${draftRows} drafts`,
    );

    // ---- The same rows with plain SQL ----
    const measuredIds = new Set(run.acknowledged.map((a) => a.reference));
    const source = await db
      .selectFrom("survey_response")
      .selectAll()
      .where("survey_id", "=", survey.id)
      .where("status", "=", "submitted")
      .execute();
    const sourceAnswers = await db
      .selectFrom("survey_answer")
      .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
      .select(["survey_answer.response_id", "survey_answer.question_key", "survey_answer.value"])
      .where("survey_response.survey_id", "=", survey.id)
      .execute();
    const answersOf = new Map<string, { question_key: string; value: AnswerValue }[]>();
    for (const a of sourceAnswers) answersOf.set(a.response_id, [...(answersOf.get(a.response_id) ?? []), { question_key: a.question_key, value: a.value as AnswerValue }]);
    const templates = source.filter((r) => measuredIds.has(r.reference!));
    /** A copy of a stored response: a new id and reference, the same columns and answers. */
    const copyOf = (template: (typeof source)[number]) => {
      const id = randomUUID();
      const at = new Date();
      const { id: _id, reference: _reference, ...columns } = template;
      return {
        response: { ...columns, id, reference: newSurveyReference(), started_at: at, updated_at: at, submitted_at: at },
        answers: (answersOf.get(template.id) ?? []).map((a) => ({ response_id: id, question_key: a.question_key, value: JSON.stringify(a.value), updated_at: at })),
      };
    };

    log(`plain SQL, one transaction per response, ${settings.concurrency} at a time…`);
    const sqlLatencies: number[] = [];
    let nextTemplate = 0;
    let sqlRows = 0;
    const perStarted = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(settings.concurrency, templates.length) }, async () => {
        while (nextTemplate < templates.length) {
          const copy = copyOf(templates[nextTemplate++]!);
          const started = performance.now();
          await db.transaction().execute(async (trx) => {
            await trx.insertInto("survey_response").values(copy.response).execute();
            await trx.insertInto("survey_answer").values(copy.answers).execute();
          });
          sqlLatencies.push(performance.now() - started);
          sqlRows += 1 + copy.answers.length;
        }
      }),
    );
    const perSeconds = (performance.now() - perStarted) / 1000;
    const perResponse = {
      responsesPerSecond: round(templates.length / perSeconds, 1),
      rowsPerSecond: round(sqlRows / perSeconds, 0),
      latencyMs: latencyOf(sqlLatencies),
    };
    log(`  ${perResponse.responsesPerSecond} responses/s (${perResponse.rowsPerSecond} rows/s); p50 ${perResponse.latencyMs.p50} ms, p95 ${perResponse.latencyMs.p95} ms`);

    log("plain SQL, 500 responses per multi-row insert…");
    const copies = templates.map(copyOf);
    const bulkStarted = performance.now();
    for (let i = 0; i < copies.length; i += 500) {
      const batch = copies.slice(i, i + 500);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto("survey_response").values(batch.map((c) => c.response)).execute();
        await trx.insertInto("survey_answer").values(batch.flatMap((c) => c.answers)).execute();
      });
    }
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;
    const bulkRows = copies.reduce((n, c) => n + 1 + c.answers.length, 0);
    const bulk = { responsesPerSecond: round(copies.length / bulkSeconds, 1), rowsPerSecond: round(bulkRows / bulkSeconds, 0), seconds: round(bulkSeconds, 3) };
    log(`  ${bulk.responsesPerSecond} responses/s (${bulk.rowsPerSecond} rows/s)`);

    const journeyRps = run.acknowledged.length / run.seconds;
    const ratio = (sqlRps: number) => (journeyRps > 0 ? round(sqlRps / journeyRps, 1) : null);
    return {
      benchmark: "survey-journey",
      date: new Date().toISOString(),
      node: process.version,
      respondents: settings.respondents,
      concurrency: settings.concurrency,
      questions: BENCH_QUESTION_COUNT,
      layout,
      journey: {
        seconds: round(run.seconds, 2),
        responsesPerSecond: round(journeyRps, 1),
        requestsPerSecond: round(run.requests / run.seconds, 1),
        requests: run.requests,
        completed: run.acknowledged.length,
        failed: run.failures.length,
        errors: run.failures.slice(0, 5),
      },
      latencyMs: Object.fromEntries(STEPS.map((s) => [s, latencyOf(latencies[s])])) as Record<Step, Latency>,
      stored,
      sql: { perResponse, bulk },
      ratio: { perResponse: ratio(perResponse.responsesPerSecond), bulk: ratio(bulk.responsesPerSecond) },
    };
  } finally {
    agent.destroy();
    await cleanUp([portal?.stop, handle ? () => closeAndWait(handle!, database.url) : undefined, database.drop]);
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${JSON.stringify(await runSurveys(settingsFrom(process.argv.slice(2))), null, 2)}\n`);
  } catch (error) {
    log(`survey-journey failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
