import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Database } from "../../db/schema";
import { runRetentionSweep } from "./privacy.server";

/** The sweep runs this often in the server process (and once shortly after it starts). */
export const RETENTION_INTERVAL_MS = 60 * 60_000;
const FIRST_RUN_MS = 60_000;

export interface RetentionWorkerOptions {
  db: Kysely<Database>;
  logger: Logger;
  intervalMs?: number;
  firstRunMs?: number;
  clock?: () => Date;
}

/**
 * Runs the retention sweep (docs/decisions/023-data-protection.md) on a timer, beside the
 * outbox worker: the next run is scheduled when one ends, so runs never overlap. Returns
 * a stop function that waits for a run in progress.
 */
export function startRetentionWorker({
  db,
  logger,
  intervalMs = RETENTION_INTERVAL_MS,
  firstRunMs = FIRST_RUN_MS,
  clock = () => new Date(),
}: RetentionWorkerOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function run() {
    try {
      const result = await runRetentionSweep(db, { now: clock(), by: { userId: null } });
      if (result.anonymised || result.held) logger.info(result, "retention sweep");
    } catch (error) {
      logger.error({ err: error }, "retention sweep failed");
    }
    if (!stopped) schedule(intervalMs);
  }

  function schedule(delay: number) {
    timer = setTimeout(() => {
      running = run();
    }, delay);
    timer.unref();
  }

  schedule(firstRunMs);
  return async function stop() {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
