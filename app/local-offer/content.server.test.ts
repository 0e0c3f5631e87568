import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService, readServiceContent, UnknownReferenceError, writeServiceContent } from "./content.server";
import { emptyServiceContent, type ServiceContent } from "./model";

describeDb("service content", ({ db }) => {
  let organisationId: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    const org = await db().insertInto("organisation").values({ name: "Content test org" }).returning("id").executeTakeFirstOrThrow();
    organisationId = org.id;
  });

  const content: ServiceContent = {
    ...emptyServiceContent(),
    name: "Burnley Autism Play Group",
    summary: "Play sessions for autistic children.",
    description: "Small, calm groups with a sensory room.",
    ageMin: 4,
    ageMax: 11,
    phases: ["primary"],
    delivery: ["in_person"],
    districts: ["burnley", "pendle"],
    needs: ["autism"],
    categories: ["activities"],
    locations: [
      {
        name: "Padiham Road Centre",
        address1: "1 Padiham Road",
        city: "Burnley",
        postcode: "BB12 0AA",
        district: "burnley",
        accessibility: ["step_free", "quiet_space"],
        accessibilityDescription: "Ramp at the side door.",
      },
    ],
    contacts: [{ name: "Group co-ordinator", title: "Co-ordinator", email: "group@example.org", phone: "01234 567890" }],
    schedules: [{ byday: "SA", opensAt: "10:00", closesAt: "12:00", description: "Saturday mornings in term time" }],
  };

  it("reads back exactly what was written, and finds the service by its need's name", async () => {
    const id = await db().transaction().execute((trx) => createService(trx, { slug: "content-test", organisationId, content }));
    expect(await readServiceContent(db(), id)).toMatchObject({ ...content, locations: [{ ...content.locations[0], latitude: null }] });
    const found = await db()
      .selectFrom("service")
      .select("slug")
      .where("search_vector", "@@", (eb) => eb.fn("websearch_to_tsquery", [eb.val("english"), eb.val("autism")]))
      .execute();
    expect(found.map((r) => r.slug)).toContain("content-test");
  });

  it("replaces related rows on a rewrite and leaves no orphan locations", async () => {
    const id = await db().transaction().execute((trx) => createService(trx, { slug: "content-rewrite", organisationId, content }));
    const changed = { ...content, districts: ["chorley"], needs: ["adhd", "autism"], locations: [] };
    await db().transaction().execute((trx) => writeServiceContent(trx, id, changed));
    const read = await readServiceContent(db(), id);
    expect(read?.districts).toEqual(["chorley"]);
    expect(read?.needs.sort()).toEqual(["adhd", "autism"]);
    expect(read?.locations).toEqual([]);
    const orphans = await db().selectFrom("location").select("id").where("name", "=", "Padiham Road Centre").execute();
    expect(orphans).toHaveLength(1); // only the first test's service still uses one
  });

  it("refuses an unknown need and writes nothing", async () => {
    const attempt = db()
      .transaction()
      .execute((trx) => createService(trx, { slug: "content-bad", organisationId, content: { ...content, needs: ["not-a-need"] } }));
    await expect(attempt).rejects.toBeInstanceOf(UnknownReferenceError);
    expect(await db().selectFrom("service").select("id").where("slug", "=", "content-bad").executeTakeFirst()).toBeUndefined();
  });
});
