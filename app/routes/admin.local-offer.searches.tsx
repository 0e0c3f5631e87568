import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Radios } from "~/components/forms/radios";
import { Pagination } from "~/components/pagination";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { parsePeriod, PERIODS } from "~/local-offer/search-log";
import { listUnmetSearches } from "~/local-offer/search-log.server";
import { loadSearchVocabulary } from "~/local-offer/search.server";
import { formatDateTime } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "search-admin", "local-offer-terms"] };

const PAGE_SIZE = 25;
const PATH = "/admin/local-offer/searches";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "local-offer.insights");
  const t = await i18next.getFixedT(request, "search-admin");
  const params = new URL(request.url).searchParams;
  const period = parsePeriod(params.get("period"));
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const insights = await listUnmetSearches(context.db, { now: context.now(), days: period, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const vocabulary = await loadSearchVocabulary(context.db);
  const names: Record<string, Record<string, string>> = {
    need: Object.fromEntries(vocabulary.needs.map((n) => [n.slug, n.name])),
    district: Object.fromEntries(vocabulary.districts.map((d) => [d.slug, d.name])),
    category: Object.fromEntries(vocabulary.categories.map((c) => [c.slug, c.name])),
  };
  return json({
    pageTitle: t("searches.title"),
    period,
    page,
    pageCount: Math.max(1, Math.ceil(insights.distinctUnmet / PAGE_SIZE)),
    insights,
    names,
  });
}

export default function UnmetSearches() {
  const { t, i18n } = useTranslation("search-admin");
  const { t: tTerms } = useTranslation("local-offer-terms");
  const { period, page, pageCount, insights, names } = useLoaderData<typeof loader>();
  const periodLabel = t(`searches.periods.${period}`);

  /** "Burnley; age 7; Autism": a logged set of filters in words. */
  const describeFilters = (filters: Record<string, unknown>) => {
    const parts: string[] = [];
    if (typeof filters.age === "number") parts.push(t("searches.age", { age: filters.age }));
    for (const facet of ["need", "district", "category", "cost", "delivery"] as const) {
      const values = Array.isArray(filters[facet]) ? (filters[facet] as unknown[]).map(String) : [];
      for (const value of values) {
        if (facet === "cost" || facet === "delivery") parts.push(tTerms(`${facet}.${value}`, { defaultValue: value }));
        else parts.push(names[facet]?.[value] ?? value);
      }
    }
    return parts.join("; ");
  };

  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("searches.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("searches.title")}</h1>
          <p className="govuk-body">{t("searches.intro")}</p>
          <Form method="get" action={PATH}>
            <Radios
              name="period"
              legend={t("searches.period")}
              legendSize="s"
              inline
              small
              defaultValue={String(period)}
              key={period}
              choices={PERIODS.map((days) => ({ value: String(days), label: t(`searches.periods.${days}`) }))}
            />
            <Button variant="secondary">{t("searches.show")}</Button>
          </Form>
          <h2 className="govuk-heading-m">{t("searches.totals")}</h2>
          <SummaryList
            rows={[
              { key: t("searches.period"), value: periodLabel },
              { key: t("searches.total"), value: insights.totalSearches.toLocaleString(i18n.language) },
              {
                key: t("searches.unmet"),
                value: t("searches.unmetValue", { count: insights.unmetSearches, percent: insights.unmetPercent }),
              },
              { key: t("searches.distinct"), value: insights.distinctUnmet.toLocaleString(i18n.language) },
            ]}
          />
        </div>
      </div>
      {insights.rows.length ? (
        <>
          <Table
            caption={t("searches.caption", { period: periodLabel })}
            columns={[{ header: t("searches.words") }, { header: t("searches.times"), numeric: true }, { header: t("searches.last") }, { header: t("searches.filters") }]}
            firstCellIsHeader
            rowKeys={insights.rows.map((r) => r.query)}
            rows={insights.rows.map((row) => [
              row.query ? (
                <Link className="govuk-link" to={`/local-offer?q=${encodeURIComponent(row.query)}`} key="words">
                  {row.query}
                  <span className="govuk-visually-hidden"> ({t("searches.tryIt")})</span>
                </Link>
              ) : (
                <span className="govuk-hint" key="words">
                  {t("searches.noWords")}
                </span>
              ),
              row.count.toLocaleString(i18n.language),
              <time dateTime={new Date(row.lastSearchedAt).toISOString()} key="last">
                {formatDateTime(row.lastSearchedAt, i18n.language)}
              </time>,
              row.filters.some((f) => Object.keys(f).length) ? (
                <ul className="govuk-list govuk-!-margin-bottom-0" key="filters">
                  {row.filters.map((filters, index) => (
                    <li key={index}>{describeFilters(filters) || t("searches.noFilters")}</li>
                  ))}
                </ul>
              ) : (
                t("searches.noFilters")
              ),
            ])}
          />
          <Pagination baseUrl={PATH} searchParams={`period=${period}`} currentPage={page} totalPages={pageCount} />
        </>
      ) : (
        <p className="govuk-body">{t("searches.none")}</p>
      )}
    </>
  );
}
