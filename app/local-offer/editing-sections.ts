/**
 * The service form, one section per page (GOV.UK "one thing per page"): what
 * each section's page posts, how it is checked, and how it changes a
 * ServiceContent. Pure: no database, no React. Messages are i18n keys in the
 * "services-admin" namespace. The same rules run for editors and providers;
 * only where the result is saved differs (see workflow.ts editMode).
 *
 * Repeated rows (locations, contacts, opening times) post as
 * `location-0-name`, `location-1-name`, …: every existing row, plus one blank
 * row for adding another. A blank row is ignored; "remove" drops a row.
 */
import { z } from "zod";
import type { Cost, Delivery } from "../../db/schema";
import type { FormValues } from "../utils/form-data";
import {
  accessibilityFeatures,
  costs,
  deliveries,
  MAX_AGE,
  MIN_AGE,
  phases,
  phasesForAges,
  sendTopics,
  type ContactContent,
  type LocationContent,
  type ScheduleContent,
  type ServiceContent,
} from "./model";

export const serviceSections = ["about", "who", "access", "cost", "where", "contact", "times", "languages", "send", "categories"] as const;
export type ServiceSection = (typeof serviceSections)[number];

export function isServiceSection(value: unknown): value is ServiceSection {
  return typeof value === "string" && (serviceSections as readonly string[]).includes(value);
}

/** The needs, categories and districts a form may offer (slugs are checked against them). */
export interface SectionOptions {
  needs: { slug: string; name: string; broad_area: string }[];
  categories: { slug: string; name: string }[];
  districts: { slug: string; name: string }[];
}

/** Days of the week as RFC 5545 BYDAY codes, Monday first. */
export const weekDays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

/** Languages offered as tick boxes (ISO 639-1); any other two-letter code can be typed. */
export const commonLanguages = ["en", "ur", "pa", "gu", "bn", "pl", "ro", "ar", "so", "ku", "fa", "zh"] as const;

export const accessNeeds = ["referral", "diagnosis", "ehcp"] as const;

export const LIMITS = {
  name: 120,
  summary: 300,
  description: 5000,
  longText: 2000,
  shortText: 200,
  sendTopic: 3000,
  phone: 40,
  email: 320,
  website: 500,
  postcode: 10,
  /** Reasons for rejecting a change or hiding an entry. */
  reason: 1000,
} as const;

// ---- Small readers of posted values ---------------------------------------------

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");

/** Checkbox groups post nothing, one value or many. */
const list = (value: unknown): string[] =>
  (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+() -]{6,40}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE_CODE = /^[a-z]{2}$/;

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname.includes("."));
  } catch {
    return false;
  }
}

/** The row numbers present in a post for a prefix ("location" → 0, 1, 2). */
function rowIndexes(raw: Record<string, unknown>, prefix: string): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${prefix}-(\\d{1,2})-`);
  for (const key of Object.keys(raw)) {
    const match = pattern.exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

type Raw = Record<string, unknown>;
type Issue = (field: string, message: string) => void;

/**
 * A section's schema: takes the raw post, reports issues against field names
 * (so the error summary links to them) and gives the part of the content it changes.
 */
function sectionSchema<T>(read: (raw: Raw, issue: Issue) => T) {
  let result: T | undefined;
  return z
    .record(z.unknown())
    .superRefine((raw, ctx) => {
      result = read(raw, (field, message) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message }));
    })
    .transform(() => result as T);
}

function requiredText(raw: Raw, field: string, max: number, issue: Issue, messages: { required: string; tooLong: string }): string {
  const value = text(raw[field]);
  if (!value) issue(field, messages.required);
  else if (value.length > max) issue(field, messages.tooLong);
  return value;
}

function optionalText(raw: Raw, field: string, max: number, issue: Issue, tooLong = "errors.tooLong"): string {
  const value = text(raw[field]);
  if (value.length > max) issue(field, tooLong);
  return value;
}

function age(raw: Raw, field: string, issue: Issue): number | undefined {
  const value = text(raw[field]);
  if (!value) {
    issue(field, `errors.${field}Required`);
    return undefined;
  }
  if (!/^\d{1,2}$/.test(value) || Number(value) < MIN_AGE || Number(value) > MAX_AGE) {
    issue(field, "errors.ageRange");
    return undefined;
  }
  return Number(value);
}

// ---- The sections -----------------------------------------------------------------

export type SectionPatch = Partial<ServiceContent>;

interface SectionDefinition {
  /** Field names in page order, for ordering the error summary. */
  fields: (options: SectionOptions, values: FormValues) => string[];
  read: (raw: Raw, issue: Issue, options: SectionOptions, current: ServiceContent) => SectionPatch;
  values: (content: ServiceContent) => FormValues;
}

const about: SectionDefinition = {
  fields: () => ["name", "summary", "description"],
  read: (raw, issue) => ({
    name: requiredText(raw, "name", LIMITS.name, issue, { required: "errors.nameRequired", tooLong: "errors.nameTooLong" }),
    summary: requiredText(raw, "summary", LIMITS.summary, issue, { required: "errors.summaryRequired", tooLong: "errors.summaryTooLong" }),
    description: optionalText(raw, "description", LIMITS.description, issue),
  }),
  values: (c) => ({ name: c.name, summary: c.summary, description: c.description }),
};

const who: SectionDefinition = {
  fields: (options) => ["ageMin", "ageMax", "phases", ...needGroupIds(options), "whoFor"],
  read: (raw, issue, options) => {
    const ageMin = age(raw, "ageMin", issue);
    const ageMax = age(raw, "ageMax", issue);
    if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) issue("ageMax", "errors.ageOrder");
    const chosenPhases = list(raw.phases);
    if (!chosenPhases.every((p) => (phases as string[]).includes(p))) issue("phases", "errors.choiceInvalid");
    const needs = list(raw.needs);
    const known = new Set(options.needs.map((n) => n.slug));
    if (!needs.every((n) => known.has(n))) issue(needGroupIds(options)[0] ?? "needs", "errors.choiceInvalid");
    const min = ageMin ?? MIN_AGE;
    const max = ageMax ?? MAX_AGE;
    return {
      ageMin: min,
      ageMax: max,
      // No phase ticked: the phases the ages cover, so the entry is still found by phase.
      phases: chosenPhases.length ? phases.filter((p) => chosenPhases.includes(p)) : phasesForAges(min, max),
      needs: [...new Set(needs)],
      whoFor: optionalText(raw, "whoFor", LIMITS.longText, issue),
    };
  },
  values: (c) => ({ ageMin: String(c.ageMin), ageMax: String(c.ageMax), phases: c.phases, needs: c.needs, whoFor: c.whoFor }),
};

/** The needs are offered in one group of tick boxes per broad area; each group's first box has this id. */
export function needGroupIds(options: SectionOptions): string[] {
  return [...new Set(options.needs.map((n) => n.broad_area))].map((area) => `needs-${area}`);
}

const access: SectionDefinition = {
  fields: () => ["access", "howToAccess"],
  read: (raw, issue) => {
    const chosen = list(raw.access);
    if (!chosen.every((a) => (accessNeeds as readonly string[]).includes(a))) issue("access", "errors.choiceInvalid");
    return {
      referralRequired: chosen.includes("referral"),
      diagnosisRequired: chosen.includes("diagnosis"),
      ehcpRequired: chosen.includes("ehcp"),
      howToAccess: optionalText(raw, "howToAccess", LIMITS.longText, issue),
    };
  },
  values: (c) => ({
    access: [c.referralRequired ? "referral" : "", c.diagnosisRequired ? "diagnosis" : "", c.ehcpRequired ? "ehcp" : ""].filter(Boolean),
    howToAccess: c.howToAccess,
  }),
};

const cost: SectionDefinition = {
  fields: () => ["cost", "costDetail"],
  read: (raw, issue, _options, current) => {
    const value = text(raw.cost);
    const valid = (costs as string[]).includes(value);
    if (!valid) issue("cost", "errors.costRequired");
    const costDetail = optionalText(raw, "costDetail", LIMITS.longText, issue);
    if (valid && value !== "free" && !costDetail) issue("costDetail", "errors.costDetailRequired");
    return { cost: valid ? (value as Cost) : current.cost, costDetail };
  },
  values: (c) => ({ cost: c.cost, costDetail: c.costDetail }),
};

// Locations ------------------------------------------------------------------------

const locationFields = ["name", "address1", "city", "postcode", "district", "accessibility", "accessibilityDescription"] as const;

function readLocations(raw: Raw, issue: Issue, options: SectionOptions, current: LocationContent[]): LocationContent[] {
  const districts = new Set(options.districts.map((d) => d.slug));
  const locations: LocationContent[] = [];
  for (const i of rowIndexes(raw, "location")) {
    const field = (name: string) => `location-${i}-${name}`;
    if (text(raw[field("remove")]) === "yes") continue;
    const filled = locationFields.some((name) => (name === "accessibility" ? list(raw[field(name)]).length > 0 : text(raw[field(name)]) !== ""));
    if (!filled) continue;
    const name = requiredText(raw, field("name"), LIMITS.shortText, issue, { required: "errors.locationNameRequired", tooLong: "errors.tooLong" });
    const address1 = optionalText(raw, field("address1"), LIMITS.shortText, issue);
    const city = optionalText(raw, field("city"), LIMITS.shortText, issue);
    const postcode = text(raw[field("postcode")]).toUpperCase().replace(/\s+/g, " ");
    if (postcode && !/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(postcode)) issue(field("postcode"), "errors.postcodeFormat");
    const district = text(raw[field("district")]);
    if (district && !districts.has(district)) issue(field("district"), "errors.choiceInvalid");
    const features = list(raw[field("accessibility")]);
    if (!features.every((f) => (accessibilityFeatures as readonly string[]).includes(f))) issue(field("accessibility"), "errors.choiceInvalid");
    const before = current[i];
    // Keep the map position of a location whose postcode has not changed.
    const samePlace = before && before.postcode.replace(/\s+/g, "").toUpperCase() === postcode.replace(/\s+/g, "");
    locations.push({
      name,
      address1,
      city,
      postcode,
      district: district || null,
      accessibility: accessibilityFeatures.filter((f) => features.includes(f)),
      accessibilityDescription: optionalText(raw, field("accessibilityDescription"), LIMITS.longText, issue),
      ...(samePlace ? { latitude: before.latitude ?? null, longitude: before.longitude ?? null } : {}),
    });
  }
  return locations;
}

function locationValues(locations: LocationContent[]): FormValues {
  const values: FormValues = {};
  locations.forEach((l, i) => {
    values[`location-${i}-name`] = l.name;
    values[`location-${i}-address1`] = l.address1;
    values[`location-${i}-city`] = l.city;
    values[`location-${i}-postcode`] = l.postcode;
    values[`location-${i}-district`] = l.district ?? "";
    values[`location-${i}-accessibility`] = l.accessibility;
    values[`location-${i}-accessibilityDescription`] = l.accessibilityDescription;
  });
  return values;
}

/** How many rows of a repeated group the values hold (the form adds one blank row after them). */
export function rowCount(values: FormValues, prefix: "location" | "contact" | "schedule"): number {
  const indexes = rowIndexes(values, prefix);
  return indexes.length ? Math.max(...indexes) + 1 : 0;
}

/** The largest number of rows a repeated group may have. */
export const MAX_ROWS = 20;

const where: SectionDefinition = {
  fields: (_options, values) => [
    "area",
    "districts",
    "delivery",
    ...Array.from({ length: rowCount(values, "location") + 1 }, (_, i) => locationFields.map((f) => `location-${i}-${f}`)).flat(),
  ],
  read: (raw, issue, options, current) => {
    const area = text(raw.area);
    if (area !== "whole" && area !== "districts") issue("area", "errors.areaRequired");
    const districts = list(raw.districts);
    const known = new Set(options.districts.map((d) => d.slug));
    if (!districts.every((d) => known.has(d))) issue("districts", "errors.choiceInvalid");
    else if (area === "districts" && districts.length === 0) issue("districts", "errors.districtsRequired");
    const delivery = list(raw.delivery);
    if (!delivery.every((d) => (deliveries as string[]).includes(d))) issue("delivery", "errors.choiceInvalid");
    else if (delivery.length === 0) issue("delivery", "errors.deliveryRequired");
    const locations = readLocations(raw, issue, options, current.locations);
    if (locations.length > MAX_ROWS) issue("location-0-name", "errors.tooManyRows");
    return {
      wholeArea: area === "whole",
      districts: area === "whole" ? [] : options.districts.map((d) => d.slug).filter((d) => districts.includes(d)),
      delivery: deliveries.filter((d) => delivery.includes(d)) as Delivery[],
      locations,
    };
  },
  values: (c) => ({
    area: c.wholeArea ? "whole" : c.districts.length ? "districts" : "",
    districts: c.districts,
    delivery: c.delivery,
    ...locationValues(c.locations),
  }),
};

// Contact ----------------------------------------------------------------------------

const contactFields = ["name", "title", "email", "phone"] as const;

function checkEmail(raw: Raw, field: string, issue: Issue): string {
  const value = text(raw[field]);
  if (value && (value.length > LIMITS.email || !EMAIL.test(value))) issue(field, "errors.emailFormat");
  return value;
}

function checkPhone(raw: Raw, field: string, issue: Issue): string {
  const value = text(raw[field]);
  if (value && !PHONE.test(value)) issue(field, "errors.phoneFormat");
  return value;
}

const contact: SectionDefinition = {
  fields: (_options, values) => [
    "email",
    "phone",
    "website",
    ...Array.from({ length: rowCount(values, "contact") + 1 }, (_, i) => contactFields.map((f) => `contact-${i}-${f}`)).flat(),
  ],
  read: (raw, issue) => {
    const email = checkEmail(raw, "email", issue);
    const phone = checkPhone(raw, "phone", issue);
    const website = text(raw.website);
    if (website && (website.length > LIMITS.website || !isWebAddress(website))) issue("website", "errors.websiteFormat");
    const contacts: ContactContent[] = [];
    for (const i of rowIndexes(raw, "contact")) {
      const field = (name: string) => `contact-${i}-${name}`;
      if (text(raw[field("remove")]) === "yes") continue;
      if (contactFields.every((f) => text(raw[field(f)]) === "")) continue;
      contacts.push({
        name: requiredText(raw, field("name"), LIMITS.shortText, issue, { required: "errors.contactNameRequired", tooLong: "errors.tooLong" }),
        title: optionalText(raw, field("title"), LIMITS.shortText, issue),
        email: checkEmail(raw, field("email"), issue),
        phone: checkPhone(raw, field("phone"), issue),
      });
    }
    if (contacts.length > MAX_ROWS) issue("contact-0-name", "errors.tooManyRows");
    return { email, phone, website, contacts };
  },
  values: (c) => {
    const values: FormValues = { email: c.email, phone: c.phone, website: c.website };
    c.contacts.forEach((contactRow, i) => {
      for (const f of contactFields) values[`contact-${i}-${f}`] = contactRow[f];
    });
    return values;
  },
};

// Opening times ----------------------------------------------------------------------

/** A schedule row with no days and no times is the words-only description of when the service runs. */
function isDescriptionOnly(s: ScheduleContent): boolean {
  return s.byday === "" && s.opensAt === "" && s.closesAt === "";
}

const times: SectionDefinition = {
  fields: (_options, values) => [
    ...Array.from({ length: rowCount(values, "schedule") + 1 }, (_, i) => ["days", "opensAt", "closesAt", "description"].map((f) => `schedule-${i}-${f}`)).flat(),
    "timesDescription",
  ],
  read: (raw, issue) => {
    const schedules: ScheduleContent[] = [];
    for (const i of rowIndexes(raw, "schedule")) {
      const field = (name: string) => `schedule-${i}-${name}`;
      if (text(raw[field("remove")]) === "yes") continue;
      const days = list(raw[field("days")]);
      const opensAt = text(raw[field("opensAt")]);
      const closesAt = text(raw[field("closesAt")]);
      const description = optionalText(raw, field("description"), LIMITS.shortText, issue);
      if (days.length === 0 && !opensAt && !closesAt && !description) continue;
      if (!days.every((d) => (weekDays as readonly string[]).includes(d))) issue(field("days"), "errors.choiceInvalid");
      else if (days.length === 0) issue(field("days"), "errors.daysRequired");
      if (!TIME.test(opensAt)) issue(field("opensAt"), "errors.timeFormat");
      if (!TIME.test(closesAt)) issue(field("closesAt"), "errors.timeFormat");
      else if (TIME.test(opensAt) && closesAt <= opensAt) issue(field("closesAt"), "errors.timeOrder");
      schedules.push({ byday: weekDays.filter((d) => days.includes(d)).join(","), opensAt, closesAt, description });
    }
    if (schedules.length > MAX_ROWS) issue("schedule-0-days", "errors.tooManyRows");
    const timesDescription = optionalText(raw, "timesDescription", LIMITS.longText, issue);
    if (timesDescription) schedules.push({ byday: "", opensAt: "", closesAt: "", description: timesDescription });
    return { schedules };
  },
  values: (c) => {
    const values: FormValues = {};
    c.schedules.filter((s) => !isDescriptionOnly(s)).forEach((s, i) => {
      values[`schedule-${i}-days`] = s.byday ? s.byday.split(",") : [];
      values[`schedule-${i}-opensAt`] = s.opensAt;
      values[`schedule-${i}-closesAt`] = s.closesAt;
      values[`schedule-${i}-description`] = s.description;
    });
    values.timesDescription = c.schedules
      .filter(isDescriptionOnly)
      .map((s) => s.description)
      .join("\n");
    return values;
  },
};

const languages: SectionDefinition = {
  fields: () => ["languages", "otherLanguages"],
  read: (raw, issue) => {
    const ticked = list(raw.languages);
    const typed = text(raw.otherLanguages)
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!ticked.every((code) => LANGUAGE_CODE.test(code))) issue("languages", "errors.choiceInvalid");
    if (!typed.every((code) => LANGUAGE_CODE.test(code))) issue("otherLanguages", "errors.languageCodeFormat");
    const all = [...new Set([...ticked, ...typed])];
    if (all.length === 0) issue("languages", "errors.languagesRequired");
    return { languages: all };
  },
  values: (c) => ({
    languages: c.languages.filter((code) => (commonLanguages as readonly string[]).includes(code)),
    otherLanguages: c.languages.filter((code) => !(commonLanguages as readonly string[]).includes(code)).join(", "),
  }),
};

const send: SectionDefinition = {
  fields: () => ["isSetting", ...sendTopics.map((topic) => `send-${topic}`)],
  read: (raw, issue) => {
    const choice = text(raw.isSetting);
    if (choice !== "yes" && choice !== "no") issue("isSetting", "errors.isSettingRequired");
    const sendInformation: ServiceContent["sendInformation"] = {};
    for (const topic of sendTopics) {
      const value = optionalText(raw, `send-${topic}`, LIMITS.sendTopic, issue);
      if (value) sendInformation[topic] = value;
    }
    // SEND information belongs to schools, colleges and settings only: nothing is kept for other services.
    return { isSetting: choice === "yes", sendInformation: choice === "yes" ? sendInformation : {} };
  },
  values: (c) => ({
    isSetting: c.isSetting ? "yes" : "no",
    ...Object.fromEntries(sendTopics.map((topic) => [`send-${topic}`, c.sendInformation[topic] ?? ""])),
  }),
};

const categories: SectionDefinition = {
  fields: () => ["categories"],
  read: (raw, issue, options) => {
    const chosen = list(raw.categories);
    const known = new Set(options.categories.map((c) => c.slug));
    if (!chosen.every((c) => known.has(c))) issue("categories", "errors.choiceInvalid");
    else if (chosen.length === 0) issue("categories", "errors.categoriesRequired");
    return { categories: options.categories.map((c) => c.slug).filter((slug) => chosen.includes(slug)) };
  },
  values: (c) => ({ categories: c.categories }),
};

const definitions: Record<ServiceSection, SectionDefinition> = { about, who, access, cost, where, contact, times, languages, send, categories };

/** The zod schema for one section's page, for parseForm: it gives the part of the content the page changes. */
export function sectionFormSchema(section: ServiceSection, options: SectionOptions, current: ServiceContent) {
  const definition = definitions[section];
  return sectionSchema((raw, issue) => definition.read(raw, issue, options, current));
}

/** What the section's page shows before anything is typed. */
export function sectionValues(section: ServiceSection, content: ServiceContent): FormValues {
  return definitions[section].values(content);
}

/** Field names in page order: the error summary lists errors in this order. */
export function sectionFields(section: ServiceSection, options: SectionOptions, values: FormValues): string[] {
  return definitions[section].fields(options, values);
}

/** The content with one section's changes applied. */
export function applySection(content: ServiceContent, patch: SectionPatch): ServiceContent {
  return { ...content, ...patch };
}
