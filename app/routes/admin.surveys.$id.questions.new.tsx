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
import { addQuestion, englishOf, findPage, parseQuestionForm, surveyPath } from "~/surveys/builder";
import { LockedNotice, NS, QUESTION_FIELD_ORDER, QuestionFields, useBuilderErrors } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, getBuilderReferences, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { formValues } from "~/utils/form-data";

export const handle = { i18n: ["common", NS] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, NS);
  const asked = new URL(request.url).searchParams.get("page") ?? "";
  const pages = survey.definition.pages.map((p) => ({ key: p.key, title: englishOf(p.title) || p.key }));
  const { areas, groups } = await getBuilderReferences(context.db);
  return json({
    pageTitle: t("question.newTitle"),
    survey: surveySummary(survey),
    pages,
    page: findPage(survey.definition, asked)?.key ?? pages.at(-1)?.key ?? "",
    references: { areas, groups },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const references = await getBuilderReferences(context.db);
  const parsed = parseQuestionForm(formData, { areaNumbers: references.areas.map((a) => a.number), groupSlugs: references.groups.map((g) => g.slug) });
  if (!parsed.ok) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors, params: parsed.params }, formValues(formData));
  const page = String(formData.get("page") ?? "");
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by: changedBy(user, context),
    action: "survey.question-added",
    details: { key: parsed.data.key, page },
    edit: (d) => addQuestion(d, page, parsed.data),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: "questionAdded", name: parsed.data.key, anchor: `question-${parsed.data.key}` });
}

export default function NewQuestion() {
  const { t } = useTranslation(NS);
  const { survey, pages, page, references } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, QUESTION_FIELD_ORDER);
  const typed = actionData?.values;
  const value = (field: string, fallback = "") => {
    const v = typed?.[field];
    return typed ? (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")) : fallback;
  };
  const values = Object.fromEntries(
    ["key", "text", "hint", "type", "options", "min", "max", "areaOfConcern", "workingGroup", "about"].map((f) => [f, value(f)]),
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={items} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("question.newTitle")}</h1>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {pages.length === 0 ? (
          <p className="govuk-body">
            {t("question.noPages")}{" "}
            <a className="govuk-link" href={surveyPath(survey.id, "pages/new")}>
              {t("overview.addPage")}
            </a>
          </p>
        ) : survey.editable || actionData?.lock ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <QuestionFields
              values={{ ...values, page: value("page", page), required: value("required", "yes"), allowDontKnow: value("allowDontKnow", "yes") }}
              error={error}
              references={references}
              pages={pages}
            />
            <Button>{t("question.add")}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
