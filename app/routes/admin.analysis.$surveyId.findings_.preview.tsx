import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { findingsPath, formatFromSearch } from "~/analysis/findings";
import { getDraftState } from "~/analysis/findings.server";
import { loadFindingsWave } from "~/analysis/findings-routes.server";
import { FindingsView } from "~/analysis/findings-view";
import { BackLink } from "~/components/back-link";
import { NotificationBanner } from "~/components/notification-banner";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "findings", "analysis", "surveys"] };

/**
 * The findings as families would see them if published now, in plain words or easy read
 * (`?format=easy-read`): the same component as the public page, from the current figures.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { wave } = await loadFindingsWave(request, context, params.surveyId);
  const t = await i18next.getFixedT(request, "findings");
  const state = await getDraftState(context.db, { wave });
  const format = formatFromSearch(new URL(request.url).searchParams);
  const title = (format === "easy_read" ? state.draft.titleEasyRead : state.draft.titlePlain) || wave.title;
  return json({
    pageTitle: t("builder.previewPage.title", { title }),
    surveyId: wave.id,
    findings: state.snapshot,
    format,
    problems: state.problems.length > 0,
  });
}

export default function FindingsPreview() {
  const { t } = useTranslation("findings");
  const { surveyId, findings, format, problems } = useLoaderData<typeof loader>();
  const base = findingsPath(surveyId);
  return (
    <>
      <BackLink href={base}>{t("builder.previewPage.back")}</BackLink>
      <NotificationBanner title={t("builder.previewPage.banner")} heading={t("builder.previewPage.bannerText")}>
        {problems ? <p className="govuk-body">{t("builder.previewPage.problems")}</p> : null}
      </NotificationBanner>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <FindingsView findings={findings} format={format} publishedAt={null} otherFormatHref={`${base}/preview${format === "easy_read" ? "" : "?format=easy-read"}`} />
        </div>
      </div>
    </>
  );
}
