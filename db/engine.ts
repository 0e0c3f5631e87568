import { mkdirSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

// Calendar dates stay strings ("2026-03-23"): pg would otherwise make a JS Date
// at the server's local midnight and a time zone could move the day.
pg.types.setTypeParser(1082, (value: string) => value);
// count(*) and bigserial ids: counts fit easily in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));

export type Engine = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** The embedded database itself, when the engine is PGlite (tests dump it as a template). */
  pglite?: import("@electric-sql/pglite").PGlite;
}

export interface DatabaseOptions {
  /** postgres://… for a real server. Without it, PGlite is used. */
  url?: string;
  /** PGlite's data directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  /** A PGlite data directory dump to start from (a migrated template for tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

/** Settings for every session the portal opens on a PostgreSQL server (see openDatabase). */
export const SESSION_OPTIONS = "-c jit=off";

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    // JIT compiling is for long analytical queries run once; the portal's are short and
    // repeated, and the analysis counts were costed high enough to be recompiled on every
    // request (1.3 s of a 1.4 s query: bench/README.md, "analysis"). A connection string's
    // own `options` still win, as they come later.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, options: SESSION_OPTIONS });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", close: () => db.destroy() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // pg_trgm must be named on every open, including a reopen of a saved directory.
  const pglite = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // PGlite has one connection: the pool must never hold more than one client,
  // and must not close an idle one (that would end the shared connection).
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
