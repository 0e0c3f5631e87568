/**
 * A service's content as rows of words (for summaries), and the difference
 * between two versions field by field (for approving a proposal and for the
 * version history). Pure: the caller passes the names of needs, categories and
 * districts, and a translate function, so slugs and codes never reach the page.
 * Lists compare as sets of items: what was added and what was removed, in words.
 */
import type { ServiceSection } from "./editing-sections";
import { sendTopics, type ContactContent, type LocationContent, type ScheduleContent, type ServiceContent } from "./model";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface Describer {
  /** Keys are in "services-admin"; "local-offer-terms:" keys in that namespace. */
  t: Translate;
  names: { needs: Record<string, string>; categories: Record<string, string>; districts: Record<string, string> };
  /** For language names ("ur" → "Urdu" in English). */
  locale: string;
}

export type ContentRow =
  | { field: string; section: ServiceSection; labelKey: string; kind: "text"; value: string }
  | { field: string; section: ServiceSection; labelKey: string; kind: "list"; items: string[] };

export type DiffRow =
  | { field: string; section: ServiceSection; labelKey: string; kind: "text"; before: string; after: string }
  | { field: string; section: ServiceSection; labelKey: string; kind: "list"; before: string[]; after: string[]; added: string[]; removed: string[] };

const DAY_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

function nameOf(map: Record<string, string>, slug: string): string {
  return map[slug] ?? slug;
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale, "en-GB"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function describeLocation(location: LocationContent, d: Describer): string {
  const address = [location.address1, location.city, location.postcode].filter(Boolean).join(", ");
  const place = location.district ? d.t("summary.inDistrict", { district: nameOf(d.names.districts, location.district) }) : "";
  const features = location.accessibility.map((f) => d.t(`local-offer-terms:accessibility.${f}`));
  return [
    [location.name, address].filter(Boolean).join(": ") + (place ? ` ${place}` : ""),
    features.length ? d.t("summary.accessibility", { features: features.join(", ") }) : "",
    location.accessibilityDescription,
  ]
    .filter(Boolean)
    .join(". ");
}

export function describeContact(contact: ContactContent): string {
  return [contact.name, contact.title, contact.email, contact.phone].filter(Boolean).join(", ");
}

export function describeSchedule(schedule: ScheduleContent, d: Describer): string {
  const days = schedule.byday
    .split(",")
    .filter(Boolean)
    .sort((a, b) => DAY_ORDER.indexOf(a) - DAY_ORDER.indexOf(b))
    .map((day) => d.t(`days.${day}`))
    .join(", ");
  const hours = schedule.opensAt || schedule.closesAt ? d.t("summary.hours", { opens: schedule.opensAt, closes: schedule.closesAt }) : "";
  return [[days, hours].filter(Boolean).join(": "), schedule.description].filter(Boolean).join(". ");
}

/** Every field of the content, in the order of the form's sections, as words. */
export function describeContent(content: ServiceContent, d: Describer): ContentRow[] {
  const text = (section: ServiceSection, field: string, value: string, labelKey = `fields.${field}`): ContentRow => ({ field, section, labelKey, kind: "text", value });
  const items = (section: ServiceSection, field: string, values: string[], labelKey = `fields.${field}`): ContentRow => ({ field, section, labelKey, kind: "list", items: values });
  const yesNo = (value: boolean) => d.t(value ? "summary.yes" : "summary.no");
  const access = [
    content.referralRequired ? "referral" : "",
    content.diagnosisRequired ? "diagnosis" : "",
    content.ehcpRequired ? "ehcp" : "",
  ].filter(Boolean);
  const schedules = content.schedules.filter((s) => s.byday || s.opensAt || s.closesAt);
  const timesDescription = content.schedules.filter((s) => !s.byday && !s.opensAt && !s.closesAt).map((s) => s.description);
  return [
    text("about", "name", content.name),
    text("about", "summary", content.summary),
    text("about", "description", content.description),
    text("who", "ages", d.t("local-offer-terms:ages", { min: content.ageMin, max: content.ageMax })),
    items("who", "phases", content.phases.map((p) => d.t(`local-offer-terms:phases.${p}`))),
    items("who", "needs", content.needs.map((n) => nameOf(d.names.needs, n))),
    text("who", "whoFor", content.whoFor),
    items("access", "access", (access.length ? access : ["open"]).map((a) => d.t(`local-offer-terms:access.${a}`))),
    text("access", "howToAccess", content.howToAccess),
    text("cost", "cost", d.t(`local-offer-terms:cost.${content.cost}`)),
    text("cost", "costDetail", content.costDetail),
    items("where", "area", content.wholeArea ? [d.t("local-offer-terms:wholeArea")] : content.districts.map((s) => nameOf(d.names.districts, s))),
    items("where", "delivery", content.delivery.map((v) => d.t(`local-offer-terms:delivery.${v}`))),
    items("where", "locations", content.locations.map((l) => describeLocation(l, d))),
    text("contact", "email", content.email),
    text("contact", "phone", content.phone),
    text("contact", "website", content.website),
    items("contact", "contacts", content.contacts.map(describeContact)),
    items("times", "schedules", schedules.map((s) => describeSchedule(s, d))),
    text("times", "timesDescription", timesDescription.join("\n")),
    items("languages", "languages", content.languages.map((code) => languageName(code, d.locale))),
    text("send", "isSetting", yesNo(content.isSetting)),
    ...sendTopics.map((topic) => text("send", `send.${topic}`, content.sendInformation[topic] ?? "", `local-offer-terms:sendTopics.${topic}`)),
    items("categories", "categories", content.categories.map((c) => nameOf(d.names.categories, c))),
  ];
}

/** Items in `a` that are not in `b`, each as often as it is missing (two identical contacts count twice). */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

/** The fields that differ between two versions of the content, in form order. Lists in a different order are not a change. */
export function diffContent(before: ServiceContent, after: ServiceContent, d: Describer): DiffRow[] {
  const old = describeContent(before, d);
  const now = describeContent(after, d);
  const rows: DiffRow[] = [];
  now.forEach((row, index) => {
    const was = old[index]!;
    if (row.kind === "text" && was.kind === "text") {
      if (row.value !== was.value) rows.push({ field: row.field, section: row.section, labelKey: row.labelKey, kind: "text", before: was.value, after: row.value });
    } else if (row.kind === "list" && was.kind === "list") {
      const added = minus(row.items, was.items);
      const removed = minus(was.items, row.items);
      if (added.length || removed.length) {
        rows.push({ field: row.field, section: row.section, labelKey: row.labelKey, kind: "list", before: was.items, after: row.items, added, removed });
      }
    }
  });
  return rows;
}
