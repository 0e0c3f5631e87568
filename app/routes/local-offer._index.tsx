import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { Checkboxes } from "~/components/forms/checkboxes";
import { TextInput } from "~/components/forms/text-input";
import { ErrorPage } from "~/components/layout/error-page";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import i18next from "~/i18n/i18next.server";
import { broadAreas } from "~/local-offer/model";
import { PageFeedback, pageFeedbackNamespaces, skipRevalidationAfterPageFeedback } from "~/local-offer/page-feedback";
import { hasCriteria, hasFilters, MAX_PAGE, parseSearchQuery, searchHref, searchParamsOf, type SearchProblem, type SearchQuery } from "~/local-offer/search-query";
import { loadSearchVocabulary, searchServices, vocabularySlugs, type FacetName, type FacetOption, type SearchResults } from "~/local-offer/search.server";
import { ShortlistButton } from "~/local-offer/shortlist-button";
import { readShortlist } from "~/local-offer/shortlist.server";
import { formatDate } from "~/utils/dates";
import type { ErrorData } from "~/utils/http.server";

export const handle = { i18n: ["common", "local-offer-terms", "local-offer-search", "local-offer-service", ...pageFeedbackNamespaces] };

/**
 * The loader logs the search, so background posts from the page (feedback,
 * shortlist buttons, which keep their own state) must not run it again.
 */
export const shouldRevalidate: ShouldRevalidateFunction = (args) =>
  args.formAction?.startsWith("/local-offer/shortlist") ? false : skipRevalidationAfterPageFeedback(args);

/** The GET form the search box and every filter belong to (filters sit outside it, linked by form="…"). */
const FORM_ID = "local-offer-search";

/** A request no form could have made (a huge query string, page 5000): a 400 page that says so. */
interface Refused {
  title: string;
  body: string[];
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "local-offer-search");
  const vocabulary = await loadSearchVocabulary(context.db);
  const parsed = parseSearchQuery(url.searchParams, { ...vocabularySlugs(vocabulary), rawLength: url.search.length });
  if (parsed.refusal) {
    // Answered as this page's own data (not thrown) so the page title says what happened.
    const refused: Refused = { title: t("refused.title"), body: [t(`refused.${parsed.refusal}`, { max: MAX_PAGE })] };
    return json({ pageTitle: refused.title, refused }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const { query, problems } = parsed;
  const results = await searchServices(context.db, query, { vocabulary, now: context.now() });
  const shortlist = await readShortlist(request, context);
  const tTerms = await i18next.getFixedT(request, "local-offer-terms");
  // Worded on the server: Node's and the browser's list formatting can differ, and the page must not change on hydration.
  const status = describeSearch(t, tTerms, locale, query, results);
  const pageTitle = `${status}${results.totalPages > 1 ? ` (${t("status.pageOf", { page: results.page, pages: results.totalPages })})` : ""} – ${t("title")}`;
  return json({
    pageTitle,
    refused: null,
    status,
    query,
    rawAge: url.searchParams.get("age") ?? "",
    problems,
    results: { ...results, results: results.results.map((r) => ({ ...r, shortlisted: shortlist.includes(r.slug) })) },
    jargon: vocabulary.synonyms.filter((g) => g.explanation.trim() !== ""),
  });
}

/** "23 services found for autism, age 7, in Burnley": the status line and the page title. */
function describeSearch(t: TFunction, tTerms: TFunction, locale: string, query: SearchQuery, results: SearchResults): string {
  if (!hasCriteria(query)) return t("status.all", { count: results.total });
  const or = (items: string[]) => {
    try {
      return new Intl.ListFormat(locale, { type: "disjunction" }).format(items);
    } catch {
      return items.join(", ");
    }
  };
  const chosen = (facet: FacetName, label: (o: FacetOption) => string = (o) => o.label) =>
    results.facets[facet].filter((o) => o.selected).map(label);
  const parts = [t("status.found", { count: results.total })];
  const words = results.correctedQuery ?? query.q;
  if (words) parts.push(t("status.forWords", { q: words }));
  if (query.age !== undefined) parts.push(t("status.age", { age: query.age }));
  const lists: [FacetName, string[]][] = [
    ["need", chosen("need")],
    ["district", chosen("district")],
    ["category", chosen("category")],
    ["cost", chosen("cost", (o) => tTerms(`cost.${o.value}`))],
    ["delivery", chosen("delivery", (o) => tTerms(`delivery.${o.value}`))],
  ];
  const keys: Record<FacetName, string> = { need: "needs", district: "districts", category: "categories", cost: "costs", delivery: "deliveries" };
  const [first, ...rest] = parts;
  const details = [...rest];
  for (const [facet, items] of lists) if (items.length) details.push(t(`status.${keys[facet]}`, { list: or(items) }));
  return [`${first}${details.length ? ` ${details[0]}` : ""}`, ...details.slice(1)].join(", ");
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Data = Omit<Extract<LoaderData, { refused: null }>, "query"> & { query: SearchQuery };
type Hit = Data["results"]["results"][number];

export default function LocalOfferSearchPage() {
  const data = useLoaderData<typeof loader>();
  if (data.refused) return <RefusedPage refused={data.refused} />;
  return <LocalOfferSearch data={data as unknown as Data} />;
}

function RefusedPage({ refused }: { refused: Refused }) {
  const { t } = useTranslation("local-offer-search");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{refused.title}</h1>
        {refused.body.map((paragraph) => (
          <p className="govuk-body" key={paragraph}>
            {paragraph}
          </p>
        ))}
        <p className="govuk-body">
          {/* A full page load: start the search afresh. */}
          <a className="govuk-link" href="/local-offer">
            {t("refused.startAgain")}
          </a>
        </p>
      </div>
    </div>
  );
}

function LocalOfferSearch({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-search");
  const { t: tc } = useTranslation("common");
  const { query, results } = data;
  const ageProblem = data.problems.find((p) => p.field === "age");
  return (
    <>
      <Breadcrumbs items={[{ text: tc("breadcrumbs.home"), href: "/" }, { text: t("title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">{t("heading")}</h1>
          <p className="govuk-body-l">{t("intro")}</p>
          {data.problems.length ? <Problems problems={data.problems} /> : null}
          <Form method="get" action="/local-offer" id={FORM_ID} role="search" aria-label={t("search.label")}>
            <TextInput
              name="q"
              type="search"
              label={<span className="govuk-!-font-weight-bold">{t("search.label")}</span>}
              hint={t("search.hint")}
              defaultValue={query.q}
              key={`q-${query.q}`}
              autoComplete="off"
              spellCheck
            />
            {query.sort !== (query.q ? "relevance" : "name") ? <input type="hidden" name="sort" value={query.sort} /> : null}
            <Button>{t("search.button")}</Button>
          </Form>
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third app-filters">
          <Filters data={data} ageError={ageProblem ? t(ageProblem.kind === "outOfRange" ? "problems.ageOutOfRange" : "problems.ageNotANumber") : undefined} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <div role="status">
            <h2 className="govuk-heading-m" id="search-results" tabIndex={-1}>
              {data.status}
            </h2>
          </div>
          <SearchNotes data={data} />
          <ChosenFilters data={data} />
          {results.total > 0 ? (
            <>
              <SortLinks query={query} />
              <ul className="govuk-list" aria-label={t("result.listLabel")}>
                {results.results.map((hit) => (
                  <Result hit={hit} key={hit.id} />
                ))}
              </ul>
              <Pagination baseUrl="/local-offer" searchParams={searchParamsOf(query)} currentPage={results.page} totalPages={results.totalPages} />
            </>
          ) : (
            <NoResults data={data} />
          )}
          <Jargon groups={data.jargon} open={results.total === 0} />
        </div>
      </div>
      <PageFeedback />
    </>
  );
}

function Problems({ problems }: { problems: SearchProblem[] }) {
  const { t } = useTranslation("local-offer-search");
  const message = (problem: SearchProblem) => {
    switch (problem.field) {
      case "age":
        return t(problem.kind === "outOfRange" ? "problems.ageOutOfRange" : "problems.ageNotANumber");
      case "page":
        return t("problems.pageNotANumber", { value: problem.value });
      case "q":
        return t("problems.queryTooLong", { value: problem.value });
      default:
        return t("problems.unknown", { field: t(`problems.fields.${problem.field}`), value: problem.value });
    }
  };
  return (
    <NotificationBanner title={t("problems.title")}>
      <ul className="govuk-list govuk-list--bullet">
        {problems.map((problem, index) => (
          <li key={index}>{message(problem)}</li>
        ))}
      </ul>
    </NotificationBanner>
  );
}

function Filters({ data, ageError }: { data: Data; ageError?: string }) {
  const { t } = useTranslation("local-offer-search");
  const { t: tTerms } = useTranslation("local-offer-terms");
  const { query, results } = data;
  const facets = results.facets;
  const choices = (options: FacetOption[], label: (o: FacetOption) => string = (o) => o.label) =>
    options.map((o) => ({ value: o.value, label: t("filters.option", { label: label(o), count: o.count }) }));
  const selected = (options: FacetOption[]) => options.filter((o) => o.selected).map((o) => o.value);
  const inputProps = { form: FORM_ID };
  // Re-mount after each search so the boxes show the search's own choices (a GET form keeps none of its own).
  const key = searchHref(query);
  return (
    <div key={key}>
      {/* Many boxes come before the results: let keyboard and screen reader users jump past them. */}
      <a href="#search-results" className="govuk-skip-link">
        {t("filters.skip")}
      </a>
      <h2 className="govuk-heading-m">{t("filters.heading")}</h2>
      <TextInput
        name="age"
        label={t("filters.age")}
        hint={t("filters.ageHint")}
        inputMode="numeric"
        width="2"
        form={FORM_ID}
        defaultValue={query.age !== undefined ? String(query.age) : ageError ? data.rawAge : ""}
        error={ageError}
        autoComplete="off"
      />
      <h3 className="govuk-heading-s">{t("filters.needs")}</h3>
      {broadAreas.map((area) => {
        const options = facets.need.filter((o) => o.group === area);
        if (!options.length) return null;
        return (
          <Checkboxes
            key={area}
            name="need"
            id={`need-${area}`}
            legend={tTerms(`broadAreas.${area}`)}
            legendSize="s"
            small
            choices={choices(options)}
            defaultValues={selected(options)}
            inputProps={inputProps}
          />
        );
      })}
      <Checkboxes name="district" legend={t("filters.districts")} legendSize="s" small choices={choices(facets.district)} defaultValues={query.districts} inputProps={inputProps} />
      <Checkboxes name="category" legend={t("filters.categories")} legendSize="s" small choices={choices(facets.category)} defaultValues={query.categories} inputProps={inputProps} />
      <Checkboxes
        name="cost"
        legend={t("filters.costs")}
        legendSize="s"
        small
        choices={choices(facets.cost, (o) => tTerms(`cost.${o.value}`))}
        defaultValues={query.costs}
        inputProps={inputProps}
      />
      <Checkboxes
        name="delivery"
        legend={t("filters.deliveries")}
        legendSize="s"
        small
        choices={choices(facets.delivery, (o) => tTerms(`delivery.${o.value}`))}
        defaultValues={query.deliveries}
        inputProps={inputProps}
      />
      <Button form={FORM_ID} variant="secondary">
        {t("filters.apply")}
      </Button>
    </div>
  );
}

/** Each chosen filter as a link that removes it. */
function useChosenFilters(data: Data): { key: string; label: string; href: string }[] {
  const { t } = useTranslation("local-offer-search");
  const { t: tTerms } = useTranslation("local-offer-terms");
  const { query, results } = data;
  const chosen: { key: string; label: string; href: string }[] = [];
  if (query.age !== undefined) chosen.push({ key: "age", label: t("filters.ageValue", { age: query.age }), href: searchHref(query, { age: undefined }) });
  const facetFields: [FacetName, "needs" | "districts" | "categories" | "costs" | "deliveries"][] = [
    ["need", "needs"],
    ["district", "districts"],
    ["category", "categories"],
    ["cost", "costs"],
    ["delivery", "deliveries"],
  ];
  for (const [facet, field] of facetFields) {
    for (const option of results.facets[facet].filter((o) => o.selected)) {
      const label = facet === "cost" ? tTerms(`cost.${option.value}`) : facet === "delivery" ? tTerms(`delivery.${option.value}`) : option.label;
      const remaining = (query[field] as string[]).filter((v) => v !== option.value);
      chosen.push({ key: `${facet}-${option.value}`, label, href: searchHref(query, { [field]: remaining }) });
    }
  }
  return chosen;
}

function ChosenFilters({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-search");
  const chosen = useChosenFilters(data);
  if (!chosen.length) return null;
  const { query } = data;
  return (
    <div className="govuk-!-margin-bottom-4">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2" id="chosen-filters">
        {t("filters.chosen")}
      </p>
      <ul className="govuk-list" aria-labelledby="chosen-filters">
        {chosen.map((filter) => (
          <li key={filter.key} className="govuk-!-display-inline-block govuk-!-margin-right-3">
            <Link className="govuk-link" to={filter.href}>
              <span className="govuk-visually-hidden">{t("filters.remove")} </span>
              {filter.label} <span aria-hidden="true">✕</span>
            </Link>
          </li>
        ))}
      </ul>
      {hasFilters(query) ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={searchHref(query, { age: undefined, needs: [], districts: [], categories: [], costs: [], deliveries: [] })}>
            {t("filters.clear")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Spelling corrections and what synonyms added, so the results make sense. */
function SearchNotes({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-search");
  const { results, query } = data;
  return (
    <>
      {results.correctedQuery ? (
        <p className="govuk-body">
          <Trans t={t} i18nKey="corrected" values={{ corrected: results.correctedQuery, original: query.q }} components={[<strong key="corrected" />]} />
        </p>
      ) : null}
      {results.expandedTerms.map((term) => (
        <p className="govuk-body govuk-hint" key={term.matched}>
          {term.explanation
            ? t("alsoSearchingMeaning", { terms: term.alsoSearched.join(", "), explanation: term.explanation })
            : t("alsoSearching", { terms: term.alsoSearched.join(", ") })}
        </p>
      ))}
    </>
  );
}

function SortLinks({ query }: { query: SearchQuery }) {
  const { t } = useTranslation("local-offer-search");
  if (!query.q) return null;
  const sorts = ["relevance", "name"] as const;
  return (
    <p className="govuk-body">
      {t("sort.label")}:{" "}
      {sorts.map((sort, index) => (
        <span key={sort}>
          {index > 0 ? " · " : null}
          {query.sort === sort ? (
            <strong aria-current="true">
              {t(`sort.${sort}`)} <span className="govuk-visually-hidden">{t("sort.current")}</span>
            </strong>
          ) : (
            <Link className="govuk-link" to={searchHref(query, { sort })}>
              {t(`sort.${sort}`)}
            </Link>
          )}
        </span>
      ))}
    </p>
  );
}

function Result({ hit }: { hit: Hit }) {
  const { t, i18n } = useTranslation("local-offer-search");
  const { t: tTerms } = useTranslation("local-offer-terms");
  const where = hit.wholeArea ? tTerms("wholeArea") : hit.districts.join(", ");
  const cost = `${tTerms(`cost.${hit.cost}`)}${hit.costDetail ? ` (${hit.costDetail})` : ""}`;
  const rows = [
    { key: t("result.organisation"), value: hit.organisationName },
    { key: t("result.ages"), value: tTerms("ages", { min: hit.ageMin, max: hit.ageMax }) },
    { key: t("result.cost"), value: cost },
    ...(where ? [{ key: t("result.where"), value: where }] : []),
    ...(hit.delivery.length ? [{ key: t("result.delivery"), value: hit.delivery.map((d) => tTerms(`delivery.${d}`)).join(", ") }] : []),
  ];
  return (
    <li>
      <h3 className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/local-offer/services/${hit.slug}`}>
          {hit.name}
        </Link>
      </h3>
      {hit.summary ? <p className="govuk-body">{hit.summary}</p> : null}
      <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
        {rows.map((row) => (
          <div className="govuk-summary-list__row" key={row.key}>
            <dt className="govuk-summary-list__key govuk-!-padding-top-1 govuk-!-padding-bottom-1">{row.key}</dt>
            <dd className="govuk-summary-list__value govuk-!-padding-top-1 govuk-!-padding-bottom-1">{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="govuk-body-s">
        {hit.lastReviewedAt ? tTerms("checkedOn", { date: formatDate(hit.lastReviewedAt, i18n.language) }) : tTerms("notChecked")}
      </p>
      <ShortlistButton slug={hit.slug} name={hit.name} shortlisted={hit.shortlisted} />
      <hr className="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
    </li>
  );
}

function NoResults({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-search");
  const chosen = useChosenFilters(data);
  const { query, results } = data;
  return (
    <>
      <p className="govuk-body">{t("none.text")}</p>
      <p className="govuk-body">{t("none.try")}</p>
      <ul className="govuk-list govuk-list--bullet">
        {query.q ? <li>{t("none.spelling")}</li> : null}
        {query.q ? <li>{t("none.fewerWords")}</li> : null}
        {chosen.length ? (
          <li>
            {t("none.removeFilters")}
            <ul className="govuk-list">
              {chosen.map((filter) => (
                <li key={filter.key}>
                  <Link className="govuk-link" to={filter.href}>
                    {t("filters.remove")} {filter.label}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        <li>
          {t("none.browse")}
          <ul className="govuk-list">
            {results.facets.category.map((category) => (
              <li key={category.value}>
                <Link className="govuk-link" to={`/local-offer?category=${encodeURIComponent(category.value)}`}>
                  {category.label}
                </Link>
              </li>
            ))}
          </ul>
        </li>
        {data.jargon.length ? (
          <li>
            <Trans t={t} i18nKey="none.jargon" components={[<JargonLink key="jargon" />]} />
          </li>
        ) : null}
        <li>
          <Link className="govuk-link" to="/local-offer">
            {t("none.startAgain")}
          </Link>
        </li>
      </ul>
      <p className="govuk-body">{t("none.missing")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/local-offer/coverage">
          {t("none.coverage")}
        </Link>
      </p>
    </>
  );
}

/** Trans puts the link's words in as children. */
function JargonLink({ children }: { children?: ReactNode }) {
  return (
    <a className="govuk-link" href="#jargon">
      {children}
    </a>
  );
}

function Jargon({ groups, open }: { groups: Data["jargon"]; open: boolean }) {
  const { t } = useTranslation("local-offer-search");
  if (!groups.length) return null;
  return (
    <Details summary={t("jargon.summary")} id="jargon" open={open}>
      <p className="govuk-body">{t("jargon.intro")}</p>
      <dl className="govuk-summary-list">
        {groups.map((group) => (
          <div className="govuk-summary-list__row" key={group.id}>
            <dt className="govuk-summary-list__key">{group.explanation}</dt>
            <dd className="govuk-summary-list__value">{t("jargon.alsoCalled", { terms: group.terms.join(", ") })}</dd>
          </div>
        ))}
      </dl>
    </Details>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as Partial<ErrorData> | undefined)?.reason : undefined;
  return <ErrorPage status={status} reason={reason} />;
}
