import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { Pictogram } from "~/components/pictogram";
import { Tag } from "~/components/tag";
import { languageOf } from "~/i18n/config";
import type { ContentFormat } from "~/i18n/content";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { builderFormats, builderLanguages, englishOf, fieldId, surveyPath, textSlots, updateTexts, variantOf, type TextKind, type TextsInput } from "~/surveys/builder";
import { LockedNotice, NS, useBuilderErrors } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, readSurveyDone, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { PICTOGRAMS } from "~/surveys/pictograms";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", NS] };

function chosen(url: URL | FormData, name: "language" | "format"): string | null {
  const value = url instanceof URL ? url.searchParams.get(name) : url.get(name);
  return typeof value === "string" ? value : null;
}

function isLanguage(value: string | null): value is (typeof builderLanguages)[number] {
  return (builderLanguages as readonly (string | null)[]).includes(value);
}

function isFormat(value: string | null): value is ContentFormat {
  return (builderFormats as readonly (string | null)[]).includes(value);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, NS);
  const url = new URL(request.url);
  const language = chosen(url, "language");
  const format = chosen(url, "format");
  const ready = isLanguage(language) && isFormat(format);
  const { done, headers } = await readSurveyDone(request, context);
  const slots = ready
    ? textSlots(survey.definition, language, format).map((slot) => {
        const current = variantOf(slot.text, language, format);
        return {
          name: slot.name,
          kind: slot.kind,
          pageKey: slot.pageKey ?? null,
          questionKey: slot.questionKey ?? null,
          optionValue: slot.optionValue ?? null,
          pictogram: slot.pictogram,
          max: slot.max,
          english: englishOf(slot.text),
          current: current ? { text: current.text, pictogram: current.pictogram ?? "", reviewed: current.reviewed } : null,
        };
      })
    : [];
  return json(
    {
      pageTitle: t("texts.title"),
      survey: surveySummary(survey),
      language: ready ? language : null,
      format: ready ? format : null,
      asked: { language: language ?? "", format: format ?? "" },
      pages: survey.definition.pages.map((p, index) => ({ key: p.key, number: index + 1, title: englishOf(p.title) || p.key })),
      slots,
      done,
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const language = chosen(formData, "language");
  const format = chosen(formData, "format");
  if (!isLanguage(language) || !isFormat(format)) throw await httpError(request, 400, "bad-request");
  const values: TextsInput["values"] = {};
  for (const slot of textSlots(survey.definition, language, format)) {
    const text = formData.get(slot.name);
    if (typeof text !== "string") continue;
    const pictogram = formData.get(`${slot.name}.pictogram`);
    values[slot.name] = { text, pictogram: typeof pictogram === "string" && pictogram ? pictogram : null };
  }
  const reviewed = formData.get("machine") !== "yes";
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by: changedBy(user, context),
    action: "survey.texts-updated",
    details: { language, format, reviewed },
    edit: (d) => updateTexts(d, { language, format, values, reviewed }),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  const query = new URLSearchParams({ language, format });
  return redirectToSurvey(context, survey.id, { done: "texts", changed: result.changed, to: `${surveyPath(survey.id, "texts")}?${query}` });
}

const LONG: TextKind[] = ["purpose", "howUsed", "questionText", "hint"];

type Slot = ReturnType<typeof useLoaderData<typeof loader>>["slots"][number];

function SlotField({ slot, language, english, typed, error, pictogramError }: { slot: Slot; language: string; english: boolean; typed: Record<string, string | string[]> | undefined; error?: string; pictogramError?: string }) {
  const { t } = useTranslation(NS);
  const id = fieldId(slot.name);
  const one = (name: string, fallback: string) => {
    if (!typed) return fallback;
    const v = typed[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const label = t(`texts.fields.${slot.kind}`, { key: slot.questionKey, value: slot.optionValue, page: slot.pageKey });
  const hint = (
    <>
      {!english && slot.english ? <span lang="en-GB">{t("texts.english", { text: slot.english })}</span> : null}
      {slot.current && !slot.current.reviewed ? (
        <>
          {" "}
          <Tag colour="yellow">{t("texts.needsReview")}</Tag>
        </>
      ) : null}
    </>
  );
  const common = {
    name: slot.name,
    id,
    label,
    hint,
    error,
    defaultValue: one(slot.name, slot.current?.text ?? ""),
    lang: language,
    dir: languageOf(language).dir,
    spellCheck: true,
  };
  const chosenPictogram = one(`${slot.name}.pictogram`, slot.current?.pictogram ?? "");
  return (
    <>
      {LONG.includes(slot.kind) ? <Textarea {...common} rows={slot.kind === "purpose" || slot.kind === "howUsed" ? 4 : 2} maxLength={slot.max} /> : <TextInput {...common} autoComplete="off" />}
      {slot.pictogram ? (
        <div className="govuk-!-margin-bottom-6">
          {chosenPictogram ? <Pictogram name={chosenPictogram} size={48} /> : null}
          <Select
            name={`${slot.name}.pictogram`}
            id={`${id}-pictogram`}
            label={t("texts.pictogram", { label })}
            error={pictogramError}
            defaultValue={chosenPictogram}
            options={[{ value: "", label: t("texts.noPictogram") }, ...Object.entries(PICTOGRAMS).map(([name, words]) => ({ value: name, label: words, lang: "en-GB" }))]}
          />
        </div>
      ) : null}
    </>
  );
}

export default function SurveyTexts() {
  const { t } = useTranslation(NS);
  const { survey, language, format, asked, pages, slots, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const order = slots.flatMap((s) => [fieldId(s.name), `${fieldId(s.name)}-pictogram`]);
  const { error, items } = useBuilderErrors(actionData, ["form", ...order]);
  const typed = actionData?.values;
  const english = language === "en-GB" && format === "standard";
  const editable = survey.editable || Boolean(actionData?.lock);
  const machine = typed ? typed.machine === "yes" : slots.some((s) => s.current && !s.current.reviewed);
  const surveySlots = slots.filter((s) => !s.pageKey);
  const choice = language && format ? t("texts.choice", { language: t(`languages.${language}`), format: t(`formats.${format}`) }) : "";

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={items} />
        {done ? <NotificationBanner type={done.message === "unchanged" ? "important" : "success"} heading={t(`done.${done.message}`, { name: done.name })} /> : null}
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("texts.title")}</h1>
        <p className="govuk-body">{t("texts.intro")}</p>
        <form method="get" noValidate>
          <Radios
            name="language"
            legend={t("texts.language")}
            legendSize="s"
            inline
            defaultValue={language ?? (asked.language || "pl")}
            choices={builderLanguages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
          />
          <Radios
            name="format"
            legend={t("texts.format")}
            legendSize="s"
            inline
            defaultValue={format ?? (asked.format || "standard")}
            choices={builderFormats.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
          />
          <Button variant="secondary">{t("texts.show")}</Button>
        </form>

        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}

        {language && format && editable ? (
          <>
            <h2 className="govuk-heading-l govuk-!-margin-top-6">{choice}</h2>
            {english ? <p className="govuk-body">{t("texts.englishIntro")}</p> : <p className="govuk-body">{t("texts.otherIntro")}</p>}
            {format === "easy_read" ? <p className="govuk-body">{t("texts.easyReadIntro")}</p> : null}
            <nav aria-labelledby="texts-contents-heading" className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s" id="texts-contents-heading">
                {t("texts.contents")}
              </h2>
              <ul className="govuk-list">
                <li>
                  <a className="govuk-link" href="#texts-survey">
                    {t("texts.surveySection")}
                  </a>
                </li>
                {pages.map((p) => (
                  <li key={p.key}>
                    <a className="govuk-link" href={`#texts-page-${p.key}`}>
                      {t("texts.pageSection", { number: p.number, title: p.title })}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <Form method="post" noValidate>
              <CsrfInput />
              <input type="hidden" name="language" value={language} />
              <input type="hidden" name="format" value={format} />
              <section aria-labelledby="texts-survey">
                <h2 className="govuk-heading-m" id="texts-survey" tabIndex={-1}>
                  {t("texts.surveySection")}
                </h2>
                {surveySlots.map((slot) => (
                  <SlotField key={slot.name} slot={slot} language={language} english={english} typed={typed} error={error(fieldId(slot.name))} />
                ))}
              </section>
              {pages.map((p) => {
                const pageSlots = slots.filter((s) => s.pageKey === p.key);
                const questionKeys = [...new Set(pageSlots.map((s) => s.questionKey).filter((k): k is string => k !== null))];
                return (
                  <section key={p.key} aria-labelledby={`texts-page-${p.key}`}>
                    <h2 className="govuk-heading-m govuk-!-margin-top-6" id={`texts-page-${p.key}`} tabIndex={-1}>
                      {t("texts.pageSection", { number: p.number, title: p.title })}
                    </h2>
                    {pageSlots
                      .filter((s) => !s.questionKey)
                      .map((slot) => (
                        <SlotField key={slot.name} slot={slot} language={language} english={english} typed={typed} error={error(fieldId(slot.name))} />
                      ))}
                    {questionKeys.map((key) => (
                      <div key={key} className="govuk-!-margin-bottom-6">
                        <h3 className="govuk-heading-s">{t("texts.questionHeading", { key })}</h3>
                        {pageSlots
                          .filter((s) => s.questionKey === key)
                          .map((slot) => (
                            <SlotField
                              key={slot.name}
                              slot={slot}
                              language={language}
                              english={english}
                              typed={typed}
                              error={error(fieldId(slot.name))}
                              pictogramError={error(`${fieldId(slot.name)}-pictogram`)}
                            />
                          ))}
                      </div>
                    ))}
                  </section>
                );
              })}
              {!english ? (
                <Checkboxes
                  name="machine"
                  legend={t("texts.reviewLegend")}
                  legendSize="s"
                  small
                  defaultValues={machine ? ["yes"] : []}
                  choices={[{ value: "yes", label: t("texts.machine"), hint: t("texts.machineHint") }]}
                />
              ) : null}
              <Button>{t("texts.save", { choice })}</Button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
