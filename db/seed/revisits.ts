/**
 * The demo's two Ofsted/CQC re-visits, dated from `now` with the bank holidays in the
 * table, so every re-visit page has something to show:
 *  - one notified 12 working days ago: the forum signed its questions off, its
 *    survey ran from 12 noon on day −5 to 12 noon on day −1 and has closed, with
 *    140 fictional answers (and 15 never sent) for the summary for inspectors.
 *    Ribble Valley has only 3 answers, so the summary shows small-number suppression;
 *    a few comments hold a made-up name, phone number or email, to show redaction.
 *  - one notified 3 working days from now: its survey is a draft the forum has not
 *    signed off, with the open meeting's details filled in, for the notice to families.
 * Rows go in directly: `createRevisit` refuses dates in the past. Nobody here is real:
 * the phone numbers are Ofcom's drama numbers and the emails are at example.org.
 * Answers come from a seeded random sequence and pass `checkAnswer`, as if typed.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { checkAnswer, type AnswerContext, type Answers } from "../../app/surveys/answers";
import { newSurveyReference } from "../../app/surveys/codes";
import { allQuestions, SurveyDefinitionSchema, type SurveyDefinition } from "../../app/surveys/definition";
import { createSurvey } from "../../app/surveys/surveys.server";
import { ukLocalToInstant } from "../../app/surveys/uk-time";
import { definitionHash } from "../../app/revisits/review.server";
import { revisitDefinition, type Focus } from "../../app/revisits/template";
import { addWorkingDays, buildTimeline, computeMilestones, type Holidays } from "../../app/revisits/timeline";
import type { Database } from "../schema";
import { createRandom } from "./local-offer";
import { londonDate } from "./surveys";

type Db = Kysely<Database>;
type Random = ReturnType<typeof createRandom>;

export const DEMO_REVISITS = {
  closed: {
    title: "Re-visit parents' survey (closed)",
    focuses: [4, 5, 6, 12],
    /** Working days from today back to the notification. */
    notifiedOffset: -12,
    submitted: 140,
    drafts: 15,
  },
  upcoming: {
    title: "Re-visit parents' survey (upcoming)",
    focuses: [4, 6, 12],
    notifiedOffset: 3,
  },
} as const;

/** Answers to the district question, by the districts' order: Ribble Valley (8th) has 3, "not answered" 8. */
export const DISTRICT_QUOTAS = [12, 13, 9, 10, 16, 11, 18, 3, 7, 12, 10, 11] as const;

const slugFor = (notified: string) => `revisit-parents-${notified}`;

/** "Tuesday 1 December 2026" for a calendar date. */
function longDate(date: string): string {
  const words = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
  return words.replace(/^([A-Za-z]+), /, "$1 ");
}

/** A UK wall-clock time on a date, as an instant. */
function at(date: string, time: string): Date {
  const result = ukLocalToInstant({ date, time });
  if (!result.ok) throw new Error(`no ${time} on ${date}`);
  return result.instant;
}

/** The notification dates of the two demo re-visits for a `now`. */
export function demoRevisitNotified(now: Date, holidays: Holidays) {
  const today = londonDate(now);
  return {
    closed: addWorkingDays(today, DEMO_REVISITS.closed.notifiedOffset, holidays),
    upcoming: addWorkingDays(today, DEMO_REVISITS.upcoming.notifiedOffset, holidays),
  };
}

// ---- What parents wrote (fictional) --------------------------------------------------------

const FREE_TEXT: Record<string, string[]> = {
  more_4: [
    "The forum meetings are better now: someone writes down what we say and we hear back.",
    "I filled in three surveys last year and never heard what happened.",
    "My son is called Oliver and nobody asked him what he wanted in his plan.",
    "The parent panel is a good start, but it meets in the daytime when I am at work.",
    "Mrs Hargreaves in the SEND team always rings back. Others do not.",
    "Still waiting for a call back. My number is 07700 900461 if anyone wants to ask me about it.",
    "They listen at meetings, then the decision is the same as before.",
    "Better than two years ago. The newsletter tells us what changed.",
    "I emailed parent.voice@example.org twice and got no reply.",
    "Nobody has ever asked me anything until this survey.",
  ],
  more_5: [
    "School said he was fine for two years. Only when we paid privately did anyone look.",
    "The request for assessment was agreed quickly this time.",
    "Our daughter named Amira waited 14 months for speech therapy.",
    "The early help team spotted it at nursery, which made all the difference.",
    "You still have to fight. If you do not know the system you get nothing.",
    "Health visitor referred us in weeks. Much better than with my first child.",
    "We were passed between school, GP and the council for a year.",
  ],
  more_6: [
    "The new plan actually says what help she gets and how often.",
    "Still copied and pasted. It had another child's name in it.",
    "The annual review happened on time for the first time.",
    "The plan is good on paper but the therapy in it never happened.",
    "Ring 01632 960 118 and ask for the case worker, they can explain what went wrong.",
    "Much clearer, and we were asked to check the draft before it was final.",
  ],
  more_12: [
    "I found the short breaks list on the new website easily.",
    "The local offer site still has clubs that closed years ago.",
    "Better search, but nothing in Urdu.",
  ],
  one_thing: [
    "Someone who knows my child and stays the same person.",
    "Shorter waits for autism assessment in the north.",
    "Answer emails within a week.",
    "Speech and language therapy in school, not a six-month wait.",
    "Tell us what is happening with our request instead of silence.",
    "A key worker we can call: call me on +44 7700 900 872 and I will tell you.",
    "More specialist places near home, so he does not travel an hour each way.",
    "Training for teachers about ADHD and anxiety.",
    "Holiday clubs that take children with higher needs.",
    "Dr. Mensah was the first person to really listen. More people like her.",
    "Clear information about what happens after 16.",
    "Ask the young people themselves.",
  ],
};

/** How many answered each free-text question: more_12 has fewer than 5, so the summary holds it back. */
const FREE_TEXT_COUNTS: Record<string, number> = { more_4: 24, more_5: 14, more_6: 11, more_12: 3, one_thing: 42 };

/** How each area's change lands: weights for better / same / worse / don't know. */
const CHANGE_WEIGHTS: Record<number, [number, number, number, number]> = {
  4: [45, 30, 15, 10],
  5: [30, 35, 25, 10],
  6: [38, 32, 18, 12],
  12: [50, 22, 8, 20],
};

function weighted<T extends string>(random: Random, weights: [T, number][]): T {
  let r = random.next() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weights) {
    r -= w;
    if (r < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** Indices 0 … n−1 in a seeded order, the first `count` of them chosen. */
function chosen(random: Random, n: number, count: number): Set<number> {
  return new Set(random.shuffle([...Array(n).keys()]).slice(0, count));
}

interface PlannedResponse {
  answers: Answers;
  submitted: boolean;
}

/** 140 submitted and 15 started, every answer checked as the journey would check it. */
export function plannedRevisitAnswers(definition: SurveyDefinition, districts: readonly string[], random: Random): PlannedResponse[] {
  const { submitted, drafts } = DEMO_REVISITS.closed;
  const context: AnswerContext = { districts };
  const districtOf: (string | null)[] = [];
  districts.forEach((slug, i) => {
    for (let k = 0; k < (DISTRICT_QUOTAS[i % DISTRICT_QUOTAS.length] ?? 0); k++) districtOf.push(slug);
  });
  while (districtOf.length < submitted) districtOf.push(null);
  const districtFor = random.shuffle(districtOf.slice(0, submitted));
  const texts = Object.fromEntries(Object.entries(FREE_TEXT_COUNTS).map(([key, count]) => [key, chosen(random, submitted, count)]));
  const textIndex: Record<string, number> = {};
  const questions = allQuestions(definition);
  const planned: PlannedResponse[] = [];
  for (let i = 0; i < submitted + drafts; i++) {
    const isSubmitted = i < submitted;
    const answers: Answers = {};
    for (const q of questions) {
      let raw: string | undefined;
      if (q.about === "district") raw = isSubmitted ? (districtFor[i] ?? undefined) : random.pick(districts);
      else if (q.about === "age_band") raw = random.chance(0.06) ? undefined : weighted(random, [["0_4", 6], ["5_10", 34], ["11_15", 35], ["16_18", 17], ["19_25", 8]]);
      else if (q.about === "support_level") raw = random.chance(0.05) ? undefined : weighted(random, [["ehc_plan", 48], ["sen_support", 34], ["neither", 6], ["not_sure", 12]]);
      else if (q.about === "completed_by") raw = random.chance(0.08) ? undefined : weighted(random, [["on_my_own", 86], ["with_help", 11], ["answered_for_me", 3]]);
      else if (q.type === "single_choice" && q.areaOfConcern != null) {
        const [b, s, w, d] = CHANGE_WEIGHTS[q.areaOfConcern] ?? [1, 1, 1, 1];
        raw = random.chance(0.03) ? undefined : weighted(random, [["better", b], ["same", s], ["worse", w], ["dont_know", d]]);
      } else if (q.type === "agreement") {
        raw = weighted(random, [["strongly_agree", 12], ["agree", 38], ["neither", 22], ["disagree", 17], ["strongly_disagree", 6], ["dont_know", 5]]);
      } else if (q.type === "long_text" && isSubmitted && texts[q.key]?.has(i)) {
        const pool = FREE_TEXT[q.key] ?? [];
        const n = textIndex[q.key] ?? 0;
        textIndex[q.key] = n + 1;
        raw = pool[n % pool.length];
      }
      if (raw === undefined) continue;
      const checked = checkAnswer(q, raw, context);
      if (!checked.ok) throw new Error(`demo re-visit answer to ${q.key} refused: ${checked.error} (${raw})`);
      if (checked.value !== null) answers[q.key] = checked.value;
    }
    if (!isSubmitted) {
      // Started, not sent: only the first page or two.
      const keep = new Set(definition.pages.slice(0, random.int(1, 2)).flatMap((p) => p.questions.map((q) => q.key)));
      for (const key of Object.keys(answers)) if (!keep.has(key)) delete answers[key];
    }
    planned.push({ answers, submitted: isSubmitted });
  }
  return planned;
}

// ---- Rows ------------------------------------------------------------------------------------

async function focusesFor(db: Db, numbers: readonly number[]): Promise<Focus[]> {
  const rows = await db.selectFrom("area_of_concern").select(["number", "plain_title", "title"]).where("number", "in", [...numbers]).orderBy("number").execute();
  return rows.map((r) => ({ number: r.number, plainTitle: r.plain_title || r.title }));
}

async function userId(db: Db, email: string): Promise<string | null> {
  const row = await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst();
  return row?.id ?? null;
}

async function insertRevisit(
  db: Db,
  input: { title: string; notified: string; holidays: Holidays; surveyId: string; meetingWhen: string; meetingWhere: string; createdBy: string | null; createdAt: Date },
): Promise<string> {
  const row = await db
    .insertInto("revisit")
    .values({
      title: input.title,
      notified_on: input.notified,
      entered_as: "notified",
      entered_date: input.notified,
      computed: JSON.stringify(computeMilestones(input.notified, input.holidays)),
      survey_id: input.surveyId,
      meeting_when: input.meetingWhen,
      meeting_where: input.meetingWhere,
      created_by: input.createdBy,
      created_at: input.createdAt,
      updated_at: input.createdAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function event(db: Db, revisitId: string, when: Date, by: string | null, kind: string, details: Record<string, unknown>) {
  await db.insertInto("revisit_event").values({ revisit_id: revisitId, at: when, user_id: by, kind, details: JSON.stringify(details) }).execute();
}

async function loadHolidayMap(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("bank_holiday").select(["date", "title"]).execute();
  return new Map(rows.map((r) => [String(r.date).slice(0, 10), r.title]));
}

/**
 * Creates the two demo re-visits, unless a re-visit survey with the same address is
 * already there (running it twice adds nothing). Called inside seedDemo's
 * transaction, after the area, the accounts and the bank holidays.
 */
export async function seedDemoRevisits(db: Db, now: Date): Promise<void> {
  const holidays = await loadHolidayMap(db);
  const notified = demoRevisitNotified(now, holidays);
  const officer = await userId(db, "officer@demo.local");
  const forum = await userId(db, "pcf@demo.local");
  const districts = (await db.selectFrom("district").select("slug").orderBy("sort_order").execute()).map((d) => d.slug);
  const taken = async (date: string) => Boolean(await db.selectFrom("survey").select("id").where("slug", "=", slugFor(date)).executeTakeFirst());

  if (!(await taken(notified.closed))) await seedClosed(db, { notified: notified.closed, holidays, officer, forum, districts });
  if (!(await taken(notified.upcoming))) await seedUpcoming(db, { notified: notified.upcoming, holidays, officer, now });
}

async function seedClosed(db: Db, { notified, holidays, officer, forum, districts }: { notified: string; holidays: Holidays; officer: string | null; forum: string | null; districts: string[] }) {
  const spec = DEMO_REVISITS.closed;
  const timeline = buildTimeline(notified, holidays);
  const definition = SurveyDefinitionSchema.parse(revisitDefinition({ title: spec.title, focuses: await focusesFor(db, spec.focuses) }));
  const survey = await createSurvey(db, {
    slug: slugFor(notified),
    audience: "parent_carer",
    series: "revisit-parents",
    wave: notified,
    purpose: "revisit",
    status: "scheduled",
    opensAt: timeline.opensAt,
    closesAt: timeline.closesAt,
    definition,
  });
  await db.updateTable("survey_version").set({ locked_at: timeline.opensAt }).where("id", "=", survey.versionId).execute();
  const createdAt = at(notified, "09:40");
  const id = await insertRevisit(db, {
    title: spec.title,
    notified,
    holidays,
    surveyId: survey.id,
    meetingWhen: `${longDate(timeline.dates.onsite)}, 6pm to 7:30pm`,
    meetingWhere: "Preston Family Hub, 4 Market Walk, Preston (and online: ask the parent carer forum for the link)",
    createdBy: officer,
    createdAt,
  });
  await event(db, id, createdAt, officer, "created", { kind: "notified", date: notified, notified, computed: timeline.computed });

  // The forum's review: one suggestion, accepted; then the sign-off of the questions as they are.
  const commented = at(addWorkingDays(notified, 1, holidays), "10:15");
  const resolved = at(addWorkingDays(notified, 1, holidays), "14:30");
  await db
    .insertInto("revisit_comment")
    .values({
      revisit_id: id,
      question_key: "listened",
      author_id: forum,
      body: "Parents told us they want to say whether anything was done, not only whether they were listened to.",
      suggestion: "The council and health services listen to parents and carers and act on what we say.",
      state: "accepted",
      reply: "Thank you: changed to your wording.",
      resolved_by: officer,
      resolved_at: resolved,
      created_at: commented,
    })
    .execute();
  await event(db, id, commented, forum, "review-comment", { question: "listened" });
  await event(db, id, resolved, officer, "review-accepted", { question: "listened" });
  const signedAt = at(addWorkingDays(notified, 2, holidays), "11:00");
  await db
    .insertInto("revisit_signoff")
    .values({ revisit_id: id, user_id: forum, definition_hash: definitionHash(definition), note: "Checked with the forum's steering group.", at: signedAt })
    .execute();
  await event(db, id, signedAt, forum, "review-signoff", {});
  const scheduledAt = at(addWorkingDays(notified, 2, holidays), "15:20");
  await event(db, id, scheduledAt, officer, "scheduled", { opensAt: timeline.opensAt.toISOString(), closesAt: timeline.closesAt.toISOString() });

  // The answers, between the opening and an hour before the close.
  const random = createRandom(20261205);
  const span = timeline.closesAt.getTime() - 3_600_000 - timeline.opensAt.getTime();
  const responses = [];
  const answers = [];
  const references = new Set<string>();
  for (const planned of plannedRevisitAnswers(definition, districts, random)) {
    const responseId = randomUUID();
    const startedAt = new Date(timeline.opensAt.getTime() + Math.floor(random.next() ** 1.6 * span));
    const finishedAt = new Date(Math.min(startedAt.getTime() + random.int(4, 30) * 60_000, timeline.closesAt.getTime() - 60_000));
    let reference: string | null = null;
    if (planned.submitted) {
      do reference = newSurveyReference();
      while (references.has(reference));
      references.add(reference);
    }
    const about = (key: string) => (planned.submitted && typeof planned.answers[key] === "string" ? (planned.answers[key] as string) : null);
    const language = random.chance(0.06) ? "ur" : random.chance(0.04) ? "pl" : "en-GB";
    responses.push({
      id: responseId,
      survey_id: survey.id,
      version_id: survey.versionId,
      status: planned.submitted ? ("submitted" as const) : ("draft" as const),
      reference,
      language,
      format: "standard" as const,
      last_page: planned.submitted ? "about_you" : definition.pages[0]!.key,
      started_at: startedAt,
      updated_at: finishedAt,
      submitted_at: planned.submitted ? finishedAt : null,
      district: about("district"),
      age_band: about("age_band"),
      support_level: about("support_level"),
      completed_by: about("completed_by"),
    });
    for (const [question_key, value] of Object.entries(planned.answers)) {
      answers.push({ response_id: responseId, question_key, value: JSON.stringify(value), updated_at: finishedAt });
    }
  }
  await db.insertInto("survey_response").values(responses).execute();
  for (let i = 0; i < answers.length; i += 1000) await db.insertInto("survey_answer").values(answers.slice(i, i + 1000)).execute();
}

async function seedUpcoming(db: Db, { notified, holidays, officer, now }: { notified: string; holidays: Holidays; officer: string | null; now: Date }) {
  const spec = DEMO_REVISITS.upcoming;
  const timeline = buildTimeline(notified, holidays);
  const definition = revisitDefinition({ title: spec.title, focuses: await focusesFor(db, spec.focuses) });
  const survey = await createSurvey(db, { slug: slugFor(notified), audience: "parent_carer", series: "revisit-parents", wave: notified, purpose: "revisit", definition });
  // Entered an hour before `now`, as an officer would have done on hearing.
  const createdAt = new Date(now.getTime() - 3_600_000);
  const id = await insertRevisit(db, {
    title: spec.title,
    notified,
    holidays,
    surveyId: survey.id,
    meetingWhen: `${longDate(timeline.dates.onsite)}, 10am to 11:30am`,
    meetingWhere: "Lancaster Library community room, Market Square, Lancaster (and online: ask the parent carer forum for the link)",
    createdBy: officer,
    createdAt,
  });
  await event(db, id, createdAt, officer, "created", { kind: "notified", date: notified, notified, computed: timeline.computed });
  await event(db, id, createdAt, officer, "meeting-set", { when: `${longDate(timeline.dates.onsite)}, 10am to 11:30am` });
}
