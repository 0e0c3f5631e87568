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
import { conditionFromForm, conditionTargets, englishOf, locateQuestion, setCondition, surveyPath } from "~/surveys/builder";
import { ConditionFields, LockedNotice, NS, useBuilderErrors } from "~/surveys/builder-components";
import { builderRefusal, changedBy, editSurvey, getBuilderReferences, redirectToSurvey, requireBuilderSurvey, surveySummary } from "~/surveys/builder.server";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", NS] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const place = locateQuestion(survey.definition, params.key ?? "");
  if (!place) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, NS);
  return json({
    pageTitle: t("conditionPage.title", { key: place.question.key }),
    survey: surveySummary(survey),
    question: { key: place.question.key, text: englishOf(place.question.text), condition: place.question.condition ?? null },
    targets: conditionTargets(survey.definition, { question: place.question.key }),
    districts: (await getBuilderReferences(context.db)).districts,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const key = params.key ?? "";
  if (!locateQuestion(survey.definition, key)) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent") ?? "save";
  if (intent !== "save" && intent !== "remove") throw await httpError(request, 400, "bad-request");
  let condition = null;
  if (intent === "save") {
    const parsed = conditionFromForm(formData);
    if (!parsed.ok) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: { showIf: parsed.error } }, formValues(formData));
    // Saving with nothing ticked is a mistake, not a way to remove it: that has its own button.
    if (!parsed.condition) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: { showIf: "errors.conditionNoAnswers" } }, formValues(formData));
    condition = parsed.condition;
  }
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by: changedBy(user, context),
    action: condition ? "survey.condition-set" : "survey.condition-removed",
    details: { key, ...(condition ? { condition } : {}) },
    edit: (d) => setCondition(d, key, condition),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: condition ? "conditionSet" : "conditionRemoved", name: key, changed: result.changed, anchor: `question-${key}` });
}

export default function QuestionCondition() {
  const { t } = useTranslation(NS);
  const { survey, question, targets, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, ["form", "showIf"]);
  const typed = actionData?.values;
  const editable = survey.editable || Boolean(actionData?.lock);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={surveyPath(survey.id, `questions/${question.key}`)}>{t("back")}</BackLink>
        <ErrorSummary errors={items} />
        <span className="govuk-caption-l">{survey.title}</span>
        <h1 className="govuk-heading-l">{t("conditionPage.heading")}</h1>
        <p className="govuk-body-l">{question.text}</p>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {editable ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <ConditionFields
              targets={targets}
              current={question.condition}
              heading={t("conditionPage.pick")}
              hint={t("conditionPage.hint")}
              error={error("showIf")}
              districts={districts}
              checked={typed ? [typed.showIf ?? []].flat() : undefined}
            />
            <div className="govuk-button-group">
              {targets.length ? (
                <Button name="intent" value="save">
                  {t("conditionPage.save")}
                </Button>
              ) : null}
              {question.condition ? (
                <Button name="intent" value="remove" variant="secondary">
                  {t("conditionPage.remove")}
                </Button>
              ) : null}
            </div>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
