import { Migrator } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { migrations } from "../../migrations/index";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { listGeneralFeedback, sendGeneralFeedback } from "./general.server";
import { countNewFeedbackFor, markFeedbackSeen } from "./news.server";
import { assignGroup, changeStatus } from "./triage.server";

describeDb("new feedback, told in the portal", ({ db }) => {
  const start = new Date("2026-11-23T10:00:00Z");
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  let groups: Record<string, number>;
  let by: { userId: string; requestId: string };
  let ip = 0;
  const people = {} as Record<"officer" | "admin" | "engagement" | "strategy" | "nobody", { id: string; role: string; workingGroupIds: number[] }>;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    groups = Object.fromEntries((await db().selectFrom("working_group").select(["id", "slug"]).execute()).map((g) => [g.slug, g.id]));
    const user = async (key: keyof typeof people, role: "officer" | "admin" | "group_member", groupSlugs: string[] = []) => {
      const { id } = await db()
        .insertInto("app_user")
        .values({ email: `${key}@news.test`, name: key, role, password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      const workingGroupIds = groupSlugs.map((slug) => groups[slug]!);
      if (workingGroupIds.length)
        await db()
          .insertInto("user_working_group")
          .values(workingGroupIds.map((working_group_id) => ({ user_id: id, working_group_id })))
          .execute();
      people[key] = { id, role, workingGroupIds };
    };
    await user("officer", "officer");
    await user("admin", "admin");
    await user("engagement", "group_member", ["engagement"]);
    await user("strategy", "group_member", ["strategy"]);
    await user("nobody", "group_member");
    by = { userId: people.officer.id, requestId: "test" };
  });

  async function send(body: string, now: Date) {
    const result = await sendGeneralFeedback(db(), {
      input: { format: "standard", respondent: "parent_carer", district: "", topic: undefined, body, email: "", consent: false },
      clientIp: `198.51.100.${++ip}`,
      baseUrl: "https://portal.example",
      now,
    });
    if (!result.ok) throw new Error("not sent");
    return (await db().selectFrom("feedback_item").select("id").where("reference", "=", result.reference).executeTakeFirstOrThrow()).id;
  }

  const count = (who: keyof typeof people) => countNewFeedbackFor(db(), people[who]);
  const isNewIn = async (who: keyof typeof people, id: string) => {
    const { rows } = await listGeneralFeedback(db(), { newTo: people[who], today: "2026-11-23", limit: 500, offset: 0 });
    return rows.find((r) => r.id === id)?.is_new;
  };

  it("tells officers of what waits for a group, then the group's members once it is theirs, until each opens it", async () => {
    const before = { officer: await count("officer"), admin: await count("admin"), engagement: await count("engagement") };
    const first = await send("The forum never hears back", at(0));
    const second = await send("Nobody explains the EHC plan", at(1));
    expect(await count("officer")).toBe(before.officer + 2);
    expect(await count("admin")).toBe(before.admin + 2);
    expect(await count("engagement")).toBe(before.engagement);
    expect(await count("nobody")).toBe(0);
    expect(await isNewIn("officer", first)).toBe(true);

    // Given to Engagement: no longer waiting for a group, so new to Engagement's members instead.
    await assignGroup(db(), { id: first, groupId: groups["engagement"]!, by, now: at(5), origin: "" });
    expect(await count("officer")).toBe(before.officer + 1);
    expect(await count("engagement")).toBe(before.engagement + 1);
    expect(await count("strategy")).toBe(0);
    expect(await isNewIn("engagement", first)).toBe(true);

    // Opening it clears it for that person only.
    await markFeedbackSeen(db(), { userId: people.engagement.id, itemId: first, now: at(6) });
    expect(await count("engagement")).toBe(before.engagement);
    expect(await isNewIn("engagement", first)).toBe(false);
    await markFeedbackSeen(db(), { userId: people.officer.id, itemId: second, now: at(6) });
    expect(await count("officer")).toBe(before.officer);
    expect(await count("admin")).toBe(before.admin + 1);
    // Opening it again later changes nothing.
    await markFeedbackSeen(db(), { userId: people.officer.id, itemId: second, now: at(7) });
    expect(await count("officer")).toBe(before.officer);
  });

  it("is new again when it comes back to a group after they last looked, and never once it is closed", async () => {
    const id = await send("The parent carer forum meets at bad times", at(10));
    await assignGroup(db(), { id, groupId: groups["engagement"]!, by, now: at(11), origin: "" });
    await markFeedbackSeen(db(), { userId: people.engagement.id, itemId: id, now: at(12) });
    await assignGroup(db(), { id, groupId: groups["strategy"]!, by, now: at(13), origin: "" });
    expect(await isNewIn("strategy", id)).toBe(true);
    expect(await isNewIn("engagement", id)).toBe(false);
    await assignGroup(db(), { id, groupId: groups["engagement"]!, by, now: at(14), origin: "" });
    expect(await isNewIn("engagement", id)).toBe(true);

    const before = await count("engagement");
    await changeStatus(db(), { id, to: "closed", note: "", by, now: at(15) });
    expect(await count("engagement")).toBe(before - 1);
    expect(await isNewIn("engagement", id)).toBe(false);
  });

  it("never counts an item flagged for safeguarding", async () => {
    const before = await count("officer");
    const id = await send("My son says he wants to kill himself", at(20));
    expect(await count("officer")).toBe(before);
    expect(await isNewIn("officer", id)).toBeUndefined();
  });

  it("lists only the new items when asked", async () => {
    const id = await send("Transport to college is late", at(30));
    const seen = await send("Transport to school is late", at(31));
    await markFeedbackSeen(db(), { userId: people.admin.id, itemId: seen, now: at(32) });
    const { rows, total } = await listGeneralFeedback(db(), { newTo: people.admin, newOnly: true, today: "2026-11-23", limit: 500, offset: 0 });
    expect(rows.map((r) => r.id)).toContain(id);
    expect(rows.map((r) => r.id)).not.toContain(seen);
    expect(rows.every((r) => r.is_new)).toBe(true);
    expect(total).toBe(await count("admin"));
  });
});

describeDb("the migration that starts marking new feedback", ({ db }) => {
  it("records items already waiting as seen by everyone whose queue holds them, so nothing old is called new", async () => {
    const migrator = new Migrator({ db: db(), provider: { getMigrations: async () => migrations } });
    await seedDemoArea(db());
    expect((await migrator.migrateTo("202611231450_add_feedback_file_check")).error).toBeUndefined();
    const group = await db().selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirstOrThrow();
    const user = async (email: string, role: "officer" | "group_member", groupId?: number) => {
      const { id } = await db().insertInto("app_user").values({ email, name: email, role, password_hash: null }).returning("id").executeTakeFirstOrThrow();
      if (groupId) await db().insertInto("user_working_group").values({ user_id: id, working_group_id: groupId }).execute();
      return { id, role, workingGroupIds: groupId ? [groupId] : [] };
    };
    const officer = await user("officer@migration.test", "officer");
    const member = await user("member@migration.test", "group_member", group.id);
    const item = async (reference: string, status: string, groupId: number | null) =>
      db()
        .insertInto("feedback_item")
        .values({ reference, source: "general", status, working_group_id: groupId, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z" })
        .execute();
    await item("FB-AAAA-2222", "received", null);
    await item("FB-AAAA-3333", "with_group", group.id);
    await item("FB-AAAA-4444", "closed", group.id);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const seen = await db()
      .selectFrom("feedback_item_seen")
      .innerJoin("feedback_item", "feedback_item.id", "feedback_item_seen.feedback_item_id")
      .select(["feedback_item_seen.user_id", "feedback_item.reference"])
      .orderBy("feedback_item.reference")
      .execute();
    expect(seen).toEqual([
      { user_id: officer.id, reference: "FB-AAAA-2222" },
      { user_id: member.id, reference: "FB-AAAA-3333" },
    ]);
    expect(await countNewFeedbackFor(db(), officer)).toBe(0);
    expect(await countNewFeedbackFor(db(), member)).toBe(0);
  });
});
