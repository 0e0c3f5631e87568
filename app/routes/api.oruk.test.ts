import type { AppLoadContext, LoaderFunction } from "@remix-run/node";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { makeContext } from "../../tests/setup/context";
import { createService } from "~/local-offer/content.server";
import { emptyServiceContent, type ServiceContent } from "~/local-offer/model";
import { broadAreaTermId, needTermId, taxonomyIds } from "~/local-offer/oruk/ids";
import { validateOruk, type OrukSchemaName } from "~/local-offer/oruk/validate";
import * as apiIndex from "./api.oruk._index";
import * as organizationById from "./api.oruk.organizations.$id";
import * as organizations from "./api.oruk.organizations._index";
import * as salById from "./api.oruk.service_at_locations.$id";
import * as serviceAtLocations from "./api.oruk.service_at_locations._index";
import * as serviceById from "./api.oruk.services.$id";
import * as services from "./api.oruk.services._index";
import * as taxonomyById from "./api.oruk.taxonomies.$id";
import * as taxonomies from "./api.oruk.taxonomies._index";
import * as termById from "./api.oruk.taxonomy_terms.$id";
import * as terms from "./api.oruk.taxonomy_terms._index";

type Json = Record<string, any>;

const full: ServiceContent = {
  ...emptyServiceContent(),
  name: "Oruk Test Autism Group",
  summary: "A calm group for autistic children.",
  description: "Sensory room, quiet space and parent chat.",
  whoFor: "Autistic children aged 5 to 11 and their families.",
  howToAccess: "Email to book a place.",
  ageMin: 5,
  ageMax: 11,
  phases: ["primary"],
  delivery: ["in_person"],
  cost: "charge",
  costDetail: "£2 a session",
  districts: ["burnley", "pendle"],
  needs: ["autism", "adhd"],
  categories: ["activities"],
  languages: ["en", "ur", "pl"],
  email: "group@example.org",
  phone: "01282 000000",
  website: "https://example.org/group",
  locations: [
    {
      name: "Oruk Test Centre",
      address1: "1 Padiham Road",
      city: "Burnley",
      postcode: "BB12 0AA",
      district: "burnley",
      accessibility: ["step_free", "quiet_space"],
      accessibilityDescription: "Ramp at the side door.",
      latitude: 53.79,
      longitude: -2.25,
    },
  ],
  contacts: [{ name: "Group co-ordinator", title: "Co-ordinator", email: "lead@example.org", phone: "01282 111111" }],
  schedules: [
    { byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "Saturday mornings in term time" },
    { byday: "", opensAt: "", closesAt: "", description: "Extra sessions in the holidays" },
  ],
};

describeDb("the ORUK API", ({ db }) => {
  let context: AppLoadContext;
  const ids: Record<string, string> = {};
  let organisationId: string;
  let otherOrganisationId: string;
  let hiddenOrganisationId: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    context = makeContext(db(), new Date("2026-11-23T12:00:00Z"));
    await db().transaction().execute(async (trx) => {
      const org = (name: string, extra: Json = {}) =>
        trx.insertInto("organisation").values({ name, ...extra }).returning("id").executeTakeFirstOrThrow().then((r) => r.id);
      organisationId = await org("Oruk Test Family Centre", { description: "A family centre.", email: "hello@example.org", website: "example.org" });
      otherOrganisationId = await org("Oruk Test Sports Trust");
      hiddenOrganisationId = await org("Oruk Test Drafts Only");
      const make = (key: string, content: ServiceContent, organisation: string, status: "published" | "draft" | "awaiting_approval" = "published") =>
        createService(trx, { slug: `oruk-test-${key}`, organisationId: organisation, content, status }).then((id) => (ids[key] = id));
      await make("full", full, organisationId);
      await make("whole", { ...emptyServiceContent(), name: "Oruk Test Swim", summary: "Swimming for all.", wholeArea: true, ageMin: 12, ageMax: 19, categories: ["activities"], needs: ["physical-disability"] }, otherOrganisationId);
      await make("draft", { ...full, name: "Oruk Test Draft Autism" }, hiddenOrganisationId, "draft");
      await make("awaiting", { ...full, name: "Oruk Test Awaiting Autism" }, hiddenOrganisationId, "awaiting_approval");
      await make("hidden", { ...full, name: "Oruk Test Hidden Autism" }, organisationId);
      await trx.updateTable("service").set({ hidden_at: new Date("2026-11-01T00:00:00Z"), hidden_reason: "stale" }).where("id", "=", ids.hidden!).execute();
      // A human review on 30 June (UK time 1 July 00:30); the content was edited later.
      await trx.updateTable("service").set({ last_reviewed_at: new Date("2026-06-30T23:30:00Z") }).where("id", "=", ids.full!).execute();
      await trx.updateTable("service").set({ updated_at: sql`${"2026-01-10T09:00:00Z"}::timestamptz` }).where("id", "=", ids.whole!).execute();
      await trx.updateTable("service").set({ updated_at: sql`${"2026-11-20T09:00:00Z"}::timestamptz` }).where("id", "=", ids.full!).execute();
    });
  });

  async function call(module: { loader: LoaderFunction }, path: string, params: Record<string, string> = {}, method = "GET") {
    const request = new Request(`https://portal.example${path}`, { method, headers: { "Access-Control-Request-Headers": "x-api-key" } });
    const response = (await module.loader({ request, context, params })) as Response;
    return { response, body: response.status === 204 ? null : ((await response.json()) as Json) };
  }

  function expectValid(schema: OrukSchemaName, body: Json | null) {
    expect(validateOruk(schema, body)).toEqual([]);
  }

  const names = (body: Json | null) => (body!.contents as Json[]).map((s) => s.name as string);

  it("describes itself (api_details), open to any origin and cached for a minute", async () => {
    const { response, body } = await call(apiIndex, "/api/oruk");
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expectValid("api_details", body);
    expect(body).toEqual({
      version: "3.0",
      profile: "https://openreferraluk.org/specifications/3.0",
      openapi_url: "https://openreferraluk.org/specifications/3.0/openapi.json",
    });
  });

  it("answers a CORS preflight and refuses writes", async () => {
    const { response } = await call(services, "/api/oruk/services", {}, "OPTIONS");
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    expect(response.headers.get("Access-Control-Allow-Headers")).toBe("x-api-key");
    const refused = await services.action();
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("lists only published services that are not hidden, as a valid service_list page", async () => {
    const { response, body } = await call(services, "/api/oruk/services");
    expect(response.status).toBe(200);
    expectValid("service_list", body);
    expect(names(body)).toEqual(["Oruk Test Autism Group", "Oruk Test Swim"]);
    expect(body).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false });
    const item = (body!.contents as Json[])[0]!;
    expect(item).toMatchObject({ status: "active", minimum_age: 5, maximum_age: 11, organization: { name: "Oruk Test Family Centre" } });
    expect(item).not.toHaveProperty("schedules");
  });

  it("pages, and says when a page is past the end", async () => {
    const first = await call(services, "/api/oruk/services?per_page=1");
    expect(first.body).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false });
    const second = await call(services, "/api/oruk/services?per_page=1&page=2");
    expect(names(second.body)).toEqual(["Oruk Test Swim"]);
    expect(second.body).toMatchObject({ last_page: true, first_page: false });
    const beyond = await call(services, "/api/oruk/services?page=9");
    expectValid("service_list", beyond.body);
    expect(beyond.body).toMatchObject({ total_items: 2, page_number: 9, size: 0, empty: true, contents: [] });
  });

  it("filters by words, taxonomy term (category, need or broad area), taxonomy, organization, ages and date", async () => {
    const filter = async (query: string) => names((await call(services, `/api/oruk/services?${query}`)).body);
    expect(await filter("text=autism")).toEqual(["Oruk Test Autism Group"]);
    expect(await filter("search=swimming")).toEqual(["Oruk Test Swim"]);
    expect(await filter("text=zebra")).toEqual([]);
    // The site's synonyms apply: "ASD" is autism; every word must match.
    expect(await filter("text=ASD")).toEqual(["Oruk Test Autism Group"]);
    expect(await filter("text=autism%20swimming")).toEqual([]);
    expect(await filter("text=the")).toEqual([]);
    expect(await filter(`taxonomy_term_id=${needTermId("autism")}`)).toEqual(["Oruk Test Autism Group"]);
    expect(await filter(`taxonomy_term_id=${broadAreaTermId("sensory_physical")}`)).toEqual(["Oruk Test Swim"]);
    const activities = await db().selectFrom("category").select("id").where("slug", "=", "activities").executeTakeFirstOrThrow();
    expect(await filter(`taxonomy_term_id=${activities.id}`)).toEqual(["Oruk Test Autism Group", "Oruk Test Swim"]);
    expect(await filter(`taxonomy_term_id=${needTermId("vision")}`)).toEqual([]);
    expect(await filter(`taxonomy_id=${taxonomyIds.needs}`)).toEqual(["Oruk Test Autism Group", "Oruk Test Swim"]);
    expect(await filter(`taxonomy_id=${needTermId("autism")}`)).toEqual([]);
    expect(await filter(`organization_id=${otherOrganisationId}`)).toEqual(["Oruk Test Swim"]);
    expect(await filter("minimum_age=10")).toEqual(["Oruk Test Swim"]);
    expect(await filter("maximum_age=11")).toEqual(["Oruk Test Autism Group"]);
    expect(await filter("modified_after=2026-06-01")).toEqual(["Oruk Test Autism Group"]);
    expect(await filter("full=true&text=autism&colour=blue")).toEqual(["Oruk Test Autism Group"]);
  });

  it("refuses bad parameter values with a 400 that says what to send", async () => {
    for (const query of ["page=abc", "per_page=100000", "taxonomy_term_id=autism", "minimum_age=young", "modified_after=last-week", "full=perhaps"]) {
      const { response, body } = await call(services, `/api/oruk/services?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(body).toEqual({ error: "Invalid parameter", detail: expect.stringContaining(query.split("=")[0]!) });
    }
  });

  it("gives one service with every part, valid against the full service schema", async () => {
    const { response, body } = await call(serviceById, `/api/oruk/services/${ids.full}`, { id: ids.full! });
    expect(response.status).toBe(200);
    expectValid("service", body);
    expect(body).toMatchObject({
      id: ids.full,
      name: "Oruk Test Autism Group",
      description: "A calm group for autistic children.\n\nSensory room, quiet space and parent chat.",
      url: "https://portal.example/local-offer/services/oruk-test-full",
      email: "group@example.org",
      status: "active",
      minimum_age: 5,
      maximum_age: 11,
      eligibility_description: "Autistic children aged 5 to 11 and their families.",
      application_process: "Email to book a place.",
      // The human review (1 July in UK time), not the later edit.
      assured_date: "2026-07-01",
      last_modified: "2026-11-20T09:00:00.000Z",
      organization: { id: organisationId, name: "Oruk Test Family Centre", description: "A family centre.", email: "hello@example.org", website: "https://example.org/" },
      phones: [{ number: "01282 000000" }],
      service_areas: [{ name: "Burnley" }, { name: "Pendle" }],
      languages: [
        { code: "en", name: "English" },
        { code: "ur", name: "Urdu" },
        { code: "pl", name: "Polish" },
      ],
      cost_options: [{ option: "Charge", amount_description: "£2 a session" }],
      contacts: [{ name: "Group co-ordinator", title: "Co-ordinator", email: "lead@example.org", phones: [{ number: "01282 111111" }] }],
    });
    // Stored rows have no order of their own; ORUK gives schedules none either.
    const schedules = [...(body!.schedules as Json[])].sort((a, b) => String(a.description).localeCompare(String(b.description)));
    expect(schedules).toEqual([
      expect.objectContaining({ description: "Extra sessions in the holidays" }),
      expect.objectContaining({ byday: "SA", freq: "WEEKLY", opens_at: "10:00:00", closes_at: "12:00:00", description: "Saturday mornings in term time" }),
    ]);
    expect(schedules[0]).not.toHaveProperty("byday");
    const [sal] = body!.service_at_locations as Json[];
    expect(sal).toMatchObject({
      service_id: ids.full,
      location: {
        location_type: "physical",
        name: "Oruk Test Centre",
        latitude: 53.79,
        addresses: [{ address_1: "1 Padiham Road", city: "Burnley", postal_code: "BB12 0AA", region: "Burnley", state_province: "Lancashire", country: "GB" }],
      },
    });
    expect((sal!.location.accessibility as Json[]).map((a) => a.description ?? a.details)).toEqual(["Step-free access", "Quiet space", "Ramp at the side door."]);
    const attributeTerms = (body!.attributes as Json[]).map((a) => a.taxonomy_term);
    expect(attributeTerms.map((t) => [t.name, t.taxonomy])).toEqual([
      ["Activities and clubs", "Local offer categories"],
      ["Autism", "SEND needs"],
      ["ADHD", "SEND needs"],
    ]);
    expect(attributeTerms[1]).toMatchObject({ id: needTermId("autism"), parent_id: broadAreaTermId("communication_interaction") });
  });

  it("shows a whole-area service as one service area named after the area, and leaves out what it lacks", async () => {
    const { body } = await call(serviceById, `/api/oruk/services/${ids.whole}`, { id: ids.whole! });
    expectValid("service", body);
    expect(body!.service_areas).toEqual([expect.objectContaining({ name: "Lancashire" })]);
    expect(body!.cost_options).toEqual([expect.objectContaining({ option: "Free", amount: 0 })]);
    expect(body).not.toHaveProperty("assured_date");
    expect(body!.organization).not.toHaveProperty("website");
  });

  it("gives a 404 JSON for drafts, services awaiting approval, hidden services, unknown and malformed ids", async () => {
    for (const id of [ids.draft!, ids.awaiting!, ids.hidden!, "00000000-0000-4000-8000-000000000000", "not-a-uuid", "1; drop table service"]) {
      const { response, body } = await call(serviceById, `/api/oruk/services/${encodeURIComponent(id)}`, { id });
      expect(response.status, id).toBe(404);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(body).toEqual({ error: "Not found", detail: expect.any(String) });
    }
  });

  it("lists the two taxonomies and their terms, and each by id", async () => {
    const list = await call(taxonomies, "/api/oruk/taxonomies");
    expectValid("taxonomy_list", list.body);
    expect(names(list.body)).toEqual(["Local offer categories", "SEND needs"]);

    const one = await call(taxonomyById, `/api/oruk/taxonomies/${taxonomyIds.needs}`, { id: taxonomyIds.needs });
    expectValid("taxonomy", one.body);
    expect((one.body!.taxonomy_terms as Json[]).slice(0, 2).map((t) => t.name)).toEqual(["Communication and interaction", "Autism"]);
    expect((await call(taxonomyById, "/api/oruk/taxonomies/x", { id: "x" })).response.status).toBe(404);

    const all = await call(terms, "/api/oruk/taxonomy_terms?per_page=200");
    expectValid("taxonomy_term_list", all.body);
    expect(all.body!.total_items).toBe(8 + 4 + 12);
    const needs = await call(terms, `/api/oruk/taxonomy_terms?taxonomy_id=${taxonomyIds.needs}&parent_id=${broadAreaTermId("semh")}`);
    expect(names(needs.body)).toEqual(["ADHD", "Mental health and emotional wellbeing", "Social and emotional needs"]);
    const page = await call(terms, "/api/oruk/taxonomy_terms?per_page=5&page=2");
    expect(page.body).toMatchObject({ size: 5, page_number: 2, total_pages: 5 });
    expect((await call(terms, "/api/oruk/taxonomy_terms?parent_id=semh")).response.status).toBe(400);

    const term = await call(termById, `/api/oruk/taxonomy_terms/${needTermId("autism")}`, { id: needTermId("autism") });
    expectValid("taxonomy_term", term.body);
    expect(term.body).toMatchObject({ name: "Autism", term: "autism", taxonomy_id: taxonomyIds.needs });
    expect((await call(termById, "/api/oruk/taxonomy_terms/nope", { id: "nope" })).response.status).toBe(404);
  });

  it("lists organizations that have a published service, and one with its services", async () => {
    const list = await call(organizations, "/api/oruk/organizations");
    expectValid("organization_list", list.body);
    expect(names(list.body)).toEqual(["Oruk Test Family Centre", "Oruk Test Sports Trust"]);

    const one = await call(organizationById, `/api/oruk/organizations/${organisationId}`, { id: organisationId });
    expectValid("organization", one.body);
    expect(one.body).toMatchObject({ name: "Oruk Test Family Centre", website: "https://example.org/" });
    expect((one.body!.services as Json[]).map((s) => s.name)).toEqual(["Oruk Test Autism Group"]);
    for (const id of [hiddenOrganisationId, "abc"]) {
      expect((await call(organizationById, `/api/oruk/organizations/${id}`, { id })).response.status).toBe(404);
    }
  });

  it("lists where published services are offered, and each by id", async () => {
    const list = await call(serviceAtLocations, "/api/oruk/service_at_locations");
    expectValid("service_at_location_list", list.body);
    expect(list.body).toMatchObject({ total_items: 1, size: 1 });
    const [item] = list.body!.contents as Json[];
    expect(item).toMatchObject({ service_id: ids.full, location: { name: "Oruk Test Centre" }, service: { name: "Oruk Test Autism Group" } });
    expect((await call(serviceAtLocations, "/api/oruk/service_at_locations?text=swimming")).body!.total_items).toBe(0);

    const one = await call(salById, `/api/oruk/service_at_locations/${item!.id}`, { id: item!.id });
    expectValid("service_at_location", one.body);
    expect(one.body).toMatchObject({ id: item!.id, location: { addresses: [{ postal_code: "BB12 0AA" }] }, service: { id: ids.full } });

    const hiddenLink = await db().selectFrom("service_at_location").select("id").where("service_id", "=", ids.hidden!).executeTakeFirstOrThrow();
    for (const id of [hiddenLink.id, "zzz"]) {
      expect((await call(salById, `/api/oruk/service_at_locations/${id}`, { id })).response.status).toBe(404);
    }
  });

  it("counts no unpublished service anywhere", async () => {
    const { count } = await db()
      .selectFrom("service")
      .select(sql<number>`count(*)::int`.as("count"))
      .where("status", "<>", "published")
      .executeTakeFirstOrThrow();
    expect(count).toBe(2);
    const everything = JSON.stringify([
      (await call(services, "/api/oruk/services?full=true")).body,
      (await call(serviceAtLocations, "/api/oruk/service_at_locations")).body,
    ]);
    for (const hidden of ["Draft Autism", "Awaiting Autism", "Hidden Autism", "Drafts Only"]) expect(everything).not.toContain(hidden);
  });
});

describe("route files", () => {
  it("every ORUK route answers preflights and refuses writes", () => {
    for (const module of [apiIndex, services, serviceById, taxonomies, taxonomyById, terms, termById, organizations, organizationById, serviceAtLocations, salById]) {
      expect(typeof module.loader).toBe("function");
      expect(typeof module.action).toBe("function");
    }
  });
});
