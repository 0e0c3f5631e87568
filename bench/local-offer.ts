// The local offer search under load: 10,000 published services on real
// PostgreSQL, /local-offer with a mix of queries and filters at 20 concurrent
// clients, beside the same searches run in this process straight against the
// database (searchServices: the SQL alone, no HTTP, no React) — the limit the
// page could reach.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { openDatabase } from "../db/engine";
import { parseSearchQuery } from "../app/local-offer/search-query";
import { searchServices } from "../app/local-offer/search.server";
import { addBenchServices } from "./local-offer-data";
import {
  cleanUp,
  createBenchDatabase,
  freePort,
  httpGet,
  log,
  measure,
  percentile,
  round,
  startPortal,
  type MeasureOptions,
  type Measurement,
  type Portal,
} from "./harness";

/** What families search for: words, jargon, a typo, filters, paging, sorting, and a search that finds nothing. */
export const searchMix = [
  "/local-offer",
  "/local-offer?q=autism",
  "/local-offer?q=speech+therapy&age=5",
  "/local-offer?q=autism&age=7&district=burnley",
  "/local-offer?q=asd&district=preston",
  "/local-offer?q=autsim",
  "/local-offer?need=adhd&need=mental-health&age=14",
  "/local-offer?category=activities&cost=free",
  "/local-offer?q=short+breaks&page=2",
  "/local-offer?district=chorley&sort=name&page=3",
  "/local-offer?q=wheelchair+swimming&delivery=in_person",
  "/local-offer?q=zebra",
];

export interface LocalOfferResult {
  benchmark: "local-offer-search";
  date: string;
  node: string;
  services: number;
  connections: number;
  durationSeconds: number;
  paths: string[];
  portal: Measurement;
  /** The same searches through searchServices in this process, `connections` at a time. */
  sql: Measurement;
  /** How many times worse the page is than the SQL alone. */
  ratio: { rps: number | null; p50: number | null; p95: number | null; p99: number | null };
}

function settingsFromEnv(): MeasureOptions & { services: number } {
  const number = (name: string, fallback: number) => {
    const raw = process.env[name];
    const value = raw ? Number(raw) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}")`);
    return value;
  };
  return {
    connections: number("BENCH_CONNECTIONS", 20),
    durationSeconds: number("BENCH_DURATION", 10),
    warmupSeconds: Number(process.env.BENCH_WARMUP ?? 3),
    services: number("BENCH_SERVICES", 10_000),
  };
}

/** Runs the mix through searchServices with `connections` searches in flight for the duration. */
async function measureSql(databaseUrl: string, settings: MeasureOptions): Promise<Measurement> {
  const handle = await openDatabase({ url: databaseUrl, poolSize: settings.connections });
  try {
    const queries = searchMix.map((p) => parseSearchQuery(new URL(p, "http://bench").searchParams).query);
    const run = async (seconds: number, latencies?: number[]) => {
      const end = performance.now() + seconds * 1000;
      let next = 0;
      let done = 0;
      await Promise.all(
        Array.from({ length: settings.connections }, async () => {
          while (performance.now() < end) {
            const query = queries[next++ % queries.length]!;
            const started = performance.now();
            await searchServices(handle.db, query);
            latencies?.push(performance.now() - started);
            done++;
          }
        }),
      );
      return done;
    };
    if (settings.warmupSeconds > 0) await run(settings.warmupSeconds);
    const latencies: number[] = [];
    const started = performance.now();
    const requests = await run(settings.durationSeconds, latencies);
    const seconds = (performance.now() - started) / 1000;
    const sorted = Float64Array.from(latencies).sort();
    const measurement: Measurement = {
      requestsPerSecond: round(requests / seconds, 1),
      latencyMs: { p50: round(percentile(sorted, 50), 3), p95: round(percentile(sorted, 95), 3), p99: round(percentile(sorted, 99), 3) },
      errors: 0,
      non2xx: 0,
      requests,
    };
    log(`  ${measurement.requestsPerSecond} searches/s; p50 ${measurement.latencyMs.p50} ms, p95 ${measurement.latencyMs.p95} ms, p99 ${measurement.latencyMs.p99} ms`);
    return measurement;
  } finally {
    await handle.close();
  }
}

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? Math.round((numerator / denominator) * 100) / 100 : null);

export async function runLocalOffer(settings = settingsFromEnv()): Promise<LocalOfferResult> {
  log(`local-offer-search: ${settings.services} services, ${settings.connections} connections, ${settings.durationSeconds} s (+${settings.warmupSeconds} s warm-up)`);
  const database = await createBenchDatabase();
  let portal: Portal | undefined;
  try {
    // The portal migrates and seeds the demo area (and its demo services) on start; then the bulk services go in.
    portal = await startPortal({ databaseUrl: database.url, port: await freePort() });
    const handle = await openDatabase({ url: database.url, poolSize: 2 });
    const existing = await handle.db.selectFrom("service").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const toAdd = Math.max(0, settings.services - Number(existing.n));
    log(`adding ${toAdd} services to the ${existing.n} demo ones…`);
    const started = Date.now();
    await addBenchServices(handle.db, toAdd, new Date());
    await sql`analyze`.execute(handle.db);
    await handle.close();
    log(`added in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    for (const p of searchMix) {
      const response = await httpGet(`${portal.url}${p}`);
      if (response.status !== 200) throw new Error(`GET ${p} answered ${response.status}, not 200`);
    }
    log("portal, /local-offer mix:");
    const portalResult = await measure(portal.url, { ...settings, paths: searchMix });
    await portal.stop();
    log("searchServices in process, same mix:");
    const sqlResult = await measureSql(database.url, settings);
    return {
      benchmark: "local-offer-search",
      date: new Date().toISOString(),
      node: process.version,
      services: settings.services,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      paths: searchMix,
      portal: portalResult,
      sql: sqlResult,
      ratio: {
        rps: ratio(sqlResult.requestsPerSecond, portalResult.requestsPerSecond),
        p50: ratio(portalResult.latencyMs.p50, sqlResult.latencyMs.p50),
        p95: ratio(portalResult.latencyMs.p95, sqlResult.latencyMs.p95),
        p99: ratio(portalResult.latencyMs.p99, sqlResult.latencyMs.p99),
      },
    };
  } finally {
    await cleanUp([portal?.stop, database.drop]);
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    process.stdout.write(`${JSON.stringify(await runLocalOffer(), null, 2)}\n`);
  } catch (error) {
    log(`local-offer-search failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
