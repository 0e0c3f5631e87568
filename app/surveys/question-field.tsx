import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Pictogram } from "~/components/pictogram";
import { Checkboxes } from "~/components/forms/checkboxes";
import { DateInput } from "~/components/forms/date-input";
import { FaceScale, type FaceLevel } from "~/components/forms/face-scale";
import { Radios, type Choice } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { languageOf } from "~/i18n/config";
import { resolveText, type ContentFormat } from "~/i18n/content";
import type { AnswerValue } from "./answers";
import {
  AGE_BANDS,
  AGREEMENT_VALUES,
  COMPLETED_BY,
  DONT_KNOW,
  LONG_TEXT_MAX,
  SUPPORT_LEVELS,
  YES_NO_VALUES,
  type Question,
  type Text,
} from "./definition";
import { SCALE_PICTOGRAMS } from "./pictograms";

export interface Reader {
  language: string;
  format: ContentFormat;
}

export interface ShownText {
  text: string;
  pictogram: string | null;
  /** Set when the text is in another language than the page (a fallback). */
  lang?: string;
  dir?: "rtl" | "ltr";
}

/** The words of a text for this reader, with the language marked when it fell back to another. */
export function showText(text: Text | undefined, reader: Reader): ShownText | undefined {
  const found = text ? resolveText(text, reader) : undefined;
  if (!found) return undefined;
  const other = found.language !== reader.language;
  return {
    text: found.text,
    pictogram: found.format === "easy_read" ? (found.pictogram ?? null) : null,
    ...(other ? { lang: found.language, dir: languageOf(found.language).dir } : {}),
  };
}

/** Words beside a pictogram (easy read), or just the words. */
function Labelled({ shown, pictogram, easyRead }: { shown: ShownText; pictogram?: string | null; easyRead: boolean }) {
  const picture = easyRead ? (pictogram ?? shown.pictogram) : null;
  const words = (
    <span lang={shown.lang} dir={shown.dir}>
      {shown.text}
    </span>
  );
  if (!picture) return words;
  return (
    <span className="portal-easy-read__labelled">
      <Pictogram name={picture} size={48} />
      {words}
    </span>
  );
}

export interface QuestionFieldProps {
  question: Question;
  value?: AnswerValue;
  /** The error message, already in the reader's words. */
  error?: string;
  reader: Reader;
  /** The area's districts, for the "about you" district question. */
  districts: { slug: string; name: string }[];
  isPageHeading?: boolean;
}

/**
 * One survey question as GOV.UK form controls, in the reader's language and
 * format. Easy read puts a pictogram beside the question and each option and
 * uses bigger targets (app/styles/_easy-read.scss). Field names are the
 * question's key (a date: key-day, key-month, key-year), as checked by answers.ts.
 */
export function QuestionField({ question, value, error, reader, districts, isPageHeading }: QuestionFieldProps) {
  const { t } = useTranslation("surveys");
  const easyRead = reader.format === "easy_read";
  const shown = showText(question.text, reader) ?? { text: question.key, pictogram: null };
  const hintShown = showText(question.hint, reader);
  const optional = question.required ? "" : ` ${t("question.optional")}`;
  const legend: ReactNode = (
    <span className={easyRead ? "portal-easy-read__question" : undefined}>
      <Labelled shown={{ ...shown, text: `${shown.text}${optional}` }} easyRead={easyRead} />
    </span>
  );
  const hint = hintShown ? <span lang={hintShown.lang} dir={hintShown.dir}>{hintShown.text}</span> : undefined;
  const single = typeof value === "string" ? value : undefined;
  const many = Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
  const common = { name: question.key, legend, hint, error, isPageHeading };

  const fixedChoice = (v: string, words: string): Choice => ({
    value: v,
    label: <Labelled shown={{ text: words, pictogram: null }} pictogram={SCALE_PICTOGRAMS[v]} easyRead={easyRead} />,
  });

  const field = (() => {
    switch (question.about) {
      case "district":
        return <Radios {...common} choices={districts.map((d) => ({ value: d.slug, label: d.name }))} defaultValue={single} />;
      case "age_band":
        return <Radios {...common} choices={AGE_BANDS.map((v) => fixedChoice(v, t(`about.ageBand.${v}`)))} defaultValue={single} />;
      case "support_level":
        return <Radios {...common} choices={SUPPORT_LEVELS.map((v) => fixedChoice(v, t(`about.supportLevel.${v}`)))} defaultValue={single} />;
      case "completed_by":
        return <Radios {...common} choices={COMPLETED_BY.map((v) => fixedChoice(v, t(`about.completedBy.${v}`)))} defaultValue={single} />;
      default:
        break;
    }
    switch (question.type) {
      case "single_choice":
      case "multiple_choice": {
        const choices: Choice[] = question.options.map((option) => {
          const label = showText(option.label, reader) ?? { text: option.value, pictogram: null };
          return { value: option.value, label: <Labelled shown={label} easyRead={easyRead} /> };
        });
        return question.type === "single_choice" ? (
          <Radios {...common} choices={choices} defaultValue={single} />
        ) : (
          <Checkboxes {...common} hint={hint ?? t("question.selectAll")} choices={choices} defaultValues={many} />
        );
      }
      case "agreement": {
        const values = question.allowDontKnow ? [...AGREEMENT_VALUES, DONT_KNOW] : [...AGREEMENT_VALUES];
        return <Radios {...common} choices={values.map((v) => fixedChoice(v, t(`scales.agreement.${v}`)))} defaultValue={single} />;
      }
      case "yes_no_not_sure":
        return <Radios {...common} choices={YES_NO_VALUES.map((v) => fixedChoice(v, t(`scales.yesNo.${v}`)))} defaultValue={single} />;
      case "face_scale": {
        const levels: FaceLevel[] = ["veryUnhappy", "unhappy", "neutral", "happy", "veryHappy"];
        const labels = Object.fromEntries(levels.map((level) => [level, t(`scales.face.${level}`)])) as Record<FaceLevel, string>;
        return <FaceScale {...common} defaultValue={single} labels={labels} />;
      }
      case "short_text":
      case "number":
        return (
          <TextInput
            name={question.key}
            label={legend}
            hint={hint}
            error={error}
            isPageHeading={isPageHeading}
            defaultValue={single}
            {...(question.type === "number" ? { inputMode: "numeric" as const, width: "5" } : { spellCheck: true })}
          />
        );
      case "long_text":
        return (
          <Textarea
            name={question.key}
            label={legend}
            hint={hint}
            error={error}
            isPageHeading={isPageHeading}
            defaultValue={single}
            maxLength={LONG_TEXT_MAX}
            rows={easyRead ? 4 : 6}
            spellCheck
          />
        );
      case "date": {
        const [year, month, day] = (single ?? "--").split("-");
        return <DateInput {...common} defaultValue={{ day, month, year }} />;
      }
    }
  })();

  return <div className={easyRead ? "portal-easy-read" : undefined}>{field}</div>;
}

