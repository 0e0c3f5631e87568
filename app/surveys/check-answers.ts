/**
 * The "check your answers" rows: every question that applies, in order, with
 * the answer in the reader's words. Pure, so the page and its tests share it.
 */
import type { Reader } from "./question-field";
import { showText } from "./question-field";
import { visiblePages, visibleQuestions, type Answers } from "./answers";
import type { Question, SurveyDefinition } from "./definition";

export interface CheckRow {
  pageKey: string;
  question: Question;
  questionText: { text: string; lang?: string; dir?: string };
  /** Words for the answer; an empty list means not answered. */
  answer: { text: string; lang?: string; dir?: string }[];
}

type Translate = (key: string) => string;

export function answerWords(question: Question, value: Answers[string] | undefined, reader: Reader, t: Translate, districts: { slug: string; name: string }[], locale: string) {
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => {
    switch (question.about) {
      case "district":
        return { text: districts.find((d) => d.slug === v)?.name ?? v };
      case "age_band":
        return { text: t(`about.ageBand.${v}`) };
      case "support_level":
        return { text: t(`about.supportLevel.${v}`) };
      case "completed_by":
        return { text: t(`about.completedBy.${v}`) };
      default:
        break;
    }
    switch (question.type) {
      case "single_choice":
      case "multiple_choice": {
        const option = question.options.find((o) => o.value === v);
        return option ? (showText(option.label, reader) ?? { text: v }) : { text: v };
      }
      case "agreement":
        return { text: t(`scales.agreement.${v}`) };
      case "yes_no_not_sure":
        return { text: t(`scales.yesNo.${v}`) };
      case "face_scale":
        return { text: t(`scales.face.${["veryUnhappy", "unhappy", "neutral", "happy", "veryHappy"][Number(v) - 1] ?? "neutral"}`) };
      case "date":
        return { text: new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${v}T00:00:00Z`)) };
      default:
        return { text: v };
    }
  });
}

export function checkRows(
  definition: SurveyDefinition,
  answers: Answers,
  reader: Reader,
  t: Translate,
  districts: { slug: string; name: string }[],
  locale: string,
): CheckRow[] {
  return visiblePages(definition, answers).flatMap((page) =>
    visibleQuestions(page, answers).map((question) => ({
      pageKey: page.key,
      question,
      questionText: showText(question.text, reader) ?? { text: question.key },
      answer: answerWords(question, answers[question.key], reader, t, districts, locale),
    })),
  );
}
