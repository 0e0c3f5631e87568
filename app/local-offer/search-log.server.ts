/**
 * Unmet searches: what families looked for in the local offer and did not find.
 * Evidence for officers and working groups of what is missing. The log holds the
 * words, the filters and the number of results, nothing about who searched.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { timestamp } from "../area/changes.server";

type Db = Kysely<Database>;

export interface UnmetSearch {
  /** The words in lower case, as grouped ("" when only filters were used). */
  query: string;
  count: number;
  lastSearchedAt: Date;
  /** The different filter combinations used with these words, most used first (at most five). */
  filters: Record<string, unknown>[];
}

export interface SearchInsights {
  totalSearches: number;
  unmetSearches: number;
  /** Whole percent of searches that found nothing; 0 when there were none. */
  unmetPercent: number;
  /** Different sets of words that found nothing. */
  distinctUnmet: number;
  rows: UnmetSearch[];
}

/** The most frequent searches that found nothing in the `days` before `now`, most frequent first. */
export async function listUnmetSearches(
  db: Db,
  { now, days, limit, offset }: { now: Date; days: number; limit: number; offset: number },
): Promise<SearchInsights> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const totals = await db
    .selectFrom("search_log")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      sql<number>`count(*) filter (where result_count = 0)`.as("unmet"),
      sql<number>`count(distinct lower(query)) filter (where result_count = 0)`.as("distinct_unmet"),
    ])
    .where("at", ">", timestamp(since))
    .where("at", "<=", timestamp(now))
    .executeTakeFirstOrThrow();
  const totalSearches = Number(totals.total);
  const unmetSearches = Number(totals.unmet);

  const { rows } = await sql<{ query: string; count: number | string; last_at: Date; filters: Record<string, unknown>[] | null }>`
    with unmet as (
      select lower(query) as query, filters, at from search_log
      where result_count = 0 and at > ${since} and at <= ${now}
    ),
    grouped as (
      select query, count(*) as count, max(at) as last_at from unmet group by query
    )
    select g.query, g.count, g.last_at,
      (select coalesce(jsonb_agg(f.filters order by f.uses desc, f.filters::text), '[]'::jsonb) from (
        select u.filters, count(*) as uses from unmet u where u.query = g.query group by u.filters order by uses desc, u.filters::text limit 5
      ) as f) as filters
    from grouped g
    order by g.count desc, g.last_at desc, g.query
    limit ${limit} offset ${offset}`.execute(db);

  return {
    totalSearches,
    unmetSearches,
    unmetPercent: totalSearches ? Math.round((unmetSearches / totalSearches) * 100) : 0,
    distinctUnmet: Number(totals.distinct_unmet),
    rows: rows.map((row) => ({
      query: row.query,
      count: Number(row.count),
      lastSearchedAt: new Date(row.last_at),
      filters: (typeof row.filters === "string" ? JSON.parse(row.filters) : row.filters) ?? [],
    })),
  };
}
