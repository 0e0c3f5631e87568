import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../../db/seed/area";
import { describeDb } from "../../../tests/setup/database";
import { createService, readServiceContent } from "../content.server";
import { emptyServiceContent, phasesForAges, type ServiceContent } from "../model";
import { areaName, getOrukService } from "./api.server";
import { mapService } from "./map";
import {
  checkFeed,
  getImportResult,
  ImportRefused,
  planImport,
  readPendingImport,
  runImport,
  savePendingImport,
} from "./import.server";
import { validateOruk } from "./validate";

const fixtures = join(import.meta.dirname, "../../../tests/fixtures/oruk");
const sample = readFileSync(join(fixtures, "sample-feed.json"), "utf8");
const invalid = readFileSync(join(fixtures, "invalid-feed.json"), "utf8");
const origin = "https://portal.example";
const now = new Date("2026-11-23T12:00:00Z");

type Feed = { contents: Record<string, any>[] };

/** A copy of the sample feed with fresh ids and names, so each test imports its own services. */
function freshSample(suffix: string): string {
  const feed = JSON.parse(sample) as Feed;
  const orgIds = new Map<string, string>();
  for (const service of feed.contents) {
    service.id = randomUUID();
    service.name = `${service.name} ${suffix}`;
    const org = service.organization;
    if (!orgIds.has(org.id)) orgIds.set(org.id, randomUUID());
    org.name = `${org.name.replace(" (demo import)", "")} ${suffix}`;
    org.id = orgIds.get(org.id);
    service.organization_id = org.id;
  }
  return JSON.stringify(feed);
}

describeDb("importing an ORUK feed", ({ db }) => {
  let userId: string;
  const by = () => ({ userId, requestId: "req-import", origin, now });

  beforeAll(async () => {
    await seedDemoArea(db());
    const user = await db()
      .insertInto("app_user")
      .values({ email: "oruk-import@test.local", name: "Importer", role: "admin", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    userId = user.id;
  });

  const count = async (table: "service" | "organisation" | "service_review" | "service_proposal" | "location") =>
    Number((await db().selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);

  it("plans the sample feed: four new services, two new organisations, and what it will ignore", async () => {
    const checked = await checkFeed(db(), { text: freshSample("plan"), origin });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const { plan } = checked;
    expect(plan.items.map((i) => [i.name, i.action])).toEqual([
      ["Riverside Sensory Play Sessions plan", "create"],
      ["Riverside Parent Carer Coffee Mornings plan", "create"],
      ["Fylde Speech and Language Drop-in plan", "create"],
      ["Chorley Teen Wheelchair Sports plan", "create"],
    ]);
    expect(plan.newOrganisations).toEqual(["Riverside Play Trust plan", "Coastal Therapies CIC plan"]);
    expect(plan.ignored).toEqual({ terms: ["Sensory processing"], areas: ["Manchester"], languages: [] });
  });

  it("imports the sample feed in one go: awaiting approval, never 'checked', audited with counts", async () => {
    const token = await savePendingImport(db(), { userId, fileName: "sample-feed.json", text: freshSample("one"), now });
    const pending = await readPendingImport(db(), { token, userId, now });
    const before = { services: await count("service"), reviews: await count("service_review") };
    const result = await runImport(db(), { ...by(), text: pending!.text, fileName: "sample-feed.json", token });
    expect(result).toMatchObject({ created: 4, updated: 0, proposed: 0, organisationsCreated: 2 });
    expect(await count("service")).toBe(before.services + 4);
    expect(await count("service_review")).toBe(before.reviews);

    const rows = await db()
      .selectFrom("service")
      .innerJoin("organisation", "organisation.id", "service.organisation_id")
      .select(["service.id", "service.name", "service.slug", "service.status", "service.last_reviewed_at", "organisation.name as org", "organisation.description as org_description"])
      .where("service.id", "in", result.services.map((s) => s.id))
      .orderBy("service.name")
      .execute();
    expect(rows.map((r) => [r.name, r.status, r.last_reviewed_at, r.org])).toEqual([
      ["Chorley Teen Wheelchair Sports one", "awaiting_approval", null, "Coastal Therapies CIC one"],
      ["Fylde Speech and Language Drop-in one", "awaiting_approval", null, "Coastal Therapies CIC one"],
      ["Riverside Parent Carer Coffee Mornings one", "awaiting_approval", null, "Riverside Play Trust one"],
      ["Riverside Sensory Play Sessions one", "awaiting_approval", null, "Riverside Play Trust one"],
    ]);
    expect(rows[3]!.slug).toBe("riverside-sensory-play-sessions-one");
    expect(rows[3]!.org_description).toMatch(/^A small charity/);
    const play = await readServiceContent(db(), rows[3]!.id);
    expect(play).toMatchObject({ districts: ["burnley", "hyndburn"], needs: ["autism"], categories: ["activities"], languages: ["en", "ur"], ageMin: 2, ageMax: 8 });
    expect(play!.locations[0]).toMatchObject({ name: "Riverside Community Rooms", postcode: "BB11 1AA", district: "burnley", accessibility: ["step_free", "sensory_room"] });

    const audit = await db().selectFrom("audit_log").select(["user_id", "details", "request_id"]).where("action", "=", "local-offer.oruk-imported").where("subject_id", "=", token).execute();
    expect(audit).toEqual([
      { user_id: userId, request_id: "req-import", details: expect.objectContaining({ fileName: "sample-feed.json", created: 4, updated: 0, proposed: 0, organisationsCreated: 2 }) },
    ]);
    expect(await readPendingImport(db(), { token, userId, now })).toBeUndefined();
    const shown = await getImportResult(db(), { token });
    expect(shown?.services.map((s) => [s.name, s.status, s.action])).toEqual([
      ["Riverside Sensory Play Sessions one", "awaiting_approval", "create"],
      ["Riverside Parent Carer Coffee Mornings one", "awaiting_approval", "create"],
      ["Fylde Speech and Language Drop-in one", "awaiting_approval", "create"],
      ["Chorley Teen Wheelchair Sports one", "awaiting_approval", "create"],
    ]);
  });

  it("matches again by id or by name and organisation: rewrites entries not yet live, proposes changes to live ones", async () => {
    const text = freshSample("again");
    await runImport(db(), { ...by(), text, fileName: "a.json", token: "0".repeat(32) });
    const feed = JSON.parse(text) as Feed;
    const ids = await db().selectFrom("service").select(["id", "name"]).where("name", "like", "% again").orderBy("name").execute();
    const live = ids.find((s) => s.name.startsWith("Chorley"))!;
    await db().updateTable("service").set({ status: "published", last_reviewed_at: now }).where("id", "=", live.id).execute();

    // Second time: the Chorley service is found by its id in our API, the others by name.
    feed.contents[3]!.id = live.id;
    feed.contents[3]!.description = "Wheelchair basketball, boccia and now table tennis.";
    feed.contents[0]!.id = randomUUID();
    const plan = await planImport(db(), { services: feed.contents, origin });
    expect(plan.items.map((i) => [i.action, i.existing?.matchedBy])).toEqual([
      ["update", "name"],
      ["update", "name"],
      ["update", "name"],
      ["propose", "id"],
    ]);
    expect(plan.newOrganisations).toEqual([]);
    const proposalsBefore = await count("service_proposal");
    const result = await runImport(db(), { ...by(), text: JSON.stringify(feed), fileName: "b.json", token: "1".repeat(32) });
    expect(result).toMatchObject({ created: 0, updated: 3, proposed: 1, organisationsCreated: 0 });
    expect(await count("service_proposal")).toBe(proposalsBefore + 1);
    const liveNow = await db().selectFrom("service").select(["status", "summary", "last_reviewed_at"]).where("id", "=", live.id).executeTakeFirstOrThrow();
    expect(liveNow.status).toBe("published");
    expect(liveNow.summary).toBe("Wheelchair basketball and boccia for young people, with coaches who know SEND.");
    expect(liveNow.last_reviewed_at).toEqual(now);
    const proposal = await db().selectFrom("service_proposal").select(["state", "content", "proposed_by"]).where("service_id", "=", live.id).executeTakeFirstOrThrow();
    expect(proposal).toMatchObject({ state: "pending", proposed_by: userId, content: expect.objectContaining({ summary: "Wheelchair basketball, boccia and now table tennis." }) });
  });

  it("stores nothing from a file that fails the schema", async () => {
    const before = [await count("service"), await count("organisation"), await count("location")];
    const attempt = runImport(db(), { ...by(), text: invalid, fileName: "invalid-feed.json", token: "2".repeat(32) });
    await expect(attempt).rejects.toBeInstanceOf(ImportRefused);
    await attempt.catch((error: ImportRefused) => expect(error.problems.length).toBe(6));
    expect([await count("service"), await count("organisation"), await count("location")]).toEqual(before);
    expect(await getImportResult(db(), { token: "2".repeat(32) })).toBeUndefined();
  });

  it("undoes everything when a write fails part-way", async () => {
    // The database refuses the third service, after two services and an organisation were written.
    await sql`create function oruk_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.name like 'Fylde Speech%midway' then raise exception 'refused for the test'; end if;
        return new;
      end $$`.execute(db());
    await sql`create trigger oruk_test_refuse before insert on service for each row execute function oruk_test_refuse()`.execute(db());
    try {
      const before = [await count("service"), await count("organisation"), await count("location")];
      await expect(runImport(db(), { ...by(), text: freshSample("midway"), fileName: "m.json", token: "3".repeat(32) })).rejects.toThrow(/refused for the test/);
      expect([await count("service"), await count("organisation"), await count("location")]).toEqual(before);
      expect(await db().selectFrom("service").select("id").where("name", "like", "%midway").execute()).toEqual([]);
    } finally {
      await sql`drop trigger oruk_test_refuse on service`.execute(db());
      await sql`drop function oruk_test_refuse()`.execute(db());
    }
  });

  it("round trip: a service exported by the API and imported under a new organisation has the same content", async () => {
    const organisation = await db().insertInto("organisation").values({ name: "Round Trip Original" }).returning("id").executeTakeFirstOrThrow();
    const original: ServiceContent = {
      ...emptyServiceContent(),
      name: "Round Trip Sensory Club",
      summary: "A sensory club on Saturdays.",
      description: "Lights, music and a ball pool.\n\nParents stay with their children.",
      whoFor: "Children aged 4 to 12 with sensory needs.",
      howToAccess: "Phone to book.",
      ageMin: 4,
      ageMax: 12,
      phases: phasesForAges(4, 12),
      delivery: ["in_person"],
      cost: "charge",
      costDetail: "£4 a session",
      districts: ["pendle", "burnley"],
      needs: ["autism", "multi-sensory"],
      categories: ["activities", "social-care"],
      languages: ["en", "pa"],
      email: "club@example.org",
      phone: "01282 999 000",
      locations: [
        {
          name: "Nelson Leisure Centre",
          address1: "1 Leisure Way",
          city: "Nelson",
          postcode: "BB9 7AA",
          district: "pendle",
          accessibility: ["step_free", "changing_places", "parking"],
          accessibilityDescription: "Hoist in the changing room.",
          latitude: 53.83,
          longitude: -2.21,
        },
      ],
      contacts: [{ name: "Club lead", title: "Lead", email: "lead@example.org", phone: "01282 999 001" }],
      schedules: [
        { byday: "SA", opensAt: "09:30", closesAt: "11:00", description: "Saturday mornings" },
        { byday: "MO,WE", opensAt: "16:00", closesAt: "17:00", description: "After school" },
      ],
    };
    const id = await db().transaction().execute((trx) => createService(trx, { slug: "round-trip-sensory-club", organisationId: organisation.id, content: original, status: "published" }));
    const exported = mapService((await getOrukService(db(), id))!, { origin, areaName: await areaName(db()) });
    expect(validateOruk("service", exported)).toEqual([]);

    const copy = JSON.parse(JSON.stringify(exported)) as Record<string, any>;
    copy.id = randomUUID();
    copy.organization.id = randomUUID();
    copy.organization.name = "Round Trip Copy";
    const result = await runImport(db(), { ...by(), text: JSON.stringify(copy), fileName: "round-trip.json", token: "4".repeat(32) });
    expect(result).toMatchObject({ created: 1, organisationsCreated: 1 });
    const imported = await readServiceContent(db(), result.services[0]!.id);
    const bySchedule = (c: ServiceContent) => ({ ...c, schedules: [...c.schedules].sort((a, b) => a.byday.localeCompare(b.byday)), districts: [...c.districts].sort() });
    expect(bySchedule(imported!)).toEqual(bySchedule((await readServiceContent(db(), id))!));
    const copied = await db().selectFrom("service").innerJoin("organisation", "organisation.id", "service.organisation_id").select(["organisation.name", "service.status"]).where("service.id", "=", result.services[0]!.id).executeTakeFirstOrThrow();
    expect(copied).toEqual({ name: "Round Trip Copy", status: "awaiting_approval" });
  });

  it("keeps a checked file for its uploader for an hour only", async () => {
    const token = await savePendingImport(db(), { userId, fileName: "f.json", text: "{}", now });
    expect(await readPendingImport(db(), { token, userId, now })).toEqual({ userId, fileName: "f.json", text: "{}" });
    expect(await readPendingImport(db(), { token, userId: randomUUID(), now })).toBeUndefined();
    expect(await readPendingImport(db(), { token, userId, now: new Date(now.getTime() + 61 * 60 * 1000) })).toBeUndefined();
    expect(await readPendingImport(db(), { token: "%", userId, now })).toBeUndefined();
    // A later upload clears the expired one.
    await savePendingImport(db(), { userId, fileName: "g.json", text: "{}", now: new Date(now.getTime() + 2 * 60 * 60 * 1000) });
    expect(await db().selectFrom("app_setting").select("key").where("key", "like", `%:${token}`).execute()).toEqual([]);
  });
});
