import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService, loadReferences, readServiceContent } from "./content.server";
import { emptyServiceContent } from "./model";
import { createNeed, deleteNeed, getNeed, listNeeds, updateNeed } from "./needs.server";

describeDb("the list of specific needs", ({ db }) => {
  let userId: string;
  let organisationId: string;
  const by = () => ({ userId, requestId: "needs-test" });
  let counter = 0;

  const need = (overrides: Partial<{ name: string; slug: string; broadArea: "semh" | "sensory_physical" | "cognition_learning"; sortOrder: number | null }> = {}) => {
    counter += 1;
    return { name: `Test need ${counter}`, slug: `test-need-${counter}`, broadArea: "semh" as const, sortOrder: null, ...overrides };
  };
  const serviceWith = async (slug: string, needs: string[]) =>
    db()
      .transaction()
      .execute(async (trx) =>
        createService(
          trx,
          { slug, organisationId, status: "published", content: { ...emptyServiceContent(), name: slug, needs, categories: ["activities"], districts: ["burnley"] } },
          await loadReferences(trx),
        ),
      );
  const searchTerms = async (id: string) => (await db().selectFrom("service").select("search_terms").where("id", "=", id).executeTakeFirstOrThrow()).search_terms;
  const audit = (action: string, subjectId: number) =>
    db().selectFrom("audit_log").select(["action", "details", "user_id"]).where("action", "=", action).where("subject_id", "=", String(subjectId)).execute();

  beforeAll(async () => {
    await seedDemoArea(db());
    userId = (await db().insertInto("app_user").values({ email: "needs-officer@test.local", name: "Officer", role: "officer", password_hash: null }).returning("id").executeTakeFirstOrThrow()).id;
    organisationId = (await db().insertInto("organisation").values({ name: "Needs test org" }).returning("id").executeTakeFirstOrThrow()).id;
  });

  it("lists the needs by broad area, with how many services use each", async () => {
    await serviceWith("uses-autism", ["autism"]);
    const groups = await listNeeds(db());
    expect(groups.map((g) => g.broadArea)).toEqual(["communication_interaction", "cognition_learning", "semh", "sensory_physical"]);
    const autism = groups[0]!.needs.find((n) => n.slug === "autism")!;
    expect(autism.services).toBe(1);
    expect(groups[3]!.needs.map((n) => n.slug)).toEqual(["hearing", "vision", "multi-sensory", "physical-disability", "medical-needs"]);
    expect(groups[3]!.needs.every((n) => n.services === 0)).toBe(true);
  });

  it("adds a need at the end of the list unless given an order, and audits it", async () => {
    const result = await createNeed(db(), { need: need({ name: "Tourette's syndrome", slug: "tourettes" }), by: by() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await getNeed(db(), result.id);
    expect(row).toMatchObject({ name: "Tourette's syndrome", slug: "tourettes", broad_area: "semh", services: 0 });
    const others = await db().selectFrom("need").select("sort_order").where("id", "<>", result.id).execute();
    expect(row!.sort_order).toBeGreaterThan(Math.max(...others.map((o) => o.sort_order)));
    expect(await audit("need.created", result.id)).toEqual([expect.objectContaining({ user_id: userId, details: expect.objectContaining({ slug: "tourettes" }) })]);
    const placed = await createNeed(db(), { need: need({ sortOrder: 3 }), by: by() });
    expect(placed.ok && (await getNeed(db(), placed.id))?.sort_order).toBe(3);
  });

  it("refuses a slug another need has", async () => {
    const result = await createNeed(db(), { need: need({ slug: "autism" }), by: by() });
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { slug: "errors.slugTaken" } });
  });

  it("renames a need and keeps the services' search words in step", async () => {
    const created = await createNeed(db(), { need: need({ name: "Sleep difficulties", slug: "sleep" }), by: by() });
    if (!created.ok) throw new Error("not created");
    const serviceId = await serviceWith("sleep-service", ["sleep", "adhd"]);
    expect(await searchTerms(serviceId)).toBe("ADHD Sleep difficulties Activities and clubs");
    const result = await updateNeed(db(), { id: created.id, need: { name: "Sleep problems", slug: "sleep", broadArea: "semh", sortOrder: 0 }, by: by() });
    expect(result.ok && result.changes).toEqual({ name: { from: "Sleep difficulties", to: "Sleep problems" }, sort_order: { from: expect.any(Number), to: 0 } });
    expect(await searchTerms(serviceId)).toBe("Sleep problems ADHD Activities and clubs");
    // The same words writeServiceContent would write for the same content.
    const content = await readServiceContent(db(), serviceId);
    expect(content?.needs).toEqual(["sleep", "adhd"]);
    expect(await audit("need.updated", created.id)).toHaveLength(1);
  });

  it("does not change a slug that services use, but does when none do", async () => {
    const created = await createNeed(db(), { need: need({ slug: "used-slug" }), by: by() });
    if (!created.ok) throw new Error("not created");
    await serviceWith("uses-used-slug", ["used-slug"]);
    const refused = await updateNeed(db(), { id: created.id, need: need({ slug: "new-slug" }), by: by() });
    expect(refused).toEqual({ ok: false, reason: "invalid", errors: { slug: "errors.slugInUse" } });
    expect((await getNeed(db(), created.id))?.slug).toBe("used-slug");

    const unused = await createNeed(db(), { need: need({ slug: "unused-slug" }), by: by() });
    if (!unused.ok) throw new Error("not created");
    const changed = await updateNeed(db(), { id: unused.id, need: need({ slug: "renamed-slug", broadArea: "sensory_physical" }), by: by() });
    expect(changed.ok).toBe(true);
    expect(await getNeed(db(), unused.id)).toMatchObject({ slug: "renamed-slug", broad_area: "sensory_physical" });
  });

  it("does not change a slug that an open proposal names", async () => {
    const created = await createNeed(db(), { need: need({ slug: "proposed-slug" }), by: by() });
    if (!created.ok) throw new Error("not created");
    await db()
      .insertInto("service_proposal")
      .values({ organisation_id: organisationId, content: JSON.stringify({ ...emptyServiceContent(), needs: ["proposed-slug"] }), state: "pending" })
      .execute();
    expect(await updateNeed(db(), { id: created.id, need: need({ slug: "other-slug" }), by: by() })).toMatchObject({ ok: false });
    expect(await deleteNeed(db(), { id: created.id, moveTo: null, by: by() })).toEqual({ ok: false, reason: "invalid", errors: { moveTo: "errors.inProposals" } });
  });

  it("says nothing changed when nothing did, and a missing need is not found", async () => {
    const created = await createNeed(db(), { need: need({ name: "Same", slug: "same", sortOrder: 40 }), by: by() });
    if (!created.ok) throw new Error("not created");
    expect(await updateNeed(db(), { id: created.id, need: { name: "Same", slug: "same", broadArea: "semh", sortOrder: 40 }, by: by() })).toEqual({ ok: true, changes: {} });
    expect(await audit("need.updated", created.id)).toHaveLength(0);
    expect(await updateNeed(db(), { id: 999999, need: need(), by: by() })).toEqual({ ok: false, reason: "not-found" });
    expect(await getNeed(db(), "abc")).toBeUndefined();
  });

  it("deletes an unused need", async () => {
    const created = await createNeed(db(), { need: need({ name: "Short-lived" }), by: by() });
    if (!created.ok) throw new Error("not created");
    expect(await deleteNeed(db(), { id: created.id, moveTo: null, by: by() })).toEqual({ ok: true, name: "Short-lived", moved: 0, movedTo: null });
    expect(await getNeed(db(), created.id)).toBeUndefined();
    expect(await audit("need.deleted", created.id)).toHaveLength(1);
  });

  it("refuses to delete a need that services use, unless they move to another need", async () => {
    const created = await createNeed(db(), { need: need({ name: "Old name for dyspraxia", slug: "old-dyspraxia" }), by: by() });
    if (!created.ok) throw new Error("not created");
    const a = await serviceWith("dyspraxia-a", ["old-dyspraxia"]);
    const b = await serviceWith("dyspraxia-b", ["old-dyspraxia", "specific-learning-difficulty"]);
    expect(await deleteNeed(db(), { id: created.id, moveTo: null, by: by() })).toEqual({ ok: false, reason: "invalid", errors: { moveTo: "errors.inUse" } });
    expect(await deleteNeed(db(), { id: created.id, moveTo: created.id, by: by() })).toMatchObject({ ok: false, errors: { moveTo: "errors.moveToUnknown" } });
    expect(await getNeed(db(), created.id)).toMatchObject({ services: 2 });

    const target = (await db().selectFrom("need").select("id").where("slug", "=", "specific-learning-difficulty").executeTakeFirstOrThrow()).id;
    const result = await deleteNeed(db(), { id: created.id, moveTo: target, by: by() });
    expect(result).toEqual({ ok: true, name: "Old name for dyspraxia", moved: 2, movedTo: "Specific learning difficulty (such as dyslexia)" });
    expect((await readServiceContent(db(), a))?.needs).toEqual(["specific-learning-difficulty"]);
    expect((await readServiceContent(db(), b))?.needs).toEqual(["specific-learning-difficulty"]);
    expect(await searchTerms(a)).toBe("Specific learning difficulty (such as dyslexia) Activities and clubs");
    expect(await audit("need.deleted", created.id)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ services: 2, movedTo: "Specific learning difficulty (such as dyslexia)" }) }),
    ]);
  });
});
