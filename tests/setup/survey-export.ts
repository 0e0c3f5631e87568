/**
 * A small survey wave for the export tests: two versions (the second drops "old_text" and
 * adds "services"), six submitted responses across them, a draft, a flagged answer, free
 * text with a name, an email and a phone number, and a response whose free text the
 * retention sweep removed. Needs the demo area's districts (seedDemoArea).
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AnswerValue } from "../../app/surveys/answers";
import { en, type SurveyDefinition } from "../../app/surveys/definition";
import { addVersion, createSurvey } from "../../app/surveys/surveys.server";

const base = { title: en("Export test survey"), purpose: en("P"), howUsed: en("H"), estimatedMinutes: 5 };
const about = {
  key: "about",
  questions: [{ key: "where", type: "single_choice", required: false, text: en("Where do you live?"), about: "district" }],
};

export const VERSION_1 = {
  ...base,
  pages: [
    about,
    {
      key: "main",
      questions: [
        { key: "satisfied", type: "agreement", required: true, text: en("I am happy with the support") },
        { key: "old_text", type: "long_text", required: false, text: en("What else? (old question)") },
        { key: "comments", type: "long_text", required: false, text: en("Tell us more") },
      ],
    },
  ],
} as unknown as SurveyDefinition;

export const VERSION_2 = {
  ...base,
  pages: [
    about,
    {
      key: "main",
      questions: [
        { key: "satisfied", type: "agreement", required: true, text: en("I am happy with the support") },
        {
          key: "services",
          type: "multiple_choice",
          required: false,
          text: en("Which services helped?"),
          options: [
            { value: "speech", label: en("Speech and language therapy") },
            { value: "ot", label: en("Occupational therapy") },
          ],
        },
        { key: "comments", type: "long_text", required: false, text: en("Tell us more") },
      ],
    },
  ],
} as unknown as SurveyDefinition;

/** Words that must never be in a file: a flagged answer, a name, an email, a phone number, removed text. */
export const NEVER_EXPORTED = ["He hits me when", "Jack", "jo.bloggs@example.org", "07700 900123", "Removed by retention"];

export interface ExportWave {
  surveyId: string;
  slug: string;
  v1: string;
  v2: string;
  /** Submitted responses' ids by name. */
  ids: Record<string, string>;
  /** Their references: never in a file. */
  references: string[];
}

export async function makeExportWave(db: Kysely<Database>, slug = "export-test-2026"): Promise<ExportWave> {
  const { id: surveyId, versionId: v1 } = await createSurvey(db, { slug, audience: "parent_carer", series: slug, definition: VERSION_1 });
  const ids: Record<string, string> = {};
  const references: string[] = [];
  const respond = async (name: string, input: { version: string; day: string; district: string | null; answers: Record<string, AnswerValue>; status?: "draft" | "submitted"; removed?: boolean }) => {
    const at = new Date(`${input.day}T10:00:00Z`);
    const submitted = (input.status ?? "submitted") === "submitted";
    const reference = `SR-${randomBytes(4).toString("hex").toUpperCase()}`;
    const row = await db
      .insertInto("survey_response")
      .values({
        survey_id: surveyId,
        version_id: input.version,
        status: input.status ?? "submitted",
        reference: submitted ? reference : null,
        language: name === "urdu" ? "ur" : "en-GB",
        format: name === "easy" ? "easy_read" : "standard",
        started_at: at,
        updated_at: at,
        submitted_at: submitted ? at : null,
        district: input.district,
        age_band: "5_10",
        support_level: "ehc_plan",
        completed_by: "on_my_own",
        free_text_removed_at: input.removed ? at : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (Object.keys(input.answers).length) {
      await db
        .insertInto("survey_answer")
        .values(Object.entries(input.answers).map(([key, value]) => ({ response_id: row.id, question_key: key, value: JSON.stringify(value), updated_at: at })))
        .execute();
    }
    ids[name] = row.id;
    if (submitted) references.push(reference);
  };
  await respond("early", { version: v1, day: "2026-03-02", district: "burnley", answers: { where: "burnley", satisfied: "agree", old_text: "The old question's answer", comments: "Fine" } });
  await respond("named", { version: v1, day: "2026-03-03", district: "preston", answers: { satisfied: "disagree", comments: "My son is called Jack, email jo.bloggs@example.org or 07700 900123" } });
  await respond("removed", { version: v1, day: "2026-03-04", district: null, removed: true, answers: { satisfied: "neither", old_text: "Removed by retention", comments: "Removed by retention too" } });
  const v2 = await addVersion(db, surveyId, VERSION_2);
  await respond("flagged", { version: v2, day: "2026-03-05", district: "pendle", answers: { satisfied: "strongly_disagree", services: ["speech"], comments: "He hits me when I ask" } });
  await respond("urdu", { version: v2, day: "2026-03-06", district: "burnley", answers: { satisfied: "agree", services: ["speech", "ot"], comments: "بہت اچھا" } });
  await respond("easy", { version: v2, day: "2026-03-07", district: "lancaster", answers: { satisfied: "dont_know" } });
  await respond("draft", { version: v2, day: "2026-03-08", district: null, status: "draft", answers: { satisfied: "agree", comments: "Not sent yet" } });
  delete ids.draft;
  await db
    .insertInto("safeguarding_flag")
    .values({ source: "survey_answer", response_id: ids.flagged!, question_key: "comments", matched: JSON.stringify(["hits me"]), raised_by: "auto", status: "open" })
    .execute();
  return { surveyId, slug, v1, v2, ids, references };
}

/** A wave with only `count` submitted responses (too few, or none). */
export async function makeSmallWave(db: Kysely<Database>, slug: string, count: number): Promise<string> {
  const { id, versionId } = await createSurvey(db, { slug, audience: "parent_carer", series: slug, definition: VERSION_2 });
  for (let i = 0; i < count; i++) {
    const at = new Date("2026-03-02T10:00:00Z");
    await db
      .insertInto("survey_response")
      .values({ survey_id: id, version_id: versionId, status: "submitted", reference: `SR-${randomBytes(4).toString("hex").toUpperCase()}`, started_at: at, updated_at: at, submitted_at: at })
      .execute();
  }
  return id;
}
