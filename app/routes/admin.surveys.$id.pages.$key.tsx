import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { conditionTargets, deletePage, englishOf, findPage, parsePageForm, surveyPath, updatePage } from "~/surveys/builder";
import { ConditionFields, LockedNotice, NS, PageFields, useBuilderErrors } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, getBuilderReferences, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", NS] };

const ORDER = ["form", "pageKey", "pageTitle", "showIf"];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const page = findPage(survey.definition, params.key ?? "");
  if (!page) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, NS);
  const confirmDelete = new URL(request.url).searchParams.get("delete") === "1";
  const number = survey.definition.pages.indexOf(page) + 1;
  return json({
    pageTitle: confirmDelete ? t("page.deleteTitle", { number }) : t("page.editTitle", { number }),
    survey: surveySummary(survey),
    page: { key: page.key, number, title: englishOf(page.title), condition: page.condition ?? null, questions: page.questions.map((q) => ({ key: q.key, text: englishOf(q.text) })) },
    targets: conditionTargets(survey.definition, { page: page.key }),
    districts: (await getBuilderReferences(context.db)).districts,
    confirmDelete,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const key = params.key ?? "";
  if (!findPage(survey.definition, key)) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent") ?? "save";
  const by = changedBy(user, context);

  if (intent === "delete") {
    const result = await editSurvey(context.db, { surveyId: survey.id, now: context.now(), by, action: "survey.page-deleted", details: { key }, edit: (d) => deletePage(d, key) });
    if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
    return redirectToSurvey(context, survey.id, { done: "pageDeleted", name: key, anchor: "pages" });
  }
  if (intent !== "save") throw await httpError(request, 400, "bad-request");
  const parsed = parsePageForm(formData);
  if (!parsed.ok) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors }, formValues(formData));
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by,
    action: "survey.page-updated",
    details: { key, newKey: parsed.data.key },
    edit: (d) => updatePage(d, key, parsed.data),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: "pageUpdated", name: parsed.data.key, changed: result.changed, anchor: `page-${parsed.data.key}` });
}

export default function EditPage() {
  const { t } = useTranslation(NS);
  const { survey, page, targets, districts, confirmDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, ORDER);
  const typed = actionData?.values;
  const one = (field: string, fallback: string) => {
    const v = typed?.[field];
    return typed ? (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")) : fallback;
  };
  const deleting = confirmDelete || typed?.intent === "delete";
  const editable = survey.editable || Boolean(actionData?.lock);
  const pagePath = surveyPath(survey.id, `pages/${page.key}`);

  if (deleting && editable) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href={pagePath}>{t("back")}</BackLink>
          <ErrorSummary errors={items} />
          <span className="govuk-caption-l">{survey.title}</span>
          <h1 className="govuk-heading-l">{t("page.deleteTitle", { number: page.number })}</h1>
          {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
          <p className="govuk-body">{t("page.deleteExplain", { count: page.questions.length })}</p>
          <ul className="govuk-list govuk-list--bullet">
            {page.questions.map((q) => (
              <li key={q.key}>
                {q.text} (<code>{q.key}</code>)
              </li>
            ))}
          </ul>
          <Form method="post" noValidate>
            <CsrfInput />
            <div className="govuk-button-group">
              <Button name="intent" value="delete" variant="warning">
                {t("page.deleteConfirm")}
              </Button>
              <a className="govuk-link" href={pagePath}>
                {t("cancel")}
              </a>
            </div>
          </Form>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={items} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("page.editTitle", { number: page.number })}</h1>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {editable ? (
          <>
            <Form method="post" noValidate>
              <CsrfInput />
              <PageFields values={{ pageKey: one("pageKey", page.key), pageTitle: one("pageTitle", page.title) }} error={error} />
              <ConditionFields
                targets={targets}
                current={page.condition}
                heading={t("page.conditionHeading")}
                hint={t("page.conditionHint")}
                error={error("showIf")}
                districts={districts}
                checked={typed ? [typed.showIf ?? []].flat() : undefined}
              />
              <Button name="intent" value="save">
                {t("save")}
              </Button>
            </Form>
            <h2 className="govuk-heading-m govuk-!-margin-top-6">{t("page.deleteHeading")}</h2>
            <p className="govuk-body">{t("page.deleteExplain", { count: page.questions.length })}</p>
            <a className="govuk-button govuk-button--warning" href={`${pagePath}?delete=1`}>
              {t("page.delete")}
            </a>
          </>
        ) : null}
      </div>
    </div>
  );
}
