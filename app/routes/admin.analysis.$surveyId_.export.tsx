import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { analysisPath, isRawFile, parseReason, REASON_MAX } from "~/analysis/export";
import { grantDownload, requireExportSurvey } from "~/analysis/export-routes.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis-export"] };

/**
 * What can be downloaded from a survey wave, and by whom (issue 7, point 5;
 * docs/decisions/031-analysis-exports.md). Everyone who reads results gets the codebook
 * and a pointer to the suppressed summary tables; administrators also get the responses,
 * one row per response, after saying why. "$surveyId_" keeps this page out of any layout
 * the results page at /admin/analysis/:surveyId may become.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "analysis.read");
  const survey = await requireExportSurvey(request, context, params.surveyId);
  const t = await i18next.getFixedT(request, "analysis-export");
  return json({
    pageTitle: t("title"),
    survey: { id: survey.id, title: survey.title, state: survey.state, submitted: survey.submitted, threshold: survey.threshold },
    mayExportRaw: can(user.role, "analysis.export.raw"),
  });
}

/**
 * A raw download asked for: the reason is checked here (the page again, 400, with what was
 * typed), then the file's own address is given a two-minute grant and the browser sent to it.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.read");
  if (!can(user.role, "analysis.export.raw")) {
    context.logger.warn({ userId: user.id, permission: "analysis.export.raw" }, "forbidden");
    throw await httpError(request, 403, "forbidden");
  }
  const form = await readForm(request, context);
  const survey = await requireExportSurvey(request, context, params.surveyId);
  const file = form.get("file");
  if (!isRawFile(file)) throw await httpError(request, 400, "bad-request");
  // The page explains why there is nothing to download; only a hand-made request gets here.
  if (survey.state !== "ready") return redirect(analysisPath(survey.id, "export"));
  const typed = String(form.get("reason") ?? "");
  const parsed = parseReason(typed);
  if (!parsed.ok) return formErrors(context, { reason: parsed.error }, { reason: typed });
  const grant = await grantDownload(context, { userId: user.id, surveyId: survey.id, file, reason: parsed.reason }, context.now());
  return redirect(analysisPath(survey.id, file), { headers: { "Set-Cookie": grant } });
}

type ActionData = { errors?: Record<string, string>; values?: Record<string, string | string[]> };

function RawDownloads({ surveyId, count, message, typed }: { surveyId: string; count: number; message?: string; typed: string }) {
  const { t } = useTranslation("analysis-export");
  return (
    <>
      <p className="govuk-body">{t("raw.body", { count })}</p>
      <p className="govuk-body">{t("raw.who")}</p>
      <p className="govuk-body">{t("raw.recorded")}</p>
      {/* A document post: the answer is a file to save, or this page again with the error. */}
      <Form method="post" action={analysisPath(surveyId, "export")} reloadDocument noValidate>
        <CsrfInput />
        <Textarea
          name="reason"
          label={t("raw.reasonLabel")}
          hint={t("raw.reasonHint")}
          error={message}
          defaultValue={typed}
          maxLength={REASON_MAX}
          rows={3}
        />
        <div className="govuk-button-group">
          <Button name="file" value="responses.csv">
            {t("raw.downloadCsv")}
          </Button>
          <Button name="file" value="responses.xlsx" variant="secondary">
            {t("raw.downloadXlsx")}
          </Button>
        </div>
      </Form>
    </>
  );
}

export default function SurveyExport() {
  const { t } = useTranslation("analysis-export");
  const { survey, mayExportRaw } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const error = actionData?.errors?.reason;
  const typed = actionData?.values?.reason;
  const message = error ? t(`errors.${error}`, { max: REASON_MAX }) : undefined;
  const results = analysisPath(survey.id);
  return (
    <>
      <Breadcrumbs
        items={[{ text: t("staffArea"), href: "/admin" }, { text: t("results"), href: results }, { text: t("title") }]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={message ? [{ href: "reason", text: message }] : []} />
          <span className="govuk-caption-l">{survey.title}</span>
          <h1 className="govuk-heading-l">{t("title")}</h1>
          <p className="govuk-body">{t("intro")}</p>

          <h2 className="govuk-heading-m">{t("summary.heading")}</h2>
          <p className="govuk-body">{t("summary.body", { threshold: survey.threshold, max: survey.threshold - 1 })}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={results}>
              {t("summary.link")}
            </a>
          </p>

          <h2 className="govuk-heading-m">{t("codebook.heading")}</h2>
          <p className="govuk-body">{t("codebook.body")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href={analysisPath(survey.id, "codebook.csv")}>
              {t("codebook.link")}
            </a>
          </p>

          <h2 className="govuk-heading-m">{t("raw.heading")}</h2>
          {survey.state === "none" ? (
            <p className="govuk-body">{t("raw.none")}</p>
          ) : survey.state === "too-few" ? (
            <div className="govuk-inset-text">{t("raw.tooFew", { threshold: survey.threshold })}</div>
          ) : mayExportRaw ? (
            <RawDownloads surveyId={survey.id} count={survey.submitted ?? 0} message={message} typed={typeof typed === "string" ? typed : ""} />
          ) : (
            <div className="govuk-inset-text">
              <p className="govuk-body">{t("raw.who")}</p>
              <p className="govuk-body">{t("raw.notAllowed")}</p>
              <a className="govuk-link" href={results}>
                {t("summary.link")}
              </a>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
