/**
 * Reading and saving the denominators (app/analysis/denominators.ts), and a wave's
 * response rates against them.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { instantToUkLocal } from "../surveys/uk-time";
import { DENOMINATOR_LEVELS, responseRates, yearForWave, type DenominatorValues, type ResponseRates } from "./denominators";
import { getSuppressionThreshold } from "./suppression.server";
import type { Wave } from "./results.server";

type Db = Kysely<Database>;

export async function listDenominatorYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("analysis_denominator").select("year").distinct().orderBy("year", "desc").execute();
  return rows.map((r) => r.year);
}

/** Every district (in the area's order) with its figures for the year, where there are any. */
export async function getDenominators(db: Db, year: number) {
  const [districts, rows] = await Promise.all([
    db.selectFrom("district").select(["id", "slug", "name"]).orderBy("sort_order").orderBy("name").execute(),
    db.selectFrom("analysis_denominator").select(["district_id", "support_level", "children", "updated_at"]).where("year", "=", year).execute(),
  ]);
  return {
    districts: districts.map((d) => ({
      slug: d.slug,
      name: d.name,
      sen_support: rows.find((r) => r.district_id === d.id && r.support_level === "sen_support")?.children ?? null,
      ehc_plan: rows.find((r) => r.district_id === d.id && r.support_level === "ehc_plan")?.children ?? null,
    })),
    updatedAt: rows.reduce<Date | null>((latest, r) => (latest && latest > r.updated_at ? latest : r.updated_at), null),
  };
}

/** Replaces a year's figures with those given (an empty box removes a figure), in one transaction, recorded. */
export async function saveDenominators(
  db: Db,
  { year, values, by }: { year: number; values: DenominatorValues; by: { userId: string; requestId?: string } },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const districts = await trx.selectFrom("district").select(["id", "slug"]).execute();
    await trx.deleteFrom("analysis_denominator").where("year", "=", year).execute();
    const rows = districts.flatMap((d) =>
      DENOMINATOR_LEVELS.flatMap((level) => {
        const children = values[d.slug]?.[level];
        return children === undefined ? [] : [{ year, district_id: d.id, support_level: level, children, updated_by: by.userId }];
      }),
    );
    if (rows.length) await trx.insertInto("analysis_denominator").values(rows).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "analysis.denominators.saved",
      subjectType: "analysis_denominator",
      subjectId: String(year),
      details: { year, figures: rows.length },
      requestId: by.requestId,
    });
  });
}

/**
 * A wave's sent responses by district and level of support, against the figures for the
 * year it opened. Only for surveys about children (not practitioners'), and only once
 * figures have been typed in; every response counts, whatever the page's filters.
 */
export async function getResponseRates(db: Db, { wave }: { wave: Pick<Wave, "id" | "audience" | "opensAt"> }): Promise<ResponseRates | null> {
  if (wave.audience === "practitioner") return null;
  const year = yearForWave(await listDenominatorYears(db), wave.opensAt ? Number(instantToUkLocal(wave.opensAt).date.slice(0, 4)) : null);
  if (year === null) return null;
  const [{ districts }, responses, threshold] = await Promise.all([
    getDenominators(db, year),
    db
      .selectFrom("survey_response")
      .select(["district", "support_level", (eb) => eb.fn.countAll<string>().as("n")])
      .where("survey_id", "=", wave.id)
      .where("status", "=", "submitted")
      .where("support_level", "in", [...DENOMINATOR_LEVELS])
      .groupBy(["district", "support_level"])
      .execute(),
    getSuppressionThreshold(db),
  ]);
  const counts = new Map(responses.map((r) => [`${r.district} ${r.support_level}`, Number(r.n)]));
  const children = new Map(
    districts.flatMap((d) => DENOMINATOR_LEVELS.flatMap((level) => (d[level] === null ? [] : [[`${d.slug} ${level}`, d[level]!] as const]))),
  );
  return responseRates(year, districts, counts, children, threshold);
}
