/**
 * One service as families see it at /local-offer/services/:slug: only a
 * published service that is not hidden, with everything the page shows.
 */
import type { Kysely } from "kysely";
import type { BroadArea, Cost, Database, Delivery, Phase } from "../../db/schema";
import { PUBLIC_STATUS } from "./model";
import { isServiceSlug } from "./service-page";

export interface PublicService {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  whoFor: string;
  howToAccess: string;
  referralRequired: boolean;
  diagnosisRequired: boolean;
  ehcpRequired: boolean;
  ageMin: number;
  ageMax: number;
  phases: Phase[];
  delivery: Delivery[];
  cost: Cost;
  costDetail: string;
  wholeArea: boolean;
  /** ISO 639-1 codes. */
  languages: string[];
  email: string;
  phone: string;
  website: string;
  isSetting: boolean;
  sendInformation: Record<string, string>;
  /** The last human review ("Checked on"); never updated_at, which any edit moves. */
  lastReviewedAt: Date | null;
  organisation: { name: string; email: string; website: string; phone: string };
  districts: { slug: string; name: string }[];
  needs: { slug: string; name: string; broadArea: BroadArea }[];
  categories: { slug: string; name: string }[];
  locations: {
    name: string;
    address1: string;
    city: string;
    postcode: string;
    district: string | null;
    accessibility: string[];
    accessibilityDescription: string;
    latitude: number | null;
    longitude: number | null;
  }[];
  contacts: { name: string; title: string; email: string; phone: string }[];
  schedules: { byday: string; opensAt: string; closesAt: string; description: string }[];
}

/**
 * A published, not hidden service by its slug, or undefined: for an unknown
 * slug, a draft, one awaiting approval, an archived or a hidden service, and
 * for anything that is not shaped like a slug (so odd addresses are a 404).
 */
export async function getPublicService(db: Kysely<Database>, { slug }: { slug: string }): Promise<PublicService | undefined> {
  if (!isServiceSlug(slug)) return undefined;
  const service = await db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .selectAll("service")
    .select([
      "organisation.name as organisation_name",
      "organisation.email as organisation_email",
      "organisation.website as organisation_website",
      "organisation.phone as organisation_phone",
    ])
    .where("service.slug", "=", slug)
    .where("service.status", "=", PUBLIC_STATUS)
    .where("service.hidden_at", "is", null)
    .executeTakeFirst();
  if (!service) return undefined;
  const id = service.id;
  const [needs, categories, districts, locations, contacts, schedules] = await Promise.all([
    db
      .selectFrom("service_need")
      .innerJoin("need", "need.id", "service_need.need_id")
      .select(["need.slug", "need.name", "need.broad_area"])
      .where("service_need.service_id", "=", id)
      .orderBy("need.sort_order")
      .orderBy("need.name")
      .execute(),
    db
      .selectFrom("service_category")
      .innerJoin("category", "category.id", "service_category.category_id")
      .select(["category.slug", "category.name"])
      .where("service_category.service_id", "=", id)
      .orderBy("category.sort_order")
      .execute(),
    db
      .selectFrom("service_district")
      .innerJoin("district", "district.id", "service_district.district_id")
      .select(["district.slug", "district.name"])
      .where("service_district.service_id", "=", id)
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
        "district.name as district",
        "location.accessibility",
        "location.accessibility_description",
        "location.latitude",
        "location.longitude",
      ])
      .where("service_at_location.service_id", "=", id)
      .orderBy("location.name")
      .execute(),
    db
      .selectFrom("service_contact")
      .select(["name", "title", "email", "phone"])
      .where("service_id", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("service_schedule")
      .select(["byday", "opens_at", "closes_at", "description"])
      .where("service_id", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return {
    id,
    slug: service.slug,
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
    lastReviewedAt: service.last_reviewed_at ? new Date(service.last_reviewed_at) : null,
    organisation: {
      name: service.organisation_name,
      email: service.organisation_email,
      website: service.organisation_website,
      phone: service.organisation_phone,
    },
    districts,
    needs: needs.map((n) => ({ slug: n.slug, name: n.name, broadArea: n.broad_area })),
    categories,
    locations: locations.map((l) => ({
      name: l.name,
      address1: l.address_1,
      city: l.city,
      postcode: l.postcode,
      district: l.district,
      accessibility: l.accessibility,
      accessibilityDescription: l.accessibility_description,
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts,
    schedules: schedules.map((s) => ({ byday: s.byday, opensAt: s.opens_at, closesAt: s.closes_at, description: s.description })),
  };
}
