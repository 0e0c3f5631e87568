/**
 * schema.org JSON-LD for a service page, so search engines and assistants can
 * read what the service is, who it is for, where, when and what it costs.
 * Pure: the route builds it on the server and writes it in a
 * <script type="application/ld+json">, serialised with `serializeJsonLd`.
 */
import { parseByday, websiteLink, type DayCode } from "./service-page";
// Type only: erased at build time, so this pure module never pulls in server code.
import type { PublicService } from "./service-page.server";

export type JsonLdInput = Pick<
  PublicService,
  | "name"
  | "summary"
  | "description"
  | "ageMin"
  | "ageMax"
  | "cost"
  | "costDetail"
  | "wholeArea"
  | "districts"
  | "languages"
  | "email"
  | "phone"
  | "website"
  | "lastReviewedAt"
  | "organisation"
  | "schedules"
  | "categories"
>;

const schemaDays: Record<DayCode, string> = {
  MO: "https://schema.org/Monday",
  TU: "https://schema.org/Tuesday",
  WE: "https://schema.org/Wednesday",
  TH: "https://schema.org/Thursday",
  FR: "https://schema.org/Friday",
  SA: "https://schema.org/Saturday",
  SU: "https://schema.org/Sunday",
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Drops empty strings, empty arrays and undefined, so the output only says what is known. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

/**
 * A schema.org Service. `url` is the page's absolute address; `areaName` is
 * the local area's name, used when the service covers the whole area.
 */
export function buildServiceJsonLd(service: JsonLdInput, { url, areaName }: { url: string; areaName: string }) {
  const website = websiteLink(service.website)?.href;
  const providerWebsite = websiteLink(service.organisation.website)?.href;
  const areas = service.wholeArea ? (areaName ? [areaName] : []) : service.districts.map((d) => d.name);
  const hours = service.schedules.flatMap((s) => {
    const days = parseByday(s.byday);
    if (days.length === 0 || !TIME.test(s.opensAt) || !TIME.test(s.closesAt)) return [];
    return [
      compact({
        "@type": "OpeningHoursSpecification",
        dayOfWeek: days.map((d) => schemaDays[d]),
        opens: s.opensAt,
        closes: s.closesAt,
        description: s.description,
      }),
    ];
  });
  return compact({
    "@context": "https://schema.org",
    "@type": "Service",
    name: service.name,
    description: service.summary || service.description,
    url,
    serviceType: service.categories.map((c) => c.name),
    provider: compact({
      "@type": "Organization",
      name: service.organisation.name,
      email: service.organisation.email,
      url: providerWebsite,
      telephone: service.organisation.phone,
    }),
    areaServed: areas.map((name) => ({ "@type": "AdministrativeArea", name })),
    audience: { "@type": "PeopleAudience", suggestedMinAge: service.ageMin, suggestedMaxAge: service.ageMax },
    availableChannel: compact({
      "@type": "ServiceChannel",
      serviceUrl: website,
      servicePhone: service.phone ? compact({ "@type": "ContactPoint", telephone: service.phone, email: service.email }) : undefined,
      availableLanguage: service.languages,
    }),
    offers: compact({
      "@type": "Offer",
      // Only "free" has a price we know; a charge is described in words.
      price: service.cost === "free" ? 0 : undefined,
      priceCurrency: "GBP",
      description: service.costDetail,
    }),
    hoursAvailable: hours,
    dateModified: service.lastReviewedAt ? service.lastReviewedAt.toISOString() : undefined,
  });
}

/**
 * JSON for inside a <script> element. The HTML parser ends a script at
 * "</script" and treats "<!--" specially whatever the JSON means, so every
 * <, > and & is written as a \u escape (still the same JSON); U+2028 and
 * U+2029 are escaped too, for older JavaScript parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
