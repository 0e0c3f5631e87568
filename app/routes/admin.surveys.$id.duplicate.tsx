import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { DuplicateSchema, LIMITS, surveyPath } from "~/surveys/lifecycle";
import { errorItems, SurveyPagesNav } from "~/surveys/lifecycle-components";
import { answerRefusal, byFor, redirectDone, requireSurvey } from "~/surveys/lifecycle-routes.server";
import { duplicateSurvey } from "~/surveys/lifecycle.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "survey-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireSurvey(request, context, params.id);
  const t = await i18next.getFixedT(request, "survey-admin");
  return json({
    pageTitle: t("duplicate.title", { title: survey.title }),
    survey: { id: survey.id, title: survey.title, slug: survey.slug, series: survey.series, wave: survey.wave, versionNumber: survey.versionNumber },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const formData = await readForm(request, context);
  const parsed = parseForm(DuplicateSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await duplicateSurvey(context.db, { id: params.id, input: parsed.data, by: byFor(user, context), now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  return redirectDone(context, surveyPath(result.id), "duplicated");
}

export default function DuplicateSurvey() {
  const { t } = useTranslation("survey-admin");
  const { survey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id)}>{t("backToSurvey")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ["wave", "slug"], t)} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("duplicate.heading")}</h1>
        <SummaryList
          rows={[
            { key: t("duplicate.from"), value: survey.title },
            { key: t("fields.series"), value: survey.series },
            { key: t("duplicate.fromWave"), value: survey.wave },
            { key: t("duplicate.version"), value: survey.versionNumber ? String(survey.versionNumber) : "" },
          ]}
        />
        <p className="govuk-body">{t("duplicate.intro")}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t("duplicate.copied")}</li>
          <li>{t("duplicate.notCopied")}</li>
          <li>{t("duplicate.after")}</li>
        </ul>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="wave"
            label={t("duplicate.wave")}
            hint={t("fields.waveHint")}
            width="10"
            maxLength={LIMITS.wave}
            defaultValue={values.wave}
            error={errors.wave ? t(errors.wave) : undefined}
          />
          <TextInput
            name="slug"
            label={t("duplicate.slug")}
            hint={t("duplicate.slugHint", { slug: survey.slug })}
            maxLength={LIMITS.slug}
            spellCheck={false}
            autoCapitalize="none"
            defaultValue={values.slug}
            error={errors.slug ? t(errors.slug) : undefined}
          />
          <Button>{t("duplicate.submit")}</Button>
        </Form>
      </div>
      <div className="govuk-grid-column-one-third">
        <SurveyPagesNav id={survey.id} current="duplicate" />
      </div>
    </div>
  );
}
