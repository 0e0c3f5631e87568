/**
 * Checking a survey definition loaded as data (a JSON file or pasted text):
 * how an officer loads questions the portal may not ship, such as the licensed
 * POET items (docs/survey-definition-format.md). Every problem comes back with
 * where it is (a path, as in the file) and what is wrong, as an i18n key and
 * values ("import.problems.<key>" in survey-admin), never zod's own English.
 * Pure: no database.
 */
import type { ZodIssue } from "zod";
import { SurveyDefinitionSchema, type SurveyDefinition } from "./definition";
import { isPictogram } from "./pictograms";

export interface ImportProblem {
  /** Where, as a path into the file: "pages[0].questions[1].type"; "" for the whole file. */
  path: string;
  /** The same place as steps ("page 1", "question 2", "type"), for saying it in words. */
  steps: ProblemStep[];
  key: string;
  values?: Record<string, string | number>;
}

/** One step of a path: a list item (with its position from 1) or a field name. */
export type ProblemStep = { item: "page" | "question" | "option" | "variant" | "value" | "item"; number: number } | { field: string };

export type ImportCheck = { ok: true; definition: SurveyDefinition } | { ok: false; problems: ImportProblem[] };

/** The most problems one answer lists; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 50;

const LIST_ITEMS: Record<string, "page" | "question" | "option" | "variant" | "value"> = {
  pages: "page",
  questions: "question",
  options: "option",
  title: "variant",
  purpose: "variant",
  howUsed: "variant",
  text: "variant",
  hint: "variant",
  label: "variant",
  anyOf: "value",
};

export function pathText(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part), "");
}

export function stepsOf(path: (string | number)[]): ProblemStep[] {
  return path.map((part, index) => {
    if (typeof part === "number") {
      const parent = path[index - 1];
      return { item: (typeof parent === "string" && LIST_ITEMS[parent]) || "item", number: part + 1 };
    }
    return { field: part };
  });
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "number",
  integer: "number",
  boolean: "boolean",
  array: "list",
  object: "object",
  null: "null",
};

function describeIssue(issue: ZodIssue): Pick<ImportProblem, "key" | "values"> {
  // Messages the schema names itself ("definition.englishRequired") are already keys.
  if (issue.message.startsWith("definition.")) return { key: issue.message };
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return { key: "missing" };
      if (issue.expected === "integer" && issue.received === "float") return { key: "notWhole" };
      return { key: "wrongType", values: { expected: TYPE_WORDS[issue.expected] ?? issue.expected, received: TYPE_WORDS[issue.received] ?? issue.received } };
    case "invalid_enum_value":
      return { key: "notOneOf", values: { value: String(issue.received), allowed: issue.options.map(String).join(", ") } };
    case "invalid_literal":
      return { key: "notOneOf", values: { value: String(issue.received), allowed: String(issue.expected) } };
    case "too_small":
      if (issue.type === "array") return { key: "tooFewItems", values: { count: Number(issue.minimum) } };
      if (issue.type === "string") return { key: Number(issue.minimum) <= 1 ? "emptyText" : "tooShort", values: { count: Number(issue.minimum) } };
      return { key: "numberTooSmall", values: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.type === "array") return { key: "tooManyItems", values: { count: Number(issue.maximum) } };
      if (issue.type === "string") return { key: "tooLong", values: { count: Number(issue.maximum) } };
      return { key: "numberTooBig", values: { max: Number(issue.maximum) } };
    case "invalid_string":
      return { key: "badFormat" };
    case "unrecognized_keys":
      return { key: "unknownFields", values: { fields: issue.keys.join(", ") } };
    default:
      return { key: "invalid" };
  }
}

/** Whether JSON.parse's complaint about `prefix` is only that it stops early. */
function parsesSoFar(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/Unexpected end of JSON input/.test(message)) return true;
    const position = /position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}

/**
 * Where in the JSON text the first syntax error is, as line and column (from 1).
 * Node gives a position for some errors and not others ("Unexpected token ']'"):
 * then the shortest prefix that fails is found by halving (about 20 parses for 1 MB).
 */
function syntaxPosition(text: string, message: string): { line: number; column: number } | "end" {
  if (/Unexpected end of JSON input/.test(message)) return "end";
  const given = /position (\d+)/.exec(message);
  let index: number;
  if (given) index = Number(given[1]);
  else {
    let [good, bad] = [0, text.length];
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      if (parsesSoFar(text.slice(0, middle))) good = middle;
      else bad = middle;
    }
    index = bad - 1;
  }
  if (index >= text.length) return "end";
  const lines = text.slice(0, index).split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Pictogram names must be ones the portal has (public/pictograms). */
function pictogramProblems(raw: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (key === "pictogram" && typeof child === "string" && child !== "" && !isPictogram(child)) {
          const where = [...path, key];
          problems.push({ path: pathText(where), steps: stepsOf(where), key: "unknownPictogram", values: { value: child } });
        } else visit(child, [...path, key]);
      }
    }
  };
  visit(raw, []);
  return problems;
}

/** Parses and checks a definition; every problem is listed, in the file's order. */
export function checkDefinitionText(text: string): ImportCheck {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") return { ok: false, problems: [{ path: "", steps: [], key: "empty" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const where = syntaxPosition(trimmed, message);
    // A mistake found only at the very end: something was never closed.
    if (where === "end") return { ok: false, problems: [{ path: "", steps: [], key: "notJsonEnd" }] };
    return { ok: false, problems: [{ path: "", steps: [], key: "notJson", values: where }] };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, problems: [{ path: "", steps: [], key: "notObject" }] };
  const result = SurveyDefinitionSchema.safeParse(raw);
  const problems = result.success ? [] : result.error.issues.map((issue) => ({ path: pathText(issue.path), steps: stepsOf(issue.path), ...describeIssue(issue) }));
  problems.push(...pictogramProblems(raw));
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, definition: result.data };
}
