/**
 * The query side of the analysis filters (app/analysis/filters.ts): what each filter may
 * be, from the area's data, and the condition a submitted response must meet.
 */
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { languages } from "../i18n/config";
import { ukLocalToInstant } from "../surveys/uk-time";
import { nextDay } from "../utils/typed-date";
import { districtsAllowed, type AnalysisFilter, type FilterChoices } from "./filters";

type Db = Kysely<Database>;

/** Districts and health areas in the area's order; the portal's languages. */
export async function getFilterChoices(db: Db): Promise<FilterChoices> {
  const [districts, areas] = await Promise.all([
    db
      .selectFrom("district")
      .leftJoin("health_area", "health_area.id", "district.health_area_id")
      .select(["district.slug", "district.name", "health_area.slug as area"])
      .orderBy("district.sort_order")
      .orderBy("district.name")
      .execute(),
    db.selectFrom("health_area").select(["slug", "name"]).orderBy("name").execute(),
  ]);
  return {
    district: districts.map((d) => ({ value: d.slug, label: d.name })),
    health_area: areas.map((a) => ({ value: a.slug, label: a.name, districts: districts.filter((d) => d.area === a.slug).map((d) => d.slug) })),
    language: languages.map((l) => ({ value: l.code, label: l.name })),
  };
}

/** The first instant of a UK calendar day (midnight is never skipped or repeated by the UK's clock changes). */
export function ukMidnight(date: string): Date {
  const result = ukLocalToInstant({ date, time: "00:00" });
  if (!result.ok) throw new Error(`No UK midnight on ${date}`);
  return result.instant;
}

/**
 * For a query on survey_response: the responses the filter lets through. It says
 * nothing about the survey or status; the caller adds those.
 */
export function whereResponseMatches(filter: AnalysisFilter, choices: FilterChoices) {
  const districts = districtsAllowed(filter, choices);
  return (eb: ExpressionBuilder<Database, "survey_response">) => {
    const conditions = [];
    // A health area with no districts lets nothing through: "in ()" is not SQL, so say so.
    if (districts !== null) conditions.push(districts.length ? eb("survey_response.district", "in", districts) : eb.lit(false));
    if (filter.support_level.length) conditions.push(eb("survey_response.support_level", "in", filter.support_level));
    if (filter.age_band.length) conditions.push(eb("survey_response.age_band", "in", filter.age_band));
    if (filter.completed_by.length) conditions.push(eb("survey_response.completed_by", "in", filter.completed_by));
    if (filter.language.length) conditions.push(eb("survey_response.language", "in", filter.language));
    if (filter.format.length) conditions.push(eb("survey_response.format", "in", filter.format as ("standard" | "easy_read")[]));
    if (filter.from) conditions.push(eb("survey_response.submitted_at", ">=", ukMidnight(filter.from)));
    if (filter.to) conditions.push(eb("survey_response.submitted_at", "<", ukMidnight(nextDay(filter.to))));
    return eb.and(conditions);
  };
}
