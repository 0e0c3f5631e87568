import { beforeAll, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { englandAndWalesBankHolidays } from "./bank-holidays";
import { seedDemo, seedReferenceData } from "./index";

const RAGS = ["red", "amber", "green", "blue", "not_started"];
const LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];

describeDb("seeding the demo area", ({ db }) => {
  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemo(db(), { password: "a-long-demo-password" });
  });

  it("names the area", async () => {
    const area = await db().selectFrom("area").selectAll().execute();
    expect(area).toHaveLength(1);
    expect(area[0]).toMatchObject({ name: "Lancashire", service_name: "Lancashire SEND Family Portal" });
  });

  it("has the 12 districts, in alphabetical order, each in a health area", async () => {
    const districts = await db()
      .selectFrom("district")
      .leftJoin("health_area", "health_area.id", "district.health_area_id")
      .select(["district.name", "district.slug", "health_area.name as health_area"])
      .orderBy("district.sort_order")
      .execute();
    expect(districts.map((d) => d.name)).toEqual([
      "Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle",
      "Preston", "Ribble Valley", "Rossendale", "South Ribble", "West Lancashire", "Wyre",
    ]);
    expect(districts.every((d) => d.health_area)).toBe(true);
    expect(districts.every((d) => /^[a-z]+(-[a-z]+)*$/.test(d.slug))).toBe(true);
    const healthArea = (name: string) => districts.find((d) => d.name === name)?.health_area;
    expect(healthArea("Lancaster")).toBe("Morecambe Bay");
    expect(healthArea("Preston")).toBe("Greater Preston");
    expect(healthArea("South Ribble")).toBe("Chorley and South Ribble");
    expect(healthArea("Pendle")).toBe("East Lancashire");
    expect(healthArea("Wyre")).toBe("Fylde and Wyre");
    expect(healthArea("West Lancashire")).toBe("West Lancashire");
    const healthAreas = await db().selectFrom("health_area").select("name").execute();
    expect(healthAreas).toHaveLength(6);
  });

  it("has the 5 working groups, each with a purpose and a lead role", async () => {
    const groups = await db().selectFrom("working_group").selectAll().orderBy("number").execute();
    expect(groups.map((g) => g.name)).toEqual([
      "Strategy",
      "Commissioning and Access to Provision",
      "Engagement",
      "Identifying and Meeting Need",
      "Improving Outcomes",
    ]);
    expect(groups.find((g) => g.number === 3)?.slug).toBe("engagement");
    expect(groups.every((g) => g.purpose.length > 20 && g.lead_role.length > 0)).toBe(true);
  });

  it("has the 12 areas of concern, each with a plain-English title", async () => {
    const concerns = await db().selectFrom("area_of_concern").selectAll().orderBy("number").execute();
    expect(concerns.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(concerns.every((c) => c.plain_title.length > 0 && c.plain_title.length <= 80)).toBe(true);
    expect(concerns[3]?.title).toBe("The failure to engage effectively with parents and carers");
  });

  it("has actions A to L, each with tasks and an area of concern", async () => {
    const actions = await db()
      .selectFrom("action")
      .select((eb) => [
        "action.letter",
        eb.selectFrom("task").whereRef("task.action_id", "=", "action.id").select(eb.fn.countAll<number>().as("n")).as("tasks"),
        eb
          .selectFrom("action_area")
          .whereRef("action_area.action_id", "=", "action.id")
          .select(eb.fn.countAll<number>().as("n"))
          .as("areas"),
      ])
      .orderBy("action.letter")
      .execute();
    expect(actions.map((a) => a.letter)).toEqual(LETTERS);
    for (const a of actions) {
      expect(Number(a.tasks), `tasks of action ${a.letter}`).toBeGreaterThan(0);
      expect(Number(a.areas), `areas of concern of action ${a.letter}`).toBeGreaterThan(0);
    }
    const tasks = await db().selectFrom("task").select("code").execute();
    expect(tasks.map((t) => t.code)).toEqual(expect.arrayContaining(["A1", "A6", "C5", "K5", "L9"]));
  });

  it("gives Engagement actions H and I, and action C to two groups", async () => {
    const owned = await db()
      .selectFrom("action_working_group")
      .innerJoin("action", "action.id", "action_working_group.action_id")
      .innerJoin("working_group", "working_group.id", "action_working_group.working_group_id")
      .select(["action.letter", "working_group.slug"])
      .execute();
    expect(owned.filter((o) => o.slug === "engagement").map((o) => o.letter).sort()).toEqual(["H", "I"]);
    expect(owned.filter((o) => o.letter === "C").map((o) => o.slug).sort()).toEqual(["improving-outcomes", "strategy"]);
  });

  it("links each action to the area of concern the plan gives it", async () => {
    const links = await db()
      .selectFrom("action_area")
      .innerJoin("action", "action.id", "action_area.action_id")
      .innerJoin("area_of_concern", "area_of_concern.id", "action_area.area_of_concern_id")
      .select(["action.letter", "area_of_concern.number"])
      .execute();
    const byLetter = Object.fromEntries(LETTERS.map((l) => [l, links.filter((x) => x.letter === l).map((x) => x.number)]));
    expect(byLetter).toEqual({
      A: [1], B: [2], C: [8], D: [3], E: [7], F: [9], G: [11], H: [4], I: [12], J: [5], K: [6], L: [10],
    });
  });

  it("gives every task a valid RAG, a due date, and a role (not a person) as lead", async () => {
    const tasks = await db().selectFrom("task").selectAll().execute();
    for (const t of tasks) {
      expect(RAGS, `RAG of ${t.code}`).toContain(t.rag);
      expect(t.lead_role.trim(), `lead of ${t.code}`).not.toBe("");
      expect(t.lead_role, `lead of ${t.code}`).not.toMatch(/\b(Mr|Mrs|Ms|Miss|Dr)\.?\s/);
      expect(t.description.trim(), `description of ${t.code}`).not.toBe("");
      if (t.due_date !== null) expect(t.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const a1 = tasks.find((t) => t.code === "A1");
    expect(a1).toMatchObject({ due_text: "July 2018", due_date: "2018-07-31", rag: "blue" });
    const groups = await db().selectFrom("working_group").select("lead_role").execute();
    const actions = await db().selectFrom("action").select("lead_role").execute();
    for (const { lead_role } of [...groups, ...actions]) expect(lead_role).not.toMatch(/\b(Mr|Mrs|Ms|Miss|Dr)\.?\s/);
  });

  it("knows the England and Wales bank holidays, moved and extra ones included", async () => {
    const dates = (await db().selectFrom("bank_holiday").select(["date", "title"]).execute()).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(["2020-05-08", "2022-09-19", "2023-05-08", "2028-12-25"]));
    expect(dates).not.toContain("2020-05-04");
    const easter2027 = await db()
      .selectFrom("bank_holiday")
      .select("date")
      .where("title", "=", "Easter Monday")
      .where("date", ">=", "2027-01-01")
      .where("date", "<=", "2027-12-31")
      .execute();
    expect(easter2027.map((h) => h.date)).toEqual(["2027-03-29"]);
  });

  it("adds nothing when the reference data is seeded again", async () => {
    const count = async () =>
      Number((await db().selectFrom("bank_holiday").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect(before).toBe(englandAndWalesBankHolidays.length);
    expect(before).toBe(11 * 8 + 3); // 2022: Platinum Jubilee and the State Funeral; 2023: the Coronation
    await seedReferenceData(db());
    expect(await count()).toBe(before);
  });
});
