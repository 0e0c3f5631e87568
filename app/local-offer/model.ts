/**
 * The local offer's vocabulary and the shape of a service's editable content.
 * Pure: no I/O. The content shape is what versions, proposals, the ORUK import
 * and the demo seed all write through `writeServiceContent`.
 */
import type { BroadArea, Cost, Delivery, Phase } from "../../db/schema";

export const broadAreas: BroadArea[] = ["communication_interaction", "cognition_learning", "semh", "sensory_physical"];
export const phases: Phase[] = ["early_years", "primary", "secondary", "post_16", "adult_transition"];
export const deliveries: Delivery[] = ["in_person", "online", "phone", "home_visit"];
export const costs: Cost[] = ["free", "charge", "varies"];

/** The SEND information Schedule 2 para. 5 of the SEND Regulations 2014 asks schools and settings to give. */
export const sendTopics = [
  "teaching",
  "curriculum",
  "extra_support",
  "progress",
  "effectiveness",
  "facilities",
  "activities",
  "wellbeing",
  "staff_expertise",
] as const;
export type SendTopic = (typeof sendTopics)[number];

/** Venue accessibility features a location can list. */
export const accessibilityFeatures = [
  "step_free",
  "accessible_toilet",
  "changing_places",
  "hearing_loop",
  "quiet_space",
  "parking",
  "lift",
  "sensory_room",
] as const;

export const problemKinds = ["wrong_information", "broken_link", "accessibility", "other"] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const MIN_AGE = 0;
export const MAX_AGE = 25;

/** The ages each phase covers, for filters and coverage. */
export const phaseAges: Record<Phase, [number, number]> = {
  early_years: [0, 4],
  primary: [4, 11],
  secondary: [11, 16],
  post_16: [16, 19],
  adult_transition: [19, 25],
};

export interface LocationContent {
  name: string;
  address1: string;
  city: string;
  postcode: string;
  /** District slug, or null when outside the area or unknown. */
  district: string | null;
  accessibility: string[];
  accessibilityDescription: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface ContactContent {
  /** A role, never a private person's name in demo data. */
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface ScheduleContent {
  /** Comma-separated RFC 5545 days: "MO,WE". Empty when described in words only. */
  byday: string;
  /** "09:00" */
  opensAt: string;
  closesAt: string;
  description: string;
}

/** Everything about a service that an editor or provider can change. */
export interface ServiceContent {
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
  /** District slugs (ignored when wholeArea). */
  districts: string[];
  /** Need slugs. */
  needs: string[];
  /** Category slugs. */
  categories: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  email: string;
  phone: string;
  website: string;
  isSetting: boolean;
  sendInformation: Partial<Record<SendTopic, string>>;
  locations: LocationContent[];
  contacts: ContactContent[];
  schedules: ScheduleContent[];
}

export function emptyServiceContent(): ServiceContent {
  return {
    name: "",
    summary: "",
    description: "",
    whoFor: "",
    howToAccess: "",
    referralRequired: false,
    diagnosisRequired: false,
    ehcpRequired: false,
    ageMin: MIN_AGE,
    ageMax: MAX_AGE,
    phases: [],
    delivery: [],
    cost: "free",
    costDetail: "",
    wholeArea: false,
    districts: [],
    needs: [],
    categories: [],
    languages: ["en"],
    email: "",
    phone: "",
    website: "",
    isSetting: false,
    sendInformation: {},
    locations: [],
    contacts: [],
    schedules: [],
  };
}

/**
 * The phases an age range covers. A range that only touches a boundary does not
 * cover the next phase ("5 to 11" is primary, not secondary); a single age
 * belongs to the phase that starts at or before it.
 */
export function phasesForAges(ageMin: number, ageMax: number): Phase[] {
  return phases.filter((phase) => {
    const [from, to] = phaseAges[phase];
    if (ageMin === ageMax) return from <= ageMin && (ageMin < to || (phase === "adult_transition" && ageMin <= to));
    return ageMin < to && ageMax > from;
  });
}

/** A URL slug from a name: "Burnley Autism Group" → "burnley-autism-group". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

/** Review-due date: six months after the last human review, by calendar ("YYYY-MM-DD"). */
export const REVIEW_MONTHS = 6;
/** After this many months without a review an entry escalates to officers. */
export const ESCALATE_MONTHS = 12;

export function addMonths(date: string, months: number): string {
  const [y = 1970, m = 1, d = 1] = date.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Who can see a service: families, search, coverage and the ORUK API only ever
 * see services with status "published" and hidden_at null.
 */
export const PUBLIC_STATUS = "published" as const;
