import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect, HTTP_ONLY, test } from "./fixtures";

// The same schemas and registry as app/local-offer/oruk/validate.ts, read from disk:
// Playwright's loader cannot import JSON modules the way the app's bundler does.
const schemaDir = join(import.meta.dirname, "../../app/local-offer/oruk/schema");
const BASE = "https://openreferraluk.org/specifications/3.0/schema/";
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json") && f !== "openapi.json")) {
  ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), "utf8")), `${BASE}${file}`);
}
function validateOruk(name: string, data: unknown): string[] {
  const validate = ajv.getSchema(`${BASE}${name}.json`)!;
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * Another directory (or a family's app) reads the local offer as Open Referral UK 3.0.
 * The API is JSON only, so these journeys use Playwright's request client; they run in
 * both projects, which makes no difference to an API.
 */
type Json = Record<string, any>;

test("another directory finds the Burnley autism group through the ORUK API, from any origin", HTTP_ONLY, async ({ request }) => {
  for (const path of ["/api/oruk", "/api/oruk/"]) {
    const details = await request.get(path);
    expect(details.status(), path).toBe(200);
    expect(details.headers()["cache-control"]).toBe("public, max-age=60");
    expect(await details.json()).toMatchObject({ version: "3.0", profile: "https://openreferraluk.org/specifications/3.0" });
  }

  const list = await request.get("/api/oruk/services?text=autism", { headers: { Origin: "https://another-directory.example" } });
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  expect(list.headers()["content-type"]).toMatch(/^application\/json/);
  const body = (await list.json()) as Json;
  expect(validateOruk("service_list", body)).toEqual([]);
  const anchor = (body.contents as Json[]).find((s) => s.name === "Burnley Autism Family Group");
  expect(anchor).toMatchObject({
    status: "active",
    minimum_age: 5,
    maximum_age: 11,
    organization: { name: "Padiham Road Family Centre (demo)" },
    url: expect.stringMatching(/\/local-offer\/services\/burnley-autism-family-group$/),
  });
  expect(anchor!.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const one = await request.get(`/api/oruk/services/${anchor!.id}`);
  expect(one.status()).toBe(200);
  const service = (await one.json()) as Json;
  expect(validateOruk("service", service)).toEqual([]);
  expect((service.service_areas as Json[]).map((a) => a.name)).toEqual(["Burnley"]);
  expect(service.cost_options).toEqual([expect.objectContaining({ option: "Free", amount: 0 })]);
  expect((service.attributes as Json[]).map((a) => a.taxonomy_term.name)).toEqual(expect.arrayContaining(["Autism"]));

  // The link in the feed opens the family-facing page.
  expect((await request.get(service.url as string)).status()).toBe(200);

  const preflight = await request.fetch("/api/oruk/services", {
    method: "OPTIONS",
    headers: { Origin: "https://another-directory.example", "Access-Control-Request-Method": "GET" },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
});

test("a bad or unpublished service id is a 404 in JSON, and bad paging a 400", HTTP_ONLY, async ({ request }) => {
  for (const id of ["not-a-real-id", "00000000-0000-4000-8000-000000000000"]) {
    const response = await request.get(`/api/oruk/services/${id}`);
    expect(response.status(), id).toBe(404);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(await response.json()).toEqual({ error: "Not found", detail: expect.any(String) });
  }
  const drafts = (await (await request.get("/api/oruk/services?text=homework&per_page=200")).json()) as Json;
  expect((drafts.contents as Json[]).map((s) => s.name)).not.toContain("Chorley Draft Homework Club");

  const bad = await request.get("/api/oruk/services?per_page=100000");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "Invalid parameter", detail: expect.stringContaining("per_page") });
});

test("every published demo service is valid ORUK 3.0, fully nested", HTTP_ONLY, async ({ request }) => {
  const first = (await (await request.get("/api/oruk/services?full=true&per_page=200")).json()) as Json;
  expect(first.total_items).toBeGreaterThan(0);
  const pages = [first];
  for (let page = 2; page <= first.total_pages; page++) {
    pages.push((await (await request.get(`/api/oruk/services?full=true&per_page=200&page=${page}`)).json()) as Json);
  }
  for (const page of pages) expect(validateOruk("service_list", page)).toEqual([]);
  // service_list items are checked against the list's own (basic) schema, so check each in full too.
  const errors = pages.flatMap((page) => (page.contents as Json[]).flatMap((s) => validateOruk("service", s).map((e) => `${s.name}: ${e}`)));
  expect(errors).toEqual([]);

  for (const [path, schema] of [
    ["/api/oruk/taxonomies", "taxonomy_list"],
    ["/api/oruk/taxonomy_terms?per_page=200", "taxonomy_term_list"],
    ["/api/oruk/organizations", "organization_list"],
    ["/api/oruk/service_at_locations", "service_at_location_list"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(validateOruk(schema, await response.json()), path).toEqual([]);
  }
});
