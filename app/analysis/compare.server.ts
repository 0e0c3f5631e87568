/**
 * One question across waves (issue 7, point 2): the same question key year on year in a
 * survey's series, and in other audiences' surveys that ask it too, through the same
 * filters. Answers are matched by the question's stable key, so easy-read and standard
 * answers count together and a question keeps its history when a survey is duplicated
 * into a new wave. Each wave is suppressed on its own, like its results page.
 */
import { expressionBuilder, sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { resolveText } from "../i18n/content";
import { allQuestions, SurveyDefinitionSchema, type Audience, type Question } from "../surveys/definition";
import { surveyState } from "../surveys/window";
import { answerRows, distribution, questionLabel, type Distribution, type Label } from "./distribution";
import { rangeOf } from "./ranges";
import { districtsAllowed, type AnalysisFilter, type FilterChoices } from "./filters";
import { whereResponseMatches } from "./filters.server";
import { cachedCount, waveState } from "./results-cache.server";
import { countedQuestions, type Wave } from "./results.server";
import { isSmall, suppressCount, type Cell } from "./suppression";
import { getSuppressionThreshold } from "./suppression.server";

type Db = Kysely<Database>;

export interface ComparedWave {
  id: string;
  title: string;
  audience: Audience;
  wave: string;
  sameSeries: boolean;
  matched: Cell;
  withheld: "tooFew" | "tooFewLeftOut" | null;
  distribution: Distribution | null;
}

export interface Comparison {
  threshold: number;
  question: { key: string; text: Label; type: Question["type"] };
  waves: ComparedWave[];
}

/** The question on this wave that can be compared, or undefined (a text question, an "about you" one, or no such key). */
export function comparableQuestion(wave: Wave, key: string | undefined): Question | undefined {
  return countedQuestions(wave.definition).find((q) => q.key === key);
}

export async function compareQuestion(
  db: Db,
  { wave, question, filter, choices, language, now }: { wave: Wave; question: Question; filter: AnalysisFilter; choices: FilterChoices; language: string; now: Date },
): Promise<Comparison> {
  const threshold = await getSuppressionThreshold(db);
  // Every survey whose current version asks a question with this key and type, once it has opened.
  const candidates = await db
    .selectFrom("survey")
    .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select(["survey.id", "survey.slug", "survey.audience", "survey.series", "survey.wave", "survey.status", "survey.opens_at", "survey.closes_at", "survey_version.definition"])
    .where(sql<boolean>`exists (select 1 from jsonb_array_elements(survey_version.definition->'pages') p, jsonb_array_elements(p->'questions') q
      where q->>'key' = ${question.key} and q->>'type' = ${question.type})`)
    .execute();
  const waves = candidates
    .map((row) => {
      const definition = SurveyDefinitionSchema.parse(row.definition);
      return {
        id: row.id,
        title: resolveText(definition.title, { language, format: "standard" })?.text ?? row.slug,
        audience: row.audience,
        wave: row.wave,
        series: row.series,
        opensAt: row.opens_at,
        state: surveyState({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at }, now),
        question: allQuestions(definition).find((q) => q.key === question.key && !q.about)!,
      };
    })
    .filter((w) => w.question && w.state !== "draft" && w.state !== "scheduled")
    // This series first, oldest wave first (year on year); then other audiences.
    .sort((a, b) => Number(b.series === wave.series) - Number(a.series === wave.series) || a.audience.localeCompare(b.audience) || (a.opensAt?.getTime() ?? 0) - (b.opensAt?.getTime() ?? 0));

  const where = whereResponseMatches(filter, choices)(expressionBuilder<Database, "survey_response">());
  const cachedCounts = await Promise.all(
    waves.map(async (w) => {
      const state = await waveState(db, w.id);
      const key = JSON.stringify(["compare", w.id, question.key, { ...filter, health_area: null, districts: districtsAllowed(filter, choices) }]);
      return cachedCount(key, state.version, async () => {
        const [totals, values, answered] = await Promise.all([
          sql<{ total: number; matched: number }>`
            select count(*)::int as total, (count(*) filter (where ${where}))::int as matched
            from survey_response where survey_response.survey_id = ${w.id} and survey_response.status = 'submitted'`.execute(db),
          sql<{ value: string; n: number }>`
            select v.value, count(*)::int as n
            from survey_answer join survey_response on survey_response.id = survey_answer.response_id
            cross join lateral jsonb_array_elements_text(
              case jsonb_typeof(survey_answer.value) when 'array' then survey_answer.value else jsonb_build_array(survey_answer.value) end
            ) as v(value)
            where survey_response.survey_id = ${w.id} and survey_response.status = 'submitted' and survey_answer.question_key = ${question.key} and ${where}
            group by 1`.execute(db),
          sql<{ n: number }>`
            select count(*)::int as n
            from survey_answer join survey_response on survey_response.id = survey_answer.response_id
            where survey_response.survey_id = ${w.id} and survey_response.status = 'submitted' and survey_answer.question_key = ${question.key} and ${where}`.execute(db),
        ]);
        const { total: all, matched } = totals.rows[0] ?? { total: 0, matched: 0 };
        return { all, matched, exact: values.rows, answered: answered.rows[0]?.n ?? 0 };
      });
    }),
  );

  // Numbers and dates in this wave's ranges (outside the cache: another wave's question may set other ranges).
  const toRange = rangeOf(question);
  const counted = cachedCounts.map(({ exact, ...c }) => {
    const counts = new Map<string, number>();
    for (const r of exact) counts.set(toRange(r.value), (counts.get(toRange(r.value)) ?? 0) + r.n);
    return { ...c, counts };
  });

  // One set of rows for every wave: this wave's options, then any value only another has.
  const rows = answerRows(
    question,
    language,
    counted.flatMap((c) => [...c.counts.keys()]),
    { key: "analysis:results.notAnswered" },
  );
  return {
    threshold,
    question: { key: question.key, text: questionLabel(question, language), type: question.type },
    waves: waves.map((w, i) => {
      const c = counted[i]!;
      const withheld = isSmall(c.matched, threshold) || c.matched === 0 ? "tooFew" : isSmall(c.all - c.matched, threshold) ? "tooFewLeftOut" : null;
      return {
        id: w.id,
        title: w.title,
        audience: w.audience,
        wave: w.wave,
        sameSeries: w.series === wave.series,
        matched: withheld === "tooFewLeftOut" ? { shown: false, reason: "secondary" } : suppressCount(c.matched, threshold),
        withheld,
        distribution: withheld
          ? null
          : distribution(rows, {
              counts: c.counts,
              answered: c.answered,
              respondents: c.matched,
              gaveView: question.type === "multiple_choice" ? c.answered : undefined,
              threshold,
            }),
      };
    }),
  };
}
