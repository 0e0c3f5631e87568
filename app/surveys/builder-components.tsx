/**
 * What the survey builder's pages share: messages for the error summary,
 * the notice for a version that cannot change, the question's fields, the
 * "show this only if" boxes, and answers and conditions in words.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorMessage } from "~/components/forms/field";
import type { ErrorItem } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import type { FormValues } from "~/utils/form-data";
import { conditionBoxValue, LIMITS, surveyPath, type ConditionTarget, type ErrorParams } from "./builder";
import type { BuilderActionData, BuilderReferences, LockReason } from "./builder.server";
import { aboutYouKinds, FACE_VALUES, questionTypes, type AboutYouKind, type Condition, type QuestionType } from "./definition";

export const NS = "survey-builder";

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * Messages for a page's fields, and the error summary's entries in the order
 * the fields come on the page. `hrefs` sends a message to another element
 * (a group's first box, the locked notice).
 */
export function useBuilderErrors(data: Partial<BuilderActionData> | undefined, order: readonly string[], hrefs: Record<string, string> = {}) {
  const { t } = useTranslation(NS);
  const errors = data?.errors ?? {};
  const params: ErrorParams = data?.params ?? {};
  const message = (field: string) => (errors[field] ? t(errors[field]!, params[field] ?? {}) : undefined);
  const fields = [...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))];
  const items: ErrorItem[] = fields.map((field) => ({ href: hrefs[field] ?? (field === "form" ? (data?.lock ? "locked" : "main-content") : field), text: message(field)! }));
  return { error: message, items, has: (field: string) => Boolean(errors[field]) };
}

/** What the form shows in a field: what was typed after an error, else the current value. */
export function valueOf(values: FormValues | undefined, fallback: Record<string, string>, field: string): string {
  return values ? one(values[field]) : (fallback[field] ?? "");
}

/**
 * Why this version cannot be changed, and what to do: make a new version
 * (when the survey is not open), or wait, or schedule it again.
 */
export function LockedNotice({ surveyId, lock, canMakeNewVersion, versionNumber }: { surveyId: string; lock: LockReason; canMakeNewVersion: boolean; versionNumber?: number }) {
  const { t } = useTranslation(NS);
  return (
    <div className="govuk-inset-text" id="locked" tabIndex={-1}>
      <h2 className="govuk-heading-m">{t("locked.heading", { number: versionNumber ?? "" })}</h2>
      <p className="govuk-body">{t(`locked.${lock}`)}</p>
      {canMakeNewVersion ? (
        <Form method="post" action={surveyPath(surveyId)}>
          <CsrfInput />
          <p className="govuk-body">{t("locked.newVersionExplain")}</p>
          <Button name="intent" value="new-version" className="govuk-!-margin-bottom-0">
            {t("locked.makeNewVersion")}
          </Button>
        </Form>
      ) : (
        <p className="govuk-body">
          <a className="govuk-link" href={surveyPath(surveyId)}>
            {t("locked.backToOverview")}
          </a>
        </p>
      )}
    </div>
  );
}

/** Words for a fixed answer ("Strongly agree", "5 to 10"), a district's name, or a builder-made option's English label. */
export function useAnswerWords(districts: readonly { slug: string; name: string }[] = []) {
  const { t } = useTranslation(NS);
  return (target: Pick<ConditionTarget, "type" | "about">, value: string, label?: string | null): string => {
    if (label) return label;
    if (target.about === "district") return districts.find((d) => d.slug === value)?.name ?? value;
    const list = target.about ?? target.type;
    if (list === "face_scale" && (FACE_VALUES as readonly string[]).includes(value)) return t(`values.face_scale.${value}`);
    return t(`values.${list}.${value}`, { defaultValue: value });
  };
}

/** "the answer to “Does your child go to school?” is Yes or Not sure". */
export function useConditionWords(targets: readonly ConditionTarget[], districts: readonly { slug: string; name: string }[] = []) {
  const { t, i18n } = useTranslation(NS);
  const words = useAnswerWords(districts);
  return (condition: Condition | null | undefined): string | null => {
    if (!condition) return null;
    const target = targets.find((q) => q.key === condition.question);
    if (!target) return t("condition.unknown", { key: condition.question });
    const answers = condition.anyOf.map((v) => t("condition.answer", { answer: words(target, v, target.values.find((o) => o.value === v)?.label) }));
    return t("condition.words", { question: target.text, answers: new Intl.ListFormat(i18n.language, { type: "disjunction" }).format(answers) });
  };
}

/**
 * Boxes for "show this only if": the answers of each earlier question with a
 * list of answers, grouped by question. Tick the answers (of one question)
 * that should show it; tick none to show it always. Works without JavaScript.
 */
export function ConditionFields({
  targets,
  current,
  heading,
  hint,
  error,
  districts,
  checked,
}: {
  targets: readonly ConditionTarget[];
  current: Condition | null | undefined;
  heading: ReactNode;
  hint: ReactNode;
  error?: string;
  districts?: readonly { slug: string; name: string }[];
  /** The boxes ticked when the form came back with an error. */
  checked?: readonly string[];
}) {
  const { t } = useTranslation(NS);
  const words = useAnswerWords(districts);
  const isTicked = (question: string, value: string) =>
    checked ? checked.includes(conditionBoxValue(question, value)) : Boolean(current && current.question === question && current.anyOf.includes(value));
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <h2 className="govuk-heading-m" id="showIf-heading">
        {heading}
      </h2>
      <div className="govuk-hint" id="showIf-hint">
        {hint}
      </div>
      {error ? <ErrorMessage id="showIf-error">{error}</ErrorMessage> : null}
      {targets.length === 0 ? (
        <p className="govuk-body" id="showIf" tabIndex={-1}>
          {t("condition.noTargets")}
        </p>
      ) : (
        targets.map((target, index) => (
          <Checkboxes
            key={target.key}
            name="showIf"
            id={index === 0 ? "showIf" : `showIf-${target.key}`}
            legend={t("condition.answersTo", { question: target.text, key: target.key })}
            legendSize="s"
            small
            choices={target.values.map((v) => ({ value: conditionBoxValue(target.key, v.value), label: words(target, v.value, v.label) }))}
            defaultValues={target.values.filter((v) => isTicked(target.key, v.value)).map((v) => conditionBoxValue(target.key, v.value))}
          />
        ))
      )}
    </div>
  );
}

/** A page's key and title (its condition is `ConditionFields`). */
export function PageFields({ values, error }: { values: { pageKey: string; pageTitle: string }; error: (field: string) => string | undefined }) {
  const { t } = useTranslation(NS);
  return (
    <>
      <TextInput
        name="pageKey"
        label={t("page.key")}
        hint={t("page.keyHint")}
        width="20"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.pageKey}
        error={error("pageKey")}
      />
      <TextInput name="pageTitle" label={t("page.title")} hint={t("page.titleHint")} autoComplete="off" defaultValue={values.pageTitle} error={error("pageTitle")} />
    </>
  );
}

export const QUESTION_FIELD_ORDER = ["form", "page", "key", "text", "hint", "type", "options", "allowDontKnow", "required", "min", "max", "areaOfConcern", "workingGroup", "about"];

/**
 * The question's fields, as the new-question, edit-question and new-page
 * forms show them. Names are the definition's; the page is chosen with `page`
 * (leave `pages` out where the page is fixed).
 */
export function QuestionFields({
  values,
  error,
  references,
  pages,
  idPrefix = "",
}: {
  values: Record<string, string>;
  error: (field: string) => string | undefined;
  references: Pick<BuilderReferences, "areas" | "groups">;
  pages?: { key: string; title: string }[];
  idPrefix?: string;
}) {
  const { t } = useTranslation(NS);
  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <>
      {pages ? (
        <Select
          name="page"
          id={id("page")}
          label={t("question.page")}
          error={error("page")}
          defaultValue={values.page}
          options={pages.map((p, index) => ({ value: p.key, label: t("question.pageOption", { number: index + 1, title: p.title }) }))}
        />
      ) : null}
      <TextInput
        name="key"
        id={id("key")}
        label={t("question.key")}
        hint={t("question.keyHint")}
        width="20"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.key}
        error={error("key")}
      />
      <Textarea name="text" id={id("text")} label={t("question.text")} hint={t("question.textHint")} rows={2} maxLength={LIMITS.questionText} defaultValue={values.text} error={error("text")} />
      <Textarea name="hint" id={id("hint")} label={t("question.hint")} hint={t("question.hintHint")} rows={2} maxLength={LIMITS.hint} defaultValue={values.hint} error={error("hint")} />
      <Radios
        name="type"
        id={id("type")}
        legend={t("question.type")}
        legendSize="s"
        error={error("type")}
        defaultValue={values.type}
        choices={questionTypes.map((type: QuestionType) => ({ value: type, label: t(`types.${type}`), hint: t(`typeHints.${type}`) }))}
      />
      <Textarea
        name="options"
        id={id("options")}
        label={t("question.options")}
        hint={t("question.optionsHint")}
        rows={6}
        spellCheck={false}
        defaultValue={values.options}
        error={error("options")}
      />
      <Checkboxes
        name="allowDontKnow"
        id={id("allowDontKnow")}
        legend={t("question.allowDontKnowLegend")}
        legendSize="s"
        small
        error={error("allowDontKnow")}
        defaultValues={values.allowDontKnow === "yes" ? ["yes"] : []}
        choices={[{ value: "yes", label: t("question.allowDontKnow") }]}
      />
      <Radios
        name="required"
        id={id("required")}
        legend={t("question.required")}
        legendSize="s"
        inline
        error={error("required")}
        defaultValue={values.required}
        choices={[
          { value: "yes", label: t("question.requiredYes") },
          { value: "no", label: t("question.requiredNo") },
        ]}
      />
      <TextInput name="min" id={id("min")} label={t("question.min")} hint={t("question.minMaxHint")} width="5" inputMode="decimal" autoComplete="off" defaultValue={values.min} error={error("min")} />
      <TextInput name="max" id={id("max")} label={t("question.max")} hint={t("question.minMaxHint")} width="5" inputMode="decimal" autoComplete="off" defaultValue={values.max} error={error("max")} />
      <Select
        name="areaOfConcern"
        id={id("areaOfConcern")}
        label={t("question.areaOfConcern")}
        hint={t("question.areaOfConcernHint")}
        error={error("areaOfConcern")}
        defaultValue={values.areaOfConcern}
        options={[{ value: "", label: t("question.none") }, ...references.areas.map((a) => ({ value: String(a.number), label: `${a.number}. ${a.title}` }))]}
      />
      <Select
        name="workingGroup"
        id={id("workingGroup")}
        label={t("question.workingGroup")}
        error={error("workingGroup")}
        defaultValue={values.workingGroup}
        options={[{ value: "", label: t("question.none") }, ...references.groups.map((g) => ({ value: g.slug, label: `${g.number}. ${g.name}` }))]}
      />
      <Select
        name="about"
        id={id("about")}
        label={t("question.about")}
        hint={t("question.aboutHint")}
        error={error("about")}
        defaultValue={values.about}
        options={[{ value: "", label: t("about.none") }, ...aboutYouKinds.map((kind: AboutYouKind) => ({ value: kind, label: t(`about.${kind}`) }))]}
      />
    </>
  );
}
