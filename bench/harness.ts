// Reusable pieces for the benchmarks in bench/: a throwaway PostgreSQL
// database, the built portal in its own process, a bare node:http server to
// compare against, and an autocannon measurement. Progress goes to stderr;
// stdout is left for each benchmark's JSON.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import autocannon, { type Result as AutocannonResult } from "autocannon";
import pg from "pg";
import type { DatabaseHandle } from "../db/engine";

export const repoRoot = path.resolve(import.meta.dirname, "..");
const serverEntry = path.join(repoRoot, "build/server/index.js");
const remixBuild = path.join(repoRoot, "build/index.js");
const bareServerScript = path.join(repoRoot, "bench/bare-server.mjs");

const DEFAULT_BENCH_DATABASE_URL = "postgres://root@127.0.0.1:5432/test";
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// Cleanup on Ctrl-C / SIGTERM. Everything the harness starts registers here and
// unregisters when stopped normally, so an interrupted run still stops its
// servers and drops its database.

interface Cleanup {
  label: string;
  run: () => Promise<void>;
  /** Last resort from process.on("exit"), which cannot wait. */
  runSync?: () => void;
}
const cleanups = new Set<Cleanup>();
let handlersInstalled = false;

function registerCleanup(cleanup: Cleanup): () => void {
  installHandlers();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping servers and dropping the bench database…`);
      void runCleanups().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
  process.on("exit", () => {
    for (const cleanup of cleanups) {
      if (cleanup.runSync) cleanup.runSync();
      else log(`left behind: ${cleanup.label}`);
    }
  });
}

async function runCleanups(): Promise<void> {
  // Newest first: servers stop before their database is dropped.
  for (const cleanup of [...cleanups].reverse()) {
    try {
      await cleanup.run();
    } catch (error) {
      log(`cleanup of ${cleanup.label} failed: ${(error as Error).message}`);
    }
  }
}

/** Runs every step even if one fails, then throws the first failure. */
export async function cleanUp(steps: Array<(() => Promise<void>) | undefined>): Promise<void> {
  let firstError: unknown;
  for (const step of steps) {
    if (!step) continue;
    try {
      await step();
    } catch (error) {
      log(`cleanup failed: ${(error as Error).message}`);
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
}

// ---------------------------------------------------------------------------
// Database

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new Error(
      `cannot connect to PostgreSQL at ${redact(connectionString)} (set BENCH_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database `portal_bench_<timestamp>` next to BENCH_DATABASE_URL
 * (default postgres://root@127.0.0.1:5432/test) and returns its URL. `drop()`
 * removes it, closing any connection still open to it.
 */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const name = `portal_bench_${Date.now()}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  log(`created database ${name}`);

  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= (async () => {
      unregister();
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      log(`dropped database ${name}`);
    })());
  const unregister = registerCleanup({ label: `database ${name} (drop it by hand)`, run: drop });
  return { name, url: url.toString(), drop };
}

// ---------------------------------------------------------------------------
// Child processes

function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

/** SIGTERM to the whole process group, SIGKILL if it has not gone after the grace period. */
async function stopGroup(child: ChildProcess, label: string): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  if (!hasExited(child)) {
    killGroup(pid, "SIGTERM");
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      log(`${label} did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
      killGroup(pid, "SIGKILL");
      await waitForExit(child, 5_000);
    }
  }
  // The leader is gone; make sure nothing it started is left in its group.
  if (killGroup(pid, 0)) killGroup(pid, "SIGKILL");
}

/** Keeps the last `limit` characters a stream wrote. */
function tail(stream: NodeJS.ReadableStream | null, limit = 64 * 1024): () => string {
  let text = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/**
 * Only a few variables reach the child: the benchmark should not change with
 * whatever DATA_DIR, NODE_OPTIONS or TRUST_PROXY the caller's shell has.
 */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "NODE_EXTRA_CA_CERTS"]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

// ---------------------------------------------------------------------------
// HTTP helpers

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One GET on a fresh connection, with no Accept-Encoding (so, like autocannon's
 * requests, the answer is not compressed) and nothing pooled afterwards.
 */
export function httpGet(url: string, timeoutMs = 10_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    request.on("error", reject);
  });
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not find a free port"));
      });
    });
  });
}

function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(hostname)) {
    throw new Error(`refusing to load-test ${url}: the benchmarks only target this machine (127.0.0.1)`);
  }
}

// ---------------------------------------------------------------------------
// The portal

/** Same inputs as scripts/start.mjs uses to decide whether a build is stale. */
const buildSources = ["app", "server", "db", "migrations", "public/locales", "package.json", "remix.config.js"];

function newestChange(target: string): number {
  const full = path.join(repoRoot, target);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestChange(path.join(target, entry.name)));
  }
  return newest;
}

/** Builds when there is no build; only warns when the build is older than the sources. */
async function ensureBuilt(): Promise<void> {
  if (existsSync(serverEntry) && existsSync(remixBuild)) {
    const stamp = path.join(repoRoot, "build/.stamp");
    if (existsSync(stamp) && buildSources.some((s) => newestChange(s) > statSync(stamp).mtimeMs)) {
      log("warning: sources changed since the last build; this measures the old build (run `node scripts/build.mjs`)");
    }
    return;
  }
  log("no build found: running node scripts/build.mjs…");
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts/build.mjs")], {
    cwd: repoRoot,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new Error(`the build failed (exit ${code})`);
}

export interface Portal {
  url: string;
  pid: number;
  stop(): Promise<void>;
  /** The last 64 KB the portal wrote to stderr (readable after it has stopped, too). */
  stderr(): string;
}

export interface PortalOptions {
  databaseUrl: string;
  port: number;
  /** Variables set on top of the production ones (e.g. NODE_ENV=test and TEST_CLOCK=true for a settable clock). */
  env?: Record<string, string>;
  /** Arguments for node before the server's entry (e.g. `--import` a preload). */
  nodeArgs?: string[];
}

/**
 * Starts the built portal (`node build/server/index.js`) in production mode in
 * its own process group, with the demo area seeded into `databaseUrl`, and
 * waits until /healthz answers 200.
 */
export async function startPortal({ databaseUrl, port, env = {}, nodeArgs = [] }: PortalOptions): Promise<Portal> {
  await ensureBuilt();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, serverEntry], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...baseEnv(),
      NODE_ENV: "production",
      SEED_DEMO: "true",
      SESSION_SECRET: randomBytes(36).toString("base64url"), // 48 characters
      DEMO_PASSWORD: `bench-${randomBytes(12).toString("base64url")}`,
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
  });
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  if (child.pid === undefined) throw await spawnError;
  const pid = child.pid;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      unregister();
      await stopGroup(child, "the portal");
      log("portal stopped");
    })());
  const unregister = registerCleanup({
    label: `portal (pid ${pid})`,
    run: stop,
    runSync: () => killGroup(pid, "SIGKILL"),
  });

  log(`starting the portal on ${url} (pid ${pid})…`);
  const started = Date.now();
  let lastProblem = "no answer yet";
  for (;;) {
    if (hasExited(child)) {
      await stop();
      throw new Error(
        `the portal exited (code ${child.exitCode ?? child.signalCode}) before it was ready.\n` +
          `--- stderr ---\n${stderr() || "(empty)"}\n--- stdout ---\n${stdout() || "(empty)"}`,
      );
    }
    try {
      const response = await httpGet(`${url}/healthz`, 2_000);
      if (response.status === 200) break;
      lastProblem = `/healthz answered ${response.status}: ${response.body.toString("utf8").slice(0, 200)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await stop();
      throw new Error(
        `the portal was not ready within ${READY_TIMEOUT_MS / 1000} s (${lastProblem}).\n` +
          `--- stderr ---\n${stderr() || "(empty)"}\n--- stdout ---\n${stdout() || "(empty)"}`,
      );
    }
    await sleep(250);
  }
  log(`portal ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, pid, stop, stderr };
}

// ---------------------------------------------------------------------------
// The bare comparison server

export interface BareServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * A bare node:http server answering every request with exactly `body` and
 * `headers` (plus Content-Length). It runs in its own process, like the
 * portal, so it does not compete with autocannon for this process's event loop.
 */
export async function startBareServer(body: Buffer, headers: Record<string, string>, port: number): Promise<BareServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bareServerScript], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...baseEnv(), NODE_ENV: "production" },
  });
  const stderr = tail(child.stderr);
  tail(child.stdout);
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  if (child.pid === undefined) throw await spawnError;
  const pid = child.pid;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      unregister();
      await stopGroup(child, "the bare server");
      log("bare server stopped");
    })());
  const unregister = registerCleanup({
    label: `bare server (pid ${pid})`,
    run: stop,
    runSync: () => killGroup(pid, "SIGKILL"),
  });

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the bare server did not start within 10 s")), 10_000);
      child.on("message", (message: { ready?: boolean; error?: string }) => {
        clearTimeout(timer);
        if (message.ready) resolve();
        else reject(new Error(`the bare server failed: ${message.error}`));
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the bare server exited (code ${code}).\n${stderr()}`));
      });
      child.send({ body: body.toString("base64"), headers, port, host: "127.0.0.1" });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`bare server ready on ${url} (pid ${pid})`);
  return { url, pid, stop };
}

// ---------------------------------------------------------------------------
// Measuring

export interface MeasureOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface Measurement {
  /** Completed responses divided by the measured run's actual duration. */
  requestsPerSecond: number;
  /** Nearest-rank percentiles of every response's latency, in milliseconds (to the microsecond). */
  latencyMs: { p50: number; p95: number; p99: number };
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  /** Completed responses in the measured run. */
  requests: number;
}

function runAutocannon(
  url: string,
  connections: number,
  durationSeconds: number,
  onLatency?: (ms: number) => void,
  paths?: string[],
): Promise<AutocannonResult> {
  // With several paths, every request takes the next one in turn (shared by all connections).
  let next = 0;
  const requests = paths?.length
    ? [{ method: "GET" as const, setupRequest: (request: { path?: string }) => ({ ...request, path: paths[next++ % paths.length] }) }]
    : undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationSeconds, timeout: 10, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    if (onLatency) instance.on("response", (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}

/** Nearest-rank percentile of an ascending array (the definition HDR histograms use). */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Load-tests `url` with autocannon: a warm-up run whose numbers are thrown
 * away, then the measured run.
 *
 * Latency percentiles are computed here from every response's latency
 * (autocannon's "response" event), not taken from autocannon's summary: that
 * summary has no p95 (only p50, p75, p90, p97_5, p99…), and its histogram
 * records whole milliseconds, which rounds a fast server's p50 down to 0 ms.
 * The sample set is the same one autocannon's histogram records (all
 * responses), and its whole-millisecond figures are logged for comparison.
 */
export async function measure(url: string, options: MeasureOptions & { paths?: string[] }): Promise<Measurement> {
  assertLoopback(url);
  const { connections, durationSeconds, warmupSeconds, paths } = options;
  const what = paths?.length ? `${url} (${paths.length} paths in turn)` : url;
  if (warmupSeconds > 0) {
    log(`  warm-up: ${warmupSeconds} s, ${connections} connections → ${what}`);
    await runAutocannon(url, connections, warmupSeconds, undefined, paths);
  }
  log(`  measuring: ${durationSeconds} s, ${connections} connections → ${what}`);
  const latencies: number[] = [];
  const result = await runAutocannon(url, connections, durationSeconds, (ms) => latencies.push(ms), paths);

  if (latencies.length === 0) {
    throw new Error(`no responses from ${url} in ${durationSeconds} s (${result.errors} errors, ${result.timeouts} timeouts)`);
  }
  if (latencies.length !== result.latency.totalCount) {
    log(`  note: ${latencies.length} latencies seen, autocannon's histogram has ${result.latency.totalCount}`);
  }
  const sorted = Float64Array.from(latencies).sort();
  const measurement: Measurement = {
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    latencyMs: {
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
    },
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
  log(
    `  ${measurement.requestsPerSecond} req/s; p50 ${measurement.latencyMs.p50} ms, p95 ${measurement.latencyMs.p95} ms, ` +
      `p99 ${measurement.latencyMs.p99} ms (autocannon, whole ms: p50 ${result.latency.p50}, p97.5 ${result.latency.p97_5}, ` +
      `p99 ${result.latency.p99}); ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
  return measurement;
}

/**
 * Closes the pool and waits until the server has seen every connection go:
 * pool.end() does not wait for that, and dropping the database "with (force)"
 * while one lingers kills it, whose client then throws 57P01 and ends the run
 * (tests/setup/database.ts does the same).
 */
export async function closeAndWait(handle: DatabaseHandle, url: string): Promise<void> {
  await handle.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
