import { describe, expect, it } from "vitest";
import { broadAreaTermId, childId, needTermId, taxonomyIds } from "./ids";
import {
  allTerms,
  asEmail,
  asUri,
  filterTerms,
  joinDescription,
  mapCostOptions,
  mapService,
  mapServiceBasic,
  orukTime,
  pageOf,
  slicePage,
  taxonomies,
  ukDate,
  type ServiceBundle,
} from "./map";
import { validateOruk } from "./validate";

const serviceId = "0b8e4b0e-6a3c-4d54-9d51-7d0c3f0e6a01";
const organisationId = "5d7f2a9c-1f0b-4a57-8c41-2b9e6f3d7a02";

function bundle(overrides: Partial<ServiceBundle["service"]> = {}): ServiceBundle {
  return {
    service: {
      id: serviceId,
      slug: "burnley-autism-family-group",
      organisation_id: organisationId,
      status: "published",
      name: "Burnley Autism Family Group",
      summary: "A monthly group for families of autistic children.",
      description: "Play, chat and advice from parents who have been there.",
      who_for: "Families of autistic children aged 5 to 11.",
      how_to_access: "Just turn up.",
      age_min: 5,
      age_max: 11,
      cost: "free",
      cost_detail: "",
      whole_area: false,
      languages: ["en", "ur"],
      email: "group@example.org",
      phone: "01282 000000",
      last_reviewed_at: new Date("2026-06-30T23:30:00Z"),
      updated_at: new Date("2026-11-01T10:00:00Z"),
      ...overrides,
    },
    organisation: {
      id: organisationId,
      name: "Padiham Road Family Centre (demo)",
      description: "A family centre.",
      email: "",
      website: "www.example.org",
      phone: "",
    },
    needs: [{ id: 1, slug: "autism", name: "Autism", broad_area: "communication_interaction" }],
    categories: [{ id: "9a1d5c3e-2b4f-4e6a-8c7d-1e2f3a4b5c06", slug: "activities", name: "Activities and clubs", description: "Clubs." }],
    districts: [{ slug: "burnley", name: "Burnley" }],
    locations: [
      {
        service_at_location_id: "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b07",
        id: "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2908",
        name: "Padiham Road Centre",
        address_1: "1 Padiham Road",
        city: "Burnley",
        postcode: "BB12 0AA",
        district_name: "Burnley",
        latitude: 53.79,
        longitude: -2.25,
        accessibility: ["step_free", "hearing_loop"],
        accessibility_description: "Ramp at the side door.",
      },
    ],
    contacts: [{ id: "8f7e6d5c-4b3a-4291-8e7f-6d5c4b3a2909", name: "Group co-ordinator", title: "Co-ordinator", email: "lead@example.org", phone: "01282 111111" }],
    schedules: [{ id: "9e8d7c6b-5a49-4382-9f8e-7d6c5b4a3910", byday: "SA", opens_at: "10:00", closes_at: "12:00", description: "Saturday mornings" }],
  };
}

const context = { origin: "https://portal.example", areaName: "Lancashire" };

describe("mapping a service to ORUK", () => {
  it("makes a full service that the ORUK 3.0 schema accepts, with every part", () => {
    const service = mapService(bundle(), context);
    expect(validateOruk("service", service)).toEqual([]);
    expect(service).toMatchObject({
      id: serviceId,
      organization_id: organisationId,
      name: "Burnley Autism Family Group",
      description: "A monthly group for families of autistic children.\n\nPlay, chat and advice from parents who have been there.",
      url: "https://portal.example/local-offer/services/burnley-autism-family-group",
      status: "active",
      minimum_age: 5,
      maximum_age: 11,
      assured_date: "2026-07-01",
      last_modified: "2026-11-01T10:00:00.000Z",
      organization: { id: organisationId, name: "Padiham Road Family Centre (demo)", website: "https://www.example.org/" },
      phones: [{ number: "01282 000000" }],
      schedules: [{ byday: "SA", freq: "WEEKLY", opens_at: "10:00:00", closes_at: "12:00:00", description: "Saturday mornings" }],
      service_areas: [{ name: "Burnley" }],
      languages: [
        { code: "en", name: "English" },
        { code: "ur", name: "Urdu" },
      ],
      cost_options: [{ option: "Free", amount: 0 }],
      contacts: [{ name: "Group co-ordinator", email: "lead@example.org", phones: [{ number: "01282 111111" }] }],
    });
    const location = service.service_at_locations[0]!.location;
    expect(location.addresses).toEqual([
      expect.objectContaining({ address_1: "1 Padiham Road", city: "Burnley", postal_code: "BB12 0AA", region: "Burnley", state_province: "Lancashire", country: "GB" }),
    ]);
    expect(location.accessibility.map((a) => ("description" in a ? a.description : a.details))).toEqual(["Step-free access", "Hearing loop", "Ramp at the side door."]);
    expect(service.attributes.map((a) => a.taxonomy_term.name)).toEqual(["Activities and clubs", "Autism"]);
    const autism = service.attributes[1]!.taxonomy_term;
    expect(autism).toMatchObject({ id: needTermId("autism"), parent_id: broadAreaTermId("communication_interaction"), taxonomy_id: taxonomyIds.needs });
  });

  it("leaves out what is empty or not valid rather than sending something the schema refuses", () => {
    const b = bundle({ email: "not an email", phone: "", last_reviewed_at: null, who_for: "", summary: "" });
    b.organisation.website = "javascript:alert(1)";
    b.contacts = [{ id: b.contacts[0]!.id, name: "", title: "", email: "", phone: "" }];
    const service = mapService(b, context);
    expect(validateOruk("service", service)).toEqual([]);
    expect(service).not.toHaveProperty("email");
    expect(service).not.toHaveProperty("assured_date");
    expect(service).not.toHaveProperty("eligibility_description");
    expect(service.organization).not.toHaveProperty("website");
    expect(service.phones).toEqual([]);
    expect(service.contacts).toEqual([{ id: b.contacts[0]!.id, service_id: serviceId }]);
    expect(service.description).toBe("Play, chat and advice from parents who have been there.");
  });

  it("says 'the whole area' as one service area named after the area", () => {
    const service = mapService({ ...bundle({ whole_area: true }), districts: [] }, context);
    expect(service.service_areas).toEqual([{ id: childId(serviceId, "area:whole"), service_id: serviceId, name: "Lancashire", service_area: "Lancashire" }]);
  });

  it("maps the three kinds of cost", () => {
    expect(mapCostOptions({ id: serviceId, cost: "free", cost_detail: "" })).toEqual([{ id: childId(serviceId, "cost"), service_id: serviceId, option: "Free", amount: 0 }]);
    expect(mapCostOptions({ id: serviceId, cost: "charge", cost_detail: "£5 a session" })[0]).toMatchObject({ option: "Charge", amount_description: "£5 a session" });
    expect(mapCostOptions({ id: serviceId, cost: "varies", cost_detail: "Ask us" })[0]).toMatchObject({ option: "Varies", amount_description: "Ask us" });
  });

  it("gives the same ids on every call", () => {
    expect(mapService(bundle(), context)).toEqual(mapService(bundle(), context));
  });

  it("makes a list item with only one-to-one fields", () => {
    const item = mapServiceBasic(bundle(), context);
    expect(item).not.toHaveProperty("schedules");
    expect(validateOruk("service_list", pageOf([item], { total: 1, page: 1, perPage: 50 }))).toEqual([]);
  });
});

describe("taxonomies", () => {
  const categories = bundle().categories;
  const needs = [
    { id: 1, slug: "autism", name: "Autism", broad_area: "communication_interaction" as const },
    { id: 2, slug: "adhd", name: "ADHD", broad_area: "semh" as const },
  ];

  it("has two taxonomies, and the needs sit under their broad areas", () => {
    const [categoryTaxonomy, needTaxonomy] = taxonomies(categories, needs, { withTerms: true });
    expect(categoryTaxonomy!.name).toBe("Local offer categories");
    expect(needTaxonomy!.name).toBe("SEND needs");
    expect(validateOruk("taxonomy", needTaxonomy)).toEqual([]);
    const terms = allTerms(categories, needs);
    expect(terms.map((t) => t.name)).toEqual([
      "Activities and clubs",
      "Communication and interaction",
      "Autism",
      "Cognition and learning",
      "Social, emotional and mental health",
      "ADHD",
      "Sensory and/or physical",
    ]);
    expect(filterTerms(terms, { parentId: broadAreaTermId("semh") }).map((t) => t.term)).toEqual(["adhd"]);
    expect(filterTerms(terms, { taxonomyId: taxonomyIds.needs, topOnly: true })).toHaveLength(4);
    expect(filterTerms(terms, { text: "autis" }).map((t) => t.term)).toEqual(["autism"]);
  });

  it("pages an in-memory list with the ORUK envelope", () => {
    const terms = allTerms(categories, needs);
    expect(slicePage(terms, { page: 2, perPage: 3 })).toMatchObject({
      total_items: 7,
      total_pages: 3,
      page_number: 2,
      size: 3,
      first_page: false,
      last_page: false,
      empty: false,
    });
    expect(slicePage(terms, { page: 3, perPage: 3 })).toMatchObject({ size: 1, last_page: true });
    expect(slicePage([], { page: 1, perPage: 3 })).toEqual({
      total_items: 0,
      total_pages: 0,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });
});

describe("small conversions", () => {
  it("keeps only real email addresses and web addresses", () => {
    expect(asEmail(" a@example.org ")).toBe("a@example.org");
    expect(asEmail("a@b")).toBeUndefined();
    expect(asEmail("")).toBeUndefined();
    expect(asUri("example.org/x")).toBe("https://example.org/x");
    expect(asUri("http://example.org")).toBe("http://example.org/");
    expect(asUri("mailto:a@example.org")).toBeUndefined();
    expect(asUri("localhost")).toBeUndefined();
  });

  it("formats times and UK dates", () => {
    expect(orukTime("9:30")).toBe("09:30:00");
    expect(orukTime("17:00")).toBe("17:00:00");
    expect(orukTime("")).toBeUndefined();
    expect(ukDate("2026-03-29T00:30:00Z")).toBe("2026-03-29");
    expect(ukDate("2026-08-31T23:30:00Z")).toBe("2026-09-01");
  });

  it("puts the summary first in the description", () => {
    expect(joinDescription("Short.", "Long.")).toBe("Short.\n\nLong.");
    expect(joinDescription("", "Long.")).toBe("Long.");
    expect(joinDescription("Short.", " ")).toBe("Short.");
  });
});
