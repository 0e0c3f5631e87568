import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChartFigure } from "~/analysis/chart-figure";
import { compareQuestion, comparableQuestion } from "~/analysis/compare.server";
import { AnalysisFilterForm, useFilterErrorItems } from "~/analysis/filter-form";
import { barsOf, countWithShare, useFewer, useLabel } from "~/analysis/results-components";
import { ANALYSIS_PATH, wavePath } from "~/analysis/paths";
import { readAnalysisRequest } from "~/analysis/routes.server";
import { cellText } from "~/analysis/suppression";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis", "surveys", "survey-admin"] };

/** The most waves drawn in one chart: more shades than this cannot be told apart. The table has them all. */
const CHART_WAVES = 4;

/** One question year on year and across audiences (issue 7, point 2), through the same filters. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const read = await readAnalysisRequest(request, context, params.surveyId);
  const question = comparableQuestion(read.wave, params.key);
  if (!question) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "analysis");
  const common = await i18next.getFixedT(request, "common");
  const wave = { id: read.wave.id, title: read.wave.title };
  const title = t("compare.title", { title: read.wave.title });
  if (!read.ok) {
    return json({ pageTitle: `${common("errorPrefix")} ${title}`, wave, key: question.key, ok: false as const, typed: read.typed, errors: read.errors, choices: read.choices, comparison: null }, { status: 400 });
  }
  const comparison = await compareQuestion(context.db, { wave: read.wave, question, filter: read.filter, choices: read.choices, language: read.language, now: context.now() });
  return json({ pageTitle: title, wave, key: question.key, ok: true as const, typed: read.typed, errors: {}, choices: read.choices, comparison });
}

export default function CompareQuestion() {
  const { t } = useTranslation("analysis");
  const survey = useTranslation("survey-admin").t;
  const label = useLabel();
  const { wave, key, typed, errors, choices, comparison } = useLoaderData<typeof loader>();
  const fewer = useFewer(comparison?.threshold ?? 5);
  const errorItems = useFilterErrorItems(errors);
  const shown = comparison?.waves.filter((w) => w.distribution) ?? [];
  const charted = shown.slice(-CHART_WAVES);
  const waveName = (w: { audience: string; wave: string }) => t("compare.waveName", { audience: survey(`audiences.${w.audience}`), wave: w.wave });
  const rows = shown[0]?.distribution?.rows ?? [];
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t("staffArea"), href: "/admin" },
          { text: t("index.title"), href: ANALYSIS_PATH },
          { text: wave.title, href: wavePath(wave.id) },
          { text: t("compare.crumb") },
        ]}
      />
      <ErrorSummary errors={errorItems} />
      {comparison ? <span className="govuk-caption-l">{t("compare.caption")}</span> : null}
      <h1 className="govuk-heading-xl">{comparison ? label(comparison.question.text) : t("compare.crumb")}</h1>
      <p className="govuk-body">{t("compare.intro")}</p>
      <AnalysisFilterForm action={wavePath(wave.id, `questions/${key}`)} choices={choices} typed={typed} errors={errors} open={Object.keys(errors).length > 0} />
      {comparison ? (
        <>
          <div className="govuk-inset-text">{t("results.suppression", { threshold: comparison.threshold, max: comparison.threshold - 1 })}</div>
          {charted.length ? (
            <ChartFigure
              id="compare-chart"
              title={label(comparison.question.text)}
              summary={t("compare.chartSummary", {
                waves: charted.map(waveName).join(", "),
              })}
              legend={charted.map(waveName)}
              bars={rows.flatMap((row, r) =>
                row.kind === "option"
                  ? charted.map((w, s) => ({ ...barsOf({ rows: [w.distribution!.rows[r]!], total: w.distribution!.total }, label, fewer, s)[0]!, label: label(row.label) }))
                  : [],
              )}
            />
          ) : null}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
          <div className="app-results-scroll" role="region" aria-label={t("compare.tableCaption")} tabIndex={0}>
            <Table
              caption={t("compare.tableCaption")}
              captionSize="m"
              firstCellIsHeader
              columns={[{ header: t("results.answer") }, ...comparison.waves.map((w) => ({ header: waveName(w), numeric: true }))]}
              rows={[
                ...rows.map((row, r) => [
                  label(row.label),
                  ...comparison.waves.map((w) => (w.distribution ? countWithShare(w.distribution.rows[r]!.cell, fewer) : t("compare.notShown"))),
                ]),
                [<strong key="t">{t("results.total")}</strong>, ...comparison.waves.map((w) => cellText(w.matched, fewer))],
              ]}
            />
          </div>
          {comparison.waves.some((w) => w.withheld) ? <p className="govuk-body">{t("compare.withheld", { threshold: comparison.threshold })}</p> : null}
          <ul className="govuk-list">
            {comparison.waves.map((w) => (
              <li key={w.id}>
                <a className="govuk-link" href={wavePath(w.id)}>
                  {t("compare.openWave", { name: waveName(w), title: w.title })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
