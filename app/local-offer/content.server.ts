/**
 * Reading and writing a service's editable content (ServiceContent) across the
 * service row and its related ORUK tables. Every writer (editors, approved
 * proposals, the ORUK import, the demo seed) goes through writeServiceContent,
 * so search_terms and the related rows never drift from the content.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { BroadArea, Database, ServiceStatus } from "../../db/schema";
import type { ContactContent, LocationContent, ScheduleContent, ServiceContent } from "./model";

type Db = Kysely<Database>;

let generation = 0;
/** Bumped whenever this process changes what search can find; caches compare it. */
export function contentGeneration(): number {
  return generation;
}
export function contentChanged(): void {
  generation++;
}

/** Unknown need, category or district slugs in content: the caller must fix them first. */
export class UnknownReferenceError extends Error {
  constructor(public readonly kind: "need" | "category" | "district", public readonly slugs: string[]) {
    super(`Unknown ${kind}: ${slugs.join(", ")}`);
  }
}

async function idsFor<T extends string | number>(
  rows: { id: T; slug: string }[],
  slugs: string[],
  kind: "need" | "category" | "district",
): Promise<Map<string, T>> {
  const map = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !map.has(s));
  if (missing.length) throw new UnknownReferenceError(kind, missing);
  return map;
}

/** The slugs and names content can refer to, loaded once per write (or once per batch). */
export interface References {
  needs: { id: number; slug: string; name: string }[];
  categories: { id: string; slug: string; name: string }[];
  districts: { id: number; slug: string; name: string }[];
}

export async function loadReferences(db: Db): Promise<References> {
  const [needs, categories, districts] = await Promise.all([
    db.selectFrom("need").select(["id", "slug", "name"]).orderBy("sort_order").execute(),
    db.selectFrom("category").select(["id", "slug", "name"]).orderBy("sort_order").execute(),
    db.selectFrom("district").select(["id", "slug", "name"]).orderBy("sort_order").execute(),
  ]);
  return { needs, categories, districts };
}

/** Columns of the service row that come straight from content. */
export function serviceColumns(content: ServiceContent, references: References) {
  const needNames = references.needs.filter((n) => content.needs.includes(n.slug)).map((n) => n.name);
  const categoryNames = references.categories.filter((c) => content.categories.includes(c.slug)).map((c) => c.name);
  return {
    name: content.name,
    summary: content.summary,
    description: content.description,
    who_for: content.whoFor,
    how_to_access: content.howToAccess,
    referral_required: content.referralRequired,
    diagnosis_required: content.diagnosisRequired,
    ehcp_required: content.ehcpRequired,
    age_min: content.ageMin,
    age_max: content.ageMax,
    phases: content.phases,
    delivery: content.delivery,
    cost: content.cost,
    cost_detail: content.costDetail,
    whole_area: content.wholeArea,
    languages: content.languages,
    email: content.email,
    phone: content.phone,
    website: content.website,
    is_setting: content.isSetting,
    send_information: JSON.stringify(content.sendInformation),
    search_terms: [...needNames, ...categoryNames].join(" "),
  };
}

/**
 * Recomputes search_terms (need names then category names, each in list order)
 * for the given services, exactly as serviceColumns builds it: for when a need's
 * or category's name changes under services that keep their content.
 */
export async function refreshSearchTerms(db: Db, serviceIds: string[]): Promise<void> {
  contentChanged();
  if (!serviceIds.length) return;
  await sql`
    update service s
       set search_terms = concat_ws(' ',
             (select string_agg(n.name, ' ' order by n.sort_order, n.id)
                from service_need sn join need n on n.id = sn.need_id
               where sn.service_id = s.id),
             (select string_agg(c.name, ' ' order by c.sort_order, c.id)
                from service_category sc join category c on c.id = sc.category_id
               where sc.service_id = s.id))
     where s.id in (${sql.join(serviceIds.map((id) => sql`${id}::uuid`))})`.execute(db);
}

/**
 * Writes content onto an existing service row and replaces its needs,
 * categories, districts, locations, contacts and schedules. Call inside a
 * transaction. Throws UnknownReferenceError before writing anything if a slug
 * is unknown. Does not touch status, version or review fields.
 */
export async function writeServiceContent(
  db: Db,
  serviceId: string,
  content: ServiceContent,
  references?: References,
): Promise<void> {
  contentChanged();
  const refs = references ?? (await loadReferences(db));
  const needIds = await idsFor(refs.needs, content.needs, "need");
  const categoryIds = await idsFor(refs.categories, content.categories, "category");
  const districtSlugs = [
    ...new Set([...(content.wholeArea ? [] : content.districts), ...content.locations.flatMap((l) => (l.district ? [l.district] : []))]),
  ];
  const districtIds = await idsFor(refs.districts, districtSlugs, "district");

  const service = await db
    .updateTable("service")
    .set({ ...serviceColumns(content, refs), updated_at: sql`now()` })
    .where("id", "=", serviceId)
    .returning(["organisation_id"])
    .executeTakeFirstOrThrow();

  await db.deleteFrom("service_need").where("service_id", "=", serviceId).execute();
  await db.deleteFrom("service_category").where("service_id", "=", serviceId).execute();
  await db.deleteFrom("service_district").where("service_id", "=", serviceId).execute();
  await db.deleteFrom("service_contact").where("service_id", "=", serviceId).execute();
  await db.deleteFrom("service_schedule").where("service_id", "=", serviceId).execute();
  const oldLocations = await db.deleteFrom("service_at_location").where("service_id", "=", serviceId).returning("location_id").execute();
  if (oldLocations.length) {
    await db
      .deleteFrom("location")
      .where("id", "in", oldLocations.map((l) => l.location_id))
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("service_at_location").select("id").whereRef("service_at_location.location_id", "=", "location.id"))),
      )
      .execute();
  }

  const unique = <T>(values: T[]) => [...new Set(values)];
  if (content.needs.length) {
    await db
      .insertInto("service_need")
      .values(unique(content.needs).map((slug) => ({ service_id: serviceId, need_id: needIds.get(slug)! })))
      .execute();
  }
  if (content.categories.length) {
    await db
      .insertInto("service_category")
      .values(unique(content.categories).map((slug) => ({ service_id: serviceId, category_id: categoryIds.get(slug)! })))
      .execute();
  }
  if (!content.wholeArea && content.districts.length) {
    await db
      .insertInto("service_district")
      .values(unique(content.districts).map((slug) => ({ service_id: serviceId, district_id: districtIds.get(slug)! })))
      .execute();
  }
  if (content.contacts.length) {
    await db
      .insertInto("service_contact")
      .values(content.contacts.map((c, position) => ({ service_id: serviceId, name: c.name, title: c.title, email: c.email, phone: c.phone, position })))
      .execute();
  }
  if (content.schedules.length) {
    await db
      .insertInto("service_schedule")
      .values(
        content.schedules.map((s, position) => ({
          service_id: serviceId,
          position,
          byday: s.byday,
          opens_at: s.opensAt,
          closes_at: s.closesAt,
          description: s.description,
        })),
      )
      .execute();
  }
  for (const location of content.locations) {
    const row = await db
      .insertInto("location")
      .values({
        organisation_id: service.organisation_id,
        name: location.name,
        address_1: location.address1,
        city: location.city,
        postcode: location.postcode,
        district_id: location.district ? districtIds.get(location.district)! : null,
        latitude: location.latitude ?? null,
        longitude: location.longitude ?? null,
        accessibility: location.accessibility,
        accessibility_description: location.accessibilityDescription,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("service_at_location").values({ service_id: serviceId, location_id: row.id }).execute();
  }
}

type ServiceRow = Selectable<Database["service"]>;

/** The parts of a service kept in other tables, with names as well as slugs (pages show names). */
export interface ServiceParts {
  needs: { slug: string; name: string; broadArea: BroadArea }[];
  categories: { slug: string; name: string }[];
  districts: { slug: string; name: string }[];
  /** Each location's `district` is its slug; `districtName` its name. */
  locations: (LocationContent & { latitude: number | null; longitude: number | null; districtName: string | null })[];
  contacts: ContactContent[];
  schedules: ScheduleContent[];
}

/** Needs, categories, districts, locations, contacts and opening times of one service, in the order editors gave. */
export async function readServiceParts(db: Db, serviceId: string): Promise<ServiceParts> {
  const [needs, categories, districts, locations, contacts, schedules] = await Promise.all([
    db
      .selectFrom("service_need")
      .innerJoin("need", "need.id", "service_need.need_id")
      .select(["need.slug", "need.name", "need.broad_area"])
      .where("service_need.service_id", "=", serviceId)
      .orderBy("need.sort_order")
      .orderBy("need.name")
      .execute(),
    db
      .selectFrom("service_category")
      .innerJoin("category", "category.id", "service_category.category_id")
      .select(["category.slug", "category.name"])
      .where("service_category.service_id", "=", serviceId)
      .orderBy("category.sort_order")
      .orderBy("category.name")
      .execute(),
    db
      .selectFrom("service_district")
      .innerJoin("district", "district.id", "service_district.district_id")
      .select(["district.slug", "district.name"])
      .where("service_district.service_id", "=", serviceId)
      .orderBy("district.sort_order")
      .orderBy("district.name")
      .execute(),
    db
      .selectFrom("service_at_location")
      .innerJoin("location", "location.id", "service_at_location.location_id")
      .leftJoin("district", "district.id", "location.district_id")
      .select([
        "location.name",
        "location.address_1",
        "location.city",
        "location.postcode",
        "district.slug as district",
        "district.name as district_name",
        "location.accessibility",
        "location.accessibility_description",
        "location.latitude",
        "location.longitude",
      ])
      .where("service_at_location.service_id", "=", serviceId)
      .orderBy("location.name")
      .execute(),
    db
      .selectFrom("service_contact")
      .select(["name", "title", "email", "phone"])
      .where("service_id", "=", serviceId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("service_schedule")
      .select(["byday", "opens_at", "closes_at", "description"])
      .where("service_id", "=", serviceId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return {
    needs: needs.map((n) => ({ slug: n.slug, name: n.name, broadArea: n.broad_area })),
    categories,
    districts,
    locations: locations.map((l) => ({
      name: l.name,
      address1: l.address_1,
      city: l.city,
      postcode: l.postcode,
      district: l.district,
      districtName: l.district_name,
      accessibility: l.accessibility,
      accessibilityDescription: l.accessibility_description,
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts,
    schedules: schedules.map((s) => ({ byday: s.byday, opensAt: s.opens_at, closesAt: s.closes_at, description: s.description })),
  };
}

/** The content that lives on the service row itself. */
export type ServiceFields = Omit<ServiceContent, "districts" | "needs" | "categories" | "locations" | "contacts" | "schedules">;

export function serviceFields(service: ServiceRow): ServiceFields {
  return {
    name: service.name,
    summary: service.summary,
    description: service.description,
    whoFor: service.who_for,
    howToAccess: service.how_to_access,
    referralRequired: service.referral_required,
    diagnosisRequired: service.diagnosis_required,
    ehcpRequired: service.ehcp_required,
    ageMin: service.age_min,
    ageMax: service.age_max,
    phases: service.phases,
    delivery: service.delivery,
    cost: service.cost,
    costDetail: service.cost_detail,
    wholeArea: service.whole_area,
    languages: service.languages,
    email: service.email,
    phone: service.phone,
    website: service.website,
    isSetting: service.is_setting,
    sendInformation: service.send_information ?? {},
  };
}

/** A service's current editable content, or undefined when there is no such service. */
export async function readServiceContent(db: Db, serviceId: string): Promise<ServiceContent | undefined> {
  const service = await db.selectFrom("service").selectAll().where("id", "=", serviceId).executeTakeFirst();
  if (!service) return undefined;
  const parts = await readServiceParts(db, serviceId);
  return {
    ...serviceFields(service),
    districts: parts.districts.map((d) => d.slug),
    needs: parts.needs.map((n) => n.slug),
    categories: parts.categories.map((c) => c.slug),
    locations: parts.locations.map(({ districtName: _, ...location }) => location),
    contacts: parts.contacts,
    schedules: parts.schedules,
  };
}

/** Creates a service row (status draft unless given) and writes its content. Call inside a transaction. */
export async function createService(
  db: Db,
  input: { slug: string; organisationId: string; content: ServiceContent; status?: ServiceStatus },
  references?: References,
): Promise<string> {
  const refs = references ?? (await loadReferences(db));
  const row = await db
    .insertInto("service")
    .values({ slug: input.slug, organisation_id: input.organisationId, status: input.status ?? "draft", ...serviceColumns(input.content, refs) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writeServiceContent(db, row.id, input.content, refs);
  return row.id;
}
