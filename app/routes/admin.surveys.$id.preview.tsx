import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { languages } from "~/i18n/config";
import type { ContentFormat } from "~/i18n/content";
import i18next from "~/i18n/i18next.server";
import { allTargets, englishOf, findPage, surveyPath } from "~/surveys/builder";
import { NS, useConditionWords } from "~/surveys/builder-components";
import { getBuilderReferences, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { SurveyCaption } from "~/surveys/journey-parts";
import { QuestionField, showText, type ShownText } from "~/surveys/question-field";

/**
 * A survey page as a respondent sees it, in any language (?lng=, which also
 * sets the page's language, as a respondent's choice would) and format. No
 * form: nothing can be sent or saved.
 */
export const handle = { i18n: ["common", "surveys", "easy-read", NS] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const url = new URL(request.url);
  const language = await i18next.getLocale(request);
  const format: ContentFormat = url.searchParams.get("format") === "easy_read" ? "easy_read" : "standard";
  const { definition } = survey;
  const page = findPage(definition, url.searchParams.get("page") ?? "") ?? definition.pages[0];
  const reader = { language, format };
  const t = await i18next.getFixedT(request, NS);
  const index = page ? definition.pages.indexOf(page) : -1;
  const heading = page ? (showText(page.title, reader) ?? (page.questions.length === 1 ? undefined : showText(definition.title, reader))) : undefined;
  const surveyTitle: ShownText = showText(definition.title, reader) ?? { text: englishOf(definition.title), pictogram: null };
  return json({
    pageTitle: t("preview.title", { title: surveyTitle.text }),
    survey: surveySummary(survey),
    surveyTitle,
    reader,
    page: page ? { key: page.key, number: index + 1, condition: page.condition ?? null } : null,
    pageHeading: heading ?? null,
    questions: page?.questions ?? [],
    pages: definition.pages.map((p) => p.key),
    targets: allTargets(definition),
    districts: (await getBuilderReferences(context.db)).districts,
  });
}

export default function SurveyPreview() {
  const { t } = useTranslation(NS);
  const { survey, surveyTitle, reader, page, pageHeading, questions, pages, targets, districts } = useLoaderData<typeof loader>();
  const conditionWords = useConditionWords(targets, districts);
  const href = (change: { lng?: string; format?: string; page?: string }) => {
    const query = new URLSearchParams({ lng: change.lng ?? reader.language, format: change.format ?? reader.format, ...(page || change.page ? { page: change.page ?? page!.key } : {}) });
    return `${surveyPath(survey.id, "preview")}?${query}`;
  };
  const single = questions.length === 1 && !pageHeading;
  const index = page ? page.number - 1 : -1;
  const previous = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 && index < pages.length - 1 ? pages[index + 1] : undefined;
  const pageCondition = conditionWords(page?.condition);

  return (
    <>
      <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-notification-banner" role="region" aria-labelledby="preview-banner-title">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="preview-banner-title">
                {t("preview.banner")}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{t("preview.notSaved")}</p>
              <p className="govuk-body">{t("preview.showing", { number: page?.number ?? 0, total: pages.length })}</p>
              <nav aria-label={t("preview.languageNav")}>
                <ul className="govuk-list govuk-!-margin-bottom-2">
                  {languages.map((l) => (
                    <li key={l.code} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                      {l.code === reader.language ? (
                        <strong lang={l.code} dir={l.dir} aria-current="true">
                          {l.name}
                        </strong>
                      ) : (
                        <a className="govuk-link" href={href({ lng: l.code })} lang={l.code} dir={l.dir} hrefLang={l.code}>
                          {l.name}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </nav>
              <nav aria-label={t("preview.formatNav")}>
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {(["standard", "easy_read"] as const).map((f) => (
                    <li key={f} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                      {f === reader.format ? (
                        <strong aria-current="true">{t(`formats.${f}`)}</strong>
                      ) : (
                        <a className="govuk-link" href={href({ format: f })}>
                          {t(`formats.${f}`)}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>

          {!page ? (
            <p className="govuk-body">{t("preview.noPages")}</p>
          ) : (
            <>
              {pageCondition ? <p className="govuk-inset-text">{t("preview.pageCondition", { condition: pageCondition })}</p> : null}
              <SurveyCaption title={surveyTitle.text} lang={surveyTitle.lang} dir={surveyTitle.dir} />
              {!single && pageHeading ? (
                <h1 className="govuk-heading-l" lang={pageHeading.lang} dir={pageHeading.dir}>
                  {pageHeading.text}
                </h1>
              ) : null}
              {!single && !pageHeading ? <h1 className="govuk-heading-l">{t("preview.pageHeading", { number: page.number })}</h1> : null}
              {questions.map((question) => {
                const condition = conditionWords(question.condition);
                return (
                  <div key={question.key}>
                    {condition ? <p className="govuk-body-s govuk-!-margin-bottom-2">{t("preview.questionCondition", { condition })}</p> : null}
                    <QuestionField question={question} reader={reader} districts={districts} isPageHeading={single} />
                  </div>
                );
              })}
              <nav className="govuk-pagination govuk-pagination--block" aria-label={t("preview.pagesNav")}>
                {previous ? (
                  <div className="govuk-pagination__prev">
                    <a className="govuk-link govuk-pagination__link" href={href({ page: previous })} rel="prev">
                      <span className="govuk-pagination__link-title">{t("preview.previous")}</span>
                      <span className="govuk-visually-hidden">:</span>
                      <span className="govuk-pagination__link-label">{t("preview.pageNumber", { number: index })}</span>
                    </a>
                  </div>
                ) : null}
                {next ? (
                  <div className="govuk-pagination__next">
                    <a className="govuk-link govuk-pagination__link" href={href({ page: next })} rel="next">
                      <span className="govuk-pagination__link-title">{t("preview.next")}</span>
                      <span className="govuk-visually-hidden">:</span>
                      <span className="govuk-pagination__link-label">{t("preview.pageNumber", { number: index + 2 })}</span>
                    </a>
                  </div>
                ) : null}
              </nav>
            </>
          )}
          <p className="govuk-body">
            <a className="govuk-link" href={surveyPath(survey.id)}>
              {t("preview.backToBuilder")}
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
