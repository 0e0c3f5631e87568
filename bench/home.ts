// Benchmark "home-page": GET / on the built portal (production mode, demo area
// seeded into a fresh PostgreSQL database) against a bare node:http server
// sending the same bytes. Run alone with `npx tsx bench/home.ts`; prints one
// JSON object on stdout, progress on stderr.
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  cleanUp,
  createBenchDatabase,
  freePort,
  httpGet,
  log,
  measure,
  startBareServer,
  startPortal,
  type BareServer,
  type MeasureOptions,
  type Measurement,
  type Portal,
} from "./harness";

export interface HomeResult {
  benchmark: "home-page";
  date: string;
  node: string;
  connections: number;
  durationSeconds: number;
  portal: Measurement;
  bare: Measurement;
  /** Above 1 means the portal is slower than the bare server by that factor. */
  ratio: { rps: number | null; p50: number | null; p95: number | null; p99: number | null };
  bodyBytes: number;
}

function numberFromEnv(name: string, fallback: number, { min, integer }: { min: number; integer: boolean }): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be ${integer ? "a whole number" : "a number"} of at least ${min} (got "${raw}")`);
  }
  return value;
}

/** Defaults 10 connections, 10 s, 3 s warm-up; BENCH_CONNECTIONS, BENCH_DURATION, BENCH_WARMUP override. */
export function settingsFromEnv(): MeasureOptions {
  return {
    connections: numberFromEnv("BENCH_CONNECTIONS", 10, { min: 1, integer: true }),
    durationSeconds: numberFromEnv("BENCH_DURATION", 10, { min: 1, integer: true }),
    warmupSeconds: numberFromEnv("BENCH_WARMUP", 3, { min: 0, integer: true }),
  };
}

const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 100) / 100 : null;

export async function runHome(settings: MeasureOptions = settingsFromEnv()): Promise<HomeResult> {
  log(`home-page: ${settings.connections} connections, ${settings.durationSeconds} s (+${settings.warmupSeconds} s warm-up) per server`);
  const database = await createBenchDatabase();
  let portal: Portal | undefined;
  let bare: BareServer | undefined;
  try {
    portal = await startPortal({ databaseUrl: database.url, port: await freePort() });

    // The exact page autocannon will get: no Accept-Encoding, no cookies, default language.
    const page = await httpGet(`${portal.url}/`);
    if (page.status !== 200) {
      throw new Error(`GET / answered ${page.status}, not 200: ${page.body.toString("utf8").slice(0, 300)}`);
    }
    const contentType = page.headers["content-type"];
    if (!contentType) throw new Error("GET / answered without a Content-Type");
    log(`GET / → 200, ${page.body.length} bytes, ${contentType}`);

    log("portal:");
    const portalResult = await measure(`${portal.url}/`, settings);
    // Only one server exists while the other is measured.
    await portal.stop();

    bare = await startBareServer(page.body, { "content-type": contentType }, await freePort());
    const echo = await httpGet(`${bare.url}/`);
    if (!echo.body.equals(page.body) || echo.headers["content-type"] !== contentType) {
      throw new Error("the bare server does not answer with the portal's bytes");
    }
    log("bare node:http:");
    const bareResult = await measure(`${bare.url}/`, settings);

    return {
      benchmark: "home-page",
      date: new Date().toISOString(),
      node: process.version,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      portal: portalResult,
      bare: bareResult,
      ratio: {
        rps: ratio(bareResult.requestsPerSecond, portalResult.requestsPerSecond),
        p50: ratio(portalResult.latencyMs.p50, bareResult.latencyMs.p50),
        p95: ratio(portalResult.latencyMs.p95, bareResult.latencyMs.p95),
        p99: ratio(portalResult.latencyMs.p99, bareResult.latencyMs.p99),
      },
      bodyBytes: page.body.length,
    };
  } finally {
    await cleanUp([bare?.stop, portal?.stop, database.drop]);
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const result = await runHome();
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    log(`home-page failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
