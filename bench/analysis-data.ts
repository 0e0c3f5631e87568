// The data behind bench/analysis.ts: a closed parents' and carers' survey wave with 25
// questions like a real one (agreement scales with "don't know", single and multiple
// choice, yes/no/not sure, face scales, two questions in people's own words and the four
// "about you" questions), and 50,000 submitted responses of 25 answers each, spread as an
// area's responses are (districts of different sizes, support levels, age bands, who
// filled it in, three languages, two formats, more in the first days of the window), plus
// drafts left part-way, safeguarding flags on some answers in people's own words, and the
// year's denominators. Generated in this process from a seeded random sequence (the same
// every run) and written with a few dozen multi-row INSERT … SELECT FROM unnest(…)
// statements: no HTTP, no per-row round trip.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Kysely } from "kysely";
import { newSurveyReference } from "../app/surveys/codes";
import { en, type Option, type Question, type QuestionType, type SurveyDefinition } from "../app/surveys/definition";
import { createSurvey } from "../app/surveys/surveys.server";
import type { Database } from "../db/schema";
import { createRandom } from "../db/seed/local-offer";
import { freeTextPools } from "../db/seed/surveys-data";
import { gaussian, londonDate, ukNoon, weighted } from "../db/seed/surveys";

type Random = ReturnType<typeof createRandom>;

export const BENCH_WAVE = {
  slug: "parent-carer-survey-bench",
  title: "Parent and carer survey (benchmark wave)",
  /** The demo's series: the compare page then shows this wave beside the demo's 2025 and 2026 waves. */
  series: "parent-carer-annual",
  wave: "2024",
} as const;

/** The question the compare page is measured on (asked, with this key and type, by the demo's parent waves too). */
export const COMPARE_KEY = "listened_to";

// ---------------------------------------------------------------------------
// The survey: 25 questions on 6 pages, none conditional, so everyone answers all 25

interface Input {
  key: string;
  type: QuestionType;
  text: string;
  area: number;
  options?: [value: string, label: string][];
  about?: Question["about"];
}

function question(input: Input): Question {
  return {
    key: input.key,
    type: input.type,
    required: input.type !== "long_text" && !input.about,
    text: en(input.text),
    hint: [],
    options: (input.options ?? []).map(([value, label]): Option => ({ value, label: en(label) })),
    allowDontKnow: true,
    condition: null,
    areaOfConcern: input.area,
    workingGroup: null,
    about: input.about ?? null,
    min: null,
    max: null,
  };
}

const PAGES: { key: string; title: string; questions: Input[] }[] = [
  {
    key: "getting_support",
    title: "Getting support",
    questions: [
      { key: "ehc_plan", type: "yes_no_not_sure", area: 5, text: "Does your child have an education, health and care (EHC) plan?" },
      { key: "assessment_clear", type: "agreement", area: 5, text: "I understood how my child's needs were being assessed and what would happen next." },
      {
        key: "autism_assessment",
        type: "single_choice",
        area: 7,
        text: "Has your child had an assessment for autism?",
        options: [
          ["assessed", "Yes, they have been assessed"],
          ["waiting", "They are waiting for an assessment"],
          ["not_needed", "No, and they do not need one"],
          ["not_sure", "I'm not sure"],
        ],
      },
      { key: "plan_review_on_time", type: "yes_no_not_sure", area: 6, text: "Did your child's last annual review happen on time?" },
      { key: COMPARE_KEY, type: "agreement", area: 4, text: "People listened to me when decisions were made about my child's support." },
      { key: "not_listened_why", type: "long_text", area: 4, text: "What would have helped you feel listened to?" },
    ],
  },
  {
    key: "support",
    title: "The support your child gets",
    questions: [
      {
        key: "support_received",
        type: "multiple_choice",
        area: 3,
        text: "Which kinds of support has your child had in the last 12 months?",
        options: [
          ["help_in_school", "Extra help in school, nursery or college"],
          ["speech_language", "Speech and language therapy"],
          ["occupational_therapy", "Occupational therapy or physiotherapy"],
          ["mental_health", "Help with mental health or emotions"],
          ["short_breaks", "Short breaks or activities"],
          ["social_care", "Help from social care"],
          ["none", "None of these"],
        ],
      },
      { key: "support_quality", type: "agreement", area: 11, text: "The support my child gets meets their needs." },
      {
        key: "therapy_wait",
        type: "single_choice",
        area: 9,
        text: "How long has your child waited for therapy they were referred for?",
        options: [
          ["under_3_months", "Less than 3 months"],
          ["3_to_6_months", "3 to 6 months"],
          ["6_to_12_months", "6 to 12 months"],
          ["over_12_months", "More than 12 months"],
          ["not_referred", "They have not been referred"],
        ],
      },
      { key: "local_offer_used", type: "yes_no_not_sure", area: 12, text: "Have you used the local offer website to find support?" },
    ],
  },
  {
    key: "outcomes",
    title: "How your child is doing",
    questions: [
      { key: "learning_progress", type: "agreement", area: 8, text: "My child is making good progress with their learning." },
      { key: "school_exclusion", type: "yes_no_not_sure", area: 10, text: "Has your child been excluded or sent home from school in the last year?" },
      { key: "health_wellbeing", type: "agreement", area: 8, text: "My child's health and wellbeing needs are being met." },
      { key: "friends_community", type: "agreement", area: 8, text: "My child has friends and takes part in activities they enjoy." },
      { key: "independence_future", type: "agreement", area: 10, text: "My child is being helped to prepare for adult life." },
      { key: "happy_at_school", type: "face_scale", area: 8, text: "How does your child feel about going to school, nursery or college?" },
    ],
  },
  {
    key: "information",
    title: "Information and overall",
    questions: [
      { key: "information_clear", type: "agreement", area: 12, text: "Information about support in the area is easy to find and understand." },
      {
        key: "gaps",
        type: "multiple_choice",
        area: 3,
        text: "Which of these would make the most difference to your family?",
        options: [
          ["autism_assessment", "Shorter waits for autism assessment"],
          ["speech_language", "More speech and language therapy"],
          ["mental_health", "Mental health support"],
          ["short_breaks", "Short breaks"],
          ["specialist_places", "Specialist school places"],
          ["post_16", "Courses and support after 16"],
        ],
      },
      { key: "overall_feel", type: "face_scale", area: 2, text: "Overall, how do you feel about the support for your child?" },
      {
        key: "hear_back",
        type: "single_choice",
        area: 4,
        text: "How would you like to hear what has changed because of this survey?",
        options: [
          ["email", "By email"],
          ["website", "On the local offer website"],
          ["forum_newsletter", "In the parent carer forum's newsletter"],
          ["school", "Through my child's school"],
          ["no_thanks", "I do not need to hear back"],
        ],
      },
    ],
  },
  {
    key: "one_change",
    title: "One change",
    questions: [{ key: "one_change", type: "long_text", area: 1, text: "If you could change one thing about SEND support in the area, what would it be?" }],
  },
  {
    key: "about_you",
    title: "About you",
    questions: [
      { key: "district", type: "single_choice", area: 2, about: "district", text: "Which district do you live in?" },
      { key: "age_band", type: "single_choice", area: 2, about: "age_band", text: "How old is your child?" },
      { key: "support_level", type: "single_choice", area: 2, about: "support_level", text: "What support does your child have?" },
      { key: "completed_by", type: "single_choice", area: 2, about: "completed_by", text: "Who filled in this survey?" },
    ],
  },
];

export const benchAnalysisDefinition: SurveyDefinition = {
  title: en(BENCH_WAVE.title),
  purpose: en("Generated responses to measure the analysis pages."),
  howUsed: en("The answers are thrown away with the benchmark's database."),
  estimatedMinutes: 12,
  pages: PAGES.map((p) => ({ key: p.key, title: en(p.title), questions: p.questions.map(question), condition: null })),
};

export const BENCH_ANALYSIS_QUESTIONS = PAGES.flatMap((p) => p.questions);
if (BENCH_ANALYSIS_QUESTIONS.length !== 25) throw new Error(`the benchmark's survey has ${BENCH_ANALYSIS_QUESTIONS.length} questions, not 25`);

// ---------------------------------------------------------------------------
// Who answers

/** Share of respondents (uneven, like the districts' populations) and how their experiences lean. */
const DISTRICTS: Record<string, { weight: number; mood: number; urdu: number; polish: number }> = {
  burnley: { weight: 9, mood: -0.35, urdu: 0.12, polish: 0.04 },
  chorley: { weight: 11, mood: 0.25, urdu: 0.02, polish: 0.05 },
  fylde: { weight: 6, mood: 0.3, urdu: 0.01, polish: 0.03 },
  hyndburn: { weight: 7, mood: -0.25, urdu: 0.14, polish: 0.05 },
  lancaster: { weight: 13, mood: -0.45, urdu: 0.02, polish: 0.04 },
  pendle: { weight: 8, mood: -0.2, urdu: 0.2, polish: 0.03 },
  preston: { weight: 16, mood: 0, urdu: 0.1, polish: 0.1 },
  "ribble-valley": { weight: 3, mood: 0.35, urdu: 0.01, polish: 0.02 },
  rossendale: { weight: 5, mood: -0.1, urdu: 0.05, polish: 0.03 },
  "south-ribble": { weight: 10, mood: 0.15, urdu: 0.02, polish: 0.06 },
  "west-lancashire": { weight: 9, mood: -0.05, urdu: 0.01, polish: 0.04 },
  wyre: { weight: 8, mood: 0.05, urdu: 0.01, polish: 0.03 },
};

function agreement(random: Random, score: number): string {
  if (random.chance(0.05)) return "dont_know";
  if (score > 1.2) return "strongly_agree";
  if (score > 0.35) return "agree";
  if (score > -0.3) return "neither";
  if (score > -1.1) return "disagree";
  return "strongly_disagree";
}

function face(score: number): string {
  return score > 1.1 ? "5" : score > 0.3 ? "4" : score > -0.35 ? "3" : score > -1.1 ? "2" : "1";
}

const TICK_CHANCES: Record<string, Record<string, number>> = {
  support_received: { help_in_school: 0.78, speech_language: 0.4, occupational_therapy: 0.24, mental_health: 0.2, short_breaks: 0.16, social_care: 0.12 },
  gaps: { autism_assessment: 0.45, speech_language: 0.3, mental_health: 0.55, short_breaks: 0.3, specialist_places: 0.4, post_16: 0.25 },
};

const TEXT_POOL: Record<string, keyof typeof freeTextPools> = { not_listened_why: "not_listened_why", one_change: "one_change" };

interface Person {
  district: string;
  mood: number;
  language: "en-GB" | "ur" | "pl";
  format: "standard" | "easy_read";
  supportLevel: string;
  ageBand: string;
  completedBy: string;
}

function newPerson(random: Random): Person {
  const district = weighted(random, Object.fromEntries(Object.entries(DISTRICTS).map(([d, p]) => [d, p.weight])));
  const profile = DISTRICTS[district]!;
  const roll = random.next();
  return {
    district,
    mood: profile.mood + gaussian(random) * 0.8,
    language: roll < profile.urdu ? "ur" : roll < profile.urdu + profile.polish ? "pl" : "en-GB",
    format: random.chance(0.12) ? "easy_read" : "standard",
    supportLevel: weighted(random, { sen_support: 48, ehc_plan: 40, neither: 7, not_sure: 5 }),
    ageBand: weighted(random, { "0_4": 10, "5_10": 34, "11_15": 33, "16_18": 15, "19_25": 8 }),
    completedBy: weighted(random, { on_my_own: 72, with_help: 20, answered_for_me: 8 }),
  };
}

function answerFor(random: Random, q: Input, person: Person): string | string[] {
  const score = person.mood + gaussian(random) * 0.7;
  if (q.about) {
    return { district: person.district, age_band: person.ageBand, support_level: person.supportLevel, completed_by: person.completedBy }[q.about];
  }
  switch (q.type) {
    case "agreement":
      return agreement(random, score);
    case "face_scale":
      return face(score + 0.3);
    case "yes_no_not_sure":
      if (q.key === "ehc_plan") return person.supportLevel === "ehc_plan" ? "yes" : person.supportLevel === "not_sure" ? "not_sure" : random.chance(0.05) ? "not_sure" : "no";
      return score > 0.2 ? "yes" : random.chance(0.15) ? "not_sure" : "no";
    case "single_choice": {
      if (q.key === "hear_back") return weighted(random, { email: 40, website: 15, forum_newsletter: 15, school: 20, no_thanks: 10 });
      const values = q.options!.map(([v]) => v);
      // Worse experiences lean to the later (longer-wait) options.
      const lean = Math.min(values.length - 1, Math.max(0, Math.floor(((-score + 1.5) / 3) * values.length)));
      return random.chance(0.6) ? values[lean]! : random.pick(values);
    }
    case "multiple_choice": {
      const chances = TICK_CHANCES[q.key]!;
      const ticked = q.options!.map(([v]) => v).filter((v) => v in chances && random.chance(chances[v]!));
      return ticked.length ? ticked : q.options!.some(([v]) => v === "none") ? ["none"] : [q.options![0]![0]];
    }
    case "long_text": {
      const pool = freeTextPools[TEXT_POOL[q.key]!]!;
      const own = person.language === "ur" ? pool.ur : person.language === "pl" ? pool.pl : [];
      return random.pick(own.length && random.chance(0.75) ? own : pool.en);
    }
    default:
      throw new Error(`no generator for ${q.type}`);
  }
}

// ---------------------------------------------------------------------------
// Writing it

export interface SeedSettings {
  responses: number;
  drafts: number;
  flags: number;
}

export interface SeedResult {
  surveyId: string;
  /** "YYYY-MM-DD" (UK) of the window: the date-range filter takes two weeks inside it. */
  window: { opens: string; closes: string; opensAt: Date; closesAt: Date };
  rows: { responses: number; drafts: number; answers: number; flags: number; denominators: number };
  seconds: { generate: number; insert: number; vacuumAnalyze: number; total: number };
}

const BATCH_RESPONSES = 2_000;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

interface ResponseColumns {
  id: string[];
  status: string[];
  reference: (string | null)[];
  language: string[];
  format: string[];
  last_page: (string | null)[];
  started_at: Date[];
  updated_at: Date[];
  submitted_at: (Date | null)[];
  district: (string | null)[];
  age_band: (string | null)[];
  support_level: (string | null)[];
  completed_by: (string | null)[];
}

interface AnswerColumns {
  response_id: string[];
  question_key: string[];
  value: string[];
  updated_at: Date[];
}

const emptyResponses = (): ResponseColumns => ({
  id: [],
  status: [],
  reference: [],
  language: [],
  format: [],
  last_page: [],
  started_at: [],
  updated_at: [],
  submitted_at: [],
  district: [],
  age_band: [],
  support_level: [],
  completed_by: [],
});
const emptyAnswers = (): AnswerColumns => ({ response_id: [], question_key: [], value: [], updated_at: [] });

async function insertBatch(client: pg.PoolClient, surveyId: string, versionId: string, r: ResponseColumns, a: AnswerColumns): Promise<void> {
  await client.query(
    `insert into survey_response (id, survey_id, version_id, status, reference, language, format, last_page, started_at, updated_at, submitted_at,
                                  district, age_band, support_level, completed_by)
     select id, $1, $2, status, reference, language, format, last_page, started_at, updated_at, submitted_at, district, age_band, support_level, completed_by
     from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
                 $12::text[], $13::text[], $14::text[], $15::text[])
       as t(id, status, reference, language, format, last_page, started_at, updated_at, submitted_at, district, age_band, support_level, completed_by)`,
    [surveyId, versionId, r.id, r.status, r.reference, r.language, r.format, r.last_page, r.started_at, r.updated_at, r.submitted_at, r.district, r.age_band, r.support_level, r.completed_by],
  );
  if (a.response_id.length) {
    await client.query(
      `insert into survey_answer (response_id, question_key, value, updated_at)
       select * from unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[])`,
      [a.response_id, a.question_key, a.value, a.updated_at],
    );
  }
}

/**
 * Creates the wave (through createSurvey, so its definition is checked as an officer's
 * would be) and fills it. `now` places the window: six weeks from noon on the day the
 * demo's 2026 wave opened, 104 weeks earlier (the 2024 wave, long closed).
 */
export async function seedAnalysisWave(db: Kysely<Database>, pool: pg.Pool, settings: SeedSettings, now: Date): Promise<SeedResult> {
  const started = performance.now();
  const today = londonDate(now);
  const opens = addDays(today, -21 - 2 * 364);
  const closes = addDays(opens, 42);
  const opensAt = ukNoon(opens);
  const closesAt = ukNoon(closes);
  const survey = await createSurvey(db, {
    slug: BENCH_WAVE.slug,
    audience: "parent_carer",
    series: BENCH_WAVE.series,
    wave: BENCH_WAVE.wave,
    status: "scheduled",
    opensAt,
    closesAt,
    definition: benchAnalysisDefinition,
  });

  const random = createRandom(20_240_914);
  const windowMs = closesAt.getTime() - opensAt.getTime();
  const references = new Set<string>();
  /** A moment in the window: most responses come in the first days after the invitation. */
  const momentInWindow = () => {
    const at = opensAt.getTime() + Math.pow(random.next(), 1.8) * (windowMs - 3_600_000);
    return new Date(at);
  };
  const textAnswers: { responseId: string; key: string }[] = [];
  let generateMs = 0;
  let insertMs = 0;
  let answers = 0;

  const client = await pool.connect();
  try {
    let done = 0;
    const total = settings.responses + settings.drafts;
    while (done < total) {
      const t0 = performance.now();
      const r = emptyResponses();
      const a = emptyAnswers();
      const end = Math.min(total, done + BATCH_RESPONSES);
      for (let i = done; i < end; i++) {
        const submitted = i < settings.responses;
        const person = newPerson(random);
        const id = randomUUID();
        const last = momentInWindow();
        const first = new Date(Math.max(opensAt.getTime(), last.getTime() - random.int(4, 45) * 60_000));
        let reference: string | null = null;
        if (submitted) {
          do reference = newSurveyReference();
          while (references.has(reference));
          references.add(reference);
        }
        // A draft stopped part-way: its first few answers, and nothing about who they are (that is copied on submit).
        const answered = submitted ? BENCH_ANALYSIS_QUESTIONS : BENCH_ANALYSIS_QUESTIONS.slice(0, random.int(1, 15));
        r.id.push(id);
        r.status.push(submitted ? "submitted" : "draft");
        r.reference.push(reference);
        r.language.push(person.language);
        r.format.push(person.format);
        r.last_page.push(submitted ? "about_you" : PAGES.find((p) => p.questions.includes(answered.at(-1)!))!.key);
        r.started_at.push(first);
        r.updated_at.push(last);
        r.submitted_at.push(submitted ? last : null);
        r.district.push(submitted ? person.district : null);
        r.age_band.push(submitted ? person.ageBand : null);
        r.support_level.push(submitted ? person.supportLevel : null);
        r.completed_by.push(submitted ? person.completedBy : null);
        for (const q of answered) {
          a.response_id.push(id);
          a.question_key.push(q.key);
          a.value.push(JSON.stringify(answerFor(random, q, person)));
          a.updated_at.push(last);
          if (submitted && q.type === "long_text") textAnswers.push({ responseId: id, key: q.key });
        }
      }
      const t1 = performance.now();
      await client.query("begin");
      await insertBatch(client, survey.id, survey.versionId, r, a);
      await client.query("commit");
      const t2 = performance.now();
      generateMs += t1 - t0;
      insertMs += t2 - t1;
      answers += a.response_id.length;
      done = end;
    }

    // Safeguarding flags on answers in people's own words: some open, some dealt with.
    const t3 = performance.now();
    const flagged = random.shuffle(textAnswers).slice(0, settings.flags);
    if (flagged.length) {
      await client.query(
        `insert into safeguarding_flag (source, response_id, question_key, matched, raised_by, status, created_at, updated_at)
         select 'survey_answer', response_id, question_key, '["not safe at home"]'::jsonb, 'auto', status, $4, $4
         from unnest($1::uuid[], $2::text[], $3::text[]) as t(response_id, question_key, status)`,
        [flagged.map((f) => f.responseId), flagged.map((f) => f.key), flagged.map(() => (random.chance(0.7) ? "closed" : "open")), closesAt],
      );
    }
    // The year's denominators, so the page shows response rates as it would for a real wave.
    const denominators = await client.query(
      `insert into analysis_denominator (year, district_id, support_level, children)
       select $1, district.id, level, (case level when 'sen_support' then 1500 else 600 end) + (district.id * 37) % 400
       from district cross join unnest(array['sen_support', 'ehc_plan']) as level
       on conflict do nothing`,
      [Number(opens.slice(0, 4))],
    );
    insertMs += performance.now() - t3;

    const t4 = performance.now();
    // The wave closed weeks ago: autovacuum would have visited these tables long since.
    await client.query("vacuum (analyze) survey_response, survey_answer, safeguarding_flag, analysis_denominator");
    const vacuumMs = performance.now() - t4;
    return {
      surveyId: survey.id,
      window: { opens, closes, opensAt, closesAt },
      rows: { responses: settings.responses, drafts: settings.drafts, answers, flags: flagged.length, denominators: denominators.rowCount ?? 0 },
      seconds: {
        generate: round1(generateMs / 1000),
        insert: round1(insertMs / 1000),
        vacuumAnalyze: round1(vacuumMs / 1000),
        total: round1((performance.now() - started) / 1000),
      },
    };
  } finally {
    client.release();
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;
