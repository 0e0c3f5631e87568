import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { broadAreas, costs, deliveries, phases, sendTopics } from "../../app/local-offer/model";
import { DEMO_PROVIDER_ORGANISATION } from "./demo-accounts";
import { demoDistricts } from "./demo-area";
import { seedDemo, seedReferenceData } from "./index";
import { createRandom, monthsBefore, phasesSpanned, planDemoServices } from "./local-offer";

describe("planning the demo local offer", () => {
  it("plans the same services every time", () => {
    const a = planDemoServices();
    const b = planDemoServices();
    expect(a.map((p) => [p.slug, p.status, p.content.districts])).toEqual(b.map((p) => [p.slug, p.status, p.content.districts]));
  });

  it("gives every service a unique slug", () => {
    const slugs = planDemoServices().map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("repeats a seeded random sequence", () => {
    const one = createRandom(7);
    const two = createRandom(7);
    expect([one.next(), one.next(), one.int(1, 6)]).toEqual([two.next(), two.next(), two.int(1, 6)]);
  });

  it("does not count touching a phase's boundary year as spanning it", () => {
    expect(phasesSpanned(5, 11)).toEqual(["primary"]);
    expect(phasesSpanned(0, 4)).toEqual(["early_years"]);
    expect(phasesSpanned(11, 19)).toEqual(["secondary", "post_16"]);
    expect(phasesSpanned(0, 25)).toEqual(phases);
  });

  it("counts review ages in calendar months", () => {
    const now = new Date("2026-03-31T10:00:00Z");
    expect(monthsBefore(now, { months: 1, days: 0 }).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(now, { months: 14, days: 2 }).toISOString()).toBe("2025-01-29T10:00:00.000Z");
  });
});

describeDb("seeding the demo local offer", ({ db }) => {
  const now = new Date();
  const visible = () => db().selectFrom("service").where("status", "=", "published").where("hidden_at", "is", null);
  const service = (slug: string) =>
    db()
      .selectFrom("service")
      .innerJoin("organisation", "organisation.id", "service.organisation_id")
      .selectAll("service")
      .select("organisation.name as organisation")
      .where("service.slug", "=", slug)
      .executeTakeFirstOrThrow();
  const slugsOf = async (table: "service_need" | "service_category" | "service_district", slug: string) => {
    const s = await service(slug);
    if (table === "service_need") {
      return (await db().selectFrom("service_need").innerJoin("need", "need.id", "need_id").select("need.slug").where("service_id", "=", s.id).execute()).map((r) => r.slug);
    }
    if (table === "service_category") {
      return (await db().selectFrom("service_category").innerJoin("category", "category.id", "category_id").select("category.slug").where("service_id", "=", s.id).execute()).map((r) => r.slug);
    }
    return (await db().selectFrom("service_district").innerJoin("district", "district.id", "district_id").select("district.slug").where("service_id", "=", s.id).execute()).map((r) => r.slug);
  };
  const monthsAgo = (date: Date | null) => (date ? (now.getTime() - new Date(date).getTime()) / (30.44 * 86_400_000) : NaN);

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemo(db(), { password: "a-long-demo-password" });
  }, 60_000);

  it("creates at least 200 services from about 30 organisations", async () => {
    const { n } = await db().selectFrom("service").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThanOrEqual(200);
    const orgs = await db().selectFrom("organisation").select("name").execute();
    expect(orgs.length).toBeGreaterThanOrEqual(28);
    expect(orgs.filter((o) => o.name === DEMO_PROVIDER_ORGANISATION)).toHaveLength(1);
  });

  it("uses every district, need, category, cost, phase and delivery mode in published services", async () => {
    const districts = await visible()
      .innerJoin("service_district", "service_district.service_id", "service.id")
      .innerJoin("district", "district.id", "service_district.district_id")
      .select("district.slug")
      .distinct()
      .execute();
    expect(districts.map((d) => d.slug).sort()).toEqual(demoDistricts.map((d) => d.slug).sort());
    const needs = await visible()
      .innerJoin("service_need", "service_need.service_id", "service.id")
      .innerJoin("need", "need.id", "service_need.need_id")
      .select(["need.slug", "need.broad_area"])
      .distinct()
      .execute();
    const allNeeds = await db().selectFrom("need").select("slug").execute();
    expect(needs.map((n) => n.slug).sort()).toEqual(allNeeds.map((n) => n.slug).sort());
    expect(new Set(needs.map((n) => n.broad_area))).toEqual(new Set(broadAreas));
    const categories = await visible()
      .innerJoin("service_category", "service_category.service_id", "service.id")
      .innerJoin("category", "category.id", "service_category.category_id")
      .select("category.slug")
      .distinct()
      .execute();
    expect(categories).toHaveLength(8);
    const rows = await visible().select(["cost", "cost_detail", "phases", "delivery", "whole_area", "is_setting", "age_min", "age_max", "languages"]).execute();
    expect(new Set(rows.map((r) => r.cost))).toEqual(new Set(costs));
    expect(rows.filter((r) => r.cost !== "free").every((r) => r.cost_detail.trim() !== "")).toBe(true);
    expect(new Set(rows.flatMap((r) => r.phases))).toEqual(new Set(phases));
    expect(new Set(rows.flatMap((r) => r.delivery))).toEqual(new Set(deliveries));
    expect(rows.filter((r) => r.whole_area).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.is_setting).length).toBeGreaterThanOrEqual(10);
    expect(Math.min(...rows.map((r) => r.age_min))).toBe(0);
    expect(Math.max(...rows.map((r) => r.age_max))).toBe(25);
    expect(new Set(rows.flatMap((r) => r.languages))).toEqual(new Set(["en", "ur", "pl", "pa", "gu", "bn", "ar"]));
  });

  it("uses role titles, example.org addresses and drama-range phone numbers only", async () => {
    const contacts = await db().selectFrom("service_contact").select(["name", "email", "phone"]).execute();
    expect(contacts.length).toBeGreaterThan(200);
    for (const c of contacts) {
      expect(c.name).not.toMatch(/\b(Mr|Mrs|Ms|Miss|Dr)\.?\s/);
      if (c.email) expect(c.email).toMatch(/@([a-z0-9-]+\.)*example\.org$/);
      if (c.phone) expect(c.phone).toMatch(/^01632 960\d{3}$/);
    }
    const locations = await db().selectFrom("location").select(["postcode", "accessibility"]).execute();
    expect(locations.every((l) => /^(BB|PR|FY|LA|L|WN|OL)\d{1,2} \d[A-Z]{2}$/.test(l.postcode))).toBe(true);
    expect(locations.every((l) => l.accessibility.length > 0)).toBe(true);
  });

  it("has the Burnley autism group as described", async () => {
    const s = await service("burnley-autism-family-group");
    expect(s).toMatchObject({
      name: "Burnley Autism Family Group",
      status: "published",
      hidden_at: null,
      age_min: 5,
      age_max: 11,
      phases: ["primary"],
      cost: "free",
      delivery: ["in_person"],
      whole_area: false,
      organisation: "Padiham Road Family Centre (demo)",
    });
    expect(await slugsOf("service_need", s.slug)).toEqual(["autism"]);
    expect(await slugsOf("service_district", s.slug)).toEqual(["burnley"]);
    expect(await slugsOf("service_category", s.slug)).toEqual(["activities"]);
    expect(monthsAgo(s.last_reviewed_at)).toBeGreaterThan(0.9);
    expect(monthsAgo(s.last_reviewed_at)).toBeLessThan(1.1);
  });

  it("finds two to five published autism services for a 7-year-old in Burnley", async () => {
    const rows = await visible()
      .select("service.slug")
      .where("age_min", "<=", 7)
      .where("age_max", ">=", 7)
      .where((eb) =>
        eb.or([
          eb("whole_area", "=", true),
          eb.exists(
            eb
              .selectFrom("service_district")
              .innerJoin("district", "district.id", "service_district.district_id")
              .whereRef("service_district.service_id", "=", "service.id")
              .where("district.slug", "=", "burnley"),
          ),
        ]),
      )
      .where((eb) =>
        eb.or([
          eb(sql`search_vector`, "@@", sql`to_tsquery('english', 'autism | autistic | asd | asc')`),
          eb.exists(
            eb
              .selectFrom("service_need")
              .innerJoin("need", "need.id", "service_need.need_id")
              .whereRef("service_need.service_id", "=", "service.id")
              .where("need.slug", "=", "autism"),
          ),
        ]),
      )
      .execute();
    expect(rows.map((r) => r.slug)).toContain("burnley-autism-family-group");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(5);
  });

  it("has the Little Steps nursery setting, owned by the demo provider", async () => {
    const s = await service("little-steps-nursery-send-support");
    expect(s).toMatchObject({
      name: "Little Steps Nursery SEND Support",
      status: "published",
      organisation: DEMO_PROVIDER_ORGANISATION,
      is_setting: true,
      age_min: 0,
      age_max: 4,
      phases: ["early_years"],
      cost: "charge",
    });
    expect(s.cost_detail).not.toBe("");
    for (const topic of sendTopics) expect(s.send_information[topic]?.length, topic).toBeGreaterThan(20);
    expect(await slugsOf("service_district", s.slug)).toEqual(["chorley"]);
    expect(await slugsOf("service_need", s.slug)).toEqual(["speech-language-communication"]);
    expect(await slugsOf("service_category", s.slug)).toEqual(["early-years"]);
    const locations = await db().selectFrom("service_at_location").innerJoin("location", "location.id", "location_id").select("accessibility").where("service_id", "=", s.id).execute();
    expect(locations).toHaveLength(1);
    expect(locations[0]!.accessibility.length).toBeGreaterThan(0);
    expect(await db().selectFrom("service_contact").select("id").where("service_id", "=", s.id).execute()).toHaveLength(1);
    expect(await db().selectFrom("service_schedule").select("id").where("service_id", "=", s.id).execute()).toHaveLength(1);
    expect(monthsAgo(s.last_reviewed_at)).toBeGreaterThan(1.9);
    expect(monthsAgo(s.last_reviewed_at)).toBeLessThan(2.1);
  });

  it("has the overdue, escalated, draft and awaiting anchors", async () => {
    const holiday = await service("little-steps-holiday-club");
    expect(holiday).toMatchObject({ name: "Little Steps Holiday Club", status: "published", organisation: DEMO_PROVIDER_ORGANISATION });
    expect(Math.round(monthsAgo(holiday.last_reviewed_at))).toBe(7);
    const swim = await service("pendle-sensory-swim");
    expect(swim).toMatchObject({ name: "Pendle Sensory Swim Sessions", status: "published" });
    expect(Math.round(monthsAgo(swim.last_reviewed_at))).toBe(8);
    const youth = await service("fylde-coast-inclusive-youth-club");
    expect(youth).toMatchObject({ name: "Fylde Coast Inclusive Youth Club", status: "published" });
    expect(Math.round(monthsAgo(youth.last_reviewed_at))).toBe(14);
    expect(await service("chorley-draft-homework-club")).toMatchObject({ name: "Chorley Draft Homework Club", status: "draft" });
    expect(await service("preston-parent-peer-support")).toMatchObject({ name: "Preston Parent Peer Support", status: "awaiting_approval" });
  });

  it("leaves Ribble Valley without published sensory and physical help after 16", async () => {
    const filling = await visible()
      .select("service.slug")
      .where((eb) => eb(sql.lit("post_16"), "=", eb.fn.any("phases")))
      .where((eb) =>
        eb.or([
          eb("whole_area", "=", true),
          eb.exists(
            eb
              .selectFrom("service_district")
              .innerJoin("district", "district.id", "service_district.district_id")
              .whereRef("service_district.service_id", "=", "service.id")
              .where("district.slug", "=", "ribble-valley"),
          ),
        ]),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("service_need")
            .innerJoin("need", "need.id", "service_need.need_id")
            .whereRef("service_need.service_id", "=", "service.id")
            .where("need.broad_area", "=", "sensory_physical"),
        ),
      )
      .execute();
    expect(filling).toEqual([]);
    // …while the same need and phase is served elsewhere, so it really is a local gap.
    const elsewhere = await visible()
      .select("service.slug")
      .where((eb) => eb(sql.lit("post_16"), "=", eb.fn.any("phases")))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("service_need")
            .innerJoin("need", "need.id", "service_need.need_id")
            .whereRef("service_need.service_id", "=", "service.id")
            .where("need.broad_area", "=", "sensory_physical"),
        ),
      )
      .execute();
    expect(elsewhere.length).toBeGreaterThan(5);
  });

  it("has nothing published about zebras", async () => {
    const hits = await visible()
      .select("slug")
      .where((eb) =>
        eb.or([
          eb(sql`search_vector`, "@@", sql`plainto_tsquery('english', 'zebra')`),
          eb("name", "ilike", "%zebra%"),
          eb("description", "ilike", "%zebra%"),
          eb("summary", "ilike", "%zebra%"),
        ]),
      )
      .execute();
    expect(hits).toEqual([]);
  });

  it("mixes statuses and review ages", async () => {
    const byStatus = await db().selectFrom("service").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
    const count = (status: string) => Number(byStatus.find((s) => s.status === status)?.n ?? 0);
    expect(count("draft")).toBe(11);
    expect(count("awaiting_approval")).toBe(8);
    expect(count("archived")).toBe(5);
    const published = await visible().select(["id", "last_reviewed_at", "review_due_on", "published_at"]).execute();
    expect(published.every((s) => s.last_reviewed_at && s.review_due_on && s.published_at)).toBe(true);
    const today = now.toISOString().slice(0, 10);
    const escalated = published.filter((s) => monthsAgo(s.last_reviewed_at) >= 12);
    const overdue = published.filter((s) => s.review_due_on! < today && monthsAgo(s.last_reviewed_at) < 12);
    expect(escalated).toHaveLength(6);
    expect(overdue).toHaveLength(15);
    const recent = published.filter((s) => monthsAgo(s.last_reviewed_at) <= 5);
    expect(recent.length).toBe(published.length - 21);
    const reviews = await db().selectFrom("service_review").select(["service_id", "kind"]).execute();
    expect(reviews).toHaveLength(published.length);
    expect(reviews.every((r) => r.kind === "editor_review")).toBe(true);
    const versions = await db().selectFrom("service_version").select(["version", "status"]).execute();
    expect(versions).toHaveLength(published.length);
    expect(versions.every((v) => v.version === 1 && v.status === "published")).toBe(true);
  });
});
