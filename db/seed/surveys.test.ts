import { isDeepStrictEqual } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { checkAnswer, firstMissing, answersInScope, type Answers, type AnswerValue } from "../../app/surveys/answers";
import { SURVEY_REFERENCE_PATTERN } from "../../app/surveys/codes";
import { allQuestions, customOptionTypes, SurveyDefinitionSchema, type SurveyDefinition, type Text } from "../../app/surveys/definition";
import { isPictogram } from "../../app/surveys/pictograms";
import { surveyState } from "../../app/surveys/window";
import { demoAreasOfConcern, demoWorkingGroups } from "./demo-area";
import { seedDemoArea } from "./area";
import { DEMO_SURVEY_RESPONSES, demoSurveyWindows, seedDemoSurveys, ukNoon } from "./surveys";
import {
  PARENT_CARER_SURVEY_2025,
  PARENT_CARER_SURVEY_2026,
  PRACTITIONER_SURVEY_2026,
  YOUNG_PEOPLE_SURVEY_2026,
} from "./surveys-data";

const ALL = [PARENT_CARER_SURVEY_2026, YOUNG_PEOPLE_SURVEY_2026, PRACTITIONER_SURVEY_2026, PARENT_CARER_SURVEY_2025];

/** Every text in a definition, with where it is, for messages. */
function texts(definition: SurveyDefinition): [string, Text][] {
  const found: [string, Text][] = [
    ["title", definition.title],
    ["purpose", definition.purpose],
    ["howUsed", definition.howUsed],
  ];
  for (const page of definition.pages) {
    if (page.title.length) found.push([`page ${page.key}`, page.title]);
    for (const q of page.questions) {
      found.push([q.key, q.text]);
      if (q.hint.length) found.push([`${q.key} hint`, q.hint]);
      for (const o of q.options) found.push([`${q.key}.${o.value}`, o.label]);
    }
  }
  return found;
}

const has = (text: Text, language: string, format: "standard" | "easy_read") =>
  text.some((v) => v.language === language && v.format === format && v.text.trim() !== "");

describe("the demo survey definitions", () => {
  it.each(ALL.map((s) => [s.slug, s] as const))("%s is a valid definition", (_slug, survey) => {
    expect(SurveyDefinitionSchema.safeParse(survey.definition).error?.issues).toBeUndefined();
  });

  it("have the intended number of questions and pages", () => {
    const size = (d: SurveyDefinition) => [allQuestions(d).length, d.pages.length];
    expect(size(PARENT_CARER_SURVEY_2026.definition)).toEqual([22, 11]);
    expect(size(PARENT_CARER_SURVEY_2025.definition)).toEqual([21, 11]);
    expect(size(YOUNG_PEOPLE_SURVEY_2026.definition)).toEqual([14, 11]);
    expect(size(PRACTITIONER_SURVEY_2026.definition)).toEqual([13, 9]);
  });

  it.each(ALL.map((s) => [s.slug, s] as const))("%s has every text in English, Urdu and Polish, translations marked unreviewed", (_slug, survey) => {
    for (const [where, text] of texts(survey.definition)) {
      for (const language of ["en-GB", "ur", "pl"]) expect(has(text, language, "standard"), `${where} in ${language}`).toBe(true);
      for (const v of text) expect(v.reviewed, `${where} ${v.language} ${v.format} reviewed`).toBe(v.language === "en-GB");
    }
  });

  it("has easy read for every text of the young people's survey, in all three languages", () => {
    for (const [where, text] of texts(YOUNG_PEOPLE_SURVEY_2026.definition)) {
      for (const language of ["en-GB", "ur", "pl"]) expect(has(text, language, "easy_read"), `${where} easy read in ${language}`).toBe(true);
    }
  });

  it("puts a known pictogram beside every easy-read question and option of the young people's survey", () => {
    const definition = YOUNG_PEOPLE_SURVEY_2026.definition;
    for (const q of allQuestions(definition)) {
      const labelled: [string, Text][] = [[q.key, q.text], ...q.options.map((o) => [`${q.key}.${o.value}`, o.label] as [string, Text])];
      if (customOptionTypes.includes(q.type) && !q.about) expect(q.options.length, `${q.key} options`).toBeGreaterThan(1);
      for (const [where, text] of labelled) {
        for (const v of text.filter((x) => x.format === "easy_read")) {
          expect(isPictogram(v.pictogram), `${where} ${v.language} pictogram "${v.pictogram}"`).toBe(true);
        }
      }
    }
    // Wherever else a pictogram is named (the title), it exists too.
    for (const [where, text] of texts(definition)) {
      for (const v of text) if (v.pictogram != null) expect(isPictogram(v.pictogram), `${where} pictogram "${v.pictogram}"`).toBe(true);
    }
  });

  it("keeps easy read short: no easy-read sentence over 15 words", () => {
    for (const [where, text] of texts(YOUNG_PEOPLE_SURVEY_2026.definition)) {
      const english = text.find((v) => v.language === "en-GB" && v.format === "easy_read")!;
      for (const sentence of english.text.split(/(?<=[.?!])\s+/)) {
        expect(sentence.split(/\s+/).length, `${where}: "${sentence}"`).toBeLessThanOrEqual(15);
      }
    }
  });

  it("ties every question to an area of concern and the working group of the seeded plan", () => {
    const areas = new Set(demoAreasOfConcern.map((a) => a.number));
    const groups = new Map(demoWorkingGroups.map((g) => [g.slug, g]));
    for (const survey of ALL) {
      for (const q of allQuestions(survey.definition)) {
        expect(areas.has(q.areaOfConcern ?? -1), `${survey.slug} ${q.key} area`).toBe(true);
        expect(groups.has(q.workingGroup ?? ""), `${survey.slug} ${q.key} group`).toBe(true);
      }
    }
  });

  it("has the parent survey's about-you questions, all optional, on a page near the end", () => {
    const { pages } = PARENT_CARER_SURVEY_2026.definition;
    const aboutPage = pages.findIndex((p) => p.key === "about_you");
    expect(aboutPage).toBeGreaterThanOrEqual(pages.length - 2);
    const about = pages[aboutPage]!.questions;
    expect(about.map((q) => q.about)).toEqual(["district", "age_band", "support_level", "completed_by"]);
    expect(about.every((q) => !q.required)).toBe(true);
  });

  it("asks the parent survey's follow-ups only when they apply", () => {
    const d = PARENT_CARER_SURVEY_2026.definition;
    const base: Answers = { ehc_plan: "no", assessment_clear: "agree", listened_to: "agree", support_quality: "agree" };
    const shown = (answers: Answers) => Object.keys(answersInScope(d, answers));
    const extra: Answers = { plan_helps: "agree", not_listened_why: "More notice of meetings.", autism_wait_months: "9" };
    expect(shown({ ...base, ...extra })).not.toEqual(expect.arrayContaining(["plan_helps"]));
    expect(shown({ ...base, ...extra })).not.toContain("not_listened_why");
    expect(shown({ ...base, ...extra })).not.toContain("autism_wait_months");
    expect(shown({ ...base, ...extra, ehc_plan: "yes", listened_to: "disagree", autism_assessment: "waiting" })).toEqual(
      expect.arrayContaining(["plan_helps", "not_listened_why", "autism_wait_months"]),
    );
  });

  it("keeps question keys the same from 2025 to 2026, so the years compare", () => {
    const keys2025 = allQuestions(PARENT_CARER_SURVEY_2025.definition).map((q) => q.key);
    const keys2026 = allQuestions(PARENT_CARER_SURVEY_2026.definition).map((q) => q.key);
    expect(keys2026.filter((k) => !keys2025.includes(k))).toEqual(["working_well"]);
    expect(keys2025.every((k) => keys2026.includes(k))).toBe(true);
  });
});

describe("the demo survey windows", () => {
  it("open and close at noon UK time, in summer and winter", () => {
    expect(ukNoon("2026-07-01").toISOString()).toBe("2026-07-01T11:00:00.000Z");
    expect(ukNoon("2026-12-01").toISOString()).toBe("2026-12-01T12:00:00.000Z");
    // The day the clocks go forward: noon is already BST.
    expect(ukNoon("2026-03-29").toISOString()).toBe("2026-03-29T11:00:00.000Z");
  });

  it("run from 21 days before now to 40 days after, last year's 52 weeks earlier", () => {
    const now = new Date("2026-11-23T09:30:00Z");
    const { current, previous } = demoSurveyWindows(now);
    expect(current.opensAt.toISOString()).toBe("2026-11-02T12:00:00.000Z");
    expect(current.closesAt.toISOString()).toBe("2027-01-02T12:00:00.000Z");
    expect(previous.opensAt.toISOString()).toBe("2025-11-03T12:00:00.000Z");
    expect(previous.closesAt.toISOString()).toBe("2026-01-03T12:00:00.000Z");
  });

  it("uses the UK date, not the UTC one, just after midnight in summer", () => {
    // 00:30 BST on 1 June is still 31 May in UTC.
    const { current } = demoSurveyWindows(new Date("2026-05-31T23:30:00Z"));
    expect(current.opensAt.toISOString()).toBe("2026-05-11T11:00:00.000Z");
  });
});

describeDb("seeding the demo surveys", ({ db }) => {
  const now = new Date("2026-11-23T10:15:00Z");
  let seconds = 0;

  beforeAll(async () => {
    await db().transaction().execute(async (trx) => {
      await seedDemoArea(trx);
      const started = performance.now();
      await seedDemoSurveys(trx, now);
      seconds = (performance.now() - started) / 1000;
    });
  });

  async function surveys() {
    return db().selectFrom("survey").selectAll().orderBy("slug").execute();
  }

  it("is quick: a few bulk inserts, not a row at a time", () => {
    // About 1 s on an idle two-core machine; the margin is for a busy one (row-by-row inserts take over 30 s).
    expect(seconds).toBeLessThan(15);
  });

  it("has the three 2026 surveys open now, and last year's closed", async () => {
    const rows = await surveys();
    const state = (slug: string, at: Date) => {
      const s = rows.find((r) => r.slug === slug)!;
      return surveyState({ status: s.status, opensAt: s.opens_at, closesAt: s.closes_at }, at);
    };
    for (const { slug } of [PARENT_CARER_SURVEY_2026, YOUNG_PEOPLE_SURVEY_2026, PRACTITIONER_SURVEY_2026]) {
      expect(state(slug, now), slug).toBe("open");
      expect(state(slug, new Date("2027-01-02T11:59:59Z")), slug).toBe("open");
      expect(state(slug, new Date("2027-01-02T12:00:00Z")), slug).toBe("closed");
    }
    expect(state(PARENT_CARER_SURVEY_2025.slug, now)).toBe("closed");
    const parent = rows.filter((r) => r.series === "parent-carer-annual").map((r) => [r.slug, r.wave]);
    expect(parent).toEqual([
      ["parent-carer-survey-2025", "2025"],
      ["parent-carer-survey-2026", "2026"],
    ]);
  });

  it("stores each survey's definition as its locked current version", async () => {
    const versions = await db()
      .selectFrom("survey")
      .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
      .select(["survey.slug", "survey_version.definition", "survey_version.locked_at", "survey_version.number"])
      .execute();
    expect(versions).toHaveLength(4);
    for (const v of versions) {
      expect(v.number).toBe(1);
      expect(v.locked_at).not.toBeNull();
      expect(SurveyDefinitionSchema.safeParse(v.definition).success, v.slug).toBe(true);
      const seeded = ALL.find((s) => s.slug === v.slug)!;
      expect(SurveyDefinitionSchema.parse(v.definition)).toEqual(SurveyDefinitionSchema.parse(seeded.definition));
    }
  });

  it("has as many submitted and started responses as intended", async () => {
    const counts = await db()
      .selectFrom("survey_response")
      .innerJoin("survey", "survey.id", "survey_response.survey_id")
      .select(["survey.slug", "survey_response.status", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy(["survey.slug", "survey_response.status"])
      .execute();
    const of = (slug: string, status: string) => Number(counts.find((c) => c.slug === slug && c.status === status)?.n ?? 0);
    for (const [slug, expected] of Object.entries(DEMO_SURVEY_RESPONSES)) {
      expect({ slug, submitted: of(slug, "submitted"), started: of(slug, "draft") }).toEqual({ slug, ...expected });
    }
  });

  it("gives every submitted response a unique reference and times inside its survey's window, none after now", async () => {
    const rows = await db()
      .selectFrom("survey_response")
      .innerJoin("survey", "survey.id", "survey_response.survey_id")
      .select(["survey_response.status", "reference", "started_at", "submitted_at", "survey_response.updated_at", "opens_at", "closes_at"])
      .execute();
    const references = rows.filter((r) => r.status === "submitted").map((r) => r.reference!);
    expect(references.every((r) => SURVEY_REFERENCE_PATTERN.test(r))).toBe(true);
    expect(new Set(references).size).toBe(references.length);
    for (const r of rows) {
      expect(r.started_at.getTime()).toBeGreaterThanOrEqual(r.opens_at!.getTime());
      expect(r.updated_at.getTime()).toBeLessThan(Math.min(r.closes_at!.getTime(), now.getTime()));
      if (r.submitted_at) expect(r.submitted_at.getTime()).toBeGreaterThanOrEqual(r.started_at.getTime());
    }
  });

  it("stores only answers the journey would accept, in scope, with every submitted response complete", async () => {
    const districts = (await db().selectFrom("district").select("slug").execute()).map((d) => d.slug);
    const context = { districts };
    const responses = await db()
      .selectFrom("survey_response")
      .innerJoin("survey_version", "survey_version.id", "survey_response.version_id")
      .select(["survey_response.id", "survey_response.version_id", "survey_response.status", "survey_version.definition", "district", "age_band", "support_level", "completed_by"])
      .execute();
    const answers = await db().selectFrom("survey_answer").select(["response_id", "question_key", "value"]).execute();
    const byResponse = new Map<string, Answers>();
    for (const a of answers) {
      const set = byResponse.get(a.response_id) ?? {};
      set[a.question_key] = a.value as AnswerValue;
      byResponse.set(a.response_id, set);
    }
    let checked = 0;
    const refused: string[] = [];
    const parsed = new Map<string, SurveyDefinition>();
    for (const r of responses) {
      const definition = parsed.get(r.version_id) ?? SurveyDefinitionSchema.parse(r.definition);
      parsed.set(r.version_id, definition);
      const given = byResponse.get(r.id) ?? {};
      if (Object.keys(given).length === 0) refused.push(`${r.id}: no answers`);
      for (const [key, value] of Object.entries(given)) {
        const question = allQuestions(definition).find((q) => q.key === key);
        const result = question ? checkAnswer(question, value, context) : undefined;
        // Stored exactly as the check would store it.
        if (!result?.ok || JSON.stringify(result.value) !== JSON.stringify(value)) refused.push(`${r.id}: ${key} = ${JSON.stringify(value)}`);
        checked++;
      }
      if (!isDeepStrictEqual(answersInScope(definition, given), given)) refused.push(`${r.id}: answers out of scope`);
      const about = (kind: string) => {
        const q = allQuestions(definition).find((x) => x.about === kind);
        return q ? ((given[q.key] as string | undefined) ?? null) : null;
      };
      const columns = [r.district, r.age_band, r.support_level, r.completed_by];
      if (r.status === "submitted") {
        const missing = firstMissing(definition, given, context);
        if (missing) refused.push(`${r.id}: submitted without ${missing.question.key}`);
        // About you, copied on the row as submitResponse does.
        const expected = [about("district"), about("age_band"), about("support_level"), about("completed_by")];
        if (JSON.stringify(columns) !== JSON.stringify(expected)) refused.push(`${r.id}: about-you columns ${JSON.stringify(columns)}`);
      } else if (columns.some((c) => c !== null)) {
        refused.push(`${r.id}: a draft with about-you columns`);
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it("has answers in Urdu, Polish and easy read, and districts that differ", async () => {
    const rows = await db()
      .selectFrom("survey_response")
      .innerJoin("survey", "survey.id", "survey_response.survey_id")
      .select(["survey.slug", "language", "format", "district"])
      .where("survey_response.status", "=", "submitted")
      .execute();
    const count = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).length;
    expect(count((r) => r.language === "ur")).toBeGreaterThan(10);
    expect(count((r) => r.language === "pl")).toBeGreaterThan(10);
    expect(count((r) => r.slug === YOUNG_PEOPLE_SURVEY_2026.slug && r.format === "easy_read")).toBeGreaterThan(30);
    expect(count((r) => r.slug !== YOUNG_PEOPLE_SURVEY_2026.slug && r.format === "easy_read")).toBe(0);
    expect(new Set(rows.map((r) => r.district).filter(Boolean)).size).toBe(12);

    // Lancaster (no autism pathway in the north) fares worse than Ribble Valley on being listened to.
    const listened = await db()
      .selectFrom("survey_answer")
      .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
      .innerJoin("survey", "survey.id", "survey_response.survey_id")
      .select(["survey_response.district", "survey_answer.value"])
      .where("survey.slug", "in", [PARENT_CARER_SURVEY_2026.slug, PARENT_CARER_SURVEY_2025.slug])
      .where("survey_answer.question_key", "=", "listened_to")
      .execute();
    const agreeShare = (district: string) => {
      const of = listened.filter((l) => l.district === district);
      return of.filter((l) => l.value === "agree" || l.value === "strongly_agree").length / of.length;
    };
    expect(agreeShare("ribble-valley")).toBeGreaterThan(agreeShare("lancaster"));
  });

  it("has parents more satisfied in 2026 than in 2025", async () => {
    const share = async (slug: string) => {
      const rows = await db()
        .selectFrom("survey_answer")
        .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
        .innerJoin("survey", "survey.id", "survey_response.survey_id")
        .select("survey_answer.value")
        .where("survey.slug", "=", slug)
        .where("survey_response.status", "=", "submitted")
        .where("survey_answer.question_key", "=", "support_quality")
        .execute();
      return rows.filter((r) => r.value === "agree" || r.value === "strongly_agree").length / rows.length;
    };
    expect(await share(PARENT_CARER_SURVEY_2026.slug)).toBeGreaterThan(await share(PARENT_CARER_SURVEY_2025.slug));
  });

  it("has free text for redaction to find: a phone number and a name", async () => {
    const texts = await db()
      .selectFrom("survey_answer")
      .select("value")
      .where("question_key", "in", ["one_change", "working_well", "not_listened_why", "one_thing", "improve_one", "plan_quality_why"])
      .execute();
    const values = texts.map((t) => String(t.value));
    expect(values.length).toBeGreaterThan(100);
    expect(values.some((v) => /\b0\d{3,4}\s?\d{6}\b/.test(v))).toBe(true);
    expect(values.some((v) => /\b(Mr|Mrs|Miss|Ms)\s[A-Z][a-z]+/.test(v) || /\b[A-Z][a-z]+ [A-Z][a-z]+ never\b/.test(v))).toBe(true);
  });
});
