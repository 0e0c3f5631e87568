import type { Kysely } from "kysely";
import type { Database } from "../schema";
import {
  demoActions,
  demoArea,
  demoAreasOfConcern,
  demoDistricts,
  demoHealthAreas,
  demoWorkingGroups,
  taskOutcomeText,
} from "./demo-area";

function idOf<K extends string | number>(ids: Map<K, number>, key: K, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Demo area data refers to an unknown ${what}: ${String(key)}`);
  return id;
}

/**
 * The demo area (Lancashire) and its improvement plan. Called inside seedDemo's
 * transaction: it uses only the `db` it is given. One insert per table.
 */
export async function seedDemoArea(db: Kysely<Database>): Promise<void> {
  await db.insertInto("area").values(demoArea).execute();

  const healthAreas = await db
    .insertInto("health_area")
    .values(demoHealthAreas.map((h) => ({ slug: h.slug, name: h.name })))
    .returning(["id", "slug"])
    .execute();
  const healthAreaIds = new Map(healthAreas.map((h) => [h.slug, h.id]));

  const districts = [...demoDistricts].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  await db
    .insertInto("district")
    .values(
      districts.map((d, i) => ({
        slug: d.slug,
        name: d.name,
        health_area_id: idOf(healthAreaIds, d.health_area, "health area"),
        sort_order: i + 1,
      })),
    )
    .execute();

  const groups = await db
    .insertInto("working_group")
    .values(
      demoWorkingGroups.map((g) => ({
        slug: g.slug,
        number: g.number,
        name: g.name,
        purpose: g.purpose,
        lead_role: g.lead_role,
      })),
    )
    .returning(["id", "slug"])
    .execute();
  const groupIds = new Map(groups.map((g) => [g.slug, g.id]));

  const concerns = await db
    .insertInto("area_of_concern")
    .values(demoAreasOfConcern.map((c) => ({ number: c.number, title: c.title, plain_title: c.plain_title })))
    .returning(["id", "number"])
    .execute();
  const concernIds = new Map(concerns.map((c) => [c.number, c.id]));

  const actions = await db
    .insertInto("action")
    .values(
      demoActions.map((a) => ({
        letter: a.letter,
        title: a.title,
        lead_role: a.lead_role,
        success_measures: a.success_measures.join("\n"),
      })),
    )
    .returning(["id", "letter"])
    .execute();
  const actionIds = new Map(actions.map((a) => [a.letter, a.id]));

  await db
    .insertInto("action_working_group")
    .values(
      demoWorkingGroups.flatMap((g) =>
        g.actions.map((letter) => ({
          action_id: idOf(actionIds, letter, "action"),
          working_group_id: idOf(groupIds, g.slug, "working group"),
        })),
      ),
    )
    .execute();

  await db
    .insertInto("action_area")
    .values(
      demoActions.flatMap((a) =>
        a.areas_of_concern.map((n) => ({
          action_id: idOf(actionIds, a.letter, "action"),
          area_of_concern_id: idOf(concernIds, n, "area of concern"),
        })),
      ),
    )
    .execute();

  await db
    .insertInto("task")
    .values(
      demoActions.flatMap((a) =>
        a.tasks.map((t, i) => ({
          action_id: idOf(actionIds, a.letter, "action"),
          code: t.code,
          sort_order: i + 1,
          description: t.description,
          lead_role: t.lead_role,
          due_text: t.due_text,
          due_date: t.due_date,
          outcome: taskOutcomeText(t),
          rag: t.rag,
        })),
      ),
    )
    .execute();
}
