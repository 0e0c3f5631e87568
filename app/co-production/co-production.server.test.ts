import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import {
  closeActivity,
  confirmLevel,
  createActivity,
  getActivity,
  getPublicSummary,
  listActivities,
  listQuarters,
  participantCells,
  publishActivity,
  updateActivity,
  type By,
} from "./co-production.server";
import { parseActivity, type ActivityInput } from "./rules";

const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("the co-production log", ({ db }) => {
  let officer: By;
  let admin: By;
  let pcf: By;
  let member: By;
  let groups: Record<string, number>;

  beforeAll(async () => {
    await seedDemoArea(db());
    const rows = await db().selectFrom("working_group").select(["id", "slug"]).execute();
    groups = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
    const user = async (role: By["role"], workingGroupIds: number[] = []): Promise<By> => {
      const row = await db().insertInto("app_user").values({ email: `${role}@copro.test`, name: `Test ${role}`, role, password_hash: null }).returning("id").executeTakeFirstOrThrow();
      return { userId: row.id, role, workingGroupIds, requestId: "req-copro" };
    };
    officer = await user("officer");
    admin = await user("admin");
    pcf = await user("pcf_reviewer");
    member = await user("group_member", [groups.engagement!]);
  });

  const input = (overrides: Record<string, string | string[]> = {}): ActivityInput => {
    const parsed = parseActivity(
      {
        title: "Short breaks workshop",
        "heldOn-day": "10",
        "heldOn-month": "11",
        "heldOn-year": "2026",
        workingGroupId: String(groups.engagement),
        type: "workshop",
        decisionOpen: "How short breaks money is shared out",
        familiesJoinedStage: "start",
        level: "co_production",
        parentCarer: "12",
        young11to15: "3",
        familiesSaid: "Saturdays suit working parents.",
        whatChanged: "Sessions moved to Saturdays.",
        ...overrides,
      },
      "2026-11-23",
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  };

  async function audit(id: string) {
    const rows = await db().selectFrom("audit_log").select("action").where("subject_type", "=", "coproduction_activity").where("subject_id", "=", id).orderBy("at").orderBy("id").execute();
    return rows.map((r) => r.action);
  }

  async function create(overrides: Record<string, string | string[]> = {}, by = officer) {
    const result = await createActivity(db(), { input: input(overrides), by, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.id;
  }

  it("records an activity with its links to actions and tasks, as a draft, and audits it", async () => {
    const action = await db().selectFrom("action").select("id").where("letter", "=", "H").executeTakeFirstOrThrow();
    const id = await create({ actions: [String(action.id)], tasks: "h1 H2", evidenceLinks: "https://example.org/minutes" });
    const activity = (await getActivity(db(), id))!;
    expect(activity).toMatchObject({ title: "Short breaks workshop", held_on: "2026-11-10", status: "draft", group_name: "Engagement", level: "co_production", evidence_links: ["https://example.org/minutes"] });
    expect(activity.participants.young_person["11_15"]).toBe(3);
    expect(activity.actions.map((a) => a.letter)).toEqual(["H"]);
    expect(activity.tasks.map((t) => t.code)).toEqual(["H1", "H2"]);
    expect(await audit(id)).toEqual(["co-production.created"]);
  });

  it("refuses task codes that do not exist, and saves nothing", async () => {
    const before = await db().selectFrom("coproduction_activity").select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const result = await createActivity(db(), { input: input({ tasks: "H1 Z99", title: "Unknown task" }), by: officer, now: NOW });
    expect(result).toEqual({ ok: false, reason: "refused", errors: { tasks: "errors.taskUnknown" } });
    const after = await db().selectFrom("coproduction_activity").select(db().fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("lets a group member record activities for their own groups only", async () => {
    expect((await createActivity(db(), { input: input({ workingGroupId: String(groups.strategy) }), by: member, now: NOW })).ok).toBe(false);
    expect((await createActivity(db(), { input: input({ workingGroupId: "" }), by: member, now: NOW })).ok).toBe(false);
    expect((await createActivity(db(), { input: input(), by: member, now: NOW })).ok).toBe(true);
  });

  it("will not store co-production with families joining late, even past the form (database check)", async () => {
    const id = await create({ level: "participation", familiesJoinedStage: "delivery" });
    await expect(db().updateTable("coproduction_activity").set({ level: "co_production" }).where("id", "=", id).execute()).rejects.toThrow();
  });

  it("cannot be closed until participants are told the outcome; then it closes and is not changed again", async () => {
    const id = await create({ title: "Closing test" });
    expect(await closeActivity(db(), { id, by: officer, now: NOW })).toEqual({ ok: false, reason: "refused", errors: { form: "errors.closeNeedsPublished" } });
    expect((await publishActivity(db(), { id, by: officer, now: NOW })).ok).toBe(true);
    expect(await closeActivity(db(), { id, by: officer, now: NOW })).toEqual({ ok: false, reason: "refused", errors: { form: "errors.closeNeedsTold" } });
    expect((await getActivity(db(), id))!.status).toBe("published");

    const told = input({ title: "Closing test", toldOutcomeHow: "Email to everyone who came", "toldOutcomeOn-day": "20", "toldOutcomeOn-month": "11", "toldOutcomeOn-year": "2026" });
    expect((await updateActivity(db(), { id, input: told, by: officer, now: NOW })).ok).toBe(true);
    expect((await closeActivity(db(), { id, by: officer, now: NOW })).ok).toBe(true);
    expect((await getActivity(db(), id))!.status).toBe("closed");
    expect(await updateActivity(db(), { id, input: told, by: officer, now: NOW })).toEqual({ ok: false, reason: "refused", errors: { form: "errors.closedNoEdit" } });
    expect(await audit(id)).toEqual(["co-production.created", "co-production.published", "co-production.updated", "co-production.closed"]);
  });

  it("is confirmed by the parent carer forum's reviewer only, never by an admin or officer", async () => {
    const id = await create({ title: "Confirm test" });
    for (const by of [admin, officer, member]) {
      expect(await confirmLevel(db(), { id, by, now: NOW })).toEqual({ ok: false, reason: "refused", errors: { form: "errors.confirmNotAllowed" } });
    }
    expect((await confirmLevel(db(), { id, by: pcf, now: NOW })).ok).toBe(true);
    const confirmed = (await getActivity(db(), id))!;
    expect(confirmed.confirmed_by_name).toBe("Test pcf_reviewer");
    expect(confirmed.level_confirmed_at?.toISOString()).toBe(NOW.toISOString());
    expect((await confirmLevel(db(), { id, by: pcf, now: NOW })).ok).toBe(false);
  });

  it("asks for the level to be confirmed again when the level or the stage changes, not otherwise", async () => {
    const id = await create({ title: "Reconfirm test" });
    await confirmLevel(db(), { id, by: pcf, now: NOW });
    await updateActivity(db(), { id, input: input({ title: "Reconfirm test, renamed" }), by: officer, now: NOW });
    expect((await getActivity(db(), id))!.level_confirmed_at).not.toBeNull();
    await updateActivity(db(), { id, input: input({ level: "participation" }), by: officer, now: NOW });
    expect((await getActivity(db(), id))!.level_confirmed_at).toBeNull();
  });

  it("refuses to publish without what families said", async () => {
    const id = await create({ familiesSaid: "" });
    expect(await publishActivity(db(), { id, by: officer, now: NOW })).toEqual({ ok: false, reason: "refused", errors: { form: "errors.publishNeedsSaid" } });
  });

  describe("lists and the public summary", () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      await db().deleteFrom("coproduction_activity").execute();
      ids = {
        // 2026-27 quarter 3, Engagement, co-production: 12 + 3 families
        big: await create({ title: "Big workshop" }),
        // 2026-27 quarter 1, Strategy, consultation: 2 families (small)
        small: await create({ title: "Small board", "heldOn-day": "5", "heldOn-month": "5", workingGroupId: String(groups.strategy), level: "consultation", familiesJoinedStage: "decision", parentCarer: "2", young11to15: "", practitioner: "6" }),
        // 2025-26 quarter 4, no group, information: 40 families
        old: await create({ title: "Old survey", "heldOn-day": "20", "heldOn-month": "2", workingGroupId: "", type: "survey", level: "information", familiesJoinedStage: "review", parentCarer: "40", young11to15: "" }),
        draft: await create({ title: "Secret draft", parentCarer: "100" }),
      };
      for (const key of ["big", "small", "old"]) await publishActivity(db(), { id: ids[key]!, by: officer, now: NOW });
    });

    it("filters staff lists by group, level and quarter, drafts included", async () => {
      const titles = async (f: Parameters<typeof listActivities>[1]) => (await listActivities(db(), f)).map((r) => r.title);
      expect((await titles({})).slice(2)).toEqual(["Small board", "Old survey"]);
      expect((await titles({})).sort()).toEqual(["Big workshop", "Old survey", "Secret draft", "Small board"]);
      expect(await titles({ workingGroupId: groups.strategy })).toEqual(["Small board"]);
      expect(await titles({ level: "information" })).toEqual(["Old survey"]);
      expect(await titles({ quarter: { year: 2025, quarter: 4 } })).toEqual(["Old survey"]);
      expect((await titles({ quarter: { year: 2026, quarter: 3 } })).sort()).toEqual(["Big workshop", "Secret draft"]);
      expect(await listQuarters(db())).toEqual(["2026-Q3", "2026-Q1", "2025-Q4"]);
    });

    it("shows only published and closed entries to the public, never drafts", async () => {
      const summary = await getPublicSummary(db());
      expect(summary.entries.map((e) => e.title)).toEqual(["Big workshop", "Small board", "Old survey"]);
      expect(JSON.stringify(summary)).not.toContain("Secret draft");
    });

    it("counts activities by group, level and financial quarter, hiding small numbers of people", async () => {
      const { byGroup, byLevel, byQuarter } = await getPublicSummary(db());
      expect(byGroup.rows.map((r) => [r.key, r.activities])).toEqual([["Engagement", 1], ["Strategy", 1], ["", 1]]);
      expect(byGroup.total).toEqual({ activities: 3, families: { shown: true, count: 57, percent: null } });
      // Strategy's 2 families are hidden; Engagement's 15, the next smallest, goes with them so 2 cannot be worked out from the total.
      expect(byGroup.rows.map((r) => r.families)).toEqual([
        { shown: false, reason: "secondary" },
        { shown: false, reason: "small" },
        expect.objectContaining({ shown: true, count: 40 }),
      ]);
      expect(byLevel.rows.map((r) => [r.key, r.activities])).toEqual([["information", 1], ["consultation", 1], ["participation", 0], ["co_production", 1]]);
      expect(byLevel.rows[2]!.families).toEqual(expect.objectContaining({ shown: true, count: 0 }));
      expect(byQuarter.rows.map((r) => [r.key, r.activities])).toEqual([["2026-Q3", 1], ["2026-Q1", 1], ["2025-Q4", 1]]);
    });

    it("hides small counts of people on each entry, and one more when only one is hidden", async () => {
      const { entries } = await getPublicSummary(db());
      const small = entries.find((e) => e.title === "Small board")!;
      expect(small.participants.parentCarer).toEqual({ shown: false, reason: "small" });
      expect(small.participants.practitioner).toEqual({ shown: false, reason: "secondary" });
      expect(small.participants.total).toEqual(expect.objectContaining({ shown: true, count: 8 }));
      expect(participantCells({ parent_carer: 0, young_person: { under_11: 0, "11_15": 0, "16_18": 0, "19_25": 0 }, practitioner: 0, other: 3 }, 5).total).toEqual({ shown: false, reason: "small" });
    });

    it("says how participants were told only once the activity is closed", async () => {
      const { entries } = await getPublicSummary(db());
      expect(entries.every((e) => !e.closed && e.toldOutcomeHow === "")).toBe(true);
    });
  });
});
