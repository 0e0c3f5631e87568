/**
 * Coverage counts from the database, in one grouped query: published, visible
 * services only (status published, hidden_at null), whatever the caller is.
 */
import { sql, type Kysely } from "kysely";
import type { BroadArea, Database, Phase } from "../../db/schema";
import { buildCoverage, type CoverageCount, type CoverageDistrict, type CoverageNeed, type CoverageTable } from "./coverage";
import { broadAreas, phases, PUBLIC_STATUS } from "./model";

type Db = Kysely<Database>;

/**
 * Services per district × broad area × phase. A whole-area service counts in
 * every district; a service with needs in two broad areas counts once in each;
 * a service counts once per cell however many of its needs fall in the area.
 */
export async function countCoverage(db: Db): Promise<CoverageCount[]> {
  const { rows } = await sql<{ district: string; broad_area: BroadArea; phase: Phase; count: string | number }>`
    select d.slug as district, n.broad_area, p.phase, count(distinct s.id) as count
      from service s
      cross join lateral unnest(s.phases) as p(phase)
      join service_need sn on sn.service_id = s.id
      join need n on n.id = sn.need_id
      join district d
        on s.whole_area
        or exists (select 1 from service_district sd where sd.service_id = s.id and sd.district_id = d.id)
     where s.status = ${PUBLIC_STATUS}
       and s.hidden_at is null
     group by d.slug, n.broad_area, p.phase`.execute(db);
  return rows
    .filter((r) => broadAreas.includes(r.broad_area) && phases.includes(r.phase))
    .map((r) => ({ district: r.district, broadArea: r.broad_area, phase: r.phase, count: Number(r.count) }));
}

export interface DistrictServiceCount extends CoverageDistrict {
  /** Published, visible services that list the district. */
  local: number;
}

/** Published, visible services listing each district, and how many cover the whole area. */
export async function countServicesByDistrict(db: Db): Promise<{ districts: DistrictServiceCount[]; wholeArea: number }> {
  const districts = await db
    .selectFrom("district")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("service_district")
          .innerJoin("service", "service.id", "service_district.service_id")
          .where("service.status", "=", PUBLIC_STATUS)
          .where("service.hidden_at", "is", null)
          .where("service.whole_area", "=", false)
          .select(["service_district.district_id", (e) => e.fn.countAll<string>().as("n")])
          .groupBy("service_district.district_id")
          .as("local"),
      (join) => join.onRef("local.district_id", "=", "district.id"),
    )
    .select(["district.slug", "district.name", "local.n"])
    .orderBy("district.sort_order")
    .orderBy("district.name")
    .execute();
  const whole = await db
    .selectFrom("service")
    .where("status", "=", PUBLIC_STATUS)
    .where("hidden_at", "is", null)
    .where("whole_area", "=", true)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return {
    districts: districts.map((d) => ({ slug: d.slug, name: d.name, local: Number(d.n ?? 0) })),
    wholeArea: Number(whole.n),
  };
}

/** Everything a coverage page shows: the tables, and the districts for the filter. */
export async function getCoverage(db: Db, { district }: { district?: string } = {}): Promise<{
  tables: CoverageTable[];
  districts: CoverageDistrict[];
}> {
  const districts = await db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute();
  const needs = await db.selectFrom("need").select(["slug", "broad_area"]).orderBy("sort_order").orderBy("id").execute();
  const counts = await countCoverage(db);
  const needList: CoverageNeed[] = needs.map((n) => ({ slug: n.slug, broadArea: n.broad_area }));
  const known = district && districts.some((d) => d.slug === district) ? district : undefined;
  return { tables: buildCoverage({ districts, needs: needList, counts, onlyDistrict: known }), districts };
}
