/**
 * The demo's annual surveys and their fictional responses, so analysis has
 * something to show. The 2026 waves are open (from 21 days before `now` to 40
 * days after, at noon UK time); last year's parent and carer wave is closed, so
 * years can be compared. Responses are generated from a seeded random sequence
 * (the same every time), vary by district, respect every condition and pass
 * `checkAnswer`, exactly as if they had come through the journey. Rows go in a
 * few hundred at a time: the whole thing takes well under a second on PGlite.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  answersInScope,
  checkAnswer,
  conditionMet,
  firstMissing,
  visiblePages,
  visibleQuestions,
  type AnswerContext,
  type Answers,
  type AnswerValue,
} from "../../app/surveys/answers";
import { newSurveyReference } from "../../app/surveys/codes";
import { allQuestions, type Question, type SurveyDefinition } from "../../app/surveys/definition";
import { createSurvey } from "../../app/surveys/surveys.server";
import { instantToUkLocal, ukLocalToInstant } from "../../app/surveys/uk-time";
import type { Database } from "../schema";
import { createRandom } from "./local-offer";
import {
  freeTextPools,
  PARENT_CARER_SURVEY_2025,
  PARENT_CARER_SURVEY_2026,
  PRACTITIONER_SURVEY_2026,
  YOUNG_PEOPLE_SURVEY_2026,
  type DemoSurvey,
} from "./surveys-data";

type Random = ReturnType<typeof createRandom>;
type Language = "en-GB" | "ur" | "pl";
type Format = "standard" | "easy_read";

/** How many fictional responses each demo survey gets. */
export const DEMO_SURVEY_RESPONSES = {
  "parent-carer-survey-2026": { submitted: 260, started: 14 },
  "young-people-survey-2026": { submitted: 90, started: 6 },
  "practitioner-survey-2026": { submitted: 70, started: 4 },
  "parent-carer-survey-2025": { submitted: 120, started: 6 },
} as const;

// ---- UK time ---------------------------------------------------------------------

/** "YYYY-MM-DD" of an instant in Europe/London. */
export function londonDate(instant: Date): string {
  return instantToUkLocal(instant).date;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 12:00 in Europe/London on a calendar date (11:00 UTC in summer, 12:00 UTC in winter). */
export function ukNoon(date: string): Date {
  const noon = ukLocalToInstant({ date, time: "12:00" });
  // Clocks change in the small hours, so noon always exists, once.
  if (!noon.ok) throw new Error(`no noon on ${date}: ${noon.reason}`);
  return noon.instant;
}

/** The demo's windows, all at noon UK time: 2026 open around `now`, 2025 the same dates 52 weeks earlier. */
export function demoSurveyWindows(now: Date) {
  const today = londonDate(now);
  const opens = addDays(today, -21);
  const closes = addDays(today, 40);
  return {
    current: { opensAt: ukNoon(opens), closesAt: ukNoon(closes) },
    previous: { opensAt: ukNoon(addDays(opens, -364)), closesAt: ukNoon(addDays(closes, -364)) },
  };
}

// ---- Who answers ----------------------------------------------------------------

interface DistrictProfile {
  /** Rough share of respondents (population-weighted). */
  weight: number;
  /** How much better (+) or worse (−) experiences are there, on a scale where 1 is about one step. */
  mood: number;
  /** Share answering in Urdu and in Polish. */
  urdu: number;
  polish: number;
  /** Autism assessment waits: the north had no pathway (area of concern 7). */
  autismWaitMonths: number;
}

const DISTRICTS: Record<string, DistrictProfile> = {
  burnley: { weight: 9, mood: -0.35, urdu: 0.12, polish: 0.04, autismWaitMonths: 16 },
  chorley: { weight: 11, mood: 0.25, urdu: 0.02, polish: 0.05, autismWaitMonths: 11 },
  fylde: { weight: 8, mood: 0.3, urdu: 0.01, polish: 0.03, autismWaitMonths: 12 },
  hyndburn: { weight: 8, mood: -0.25, urdu: 0.14, polish: 0.05, autismWaitMonths: 15 },
  lancaster: { weight: 13, mood: -0.45, urdu: 0.02, polish: 0.04, autismWaitMonths: 26 },
  pendle: { weight: 9, mood: -0.2, urdu: 0.2, polish: 0.03, autismWaitMonths: 15 },
  preston: { weight: 14, mood: 0, urdu: 0.1, polish: 0.1, autismWaitMonths: 13 },
  "ribble-valley": { weight: 6, mood: 0.35, urdu: 0.01, polish: 0.02, autismWaitMonths: 13 },
  rossendale: { weight: 7, mood: -0.1, urdu: 0.05, polish: 0.03, autismWaitMonths: 15 },
  "south-ribble": { weight: 11, mood: 0.15, urdu: 0.02, polish: 0.06, autismWaitMonths: 11 },
  "west-lancashire": { weight: 11, mood: -0.05, urdu: 0.01, polish: 0.04, autismWaitMonths: 14 },
  wyre: { weight: 11, mood: 0.05, urdu: 0.01, polish: 0.03, autismWaitMonths: 20 },
};
const NEUTRAL_DISTRICT: DistrictProfile = { weight: 1, mood: 0, urdu: 0.05, polish: 0.05, autismWaitMonths: 14 };

interface Respondent {
  district: string;
  profile: DistrictProfile;
  /** Overall experience: district, wave, audience and the person. */
  mood: number;
  language: Language;
  format: Format;
}

export function weighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A standard normal draw (Box–Muller) from the seeded sequence. */
export function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

interface Cohort {
  survey: DemoSurvey;
  /** Added to everyone's mood: last year was worse, young people are kinder. */
  baseMood: number;
  easyReadShare: number;
  /** Multiplies the districts' Urdu and Polish shares. */
  translatedShare: number;
}

function newRespondent(random: Random, cohort: Cohort, districts: readonly string[]): Respondent {
  const weights = Object.fromEntries(districts.map((d) => [d, (DISTRICTS[d] ?? NEUTRAL_DISTRICT).weight])) as Record<string, number>;
  const district = weighted(random, weights);
  const profile = DISTRICTS[district] ?? NEUTRAL_DISTRICT;
  const roll = random.next();
  const language: Language =
    roll < profile.urdu * cohort.translatedShare ? "ur" : roll < (profile.urdu + profile.polish) * cohort.translatedShare ? "pl" : "en-GB";
  return {
    district,
    profile,
    mood: cohort.baseMood + profile.mood + gaussian(random) * 0.8,
    language,
    format: random.chance(cohort.easyReadShare) ? "easy_read" : "standard",
  };
}

// ---- What they answer -------------------------------------------------------------

/** How often each option is ticked, before the person's mood lifts some of them. */
const MULTIPLE_CHOICE_CHANCES: Record<string, Record<string, number>> = {
  support_received: { help_in_school: 0.78, speech_language: 0.4, occupational_therapy: 0.24, mental_health: 0.2, short_breaks: 0.16, social_care: 0.12 },
  free_time: { sport: 0.45, games: 0.6, see_friends: 0.4, clubs: 0.25, family: 0.55, at_home: 0.5 },
  provision_gaps: { autism_assessment: 0.5, speech_language: 0.3, mental_health: 0.6, short_breaks: 0.3, specialist_places: 0.45, post_16: 0.3, adult_transition: 0.35 },
};

/** How each statement tends to land, beyond the person's mood (negative: more disagree). */
const LEANING: Record<string, number> = {
  assessment_clear: -0.3,
  plan_helps: 0.1,
  listened_to: -0.15,
  support_quality: -0.1,
  learning_progress: 0.3,
  health_wellbeing: 0.1,
  friends_community: -0.35,
  independence_future: -0.5,
  information_clear: -0.45,
  // Practitioners
  referral_clear: 0.9,
  assessment_timely: -0.7,
  plan_quality: -0.25,
  joint_working: -0.3,
  families_involved: 0.35,
  outcomes_improving: 0.1,
};

/** The same for the young people's faces; they are a little kinder than their parents overall. */
const FACE_LEANING: Record<string, number> = {
  listened_to: 0.3,
  plan_helps: 0.5,
  feel_school: 0.4,
  help_feel: 0.5,
  health_feel: 0.6,
  friends: 0.4,
  future: 0.1,
};

function agreement(random: Random, score: number, allowDontKnow: boolean): string {
  if (allowDontKnow && random.chance(0.04)) return "dont_know";
  if (score > 1.2) return "strongly_agree";
  if (score > 0.35) return "agree";
  if (score > -0.3) return "neither";
  if (score > -1.1) return "disagree";
  return "strongly_disagree";
}

function face(score: number): string {
  if (score > 1.1) return "5";
  if (score > 0.3) return "4";
  if (score > -0.35) return "3";
  if (score > -1.1) return "2";
  return "1";
}

function score(random: Random, person: Respondent, leaning: number): number {
  return person.mood + leaning + gaussian(random) * 0.7;
}

function freeText(random: Random, key: string, person: Respondent): string {
  const pool = freeTextPools[key];
  if (!pool) throw new Error(`no demo answers for the free-text question ${key}`);
  const own = person.language === "ur" ? pool.ur : person.language === "pl" ? pool.pl : [];
  return random.pick(own.length && random.chance(0.75) ? own : pool.en);
}

/** A date `min`..`max` days before now, as "YYYY-MM-DD" (UK calendar). */
function dateBefore(random: Random, now: Date, minDays: number, maxDays: number): string {
  return addDays(londonDate(now), -random.int(minDays, maxDays));
}

/**
 * What one person would give for one question, given the answers they have
 * already given. Undefined when they leave it blank (never for a required one).
 */
function answerFor(random: Random, question: Question, person: Respondent, previous: Answers, now: Date, audience: DemoSurvey["audience"]): AnswerValue | undefined {
  const skip = (p: number) => !question.required && random.chance(p);
  const key = question.key;

  if (question.about) {
    if (skip(0.12)) return undefined;
    switch (question.about) {
      case "district":
        return person.district;
      case "age_band":
        return audience === "young_person"
          ? weighted(random, { "5_10": 15, "11_15": 45, "16_18": 28, "19_25": 12 })
          : weighted(random, { "0_4": 10, "5_10": 34, "11_15": 33, "16_18": 15, "19_25": 8 });
      case "support_level": {
        const plan = previous.ehc_plan ?? previous.have_plan;
        if (plan === "yes") return random.chance(0.94) ? "ehc_plan" : "not_sure";
        if (plan === "no") return weighted(random, { sen_support: 70, neither: 18, not_sure: 12 });
        return weighted(random, { sen_support: 30, ehc_plan: 25, not_sure: 45 });
      }
      case "completed_by":
        return audience === "young_person"
          ? weighted(random, { on_my_own: 35, with_help: 50, answered_for_me: 15 })
          : weighted(random, { on_my_own: 88, with_help: 10, answered_for_me: 2 });
    }
  }

  switch (question.type) {
    case "agreement":
      if (skip(0.04)) return undefined;
      return agreement(random, score(random, person, LEANING[key] ?? 0), question.allowDontKnow);
    case "face_scale":
      if (skip(0.05)) return undefined;
      return face(score(random, person, FACE_LEANING[key] ?? 0));
    case "yes_no_not_sure": {
      if (skip(0.05)) return undefined;
      const low = person.mood < -0.5;
      switch (key) {
        case "ehc_plan":
        case "have_plan":
          return weighted(random, { yes: 55, no: 36, not_sure: 9 });
        case "school_exclusion":
          return weighted(random, { yes: low ? 20 : 8, no: low ? 72 : 86, not_sure: 6 });
        case "meeting_say":
          return weighted(random, { yes: person.mood > 0 ? 62 : 38, no: person.mood > 0 ? 20 : 40, not_sure: 22 });
        case "exclusion_seen":
          return weighted(random, { yes: 18, no: 70, not_sure: 12 });
        default:
          return random.pick(["yes", "no", "not_sure"]);
      }
    }
    case "single_choice":
      if (skip(0.05)) return undefined;
      switch (key) {
        case "autism_assessment": {
          const north = person.profile.autismWaitMonths > 18;
          return weighted(random, { assessed: 30, waiting: north ? 38 : 22, not_needed: north ? 24 : 38, not_sure: 8 });
        }
        case "role":
          return weighted(random, { senco: 24, teacher: 18, early_years: 8, health: 16, social_care: 10, send_team: 9, voluntary: 9, other: 6 });
        default:
          return random.pick(question.options).value;
      }
    case "multiple_choice": {
      if (skip(0.06)) return undefined;
      if (key === "support_received" && random.chance(0.07)) return ["none"];
      const chances = MULTIPLE_CHOICE_CHANCES[key] ?? {};
      const lift = (value: string) =>
        (value === "mental_health" && person.mood < 0) || (value === "see_friends" && person.mood > 0) || (value === "autism_assessment" && person.profile.autismWaitMonths > 18)
          ? 0.2
          : 0;
      const chosen = question.options
        .filter((o) => o.value !== "none" && random.chance((chances[o.value] ?? 0.3) + lift(o.value)))
        .map((o) => o.value);
      return chosen.length ? chosen : [question.options[0]!.value];
    }
    case "number":
      if (key === "autism_wait_months") {
        if (skip(0.1)) return undefined;
        const months = Math.round(person.profile.autismWaitMonths * Math.exp(gaussian(random) * 0.45));
        return String(Math.min(120, Math.max(1, months)));
      }
      if (skip(0.08)) return undefined;
      return String(Math.max(0, Math.min(100, Math.round(1.5 + gaussian(random) * 1.4 + (person.mood > 0 ? 0.5 : 0)))));
    case "date":
      // Most parents do not have the date to hand.
      if (skip(0.35)) return undefined;
      return dateBefore(random, now, 60, 8 * 365);
    case "short_text":
    case "long_text": {
      const chance = key === "not_listened_why" ? 0.6 : key === "one_change" || key === "improve_one" || key === "plan_quality_why" ? 0.45 : 0.3;
      return random.chance(chance) ? freeText(random, key, person) : undefined;
    }
  }
}

/**
 * A complete set of answers, walked page by page as the journey would (a
 * condition sees the answers above it), checked with `checkAnswer` and kept
 * only where in scope. Throws if the generator ever makes an answer the
 * journey would refuse: the demo must be data the portal could have stored.
 */
function answerSurvey(random: Random, definition: SurveyDefinition, person: Respondent, context: AnswerContext, now: Date, audience: DemoSurvey["audience"]): Answers {
  const answers: Answers = {};
  for (const page of definition.pages) {
    if (!conditionMet(page.condition, answers)) continue;
    for (const question of page.questions) {
      if (!conditionMet(question.condition, answers)) continue;
      const raw = answerFor(random, question, person, answers, now, audience);
      const checked = checkAnswer(question, raw ?? "", context);
      if (!checked.ok) throw new Error(`demo answer to ${question.key} refused: ${checked.error} (${JSON.stringify(raw)})`);
      if (checked.value !== null) answers[question.key] = checked.value;
    }
  }
  return answersInScope(definition, answers);
}

// ---- Rows -----------------------------------------------------------------------

interface ResponseRow {
  id: string;
  survey_id: string;
  version_id: string;
  status: "draft" | "submitted";
  reference: string | null;
  language: string;
  format: Format;
  last_page: string | null;
  started_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  district: string | null;
  age_band: string | null;
  support_level: string | null;
  completed_by: string | null;
}

interface AnswerRow {
  response_id: string;
  question_key: string;
  value: string;
  updated_at: Date;
}

const ABOUT_COLUMNS = ["district", "age_band", "support_level", "completed_by"] as const;

/** An instant in the window, more of them early on (the launch email) and none after `latest`. */
function startTime(random: Random, opensAt: Date, latest: Date): Date {
  const span = latest.getTime() - opensAt.getTime();
  return new Date(opensAt.getTime() + Math.floor(random.next() ** 1.4 * span));
}

function plannedRows(
  random: Random,
  cohort: Cohort,
  ids: { surveyId: string; versionId: string },
  window: { opensAt: Date; closesAt: Date },
  now: Date,
  context: AnswerContext,
  references: Set<string>,
): { responses: ResponseRow[]; answers: AnswerRow[] } {
  const { survey } = cohort;
  const counts = DEMO_SURVEY_RESPONSES[survey.slug as keyof typeof DEMO_SURVEY_RESPONSES];
  // Nothing after now, nor after the close; leave an hour for the last ones to finish.
  const latest = new Date(Math.min(now.getTime(), window.closesAt.getTime()) - 3_600_000);
  const responses: ResponseRow[] = [];
  const answers: AnswerRow[] = [];
  const definition = survey.definition;

  for (let i = 0; i < counts.submitted + counts.started; i++) {
    const submitted = i < counts.submitted;
    const person = newRespondent(random, cohort, context.districts);
    const full = answerSurvey(random, definition, person, context, now, survey.audience);
    const startedAt = startTime(random, window.opensAt, latest);
    // Most finish in one go; some come back another day.
    const minutes = random.chance(0.12) ? random.int(60 * 4, 60 * 72) : random.int(4, 25);
    const finishedAt = new Date(Math.min(startedAt.getTime() + minutes * 60_000, latest.getTime() + 3_000_000));
    const id = randomUUID();
    let kept = full;
    let lastPage: string | null;
    if (submitted) {
      if (firstMissing(definition, full, context)) throw new Error(`demo response to ${survey.slug} is missing a required answer`);
      lastPage = visiblePages(definition, full).at(-1)!.key;
    } else {
      // Started, not submitted: stopped after a few pages.
      const pages = visiblePages(definition, full);
      const done = pages.slice(0, random.int(1, Math.max(1, pages.length - 2)));
      const shown = new Set(done.flatMap((p) => visibleQuestions(p, full).map((q) => q.key)));
      kept = Object.fromEntries(Object.entries(full).filter(([key]) => shown.has(key)));
      lastPage = done.at(-1)!.key;
    }
    let reference: string | null = null;
    if (submitted) {
      do reference = newSurveyReference();
      while (references.has(reference));
      references.add(reference);
    }
    const about = Object.fromEntries(ABOUT_COLUMNS.map((c) => [c, null])) as Record<(typeof ABOUT_COLUMNS)[number], string | null>;
    if (submitted) {
      for (const question of allQuestions(definition)) {
        const value = kept[question.key];
        if (question.about && typeof value === "string") about[question.about] = value;
      }
    }
    responses.push({
      id,
      survey_id: ids.surveyId,
      version_id: ids.versionId,
      status: submitted ? "submitted" : "draft",
      reference,
      language: person.language,
      format: person.format,
      last_page: lastPage,
      started_at: startedAt,
      updated_at: finishedAt,
      submitted_at: submitted ? finishedAt : null,
      ...about,
    });
    for (const [question_key, value] of Object.entries(kept)) {
      answers.push({ response_id: id, question_key, value: JSON.stringify(value), updated_at: finishedAt });
    }
  }
  return { responses, answers };
}

async function insertInChunks<T>(size: number, rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Creates the three annual surveys (2026 open, as of `now`) and last year's
 * closed parent and carer wave, with their fictional responses. Called inside
 * seedDemo's transaction, after the area (it needs the districts).
 */
export async function seedDemoSurveys(db: Kysely<Database>, now: Date): Promise<void> {
  const districts = (await db.selectFrom("district").select("slug").orderBy("sort_order").execute()).map((d) => d.slug);
  const context: AnswerContext = { districts };
  const windows = demoSurveyWindows(now);
  const random = createRandom(20261123);
  const references = new Set<string>();

  const cohorts: { cohort: Cohort; window: { opensAt: Date; closesAt: Date } }[] = [
    { cohort: { survey: PARENT_CARER_SURVEY_2025, baseMood: -0.35, easyReadShare: 0, translatedShare: 0.8 }, window: windows.previous },
    { cohort: { survey: PARENT_CARER_SURVEY_2026, baseMood: -0.05, easyReadShare: 0, translatedShare: 1 }, window: windows.current },
    { cohort: { survey: YOUNG_PEOPLE_SURVEY_2026, baseMood: 0.05, easyReadShare: 0.6, translatedShare: 0.6 }, window: windows.current },
    { cohort: { survey: PRACTITIONER_SURVEY_2026, baseMood: 0, easyReadShare: 0, translatedShare: 0.15 }, window: windows.current },
  ];

  const responses: ResponseRow[] = [];
  const answers: AnswerRow[] = [];
  const versions: { id: string; lockedAt: Date }[] = [];
  let previousId: string | null = null;
  for (const { cohort, window } of cohorts) {
    const { survey } = cohort;
    const ids = await createSurvey(db, {
      slug: survey.slug,
      audience: survey.audience,
      series: survey.series,
      wave: survey.wave,
      access: "open_link",
      // Last year's wave is simply past its close: "closed", still there to compare with.
      status: "scheduled",
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      duplicatedFrom: survey.series === PARENT_CARER_SURVEY_2025.series ? previousId : null,
      definition: survey.definition,
    });
    if (survey === PARENT_CARER_SURVEY_2025) previousId = ids.id;
    // A version locks when its survey first opens to respondents (startResponse does the same).
    versions.push({ id: ids.versionId, lockedAt: window.opensAt });
    const rows = plannedRows(random, cohort, { surveyId: ids.id, versionId: ids.versionId }, window, now, context, references);
    responses.push(...rows.responses);
    answers.push(...rows.answers);
  }

  for (const version of versions) {
    await db.updateTable("survey_version").set({ locked_at: version.lockedAt }).where("id", "=", version.id).execute();
  }
  await insertInChunks(500, responses, (chunk) => db.insertInto("survey_response").values(chunk).execute());
  await insertInChunks(2000, answers, (chunk) => db.insertInto("survey_answer").values(chunk).execute());
}
