/**
 * Reading an Open Referral UK 3.0 feed file into the local offer's content shape.
 * Pure: no I/O. The server side (import.server.ts) matches organisations and
 * services in the database and writes in one transaction.
 *
 * A file is a service_list page (`{ "contents": [...] }`), an array of services, or
 * one service. Every service is checked against ORUK's service.json (the fully
 * nested schema, so locations, schedules and contacts are checked too) and then for
 * what the local offer itself needs (a name, an organisation, sizes the editor accepts).
 */
import { LIMITS as EDITOR_LIMITS } from "../editing-sections";
import { accessibilityFeatures, emptyServiceContent, MAX_AGE, MIN_AGE, phasesForAges, type ServiceContent } from "../model";
import terms from "../../../public/locales/en-GB/local-offer-terms.json";
import { broadAreaTermId, isUuid, needTermId } from "./ids";
import { languageName } from "./map";
import { validateOruk } from "./validate";

import { MAX_FEED_SERVICES, MAX_PROBLEMS_SHOWN } from "./limits";

/** Imported text must fit what the service editor accepts, or editors could not save it. */
const LIMITS = { ...EDITOR_LIMITS, organisation: 200 };
const SUMMARY_MAX = 300;

type Json = Record<string, unknown>;

export interface FeedProblem {
  /** 1-based position of the service in the file; null for the file as a whole. */
  service: number | null;
  serviceName: string;
  /** JSON Pointer inside that service ("" for the service itself). */
  path: string;
  /** ORUK schema messages are English sentences from the validator. */
  message: string;
  /** Our own checks: an i18n key under "problems." in oruk-import.json, with values. */
  key?: string;
  values?: Record<string, string | number>;
}

export type ParsedFeed = { ok: true; services: Json[] } | { ok: false; problems: FeedProblem[] };

const problem = (service: number | null, serviceName: string, path: string, key: string, values: Record<string, string | number> = {}): FeedProblem => ({
  service,
  serviceName,
  path,
  message: key,
  key,
  values,
});

const str = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
const obj = (value: unknown): Json | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const arr = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => obj(v) !== undefined) : []);
const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** Checks a feed file's text: JSON, ORUK 3.0 services, and what the local offer needs. */
export function parseFeed(text: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, problems: [problem(null, "", "", "notJson", { detail: (error as Error).message })] };
  }
  let services: unknown[];
  let prefix: string;
  if (Array.isArray(data)) {
    services = data;
    prefix = "";
  } else if (obj(data) && Array.isArray((data as Json).contents)) {
    services = (data as Json).contents as unknown[];
    prefix = "/contents";
  } else if (obj(data) && "name" in (data as Json)) {
    services = [data];
    prefix = "";
  } else {
    return { ok: false, problems: [problem(null, "", "", "notAFeed")] };
  }
  if (services.length === 0) return { ok: false, problems: [problem(null, "", prefix, "noServices")] };
  if (services.length > MAX_FEED_SERVICES) {
    return { ok: false, problems: [problem(null, "", prefix, "tooManyServices", { found: services.length, max: MAX_FEED_SERVICES })] };
  }

  const problems: FeedProblem[] = [];
  const seenIds = new Map<string, number>();
  services.forEach((service, index) => {
    const position = index + 1;
    const name = str(obj(service)?.name);
    for (const error of validateOruk("service", service)) {
      problems.push({ service: position, serviceName: name, path: error.path, message: error.message });
    }
    const s = obj(service);
    if (!s) return;
    if (typeof s.name === "string" && !name) problems.push(problem(position, name, "/name", "nameEmpty"));
    if (name.length > LIMITS.name) problems.push(problem(position, name, "/name", "tooLong", { max: LIMITS.name }));
    const organisation = obj(s.organization);
    if (!organisation || !str(organisation.name)) problems.push(problem(position, name, "/organization", "organisationMissing"));
    else if (str(organisation.name).length > LIMITS.organisation) problems.push(problem(position, name, "/organization/name", "tooLong", { max: LIMITS.organisation }));
    if (str(s.description).length > LIMITS.description + SUMMARY_MAX + 2) problems.push(problem(position, name, "/description", "tooLong", { max: LIMITS.description }));
    for (const field of ["eligibility_description", "application_process"] as const) {
      if (str(s[field]).length > LIMITS.longText) problems.push(problem(position, name, `/${field}`, "tooLong", { max: LIMITS.longText }));
    }
    const id = str(s.id).toLowerCase();
    if (id) {
      const earlier = seenIds.get(id);
      if (earlier !== undefined) problems.push(problem(position, name, "/id", "duplicateId", { other: earlier }));
      else seenIds.set(id, position);
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, services: services as Json[] };
}

// ---- One ORUK service → ServiceContent -----------------------------------------------

export interface ImportReferences {
  categories: { id: string; slug: string; name: string }[];
  needs: { slug: string; name: string; broad_area: string }[];
  districts: { slug: string; name: string }[];
  areaName: string;
  /** "https://host" of this portal: a service url pointing at our own pages is not a website. */
  origin: string;
}

export interface FeedOrganisation {
  id: string | undefined;
  name: string;
  description: string;
  email: string;
  website: string;
  phone: string;
}

export interface Ignored {
  terms: string[];
  areas: string[];
  languages: string[];
}

export interface MappedService {
  /** The service's id in the file (lowercase), if it has one. */
  orukId: string | undefined;
  content: ServiceContent;
  organisation: FeedOrganisation;
  ignored: Ignored;
  /** Things changed on the way in, as i18n keys under "notes." with values. */
  notes: { key: string; values?: Record<string, string | number> }[];
  /** ORUK status in the file ("active", "inactive", …). */
  status: string;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase("en-GB") === b.trim().toLocaleLowerCase("en-GB");

/** ORUK has one description: its first paragraph becomes our summary when it is short enough. */
export function splitDescription(text: string): { summary: string; description: string } {
  const trimmed = text.replace(/\r\n/g, "\n").trim();
  if (!trimmed) return { summary: "", description: "" };
  const [first = "", ...rest] = trimmed.split(/\n\s*\n/);
  if (first.length <= SUMMARY_MAX) return { summary: first.trim(), description: rest.join("\n\n").trim() };
  const sentence = /^(.+?[.!?])(\s|$)/s.exec(first)?.[1];
  return { summary: sentence && sentence.length <= SUMMARY_MAX ? sentence.trim() : "", description: trimmed };
}

/** "10:00:00" or "10:00" → "10:00"; anything else → "". */
export function importTime(value: unknown): string {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(str(value));
  if (!match) return "";
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return "";
  return `${String(hours).padStart(2, "0")}:${match[2]}`;
}

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

function importDays(value: unknown): string {
  const days = str(value)
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (days.length === 0 || !days.every((d) => DAYS.includes(d))) return "";
  return DAYS.filter((d) => days.includes(d)).join(",");
}

/** Language codes we can name, for feeds that give a language's name but no code. */
const KNOWN_LANGUAGES = ["en", "ur", "pa", "gu", "bn", "pl", "ro", "ar", "so", "ku", "fa", "zh", "cy", "fr", "de", "es", "it", "pt", "lt", "sk", "cs", "hi", "ta", "tr", "uk", "ru", "bg", "hu", "lv", "sq", "ti", "am", "ps", "yue", "sgn", "bfi"];

function languageCode(item: Json): string | undefined {
  const code = str(item.code).toLowerCase();
  if (/^[a-z]{2}$/.test(code)) return code;
  const name = str(item.name);
  if (!name) return undefined;
  return KNOWN_LANGUAGES.find((c) => /^[a-z]{2}$/.test(c) && same(languageName(c), name));
}

function accessibilityKey(label: string): string | undefined {
  const labels = terms.accessibility as Record<string, string>;
  return accessibilityFeatures.find((key) => same(labels[key] ?? "", label) || same(key, label));
}

function termOf(attribute: Json): { id: string; name: string; term: string } {
  const term = obj(attribute.taxonomy_term) ?? {};
  return { id: str(term.id || attribute.taxonomy_term_id).toLowerCase(), name: str(term.name), term: str(term.term) };
}

function costOf(service: Json): { cost: ServiceContent["cost"]; costDetail: string } {
  const option = arr(service.cost_options)[0];
  if (!option) return { cost: "varies", costDetail: "" };
  const label = str(option.option);
  const amount = num(option.amount);
  const detail = str(option.amount_description);
  if (/free/i.test(label) || (amount === 0 && !/var/i.test(label))) return { cost: "free", costDetail: detail };
  if (/var/i.test(label)) return { cost: "varies", costDetail: detail };
  return { cost: "charge", costDetail: detail || (amount !== undefined ? `£${amount.toFixed(2).replace(/\.00$/, "")}` : "") };
}

function clampAge(value: number | undefined, fallback: number, round: (n: number) => number): number {
  if (value === undefined) return fallback;
  return Math.min(MAX_AGE, Math.max(MIN_AGE, round(value)));
}

function isOwnPage(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === origin && parsed.pathname.startsWith("/local-offer/");
  } catch {
    return false;
  }
}

/** Maps one (already validated) ORUK service onto the local offer's content. */
export function mapFeedService(service: Json, refs: ImportReferences): MappedService {
  const ignored: Ignored = { terms: [], areas: [], languages: [] };
  const notes: MappedService["notes"] = [];
  const content = emptyServiceContent();

  content.name = str(service.name);
  Object.assign(content, splitDescription(str(service.description)));
  content.whoFor = str(service.eligibility_description);
  content.howToAccess = str(service.application_process);

  const minimum = num(service.minimum_age);
  const maximum = num(service.maximum_age);
  let ageMin = clampAge(minimum, MIN_AGE, Math.floor);
  let ageMax = clampAge(maximum, MAX_AGE, Math.ceil);
  if ((minimum !== undefined && minimum !== ageMin) || (maximum !== undefined && maximum !== ageMax)) {
    notes.push({ key: "agesLimited", values: { min: minimum ?? MIN_AGE, max: maximum ?? MAX_AGE } });
  }
  if (ageMin > ageMax) [ageMin, ageMax] = [ageMax, ageMin];
  content.ageMin = ageMin;
  content.ageMax = ageMax;
  content.phases = phasesForAges(ageMin, ageMax);

  Object.assign(content, costOf(service));

  // Service areas: a district by name (or slug), or the whole area by the area's name.
  for (const area of arr(service.service_areas)) {
    const label = str(area.name) || str(area.service_area) || str(area.description);
    if (!label) continue;
    const district = refs.districts.find((d) => same(d.name, label) || same(d.slug, label));
    if (district) {
      if (!content.districts.includes(district.slug)) content.districts.push(district.slug);
    } else if (refs.areaName && same(refs.areaName, label)) {
      content.wholeArea = true;
    } else if (!ignored.areas.includes(label)) {
      ignored.areas.push(label);
    }
  }
  if (content.wholeArea) content.districts = [];

  // Taxonomy terms: ours by id (categories' uuids, needs' derived ids), anyone's by name or code.
  for (const attribute of arr(service.attributes)) {
    const term = termOf(attribute);
    const category = refs.categories.find((c) => c.id.toLowerCase() === term.id || (term.name && same(c.name, term.name)) || (term.term && same(c.slug, term.term)));
    if (category) {
      if (!content.categories.includes(category.slug)) content.categories.push(category.slug);
      continue;
    }
    const need = refs.needs.find((n) => needTermId(n.slug) === term.id || (term.name && same(n.name, term.name)) || (term.term && same(n.slug, term.term)));
    if (need) {
      if (!content.needs.includes(need.slug)) content.needs.push(need.slug);
      continue;
    }
    // A broad area of need says less than the needs under it, which carry it already.
    if (refs.needs.some((n) => broadAreaTermId(n.broad_area) === term.id)) continue;
    const label = term.name || term.term || term.id;
    if (label && !ignored.terms.includes(label)) ignored.terms.push(label);
  }

  const languages: string[] = [];
  for (const language of arr(service.languages)) {
    const code = languageCode(language);
    if (code) {
      if (!languages.includes(code)) languages.push(code);
    } else {
      const label = str(language.name) || str(language.code);
      if (label && !ignored.languages.includes(label)) ignored.languages.push(label);
    }
  }
  content.languages = languages.length ? languages : ["en"];

  content.email = str(service.email).slice(0, LIMITS.email);
  content.phone = str(arr(service.phones)[0]?.number).slice(0, LIMITS.phone);
  const url = str(service.url);
  content.website = url && !isOwnPage(url, refs.origin) ? url.slice(0, LIMITS.website) : "";

  for (const link of arr(service.service_at_locations)) {
    const location = obj(link.location);
    if (!location) continue;
    const addresses = arr(location.addresses);
    const address = addresses.find((a) => a.address_type === "physical") ?? addresses[0] ?? {};
    const districtLabel = [str(address.region), str(address.city)].find((label) => label && refs.districts.some((d) => same(d.name, label)));
    const features: string[] = [];
    const words: string[] = [];
    for (const item of arr(location.accessibility)) {
      const key = accessibilityKey(str(item.description));
      if (key) {
        if (!features.includes(key)) features.push(key);
      } else {
        for (const text of [str(item.description), str(item.details), str(item.accessibility)]) if (text && !words.includes(text)) words.push(text);
      }
    }
    content.locations.push({
      name: (str(location.name) || str(address.address_1) || content.name).slice(0, LIMITS.shortText),
      address1: str(address.address_1).slice(0, LIMITS.shortText),
      city: str(address.city).slice(0, LIMITS.shortText),
      postcode: str(address.postal_code).toUpperCase().slice(0, LIMITS.postcode),
      district: districtLabel ? refs.districts.find((d) => same(d.name, districtLabel))!.slug : null,
      accessibility: features,
      accessibilityDescription: words.join("\n").slice(0, LIMITS.longText),
      latitude: num(location.latitude) ?? null,
      longitude: num(location.longitude) ?? null,
    });
  }
  const types = arr(service.service_at_locations).map((l) => str(obj(l.location)?.location_type));
  if (types.includes("physical")) content.delivery.push("in_person");
  if (types.includes("virtual")) content.delivery.push("online");

  for (const contact of arr(service.contacts)) {
    const entry = {
      name: str(contact.name).slice(0, LIMITS.shortText),
      title: str(contact.title).slice(0, LIMITS.shortText),
      email: str(contact.email).slice(0, LIMITS.email),
      phone: str(arr(contact.phones)[0]?.number).slice(0, LIMITS.phone),
    };
    if (entry.name || entry.title || entry.email || entry.phone) content.contacts.push(entry);
  }

  for (const schedule of arr(service.schedules)) {
    const entry = {
      byday: importDays(schedule.byday),
      opensAt: importTime(schedule.opens_at),
      closesAt: importTime(schedule.closes_at),
      description: (str(schedule.description) || str(schedule.notes)).slice(0, LIMITS.shortText),
    };
    if (str(schedule.byday) && !entry.byday) notes.push({ key: "daysNotUnderstood", values: { value: str(schedule.byday) } });
    if ((str(schedule.opens_at) && !entry.opensAt) || (str(schedule.closes_at) && !entry.closesAt)) {
      notes.push({ key: "timeNotUnderstood", values: { value: `${str(schedule.opens_at)}–${str(schedule.closes_at)}` } });
    }
    if (entry.byday || entry.opensAt || entry.closesAt || entry.description) content.schedules.push(entry);
  }

  const organisation = obj(service.organization) ?? {};
  const status = str(service.status);
  if (status && status !== "active") notes.push({ key: "notActive", values: { status } });
  const orukId = str(service.id).toLowerCase();
  const orgId = str(organisation.id).toLowerCase();
  return {
    orukId: isUuid(orukId) ? orukId : undefined,
    content,
    organisation: {
      id: isUuid(orgId) ? orgId : undefined,
      name: str(organisation.name),
      description: str(organisation.description).slice(0, LIMITS.longText),
      email: str(organisation.email).slice(0, LIMITS.email),
      website: str(organisation.website).slice(0, LIMITS.website),
      phone: str(arr(organisation.phones)[0]?.number).slice(0, LIMITS.phone),
    },
    ignored,
    notes,
    status,
  };
}

/**
 * What an import writes over an existing entry: everything ORUK carries comes from
 * the file; what ORUK cannot carry (access needs, SEND information, whether it is a
 * setting) is kept, and so are delivery, website and phases when the file says nothing
 * new about them.
 */
export function mergeContent(existing: ServiceContent, imported: ServiceContent): ServiceContent {
  const sameAges = existing.ageMin === imported.ageMin && existing.ageMax === imported.ageMax;
  return {
    ...imported,
    referralRequired: existing.referralRequired,
    diagnosisRequired: existing.diagnosisRequired,
    ehcpRequired: existing.ehcpRequired,
    isSetting: existing.isSetting,
    sendInformation: existing.sendInformation,
    delivery: [...new Set([...existing.delivery, ...imported.delivery])],
    website: imported.website || existing.website,
    phases: sameAges && existing.phases.length ? existing.phases : imported.phases,
  };
}

/** The first problems to show, and how many more there are. */
export function shownProblems(problems: FeedProblem[]): { shown: FeedProblem[]; more: number } {
  return { shown: problems.slice(0, MAX_PROBLEMS_SHOWN), more: Math.max(0, problems.length - MAX_PROBLEMS_SHOWN) };
}
