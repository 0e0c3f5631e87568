import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { getWorkingGroup, listWorkingGroups, updateWorkingGroup } from "./working-groups.server";

describeDb("working groups", ({ db }) => {
  beforeAll(async () => {
    await seedDemoArea(db());
  });

  it("lists the five groups in number order with their lead roles", async () => {
    const groups = await listWorkingGroups(db());
    expect(groups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5]);
    expect(groups[2]).toMatchObject({ slug: "engagement", name: "Engagement", lead_role: "SEND Reforms Manager" });
  });

  it("changes a group's name, purpose and lead role but never its number or slug, and records it", async () => {
    const group = (await listWorkingGroups(db())).find((g) => g.slug === "strategy")!;
    const result = await updateWorkingGroup(db(), {
      id: group.id,
      group: { name: "Strategy and vision", purpose: group.purpose, leadRole: "Director of Children's Services" },
      by: { userId: null, requestId: "req-groups" },
    });
    expect(result).toEqual({
      ok: true,
      changes: {
        name: { from: "Strategy", to: "Strategy and vision" },
        leadRole: { from: group.lead_role, to: "Director of Children's Services" },
      },
    });
    expect(await getWorkingGroup(db(), group.id)).toMatchObject({ number: 1, slug: "strategy", name: "Strategy and vision" });
    const audit = await db().selectFrom("audit_log").select(["action", "subject_type", "subject_id", "details", "request_id"]).execute();
    expect(audit).toEqual([
      {
        action: "working-group.updated",
        subject_type: "working_group",
        subject_id: String(group.id),
        details: result.ok ? result.changes : null,
        request_id: "req-groups",
      },
    ]);
  });

  it("records nothing when nothing changed, and says when the group is not there", async () => {
    const group = (await listWorkingGroups(db())).find((g) => g.slug === "engagement")!;
    const count = async () => (await db().selectFrom("audit_log").select("id").execute()).length;
    const before = await count();
    expect(
      await updateWorkingGroup(db(), { id: group.id, group: { name: group.name, purpose: group.purpose, leadRole: group.lead_role }, by: { userId: null } }),
    ).toEqual({ ok: true, changes: {} });
    expect(await count()).toBe(before);
    expect(await updateWorkingGroup(db(), { id: 999999, group: { name: "x", purpose: "y", leadRole: "" }, by: { userId: null } })).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await getWorkingGroup(db(), "nope")).toBeUndefined();
  });
});
