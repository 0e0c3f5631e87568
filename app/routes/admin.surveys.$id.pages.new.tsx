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
import { addPage, allTargets, parsePageForm, parseQuestionForm, surveyPath } from "~/surveys/builder";
import { ConditionFields, LockedNotice, NS, PageFields, QUESTION_FIELD_ORDER, QuestionFields, useBuilderErrors } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, getBuilderReferences, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { formValues } from "~/utils/form-data";

export const handle = { i18n: ["common", NS] };

const ORDER = ["form", "pageKey", "pageTitle", "showIf", ...QUESTION_FIELD_ORDER.filter((f) => f !== "form")];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, NS);
  return json({
    pageTitle: t("page.newTitle"),
    survey: surveySummary(survey),
    targets: allTargets(survey.definition),
    references: await getBuilderReferences(context.db),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const references = await getBuilderReferences(context.db);
  const page = parsePageForm(formData);
  const question = parseQuestionForm(formData, { areaNumbers: references.areas.map((a) => a.number), groupSlugs: references.groups.map((g) => g.slug) });
  if (!page.ok || !question.ok) {
    const errors = { ...(page.ok ? {} : page.errors), ...(question.ok ? {} : question.errors) };
    return builderRefusal(request, context, { ok: false, reason: "invalid", errors, params: question.ok ? undefined : question.params }, formValues(formData));
  }
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by: changedBy(user, context),
    action: "survey.page-added",
    details: { key: page.data.key, question: question.data.key },
    edit: (d) => addPage(d, page.data, question.data),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: "pageAdded", name: page.data.key, anchor: `page-${page.data.key}` });
}

export default function NewPage() {
  const { t } = useTranslation(NS);
  const { survey, targets, references } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, ORDER);
  const typed = actionData?.values;
  const values = (field: string, fallback = "") => {
    const v = typed?.[field];
    return typed ? (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")) : fallback;
  };
  const questionValues = Object.fromEntries(
    ["key", "text", "hint", "type", "options", "min", "max", "areaOfConcern", "workingGroup", "about"].map((f) => [f, values(f)]),
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={items} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("page.newTitle")}</h1>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {survey.editable || actionData?.lock ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <p className="govuk-body">{t("page.newIntro")}</p>
            <PageFields values={{ pageKey: values("pageKey"), pageTitle: values("pageTitle") }} error={error} />
            <ConditionFields
              targets={targets}
              current={null}
              heading={t("page.conditionHeading")}
              hint={t("page.conditionHint")}
              error={error("showIf")}
              districts={references.districts}
              checked={typed ? [typed.showIf ?? []].flat() : undefined}
            />
            <h2 className="govuk-heading-m">{t("page.firstQuestion")}</h2>
            <QuestionFields
              values={{ ...questionValues, required: values("required", "yes"), allowDontKnow: values("allowDontKnow", "yes") }}
              error={error}
              references={references}
            />
            <Button>{t("page.add")}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
