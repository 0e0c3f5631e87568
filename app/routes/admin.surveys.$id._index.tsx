import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { allTargets, englishOf, movePage, moveQuestion, surveyPath, type Direction } from "~/surveys/builder";
import { LockedNotice, NS, useBuilderErrors, useConditionWords } from "~/surveys/builder-components";
import {
  builderRefusal,
  changedBy,
  editSurvey,
  getBuilderReferences,
  makeNewVersion,
  readSurveyDone,
  redirectToSurvey,
  requireBuilderSurvey,
  surveySummary,
  type BuilderActionData,
} from "~/surveys/builder.server";
import { formatUkDateTime, StateTag, SurveyPagesNav } from "~/surveys/lifecycle-components";
import { readSurveyDone as readLifecycleDone } from "~/surveys/lifecycle-routes.server";
import { responseCounts } from "~/surveys/responses.server";
import { formatDate } from "~/utils/dates";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "survey-admin", NS] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, NS);
  const [counts, references, mine, lifecycle] = await Promise.all([
    responseCounts(context.db, survey.id),
    getBuilderReferences(context.db),
    readSurveyDone(request, context),
    // Creating, importing and duplicating (the lifecycle pages) land here too.
    readLifecycleDone(request, context, ["created", "imported", "duplicated"]),
  ]);
  return json(
    {
      pageTitle: t("overview.title", { title: englishOf(survey.definition.title) }),
      survey: {
        ...surveySummary(survey),
        slug: survey.slug,
        audience: survey.audience,
        access: survey.access,
        wave: survey.wave,
        state: survey.state,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        lockedAt: survey.version.lockedAt,
      },
      definition: survey.definition,
      targets: allTargets(survey.definition),
      counts,
      references,
      done: mine.done,
      lifecycleDone: lifecycle.done,
    },
    { headers: { ...lifecycle.headers, ...mine.headers } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = changedBy(user, context);
  const now = context.now();

  if (intent === "new-version") {
    const result = await makeNewVersion(context.db, { surveyId: survey.id, now, by });
    if (result.ok) return redirectToSurvey(context, survey.id, { done: "newVersion", name: String(result.number) });
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    context.logger.info({ status: 409, reason: result.reason }, "new survey version refused");
    return json<BuilderActionData>({ errors: { form: result.reason === "open" ? "locked.newVersionOpen" : "locked.newVersionNotLocked" }, values: {} }, { status: 409 });
  }

  const key = String(formData.get("key") ?? "");
  const direction = formData.get("direction");
  if ((intent !== "move-page" && intent !== "move-question") || (direction !== "up" && direction !== "down")) throw await httpError(request, 400, "bad-request");
  const page = intent === "move-page";
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now,
    by,
    action: page ? "survey.page-moved" : "survey.question-moved",
    details: { key, direction },
    edit: (d) => (page ? movePage(d, key, direction as Direction) : moveQuestion(d, key, direction as Direction)),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: page ? "pageMoved" : "questionMoved", name: key, changed: result.changed, anchor: page ? `page-${key}` : `question-${key}` });
}

function MoveButton({ what, keyName, direction, label }: { what: "page" | "question"; keyName: string; direction: Direction; label: string }) {
  const { t } = useTranslation(NS);
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="key" value={keyName} />
      <input type="hidden" name="direction" value={direction} />
      <Button name="intent" value={`move-${what}`} variant="secondary" className="govuk-!-margin-bottom-1 govuk-!-margin-right-1">
        {t(direction === "up" ? "overview.moveUp" : "overview.moveDown")}
        <span className="govuk-visually-hidden"> {label}</span>
      </Button>
    </Form>
  );
}

export default function SurveyOverview() {
  const { t, i18n } = useTranslation(NS);
  const { t: ta } = useTranslation("admin");
  const { t: tl } = useTranslation("survey-admin");
  const { survey, definition, targets, counts, references, done, lifecycleDone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { items } = useBuilderErrors(actionData, ["form"], { form: survey.editable ? "pages" : "locked" });
  const conditionWords = useConditionWords(targets, references.districts);
  const editable = survey.editable;
  const when = (value: string | null) => (value ? formatUkDateTime(value, i18n.language, tl, "short") : t("overview.notSet"));
  const area = (n: number | null | undefined) => (n == null ? null : (references.areas.find((a) => a.number === n)?.title ?? String(n)));
  const group = (slug: string | null | undefined) => (slug ? (references.groups.find((g) => g.slug === slug)?.name ?? slug) : null);
  const path = (page = "") => surveyPath(survey.id, page);

  return (
    <>
      <Breadcrumbs items={[{ text: ta("home.title"), href: "/admin" }, { text: t("breadcrumbs.surveys"), href: "/admin/surveys" }, { text: survey.title }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={items} />
          {done ? <NotificationBanner type={done.message === "unchanged" ? "important" : "success"} heading={t(`done.${done.message}`, { name: done.name })} /> : null}
          {lifecycleDone ? <NotificationBanner type="success" heading={tl(`done.${lifecycleDone}`)} /> : null}
          <span className="govuk-caption-l">{t("caption")}</span>
          <h1 className="govuk-heading-l">{survey.title}</h1>
          <SummaryList
            rows={[
              { key: t("overview.state"), value: <StateTag state={survey.state} /> },
              { key: t("overview.audience"), value: t(`audiences.${survey.audience}`) },
              { key: t("overview.opens"), value: when(survey.opensAt) },
              { key: t("overview.closes"), value: when(survey.closesAt) },
              {
                key: t("overview.version"),
                value: (
                  <>
                    {survey.lockedAt
                      ? t("overview.versionLocked", { number: survey.versionNumber, date: formatDate(survey.lockedAt, i18n.language) })
                      : t("overview.versionNotLocked", { number: survey.versionNumber })}{" "}
                    {survey.lockedAt ? <Tag colour="grey">{t("overview.locked")}</Tag> : null}
                  </>
                ),
              },
              { key: t("overview.responses"), value: t("overview.responseCounts", { submitted: counts.submitted, started: counts.started }) },
              {
                key: t("overview.minutes"),
                value: t("overview.minutesValue", { count: definition.estimatedMinutes }),
                actions: editable ? [{ href: path("details"), visuallyHiddenText: t("overview.minutesHidden") }] : [],
              },
              { key: t("overview.purpose"), value: englishOf(definition.purpose), actions: editable ? [{ href: path("details"), visuallyHiddenText: t("overview.purposeHidden") }] : [] },
              { key: t("overview.howUsed"), value: englishOf(definition.howUsed), actions: editable ? [{ href: path("details"), visuallyHiddenText: t("overview.howUsedHidden") }] : [] },
            ]}
          />
          {!editable && survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        </div>
        <div className="govuk-grid-column-one-third">
          <nav aria-labelledby="builder-pages-heading" className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-s" id="builder-pages-heading">
              {t("overview.contentHeading")}
            </h2>
            <ul className="govuk-list">
              {editable ? (
                <li>
                  <a className="govuk-link" href={path("details")}>
                    {t("overview.links.details")}
                  </a>
                </li>
              ) : null}
              <li>
                <a className="govuk-link" href={path("texts")}>
                  {t("overview.links.texts")}
                </a>
              </li>
              <li>
                <a className="govuk-link" href={path("preview")}>
                  {t("overview.links.preview")}
                </a>
              </li>
            </ul>
          </nav>
          <SurveyPagesNav id={survey.id} current="overview" />
        </div>
      </div>

      <h2 className="govuk-heading-l govuk-!-margin-top-6" id="pages" tabIndex={-1}>
        {t("overview.pagesHeading")}
      </h2>
      {definition.pages.length === 0 ? <p className="govuk-body">{t("overview.noPages")}</p> : null}
      {definition.pages.map((page, p) => {
        const pageTitle = englishOf(page.title) || page.key;
        const pageLabel = t("overview.pageLabel", { number: p + 1 });
        const pageCondition = conditionWords(page.condition);
        return (
          <section key={page.key} id={`page-${page.key}`} aria-labelledby={`page-${page.key}-heading`} className="govuk-!-margin-bottom-8" tabIndex={-1}>
            <h3 className="govuk-heading-m" id={`page-${page.key}-heading`}>
              {t("overview.pageHeading", { number: p + 1, title: pageTitle })}
            </h3>
            <p className="govuk-body">
              {t("overview.pageKey")} <code>{page.key}</code>
              {". "}
              {pageCondition ? t("overview.shownOnlyIf", { condition: pageCondition }) : t("overview.pageAlways")}
            </p>
            {editable ? (
              <div className="govuk-button-group">
                <a className="govuk-link" href={path(`pages/${page.key}`)}>
                  {t("overview.change")}
                  <span className="govuk-visually-hidden"> {pageLabel}</span>
                </a>
                <a className="govuk-link" href={`${path("questions/new")}?page=${encodeURIComponent(page.key)}`}>
                  {t("overview.addQuestion")}
                  <span className="govuk-visually-hidden"> {t("overview.toPage", { number: p + 1 })}</span>
                </a>
                {p > 0 ? <MoveButton what="page" keyName={page.key} direction="up" label={pageLabel} /> : null}
                {p < definition.pages.length - 1 ? <MoveButton what="page" keyName={page.key} direction="down" label={pageLabel} /> : null}
              </div>
            ) : null}
            <Table
              caption={t("overview.questionsCaption", { number: p + 1 })}
              captionSize="s"
              firstCellIsHeader
              rowKeys={page.questions.map((q) => q.key)}
              columns={[
                { header: t("overview.columns.question") },
                { header: t("overview.columns.type") },
                { header: t("overview.columns.shownIf") },
                { header: t("overview.columns.analysis") },
                ...(editable ? [{ header: <span className="govuk-visually-hidden">{t("overview.columns.actions")}</span> }] : []),
              ]}
              rows={page.questions.map((q, i) => {
                const text = englishOf(q.text);
                const label = t("overview.questionLabel", { key: q.key });
                const analysis = [
                  area(q.areaOfConcern) ? t("overview.area", { number: q.areaOfConcern, title: area(q.areaOfConcern) }) : null,
                  group(q.workingGroup) ? t("overview.group", { name: group(q.workingGroup) }) : null,
                  q.about ? t("overview.aboutYou", { kind: t(`about.${q.about}`) }) : null,
                ].filter(Boolean);
                return [
                  <span key="q" id={`question-${q.key}`} tabIndex={-1}>
                    {text}
                    <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-size-16">
                      {t("overview.questionKey")} <code>{q.key}</code>
                    </span>
                  </span>,
                  <span key="type">
                    {t(`types.${q.type}`)}
                    <br />
                    {q.required ? t("overview.required") : t("overview.optional")}
                  </span>,
                  q.condition ? t("overview.onlyIf", { condition: conditionWords(q.condition) }) : t("overview.always"),
                  analysis.length ? (
                    <ul key="analysis" className="govuk-list govuk-!-font-size-16">
                      {analysis.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  ) : (
                    t("overview.none")
                  ),
                  ...(editable
                    ? [
                        <div key="actions">
                          <ul className="govuk-list">
                            <li>
                              <a className="govuk-link" href={path(`questions/${q.key}`)}>
                                {t("overview.change")}
                                <span className="govuk-visually-hidden"> {label}</span>
                              </a>
                            </li>
                            <li>
                              <a className="govuk-link" href={path(`questions/${q.key}/condition`)}>
                                {t("overview.condition")}
                                <span className="govuk-visually-hidden"> {label}</span>
                              </a>
                            </li>
                          </ul>
                          {i > 0 ? <MoveButton what="question" keyName={q.key} direction="up" label={label} /> : null}
                          {i < page.questions.length - 1 ? <MoveButton what="question" keyName={q.key} direction="down" label={label} /> : null}
                        </div>,
                      ]
                    : []),
                ];
              })}
            />
          </section>
        );
      })}
      {editable ? (
        <p className="govuk-body">
          <a className="govuk-button govuk-button--secondary" href={path("pages/new")}>
            {t("overview.addPage")}
          </a>
        </p>
      ) : null}
    </>
  );
}
