// npm run db:migrate            apply migrations
// npm run db:seed [-- --demo]   reference data; the demo area outside production or with --demo
import { randomBytes } from "node:crypto";
import { readEnv } from "../app/env.server";
import { openDatabase } from "./engine";
import { migrateToLatest } from "./migrate";
import { isDemoSeeded, seedDemo, seedReferenceData } from "./seed/index";

const [command, ...flags] = process.argv.slice(2);
const env = readEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const migrated = await migrateToLatest(handle.db);
  const applied = migrated.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "The database is up to date.");
  if (command === "seed") {
    await seedReferenceData(handle.db);
    console.log("Reference data (bank holidays) is in place.");
    const demo = flags.includes("--demo") || env.NODE_ENV !== "production";
    if (demo) {
      if (await isDemoSeeded(handle.db)) console.log("The demo area is already there; nothing changed.");
      else {
        const password = env.DEMO_PASSWORD ?? `demo-${randomBytes(9).toString("base64url")}`;
        await seedDemo(handle.db, { password });
        console.log(`Demo area and staff accounts made. Password for the demo accounts: ${password}`);
      }
    }
  } else if (command !== "migrate") {
    console.error(`Unknown command "${command}". Use "migrate" or "seed".`);
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
