/**
 * Searching the local offer: full-text search with synonyms and typo correction,
 * filters with counts (facets), sorting, pages, and a log of every search without
 * anything about who searched (unmet searches show officers what is missing).
 *
 * Only published services that are not hidden are ever found.
 *
 * How a search is matched:
 *  - the words are split into parts; a part that is a synonym term (longest first,
 *    so "speech and language therapy" is one part) stands for every term of its group;
 *  - every part must match (AND), any of a part's terms may (OR);
 *  - each term becomes phraseto_tsquery('english', term) in PostgreSQL, so stemming
 *    ("clubs" finds "club"), stop words and phrases are PostgreSQL's, and the visitor's
 *    text only ever reaches the database as a bound parameter;
 *  - ranked by ts_rank_cd (name and need/category names weigh most) plus how much
 *    of the words the service's name contains (pg_trgm word_similarity);
 *  - nothing found: each word that matches nothing is corrected to the nearest word
 *    services use (pg_trgm shortlist, then edit distance), and the corrected search
 *    is shown with "Showing results for … (you searched for …)".
 */
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { BroadArea, Cost, Database, Delivery } from "../../db/schema";
import { timestamp } from "../area/changes.server";
import { contentGeneration } from "./content.server";
import { PUBLIC_STATUS, costs as COSTS, deliveries as DELIVERIES } from "./model";
import { defaultSort, hasCriteria, type SearchQuery } from "./search-query";
import { expandQuery, tokenize, type ExpandedTerm, type QueryPart, type SynonymGroup } from "./synonyms";

type Db = Kysely<Database>;

export const DEFAULT_PAGE_SIZE = 20;
const MAX_CORRECTED_WORDS = 8;

export interface SearchVocabulary {
  needs: { slug: string; name: string; broadArea: BroadArea }[];
  districts: { slug: string; name: string }[];
  categories: { slug: string; name: string }[];
  synonyms: SynonymGroup[];
}

/** What the filters offer and the synonym groups: read once per search page, in one round trip. */
export async function loadSearchVocabulary(db: Db): Promise<SearchVocabulary> {
  const { rows } = await sql<{ needs: unknown; districts: unknown; categories: unknown; synonyms: unknown }>`
    select
      (select coalesce(json_agg(json_build_object('slug', slug, 'name', name, 'broadArea', broad_area) order by sort_order, name), '[]') from need) as needs,
      (select coalesce(json_agg(json_build_object('slug', slug, 'name', name) order by sort_order, name), '[]') from district) as districts,
      (select coalesce(json_agg(json_build_object('slug', slug, 'name', name) order by sort_order, name), '[]') from category) as categories,
      (select coalesce(json_agg(json_build_object('id', id, 'terms', terms, 'explanation', explanation) order by id), '[]') from search_synonym) as synonyms
  `.execute(db);
  const row = rows[0]!;
  // pg parses json columns; be tolerant of a driver that hands back text.
  const parse = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;
  return {
    needs: parse<SearchVocabulary["needs"]>(row.needs),
    districts: parse<SearchVocabulary["districts"]>(row.districts),
    categories: parse<SearchVocabulary["categories"]>(row.categories),
    synonyms: parse<SearchVocabulary["synonyms"]>(row.synonyms),
  };
}

/** The slugs parseSearchQuery accepts. */
export function vocabularySlugs(vocabulary: SearchVocabulary) {
  return {
    needs: vocabulary.needs.map((n) => n.slug),
    districts: vocabulary.districts.map((d) => d.slug),
    categories: vocabulary.categories.map((c) => c.slug),
  };
}

export interface SearchHit {
  id: string;
  slug: string;
  name: string;
  summary: string;
  organisationName: string;
  ageMin: number;
  ageMax: number;
  cost: Cost;
  costDetail: string;
  delivery: Delivery[];
  /** Serves every district: `districts` is then empty. */
  wholeArea: boolean;
  /** District names, in the area's order. */
  districts: string[];
  /** Need names, in the list's order. */
  needs: string[];
  lastReviewedAt: Date | null;
}

export interface FacetOption {
  value: string;
  /** The name to show; for cost and delivery the value itself (the page translates it). */
  label: string;
  /** Results there would be with this option chosen, the other filters kept. */
  count: number;
  selected: boolean;
  /** Needs only: the broad area of need the option is under. */
  group?: BroadArea;
}

export type FacetName = "need" | "district" | "category" | "cost" | "delivery";

export interface SearchResults {
  total: number;
  /** The page shown: the one asked for, or the last page if that was past the end. */
  page: number;
  totalPages: number;
  pageSize: number;
  results: SearchHit[];
  facets: Record<FacetName, FacetOption[]>;
  /** What synonyms widened the search to ("asd" → autism, autistic…). */
  expandedTerms: ExpandedTerm[];
  /** Set when nothing matched the words as typed and these corrected words did. */
  correctedQuery?: string;
}

export interface SearchOptions {
  pageSize?: number;
  /** Saves loading them again when the caller has them. */
  vocabulary?: SearchVocabulary;
  /** Record the search in search_log (page 1 of a search only). Default true. */
  log?: boolean;
  /** The time recorded in the log; the database's clock when left out. */
  now?: Date;
}

// ---- Building the text query ---------------------------------------------------------

/**
 * The tsquery for the parts, as PostgreSQL's own text form: each term goes through
 * phraseto_tsquery as a parameter, and the results (already quoted by PostgreSQL)
 * are joined with & and |. Null when no part has a word PostgreSQL indexes (only
 * stop words, or only punctuation): such a search matches nothing.
 */
async function textQueryFor(db: Db, parts: QueryPart[]): Promise<string | null> {
  const terms = [...new Set(parts.flatMap((p) => p.alternatives))];
  if (!terms.length) return null;
  const { rows } = await sql<{ term: string; query: string }>`
    select term, phraseto_tsquery('english', term)::text as query
    from unnest(${sql.val(terms)}::text[]) as term`.execute(db);
  const byTerm = new Map(rows.map((r) => [r.term, r.query]));
  const clauses: string[] = [];
  for (const part of parts) {
    const alternatives = [...new Set(part.alternatives.map((a) => byTerm.get(a) ?? "").filter((q) => q !== ""))];
    if (alternatives.length) clauses.push(`( ${alternatives.join(" | ")} )`);
  }
  return clauses.length ? clauses.join(" & ") : null;
}

// ---- Filters --------------------------------------------------------------------------

interface Plan {
  query: SearchQuery;
  /** tsquery text; undefined when there are no words; null when the words cannot match anything. */
  tsquery: string | null | undefined;
  /** The words the name is compared with for ranking. */
  rankText: string;
}

const TRUE = sql<boolean>`true`;

function textCondition(plan: Plan): RawBuilder<boolean> {
  if (plan.tsquery === undefined) return TRUE;
  if (plan.tsquery === null) return sql<boolean>`false`;
  return sql<boolean>`s.search_vector @@ ${plan.tsquery}::tsquery`;
}

function baseConditions(plan: Plan): RawBuilder<boolean> {
  const { age } = plan.query;
  return sql<boolean>`s.status = ${PUBLIC_STATUS} and s.hidden_at is null and ${textCondition(plan)}${
    age === undefined ? sql`` : sql` and s.age_min <= ${age} and s.age_max >= ${age}`
  }`;
}

/** Each facet's filter on `s`: true when nothing is chosen in it. */
function facetConditions(query: SearchQuery): Record<FacetName, RawBuilder<boolean>> {
  const list = (values: string[]) => sql`${sql.val(values)}::text[]`;
  return {
    // "in (uncorrelated subquery)" rather than a correlated "exists": PostgreSQL
    // hashes the subquery once instead of probing it once per service.
    need: query.needs.length
      ? sql<boolean>`s.id in (select sn.service_id from service_need sn join need n on n.id = sn.need_id where n.slug = any(${list(query.needs)}))`
      : TRUE,
    district: query.districts.length
      ? sql<boolean>`(s.whole_area or s.id in (select sd.service_id from service_district sd join district d on d.id = sd.district_id where d.slug = any(${list(query.districts)})))`
      : TRUE,
    category: query.categories.length
      ? sql<boolean>`s.id in (select sc.service_id from service_category sc join category c on c.id = sc.category_id where c.slug = any(${list(query.categories)}))`
      : TRUE,
    cost: query.costs.length ? sql<boolean>`s.cost = any(${list(query.costs)})` : TRUE,
    delivery: query.deliveries.length ? sql<boolean>`s.delivery && ${list(query.deliveries)}` : TRUE,
  };
}

const FACETS: FacetName[] = ["need", "district", "category", "cost", "delivery"];

/** "b.need_ok and b.district_ok …" for every facet but `except`. */
function othersOk(except?: FacetName): RawBuilder<boolean> {
  const names = FACETS.filter((f) => f !== except);
  return sql<boolean>`${sql.join(
    names.map((f) => sql.ref(`b.${f}_ok`)),
    sql` and `,
  )}`;
}

/**
 * The number of results (all filters) and every facet's counts (each option with
 * the other facets' filters kept), in one query over the services that match the
 * words and age.
 */
async function countFacets(db: Db, plan: Plan, districtSlugs: string[]): Promise<{ total: number; counts: Record<FacetName, Map<string, number>> }> {
  const conditions = facetConditions(plan.query);
  const { rows } = await sql<{ facet: FacetName | "total" | "whole_area"; value: string; count: number | string }>`
    with b as materialized (
      select s.id, s.cost, s.delivery, s.whole_area,
        ${conditions.need} as need_ok, ${conditions.district} as district_ok, ${conditions.category} as category_ok,
        ${conditions.cost} as cost_ok, ${conditions.delivery} as delivery_ok
      from service s
      where ${baseConditions(plan)}
    )
    select 'total' as facet, '' as value, count(*) as count from b where ${othersOk()}
    union all
    select 'need', n.slug, count(*) from b join service_need sn on sn.service_id = b.id join need n on n.id = sn.need_id
      where ${othersOk("need")} group by n.slug
    union all
    select 'district', d.slug, count(*) from b join service_district sd on sd.service_id = b.id join district d on d.id = sd.district_id
      where not b.whole_area and ${othersOk("district")} group by d.slug
    union all
    select 'whole_area', '', count(*) from b where b.whole_area and ${othersOk("district")}
    union all
    select 'category', c.slug, count(*) from b join service_category sc on sc.service_id = b.id join category c on c.id = sc.category_id
      where ${othersOk("category")} group by c.slug
    union all
    select 'cost', b.cost, count(*) from b where ${othersOk("cost")} group by b.cost
    union all
    select 'delivery', x.value, count(*) from b cross join lateral unnest(b.delivery) as x(value)
      where ${othersOk("delivery")} group by x.value`.execute(db);
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
  let total = 0;
  let wholeArea = 0;
  for (const row of rows) {
    if (row.facet === "total") total = Number(row.count);
    else if (row.facet === "whole_area") wholeArea = Number(row.count);
    else counts[row.facet].set(row.value, Number(row.count));
  }
  // A whole-area service serves every district, so it counts in each district's option.
  for (const slug of districtSlugs) counts.district.set(slug, (counts.district.get(slug) ?? 0) + wholeArea);
  return { total, counts };
}

async function pageOfResults(db: Db, plan: Plan, { limit, offset }: { limit: number; offset: number }): Promise<SearchHit[]> {
  const conditions = facetConditions(plan.query);
  const byRelevance = plan.query.sort === "relevance" && plan.tsquery;
  const order = byRelevance
    ? sql`ts_rank_cd(s.search_vector, ${plan.tsquery}::tsquery) + word_similarity(${plan.rankText}, s.name) desc, lower(s.name), s.id`
    : sql`lower(s.name), s.id`;
  const { rows } = await sql<{
    id: string;
    slug: string;
    name: string;
    summary: string;
    organisation_name: string;
    age_min: number;
    age_max: number;
    cost: Cost;
    cost_detail: string;
    delivery: Delivery[];
    whole_area: boolean;
    last_reviewed_at: Date | null;
  }>`
    select s.id, s.slug, s.name, s.summary, o.name as organisation_name, s.age_min, s.age_max, s.cost, s.cost_detail,
      s.delivery, s.whole_area, s.last_reviewed_at
    from service s join organisation o on o.id = s.organisation_id
    where ${baseConditions(plan)} and ${sql.join(FACETS.map((f) => conditions[f]), sql` and `)}
    order by ${order}
    limit ${limit} offset ${offset}`.execute(db);
  if (!rows.length) return [];

  const ids = rows.map((r) => r.id);
  const { rows: names } = await sql<{ kind: "district" | "need"; service_id: string; name: string }>`
    select 'district' as kind, sd.service_id, d.name, d.sort_order from service_district sd join district d on d.id = sd.district_id
      where sd.service_id = any(${sql.val(ids)}::uuid[])
    union all
    select 'need', sn.service_id, n.name, n.sort_order from service_need sn join need n on n.id = sn.need_id
      where sn.service_id = any(${sql.val(ids)}::uuid[])
    order by sort_order, name`.execute(db);
  const namesFor = (id: string, kind: "district" | "need") => names.filter((n) => n.service_id === id && n.kind === kind).map((n) => n.name);

  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    organisationName: row.organisation_name,
    ageMin: row.age_min,
    ageMax: row.age_max,
    cost: row.cost,
    costDetail: row.cost_detail,
    delivery: row.delivery,
    wholeArea: row.whole_area,
    districts: row.whole_area ? [] : namesFor(row.id, "district"),
    needs: namesFor(row.id, "need"),
    lastReviewedAt: row.last_reviewed_at === null ? null : new Date(row.last_reviewed_at),
  }));
}

// ---- Spelling ---------------------------------------------------------------------------

/**
 * Edit distance counting a swap of two neighbouring letters as one edit
 * ("autsim" → "autism" is 1), the commonest typing slip.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many slips a word of this length may have and still be corrected. */
function allowedEdits(word: string): number {
  return word.length <= 5 ? 1 : word.length <= 8 ? 2 : 3;
}

/** How long a process keeps the spelling lexicon before building it again (another instance may have changed services). */
const LEXICON_TTL_MS = 60_000;
const lexicons = new WeakMap<Db, { generation: number; loadedAt: number; words: Promise<string[]> }>();

/**
 * The words services use (names, summaries, need and category names, synonym terms),
 * built once and kept for a minute, or until this process writes service content:
 * building it reads every published service, far too slow to do for each misspelt search.
 * A stale lexicon is harmless: a correction is only offered when it finds results.
 */
function lexiconOf(db: Db): Promise<string[]> {
  const cached = lexicons.get(db);
  const now = Date.now();
  if (cached && cached.generation === contentGeneration() && now - cached.loadedAt < LEXICON_TTL_MS) return cached.words;
  const words = sql<{ word: string }>`
    select distinct w as word from (
      select regexp_split_to_table(lower(s.name || ' ' || s.search_terms || ' ' || s.summary), '[^[:alnum:]]+') as w
        from service s where s.status = ${PUBLIC_STATUS} and s.hidden_at is null
      union all select regexp_split_to_table(lower(name), '[^[:alnum:]]+') from need
      union all select regexp_split_to_table(lower(name), '[^[:alnum:]]+') from category
      union all select regexp_split_to_table(lower(array_to_string(terms, ' ')), '[^[:alnum:]]+') from search_synonym
    ) as words
    where length(w) >= 3`
    .execute(db)
    .then((result) => result.rows.map((r) => r.word));
  lexicons.set(db, { generation: contentGeneration(), loadedAt: now, words });
  words.catch(() => lexicons.delete(db));
  return words;
}

/**
 * The visitor's words with each unknown one replaced by the nearest word services
 * use, or undefined when there is nothing to correct. A word is unknown when no
 * published service matches it on its own; stop words and words in a synonym
 * phrase are left alone. Candidates come from the words of published services'
 * names, summaries and need/category names, need and category names, and
 * synonym terms: real words, so the page can show them.
 */
async function correctedText(db: Db, text: string, parts: QueryPart[]): Promise<string | undefined> {
  const inPhrases = new Set(parts.filter((p) => p.groupIds.length).flatMap((p) => tokenize(p.text)));
  // At most a few words: a pasted paragraph is not a typing slip.
  const words = [...new Set(tokenize(text))].filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !inPhrases.has(w)).slice(0, MAX_CORRECTED_WORDS);
  if (!words.length) return undefined;

  const { rows: unknownRows } = await sql<{ word: string }>`
    select w.word from unnest(${sql.val(words)}::text[]) as w(word)
    where numnode(phraseto_tsquery('english', w.word)) > 0
      and not exists (
        select 1 from service s
        where s.status = ${PUBLIC_STATUS} and s.hidden_at is null and s.search_vector @@ phraseto_tsquery('english', w.word)
      )`.execute(db);
  const unknown = unknownRows.map((r) => r.word);
  if (!unknown.length) return undefined;

  const lexicon = await lexiconOf(db);
  const { rows: candidates } = await sql<{ word: string; candidate: string; similarity: number }>`
    select u.word, c.word as candidate, c.similarity
    from unnest(${sql.val(unknown)}::text[]) as u(word)
    cross join lateral (
      select l.word, similarity(l.word, u.word) as similarity from unnest(${sql.val(lexicon)}::text[]) as l(word)
      where similarity(l.word, u.word) > 0.15
      order by similarity desc, l.word
      limit 25
    ) as c`.execute(db);

  const replacements = new Map<string, string>();
  for (const word of unknown) {
    let best: { candidate: string; distance: number; similarity: number } | undefined;
    for (const row of candidates.filter((c) => c.word === word)) {
      const distance = editDistance(word, row.candidate);
      if (distance === 0 || distance > allowedEdits(word)) continue;
      const similarity = Number(row.similarity);
      if (!best || distance < best.distance || (distance === best.distance && similarity > best.similarity)) {
        best = { candidate: row.candidate, distance, similarity };
      }
    }
    if (best) replacements.set(word, best.candidate);
  }
  if (!replacements.size) return undefined;
  return tokenize(text)
    .map((w) => replacements.get(w) ?? w)
    .join(" ");
}

// ---- The search -------------------------------------------------------------------------

async function planFor(db: Db, query: SearchQuery, text: string, synonyms: SynonymGroup[]) {
  if (!text) return { plan: { query, tsquery: undefined, rankText: "" } satisfies Plan, expansion: undefined };
  const expansion = expandQuery(text, synonyms);
  const tsquery = await textQueryFor(db, expansion.parts);
  return { plan: { query: { ...query, q: text }, tsquery, rankText: text.toLowerCase() } satisfies Plan, expansion };
}

export async function searchServices(db: Db, query: SearchQuery, options: SearchOptions = {}): Promise<SearchResults> {
  const pageSize = Math.max(1, Math.min(100, Math.trunc(options.pageSize ?? DEFAULT_PAGE_SIZE)));
  const vocabulary = options.vocabulary ?? (await loadSearchVocabulary(db));

  let { plan, expansion } = await planFor(db, query, query.q, vocabulary.synonyms);
  const districtSlugs = vocabulary.districts.map((d) => d.slug);
  let { total, counts } = await countFacets(db, plan, districtSlugs);
  let correctedQuery: string | undefined;

  // Only when nothing was found: if anything matched, every word matched something,
  // so there is no unknown word to correct.
  if (query.q && expansion && total === 0) {
    const corrected = await correctedText(db, query.q, expansion.parts);
    if (corrected && corrected !== query.q.toLowerCase()) {
      const attempt = await planFor(db, query, corrected, vocabulary.synonyms);
      const facets = await countFacets(db, attempt.plan, districtSlugs);
      if (facets.total > 0) {
        ({ plan, expansion } = attempt);
        ({ total, counts } = facets);
        correctedQuery = corrected;
      }
    }
  }

  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), totalPages);
  const results = total > 0 ? await pageOfResults(db, plan, { limit: pageSize, offset: (page - 1) * pageSize }) : [];

  const option = (facet: FacetName, value: string, label: string, selected: boolean, group?: BroadArea): FacetOption => ({
    value,
    label,
    count: counts[facet].get(value) ?? 0,
    selected,
    ...(group ? { group } : {}),
  });
  const facets: Record<FacetName, FacetOption[]> = {
    need: vocabulary.needs.map((n) => option("need", n.slug, n.name, query.needs.includes(n.slug), n.broadArea)),
    district: vocabulary.districts.map((d) => option("district", d.slug, d.name, query.districts.includes(d.slug))),
    category: vocabulary.categories.map((c) => option("category", c.slug, c.name, query.categories.includes(c.slug))),
    cost: COSTS.map((c) => option("cost", c, c, query.costs.includes(c))),
    delivery: DELIVERIES.map((d) => option("delivery", d, d, query.deliveries.includes(d))),
  };

  // Page 1 only, in the default order: paging through or re-sorting is the same search.
  if (options.log !== false && page === 1 && query.page === 1 && query.sort === defaultSort(query.q) && hasCriteria(query)) {
    await logSearch(db, { query, resultCount: total, now: options.now });
  }

  return {
    total,
    page,
    totalPages,
    pageSize,
    results,
    facets,
    expandedTerms: expansion?.expanded ?? [],
    ...(correctedQuery ? { correctedQuery } : {}),
  };
}

// ---- The log ------------------------------------------------------------------------------

/** The filters of a search as logged: only those chosen. Nothing about who searched. */
export function loggedFilters(query: SearchQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.age !== undefined) filters.age = query.age;
  if (query.needs.length) filters.need = query.needs;
  if (query.districts.length) filters.district = query.districts;
  if (query.categories.length) filters.category = query.categories;
  if (query.costs.length) filters.cost = query.costs;
  if (query.deliveries.length) filters.delivery = query.deliveries;
  return filters;
}

export async function logSearch(db: Db, { query, resultCount, now }: { query: SearchQuery; resultCount: number; now?: Date }): Promise<void> {
  await db
    .insertInto("search_log")
    .values({
      query: query.q,
      filters: JSON.stringify(loggedFilters(query)),
      result_count: resultCount,
      ...(now ? { at: timestamp(now) } : {}),
    })
    .execute();
}
