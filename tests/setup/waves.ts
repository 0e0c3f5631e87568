/**
 * Survey waves with exactly the answers a test needs: a definition built from a few
 * questions, and responses inserted in bulk with their "about you" columns.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { en, type Question, type QuestionType } from "../../app/surveys/definition";
import { createSurvey } from "../../app/surveys/surveys.server";

let counter = 0;

/** A question of a type, with options a, b, c for the choice types. */
export function question(key: string, type: QuestionType, extra: Partial<Question> = {}): Question {
  const choice = type === "single_choice" || type === "multiple_choice";
  return {
    key,
    type,
    required: false,
    text: en(`Question ${key}`),
    hint: [],
    options: choice ? ["a", "b", "c"].map((value) => ({ value, label: en(`Option ${value.toUpperCase()}`) })) : [],
    allowDontKnow: true,
    ...extra,
  };
}

export async function makeWave(
  db: Kysely<Database>,
  { questions, series, wave = "2026", audience = "parent_carer", opensAt }: { questions: Question[]; series?: string; wave?: string; audience?: "parent_carer" | "young_person" | "practitioner"; opensAt?: Date },
) {
  counter += 1;
  const slug = `wave-${Date.now().toString(36)}-${counter}`;
  return createSurvey(db, {
    slug,
    audience,
    series: series ?? slug,
    wave,
    status: "scheduled",
    opensAt: opensAt ?? new Date("2026-01-05T12:00:00Z"),
    closesAt: new Date((opensAt ?? new Date("2026-01-05T12:00:00Z")).getTime() + 60 * 24 * 3600_000),
    definition: {
      title: en(`Wave ${slug}`),
      purpose: en("For tests"),
      howUsed: en("For tests"),
      estimatedMinutes: 5,
      pages: questions.map((q) => ({ key: `p_${q.key}`, title: [], questions: [q] })),
    },
  });
}

export interface TestResponse {
  district?: string | null;
  support_level?: string | null;
  age_band?: string | null;
  completed_by?: string | null;
  language?: string;
  format?: "standard" | "easy_read";
  submittedAt?: Date;
  status?: "draft" | "submitted";
  answers?: Record<string, unknown>;
}

/** `copies` of each response given, in one insert per table. Returns the response ids in order. */
export async function addResponses(db: Kysely<Database>, wave: { id: string; versionId: string }, responses: (TestResponse & { copies?: number })[]) {
  const rows = responses.flatMap((r) => Array.from({ length: r.copies ?? 1 }, () => r));
  if (rows.length === 0) return [];
  const at = new Date("2026-02-01T10:00:00Z");
  const inserted = await db
    .insertInto("survey_response")
    .values(
      rows.map((r) => {
        const submitted = (r.status ?? "submitted") === "submitted";
        counter += 1;
        return {
          survey_id: wave.id,
          version_id: wave.versionId,
          status: r.status ?? "submitted",
          reference: submitted ? `SV-T${counter.toString(36).toUpperCase().padStart(3, "0")}-${Math.random().toString(36).slice(2, 6).toUpperCase()}` : null,
          language: r.language ?? "en-GB",
          format: r.format ?? "standard",
          started_at: at,
          updated_at: at,
          submitted_at: submitted ? r.submittedAt ?? at : null,
          district: r.district ?? null,
          support_level: r.support_level ?? null,
          age_band: r.age_band ?? null,
          completed_by: r.completed_by ?? null,
        };
      }),
    )
    .returning("id")
    .execute();
  const answers = inserted.flatMap((row, i) =>
    Object.entries(rows[i]!.answers ?? {}).map(([question_key, value]) => ({ response_id: row.id, question_key, value: JSON.stringify(value), updated_at: at })),
  );
  if (answers.length) await db.insertInto("survey_answer").values(answers).execute();
  return inserted.map((r) => r.id);
}
