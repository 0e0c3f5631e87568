import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { answerAnchor, freeTextPath } from "~/analysis/free-text";
import { getFreeTextSurvey } from "~/analysis/free-text.server";
import { chooseQuote, previewQuote } from "~/analysis/quotes.server";
import { setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis-free-text"] };

/**
 * Choosing an answer as a quote for the wave's published findings (docs/decisions/030):
 * the officer reads it first as it would be published, names, emails and phone numbers
 * taken out, and is told whether anything was. `back` is the free-text page's query, so
 * both "Cancel" and "Use as a quote" return to the same answers.
 */
function backHref(surveyId: string, back: string | null | undefined, responseId?: string): string {
  // Only a query string for the free-text page itself: never anywhere else.
  const query = new URLSearchParams(typeof back === "string" ? back.replace(/^\?/, "") : "").toString();
  return `${freeTextPath(surveyId)}${query ? `?${query}` : ""}${responseId ? `#${answerAnchor(responseId)}` : ""}`;
}

function answerKey(surveyId: string, textQuestions: string[], get: (name: string) => string | null) {
  return { surveyId, responseId: get("response") ?? "", questionKey: get("question") ?? "", textQuestions };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "analysis.code");
  const language = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "analysis-free-text");
  const survey = await getFreeTextSurvey(context.db, { id: params.surveyId, language });
  if (!survey) throw await httpError(request, 404, "not-found");
  const search = new URL(request.url).searchParams;
  const key = answerKey(survey.id, survey.questions.map((q) => q.key), (name) => search.get(name));
  const preview = await previewQuote(context.db, key);
  if (!preview) throw await httpError(request, 404, "not-found");
  return json({
    pageTitle: t("quote.title"),
    survey: { id: survey.id, title: survey.title },
    question: survey.questions.find((q) => q.key === key.questionKey)!.label,
    responseId: key.responseId,
    questionKey: key.questionKey,
    back: search.get("back") ?? "",
    backHref: backHref(survey.id, search.get("back"), key.responseId),
    preview,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.code");
  const form = await readForm(request, context);
  const survey = await getFreeTextSurvey(context.db, { id: params.surveyId });
  if (!survey) throw await httpError(request, 404, "not-found");
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  const key = answerKey(survey.id, survey.questions.map((q) => q.key), get);
  const result = await chooseQuote(context.db, { ...key, by: { userId: user.id, requestId: context.requestId }, now: context.now() });
  if (!result.ok) throw await httpError(request, 404, "not-found");
  const flash = await setFlash(context, { freeTextDone: JSON.stringify({ kind: result.changed ? "quoteChosen" : "quoteAlready" }) });
  return redirect(backHref(survey.id, get("back"), key.responseId), { headers: { "Set-Cookie": flash } });
}

export default function ChooseQuote() {
  const { t } = useTranslation("analysis-free-text");
  const { survey, question, responseId, questionKey, back, backHref, preview } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={backHref}>{t("quote.back")}</BackLink>
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("quote.title")}</h1>
        <p className="govuk-body">{t("quote.question", { question })}</p>
        <p className="govuk-body">{t("quote.intro")}</p>
        <blockquote className="govuk-inset-text" lang={preview.language} dir="auto">
          <p className="govuk-body govuk-!-margin-0">{preview.text}</p>
        </blockquote>
        <p className="govuk-body">
          <strong>{preview.removed > 0 ? t("quote.removed", { count: preview.removed }) : t("quote.nothingRemoved")}</strong>
        </p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("quote.warningHidden")} </span>
            {t("quote.warning")}
          </strong>
        </div>
        {preview.chosen ? (
          <p className="govuk-body">{t("quote.already")}</p>
        ) : (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="response" value={responseId} />
            <input type="hidden" name="question" value={questionKey} />
            <input type="hidden" name="back" value={back} />
            <div className="govuk-button-group">
              <Button>{t("quote.confirm")}</Button>
              <a className="govuk-link" href={backHref}>
                {t("quote.cancel")}
              </a>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
