/**
 * A survey wave's responses as a table for analysts: one row per submitted response,
 * one column per question, and a codebook that says what every column and code means
 * (docs/decisions/031-analysis-exports.md). Pure: the rows, answers and words come from
 * export.server.ts.
 *
 * What a row never holds: the response's id or reference (the row number counts rows in
 * the file, in an order that says nothing about who answered first within a day), the
 * time of day, an answer flagged for safeguarding (its cell reads WITHHELD), or a name,
 * email address or phone number that redact() can find in free text.
 */
import { resolveText } from "../i18n/content";
import type { AnswerValue } from "../surveys/answers";
import { allQuestions, fixedValues, textTypes, type Condition, type Question, type QuestionType, type SurveyDefinition } from "../surveys/definition";
import { instantToUkLocal } from "../surveys/uk-time";
import { redact } from "./redact";
import type { SheetValue } from "./spreadsheet";

/** What a flagged answer's cell says instead of the answer (the codebook explains it). */
export const WITHHELD = "[withheld]";

/** Several choices in one cell, as codes. */
export const CHOICE_SEPARATOR = "; ";

/** The columns before the questions, in order: who answered, never which person. */
export const LEADING_COLUMNS = ["row", "submitted_on", "language", "format", "district", "health_area", "age_band", "support_level", "completed_by"] as const;
export type LeadingColumn = (typeof LEADING_COLUMNS)[number];

export interface ExportVersion {
  id: string;
  number: number;
  definition: Pick<SurveyDefinition, "pages">;
}

export interface QuestionColumn {
  /** The column's name: the question's key, unless that is a leading column's name. */
  name: string;
  key: string;
  /** As the current version asks it; for a key no longer asked, as the latest version that asked it. */
  question: Question;
  /** When it is asked: the question's own condition, else its page's. */
  condition: Condition | null;
  inCurrent: boolean;
  /** The numbers of the versions given that ask it, lowest first. */
  versions: number[];
}

/**
 * The question columns: the current version's questions in its order, then any key that
 * only earlier versions ask (latest version first, in that version's order), so answers
 * given to an earlier version line up under the same key. "About you" questions are not
 * repeated here: they are the leading columns.
 */
export function questionColumns(current: ExportVersion, earlier: readonly ExportVersion[]): QuestionColumn[] {
  const all = [current, ...[...earlier].filter((v) => v.id !== current.id).sort((a, b) => b.number - a.number)];
  const columns: QuestionColumn[] = [];
  const seen = new Set<string>();
  const aboutKeys = new Set(allQuestions(current.definition).filter((q) => q.about).map((q) => q.key));
  const taken = new Set<string>(LEADING_COLUMNS);
  for (const version of all) {
    for (const page of version.definition.pages) {
      for (const question of page.questions) {
        if (seen.has(question.key) || question.about || aboutKeys.has(question.key)) continue;
        seen.add(question.key);
        let name = question.key;
        // A question may be called "language" too: its column gets a prefix rather than a clash.
        for (let n = 1; taken.has(name); n++) name = n === 1 ? `q_${question.key}` : `q_${question.key}_${n}`;
        taken.add(name);
        columns.push({
          name,
          key: question.key,
          question,
          condition: question.condition ?? page.condition ?? null,
          inCurrent: version === current,
          versions: all
            .filter((v) => allQuestions(v.definition).some((q) => q.key === question.key))
            .map((v) => v.number)
            .sort((a, b) => a - b),
        });
      }
    }
  }
  return columns;
}

export function headerRow(columns: readonly QuestionColumn[]): string[] {
  return [...LEADING_COLUMNS, ...columns.map((c) => c.name)];
}

export interface ExportResponse {
  id: string;
  versionId: string;
  submittedAt: Date;
  language: string;
  format: string;
  district: string | null;
  ageBand: string | null;
  supportLevel: string | null;
  completedBy: string | null;
  /** The retention sweep removed its free text (docs/decisions/028): those cells stay blank. */
  freeTextRemoved: boolean;
  answers: Readonly<Record<string, AnswerValue>>;
}

export interface RowContext {
  /** "responseId questionKey" of every answer flagged for safeguarding (flaggedAnswerKeys). */
  flagged: ReadonlySet<string>;
  /** District slug → its health area's slug. */
  healthAreaOf: ReadonlyMap<string, string>;
  /** Version id → its questions by key: an answer is read as the version it answered asked it. */
  questionsOf: ReadonlyMap<string, ReadonlyMap<string, Question>>;
}

export function isFreeText(type: QuestionType): boolean {
  return textTypes.includes(type);
}

/** One answer as a cell: codes for choices, a number for a number, free text redacted. */
export function answerCell(value: AnswerValue | undefined, type: QuestionType, state: { flagged: boolean; freeTextRemoved: boolean }): SheetValue {
  if (state.flagged) return WITHHELD;
  if (value === undefined || (isFreeText(type) && state.freeTextRemoved)) return null;
  const text = Array.isArray(value) ? value.join(CHOICE_SEPARATOR) : value;
  if (isFreeText(type)) return text.trim() === "" ? null : redact(text).text;
  if (type === "number" && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text === "" ? null : text;
}

/**
 * Responses in the order the file lists them: by the UK date they were submitted, then by
 * their (random) id, so within a day the order says nothing about who answered first.
 */
export function orderResponses<T extends Pick<ExportResponse, "id" | "submittedAt">>(responses: readonly T[]): T[] {
  const day = new Map(responses.map((r) => [r.id, instantToUkLocal(r.submittedAt).date]));
  return [...responses].sort((a, b) => day.get(a.id)!.localeCompare(day.get(b.id)!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One response as a row: its number in the file, then the leading columns, then an answer per column. */
export function responseRow(rowNumber: number, response: ExportResponse, columns: readonly QuestionColumn[], context: RowContext): SheetValue[] {
  const asked = context.questionsOf.get(response.versionId);
  return [
    rowNumber,
    instantToUkLocal(response.submittedAt).date,
    response.language,
    response.format,
    response.district,
    response.district ? (context.healthAreaOf.get(response.district) ?? null) : null,
    response.ageBand,
    response.supportLevel,
    response.completedBy,
    ...columns.map((column) => {
      // Text in one version and a choice in another: what this person was asked decides.
      const type = asked?.get(column.key)?.type ?? column.question.type;
      return answerCell(response.answers[column.key], type, {
        flagged: context.flagged.has(`${response.id} ${column.key}`),
        freeTextRemoved: response.freeTextRemoved,
      });
    }),
  ];
}

/** The whole table: the header row, then every response in file order, numbered from 1. */
export function responseTable(responses: readonly ExportResponse[], columns: readonly QuestionColumn[], context: RowContext): SheetValue[][] {
  return [headerRow(columns), ...orderResponses(responses).map((response, i) => responseRow(i + 1, response, columns, context))];
}

// ---- The codebook -------------------------------------------------------------------------

export interface Code {
  code: string;
  label: string;
}

/** The codebook's words, in English (the language of the questions' reference text). */
export interface CodebookWords {
  headers: { column: string; question: string; type: string; codes: string; notes: string };
  leading: Record<LeadingColumn, { question: string; type: string; notes: string }>;
  types: Record<QuestionType, string>;
  codes: {
    language: Code[];
    format: Code[];
    district: Code[];
    health_area: Code[];
    age_band: Code[];
    support_level: Code[];
    completed_by: Code[];
    /** Agreement scale values and "dont_know". */
    agreement: Record<string, string>;
    /** "1" to "5". */
    face: Record<string, string>;
    yesNo: Record<string, string>;
  };
  notes: {
    required: string;
    optional: string;
    multiple: string;
    freeText: string;
    date: string;
    number: (min: number | null, max: number | null) => string;
    condition: (key: string, values: string) => string;
    notInCurrent: (versions: string) => string;
  };
}

export const CODEBOOK_COLUMNS = ["column", "question", "type", "codes", "notes"] as const;

const english = (text: Question["text"]) => resolveText(text, { language: "en-GB", format: "standard" })?.text ?? "";

const codeLines = (codes: readonly Code[]) => codes.map((c) => `${c.code} = ${c.label}`).join("\n");

/** The codes a question's column holds, with their English words; empty for numbers, dates and text. */
export function questionCodes(question: Question, words: Pick<CodebookWords, "codes">): Code[] {
  const fixed = fixedValues(question);
  if (fixed) {
    const table = question.type === "agreement" ? words.codes.agreement : question.type === "face_scale" ? words.codes.face : words.codes.yesNo;
    return fixed.map((code) => ({ code, label: table[code] ?? code }));
  }
  return question.options.map((o) => ({ code: o.value, label: english(o.label) }));
}

function questionNotes(column: QuestionColumn, words: CodebookWords): string {
  const { question } = column;
  const notes = [question.required ? words.notes.required : words.notes.optional];
  if (question.type === "multiple_choice") notes.push(words.notes.multiple);
  if (isFreeText(question.type)) notes.push(words.notes.freeText);
  if (question.type === "date") notes.push(words.notes.date);
  if (question.type === "number") notes.push(words.notes.number(question.min ?? null, question.max ?? null));
  if (column.condition) notes.push(words.notes.condition(column.condition.question, column.condition.anyOf.join(", ")));
  if (!column.inCurrent) notes.push(words.notes.notInCurrent(column.versions.join(", ")));
  return notes.filter(Boolean).join(" ");
}

/** One row per column of the responses table (header first): name, question, type, codes, notes. */
export function codebookTable(columns: readonly QuestionColumn[], words: CodebookWords): SheetValue[][] {
  const leadingCodes: Partial<Record<LeadingColumn, Code[]>> = {
    language: words.codes.language,
    format: words.codes.format,
    district: words.codes.district,
    health_area: words.codes.health_area,
    age_band: words.codes.age_band,
    support_level: words.codes.support_level,
    completed_by: words.codes.completed_by,
  };
  return [
    CODEBOOK_COLUMNS.map((c) => words.headers[c]),
    ...LEADING_COLUMNS.map((name) => [name, words.leading[name].question, words.leading[name].type, codeLines(leadingCodes[name] ?? []), words.leading[name].notes]),
    ...columns.map((column) => [
      column.name,
      english(column.question.text),
      words.types[column.question.type],
      codeLines(questionCodes(column.question, words)),
      questionNotes(column, words),
    ]),
  ].map((row) => row.map((cell) => (cell === "" ? null : cell)));
}

// ---- Files -----------------------------------------------------------------------------------

export const rawFiles = ["responses.csv", "responses.xlsx"] as const;
export type RawFile = (typeof rawFiles)[number];

export function isRawFile(value: unknown): value is RawFile {
  return typeof value === "string" && (rawFiles as readonly string[]).includes(value);
}

/** "parent-carer-survey-2026-responses-2026-11-23.csv": the slug (letters, digits, dashes), what, the UK date. */
export function exportFilename(slug: string, what: "responses" | "codebook", extension: "csv" | "xlsx", now: Date): string {
  const safe = slug.replace(/[^a-z0-9-]/gi, "").toLowerCase() || "survey";
  return `${safe}-${what}-${instantToUkLocal(now).date}.${extension}`;
}

/** The most characters a reason for a raw download may have. */
export const REASON_MAX = 500;

/** A reason for a raw download, trimmed; or the message key of what is wrong with it. */
export function parseReason(value: unknown): { ok: true; reason: string } | { ok: false; error: "reasonMissing" | "reasonTooLong" } {
  const reason = typeof value === "string" ? value.trim() : "";
  if (reason === "") return { ok: false, error: "reasonMissing" };
  if (reason.length > REASON_MAX) return { ok: false, error: "reasonTooLong" };
  return { ok: true, reason };
}

/** Where the export page and its files are. */
export const analysisPath = (surveyId: string, file?: "export" | "codebook.csv" | RawFile) => `/admin/analysis/${surveyId}${file ? `/${file}` : ""}`;
