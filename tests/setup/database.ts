import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type DatabaseHandle, type Engine } from "../../db/engine";
import { migrateToLatest } from "../../db/migrate";
import type { Database } from "../../db/schema";

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set. */
export const engines: Engine[] = ["pglite", ...(process.env.TEST_DATABASE_URL ? (["postgres"] as const) : [])];

let template: Promise<Blob> | undefined;

/** A migrated PGlite, dumped once per worker and loaded per test file (~1 s instead of ~4 s). */
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrateToLatest(handle.db);
    return dumpOf(handle);
  })();
  return template;
}

async function dumpOf(handle: DatabaseHandle): Promise<Blob> {
  if (!handle.pglite) throw new Error("dumpOf needs a PGlite handle");
  const blob = await handle.pglite.dumpDataDir("none");
  await handle.close();
  return blob;
}

export interface TestDatabase extends DatabaseHandle {
  /** Drops a real server's database; closes PGlite. */
  cleanup(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://", loadDataDir: await migratedTemplate() });
    return { ...handle, cleanup: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `portal_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    cleanup: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // pool.end() does not wait for the server to see every connection close;
      // dropping "with (force)" while one lingers kills it, and its client then
      // throws 57P01 into the test run. Wait for them to go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Runs the same database tests once per engine, each in a fresh, migrated
 * database of its own. Tests inside share that database: make your own rows.
 */
export function describeDb(name: string, fn: (use: { db: () => Kysely<Database>; engine: Engine }) => void) {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(engine);
      }, 120_000);
      afterAll(async () => {
        await handle?.cleanup();
      });
      fn({
        db: () => {
          if (!handle) throw new Error("test database not ready");
          return handle.db;
        },
        engine,
      });
    });
  }
}
