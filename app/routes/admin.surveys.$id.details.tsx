import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { DetailsFormSchema, englishOf, LIMITS, surveyPath, updateDetails } from "~/surveys/builder";
import { LockedNotice, NS, useBuilderErrors, valueOf } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { formValues, parseForm } from "~/utils/form-data";

export const handle = { i18n: ["common", NS] };

const ORDER = ["form", "title", "purpose", "howUsed", "estimatedMinutes"];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, NS);
  const { definition } = survey;
  return json({
    pageTitle: t("details.title"),
    survey: surveySummary(survey),
    current: {
      title: englishOf(definition.title),
      purpose: englishOf(definition.purpose),
      howUsed: englishOf(definition.howUsed),
      estimatedMinutes: String(definition.estimatedMinutes),
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const formData = await readForm(request, context);
  const parsed = parseForm(DetailsFormSchema, formData);
  if (!parsed.ok) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors }, parsed.values);
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by: changedBy(user, context),
    action: "survey.details-updated",
    edit: (d) => updateDetails(d, parsed.data),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: "details", changed: result.changed });
}

export default function SurveyDetails() {
  const { t } = useTranslation(NS);
  const { survey, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, ORDER);
  const value = (field: string) => valueOf(actionData?.values, current, field);
  const showForm = survey.editable || actionData?.lock;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={items} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("details.title")}</h1>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {showForm ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <p className="govuk-body">{t("details.intro")}</p>
            <TextInput name="title" label={t("details.surveyTitle")} hint={t("details.surveyTitleHint")} autoComplete="off" defaultValue={value("title")} error={error("title")} />
            <Textarea name="purpose" label={t("details.purpose")} hint={t("details.purposeHint")} rows={4} maxLength={LIMITS.purpose} defaultValue={value("purpose")} error={error("purpose")} />
            <Textarea name="howUsed" label={t("details.howUsed")} hint={t("details.howUsedHint")} rows={4} maxLength={LIMITS.howUsed} defaultValue={value("howUsed")} error={error("howUsed")} />
            <TextInput
              name="estimatedMinutes"
              label={t("details.minutes")}
              hint={t("details.minutesHint")}
              inputMode="numeric"
              width="3"
              autoComplete="off"
              defaultValue={value("estimatedMinutes")}
              error={error("estimatedMinutes")}
            />
            <Button>{t("save")}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
