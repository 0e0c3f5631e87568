import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import type { ServiceStatus } from "../../db/schema";
import { seedDemoArea } from "../../db/seed/area";
import { makeContext } from "../../tests/setup/context";
import { describeDb } from "../../tests/setup/database";
import * as route from "../routes/local-offer.services.$slug";
import { createService } from "./content.server";
import { emptyServiceContent, type ServiceContent } from "./model";
import { getPublicService } from "./service-page.server";

describeDb("the public service page", ({ db }) => {
  let organisationId: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    const org = await db()
      .insertInto("organisation")
      .values({ name: "Service page test centre", email: "centre@example.org", website: "https://centre.example.org", phone: "01282 000000" })
      .returning("id")
      .executeTakeFirstOrThrow();
    organisationId = org.id;
  });

  const content: ServiceContent = {
    ...emptyServiceContent(),
    name: "Page Test Autism Group",
    summary: "Play sessions for autistic children.",
    description: "Small, calm groups.\n\nWith a sensory room.",
    whoFor: "Children aged 5 to 11 and their families.",
    howToAccess: "Ring us first.",
    referralRequired: true,
    ageMin: 5,
    ageMax: 11,
    phases: ["primary"],
    delivery: ["in_person", "online"],
    cost: "charge",
    costDetail: "£2 a session",
    districts: ["burnley", "pendle"],
    needs: ["autism", "adhd"],
    categories: ["activities"],
    languages: ["en", "ur"],
    email: "group@example.org",
    phone: "01282 123456",
    website: "https://example.org/group",
    isSetting: true,
    sendInformation: { teaching: "Small groups.", wellbeing: "A calm room." },
    locations: [
      {
        name: "Padiham Road Centre",
        address1: "1 Padiham Road",
        city: "Burnley",
        postcode: "BB12 0AA",
        district: "burnley",
        accessibility: ["step_free", "hearing_loop"],
        accessibilityDescription: "Ramp at the side door.",
      },
    ],
    contacts: [{ name: "Group co-ordinator", title: "Co-ordinator", email: "coord@example.org", phone: "01282 654321" }],
    schedules: [{ byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "Term time" }],
  };

  async function make(slug: string, status: ServiceStatus, extra: { hidden?: boolean; reviewedAt?: Date } = {}) {
    const id = await db()
      .transaction()
      .execute((trx) => createService(trx, { slug, organisationId, content, status }));
    await db()
      .updateTable("service")
      .set({
        hidden_at: extra.hidden ? new Date() : null,
        last_reviewed_at: extra.reviewedAt ?? null,
        // An edit after the review: "Checked on" must not follow it.
        // (sql: db/schema.ts types updated_at as Generated<Timestamp>, which refuses a Date in an update.)
        updated_at: sql`'2026-11-20T12:00:00Z'::timestamptz`,
      })
      .where("id", "=", id)
      .execute();
    return id;
  }

  it("gives a published service with all its parts", async () => {
    const reviewedAt = new Date("2026-10-01T08:00:00Z");
    const id = await make("page-test-published", "published", { reviewedAt });
    const service = await getPublicService(db(), { slug: "page-test-published" });
    expect(service).toMatchObject({
      id,
      slug: "page-test-published",
      name: "Page Test Autism Group",
      summary: "Play sessions for autistic children.",
      description: "Small, calm groups.\n\nWith a sensory room.",
      whoFor: "Children aged 5 to 11 and their families.",
      howToAccess: "Ring us first.",
      referralRequired: true,
      diagnosisRequired: false,
      ehcpRequired: false,
      ageMin: 5,
      ageMax: 11,
      phases: ["primary"],
      delivery: ["in_person", "online"],
      cost: "charge",
      costDetail: "£2 a session",
      wholeArea: false,
      languages: ["en", "ur"],
      email: "group@example.org",
      phone: "01282 123456",
      website: "https://example.org/group",
      isSetting: true,
      sendInformation: { teaching: "Small groups.", wellbeing: "A calm room." },
      organisation: { name: "Service page test centre", email: "centre@example.org", website: "https://centre.example.org", phone: "01282 000000" },
      districts: [
        { slug: "burnley", name: "Burnley" },
        { slug: "pendle", name: "Pendle" },
      ],
      categories: [{ slug: "activities", name: "Activities and clubs" }],
      locations: [
        {
          name: "Padiham Road Centre",
          address1: "1 Padiham Road",
          city: "Burnley",
          postcode: "BB12 0AA",
          district: "Burnley",
          accessibility: ["step_free", "hearing_loop"],
          accessibilityDescription: "Ramp at the side door.",
        },
      ],
      contacts: [{ name: "Group co-ordinator", title: "Co-ordinator", email: "coord@example.org", phone: "01282 654321" }],
      schedules: [{ byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "Term time" }],
    });
    expect(service?.needs.map((n) => n.slug).sort()).toEqual(["adhd", "autism"]);
    expect(service?.needs.find((n) => n.slug === "autism")).toMatchObject({ name: "Autism", broadArea: "communication_interaction" });
    // "Checked on" is the last human review, never the last edit.
    expect(service?.lastReviewedAt?.toISOString()).toBe(reviewedAt.toISOString());
  });

  it("says a service never reviewed has no review date", async () => {
    await make("page-test-unreviewed", "published");
    expect((await getPublicService(db(), { slug: "page-test-unreviewed" }))?.lastReviewedAt).toBeNull();
  });

  it("gives nothing for a draft, one awaiting approval, an archived or a hidden service", async () => {
    await make("page-test-draft", "draft");
    await make("page-test-awaiting", "awaiting_approval");
    await make("page-test-archived", "archived");
    await make("page-test-hidden", "published", { hidden: true, reviewedAt: new Date() });
    for (const slug of ["page-test-draft", "page-test-awaiting", "page-test-archived", "page-test-hidden"]) {
      expect(await getPublicService(db(), { slug }), slug).toBeUndefined();
    }
  });

  it("gives nothing for an unknown slug or an address that is not a slug, without asking the database to fail", async () => {
    for (const slug of ["no-such-service", "", "PAGE-TEST-PUBLISHED", "page-test-published/", "%00", "' or 1=1 --", "x".repeat(5000)]) {
      expect(await getPublicService(db(), { slug }), slug.slice(0, 20)).toBeUndefined();
    }
  });

  async function load(slug: string): Promise<Response> {
    const request = new Request(`http://localhost/local-offer/services/${encodeURIComponent(slug)}`);
    try {
      return (await route.loader({ request, context: makeContext(db()), params: { slug } })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("the page answers 404 with its own title for what families cannot see, and never a 500", async () => {
    // (Returned rather than thrown, so the page keeps its own title and words.)
    for (const slug of ["page-test-draft", "page-test-hidden", "no-such-service", "x".repeat(500), "a/../b", "\u0000"]) {
      const response = await load(slug);
      expect(response.status, slug.slice(0, 20)).toBe(404);
      expect(await response.json()).toEqual({ notFound: true, pageTitle: "We could not find that service" });
    }
  });

  it("the page's JSON-LD names the service, and its title is the service's name", async () => {
    const response = await load("page-test-published");
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.pageTitle).toBe("Page Test Autism Group");
    expect(JSON.parse(data.jsonLd)).toMatchObject({
      "@type": "Service",
      name: "Page Test Autism Group",
      url: "http://localhost/local-offer/services/page-test-published",
      dateModified: "2026-10-01T08:00:00.000Z",
    });
    expect(data.schedules[0].days).toBe("Saturday");
    expect(data.languages).toEqual([
      { code: "en", name: "English" },
      { code: "ur", name: "Urdu" },
    ]);
  });
});
