import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalysisFilterForm, useFilterErrorItems } from "~/analysis/filter-form";
import { filterDimensions, filterToSearch, isUnfiltered } from "~/analysis/filters";
import { can } from "~/auth/roles";
import { getResponseRates } from "~/analysis/denominators.server";
import { getWaveResults } from "~/analysis/results.server";
import { DimensionTableView, QuestionResultView, useFewer, useLabel } from "~/analysis/results-components";
import { ResponseRatesView } from "~/analysis/response-rates";
import { ANALYSIS_PATH, wavePath } from "~/analysis/paths";
import { readAnalysisRequest } from "~/analysis/routes.server";
import { cellText } from "~/analysis/suppression";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Details } from "~/components/details";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Select } from "~/components/forms/select";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "analysis", "surveys", "survey-admin"] };

/**
 * A wave's results (issue 7, points 1–3; docs/decisions/029-survey-analysis.md): a GET
 * form of filters and a breakdown, so every view has an address and works without
 * JavaScript; charts drawn on the server with a table beside each.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const read = await readAnalysisRequest(request, context, params.surveyId);
  const t = await i18next.getFixedT(request, "analysis");
  const common = await i18next.getFixedT(request, "common");
  const wave = { id: read.wave.id, title: read.wave.title, audience: read.wave.audience, wave: read.wave.wave, state: read.wave.state };
  const canPublish = can(read.user.role, "analysis.publish");
  if (!read.ok) {
    return json(
      { pageTitle: `${common("errorPrefix")} ${t("results.title", { title: wave.title })}`, wave, ok: false as const, typed: read.typed, errors: read.errors, by: read.by, choices: read.choices, results: null, rates: null, search: "", filterSearch: "", canPublish },
      { status: 400 },
    );
  }
  const [results, rates] = await Promise.all([
    getWaveResults(context.db, { wave: read.wave, filter: read.filter, choices: read.choices, by: read.by, language: read.language }),
    getResponseRates(context.db, { wave: read.wave }),
  ]);
  return json({
    pageTitle: t("results.title", { title: wave.title }),
    wave,
    ok: true as const,
    typed: read.typed,
    errors: {},
    by: read.by ?? "",
    choices: read.choices,
    results,
    rates,
    filtered: !isUnfiltered(read.filter),
    search: read.search,
    filterSearch: filterToSearch(read.filter).toString(),
    canPublish,
  });
}

export default function WaveResultsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("analysis");
  const survey = useTranslation("survey-admin").t;
  const label = useLabel();
  const { wave, results, typed, choices, by, search, filterSearch } = data;
  const fewer = useFewer(results?.threshold ?? 5);
  const errorItems = useFilterErrorItems(data.errors);
  const byError = "by" in data.errors && data.errors.by ? t(data.errors.by.key, { value: data.errors.by.value ?? "" }) : undefined;
  if (byError) errorItems.push({ href: "by", text: byError });
  const base = wavePath(wave.id);
  const query = search ? `?${search}` : "";
  // The free-text page and the exports take the filters but not the breakdown.
  const filterQuery = filterSearch ? `?${filterSearch}` : "";
  const open = !data.ok || ("filtered" in data && data.filtered);
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("index.title"), href: ANALYSIS_PATH }, { text: wave.title }]} />
      <ErrorSummary errors={errorItems} />
      <span className="govuk-caption-l">{t("results.caption", { audience: survey(`audiences.${wave.audience}`), wave: wave.wave })}</span>
      <h1 className="govuk-heading-xl">{t("results.heading", { title: wave.title })}</h1>

      <ul className="govuk-list app-results-actions">
        <li>
          <a className="govuk-link" href={`${base}/free-text${filterQuery}`}>
            {t("results.links.freeText")}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/summary.csv${query}`} download>
            {t("results.links.summaryCsv")}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/summary.xlsx${query}`} download>
            {t("results.links.summaryXlsx")}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`${base}/export`}>
            {t("results.links.export")}
          </a>
        </li>
        {data.canPublish ? (
          <li>
            <a className="govuk-link" href={`${base}/findings`}>
              {t("results.links.findings")}
            </a>
          </li>
        ) : null}
      </ul>

      <AnalysisFilterForm
        action={base}
        choices={choices}
        typed={typed}
        errors={data.errors}
        open={open}
        extra={
          <Select
            name="by"
            label={t("results.by")}
            hint={t("results.byHint")}
            error={byError}
            defaultValue={(filterDimensions as readonly string[]).includes(by) ? by : ""}
            options={[{ value: "", label: t("results.byNone") }, ...filterDimensions.map((d) => ({ value: d, label: t(`dimensions.${d}`) }))]}
          />
        }
      />

      {results ? (
        <>
          <h2 className="govuk-heading-l">{t("results.responses")}</h2>
          <SummaryList
            rows={[
              { key: t("results.submitted"), value: cellText(results.counts.submitted, fewer) },
              ...("filtered" in data && data.filtered ? [{ key: t("results.matched"), value: cellText(results.counts.matched, fewer) }] : []),
              { key: t("results.started"), value: cellText(results.counts.started, fewer) },
            ]}
          />
          <p className="govuk-body-s">{t("results.startedNote")}</p>
          <div className="govuk-inset-text">{t("results.suppression", { threshold: results.threshold, max: results.threshold - 1 })}</div>

          {results.withheld ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t("results.warning")}</span>
                {t(`results.withheld.${results.withheld}`, { threshold: results.threshold })}
              </strong>
            </div>
          ) : null}

          {data.rates ? <ResponseRatesView rates={data.rates} fewer={fewer} /> : null}

          {results.who.length ? (
            <Details summary={t("results.whoAnswered")}>
              {results.who.map((table) => (
                <DimensionTableView key={table.dimension} table={table} fewer={fewer} />
              ))}
            </Details>
          ) : null}

          {results.questions.length ? (
            <>
              <h2 className="govuk-heading-l">{t("results.questions")}</h2>
              {results.questions.map((question) => (
                <section key={question.key} className="app-results-question" aria-labelledby={`q-${question.key}`}>
                  <QuestionResultView question={question} fewer={fewer} threshold={results.threshold} />
                  <p className="govuk-body app-results-actions">
                    <a className="govuk-link" href={`${base}/questions/${question.key}${query}`}>
                      {t("results.compare", { number: question.number })}
                    </a>
                  </p>
                </section>
              ))}
            </>
          ) : null}

          {results.textQuestions.length ? (
            <>
              <h2 className="govuk-heading-l">{t("results.ownWords")}</h2>
              <p className="govuk-body">{t("results.ownWordsIntro")}</p>
              <ul className="govuk-list govuk-list--bullet">
                {results.textQuestions.map((q) => (
                  <li key={q.key}>
                    <a className="govuk-link" href={`${base}/free-text?${new URLSearchParams([...new URLSearchParams(filterSearch).entries(), ["question", q.key]]).toString()}`}>
                      {t("results.questionHeading", { number: q.number, text: label(q.text) })}
                    </a>{" "}
                    {t("results.answeredCount", { number: cellText(q.answered, fewer) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
