import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { FEEDBACK_PATH, readReference } from "~/feedback/general";
import { lookUpProgress } from "~/feedback/general.server";
import { LookUpReference, ProgressSummary, ResponseToFamily } from "~/feedback/progress";
import { getApprovedResponse } from "~/feedback/response.server";
import i18next from "~/i18n/i18next.server";

/** Where a family's feedback is, by its reference: no personal data, nothing they wrote. */
export const handle = { i18n: ["common", "feedback"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "feedback");
  const reference = readReference(params.reference ?? "");
  const notFound = () => json({ pageTitle: t("progress.notFoundTitle"), progress: null, retryAt: null }, { status: 404 });
  if (!reference) return notFound();
  const result = await lookUpProgress(context.db, { reference, clientIp: context.clientIp, now: context.now() });
  if (!result.ok)
    return json({ pageTitle: t("progress.tooManyTitle"), progress: null, retryAt: result.retryAt.toISOString() }, { status: 429 });
  if (!result.progress) return notFound();
  const response = (await getApprovedResponse(context.db, reference)) ?? null;
  return json(
    { pageTitle: t("progress.title", { reference }), progress: result.progress, response, retryAt: null },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function FeedbackProgress() {
  const { t, i18n } = useTranslation("feedback");
  const data = useLoaderData<typeof loader>();
  const { progress, retryAt } = data;
  if (!progress) {
    const time = retryAt
      ? new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" }).format(new Date(retryAt))
      : "";
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t(retryAt ? "progress.tooManyTitle" : "progress.notFoundTitle")}</h1>
          <p className="govuk-body">{retryAt ? t("progress.tooMany", { time }) : t("progress.notFound")}</p>
          <LookUpReference />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={FEEDBACK_PATH}>{t("progress.back")}</BackLink>
        <span className="govuk-caption-l">{t("progress.caption")}</span>
        <h1 className="govuk-heading-l">{progress.reference}</h1>
        <ProgressSummary progress={progress} />
        <h2 className="govuk-heading-m">{t("progress.responseHeading")}</h2>
        {"response" in data && data.response ? (
          <ResponseToFamily response={data.response} easyReadFirst={progress.format === "easy_read"} />
        ) : (
          <p className="govuk-body">{t("progress.noResponseYet")}</p>
        )}
        <p className="govuk-body govuk-hint">{t("progress.privacy")}</p>
      </div>
    </div>
  );
}
