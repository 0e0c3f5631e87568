import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnalysisFilterForm, useFilterErrorItems } from "~/analysis/filter-form";
import { filterToSearch, isUnfiltered, parseAnalysisFilter, typedOf } from "~/analysis/filters";
import { getFilterChoices, whereResponseMatches } from "~/analysis/filters.server";
import {
  answerAnchor,
  backToAnswer,
  FREE_TEXT_PAGE_SIZE,
  freeTextPath,
  freeTextSearch,
  parseFreeTextQuery,
  quotePath,
  resultsPath,
  themeFilterValue,
  UNTAGGED,
} from "~/analysis/free-text";
import { getFreeTextSurvey, listFreeTextAnswers, tagAnswer, themeSummary, untagAnswer } from "~/analysis/free-text.server";
import { listQuotes, removeQuote } from "~/analysis/quotes.server";
import { cellText, percentText } from "~/analysis/suppression";
import { getSuppressionThreshold } from "~/analysis/suppression.server";
import { THEMES_PATH } from "~/analysis/themes";
import { themesForSuggestion } from "~/analysis/themes.server";
import { readFlash, setFlash } from "~/auth/flash.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { ErrorSummary, type ErrorItem } from "~/components/forms/error-summary";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Select } from "~/components/forms/select";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "analysis", "analysis-free-text"] };

const FLASH = "freeTextDone";

/**
 * Free text for one survey wave (issue 7, point 4; docs/decisions/030-free-text-coding.md):
 * one text question's answers, filtered, a page at a time, each with its themes and the
 * themes the list suggests; officers confirm, add and remove themes and choose quotes.
 * Every form posts back to this address and comes back to the same answer.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "analysis.read");
  const language = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "analysis-free-text");
  const common = await i18next.getFixedT(request, "common");
  const survey = await getFreeTextSurvey(context.db, { id: params.surveyId, language });
  if (!survey) throw await httpError(request, 404, "not-found");
  const [choices, themes, threshold, flash] = await Promise.all([
    getFilterChoices(context.db),
    themesForSuggestion(context.db),
    getSuppressionThreshold(context.db),
    readFlash(request, context),
  ]);
  const url = new URL(request.url);
  const parsedFilter = parseAnalysisFilter(url.searchParams, choices, ["question", "theme", "page"]);
  const parsed = parseFreeTextQuery(url.searchParams, { questions: survey.questions.map((q) => q.key), themes: themes.map((theme) => theme.id) });
  const path = freeTextPath(survey.id);
  const done = flash.value?.[FLASH] ? (JSON.parse(flash.value[FLASH]) as { kind: string; theme?: string }) : null;
  const headers: Record<string, string> = done ? { "Set-Cookie": flash.clear } : {};
  const base = {
    survey: { id: survey.id, title: survey.title },
    questions: survey.questions.map((q) => ({ key: q.key, label: q.label })),
    query: { question: parsed.query.question, theme: themeFilterValue(parsed.query.theme), page: parsed.query.page },
    themes: themes.map((theme) => ({ id: theme.id, name: theme.name, retired: theme.retired })),
    choices,
    threshold,
    canCode: can(user.role, "analysis.code"),
    canEditThemes: can(user.role, "analysis.themes"),
    done,
  };
  if (!parsedFilter.ok || !parsed.ok) {
    // A GET form has no action data, so the title says "Error: " here (docs/decisions/008).
    return json(
      {
        ...base,
        pageTitle: `${common("errorPrefix")} ${t("page.title", { survey: survey.title })}`,
        typed: parsedFilter.typed,
        filterErrors: parsedFilter.ok ? {} : parsedFilter.errors,
        queryErrors: parsed.ok ? {} : Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, { key, value: parsed.typed[field as "question" | "theme"].slice(0, 60) }])),
        filterSearch: "",
        result: null,
      },
      { status: 400, headers },
    );
  }
  const filterSearch = filterToSearch(parsedFilter.filter).toString();
  // Dates came in the form's boxes: answer at the short address, which can be shared.
  if (parsedFilter.fromBoxes) throw redirect(`${path}${freeTextSearch({ ...parsed.query, page: 1 }, filterSearch)}`, { headers });
  const narrowed = !isUnfiltered(parsedFilter.filter);
  const filter = narrowed ? whereResponseMatches(parsedFilter.filter, choices) : undefined;
  const question = survey.questions.find((q) => q.key === parsed.query.question);
  let result = null;
  if (question) {
    const page = parsed.query.page;
    const [list, summary, quotes] = await Promise.all([
      listFreeTextAnswers(context.db, {
        surveyId: survey.id,
        questionKey: question.key,
        theme: parsed.query.theme,
        filter,
        limit: FREE_TEXT_PAGE_SIZE,
        offset: (page - 1) * FREE_TEXT_PAGE_SIZE,
      }),
      themeSummary(context.db, { surveyId: survey.id, questionKey: question.key, filter, threshold }),
      listQuotes(context.db, survey.id),
    ]);
    const pageCount = Math.max(1, Math.ceil(list.total / FREE_TEXT_PAGE_SIZE));
    if (page > pageCount) throw redirect(`${path}${freeTextSearch({ ...parsed.query, page: pageCount }, filterSearch)}`, { headers });
    // Filters that narrow answers down to a handful could point at one family: hold them back.
    const heldBack = narrowed && list.total > 0 && list.total < threshold;
    result = {
      question,
      total: heldBack ? null : list.total,
      heldBack,
      page,
      pageCount: heldBack ? 1 : pageCount,
      answers: heldBack ? [] : list.answers,
      summary,
      quotes: quotes.map((quote) => ({ ...quote, question: survey.questions.find((q) => q.key === quote.questionKey)?.label ?? quote.questionKey })),
    };
  }
  return json(
    {
      ...base,
      pageTitle: t("page.title", { survey: survey.title }),
      typed: typedOf(parsedFilter.filter),
      filterErrors: {},
      queryErrors: {},
      filterSearch,
      result,
    },
    { headers },
  );
}

type ActionErrors = Record<string, string>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "analysis.code");
  const form = await readForm(request, context);
  const survey = await getFreeTextSurvey(context.db, { id: params.surveyId });
  if (!survey) throw await httpError(request, 404, "not-found");
  const by = { userId: user.id, requestId: context.requestId };
  const intent = form.get("intent");
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const responseId = field("response");
  const done = async (value: { kind: string; theme?: string }, anchor?: string) =>
    redirect(backToAnswer(survey.id, request.url, anchor), { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: JSON.stringify(value) }) } });

  if (intent === "unquote") {
    const removed = await removeQuote(context.db, { surveyId: survey.id, id: field("quote"), by });
    if (!removed.ok) throw await httpError(request, 404, "not-found");
    return done({ kind: "quoteRemoved" }, responseId || undefined);
  }
  if (intent !== "confirm" && intent !== "add" && intent !== "remove") throw await httpError(request, 400, "bad-request");

  const key = { surveyId: survey.id, responseId, questionKey: field("question"), textQuestions: survey.questions.map((q) => q.key), themeId: field("theme"), by };
  const themeName = async () => (await themesForSuggestion(context.db)).find((theme) => String(theme.id) === key.themeId)?.name ?? "";
  if (intent === "remove") {
    const removed = await untagAnswer(context.db, key);
    if (!removed.ok) throw await httpError(request, 404, "not-found");
    return done({ kind: "removed", theme: await themeName() }, responseId);
  }
  const result = await tagAnswer(context.db, { ...key, origin: intent === "confirm" ? "suggestion" : "officer", now: context.now() });
  if (!result.ok && result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (!result.ok) {
    // The same page again, with the message at the answer's own theme list.
    const errors: ActionErrors = { [`add-theme-${responseId}`]: `errors.${result.error}` };
    context.logger.info({ status: 400, error: result.error }, "free-text coding refused");
    return json({ errors, theme: await themeName() }, { status: 400 });
  }
  const kind = !result.changed ? "already" : intent === "confirm" ? "confirmed" : "added";
  return done({ kind, theme: await themeName() }, responseId);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Answer = NonNullable<LoaderData["result"]>["answers"][number] & { surveyId: string; questionKey: string; back: string };

function Provenance({ tag }: { tag: Answer["tags"][number] }) {
  const { t, i18n } = useTranslation("analysis-free-text");
  const name = tag.taggedBy ?? t("answers.formerStaff");
  const date = formatDate(tag.taggedAt, i18n.language);
  return <>{tag.origin === "suggestion" ? t("answers.bySuggestion", { words: tag.suggestedBy, name, date }) : t("answers.byOfficer", { name, date })}</>;
}

/** One answer: its words, its themes with who or what gave each, suggestions to confirm, a theme to add. */
function AnswerCard({ answer, action, error, themes, canCode }: { answer: Answer; action: string; error?: string; themes: LoaderData["themes"]; canCode: boolean }) {
  const { t } = useTranslation("analysis-free-text");
  const reference = answer.reference ?? "";
  const heading = reference ? t("answers.response", { reference }) : t("answers.responseNoReference");
  const tagged = new Set(answer.tags.map((tag) => tag.themeId));
  const offered = themes.filter((theme) => !theme.retired && !tagged.has(theme.id));
  const hidden = (intent: string, theme?: number) => (
    <>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="response" value={answer.responseId} />
      <input type="hidden" name="question" value={answer.questionKey} />
      {theme !== undefined ? <input type="hidden" name="theme" value={theme} /> : null}
    </>
  );
  const meta = [answer.format === "easy_read" ? t("answers.easyRead") : null, answer.language !== "en-GB" ? t(`answers.language.${answer.language}`, { defaultValue: "" }) : null].filter(Boolean);
  return (
    <li id={answerAnchor(answer.responseId)}>
      <div className="govuk-summary-card">
        <div className="govuk-summary-card__title-wrapper">
          <h3 className="govuk-summary-card__title">{heading}</h3>
          {canCode ? (
            <ul className="govuk-summary-card__actions">
              <li className="govuk-summary-card__action">
                {answer.quoteId ? (
                  <Tag colour="green">{t("answers.quoted")}</Tag>
                ) : (
                  <Link
                    className="govuk-link"
                    to={`${quotePath(answer.surveyId)}?${new URLSearchParams({ response: answer.responseId, question: answer.questionKey, back: answer.back }).toString()}`}
                  >
                    {t("answers.quote")}
                    <span className="govuk-visually-hidden"> {t("answers.quoteHidden", { reference })}</span>
                  </Link>
                )}
              </li>
            </ul>
          ) : null}
        </div>
        <div className="govuk-summary-card__content">
          <p className="govuk-body" lang={answer.textLanguage} dir="auto">
            {answer.text}
          </p>
          {meta.length ? <p className="govuk-body-s govuk-hint">{meta.join(" · ")}</p> : null}
          <h4 className="govuk-heading-s govuk-!-margin-bottom-2">{t("answers.themes")}</h4>
          {answer.tags.length ? (
            <ul className="govuk-list">
              {answer.tags.map((tag) => (
                <li key={tag.themeId}>
                  <strong>{tag.name}</strong>
                  {tag.retired ? ` (${t("answers.retired")})` : ""}
                  <br />
                  <span className="govuk-body-s">
                    <Provenance tag={tag} />
                  </span>
                  {canCode ? (
                    <Form method="post" action={action} className="govuk-!-display-inline govuk-!-margin-left-2">
                      {hidden("remove", tag.themeId)}
                      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        {t("answers.remove")}
                        <span className="govuk-visually-hidden"> {tag.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">{t("answers.noThemes")}</p>
          )}
          {answer.suggestions.length ? (
            <>
              <h4 className="govuk-heading-s govuk-!-margin-bottom-2">{t("answers.suggestions")}</h4>
              <ul className="govuk-list">
                {answer.suggestions.map((suggestion) => (
                  <li key={suggestion.themeId}>
                    <strong>{suggestion.name}</strong>
                    <br />
                    <span className="govuk-body-s">{t("answers.suggestedFrom", { words: suggestion.matched })}</span>
                    {canCode ? (
                      <Form method="post" action={action} className="govuk-!-display-inline govuk-!-margin-left-2">
                        {hidden("confirm", suggestion.themeId)}
                        <button type="submit" className="govuk-button govuk-!-margin-bottom-0">
                          {t("answers.confirm")}
                          <span className="govuk-visually-hidden"> {suggestion.name}</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canCode && offered.length ? (
            <Form method="post" action={action} noValidate>
              {hidden("add")}
              <Select
                name="theme"
                id={`add-theme-${answer.responseId}`}
                label={
                  <>
                    {t("answers.addLabel")}
                    <span className="govuk-visually-hidden"> {t("answers.addHidden", { reference })}</span>
                  </>
                }
                error={error}
                options={[{ value: "", label: t("answers.choose") }, ...offered.map((theme) => ({ value: String(theme.id), label: theme.name }))]}
              />
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                {t("answers.add")}
                <span className="govuk-visually-hidden"> {t("answers.addHidden", { reference })}</span>
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function ThemeSummaryTable({ summary, threshold }: { summary: NonNullable<LoaderData["result"]>["summary"]; threshold: number }) {
  const { t } = useTranslation("analysis-free-text");
  const words = { fewer: t("fewerThan", { threshold }), notShown: t("notShown") };
  return (
    <>
      <Table
        caption={t("summary.caption")}
        captionSize="m"
        firstCellIsHeader
        columns={[{ header: t("summary.theme") }, { header: t("summary.area") }, { header: t("summary.answers"), numeric: true }, { header: t("summary.percent"), numeric: true }]}
        rowKeys={summary.rows.map((row) => String(row.themeId ?? "untagged"))}
        rows={[
          ...summary.rows.map((row) => [
            row.themeId === null ? t("summary.untagged") : `${row.name}${row.retired ? ` ${t("summary.retired")}` : ""}`,
            row.areaOfConcern === null ? "" : t("summary.areaNumber", { number: row.areaOfConcern }),
            cellText(row.cell, words),
            percentText(row.cell),
          ]),
          [t("summary.total"), "", cellText(summary.total, words), ""],
        ]}
      />
      <p className="govuk-body-s">{t("summary.note", { threshold, max: threshold - 1 })}</p>
    </>
  );
}

export default function FreeText() {
  const { t, i18n } = useTranslation("analysis-free-text");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const { survey, questions, query, themes, choices, threshold, canCode, canEditThemes, done, result, filterSearch } = data;
  const path = freeTextPath(survey.id);
  const formAction = `${path}${location.search}`;
  const filterItems = useFilterErrorItems(data.filterErrors);
  const queryErrors = data.queryErrors as Partial<Record<"question" | "theme", { key: string; value: string }>>;
  const errorItems: ErrorItem[] = [
    ...(queryErrors.question ? [{ href: "questions-heading", text: t(queryErrors.question.key, { value: queryErrors.question.value }) }] : []),
    ...(queryErrors.theme ? [{ href: "filter-theme", text: t(queryErrors.theme.key, { value: queryErrors.theme.value }) }] : []),
    ...filterItems,
    ...Object.entries(actionData?.errors ?? {}).map(([href, key]) => ({ href, text: t(key, { theme: actionData?.theme ?? "" }) })),
  ];
  const themeOption = (theme: (typeof themes)[number]) => ({ value: String(theme.id), label: theme.retired ? t("page.retired", { name: theme.name }) : theme.name });
  const back = freeTextSearch({ question: query.question, theme: query.theme ? (query.theme === UNTAGGED ? { kind: "untagged" } : { kind: "theme", id: Number(query.theme) }) : { kind: "any" }, page: query.page }, filterSearch);
  return (
    <>
      <Breadcrumbs items={[{ text: t("page.staffArea"), href: "/admin" }, { text: `${t("page.results")}: ${survey.title}`, href: resultsPath(survey.id) }, { text: t("page.heading") }]} />
      {done ? <NotificationBanner type="success" heading={t(`done.${done.kind}`, { theme: done.theme ?? "" })} /> : null}
      <ErrorSummary errors={errorItems} />
      <span className="govuk-caption-l">{survey.title}</span>
      <h1 className="govuk-heading-l">{t("page.heading")}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{t("page.intro")}</p>
          <p className="govuk-body">{t("page.safeguarding")}</p>
          {canEditThemes ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={THEMES_PATH}>
                {t("page.themeListLink")}
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      {questions.length === 0 ? (
        <p className="govuk-body">{t("page.noQuestions")}</p>
      ) : (
        <nav aria-labelledby="questions-heading">
          <h2 className="govuk-heading-m" id="questions-heading" tabIndex={-1}>
            {t("page.questionsHeading")}
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {questions.map((q) => (
              <li key={q.key}>
                {q.key === query.question && !queryErrors.question ? (
                  <a className="govuk-link govuk-!-font-weight-bold" href={`${path}${freeTextSearch({ question: q.key }, filterSearch)}`} aria-current="page">
                    {q.label}
                  </a>
                ) : (
                  <a className="govuk-link" href={`${path}${freeTextSearch({ question: q.key }, filterSearch)}`}>
                    {q.label}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}

      <AnalysisFilterForm
        action={path}
        choices={choices}
        typed={data.typed}
        errors={data.filterErrors}
        hidden={query.question ? { question: query.question } : {}}
        open={filterItems.length > 0 || filterSearch !== ""}
        extra={
          <Select
            name="theme"
            id="filter-theme"
            label={t("page.themeFilter")}
            defaultValue={query.theme}
            error={queryErrors.theme ? t(queryErrors.theme.key, { value: queryErrors.theme.value }) : undefined}
            options={[
              { value: "", label: t("page.themeAny") },
              { value: UNTAGGED, label: t("page.themeUntagged") },
              ...themes.filter((theme) => !theme.retired).map(themeOption),
              ...themes.filter((theme) => theme.retired).map(themeOption),
            ]}
          />
        }
      />

      {result ? (
        <>
          <h2 className="govuk-heading-l govuk-!-margin-top-6">{result.question.label}</h2>
          <ThemeSummaryTable summary={result.summary} threshold={threshold} />

          <h2 className="govuk-heading-m">{t("answers.heading")}</h2>
          <p className="govuk-body" role="status">
            {result.heldBack
              ? t("answers.countSmall", { threshold })
              : result.total && result.pageCount > 1
                ? t("answers.showing", {
                    from: (result.page - 1) * FREE_TEXT_PAGE_SIZE + 1,
                    to: (result.page - 1) * FREE_TEXT_PAGE_SIZE + result.answers.length,
                    total: result.total,
                  })
                : t("answers.count", { count: result.total ?? 0 })}
          </p>
          {result.heldBack ? <div className="govuk-inset-text">{t("answers.heldBack", { threshold })}</div> : null}
          {!result.heldBack && result.answers.length === 0 ? (
            <p className="govuk-body">{t(query.theme || filterSearch ? "answers.noneFiltered" : "answers.none")}</p>
          ) : null}
          <ol className="govuk-list">
            {result.answers.map((answer) => (
              <AnswerCard
                key={answer.responseId}
                answer={{ ...answer, surveyId: survey.id, questionKey: result.question.key, back }}
                action={formAction}
                error={actionData?.errors?.[`add-theme-${answer.responseId}`] ? t(actionData.errors[`add-theme-${answer.responseId}`]!, { theme: actionData.theme ?? "" }) : undefined}
                themes={themes}
                canCode={canCode}
              />
            ))}
          </ol>
          <Pagination baseUrl={path} searchParams={location.search} currentPage={result.page} totalPages={result.pageCount} />

          <h2 className="govuk-heading-m govuk-!-margin-top-6">{t("quotes.heading")}</h2>
          <p className="govuk-body">{t("quotes.intro")}</p>
          {result.quotes.length === 0 ? <p className="govuk-body">{t("quotes.none")}</p> : null}
          {result.quotes.map((quote, index) => (
            <figure key={quote.id} className="govuk-inset-text govuk-!-margin-left-0">
              <figcaption className="govuk-caption-s">{t("quotes.caption", { number: index + 1, question: quote.question, reference: quote.reference ?? "" })}</figcaption>
              <blockquote className="govuk-body govuk-!-margin-0" lang={quote.language} dir="auto">
                <p className="govuk-body">{quote.text}</p>
              </blockquote>
              <p className="govuk-body-s">{t("quotes.chosenBy", { name: quote.chosenBy ?? t("answers.formerStaff"), date: formatDate(quote.chosenAt, i18n.language) })}</p>
              {canCode ? (
                <Form method="post" action={formAction}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="unquote" />
                  <input type="hidden" name="quote" value={quote.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    {t("quotes.remove")}
                    <span className="govuk-visually-hidden"> {index + 1}</span>
                  </button>
                </Form>
              ) : null}
            </figure>
          ))}
        </>
      ) : null}
    </>
  );
}
