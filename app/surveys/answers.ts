/**
 * Reading and checking answers. Pure. Every answer is checked on the server
 * against the version the respondent is answering: an option value the
 * question does not have, a number out of range, a date that does not exist or
 * text over the limit is refused with a message key (surveys.json `errors`).
 */
import {
  allQuestions,
  fixedValues,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  type Condition,
  type Question,
  type SurveyDefinition,
  type SurveyPage,
} from "./definition";

/** A stored answer: one string, or several for multiple choice. Dates are "YYYY-MM-DD". */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

/** What the page needs to know beyond the definition: the area's district slugs. */
export interface AnswerContext {
  districts: readonly string[];
}

export type CheckedAnswer =
  | { ok: true; value: AnswerValue | null }
  | { ok: false; error: string; /** What the person typed, to put back. */ raw: AnswerValue };

export function allowedValues(question: Question, context: AnswerContext): readonly string[] | undefined {
  if (question.about === "district") return context.districts;
  return fixedValues(question) ?? (question.options.length ? question.options.map((o) => o.value) : undefined);
}

function isEmpty(value: AnswerValue | null | undefined): boolean {
  return value == null || (Array.isArray(value) ? value.length === 0 : value.trim() === "");
}

/** "2026-02-30" is not a date; "2026-02-28" is. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The value a question's form fields carry (dates come in three parts). */
export function rawFromForm(question: Question, form: FormData): AnswerValue {
  if (question.type === "date") {
    const part = (p: string) => String(form.get(`${question.key}-${p}`) ?? "").trim();
    const [day, month, year] = [part("day"), part("month"), part("year")];
    return day || month || year ? `${year}-${month}-${day}` : "";
  }
  if (question.type === "multiple_choice") return form.getAll(question.key).filter((v): v is string => typeof v === "string");
  const value = form.get(question.key);
  return typeof value === "string" ? value : "";
}

/** Checks one answer; an empty optional answer is `{ ok: true, value: null }` (nothing stored). */
export function checkAnswer(question: Question, raw: AnswerValue, context: AnswerContext): CheckedAnswer {
  const fail = (error: string): CheckedAnswer => ({ ok: false, error, raw });
  if (isEmpty(raw)) return question.required ? fail(requiredError(question)) : { ok: true, value: null };

  const allowed = allowedValues(question, context);
  if (question.type === "multiple_choice") {
    const values = Array.isArray(raw) ? raw : [raw];
    if (!allowed || values.some((v) => !allowed.includes(v))) return fail("errors.unknownOption");
    // Stored in the question's own order, once each.
    return { ok: true, value: allowed.filter((v) => values.includes(v)) };
  }
  if (Array.isArray(raw)) return fail("errors.oneAnswer");
  const value = raw.trim();

  if (allowed) return allowed.includes(value) ? { ok: true, value } : fail("errors.unknownOption");

  switch (question.type) {
    case "short_text":
      return value.length > SHORT_TEXT_MAX ? fail("errors.tooLongShort") : { ok: true, value };
    case "long_text":
      // Kept as typed (line breaks and all), only trimmed at the ends.
      return value.length > LONG_TEXT_MAX ? fail("errors.tooLongLong") : { ok: true, value };
    case "number": {
      if (!/^-?\d+(\.\d+)?$/.test(value.replace(/,/g, ""))) return fail("errors.notNumber");
      const n = Number(value.replace(/,/g, ""));
      if ((question.min != null && n < question.min) || (question.max != null && n > question.max)) return fail("errors.numberRange");
      return { ok: true, value: String(n) };
    }
    case "date": {
      const match = /^(\d*)-(\d*)-(\d*)$/.exec(value);
      if (!match || !match[1] || !match[2] || !match[3]) return fail("errors.dateIncomplete");
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      if (!/^\d{4}$/.test(match[1]) || !isRealDate(year, month, day)) return fail("errors.dateReal");
      return { ok: true, value: `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
    }
    default:
      // A choice question with no options cannot be answered: the definition check prevents it.
      return fail("errors.unknownOption");
  }
}

function requiredError(question: Question): string {
  switch (question.type) {
    case "multiple_choice":
      return "errors.requiredMany";
    case "short_text":
    case "long_text":
    case "number":
      return "errors.requiredText";
    case "date":
      return "errors.dateIncomplete";
    default:
      return "errors.requiredChoice";
  }
}

// ---- Which pages and questions a respondent sees --------------------------------

export function conditionMet(condition: Condition | null | undefined, answers: Answers): boolean {
  if (!condition) return true;
  const answer = answers[condition.question];
  if (answer == null) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  return given.some((v) => condition.anyOf.includes(v));
}

/** Questions on a page that apply, given the answers so far (a question may depend on one above it). */
export function visibleQuestions(page: SurveyPage, answers: Answers): Question[] {
  return page.questions.filter((q) => conditionMet(q.condition, answers));
}

/**
 * The saved answers to these questions only: what a question page sends to the
 * browser. The rest of the draft stays on the server, so a page's HTML and data on
 * a shared screen hold no more of someone's answers than the page itself shows.
 */
export function answersFor(questions: Question[], answers: Answers): Answers {
  const own: Answers = {};
  for (const q of questions) if (answers[q.key] !== undefined) own[q.key] = answers[q.key]!;
  return own;
}

/**
 * Pages that apply, in order. A page whose condition fails, or whose every
 * question is hidden, is skipped; answers to questions no longer shown are
 * kept in the draft (a changed mind can bring them back) but never submitted.
 */
export function visiblePages(definition: Pick<SurveyDefinition, "pages">, answers: Answers): SurveyPage[] {
  return definition.pages.filter((page) => conditionMet(page.condition, answers) && visibleQuestions(page, answers).length > 0);
}

/** The answers that count: only those to questions shown, given the others. */
export function answersInScope(definition: Pick<SurveyDefinition, "pages">, answers: Answers): Answers {
  const kept: Answers = {};
  for (const page of visiblePages(definition, answers)) {
    for (const question of visibleQuestions(page, answers)) {
      const value = answers[question.key];
      if (!isEmpty(value)) kept[question.key] = value!;
    }
  }
  return kept;
}

/**
 * Checks a page's posted fields: the values to keep and the errors to show.
 * Questions are judged in order, so a condition on the same page uses the
 * answer just given above it.
 */
export function checkPage(page: SurveyPage, form: FormData, previous: Answers, context: AnswerContext) {
  const answers: Answers = { ...previous };
  const errors: Record<string, string> = {};
  const raw: Answers = {};
  const cleared: string[] = [];
  for (const question of page.questions) {
    if (!conditionMet(question.condition, answers)) continue;
    const checked = checkAnswer(question, rawFromForm(question, form), context);
    if (!checked.ok) {
      errors[question.key] = checked.error;
      raw[question.key] = checked.raw;
      // A wrong answer is not kept, but neither is the old one used as if it still stood.
      delete answers[question.key];
    } else if (checked.value === null) {
      delete answers[question.key];
      cleared.push(question.key);
    } else {
      answers[question.key] = checked.value;
    }
  }
  return { answers, errors, raw, cleared };
}

/** The first required question still unanswered (for the check page), or undefined when all are done. */
export function firstMissing(definition: Pick<SurveyDefinition, "pages">, answers: Answers, context: AnswerContext) {
  for (const page of visiblePages(definition, answers)) {
    for (const question of visibleQuestions(page, answers)) {
      const value = answers[question.key];
      const checked = checkAnswer(question, value ?? "", context);
      if (!checked.ok) return { page, question, error: checked.error };
    }
  }
  return undefined;
}

export function questionCount(definition: Pick<SurveyDefinition, "pages">): number {
  return allQuestions(definition).length;
}
