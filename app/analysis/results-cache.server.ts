/**
 * Counts already made, kept while a wave's answers are unchanged (docs/decisions/029):
 * counting 50,000 responses takes a second or more, and officers open the same views of
 * the same wave again and again. What is kept is the rows the queries returned, before
 * suppression, so a change of threshold applies at once.
 *
 * Each entry is keyed by the wave, the view (filters and breakdown) and the wave's
 * version: how many responses were sent and the last time one was, the last time the
 * retention sweep removed words, and how many answers are flagged for safeguarding. A new
 * response, an erased one, a sweep or a flag changes the version, and the next request
 * counts afresh, so several instances of the portal, each with its own memory, never
 * disagree for longer than one request. Requests for the same view at the same time share
 * one count. At most MAX_ENTRIES views are kept; the least recently used go first.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";

const MAX_ENTRIES = 200;
const entries = new Map<string, Promise<unknown>>();

export interface WaveState {
  /** Responses sent. */
  sent: number;
  /** Started and not sent. */
  started: number;
  version: string;
}

/** A few milliseconds: counts of the wave's responses and its flags. */
export async function waveState(db: Kysely<Database>, surveyId: string): Promise<WaveState> {
  const { rows } = await sql<{ sent: number; started: number; last: Date | null; removed: Date | null; flags: number }>`
    select count(*) filter (where status = 'submitted')::int as sent,
           count(*) filter (where status = 'draft')::int as started,
           max(submitted_at) as last,
           max(free_text_removed_at) as removed,
           (select count(*)::int from safeguarding_flag f join survey_response r on r.id = f.response_id
             where r.survey_id = ${surveyId} and f.source = 'survey_answer') as flags
    from survey_response where survey_id = ${surveyId}`.execute(db);
  const v = rows[0]!;
  const time = (d: Date | null) => (d ? new Date(d).getTime() : 0);
  return { sent: v.sent, started: v.started, version: [v.sent, time(v.last), time(v.removed), v.flags].join(":") };
}

/** The rows for `key` at `version`, counted once by `count`. A failed count is not kept. */
export function cachedCount<T>(key: string, version: string, count: () => Promise<T>): Promise<T> {
  const id = `${key}|${version}`;
  const hit = entries.get(id);
  if (hit) {
    // Most recently used last: Map keeps insertion order.
    entries.delete(id);
    entries.set(id, hit);
    return hit as Promise<T>;
  }
  const pending = count().catch((error: unknown) => {
    entries.delete(id);
    throw error;
  });
  entries.set(id, pending);
  for (const old of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    // Entries of the same view at an older version are dead; the oldest go first anyway.
    entries.delete(old);
  }
  return pending;
}

/** For tests: forget everything. */
export function clearCountCache(): void {
  entries.clear();
}
