import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { SummaryList } from "~/components/summary-list";
import { EntryList } from "~/feedback/entry-list";
import { Table } from "~/components/table";
import { feedbackTypes } from "~/feedback/model";
import { youSaidThemes } from "~/feedback/schemas";
import type { ShownCount } from "~/feedback/you-said-we-did";
import { getAnnualReport } from "~/feedback/you-said-we-did.server";
import i18next from "~/i18n/i18next.server";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

/**
 * The yearly "You said, we did" report (reg. 56): the period, how comments were
 * sought, counts by type (small numbers hidden) and by theme, every published
 * response with its action, and when it was published. Made to be printed.
 */
export const handle = { i18n: ["common", "you-said-we-did", ...pageFeedbackNamespaces] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const year = /^\d{4}$/.test(params.year ?? "") ? Number(params.year) : undefined;
  const report = year === undefined ? undefined : await getAnnualReport(context.db, { year });
  if (!report) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "you-said-we-did");
  return json({ pageTitle: t("report.title", { year: report.year }), report });
}

/** Printing needs JavaScript; without it the browser's own Print does the same, so the button is only shown once it works. */
function PrintButton() {
  const { t } = useTranslation("you-said-we-did");
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary app-no-print" data-module="govuk-button" onClick={() => window.print()}>
      {t("report.print")}
    </button>
  );
}

export default function AnnualReport() {
  const { t, i18n } = useTranslation("you-said-we-did");
  const { report } = useLoaderData<typeof loader>();
  const { year } = report;
  const how = t("report.how", { returnObjects: true }) as string[];
  const shown = (count: ShownCount) => (count.kind === "count" ? count.value.toLocaleString(i18n.language) : t("report.fewer", { threshold: count.threshold }));
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <>
      <div className="app-no-print">
        <Breadcrumbs items={[{ text: t("public.title"), href: "/you-said-we-did" }, { text: t("public.reportLink", { year }) }]} />
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("report.title", { year })}</h1>
          <SummaryList
            rows={[
              {
                key: t("report.period"),
                value: t("report.periodValue", { from: date(`${year}-01-01T12:00:00Z`), to: date(`${year}-12-31T12:00:00Z`) }),
              },
              { key: t("report.published"), value: <time dateTime={new Date(report.firstPublishedAt).toISOString()}>{date(report.firstPublishedAt)}</time> },
              ...(date(report.lastPublishedAt) !== date(report.firstPublishedAt)
                ? [{ key: t("report.updated"), value: <time dateTime={new Date(report.lastPublishedAt).toISOString()}>{date(report.lastPublishedAt)}</time> }]
                : []),
            ]}
          />
          <PrintButton />

          <h2 className="govuk-heading-m">{t("report.howHeading")}</h2>
          {how.map((p) => (
            <p className="govuk-body" key={p}>
              {p}
            </p>
          ))}

          <h2 className="govuk-heading-m">{t("report.numbersHeading")}</h2>
          <p className="govuk-body">{t("report.numbersIntro", { year })}</p>
          <Table
            caption={t("report.numbersCaption", { year })}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("report.type") }, { header: t("report.count"), numeric: true }]}
            rowKeys={[...feedbackTypes]}
            rows={feedbackTypes.map((type) => [t(`report.feedbackTypes.${type}`), shown(report.feedbackCounts[type])])}
          />

          <h2 className="govuk-heading-m">{t("report.themesHeading")}</h2>
          <Table
            caption={t("report.themesCaption", { year })}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("report.theme") }, { header: t("report.responses"), numeric: true }]}
            rowKeys={[...youSaidThemes]}
            rows={youSaidThemes.map((theme) => [t(`themes.${theme}`), report.themeCounts[theme]])}
          />

          <h2 className="govuk-heading-l govuk-!-margin-top-8">{t("report.responsesHeading")}</h2>
          {youSaidThemes.map((theme) => {
            const entries = report.entries.filter((e) => e.theme === theme);
            if (entries.length === 0) return null;
            return (
              <section key={theme} aria-labelledby={`theme-${theme}`}>
                <h3 className="govuk-heading-m" id={`theme-${theme}`}>
                  {t(`themes.${theme}`)}
                </h3>
                <EntryList entries={entries} />
              </section>
            );
          })}
          <PageFeedback />
        </div>
      </div>
    </>
  );
}
