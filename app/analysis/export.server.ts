/**
 * Response-level exports of one survey wave and their codebook (issue 7, point 5;
 * docs/decisions/031-analysis-exports.md). Reads the submitted responses, leaves out what
 * may never leave (flagged answers, names and numbers in free text, text past retention),
 * builds the files, and records each raw download in the audit log: who, which survey,
 * which file, how many rows and why; never an answer.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { languages } from "../i18n/config";
import { resolveText } from "../i18n/content";
import i18next from "../i18n/i18next.server";
import { flaggedAnswerKeys } from "../safeguarding/safeguarding.server";
import type { AnswerValue } from "../surveys/answers";
import {
  AGE_BANDS,
  AGREEMENT_VALUES,
  allQuestions,
  COMPLETED_BY,
  DONT_KNOW,
  FACE_VALUES,
  questionTypes,
  SUPPORT_LEVELS,
  SurveyDefinitionSchema,
  YES_NO_VALUES,
  type Question,
} from "../surveys/definition";
import {
  codebookTable,
  exportFilename,
  LEADING_COLUMNS,
  questionColumns,
  responseTable,
  type CodebookWords,
  type ExportResponse,
  type ExportVersion,
  type QuestionColumn,
  type RawFile,
} from "./export";
import { toCsv, toXlsx } from "./spreadsheet.server";
import { getSuppressionThreshold } from "./suppression.server";

type Db = Kysely<Database> | Transaction<Database>;

/** What the export page can offer for a wave: nothing yet, too few to be safe, or the files. */
export type ExportState = "none" | "too-few" | "ready";

export interface ExportSurvey {
  id: string;
  slug: string;
  title: string;
  state: ExportState;
  /** How many submitted responses; only when there are enough to say (state "ready"). */
  submitted: number | null;
  threshold: number;
}

/**
 * A raw export of fewer responses than the suppression threshold could identify a family:
 * it is refused (decision 031). None at all is its own answer ("nobody has answered yet").
 */
export function exportState(submitted: number, threshold: number): ExportState {
  if (submitted === 0) return "none";
  return submitted < threshold ? "too-few" : "ready";
}

/** The wave for the export page, in the reader's language; undefined for an id that is not a survey's. */
export async function getExportSurvey(db: Db, { id, language }: { id: string | undefined; language: string }): Promise<ExportSurvey | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db
    .selectFrom("survey")
    .leftJoin("survey_version", "survey_version.id", "survey.current_version_id")
    .select(["survey.id", "survey.slug", "survey_version.definition"])
    .where("survey.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [{ n }, threshold] = await Promise.all([
    db
      .selectFrom("survey_response")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("survey_id", "=", id)
      .where("status", "=", "submitted")
      .executeTakeFirstOrThrow(),
    getSuppressionThreshold(db),
  ]);
  const submitted = Number(n);
  const state = exportState(submitted, threshold);
  const title = resolveText(row.definition?.title ?? [], { language, format: "standard" })?.text ?? row.slug;
  return { id: row.id, slug: row.slug, title, state, submitted: state === "ready" ? submitted : null, threshold };
}

// ---- Reading a wave ----------------------------------------------------------------------

/** How many responses' answers are read at once: a large wave never sits in memory as one result. */
const ANSWER_CHUNK = 1000;

interface WaveData {
  slug: string;
  columns: QuestionColumn[];
  responses: ExportResponse[];
  flagged: Set<string>;
  questionsOf: Map<string, Map<string, Question>>;
}

/** The wave's question columns: the current version's, then keys only earlier answered versions ask. */
async function readColumns(db: Db, surveyId: string) {
  const survey = await db.selectFrom("survey").select(["slug", "current_version_id"]).where("id", "=", surveyId).executeTakeFirst();
  if (!survey) return undefined;
  const answered = await db
    .selectFrom("survey_response")
    .select("version_id")
    .distinct()
    .where("survey_id", "=", surveyId)
    .where("status", "=", "submitted")
    .execute();
  const wanted = new Set(answered.map((r) => r.version_id));
  const versionRows = await db.selectFrom("survey_version").select(["id", "number", "definition"]).where("survey_id", "=", surveyId).execute();
  const versions: ExportVersion[] = versionRows
    .filter((v) => v.id === survey.current_version_id || wanted.has(v.id))
    .map((v) => ({ id: v.id, number: v.number, definition: SurveyDefinitionSchema.parse(v.definition) }));
  const current = versions.find((v) => v.id === survey.current_version_id) ?? [...versions].sort((a, b) => b.number - a.number)[0];
  return { slug: survey.slug, versions, columns: current ? questionColumns(current, versions) : [] };
}

async function readWave(db: Db, surveyId: string): Promise<WaveData | undefined> {
  const wave = await readColumns(db, surveyId);
  if (!wave) return undefined;
  const { columns, versions } = wave;
  const rows = await db
    .selectFrom("survey_response")
    .select(["id", "version_id", "submitted_at", "language", "format", "district", "age_band", "support_level", "completed_by", "free_text_removed_at"])
    .where("survey_id", "=", surveyId)
    .where("status", "=", "submitted")
    .execute();
  const questionsOf = new Map(versions.map((v) => [v.id, new Map(allQuestions(v.definition).map((q) => [q.key, q]))]));

  const answers = new Map<string, Record<string, AnswerValue>>(rows.map((r) => [r.id, {}]));
  const keys = new Set(columns.map((c) => c.key));
  for (let i = 0; i < rows.length; i += ANSWER_CHUNK) {
    const ids = rows.slice(i, i + ANSWER_CHUNK).map((r) => r.id);
    const chunk = await db.selectFrom("survey_answer").select(["response_id", "question_key", "value"]).where("response_id", "in", ids).execute();
    // Only keys a version defines: anything else has no column, type or codebook entry.
    for (const a of chunk) if (keys.has(a.question_key)) answers.get(a.response_id)![a.question_key] = a.value;
  }
  const responses: ExportResponse[] = rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    submittedAt: r.submitted_at!,
    language: r.language,
    format: r.format,
    district: r.district,
    ageBand: r.age_band,
    supportLevel: r.support_level,
    completedBy: r.completed_by,
    freeTextRemoved: r.free_text_removed_at !== null,
    answers: answers.get(r.id)!,
  }));
  return { slug: wave.slug, columns, responses, flagged: await flaggedAnswerKeys(db, surveyId), questionsOf };
}

async function districtsAndHealthAreas(db: Db) {
  const [districts, healthAreas] = await Promise.all([
    db
      .selectFrom("district")
      .leftJoin("health_area", "health_area.id", "district.health_area_id")
      .select(["district.slug", "district.name", "health_area.slug as health_area"])
      .orderBy("district.sort_order")
      .orderBy("district.name")
      .execute(),
    db.selectFrom("health_area").select(["slug", "name"]).orderBy("name").execute(),
  ]);
  return { districts, healthAreas };
}

/** The codebook's words in English, with the area's districts and health areas. */
async function codebookWords(db: Db): Promise<CodebookWords> {
  const { districts, healthAreas } = await districtsAndHealthAreas(db);
  const english = i18next.instanceFor("en-GB");
  const t = english.getFixedT("en-GB", "analysis-export");
  const s = english.getFixedT("en-GB", "surveys");
  const faceLevels = ["veryUnhappy", "unhappy", "neutral", "happy", "veryHappy"] as const;
  const headers = { column: "", question: "", type: "", codes: "", notes: "" };
  for (const key of Object.keys(headers) as (keyof typeof headers)[]) headers[key] = t(`codebook.headers.${key}`);
  return {
    headers,
    leading: Object.fromEntries(
      LEADING_COLUMNS.map((c) => [c, { question: t(`codebook.leading.${c}.question`), type: t(`codebook.leading.${c}.type`), notes: t(`codebook.leading.${c}.notes`) }]),
    ) as CodebookWords["leading"],
    types: Object.fromEntries(questionTypes.map((type) => [type, t(`codebook.types.${type}`)])) as CodebookWords["types"],
    codes: {
      language: languages.map((l) => ({ code: l.code, label: t(`codebook.languages.${l.code}`) })),
      format: [
        { code: "standard", label: s("format.standard") },
        { code: "easy_read", label: s("format.easyRead") },
      ],
      district: districts.map((d) => ({ code: d.slug, label: d.name })),
      health_area: healthAreas.map((h) => ({ code: h.slug, label: h.name })),
      age_band: AGE_BANDS.map((code) => ({ code, label: s(`about.ageBand.${code}`) })),
      support_level: SUPPORT_LEVELS.map((code) => ({ code, label: s(`about.supportLevel.${code}`) })),
      completed_by: COMPLETED_BY.map((code) => ({ code, label: s(`about.completedBy.${code}`) })),
      agreement: Object.fromEntries([...AGREEMENT_VALUES, DONT_KNOW].map((code) => [code, s(`scales.agreement.${code}`)])),
      face: Object.fromEntries(FACE_VALUES.map((code, i) => [code, s(`scales.face.${faceLevels[i]}`)])),
      yesNo: Object.fromEntries(YES_NO_VALUES.map((code) => [code, s(`scales.yesNo.${code}`)])),
    },
    notes: {
      required: t("codebook.notes.required"),
      optional: t("codebook.notes.optional"),
      multiple: t("codebook.notes.multiple"),
      freeText: t("codebook.notes.freeText"),
      date: t("codebook.notes.date"),
      number: (min, max) =>
        min !== null && max !== null
          ? t("codebook.notes.numberRange", { min, max })
          : min !== null
            ? t("codebook.notes.numberMin", { min })
            : max !== null
              ? t("codebook.notes.numberMax", { max })
              : t("codebook.notes.number"),
      condition: (key, values) => t("codebook.notes.condition", { key, values }),
      notInCurrent: (versions) => t("codebook.notes.notInCurrent", { versions }),
    },
  };
}

export interface ExportTables {
  slug: string;
  /** The header row, then one row per submitted response. */
  responses: (string | number | null)[][];
  /** The header row, then one row per column of `responses`. */
  codebook: (string | number | null)[][];
}

/** Both tables of a wave; undefined for a survey that does not exist. */
export async function buildExportTables(db: Db, surveyId: string): Promise<ExportTables | undefined> {
  const wave = await readWave(db, surveyId);
  if (!wave) return undefined;
  const { districts } = await districtsAndHealthAreas(db);
  const healthAreaOf = new Map(districts.filter((d) => d.health_area).map((d) => [d.slug, d.health_area!]));
  return {
    slug: wave.slug,
    responses: responseTable(wave.responses, wave.columns, { flagged: wave.flagged, healthAreaOf, questionsOf: wave.questionsOf }),
    codebook: codebookTable(wave.columns, await codebookWords(db)),
  };
}

/** Column widths for the workbook: wide enough to read a code, wider for text. */
const widthOf = (header: string, index: number) => (index === 0 ? 8 : Math.min(40, Math.max(12, header.length + 2)));

export interface ExportFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

export type RawExportResult =
  | ({ ok: true; rows: number } & ExportFile)
  | { ok: false; reason: "not-found" | ExportState };

/**
 * A raw export (one row per response), recorded in the audit log before the file is
 * given: who, which survey and file, how many rows, and the reason. Refused for a
 * survey with no submitted responses, or fewer than the suppression threshold.
 */
export async function exportResponses(
  db: Kysely<Database>,
  input: { surveyId: string | undefined; file: RawFile; reason: string; by: { userId: string; requestId?: string }; now: Date },
): Promise<RawExportResult> {
  if (!isUuid(input.surveyId)) return { ok: false, reason: "not-found" };
  const tables = await buildExportTables(db, input.surveyId);
  if (!tables) return { ok: false, reason: "not-found" };
  const rows = tables.responses.length - 1;
  const state = exportState(rows, await getSuppressionThreshold(db));
  if (state !== "ready") return { ok: false, reason: state };
  const file =
    input.file === "responses.csv"
      ? { body: toCsv(tables.responses), contentType: "text/csv; charset=utf-8", filename: exportFilename(tables.slug, "responses", "csv", input.now) }
      : {
          body: await toXlsx(
            [
              { name: "responses", columns: tables.responses[0]!.map((h, i) => ({ header: String(h), width: widthOf(String(h), i) })), rows: tables.responses.slice(1) },
              {
                name: "codebook",
                columns: tables.codebook[0]!.map((h, i) => ({ header: String(h), width: [24, 50, 24, 45, 70][i] })),
                rows: tables.codebook.slice(1),
                wrap: true,
              },
            ],
            { now: input.now },
          ),
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          filename: exportFilename(tables.slug, "responses", "xlsx", input.now),
        };
  await recordAudit(db, {
    userId: input.by.userId,
    action: "analysis.responses-exported",
    subjectType: "survey",
    subjectId: input.surveyId,
    details: { file: input.file, rows, reason: input.reason },
    requestId: input.by.requestId,
  });
  return { ok: true, rows, ...file };
}

/** The codebook on its own: what each column and code means. It holds no answers. */
export async function exportCodebook(db: Kysely<Database>, input: { surveyId: string | undefined; now: Date }): Promise<ExportFile | undefined> {
  if (!isUuid(input.surveyId)) return undefined;
  const wave = await readColumns(db, input.surveyId);
  if (!wave) return undefined;
  const codebook = codebookTable(wave.columns, await codebookWords(db));
  return { body: toCsv(codebook), contentType: "text/csv; charset=utf-8", filename: exportFilename(wave.slug, "codebook", "csv", input.now) };
}
