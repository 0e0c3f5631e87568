/**
 * A survey wave's results for officers (issue 7, points 1–3; docs/decisions/029-survey-analysis.md):
 * how many sent it and started without sending, who answered, and each question's
 * answers, optionally broken down by one dimension, all through the filters, all
 * suppressed. Counted in PostgreSQL (GROUP BY), never by loading answers into memory,
 * so a wave of 50,000 responses is as quick to read as one of 50 (bench/analysis.ts).
 * Only submitted responses count. Easy-read and standard answers to a question share
 * its key, so they are counted together unless the format filter separates them.
 */
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../../db/schema";
import { surveyState, type SurveyState } from "../surveys/window";
import { allQuestions, SurveyDefinitionSchema, textTypes, type Audience, type Question, type SurveyDefinition } from "../surveys/definition";
import { isUuid } from "../feedback/schemas";
import { resolveText } from "../i18n/content";
import { answerNotFlagged } from "../safeguarding/safeguarding.server";
import { answerRows, countedTypes, distribution, questionLabel, type Distribution, type Label } from "./distribution";
import { median, rangeOf } from "./ranges";
import { allowedValues, districtsAllowed, filterDimensions, isUnfiltered, type AnalysisFilter, type FilterChoices, type FilterDimension } from "./filters";
import { whereResponseMatches } from "./filters.server";
import { cachedCount, waveState } from "./results-cache.server";
import { isSmall, suppressBreakdown, suppressCount, suppressCrossTab, type Cell } from "./suppression";
import { getSuppressionThreshold } from "./suppression.server";

type Db = Kysely<Database>;

export interface Wave {
  id: string;
  slug: string;
  title: string;
  audience: Audience;
  series: string;
  wave: string;
  state: SurveyState;
  opensAt: Date | null;
  closesAt: Date | null;
  definition: SurveyDefinition;
}

/** A survey with its current definition; undefined for an id that is not a survey's. */
export async function getWave(db: Db, { id, now, language }: { id: string | undefined; now: Date; language: string }): Promise<Wave | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("survey")
    .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select(["survey.id", "survey.slug", "survey.audience", "survey.series", "survey.wave", "survey.status", "survey.opens_at", "survey.closes_at", "survey_version.definition"])
    .where("survey.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const definition = SurveyDefinitionSchema.parse(row.definition);
  return {
    id: row.id,
    slug: row.slug,
    title: resolveText(definition.title, { language, format: "standard" })?.text ?? row.slug,
    audience: row.audience,
    series: row.series,
    wave: row.wave,
    state: surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    definition,
  };
}

/** Questions whose answers are counted (not "about you", which is read from the response). */
export function countedQuestions(definition: SurveyDefinition): Question[] {
  return allQuestions(definition).filter((q) => !q.about && countedTypes.includes(q.type));
}

/** Questions people answer in their own words. */
export function textQuestions(definition: SurveyDefinition): Question[] {
  return allQuestions(definition).filter((q) => !q.about && textTypes.includes(q.type));
}

// ---- Who answered ----------------------------------------------------------------------

export interface DimensionTable {
  dimension: FilterDimension;
  rows: { value: string; label: Label; cell: Cell }[];
  total: Cell;
}

/** The value of "not given" in a dimension (no district chosen, a district in no health area). */
export const NOT_GIVEN = "";

type RespondentRow = Record<FilterDimension, string | null> & { n: number };

/** The column or expression each dimension is read from. */
const dimensionColumn: Record<FilterDimension, string> = {
  district: "survey_response.district",
  health_area: "health_area.slug",
  support_level: "survey_response.support_level",
  age_band: "survey_response.age_band",
  completed_by: "survey_response.completed_by",
  language: "survey_response.language",
  format: "survey_response.format",
};

function dimensionValueLabel(dimension: FilterDimension, value: string, choices: FilterChoices): Label {
  if (value === NOT_GIVEN) return { key: "analysis:results.notGiven" };
  if (dimension === "district" || dimension === "health_area" || dimension === "language") {
    const found = choices[dimension].find((c) => c.value === value);
    return { text: found?.label ?? value };
  }
  return { key: `analysis:values.${dimension}.${value}` };
}

/** A dimension's values in the area's order, any others seen after them, "not given" last. */
function dimensionValues(dimension: FilterDimension, choices: FilterChoices, seen: Iterable<string>): string[] {
  const values = [...allowedValues(dimension, choices)];
  for (const value of seen) if (value !== NOT_GIVEN && !values.includes(value)) values.push(value);
  return [...values, NOT_GIVEN];
}

function whoAnswered(rows: RespondentRow[], matched: number, choices: FilterChoices, threshold: number): DimensionTable[] {
  return filterDimensions.map((dimension) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row[dimension] ?? NOT_GIVEN;
      counts.set(value, (counts.get(value) ?? 0) + row.n);
    }
    const values = dimensionValues(dimension, choices, counts.keys());
    const { cells, total } = suppressBreakdown(
      values.map((v) => counts.get(v) ?? 0),
      { threshold, total: matched },
    );
    return { dimension, rows: values.map((value, i) => ({ value, label: dimensionValueLabel(dimension, value, choices), cell: cells[i]! })), total };
  });
}

// ---- Questions ---------------------------------------------------------------------------

export interface CrossTab {
  dimension: FilterDimension;
  columns: { value: string; label: Label; total: Cell }[];
  /** [row][column], rows as in the question's distribution. */
  cells: Cell[][];
}

export interface QuestionResult extends Distribution {
  key: string;
  /** Its place in the survey, from 1. */
  number: number;
  text: Label;
  type: Question["type"];
  areaOfConcern: number | null;
  workingGroup: string | null;
  /** A person may be in more than one row, so the rows add up to more than the total. */
  multiple: boolean;
  breakdown: CrossTab | null;
  /** A number question's middle answer, hidden when fewer than the threshold gave one; null for other questions. */
  median: { shown: true; value: number } | { shown: false } | null;
}

export interface TextQuestionResult {
  key: string;
  number: number;
  text: Label;
  /** How many answered in their own words (answers flagged for safeguarding are not counted). */
  answered: Cell;
}

export interface WaveResults {
  threshold: number;
  counts: {
    /** Everyone who sent this wave, filters or not. */
    submitted: Cell;
    /** Started and not sent: who they are is recorded only on sending, so no filter applies. */
    started: Cell;
    /** Those the filters let through. */
    matched: Cell;
  };
  /**
   * Why no answers are shown: too few match the filters ("tooFew"), or so few are left
   * out that comparing with the whole wave would show their answers ("tooFewLeftOut").
   */
  withheld: "tooFew" | "tooFewLeftOut" | null;
  who: DimensionTable[];
  questions: QuestionResult[];
  textQuestions: TextQuestionResult[];
}

/** The expression a dimension is read from, for raw SQL. */
function dimensionSql(by: FilterDimension | null) {
  return by ? sql.ref(dimensionColumn[by]) : sql<null>`null::text`;
}

/** The filter as a condition to put in raw SQL. */
function filterCondition(filter: AnalysisFilter, choices: FilterChoices): Expression<SqlBool> {
  return whereResponseMatches(filter, choices)(expressionBuilder<Database, "survey_response">());
}

const areaJoins = sql`left join district on district.slug = survey_response.district left join health_area on health_area.id = district.health_area_id`;

/** The rows the counting queries return for one view of a wave, before suppression. */
interface WaveRows {
  respondents: RespondentRow[];
  values: { question_key: string; value: string; col: string | null; n: number }[];
  answered: { question_key: string; col: string | null; n: number }[];
  texts: { question_key: string; n: number }[];
}

/** Counts a view of a wave: respondents by every "about you" column, answers by question and value, in SQL. */
async function countWave(db: Db, { wave, filter, choices, by }: { wave: Wave; filter: AnalysisFilter; choices: FilterChoices; by: FilterDimension | null }): Promise<WaveRows> {
  const where = filterCondition(filter, choices);
  const countedKeys = countedQuestions(wave.definition).map((q) => q.key);
  const multipleKeys = countedQuestions(wave.definition)
    .filter((q) => q.type === "multiple_choice")
    .map((q) => q.key);
  const textKeys = textQuestions(wave.definition).map((q) => q.key);
  const dateKeys = countedQuestions(wave.definition)
    .filter((q) => q.type === "date")
    .map((q) => q.key);
  // Dates are counted by year (ranges.ts), so only the year is grouped.
  const value = dateKeys.length ? sql`case when survey_answer.question_key in (${sql.join(dateKeys)}) then left(v.value, 4) else v.value end` : sql`v.value`;
  const col = dimensionSql(by);
  const joins = by === "health_area" ? areaJoins : sql``;
  const [respondents, values, answered, texts] = await Promise.all([
    sql<RespondentRow>`
      select survey_response.district, health_area.slug as health_area, survey_response.support_level, survey_response.age_band,
             survey_response.completed_by, survey_response.language, survey_response.format, count(*)::int as n
      from survey_response ${areaJoins}
      where survey_response.survey_id = ${wave.id} and survey_response.status = 'submitted' and ${where}
      group by 1, 2, 3, 4, 5, 6, 7`
      .execute(db)
      .then((r) => r.rows),
    countedKeys.length
      ? sql<WaveRows["values"][number]>`
          select survey_answer.question_key, ${value} as value, ${col} as col, count(*)::int as n
          from survey_answer
          join survey_response on survey_response.id = survey_answer.response_id ${joins}
          cross join lateral jsonb_array_elements_text(
            case jsonb_typeof(survey_answer.value) when 'array' then survey_answer.value else jsonb_build_array(survey_answer.value) end
          ) as v(value)
          where survey_response.survey_id = ${wave.id} and survey_response.status = 'submitted'
            and survey_answer.question_key in (${sql.join(countedKeys)}) and ${where}
          group by 1, 2, 3`
          .execute(db)
          .then((r) => r.rows)
      : [],
    // Multiple choice: how many answered at all (a person may be in several rows).
    multipleKeys.length
      ? sql<WaveRows["answered"][number]>`
          select survey_answer.question_key, ${col} as col, count(*)::int as n
          from survey_answer
          join survey_response on survey_response.id = survey_answer.response_id ${joins}
          where survey_response.survey_id = ${wave.id} and survey_response.status = 'submitted'
            and survey_answer.question_key in (${sql.join(multipleKeys)}) and ${where}
            and jsonb_typeof(survey_answer.value) = 'array' and jsonb_array_length(survey_answer.value) > 0
          group by 1, 2`
          .execute(db)
          .then((r) => r.rows)
      : [],
    // Own words: how many answered, leaving out answers flagged for safeguarding (docs/decisions/020).
    textKeys.length
      ? sql<WaveRows["texts"][number]>`
          select survey_answer.question_key, count(*)::int as n
          from survey_answer
          join survey_response on survey_response.id = survey_answer.response_id
          where survey_response.survey_id = ${wave.id} and survey_response.status = 'submitted'
            and survey_answer.question_key in (${sql.join(textKeys)}) and ${where}
            and jsonb_typeof(survey_answer.value) = 'string' and btrim(survey_answer.value #>> '{}') <> ''
            and ${answerNotFlagged("survey_answer")}
          group by 1`
          .execute(db)
          .then((r) => r.rows)
      : [],
  ]);
  return { respondents, values, answered, texts };
}

/**
 * What makes two views the same count: the wave, its current version's questions, the
 * filters with health areas read as their districts (an area's districts can change), and
 * the breakdown (with the area map, when the breakdown is by health area).
 */
function viewKey(wave: Wave, filter: AnalysisFilter, choices: FilterChoices, by: FilterDimension | null): string {
  const questions = allQuestions(wave.definition).map((q) => `${q.key}:${q.type}`);
  return JSON.stringify([wave.id, questions, { ...filter, health_area: null, districts: districtsAllowed(filter, choices) }, by, by === "health_area" ? choices.health_area : null]);
}

export async function getWaveResults(
  db: Db,
  { wave, filter, choices, by, language }: { wave: Wave; filter: AnalysisFilter; choices: FilterChoices; by: FilterDimension | null; language: string },
): Promise<WaveResults> {
  const [threshold, state] = await Promise.all([getSuppressionThreshold(db), waveState(db, wave.id)]);
  const rows = await cachedCount(viewKey(wave, filter, choices, by), state.version, () => countWave(db, { wave, filter, choices, by }));
  const counted = countedQuestions(wave.definition);
  const texts = textQuestions(wave.definition);
  const numberOf = new Map(allQuestions(wave.definition).map((q, i) => [q.key, i + 1]));
  const respondentRows = rows.respondents;
  const submitted = state.sent;
  const started = state.started;
  const matched = respondentRows.reduce((sum, r) => sum + r.n, 0);
  const leftOut = submitted - matched;
  const withheld = isSmall(matched, threshold) || (matched === 0 && !isUnfiltered(filter)) ? "tooFew" : isSmall(leftOut, threshold) ? "tooFewLeftOut" : null;
  const results: WaveResults = {
    threshold,
    counts: {
      submitted: suppressCount(submitted, threshold),
      started: suppressCount(started, threshold),
      matched: withheld === "tooFewLeftOut" ? { shown: false, reason: "secondary" } : suppressCount(matched, threshold),
    },
    withheld,
    who: [],
    questions: [],
    textQuestions: [],
  };
  if (withheld || matched === 0) return results;
  results.who = whoAnswered(respondentRows, matched, choices, threshold);

  const columnCounts = new Map<string, number>();
  if (by) {
    for (const row of respondentRows) {
      const value = row[by] ?? NOT_GIVEN;
      columnCounts.set(value, (columnCounts.get(value) ?? 0) + row.n);
    }
  }
  const columnValues = by ? dimensionValues(by, choices, columnCounts.keys()) : [];
  const valueRows = rows.values;
  const answeredRows = rows.answered;
  const textRows = rows.texts;

  for (const question of counted) {
    const exact = valueRows.filter((r) => r.question_key === question.key);
    const toRange = rangeOf(question);
    const mine = exact.map((r) => ({ ...r, value: toRange(r.value) }));
    const multiple = question.type === "multiple_choice";
    const rows = answerRows(question, language, mine.map((r) => r.value), { key: "analysis:results.notAnswered" });
    const counts = sumBy(mine, (r) => r.value);
    const answeredByColumn = multiple ? sumBy(answeredRows.filter((r) => r.question_key === question.key), (r) => r.col ?? NOT_GIVEN) : sumBy(mine, (r) => r.col ?? NOT_GIVEN);
    const answered = [...answeredByColumn.values()].reduce((a, b) => a + b, 0);
    const whole = distribution(rows, { counts, answered, respondents: matched, gaveView: multiple ? answered : undefined, threshold });

    let breakdown: CrossTab | null = null;
    if (by) {
      const grid = whole.rows.map((row) =>
        columnValues.map((column) => {
          if (row.kind === "not_answered") return Math.max((columnCounts.get(column) ?? 0) - (answeredByColumn.get(column) ?? 0), 0);
          return mine.filter((r) => r.value === row.value && (r.col ?? NOT_GIVEN) === column).reduce((sum, r) => sum + r.n, 0);
        }),
      );
      const bases = columnValues.map((_, c) =>
        multiple ? answeredByColumn.get(columnValues[c]!) ?? 0 : whole.rows.reduce((sum, row, r) => (row.kind === "option" ? sum + grid[r]![c]! : sum), 0),
      );
      const tab = suppressCrossTab(grid, {
        threshold,
        columnTotals: columnValues.map((v) => columnCounts.get(v) ?? 0),
        total: matched,
        rowTotalShown: whole.rows.map((row) => row.cell.shown),
        percentBases: bases,
        withPercent: (r) => whole.rows[r]!.kind === "option",
      });
      breakdown = {
        dimension: by,
        columns: columnValues.map((value, c) => ({ value, label: dimensionValueLabel(by, value, choices), total: tab.columnTotals[c]! })),
        cells: tab.cells,
      };
    }
    results.questions.push({
      ...whole,
      key: question.key,
      number: numberOf.get(question.key) ?? 0,
      text: questionLabel(question, language),
      type: question.type,
      areaOfConcern: question.areaOfConcern ?? null,
      workingGroup: question.workingGroup ?? null,
      multiple,
      breakdown,
      median: question.type === "number" ? medianCell([...sumBy(exact, (r) => r.value)], answered, threshold) : null,
    });
  }

  results.textQuestions = texts.map((question) => ({
    key: question.key,
    number: numberOf.get(question.key) ?? 0,
    text: questionLabel(question, language),
    answered: suppressCount(textRows.find((r) => r.question_key === question.key)?.n ?? 0, threshold),
  }));
  return results;
}

/** The middle answer, shown only when at least the threshold gave a number. */
function medianCell(counts: [string, number][], answered: number, threshold: number): QuestionResult["median"] {
  const value = median(counts);
  return value === null || answered < threshold ? { shown: false } : { shown: true, value };
}

function sumBy<T extends { n: number }>(rows: readonly T[], keyOf: (row: T) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + row.n);
  return sums;
}

