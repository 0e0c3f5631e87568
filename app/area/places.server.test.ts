import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { uniqueViolation } from "./changes.server";
import {
  createDistrict,
  createHealthArea,
  deleteDistrict,
  deleteHealthArea,
  getDistrict,
  getHealthArea,
  listDistricts,
  listHealthAreas,
  updateDistrict,
  updateHealthArea,
} from "./places.server";

describeDb("districts and health areas", ({ db }) => {
  let by: { userId: string; requestId: string };

  beforeAll(async () => {
    await seedDemoArea(db());
    const user = await db()
      .insertInto("app_user")
      .values({ email: "places-admin@test.local", name: "Places admin", role: "admin", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "req-places" };
  });

  async function auditFor(subjectType: string, subjectId: number | string) {
    return db()
      .selectFrom("audit_log")
      .select(["action", "user_id", "details", "request_id"])
      .where("subject_type", "=", subjectType)
      .where("subject_id", "=", String(subjectId))
      .orderBy("id")
      .execute();
  }

  async function healthAreaId(slug: string): Promise<number> {
    return (await db().selectFrom("health_area").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  }

  it("lists the demo health areas with how many districts each has, and the districts with their health area", async () => {
    const healthAreas = await listHealthAreas(db());
    expect(healthAreas).toHaveLength(6);
    expect(healthAreas.find((h) => h.slug === "east-lancashire")).toMatchObject({ name: "East Lancashire", district_count: 5 });
    expect(healthAreas.every((h) => typeof h.district_count === "number")).toBe(true);

    const districts = await listDistricts(db());
    expect(districts).toHaveLength(12);
    expect(districts[0]).toMatchObject({ name: "Burnley", slug: "burnley", health_area_name: "East Lancashire" });
  });

  it("finds nothing for ids that are not ids", async () => {
    for (const id of ["999999", "0", "-1", "abc", "1.5", "99999999999", ""]) {
      expect(await getDistrict(db(), id)).toBeUndefined();
      expect(await getHealthArea(db(), id)).toBeUndefined();
    }
  });

  it("adds a health area, records it, and refuses a second with the same slug", async () => {
    const result = await createHealthArea(db(), { healthArea: { name: "North Lancashire", slug: "north-lancashire" }, by });
    if (!result.ok) throw new Error("expected the health area to be added");
    expect(await getHealthArea(db(), result.id)).toMatchObject({ name: "North Lancashire", slug: "north-lancashire", districts: [] });
    expect(await auditFor("health_area", result.id)).toEqual([
      { action: "health-area.created", user_id: by.userId, details: { name: "North Lancashire", slug: "north-lancashire" }, request_id: "req-places" },
    ]);

    const again = await createHealthArea(db(), { healthArea: { name: "Another", slug: "north-lancashire" }, by });
    expect(again).toEqual({ ok: false, reason: "invalid", errors: { slug: "healthArea.errors.slugTaken" } });
    expect(await db().selectFrom("health_area").select("id").where("name", "=", "Another").execute()).toEqual([]);
  });

  it("adds a district at the end of the list, in its health area, and records it", async () => {
    const eastLancs = await healthAreaId("east-lancashire");
    const result = await createDistrict(db(), { district: { name: "Blackburn", slug: "blackburn", healthAreaId: eastLancs }, by });
    if (!result.ok) throw new Error("expected the district to be added");
    const row = await db().selectFrom("district").selectAll().where("id", "=", result.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Blackburn", slug: "blackburn", health_area_id: eastLancs, sort_order: 13 });
    expect(await auditFor("district", result.id)).toMatchObject([
      { action: "district.created", details: { name: "Blackburn", slug: "blackburn", healthArea: "East Lancashire" } },
    ]);
    expect((await listDistricts(db())).map((d) => d.name)).toContain("Blackburn");
  });

  it("refuses a district with a slug already used, or a health area that is not there", async () => {
    const eastLancs = await healthAreaId("east-lancashire");
    expect(await createDistrict(db(), { district: { name: "Burnley again", slug: "burnley", healthAreaId: eastLancs }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { slug: "district.errors.slugTaken" },
    });
    expect(await createDistrict(db(), { district: { name: "Nowhere", slug: "nowhere", healthAreaId: 999999 }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { healthArea: "district.errors.healthAreaRequired" },
    });
    expect(await db().selectFrom("district").select("id").where("slug", "in", ["nowhere"]).execute()).toEqual([]);
  });

  it("adds a district in no health area", async () => {
    const result = await createDistrict(db(), { district: { name: "Unplaced", slug: "unplaced", healthAreaId: null }, by });
    if (!result.ok) throw new Error("expected the district to be added");
    expect(await getDistrict(db(), result.id)).toMatchObject({ health_area_id: null, health_area_name: null });
  });

  it("changes a district, recording what changed from and to; saving it unchanged records nothing", async () => {
    const created = await createDistrict(db(), { district: { name: "Darwen", slug: "darwen", healthAreaId: await healthAreaId("east-lancashire") }, by });
    if (!created.ok) throw new Error("expected the district to be added");
    const west = await healthAreaId("west-lancashire");
    const result = await updateDistrict(db(), { id: created.id, district: { name: "Darwen Town", slug: "darwen", healthAreaId: west }, by });
    expect(result).toEqual({
      ok: true,
      changes: { name: { from: "Darwen", to: "Darwen Town" }, healthArea: { from: "East Lancashire", to: "West Lancashire" } },
    });
    expect(await getDistrict(db(), created.id)).toMatchObject({ name: "Darwen Town", slug: "darwen", health_area_id: west });

    const same = await updateDistrict(db(), { id: created.id, district: { name: "Darwen Town", slug: "darwen", healthAreaId: west }, by });
    expect(same).toEqual({ ok: true, changes: {} });
    const audit = await auditFor("district", created.id);
    expect(audit.map((a) => a.action)).toEqual(["district.created", "district.updated"]);
    expect(audit[1]!.details).toEqual({
      name: { from: "Darwen", to: "Darwen Town" },
      healthArea: { from: "East Lancashire", to: "West Lancashire" },
    });
  });

  it("refuses to give a district another district's slug, and says when the district is not there", async () => {
    const created = await createDistrict(db(), { district: { name: "Clitheroe", slug: "clitheroe", healthAreaId: null }, by });
    if (!created.ok) throw new Error("expected the district to be added");
    expect(await updateDistrict(db(), { id: created.id, district: { name: "Clitheroe", slug: "pendle", healthAreaId: null }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { slug: "district.errors.slugTaken" },
    });
    expect(await updateDistrict(db(), { id: 999999, district: { name: "X", slug: "x", healthAreaId: null }, by })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect((await getDistrict(db(), created.id))?.slug).toBe("clitheroe");
  });

  it("changes a health area's name and slug, refusing a slug another health area has", async () => {
    const created = await createHealthArea(db(), { healthArea: { name: "Bay Health", slug: "bay-health" }, by });
    if (!created.ok) throw new Error("expected the health area to be added");
    expect(await updateHealthArea(db(), { id: created.id, healthArea: { name: "Bay Health", slug: "morecambe-bay" }, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { slug: "healthArea.errors.slugTaken" },
    });
    const result = await updateHealthArea(db(), { id: created.id, healthArea: { name: "Bay", slug: "bay" }, by });
    expect(result).toEqual({ ok: true, changes: { name: { from: "Bay Health", to: "Bay" }, slug: { from: "bay-health", to: "bay" } } });
    expect(await updateHealthArea(db(), { id: 999999, healthArea: { name: "Bay", slug: "bay" }, by })).toEqual({ ok: false, reason: "not-found" });
    expect((await auditFor("health_area", created.id)).map((a) => a.action)).toEqual(["health-area.created", "health-area.updated"]);
  });

  it("deletes a health area only once no district is in it", async () => {
    const created = await createHealthArea(db(), { healthArea: { name: "Short-lived", slug: "short-lived" }, by });
    if (!created.ok) throw new Error("expected the health area to be added");
    const district = await createDistrict(db(), { district: { name: "Inside", slug: "inside", healthAreaId: created.id }, by });
    if (!district.ok) throw new Error("expected the district to be added");

    expect(await deleteHealthArea(db(), { id: created.id, by })).toEqual({
      ok: false,
      reason: "invalid",
      errors: { delete: "healthArea.errors.hasDistricts" },
    });
    expect((await getHealthArea(db(), created.id))?.districts).toEqual([{ id: district.id, name: "Inside" }]);
    expect((await getDistrict(db(), district.id))?.health_area_id).toBe(created.id);

    expect(await deleteDistrict(db(), { id: district.id, by })).toEqual({ ok: true, name: "Inside" });
    expect(await getDistrict(db(), district.id)).toBeUndefined();
    expect(await deleteHealthArea(db(), { id: created.id, by })).toEqual({ ok: true, name: "Short-lived" });
    expect(await getHealthArea(db(), created.id)).toBeUndefined();
    expect(await deleteHealthArea(db(), { id: created.id, by })).toEqual({ ok: false, reason: "not-found" });
    expect(await deleteDistrict(db(), { id: district.id, by })).toEqual({ ok: false, reason: "not-found" });

    expect((await auditFor("health_area", created.id)).map((a) => [a.action, a.details])).toEqual([
      ["health-area.created", { name: "Short-lived", slug: "short-lived" }],
      ["health-area.deleted", { name: "Short-lived", slug: "short-lived" }],
    ]);
    expect((await auditFor("district", district.id)).map((a) => a.action)).toEqual(["district.created", "district.deleted"]);
  });

  it("recognises the database's own refusal of a duplicate slug", async () => {
    let caught: unknown;
    try {
      await db().insertInto("district").values({ name: "Copy", slug: "burnley" }).execute();
    } catch (error) {
      caught = error;
    }
    expect(uniqueViolation(caught)).toBe("district_slug_key");
    expect(uniqueViolation(new Error("something else"))).toBeUndefined();
  });

  it("gives one of two people adding the same slug at once a message, not an error, and records one change", async () => {
    const add = (name: string) => createDistrict(db(), { district: { name, slug: "same-time", healthAreaId: null }, by });
    const results = await Promise.all([add("First"), add("Second")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "invalid", errors: { slug: "district.errors.slugTaken" } }]);
    const audit = await db().selectFrom("audit_log").select("details").where("action", "=", "district.created").execute();
    expect(audit.filter((a) => (a.details as { slug?: string }).slug === "same-time")).toHaveLength(1);
  });

  it("joins a transaction it is given", async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        const result = await createDistrict(trx, { district: { name: "In a transaction", slug: "in-a-transaction", healthAreaId: null }, by });
        expect(result.ok).toBe(true);
      });
    expect((await listDistricts(db())).map((d) => d.slug)).toContain("in-a-transaction");
  });
});
