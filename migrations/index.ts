import type { Migration } from "kysely";
import * as m202611230100 from "./202611230100_create_foundation";
import * as m202611230200 from "./202611230200_create_local_offer";
import * as m202611230300 from "./202611230300_create_surveys";

/**
 * Every migration, by name. A static list rather than FileMigrationProvider:
 * that provider cannot import .ts files inside Vitest or the built server
 * (docs/decisions/002-pglite-default-engine.md). Add each new file here.
 */
export const migrations: Record<string, Migration> = {
  "202611230100_create_foundation": m202611230100,
  "202611230200_create_local_offer": m202611230200,
  "202611230300_create_surveys": m202611230300,
};
