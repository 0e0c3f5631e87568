import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import i18next from "~/i18n/i18next.server";
import { findDraft, loadJourney, startUrl } from "~/surveys/journey.server";
import { ForgetSavedAnswers } from "~/surveys/connection-guard";
import { showText } from "~/surveys/question-field";

/** The confirmation: a reference to quote, and what happens next. */
export const handle = { i18n: ["common", "surveys"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(request, context, params.slug);
  const visit = await findDraft(request, context, journey);
  if (!visit || visit.draft.status !== "submitted" || !visit.draft.reference) throw redirect(startUrl(journey.survey.slug));
  const t = await i18next.getFixedT(request, "surveys");
  return json(
    {
      pageTitle: t("done.title"),
      reference: visit.draft.reference,
      surveyTitle: showText(journey.survey.definition.title, { language: journey.language, format: visit.draft.format })!,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function SurveyDone() {
  const { t } = useTranslation("surveys");
  const { reference, surveyTitle } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ForgetSavedAnswers />
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("done.title")}</h1>
          <div className="govuk-panel__body">
            {t("done.reference")}
            <br />
            <strong>{reference}</strong>
          </div>
        </div>
        <p className="govuk-body">
          {t("done.thanks")} <span lang={surveyTitle.lang} dir={surveyTitle.dir}>{surveyTitle.text}</span>.
        </p>
        <h2 className="govuk-heading-m">{t("done.nextHeading")}</h2>
        <p className="govuk-body">{t("done.next")}</p>
        <p className="govuk-body">{t("done.quoteReference")}</p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/you-said-we-did">
              {t("done.youSaidWeDid")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/surveys">
              {t("done.otherSurveys")}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
