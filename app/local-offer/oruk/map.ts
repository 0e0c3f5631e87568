/**
 * The local offer as Open Referral UK 3.0: pure mapping from the rows
 * api.server.ts loads to the shapes in ./schema. No I/O.
 *
 * What ORUK cannot carry (delivery, whether a referral, diagnosis or EHC plan is
 * needed, phases, the SEND information of settings, the service's own website) is
 * left out; the summary goes first in `description`, as its first paragraph.
 */
import type { BroadArea, Cost, ServiceStatus } from "../../../db/schema";
import terms from "../../../public/locales/en-GB/local-offer-terms.json";
import { broadAreas } from "../model";
import { broadAreaTermId, childId, needTermId, taxonomyIds } from "./ids";

export const ORUK_VERSION = "3.0";
export const ORUK_PROFILE = "https://openreferraluk.org/specifications/3.0";
export const ORUK_OPENAPI_URL = "https://openreferraluk.org/specifications/3.0/openapi.json";

export const CATEGORY_TAXONOMY_NAME = "Local offer categories";
export const NEEDS_TAXONOMY_NAME = "SEND needs";

// ---- What api.server.ts loads ---------------------------------------------------

export interface OrganisationRow {
  id: string;
  name: string;
  description: string;
  email: string;
  website: string;
  phone: string;
}

export interface NeedRow {
  id: number;
  slug: string;
  name: string;
  broad_area: BroadArea;
}

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface ServiceRow {
  id: string;
  slug: string;
  organisation_id: string;
  status: ServiceStatus;
  name: string;
  summary: string;
  description: string;
  who_for: string;
  how_to_access: string;
  age_min: number;
  age_max: number;
  cost: Cost;
  cost_detail: string;
  whole_area: boolean;
  languages: string[];
  email: string;
  phone: string;
  last_reviewed_at: Date | string | null;
  updated_at: Date | string;
}

export interface LocationRow {
  service_at_location_id: string;
  id: string;
  name: string;
  address_1: string;
  city: string;
  postcode: string;
  district_name: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string[];
  accessibility_description: string;
}

export interface ContactRow {
  id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface ScheduleRow {
  id: string;
  byday: string;
  opens_at: string;
  closes_at: string;
  description: string;
}

/** One service and everything the full ORUK service shows. */
export interface ServiceBundle {
  service: ServiceRow;
  organisation: OrganisationRow;
  needs: NeedRow[];
  categories: CategoryRow[];
  districts: { slug: string; name: string }[];
  locations: LocationRow[];
  contacts: ContactRow[];
  schedules: ScheduleRow[];
}

export interface MapContext {
  /** "https://host": public pages are built from the request's own address. */
  origin: string;
  /** The local area's name ("Lancashire"): the whole-area service area and the county of addresses. */
  areaName: string;
}

type Json = Record<string, unknown>;

// ---- Small helpers ----------------------------------------------------------------

/** Drops undefined members so documents carry only what we know. */
function clean<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

// The same pattern ajv-formats uses for "email" (full mode), so what we send validates.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The email address, or undefined when it is empty or not an address. */
export function asEmail(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && EMAIL.test(trimmed) ? trimmed : undefined;
}

/** An absolute http(s) URL, or undefined. "www.example.org" becomes "https://www.example.org/". */
export function asUri(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    if (!url.hostname.includes(".")) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

const text = (value: string | null | undefined) => (value && value.trim() ? value : undefined);

/** "YYYY-MM-DD" of an instant in UK time (a review at 00:30 BST on 1 July is 1 July). */
export function ukDate(value: Date | string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/London" }).formatToParts(
    new Date(value),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Summary first, then the description, as ORUK has one description. */
export function joinDescription(summary: string, description: string): string {
  return [summary.trim(), description.trim()].filter(Boolean).join("\n\n");
}

/** ORUK times are "HH:MM:SS"; ours are "HH:MM". Anything else goes out as written. */
export function orukTime(value: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return text(value);
  return `${match[1]!.padStart(2, "0")}:${match[2]}:${match[3] ?? "00"}`;
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "ur" → "Urdu". */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const broadAreaLabel = (area: BroadArea): string => terms.broadAreas[area];
export const accessibilityLabel = (key: string): string | undefined => (terms.accessibility as Record<string, string>)[key];

/** Only published services are ever shown; the mapping covers the rest for completeness. */
export function orukStatus(status: ServiceStatus): "active" | "inactive" | "defunct" {
  if (status === "published") return "active";
  if (status === "archived") return "defunct";
  return "inactive";
}

// ---- Paging -----------------------------------------------------------------------

export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function pageOf<T>(contents: T[], { total, page, perPage }: { total: number; page: number; perPage: number }): Page<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

// ---- api_details -------------------------------------------------------------------

export function apiDetails() {
  return { version: ORUK_VERSION, profile: ORUK_PROFILE, openapi_url: ORUK_OPENAPI_URL };
}

// ---- Taxonomies ----------------------------------------------------------------------

export interface TaxonomyTerm {
  id: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy: string;
  taxonomy_id: string;
  term: string;
}

export function categoryTerm(category: CategoryRow): TaxonomyTerm {
  return {
    id: category.id,
    name: category.name,
    description: category.description,
    taxonomy: CATEGORY_TAXONOMY_NAME,
    taxonomy_id: taxonomyIds.categories,
    term: category.slug,
  };
}

export function broadAreaTerm(area: BroadArea): TaxonomyTerm {
  return {
    id: broadAreaTermId(area),
    name: broadAreaLabel(area),
    description: "One of the four broad areas of need in the SEND Code of Practice (paragraph 6.28).",
    taxonomy: NEEDS_TAXONOMY_NAME,
    taxonomy_id: taxonomyIds.needs,
    term: area,
  };
}

export function needTerm(need: Pick<NeedRow, "slug" | "name" | "broad_area">): TaxonomyTerm {
  return {
    id: needTermId(need.slug),
    name: need.name,
    description: `A specific need within ${broadAreaLabel(need.broad_area).toLowerCase()}.`,
    parent_id: broadAreaTermId(need.broad_area),
    taxonomy: NEEDS_TAXONOMY_NAME,
    taxonomy_id: taxonomyIds.needs,
    term: need.slug,
  };
}

/** Every term of both taxonomies: categories, then each broad area followed by its needs. */
export function allTerms(categories: CategoryRow[], needs: NeedRow[]): TaxonomyTerm[] {
  return [
    ...categories.map(categoryTerm),
    ...broadAreas.flatMap((area) => [broadAreaTerm(area), ...needs.filter((n) => n.broad_area === area).map(needTerm)]),
  ];
}

export function taxonomies(categories: CategoryRow[], needs: NeedRow[], options: { withTerms: boolean }) {
  const all = allTerms(categories, needs);
  const withTerms = (id: string) => (options.withTerms ? { taxonomy_terms: all.filter((t) => t.taxonomy_id === id) } : {});
  return [
    {
      id: taxonomyIds.categories,
      name: CATEGORY_TAXONOMY_NAME,
      description: "The kinds of service in the local offer, such as education, health or activities.",
      ...withTerms(taxonomyIds.categories),
    },
    {
      id: taxonomyIds.needs,
      name: NEEDS_TAXONOMY_NAME,
      description:
        "Special educational needs and disabilities a service supports: the four broad areas of need (SEND Code of Practice 6.28), each with the specific needs within it.",
      ...withTerms(taxonomyIds.needs),
    },
  ];
}

// ---- Organizations -------------------------------------------------------------------

export function mapOrganization(organisation: OrganisationRow) {
  return clean({
    id: organisation.id,
    name: organisation.name,
    description: organisation.description,
    email: asEmail(organisation.email),
    website: asUri(organisation.website),
    phones: text(organisation.phone) ? [{ id: childId(organisation.id, "phone"), number: organisation.phone.trim() }] : undefined,
  });
}

// ---- Services ---------------------------------------------------------------------------

export function servicePageUrl(origin: string, slug: string): string {
  return `${origin}/local-offer/services/${encodeURIComponent(slug)}`;
}

/** The one-to-one fields of a service and its organization: a /services list item. */
export function mapServiceBasic(bundle: Pick<ServiceBundle, "service" | "organisation">, context: Pick<MapContext, "origin">) {
  const { service } = bundle;
  return clean({
    id: service.id,
    organization_id: service.organisation_id,
    name: service.name,
    description: joinDescription(service.summary, service.description),
    url: servicePageUrl(context.origin, service.slug),
    email: asEmail(service.email),
    status: orukStatus(service.status),
    minimum_age: service.age_min,
    maximum_age: service.age_max,
    eligibility_description: text(service.who_for),
    application_process: text(service.how_to_access),
    // The last time a person checked the entry; an edit or an import is not a check.
    assured_date: service.last_reviewed_at ? ukDate(service.last_reviewed_at) : undefined,
    last_modified: iso(service.updated_at),
    organization: mapOrganization(bundle.organisation),
  });
}

export function mapCostOptions(service: Pick<ServiceRow, "id" | "cost" | "cost_detail">) {
  const id = childId(service.id, "cost");
  const detail = text(service.cost_detail)?.trim();
  if (service.cost === "free") return [clean({ id, service_id: service.id, option: "Free", amount: 0, amount_description: detail })];
  if (service.cost === "varies") return [clean({ id, service_id: service.id, option: "Varies", amount_description: detail })];
  return [clean({ id, service_id: service.id, option: "Charge", amount_description: detail })];
}

export function mapServiceAreas(bundle: Pick<ServiceBundle, "service" | "districts">, areaName: string) {
  const { service } = bundle;
  if (service.whole_area) {
    return [{ id: childId(service.id, "area:whole"), service_id: service.id, name: areaName, service_area: areaName }];
  }
  return bundle.districts.map((d) => ({ id: childId(service.id, `district:${d.slug}`), service_id: service.id, name: d.name, service_area: d.name }));
}

export function mapLocation(location: LocationRow, areaName: string) {
  const hasAddress = Boolean(text(location.address_1) || text(location.city) || text(location.postcode));
  const accessibility = [
    ...location.accessibility.map((key) =>
      clean({ id: childId(location.id, `accessibility:${key}`), location_id: location.id, description: accessibilityLabel(key) ?? key }),
    ),
    ...(text(location.accessibility_description)
      ? [{ id: childId(location.id, "accessibility:details"), location_id: location.id, details: location.accessibility_description }]
      : []),
  ];
  return clean({
    id: location.id,
    location_type: "physical",
    name: location.name,
    latitude: location.latitude ?? undefined,
    longitude: location.longitude ?? undefined,
    addresses: hasAddress
      ? [
          clean({
            id: childId(location.id, "address"),
            location_id: location.id,
            address_1: location.address_1,
            city: location.city,
            region: location.district_name ?? undefined,
            state_province: areaName,
            postal_code: location.postcode,
            country: "GB",
            address_type: "physical",
          }),
        ]
      : [],
    accessibility,
  });
}

export function mapServiceAtLocation(location: LocationRow, serviceId: string, areaName: string) {
  return {
    id: location.service_at_location_id,
    service_id: serviceId,
    location_id: location.id,
    location: mapLocation(location, areaName),
  };
}

/** Category and need terms linked to the service (ORUK attributes). */
export function mapAttributes(bundle: Pick<ServiceBundle, "service" | "categories" | "needs">) {
  const linked = [...bundle.categories.map(categoryTerm), ...bundle.needs.map(needTerm)];
  return linked.map((term) => ({
    id: childId(bundle.service.id, `attribute:${term.id}`),
    link_id: bundle.service.id,
    link_type: "service",
    link_entity: "service",
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  }));
}

/** The fully nested service (GET /services/{id}). */
export function mapService(bundle: ServiceBundle, context: MapContext) {
  const { service } = bundle;
  return clean({
    ...mapServiceBasic(bundle, context),
    phones: text(service.phone) ? [{ id: childId(service.id, "phone"), service_id: service.id, number: service.phone.trim() }] : [],
    schedules: bundle.schedules.map((s) =>
      clean({
        id: s.id,
        service_id: service.id,
        freq: text(s.byday) ? "WEEKLY" : undefined,
        interval: text(s.byday) ? 1 : undefined,
        byday: text(s.byday),
        opens_at: orukTime(s.opens_at),
        closes_at: orukTime(s.closes_at),
        description: text(s.description),
      }),
    ),
    service_areas: mapServiceAreas(bundle, context.areaName),
    service_at_locations: bundle.locations.map((l) => mapServiceAtLocation(l, service.id, context.areaName)),
    languages: service.languages.map((code) => ({ id: childId(service.id, `language:${code}`), service_id: service.id, name: languageName(code), code })),
    cost_options: mapCostOptions(service),
    contacts: bundle.contacts.map((c) =>
      clean({
        id: c.id,
        service_id: service.id,
        name: text(c.name),
        title: text(c.title),
        email: asEmail(c.email),
        phones: text(c.phone) ? [{ id: childId(c.id, "phone"), contact_id: c.id, number: c.phone.trim() }] : undefined,
      }),
    ),
    attributes: mapAttributes(bundle),
  });
}

export type OrukService = ReturnType<typeof mapService>;

// ---- Lists kept in memory (taxonomies and their terms are small) ----------------------

export function filterTerms(
  all: TaxonomyTerm[],
  filters: { taxonomyId?: string; parentId?: string; topOnly?: boolean; text?: string },
): TaxonomyTerm[] {
  const words = filters.text?.toLowerCase();
  return all.filter(
    (term) =>
      (!filters.taxonomyId || term.taxonomy_id === filters.taxonomyId) &&
      (!filters.parentId || term.parent_id === filters.parentId) &&
      (!filters.topOnly || term.parent_id === undefined) &&
      (!words || term.name.toLowerCase().includes(words) || term.term.toLowerCase().includes(words)),
  );
}

/** One page of an in-memory list, with the ORUK paging envelope. */
export function slicePage<T>(all: T[], { page, perPage }: { page: number; perPage: number }): Page<T> {
  return pageOf(all.slice((page - 1) * perPage, page * perPage), { total: all.length, page, perPage });
}
