/**
 * What the ORUK API reads. Only published services that are not hidden are ever
 * loaded (the public visibility rule); organizations and service_at_locations are
 * those of such services. Mapping to ORUK shapes is in ./map.ts.
 */
import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/schema";
import { PUBLIC_STATUS } from "../model";
import { expandQuery } from "../synonyms";
import { listSynonymGroups } from "../synonyms.server";
import { broadAreaTermId, isUuid, needTermId, taxonomyIds } from "./ids";
import type { CategoryRow, NeedRow, OrganisationRow, ServiceBundle, ServiceRow } from "./map";

type Db = Kysely<Database>;

export interface Paging {
  page: number;
  perPage: number;
}

export interface ServiceFilters {
  /** Words to search for (ORUK `search`, or `text` as in ORUK 1.0). */
  text?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** Services whose minimum age is at least this (ORUK 1.0 meaning). */
  minimumAge?: number;
  /** Services whose maximum age is at most this. */
  maximumAge?: number;
  modifiedAfter?: Date;
}

export async function loadTaxonomy(db: Db): Promise<{ categories: CategoryRow[]; needs: NeedRow[] }> {
  const [categories, needs] = await Promise.all([
    db.selectFrom("category").select(["id", "slug", "name", "description"]).orderBy("sort_order").orderBy("name").execute(),
    db.selectFrom("need").select(["id", "slug", "name", "broad_area"]).orderBy("sort_order").orderBy("name").execute(),
  ]);
  return { categories, needs };
}

export async function areaName(db: Db): Promise<string> {
  const area = await db.selectFrom("area").select("name").orderBy("id").limit(1).executeTakeFirst();
  return area?.name ?? "";
}

type ServiceQuery = SelectQueryBuilder<Database, "service", object>;

/**
 * The words as a tsquery, matched as the site's search matches them
 * (app/local-offer/search.server.ts, docs/decisions/010): each part of the words must
 * match, through any term of its synonym group, each term a phrase with English
 * stemming. Null when no word can match anything (only stop words). The site's typo
 * correction is not applied: an API answers what was asked.
 * ORUK needs its own paging (up to 200) and filters (taxonomy, organization,
 * modified_after) around the match, so it cannot call searchServices itself.
 */
export async function orukTextQuery(db: Db, text: string): Promise<string | null> {
  const { parts } = expandQuery(text, await listSynonymGroups(db));
  const terms = [...new Set(parts.flatMap((p) => p.alternatives))];
  if (!terms.length) return null;
  const { rows } = await sql<{ term: string; query: string }>`
    select term, phraseto_tsquery('english', term)::text as query
    from unnest(${sql.val(terms)}::text[]) as term`.execute(db);
  const byTerm = new Map(rows.map((r) => [r.term, r.query]));
  const clauses = parts.flatMap((part) => {
    const alternatives = [...new Set(part.alternatives.map((a) => byTerm.get(a) ?? "").filter(Boolean))];
    return alternatives.length ? [`( ${alternatives.join(" | ")} )`] : [];
  });
  return clauses.length ? clauses.join(" & ") : null;
}

function visible(query: ServiceQuery): ServiceQuery {
  return query.where("service.status", "=", PUBLIC_STATUS).where("service.hidden_at", "is", null);
}

/** The services a taxonomy term stands for: a category, a need, or a broad area (its needs). */
function whereTerm(query: ServiceQuery, termId: string, taxonomy: { categories: CategoryRow[]; needs: NeedRow[] }): ServiceQuery {
  const category = taxonomy.categories.find((c) => c.id.toLowerCase() === termId.toLowerCase());
  if (category) {
    return query.where(({ exists, selectFrom }) =>
      exists(selectFrom("service_category").select("service_id").whereRef("service_category.service_id", "=", "service.id").where("category_id", "=", category.id)),
    );
  }
  const needIds = taxonomy.needs
    .filter((n) => needTermId(n.slug) === termId.toLowerCase() || broadAreaTermId(n.broad_area) === termId.toLowerCase())
    .map((n) => n.id);
  if (needIds.length) {
    return query.where(({ exists, selectFrom }) =>
      exists(selectFrom("service_need").select("service_id").whereRef("service_need.service_id", "=", "service.id").where("need_id", "in", needIds)),
    );
  }
  return query.where(sql<boolean>`false`);
}

interface Resolved {
  categories: CategoryRow[];
  needs: NeedRow[];
  /** The words' tsquery: undefined without words, null when they cannot match. */
  tsquery: string | null | undefined;
}

async function resolve(db: Db, filters: ServiceFilters): Promise<Resolved> {
  const [taxonomy, tsquery] = await Promise.all([loadTaxonomy(db), filters.text ? orukTextQuery(db, filters.text) : Promise.resolve(undefined)]);
  return { ...taxonomy, tsquery };
}

function filtered(db: Db, filters: ServiceFilters, taxonomy: Resolved): ServiceQuery {
  let query = visible(db.selectFrom("service"));
  if (taxonomy.tsquery === null) query = query.where(sql<boolean>`false`);
  else if (taxonomy.tsquery !== undefined) query = query.where(sql<boolean>`service.search_vector @@ ${taxonomy.tsquery}::tsquery`);
  if (filters.taxonomyTermId) query = whereTerm(query, filters.taxonomyTermId, taxonomy);
  if (filters.taxonomyId) {
    const id = filters.taxonomyId.toLowerCase();
    if (id === taxonomyIds.categories) {
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom("service_category").select("service_id").whereRef("service_category.service_id", "=", "service.id")),
      );
    } else if (id === taxonomyIds.needs) {
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom("service_need").select("service_id").whereRef("service_need.service_id", "=", "service.id")),
      );
    } else {
      query = query.where(sql<boolean>`false`);
    }
  }
  if (filters.organizationId) query = query.where("service.organisation_id", "=", filters.organizationId);
  if (filters.minimumAge !== undefined) query = query.where("service.age_min", ">=", filters.minimumAge);
  if (filters.maximumAge !== undefined) query = query.where("service.age_max", "<=", filters.maximumAge);
  // updated_at is typed Generated<Timestamp> in db/schema.ts, which Kysely cannot compare with a Date.
  if (filters.modifiedAfter) query = query.where(sql<Date>`service.updated_at`, ">=", filters.modifiedAfter);
  return query;
}

/**
 * One page of published services matching the filters, best match first when
 * searching words, else by name. Returns full bundles: the list shows the
 * one-to-one fields, `full=true` everything.
 */
export async function listOrukServices(db: Db, { filters, paging }: { filters: ServiceFilters; paging: Paging }) {
  const resolved = await resolve(db, filters);
  const base = filtered(db, filters, resolved);
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  let page = base.select("service.id");
  if (resolved.tsquery) page = page.orderBy(sql`ts_rank_cd(service.search_vector, ${resolved.tsquery}::tsquery)`, "desc");
  const ids = await page
    .orderBy("service.name")
    .orderBy("service.id")
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage)
    .execute();
  const bundles = await loadServiceBundles(db, ids.map((r) => r.id));
  return { total: Number(count), bundles };
}

/** A published, not hidden service by id, or undefined (also for anything that is not a uuid). */
export async function getOrukService(db: Db, id: string): Promise<ServiceBundle | undefined> {
  if (!isUuid(id)) return undefined;
  const [bundle] = await loadServiceBundles(db, [id.toLowerCase()]);
  return bundle;
}

const serviceColumns = [
  "service.id",
  "service.slug",
  "service.organisation_id",
  "service.status",
  "service.name",
  "service.summary",
  "service.description",
  "service.who_for",
  "service.how_to_access",
  "service.age_min",
  "service.age_max",
  "service.cost",
  "service.cost_detail",
  "service.whole_area",
  "service.languages",
  "service.email",
  "service.phone",
  "service.last_reviewed_at",
  sql<Date>`service.updated_at`.as("updated_at"),
] as const;

/** Full bundles for the given visible services, in the order of `ids` (others are left out). */
export async function loadServiceBundles(db: Db, ids: string[]): Promise<ServiceBundle[]> {
  if (ids.length === 0) return [];
  const services: ServiceRow[] = await visible(db.selectFrom("service")).select(serviceColumns).where("service.id", "in", ids).execute();
  if (services.length === 0) return [];
  const serviceIds = services.map((s) => s.id);
  const organisationIds = [...new Set(services.map((s) => s.organisation_id))];
  const [organisations, needs, categories, districts, locations, contacts, schedules] = await Promise.all([
    db.selectFrom("organisation").select(["id", "name", "description", "email", "website", "phone"]).where("id", "in", organisationIds).execute(),
    db
      .selectFrom("service_need")
      .innerJoin("need", "need.id", "service_need.need_id")
      .select(["service_need.service_id", "need.id", "need.slug", "need.name", "need.broad_area"])
      .where("service_need.service_id", "in", serviceIds)
      .orderBy("need.sort_order")
      .orderBy("need.name")
      .execute(),
    db
      .selectFrom("service_category")
      .innerJoin("category", "category.id", "service_category.category_id")
      .select(["service_category.service_id", "category.id", "category.slug", "category.name", "category.description"])
      .where("service_category.service_id", "in", serviceIds)
      .orderBy("category.sort_order")
      .orderBy("category.name")
      .execute(),
    db
      .selectFrom("service_district")
      .innerJoin("district", "district.id", "service_district.district_id")
      .select(["service_district.service_id", "district.slug", "district.name"])
      .where("service_district.service_id", "in", serviceIds)
      .orderBy("district.sort_order")
      .orderBy("district.name")
      .execute(),
    db
      .selectFrom("service_at_location")
      .innerJoin("location", "location.id", "service_at_location.location_id")
      .leftJoin("district", "district.id", "location.district_id")
      .select([
        "service_at_location.service_id",
        "service_at_location.id as service_at_location_id",
        "location.id",
        "location.name",
        "location.address_1",
        "location.city",
        "location.postcode",
        "district.name as district_name",
        "location.latitude",
        "location.longitude",
        "location.accessibility",
        "location.accessibility_description",
      ])
      .where("service_at_location.service_id", "in", serviceIds)
      .orderBy("location.name")
      .orderBy("location.id")
      .execute(),
    db
      .selectFrom("service_contact")
      .select(["service_id", "id", "name", "title", "email", "phone"])
      .where("service_id", "in", serviceIds)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("service_schedule")
      .select(["service_id", "id", "byday", "opens_at", "closes_at", "description"])
      .where("service_id", "in", serviceIds)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  const organisationById = new Map<string, OrganisationRow>(organisations.map((o) => [o.id, o]));
  const of = <T extends { service_id: string }>(rows: T[], id: string) => rows.filter((r) => r.service_id === id).map(({ service_id: _, ...rest }) => rest);
  const byId = new Map(
    services.map((service) => [
      service.id,
      {
        service,
        organisation: organisationById.get(service.organisation_id)!,
        needs: of(needs, service.id),
        categories: of(categories, service.id),
        districts: of(districts, service.id),
        locations: of(locations, service.id),
        contacts: of(contacts, service.id),
        schedules: of(schedules, service.id),
      } satisfies ServiceBundle,
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// ---- Organizations ---------------------------------------------------------------

function withVisibleService(db: Db) {
  return db
    .selectFrom("organisation")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("service")
          .select("service.id")
          .whereRef("service.organisation_id", "=", "organisation.id")
          .where("service.status", "=", PUBLIC_STATUS)
          .where("service.hidden_at", "is", null),
      ),
    );
}

/** Organizations with at least one published, not hidden service, by name. */
export async function listOrukOrganizations(db: Db, { text, paging }: { text?: string; paging: Paging }) {
  let base = withVisibleService(db);
  if (text) base = base.where("organisation.name", "ilike", `%${escapeLike(text)}%`);
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const rows: OrganisationRow[] = await base
    .select(["organisation.id", "organisation.name", "organisation.description", "organisation.email", "organisation.website", "organisation.phone"])
    .orderBy("organisation.name")
    .orderBy("organisation.id")
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage)
    .execute();
  return { total: Number(count), rows };
}

/** An organization with a visible service, and those services (basic fields). */
export async function getOrukOrganization(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const organisation: OrganisationRow | undefined = await withVisibleService(db)
    .select(["organisation.id", "organisation.name", "organisation.description", "organisation.email", "organisation.website", "organisation.phone"])
    .where("organisation.id", "=", id.toLowerCase())
    .executeTakeFirst();
  if (!organisation) return undefined;
  const services: ServiceRow[] = await visible(db.selectFrom("service"))
    .select(serviceColumns)
    .where("service.organisation_id", "=", organisation.id)
    .orderBy("service.name")
    .execute();
  return { organisation, services };
}

// ---- Service at locations -----------------------------------------------------------

/** Service-at-location links of visible services, filtered like services. */
export async function listOrukServiceAtLocations(db: Db, { filters, paging }: { filters: ServiceFilters; paging: Paging }) {
  const services = filtered(db, filters, await resolve(db, filters)).select("service.id");
  const base = db.selectFrom("service_at_location").where("service_at_location.service_id", "in", services);
  const { count } = await base.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const links = await base
    .innerJoin("service", "service.id", "service_at_location.service_id")
    .innerJoin("location", "location.id", "service_at_location.location_id")
    .select(["service_at_location.id", "service_at_location.service_id"])
    .orderBy("service.name")
    .orderBy("location.name")
    .orderBy("service_at_location.id")
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage)
    .execute();
  const bundles = await loadServiceBundles(db, [...new Set(links.map((l) => l.service_id))]);
  return { total: Number(count), links, bundles };
}

export async function getOrukServiceAtLocation(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  const link = await db
    .selectFrom("service_at_location")
    .select(["id", "service_id"])
    .where("id", "=", id.toLowerCase())
    .executeTakeFirst();
  if (!link) return undefined;
  const [bundle] = await loadServiceBundles(db, [link.service_id]);
  if (!bundle) return undefined;
  return { link, bundle };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
