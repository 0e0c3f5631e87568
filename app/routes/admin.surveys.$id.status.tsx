import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { archiveConflict, surveyPath } from "~/surveys/lifecycle";
import { errorItems, StateTag, SurveyPagesNav } from "~/surveys/lifecycle-components";
import { answerRefusal, byFor, readSurveyDone, redirectDone, requireSurvey } from "~/surveys/lifecycle-routes.server";
import { archiveSurvey, unarchiveSurvey } from "~/surveys/lifecycle.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "survey-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, "survey-admin");
  const { done, headers } = await readSurveyDone(request, context, ["archived", "unarchived"]);
  return json(
    {
      pageTitle: t("status.title", { title: survey.title }),
      survey: { id: survey.id, title: survey.title, state: survey.state, submitted: survey.responses.submitted, started: survey.responses.started },
      canArchive: archiveConflict(survey.state) === undefined,
      done,
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  if (intent !== "archive" && intent !== "unarchive") throw await httpError(request, 400, "bad-request");
  const input = { id: params.id, by: byFor(user, context), now: context.now() };
  const result = intent === "archive" ? await archiveSurvey(context.db, input) : await unarchiveSurvey(context.db, input);
  if (!result.ok) return answerRefusal(request, context, result);
  return redirectDone(context, surveyPath(params.id!, "status"), intent === "archive" ? "archived" : "unarchived");
}

export default function SurveyStatus() {
  const { t } = useTranslation("survey-admin");
  const { survey, canArchive, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ["form"], t, { form: "current-state" })} />
        {done ? <NotificationBanner type="success" heading={t(`done.${done}`)} /> : null}
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("status.heading")}</h1>
        <h2 className="govuk-heading-m" id="current-state" tabIndex={-1}>
          {t("status.now")}
        </h2>
        <SummaryList
          rows={[
            { key: t("status.state"), value: <StateTag state={survey.state} /> },
            { key: t("status.submitted"), value: String(survey.submitted) },
            { key: t("status.started"), value: String(survey.started) },
          ]}
        />
        <p className="govuk-body">{t(`status.meaning.${survey.state}`)}</p>
        <h2 className="govuk-heading-m">{survey.state === "archived" ? t("status.unarchiveHeading") : t("status.archiveHeading")}</h2>
        {survey.state === "archived" ? (
          <>
            <p className="govuk-body">{t("status.unarchiveText")}</p>
            <Form method="post" noValidate>
              <CsrfInput />
              <Button name="intent" value="unarchive" variant="secondary">
                {t("status.unarchive")}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <p className="govuk-body">{t("status.archiveText")}</p>
            {canArchive ? (
              <Form method="post" noValidate>
                <CsrfInput />
                <Button name="intent" value="archive" variant="secondary">
                  {t("status.archive")}
                </Button>
              </Form>
            ) : (
              <p className="govuk-body">{t(`status.cannotArchive.${survey.state}`)}</p>
            )}
          </>
        )}
      </div>
      <div className="govuk-grid-column-one-third">
        <SurveyPagesNav id={survey.id} current="status" />
      </div>
    </div>
  );
}
