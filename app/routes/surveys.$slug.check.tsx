import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { firstMissing, visiblePages } from "~/surveys/answers";
import { checkRows } from "~/surveys/check-answers";
import { districtChoices, loadJourney, rememberDraft, requireDraft } from "~/surveys/journey.server";
import { pageUrl, startUrl } from "~/surveys/urls";
import { Instant, SurveyCaption } from "~/surveys/journey-parts";
import { showText } from "~/surveys/question-field";
import { answerContext, submitResponse } from "~/surveys/responses.server";

/** Check your answers, change any of them, then send: once, however many times the button is pressed. */
export const handle = { i18n: ["common", "surveys"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  // Closed since the last page: the answers are shown with the explanation, and cannot be sent.
  if (journey.state === "scheduled" || journey.state === "draft") throw redirect(startUrl(journey.survey.slug));
  const draft = await requireDraft(request, context, journey);
  const reader = { language: journey.language, format: draft.format };
  const t = await i18next.getFixedT(request, "surveys");
  const districts = await districtChoices(context.db);
  const missing = firstMissing(draft.definition, draft.answers, await answerContext(context.db));
  const pages = visiblePages(draft.definition, draft.answers);
  return json(
    {
      pageTitle: t("check.title"),
      slug: journey.survey.slug,
      surveyTitle: showText(draft.definition.title, reader)!,
      rows: checkRows(draft.definition, draft.answers, reader, (k) => t(k), districts, journey.language).map((row) => ({
        key: row.question.key,
        pageKey: row.pageKey,
        required: row.question.required,
        questionText: row.questionText,
        answer: row.answer,
      })),
      missing: missing ? { pageKey: missing.page.key, questionKey: missing.question.key } : null,
      backHref: pages.length ? pageUrl(journey.survey.slug, pages[pages.length - 1]!.key) : startUrl(journey.survey.slug),
      closesAt: journey.survey.closesAt!.toISOString(),
      closed: journey.state !== "open",
    },
    { headers: { "Set-Cookie": await rememberDraft(request, context, journey.survey.id, draft.id, journey.now), "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  await readForm(request, context);
  // A resent form after success finds the draft submitted and goes to the same confirmation.
  const draft = await requireDraft(request, context, journey, { allowPaused: true });
  const result = await submitResponse(context.db, { survey: journey.survey, responseId: draft.id, context: await answerContext(context.db), now: journey.now });
  if (result.ok) return redirect(`/surveys/${journey.survey.slug}/done`);
  if (result.reason === "not-open") {
    context.logger.info({ state: result.state }, "survey submission refused: not open");
    return json({ refused: result.state === "scheduled" ? "notOpen" : "closed" }, { status: 409 });
  }
  if (result.reason === "incomplete") return json({ refused: "incomplete" }, { status: 400 });
  return redirect(startUrl(journey.survey.slug));
}

export default function CheckAnswers() {
  const { t } = useTranslation("surveys");
  const data = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const refused = sent?.refused;
  return (
    <>
      <BackLink href={data.backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {refused === "closed" || refused === "notOpen" || data.closed ? (
            <div className="govuk-error-summary" role="alert" tabIndex={-1}>
              <h2 className="govuk-error-summary__title">{t("refused.closedTitle")}</h2>
              <div className="govuk-error-summary__body">
                <p className="govuk-body">
                  {t("refused.closedAt")} <Instant value={data.closesAt} />. {t("refused.closedKept")}
                </p>
              </div>
            </div>
          ) : null}
          {refused === "incomplete" || (data.missing && refused) ? (
            <div className="govuk-error-summary" role="alert" tabIndex={-1}>
              <h2 className="govuk-error-summary__title">{t("check.incompleteTitle")}</h2>
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {data.missing ? (
                    <li>
                      <a href={pageUrl(data.slug, data.missing.pageKey, true)}>{t("check.incompleteLink")}</a>
                    </li>
                  ) : null}
                </ul>
              </div>
            </div>
          ) : null}
          <SurveyCaption title={data.surveyTitle.text} lang={data.surveyTitle.lang} dir={data.surveyTitle.dir} />
          <h1 className="govuk-heading-l">{t("check.title")}</h1>
          <SummaryList
            rows={data.rows.map((row) => ({
              key: (
                <span lang={row.questionText.lang} dir={row.questionText.dir}>
                  {row.questionText.text}
                </span>
              ),
              value: row.answer.length ? (
                row.answer.length === 1 ? (
                  <span lang={row.answer[0]!.lang} dir={row.answer[0]!.dir} className="portal-preserve-lines">
                    {row.answer[0]!.text}
                  </span>
                ) : (
                  <ul className="govuk-list">
                    {row.answer.map((a) => (
                      <li key={a.text} lang={a.lang} dir={a.dir}>
                        {a.text}
                      </li>
                    ))}
                  </ul>
                )
              ) : row.required ? (
                <strong className="portal-text-error">{t("check.needsAnswer")}</strong>
              ) : (
                <span className="govuk-hint govuk-!-margin-bottom-0">{t("check.notAnswered")}</span>
              ),
              actions: [{ href: `${pageUrl(data.slug, row.pageKey, true)}#${row.key}`, visuallyHiddenText: row.questionText.text }],
            }))}
          />
          {data.closed ? null : (
            <>
              <h2 className="govuk-heading-m">{t("check.sendHeading")}</h2>
              <p className="govuk-body">{t("check.sendText")}</p>
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="submit" />
                <Button data-prevent-double-click="true">{t("check.send")}</Button>
              </Form>
            </>
          )}
        </div>
      </div>
    </>
  );
}
