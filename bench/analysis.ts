// Benchmark "analysis" (issue 7, point 8): the results pages of a survey wave with 50,000
// submitted responses of 25 answers each (1.25 million answers), on real PostgreSQL, at 10
// officers at once, beside the same pages' SQL run straight against the database.
//
//   1. Seed (bench/analysis-data.ts): the demo area (the portal seeds it on start), one
//      closed wave of 25 questions, 50,000 responses with their answers, 3,000 drafts, 300
//      safeguarding flags on answers in people's own words, the year's denominators; then
//      VACUUM ANALYZE. The time it took is in the output.
//   2. The pages: an officer signs in through the login form (CSRF field and cookie), then
//      autocannon sends GETs with that session, `connections` at a time, each request taking
//      the next of nine addresses in turn (no filter, a district, a health area, district and
//      support level, easy read, a date range, broken down by district, by support level within
//      a district, and the compare page for one question). Every response must be a 200 whose
//      h1 is the page's; latency per kind of address and overall.
//   3. The SQL: the queries those pages' loaders send (captured by calling the real functions,
//      getWave, getFilterChoices, getWaveResults, getResponseRates, compareQuestion, through a
//      Kysely that logs each compiled query), replayed with plain `pg`, `connections` clients at
//      once, for the same duration: latency of each page's whole set of queries.
//
// Run alone with `npx tsx bench/analysis.ts`; `npm run -s bench -- analysis` runs it from
// bench/run.ts. One JSON object on stdout, progress and a summary on stderr.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect, type LogEvent } from "kysely";
import pg from "pg";
import autocannon, { type Result as AutocannonResult } from "autocannon";
import { openDatabase, SESSION_OPTIONS, type DatabaseHandle } from "../db/engine";
import type { Database } from "../db/schema";
import { comparableQuestion, compareQuestion } from "../app/analysis/compare.server";
import { getResponseRates } from "../app/analysis/denominators.server";
import { parseAnalysisFilter, type FilterChoices } from "../app/analysis/filters";
import { getFilterChoices } from "../app/analysis/filters.server";
import { parseBy } from "../app/analysis/routes.server";
import { getWave, getWaveResults } from "../app/analysis/results.server";
import { BENCH_ANALYSIS_QUESTIONS, BENCH_WAVE, COMPARE_KEY, seedAnalysisWave, type SeedResult } from "./analysis-data";
import { cleanUp, closeAndWait, createBenchDatabase, freePort, log, percentile, type Portal, round, startPortal } from "./harness";
import { CookieJar, decodeEntities, encodeForm, readForms } from "./surveys-journey";

const OFFICER = "officer@demo.local";
const LANGUAGE = "en-GB";
const AIM_P95_MS = 500;

export interface AnalysisSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  responses: number;
  drafts: number;
  flags: number;
  /** Print EXPLAIN (ANALYZE, BUFFERS) of each page's slowest query to stderr. */
  explain: boolean;
  /** Every request a view never asked for before (a new "to" day each time), so none is answered from the count cache. */
  cold: boolean;
}

function settingsFromEnv(): AnalysisSettings {
  const number = (name: string, fallback: number, min = 1) => {
    const raw = process.env[name];
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${raw}")`);
    return value;
  };
  return {
    connections: number("BENCH_CONNECTIONS", 10),
    durationSeconds: number("BENCH_DURATION", 30),
    warmupSeconds: number("BENCH_WARMUP", 5, 0),
    responses: number("BENCH_ANALYSIS_RESPONSES", 50_000),
    drafts: number("BENCH_ANALYSIS_DRAFTS", 3_000, 0),
    flags: number("BENCH_ANALYSIS_FLAGS", 300, 0),
    explain: process.env.BENCH_EXPLAIN === "1" || process.env.BENCH_EXPLAIN === "true",
    cold: process.env.BENCH_ANALYSIS_COLD === "1" || process.env.BENCH_ANALYSIS_COLD === "true",
  };
}

// ---------------------------------------------------------------------------
// What is asked for

interface PageKind {
  kind: string;
  /** After /admin/analysis/:surveyId */
  suffix: string;
  /** The address's query. */
  query: string;
}

function pageKinds(window: SeedResult["window"]): PageKind[] {
  const [from, to] = [addDays(window.opens, 7), addDays(window.opens, 20)];
  return [
    { kind: "all", suffix: "", query: "" },
    { kind: "district", suffix: "", query: "district=preston" },
    { kind: "healthArea", suffix: "", query: "health_area=east-lancashire" },
    { kind: "districtSupport", suffix: "", query: "district=burnley&support_level=ehc_plan" },
    { kind: "easyRead", suffix: "", query: "format=easy_read" },
    { kind: "dateRange", suffix: "", query: `from=${from}&to=${to}` },
    { kind: "byDistrict", suffix: "", query: "by=district" },
    { kind: "bySupportInDistrict", suffix: "", query: "district=lancaster&by=support_level" },
    { kind: "compare", suffix: `/questions/${COMPARE_KEY}`, query: "" },
  ];
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const pathOf = (surveyId: string, page: PageKind) => `/admin/analysis/${surveyId}${page.suffix}${page.query ? `?${page.query}` : ""}`;

/** The text of a page's h1, tags and comments left out, entities decoded; undefined when there is none. */
function headingOf(html: string): string | undefined {
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  if (!match) return undefined;
  return decodeEntities(match[1]!.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------
// Results

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
}

function latencyOf(values: number[]): Latency {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, requests: 0 };
  const sorted = Float64Array.from(values).sort();
  return { p50: round(percentile(sorted, 50), 1), p95: round(percentile(sorted, 95), 1), p99: round(percentile(sorted, 99), 1), requests: values.length };
}

interface PageFigures extends Latency {
  /** Responses that were not 200, and 200s whose h1 was not the page's. */
  non200: number;
  wrongHeading: number;
}

export interface AnalysisResult {
  benchmark: "analysis";
  date: string;
  node: string;
  machine: { cpus: number; loadAverageBefore: number[]; loadAverageAfter: number[] };
  /** The server's version and the jit setting the portal's and the SQL clients' sessions had. */
  postgres: { version: string; jit: string };
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  data: {
    responses: number;
    drafts: number;
    answers: number;
    safeguardingFlags: number;
    questions: number;
    seedSeconds: SeedResult["seconds"];
    tableSizes: Record<string, string>;
  };
  paths: Record<string, string>;
  /** One officer, one request at a time, before the load: each page's latency (median of 3) and size. */
  /** One request at a time: the first (counted afresh) and the median of three (the third and second from the count cache). */
  alone: Record<string, { firstMs: number; ms: number; kilobytes: number; queries: number }>;
  /** Whether every measured request was a view never asked for before (BENCH_ANALYSIS_COLD). */
  cold: boolean;
  pages: {
    requestsPerSecond: number;
    requests: number;
    errors: number;
    non2xx: number;
    wrongHeading: number;
    latencyMs: Latency;
    byKind: Record<string, PageFigures>;
  };
  sql: {
    /** Whole sets of a page's queries per second, `connections` clients at once. */
    setsPerSecond: number;
    latencyMs: Latency;
    byKind: Record<string, Latency>;
    /** One client alone: each page's slowest query and the time of its whole set. */
    alone: Record<string, { setMs: number; slowestMs: number; slowest: string }>;
  };
  /** Page latency ÷ SQL latency, overall. */
  ratio: { p50: number | null; p95: number | null; p99: number | null };
  aim: { p95UnderMs: number; met: boolean };
}

// ---------------------------------------------------------------------------
// Signing in

async function signIn(base: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const request = async (method: "GET" | "POST", target: string, form?: string) => {
    const headers: Record<string, string> = { "User-Agent": "portal-bench/analysis", Accept: "text/html" };
    const cookie = jar.header();
    if (cookie) headers.Cookie = cookie;
    if (form !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers.Origin = base;
    }
    const response = await fetch(new URL(target, base), { method, headers, body: form, redirect: "manual" });
    jar.store(response.headers.getSetCookie());
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  };
  const page = await request("GET", "/login");
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  const form = readForms(page.body, `${base}/login`).find((f) => f.method === "post" && f.fields.has("email"));
  if (!form) throw new Error("no sign-in form on /login");
  const fields: [string, string][] = [...form.hidden, ["email", OFFICER], ["password", password]];
  const answer = await request("POST", form.action, encodeForm(fields));
  if (answer.status !== 302) throw new Error(`signing in as ${OFFICER} answered ${answer.status}, not 302`);
  const cookie = jar.header();
  if (!cookie) throw new Error("signing in set no cookie");
  log(`signed in as ${OFFICER} (the demo's officer)`);
  return cookie;
}

// ---------------------------------------------------------------------------
// The pages under load

interface Checked extends PageKind {
  path: string;
  heading: string;
}

async function getPage(base: string, target: string, cookie: string): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(new URL(target, base), { headers: { Cookie: cookie, "User-Agent": "portal-bench/analysis" }, redirect: "manual" });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

/**
 * The address to ask for the n-th time: as it is, or (cold) with a "to" day no earlier
 * request used, which changes the view's key in the portal's count cache but not what it
 * counts (the day is after the wave closed; a date range keeps within its 5-year limit).
 */
function pathFor(page: Checked, n: number, cold: boolean): string {
  if (!cold || page.kind === "compare") return page.path;
  const url = new URL(page.path, "http://bench.invalid");
  const to = url.searchParams.get("to");
  url.searchParams.set("to", to ? addDays(to, 30 + (n % 1500)) : addDays("2027-01-01", n));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

function runPages(
  base: string,
  cookie: string,
  pages: Checked[],
  connections: number,
  seconds: number,
  record?: (kind: number, status: number, ms: number, rightHeading: boolean) => void,
  cold = false,
) {
  let next = 0;
  // onResponse (with the connection's context) runs just before the "response" event for the same response.
  let last = { kind: 0, rightHeading: true };
  return new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        headers: { cookie, "user-agent": "portal-bench/analysis" },
        requests: [
          {
            method: "GET",
            setupRequest: (request, context) => {
              const n = next++;
              const kind = n % pages.length;
              context.kind = kind;
              return { ...request, path: pathFor(pages[kind]!, n, cold) };
            },
            onResponse: (status, body, context) => {
              const kind = context.kind as number;
              last = { kind, rightHeading: status !== 200 || headingOf(body) === pages[kind]!.heading };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (record) instance.on("response", (_client, status, _bytes, ms) => record(last.kind, status, ms, last.rightHeading));
  });
}

async function measurePages(base: string, cookie: string, pages: Checked[], settings: AnalysisSettings): Promise<AnalysisResult["pages"]> {
  if (settings.warmupSeconds > 0) {
    log(`pages: warm-up ${settings.warmupSeconds} s, ${settings.connections} connections, ${pages.length} addresses in turn`);
    await runPages(base, cookie, pages, settings.connections, settings.warmupSeconds, undefined, settings.cold);
  }
  log(`pages: measuring ${settings.durationSeconds} s, ${settings.connections} connections`);
  const all: number[] = [];
  const byKind = pages.map(() => ({ latencies: [] as number[], non200: 0, wrongHeading: 0 }));
  const result = await runPages(base, cookie, pages, settings.connections, settings.durationSeconds, (kind, status, ms, rightHeading) => {
    all.push(ms);
    const k = byKind[kind]!;
    k.latencies.push(ms);
    if (status !== 200) k.non200++;
    if (!rightHeading) k.wrongHeading++;
  }, settings.cold);
  if (all.length === 0) throw new Error(`no responses in ${settings.durationSeconds} s (${result.errors} errors, ${result.timeouts} timeouts)`);
  return {
    requestsPerSecond: round(result.requests.total / result.duration, 2),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    wrongHeading: byKind.reduce((n, k) => n + k.wrongHeading, 0),
    latencyMs: latencyOf(all),
    byKind: Object.fromEntries(pages.map((p, i) => [p.kind, { ...latencyOf(byKind[i]!.latencies), non200: byKind[i]!.non200, wrongHeading: byKind[i]!.wrongHeading }])),
  };
}

// ---------------------------------------------------------------------------
// The same pages' SQL

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Every query the page's loader sends to the database apart from the session's: the
 * wave, the filter choices, then getWaveResults and getResponseRates (the results page)
 * or compareQuestion (the compare page), called exactly as the loaders call them.
 */
async function captureQueries(databaseUrl: string, surveyId: string, pages: Checked[]): Promise<Captured[][]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, options: SESSION_OPTIONS });
  let captured: Captured[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event: LogEvent) => {
      if (event.level === "query") captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  try {
    const sets: Captured[][] = [];
    for (const page of pages) {
      captured = [];
      const now = new Date();
      const wave = await getWave(db, { id: surveyId, now, language: LANGUAGE });
      if (!wave) throw new Error("the benchmark's wave is not there");
      const choices: FilterChoices = await getFilterChoices(db);
      const params = new URLSearchParams(page.query);
      const parsed = parseAnalysisFilter(params, choices, ["by"]);
      const by = parseBy(params.get("by"));
      if (!parsed.ok || !by.ok) throw new Error(`the filters of ${page.path} were refused`);
      if (page.kind === "compare") {
        const question = comparableQuestion(wave, COMPARE_KEY);
        if (!question) throw new Error(`${COMPARE_KEY} cannot be compared`);
        await compareQuestion(db, { wave, question, filter: parsed.filter, choices, language: LANGUAGE, now });
      } else {
        await Promise.all([
          getWaveResults(db, { wave, filter: parsed.filter, choices, by: by.by, language: LANGUAGE }),
          getResponseRates(db, { wave }),
        ]);
      }
      sets.push(captured);
    }
    return sets;
  } finally {
    await db.destroy();
  }
}

async function runSet(client: pg.Client, set: Captured[]): Promise<number[]> {
  const times: number[] = [];
  for (const query of set) {
    const started = performance.now();
    await client.query(query.sql, query.parameters as unknown[]);
    times.push(performance.now() - started);
  }
  return times;
}

/** A query's first line of interest, for the report. */
function describe(sql: string): string {
  return sql.replace(/\s+/g, " ").trim().slice(0, 160);
}

async function measureSql(
  databaseUrl: string,
  pages: Checked[],
  sets: Captured[][],
  settings: AnalysisSettings,
): Promise<AnalysisResult["sql"]> {
  const clients = await Promise.all(
    Array.from({ length: settings.connections }, async () => {
      // The portal's own session settings (JIT off), so the SQL is timed as the portal runs it.
      const client = new pg.Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
      await client.connect();
      return client;
    }),
  );
  try {
    // One client alone first: each set's time and its slowest query (median of 3 runs).
    const alone: AnalysisResult["sql"]["alone"] = {};
    for (const [i, set] of sets.entries()) {
      const runs: number[][] = [];
      for (let r = 0; r < 3; r++) runs.push(await runSet(clients[0]!, set));
      const medianOf = (q: number) => [...runs.map((t) => t[q]!)].sort((a, b) => a - b)[1]!;
      const perQuery = set.map((_, q) => medianOf(q));
      const slowest = perQuery.indexOf(Math.max(...perQuery));
      const setTimes = runs.map((t) => t.reduce((a, b) => a + b, 0)).sort((a, b) => a - b);
      alone[pages[i]!.kind] = { setMs: round(setTimes[1]!, 1), slowestMs: round(perQuery[slowest]!, 1), slowest: describe(set[slowest]!.sql) };
      if (settings.explain) {
        const plan = await clients[0]!.query(`explain (analyze, buffers) ${set[slowest]!.sql}`, set[slowest]!.parameters as unknown[]);
        log(`EXPLAIN ANALYZE, ${pages[i]!.kind}, its slowest query:\n${set[slowest]!.sql}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    }

    const run = async (seconds: number, record?: (kind: number, ms: number) => void) => {
      const end = performance.now() + seconds * 1000;
      let next = 0;
      let done = 0;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < end) {
            const kind = next++ % sets.length;
            const started = performance.now();
            await runSet(client, sets[kind]!);
            record?.(kind, performance.now() - started);
            done++;
          }
        }),
      );
      return done;
    };
    if (settings.warmupSeconds > 0) {
      log(`SQL: warm-up ${settings.warmupSeconds} s, ${settings.connections} clients`);
      await run(settings.warmupSeconds);
    }
    log(`SQL: measuring ${settings.durationSeconds} s, ${settings.connections} clients, each running a page's whole set of queries in turn`);
    const all: number[] = [];
    const byKind = sets.map(() => [] as number[]);
    const started = performance.now();
    const done = await run(settings.durationSeconds, (kind, ms) => {
      all.push(ms);
      byKind[kind]!.push(ms);
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      setsPerSecond: round(done / seconds, 2),
      latencyMs: latencyOf(all),
      byKind: Object.fromEntries(pages.map((p, i) => [p.kind, latencyOf(byKind[i]!)])),
      alone,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

// ---------------------------------------------------------------------------
// The run


async function withNewSession<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
const loadAverage = () => os.loadavg().map((l) => round(l, 2));

export async function runAnalysis(settings: AnalysisSettings = settingsFromEnv()): Promise<AnalysisResult> {
  log(
    `analysis: ${settings.responses} responses × 25 answers, ${settings.drafts} drafts, ${settings.flags} flags; ` +
      `${settings.connections} connections, ${settings.durationSeconds} s (+${settings.warmupSeconds} s warm-up)`,
  );
  const loadAverageBefore = loadAverage();
  const database = await createBenchDatabase();
  const password = `bench-${randomBytes(12).toString("base64url")}`;
  let portal: Portal | undefined;
  let handle: DatabaseHandle | undefined;
  const bulk = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    // A new session, as the portal's and the SQL clients' will be, so it sees the setting above.
    const server = await withNewSession(database.url, (client) =>
      client.query<{ version: string; jit: string }>("select current_setting('server_version') as version, current_setting('jit') as jit"),
    );
    // The portal migrates and seeds the demo area (districts, accounts, demo surveys) on start.
    portal = await startPortal({ databaseUrl: database.url, port: await freePort(), env: { DEMO_PASSWORD: password } });
    handle = await openDatabase({ url: database.url, poolSize: 2 });

    log(`seeding ${settings.responses} responses…`);
    const seed = await seedAnalysisWave(handle.db, bulk, settings, new Date());
    log(
      `  seeded in ${seed.seconds.total} s (generating ${seed.seconds.generate} s, inserting ${seed.seconds.insert} s, ` +
        `VACUUM ANALYZE ${seed.seconds.vacuumAnalyze} s): ${seed.rows.responses} responses, ${seed.rows.drafts} drafts, ` +
        `${seed.rows.answers} answers, ${seed.rows.flags} flags`,
    );
    const sizes = await bulk.query<{ name: string; size: string }>(
      `select c.relname as name, pg_size_pretty(pg_total_relation_size(c.oid)) as size from pg_class c
       where c.relname in ('survey_response', 'survey_answer') order by 1`,
    );

    const cookie = await signIn(portal.url, password);
    const titleHeading = `Results: ${BENCH_WAVE.title}`;
    const surveyId = seed.surveyId;
    const kinds = pageKinds(seed.window);
    // The compare page's h1 is the question.
    const compareHeading = BENCH_ANALYSIS_QUESTIONS.find((q) => q.key === COMPARE_KEY)!.text;
    const pages: Checked[] = kinds.map((k) => ({ ...k, path: pathOf(surveyId, k), heading: k.kind === "compare" ? compareHeading : titleHeading }));

    // Before measuring: every address answers 200 with its page (its h1), one request at a time.
    const alone: AnalysisResult["alone"] = {};
    for (const page of pages) {
      const times: number[] = [];
      let kilobytes = 0;
      for (let r = 0; r < 3; r++) {
        const answer = await getPage(portal.url, page.path, cookie);
        if (answer.status !== 200) throw new Error(`GET ${page.path} answered ${answer.status}, not 200`);
        const heading = headingOf(answer.body);
        if (heading !== page.heading) throw new Error(`GET ${page.path}: the h1 is "${heading}", not "${page.heading}"`);
        if (page.kind === "all" && !answer.body.includes(`>${settings.responses}<`)) {
          throw new Error(`GET ${page.path} does not show ${settings.responses} responses`);
        }
        times.push(answer.ms);
        kilobytes = round(Buffer.byteLength(answer.body) / 1024, 1);
      }
      const firstMs = round(times[0]!, 1);
      alone[page.kind] = { firstMs, ms: round([...times].sort((a, b) => a - b)[1]!, 1), kilobytes, queries: 0 };
      log(`  ${page.kind}: 200, "${page.heading.slice(0, 50)}…", ${kilobytes} KB, first ${firstMs} ms, then ${alone[page.kind]!.ms} ms alone`);
    }

    const pageFigures = await measurePages(portal.url, cookie, pages, settings);
    log(
      `  ${pageFigures.requestsPerSecond} pages/s; p50 ${pageFigures.latencyMs.p50} ms, p95 ${pageFigures.latencyMs.p95} ms, ` +
        `p99 ${pageFigures.latencyMs.p99} ms; ${pageFigures.errors} errors, ${pageFigures.non2xx} non-2xx, ${pageFigures.wrongHeading} wrong h1`,
    );
    await portal.stop();

    log("capturing the pages' queries…");
    const sets = await captureQueries(database.url, surveyId, pages);
    for (const [i, page] of pages.entries()) alone[page.kind]!.queries = sets[i]!.length;
    const sqlFigures = await measureSql(database.url, pages, sets, settings);
    log(
      `  ${sqlFigures.setsPerSecond} sets/s; p50 ${sqlFigures.latencyMs.p50} ms, p95 ${sqlFigures.latencyMs.p95} ms, p99 ${sqlFigures.latencyMs.p99} ms`,
    );

    const result: AnalysisResult = {
      benchmark: "analysis",
      date: new Date().toISOString(),
      node: process.version,
      machine: { cpus: os.cpus().length, loadAverageBefore, loadAverageAfter: loadAverage() },
      postgres: server.rows[0]!,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      data: {
        responses: seed.rows.responses,
        drafts: seed.rows.drafts,
        answers: seed.rows.answers,
        safeguardingFlags: seed.rows.flags,
        questions: 25,
        seedSeconds: seed.seconds,
        tableSizes: Object.fromEntries(sizes.rows.map((r) => [r.name, r.size])),
      },
      paths: Object.fromEntries(pages.map((p) => [p.kind, p.path])),
      alone,
      cold: settings.cold,
      pages: pageFigures,
      sql: sqlFigures,
      ratio: {
        p50: ratio(pageFigures.latencyMs.p50, sqlFigures.latencyMs.p50),
        p95: ratio(pageFigures.latencyMs.p95, sqlFigures.latencyMs.p95),
        p99: ratio(pageFigures.latencyMs.p99, sqlFigures.latencyMs.p99),
      },
      aim: { p95UnderMs: AIM_P95_MS, met: pageFigures.latencyMs.p95 < AIM_P95_MS && pageFigures.errors === 0 && pageFigures.non2xx === 0 },
    };
    printSummary(result);
    return result;
  } finally {
    await cleanUp([portal?.stop, () => bulk.end(), handle ? () => closeAndWait(handle!, database.url) : undefined, database.drop]);
  }
}

function printSummary(r: AnalysisResult): void {
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(20) : String(c).padStart(10))).join(" ");
  const lines = [
    `analysis: ${r.data.responses} responses, ${r.data.answers} answers; seeded in ${r.data.seedSeconds.total} s; PostgreSQL ${r.postgres.version}, jit ${r.postgres.jit}; load average ${r.machine.loadAverageBefore.join(", ")} → ${r.machine.loadAverageAfter.join(", ")}`,
    `${r.connections} officers at once, ${r.durationSeconds} s${r.cold ? ", every view new (nothing from the count cache)" : ", the same views again (counts from the cache)"}: ${r.pages.requestsPerSecond} pages/s, ${r.pages.errors} errors, ${r.pages.non2xx} non-2xx, ${r.pages.wrongHeading} wrong h1`,
    `${r.connections} SQL clients at once: ${r.sql.setsPerSecond} pages' query sets/s`,
    row(["latency ms", "page first", "page alone", "p50", "p95", "p99", "SQL alone", "p50", "p95", "p99", "queries"]),
    ...Object.keys(r.paths).map((kind) => {
      const p = r.pages.byKind[kind]!;
      const s = r.sql.byKind[kind]!;
      return row([kind, r.alone[kind]!.firstMs, r.alone[kind]!.ms, p.p50, p.p95, p.p99, r.sql.alone[kind]!.setMs, s.p50, s.p95, s.p99, r.alone[kind]!.queries]);
    }),
    row(["every kind", "", r.pages.latencyMs.p50, r.pages.latencyMs.p95, r.pages.latencyMs.p99, "", r.sql.latencyMs.p50, r.sql.latencyMs.p95, r.sql.latencyMs.p99, ""]),
    `aim (p95 under ${r.aim.p95UnderMs} ms at ${r.connections} officers): ${r.aim.met ? "met" : "NOT met"}`,
  ];
  log(`\n${lines.join("\n")}`);
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${JSON.stringify(await runAnalysis(), null, 2)}\n`);
  } catch (error) {
    log(`analysis failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
