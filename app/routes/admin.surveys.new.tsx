import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { LIMITS, NewSurveySchema, surveyPath, SURVEYS_ADMIN } from "~/surveys/lifecycle";
import { errorItems } from "~/surveys/lifecycle-components";
import { IdentityFields } from "~/surveys/lifecycle-fields";
import { answerRefusal, byFor, redirectDone } from "~/surveys/lifecycle-routes.server";
import { createDraftSurvey } from "~/surveys/lifecycle.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "survey-admin"] };

const ORDER = ["title", "slug", "audience", "series", "wave", "access"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const t = await i18next.getFixedT(request, "survey-admin");
  return json({ pageTitle: t("create.title") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const formData = await readForm(request, context);
  const parsed = parseForm(NewSurveySchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createDraftSurvey(context.db, { input: parsed.data, by: byFor(user, context) });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  return redirectDone(context, surveyPath(result.id), "created");
}

export default function NewSurvey() {
  const { t } = useTranslation("survey-admin");
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={SURVEYS_ADMIN}>{t("backToList")}</BackLink>
        <ErrorSummary errors={errorItems(errors, ORDER, t)} />
        <h1 className="govuk-heading-l">{t("create.title")}</h1>
        <p className="govuk-body">{t("create.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput
            name="title"
            label={t("fields.title")}
            hint={t("fields.titleHint")}
            defaultValue={values.title}
            maxLength={LIMITS.title}
            error={errors.title ? t(errors.title) : undefined}
            lang="en-GB"
          />
          <IdentityFields values={values} errors={errors} />
          <Button>{t("create.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
