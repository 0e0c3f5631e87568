import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { openDatabase, type DatabaseHandle } from "../db/engine";
import { migrateToLatest } from "../db/migrate";
import { seedReferenceData, seedDemo, isDemoSeeded, setDemoPassword } from "../db/seed/index";
import type { Env } from "../app/env.server";

export interface Booted {
  handle: DatabaseHandle;
  cookieSecrets: string[];
  /** present: demo accounts exist; password: known only when made now or set by DEMO_PASSWORD. */
  demo: { present: boolean; seeded: boolean; password?: string; passwordGenerated?: boolean };
}

/**
 * Opens the database, migrates it, seeds reference data (bank holidays) and,
 * outside production, the demo area when the database is empty.
 */
export async function boot(env: Env): Promise<Booted> {
  const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  await migrateToLatest(handle.db);
  await seedReferenceData(handle.db);

  const alreadySeeded = await isDemoSeeded(handle.db);
  const demo: Booted["demo"] = { present: alreadySeeded, seeded: false };
  const wantDemo = env.NODE_ENV !== "production" || env.SEED_DEMO === "true";
  if (wantDemo && !alreadySeeded) {
    const password = env.DEMO_PASSWORD ?? generatePassword();
    await seedDemo(handle.db, { password });
    demo.seeded = true;
    demo.present = true;
    demo.password = password;
    demo.passwordGenerated = !env.DEMO_PASSWORD;
  } else if (wantDemo && env.DEMO_PASSWORD && env.NODE_ENV !== "production") {
    await setDemoPassword(handle.db, env.DEMO_PASSWORD);
    demo.password = env.DEMO_PASSWORD;
  }

  const cookieSecrets = env.SESSION_SECRET
    ? env.SESSION_SECRET.split(",").map((s) => s.trim())
    : [await developmentSecret(handle.db)];
  return { handle, cookieSecrets, demo };
}

/**
 * Outside production a secret is made once and kept in the database, so every
 * instance and every restart agree on it (sessions survive a restart).
 */
async function developmentSecret(db: Kysely<Database>): Promise<string> {
  const candidate = randomBytes(32).toString("base64url");
  await db
    .insertInto("app_setting")
    .values({ key: "development_session_secret", value: candidate })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_setting")
    .select("value")
    .where("key", "=", "development_session_secret")
    .executeTakeFirstOrThrow();
  return row.value;
}

function generatePassword(): string {
  return `demo-${randomBytes(9).toString("base64url")}`;
}
