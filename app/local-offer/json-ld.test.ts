import { describe, expect, it } from "vitest";
import { buildServiceJsonLd, serializeJsonLd, type JsonLdInput } from "./json-ld";

const service: JsonLdInput = {
  name: "Burnley Autism Family Group",
  summary: "Saturday play sessions for autistic children and their families.",
  description: "Longer words.",
  ageMin: 5,
  ageMax: 11,
  cost: "free",
  costDetail: "",
  wholeArea: false,
  districts: [
    { slug: "burnley", name: "Burnley" },
    { slug: "pendle", name: "Pendle" },
  ],
  languages: ["en", "ur"],
  email: "group@example.org",
  phone: "01282 123456",
  website: "www.example.org/autism",
  lastReviewedAt: new Date("2026-10-23T09:30:00Z"),
  organisation: { name: "Padiham Road Family Centre (demo)", email: "hello@example.org", website: "https://example.org", phone: "" },
  schedules: [
    { byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "Term time" },
    { byday: "", opensAt: "", closesAt: "", description: "School holidays: ask us" },
  ],
  categories: [{ slug: "activities", name: "Activities and clubs" }],
};

const options = { url: "https://portal.example/local-offer/services/burnley-autism-family-group", areaName: "Lancashire" };

describe("schema.org JSON-LD for a service", () => {
  it("describes the service, its provider, area, audience, channel, cost, hours and last review", () => {
    expect(buildServiceJsonLd(service, options)).toEqual({
      "@context": "https://schema.org",
      "@type": "Service",
      name: "Burnley Autism Family Group",
      description: "Saturday play sessions for autistic children and their families.",
      url: options.url,
      serviceType: ["Activities and clubs"],
      provider: { "@type": "Organization", name: "Padiham Road Family Centre (demo)", email: "hello@example.org", url: "https://example.org/" },
      areaServed: [
        { "@type": "AdministrativeArea", name: "Burnley" },
        { "@type": "AdministrativeArea", name: "Pendle" },
      ],
      audience: { "@type": "PeopleAudience", suggestedMinAge: 5, suggestedMaxAge: 11 },
      availableChannel: {
        "@type": "ServiceChannel",
        serviceUrl: "https://www.example.org/autism",
        servicePhone: { "@type": "ContactPoint", telephone: "01282 123456", email: "group@example.org" },
        availableLanguage: ["en", "ur"],
      },
      offers: { "@type": "Offer", price: 0, priceCurrency: "GBP" },
      hoursAvailable: [
        { "@type": "OpeningHoursSpecification", dayOfWeek: ["https://schema.org/Saturday"], opens: "10:00", closes: "12:00", description: "Term time" },
      ],
      // The last human review, not the last edit.
      dateModified: "2026-10-23T09:30:00.000Z",
    });
  });

  it("names the whole area, gives no price for a charge, and leaves out what is not known", () => {
    const ld = buildServiceJsonLd(
      {
        ...service,
        wholeArea: true,
        cost: "charge",
        costDetail: "£5 a session",
        phone: "",
        website: "javascript:alert(1)",
        lastReviewedAt: null,
        schedules: [],
        categories: [],
        organisation: { name: "Org", email: "", website: "", phone: "" },
      },
      options,
    );
    expect(ld.areaServed).toEqual([{ "@type": "AdministrativeArea", name: "Lancashire" }]);
    expect(ld.offers).toEqual({ "@type": "Offer", priceCurrency: "GBP", description: "£5 a session" });
    expect(ld.availableChannel).toEqual({ "@type": "ServiceChannel", availableLanguage: ["en", "ur"] });
    expect(ld.provider).toEqual({ "@type": "Organization", name: "Org" });
    expect(ld).not.toHaveProperty("dateModified");
    expect(ld).not.toHaveProperty("hoursAvailable");
    expect(ld).not.toHaveProperty("serviceType");
  });

  it("drops opening hours that are not real times", () => {
    const ld = buildServiceJsonLd({ ...service, schedules: [{ byday: "MO", opensAt: "9am", closesAt: "25:00", description: "" }] }, options);
    expect(ld).not.toHaveProperty("hoursAvailable");
  });
});

describe("serialising JSON-LD for a script element", () => {
  const hostile = "</script><script>alert(1)</script> <!-- & \u2028\u2029 -->";

  it("cannot end the script element or open a comment, whatever the text says", () => {
    const text = serializeJsonLd(buildServiceJsonLd({ ...service, name: hostile, summary: hostile }, options));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).not.toContain("<!--");
    expect(text).toContain("\\u003c/script\\u003e");
  });

  it("is still the same JSON", () => {
    const value = { name: hostile, nested: [{ text: "a < b && c > d" }] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });
});
