import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService } from "./content.server";
import { emptyServiceContent } from "./model";
import { parseSearchQuery } from "./search-query";
import { searchServices } from "./search.server";
import { createSynonymGroup, deleteSynonymGroup, getSynonymGroup, listSynonymGroups, updateSynonymGroup } from "./synonyms.server";

describeDb("synonym groups", ({ db, engine }) => {
  const now = new Date("2026-11-20T10:00:00Z");
  let by: { userId: string; requestId: string };

  beforeAll(async () => {
    await seedDemoArea(db());
    const user = await db()
      .insertInto("app_user")
      .values({ email: "synonyms-officer@test.local", name: "Synonyms officer", role: "officer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    by = { userId: user.id, requestId: "req-synonyms" };
    const organisation = await db().insertInto("organisation").values({ name: "Synonym test org" }).returning("id").executeTakeFirstOrThrow();
    await db()
      .transaction()
      .execute((trx) =>
        createService(trx, {
          slug: "wheelie-club",
          organisationId: organisation.id,
          status: "published",
          content: { ...emptyServiceContent(), name: "Wheelie Club", summary: "Wheelchair sports for teenagers.", districts: ["burnley"] },
        }),
      );
  });

  async function auditFor(id: number) {
    return db()
      .selectFrom("audit_log")
      .select(["action", "user_id", "details", "request_id"])
      .where("subject_type", "=", "search_synonym")
      .where("subject_id", "=", String(id))
      .orderBy("id")
      .execute();
  }

  const findsWheelieClub = async (q: string) => {
    const results = await searchServices(db(), parseSearchQuery(new URLSearchParams({ q })).query, { log: false });
    return results.results.some((r) => r.slug === "wheelie-club");
  };

  it("lists the groups every installation starts with", async () => {
    const groups = await listSynonymGroups(db());
    expect(groups.length).toBeGreaterThanOrEqual(14);
    expect(groups[0]).toMatchObject({ terms: expect.arrayContaining(["autism", "asd"]), explanation: "Autism" });
  });

  it("adds a group, records who did it, and search uses it straight away", async () => {
    expect(await findsWheelieClub("parasport")).toBe(false);
    const result = await createSynonymGroup(db(), { group: { terms: ["parasport", "wheelchair sports"], explanation: "Sport for disabled people" }, by, now });
    if (!result.ok) throw new Error("expected the group to be added");
    expect(await getSynonymGroup(db(), result.id)).toEqual({ id: result.id, terms: ["parasport", "wheelchair sports"], explanation: "Sport for disabled people" });
    expect(await auditFor(result.id)).toEqual([
      {
        action: "search-synonym.created",
        user_id: by.userId,
        details: { terms: ["parasport", "wheelchair sports"], explanation: "Sport for disabled people" },
        request_id: "req-synonyms",
      },
    ]);
    expect(await findsWheelieClub("parasport")).toBe(true);
  });

  it("refuses a term another group already has, naming it, and saves nothing", async () => {
    const result = await createSynonymGroup(db(), { group: { terms: ["neurodivergent", "ASD", "Autism"], explanation: "" }, by, now });
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { terms: "errors.termsDuplicate" }, duplicates: ["ASD", "Autism"] });
    expect((await listSynonymGroups(db())).some((g) => g.terms.includes("neurodivergent"))).toBe(false);
  });

  it("changes a group, recording what changed; saving it unchanged records nothing", async () => {
    const created = await createSynonymGroup(db(), { group: { terms: ["buggy", "pushchair"], explanation: "" }, by, now });
    if (!created.ok) throw new Error("expected the group to be added");
    // A group may keep its own terms.
    const result = await updateSynonymGroup(db(), { id: created.id, group: { terms: ["buggy", "pushchair", "special needs buggy"], explanation: "Buggies" }, by, now });
    expect(result).toEqual({ ok: true, changed: true });
    expect(await updateSynonymGroup(db(), { id: created.id, group: { terms: ["buggy", "pushchair", "special needs buggy"], explanation: "Buggies" }, by, now })).toEqual({
      ok: true,
      changed: false,
    });
    expect((await auditFor(created.id)).map((a) => [a.action, a.details])).toEqual([
      ["search-synonym.created", { terms: ["buggy", "pushchair"], explanation: "" }],
      [
        "search-synonym.updated",
        { terms: { from: ["buggy", "pushchair"], to: ["buggy", "pushchair", "special needs buggy"] }, explanation: { from: "", to: "Buggies" } },
      ],
    ]);
    expect(await updateSynonymGroup(db(), { id: created.id, group: { terms: ["buggy", "ot"], explanation: "" }, by, now })).toMatchObject({
      ok: false,
      duplicates: ["ot"],
    });
    expect(await updateSynonymGroup(db(), { id: 999999, group: { terms: ["a1", "b1"], explanation: "" }, by, now })).toEqual({ ok: false, reason: "not-found" });
  });

  it("deletes a group, records it, and search stops using it", async () => {
    const created = await createSynonymGroup(db(), { group: { terms: ["zoomwheel", "adaptive cycling"], explanation: "" }, by, now });
    if (!created.ok) throw new Error("expected the group to be added");
    expect(await deleteSynonymGroup(db(), { id: created.id, by })).toEqual({ ok: true, terms: ["zoomwheel", "adaptive cycling"] });
    expect(await getSynonymGroup(db(), created.id)).toBeUndefined();
    expect(await deleteSynonymGroup(db(), { id: created.id, by })).toEqual({ ok: false, reason: "not-found" });
    expect((await auditFor(created.id)).map((a) => a.action)).toEqual(["search-synonym.created", "search-synonym.deleted"]);
  });

  it("finds nothing for ids that are not ids", async () => {
    for (const id of ["0", "-1", "abc", "1.5", "99999999999", ""]) expect(await getSynonymGroup(db(), id)).toBeUndefined();
  });

  it("lets only one of two officers adding the same term at once succeed", async () => {
    const add = (explanation: string) => createSynonymGroup(db(), { group: { terms: [`samewordatonce${engine}`, `otherword${explanation}`], explanation }, by, now });
    const results = await Promise.all([add("first"), add("second")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "invalid", errors: { terms: "errors.termsDuplicate" }, duplicates: [`samewordatonce${engine}`] }]);
  });
});
