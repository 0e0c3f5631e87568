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
import { allTargets, deleteQuestion, englishOf, locateQuestion, parseQuestionForm, questionFormValues, surveyPath, updateQuestion } from "~/surveys/builder";
import { LockedNotice, NS, QUESTION_FIELD_ORDER, QuestionFields, useBuilderErrors, useConditionWords } from "~/surveys/builder-components";
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
  const confirmDelete = new URL(request.url).searchParams.get("delete") === "1";
  const references = await getBuilderReferences(context.db);
  return json({
    pageTitle: confirmDelete ? t("question.deleteTitle", { key: place.question.key }) : t("question.editTitle", { key: place.question.key }),
    survey: surveySummary(survey),
    question: { key: place.question.key, text: englishOf(place.question.text), condition: place.question.condition ?? null },
    current: questionFormValues(place.question, place.page.key),
    pages: survey.definition.pages.map((p) => ({ key: p.key, title: englishOf(p.title) || p.key })),
    targets: allTargets(survey.definition),
    references,
    confirmDelete,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "surveys.manage");
  const survey = await requireBuilderSurvey(request, context, params.id);
  const key = params.key ?? "";
  if (!locateQuestion(survey.definition, key)) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent") ?? "save";
  const by = changedBy(user, context);

  if (intent === "delete") {
    const result = await editSurvey(context.db, { surveyId: survey.id, now: context.now(), by, action: "survey.question-deleted", details: { key }, edit: (d) => deleteQuestion(d, key) });
    if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
    return redirectToSurvey(context, survey.id, { done: "questionDeleted", name: key, anchor: "pages" });
  }
  if (intent !== "save") throw await httpError(request, 400, "bad-request");
  const references = await getBuilderReferences(context.db);
  const parsed = parseQuestionForm(formData, { areaNumbers: references.areas.map((a) => a.number), groupSlugs: references.groups.map((g) => g.slug) });
  if (!parsed.ok) return builderRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors, params: parsed.params }, formValues(formData));
  const page = formData.get("page");
  const result = await editSurvey(context.db, {
    surveyId: survey.id,
    now: context.now(),
    by,
    action: "survey.question-updated",
    details: { key, newKey: parsed.data.key },
    edit: (d) => updateQuestion(d, key, { ...parsed.data, page: typeof page === "string" && page ? page : undefined }),
  });
  if (!result.ok) return builderRefusal(request, context, result, formValues(formData));
  return redirectToSurvey(context, survey.id, { done: "questionUpdated", name: parsed.data.key, changed: result.changed, anchor: `question-${parsed.data.key}` });
}

export default function EditQuestion() {
  const { t } = useTranslation(NS);
  const { survey, question, current, pages, targets, references, confirmDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { error, items } = useBuilderErrors(actionData, QUESTION_FIELD_ORDER);
  const conditionWords = useConditionWords(targets, references.districts);
  const typed = actionData?.values;
  const editable = survey.editable || Boolean(actionData?.lock);
  const questionPath = surveyPath(survey.id, `questions/${question.key}`);
  const values = typed
    ? Object.fromEntries(Object.keys(current).map((f) => [f, [typed[f] ?? ""].flat()[0] ?? ""]))
    : current;
  const condition = conditionWords(question.condition);

  if ((confirmDelete || typed?.intent === "delete") && editable) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href={questionPath}>{t("back")}</BackLink>
          <ErrorSummary errors={items} />
          <span className="govuk-caption-l">{survey.title}</span>
          <h1 className="govuk-heading-l">{t("question.deleteTitle", { key: question.key })}</h1>
          {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
          <p className="govuk-body">{t("question.deleteExplain", { text: question.text })}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <div className="govuk-button-group">
              <Button name="intent" value="delete" variant="warning">
                {t("question.deleteConfirm")}
              </Button>
              <a className="govuk-link" href={questionPath}>
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
        <h1 className="govuk-heading-l">{t("question.editTitle", { key: question.key })}</h1>
        {survey.lock ? <LockedNotice surveyId={survey.id} lock={survey.lock} canMakeNewVersion={survey.canMakeNewVersion} versionNumber={survey.versionNumber} /> : null}
        {editable ? (
          <>
            <p className="govuk-body">
              {condition ? t("overview.shownOnlyIf", { condition }) : t("question.noCondition")}{" "}
              <a className="govuk-link" href={`${questionPath}/condition`}>
                {t("question.changeCondition")}
              </a>
            </p>
            <Form method="post" noValidate>
              <CsrfInput />
              <QuestionFields values={values} error={error} references={references} pages={pages} />
              <Button name="intent" value="save">
                {t("save")}
              </Button>
            </Form>
            <h2 className="govuk-heading-m govuk-!-margin-top-6">{t("question.deleteHeading")}</h2>
            <a className="govuk-button govuk-button--warning" href={`${questionPath}?delete=1`}>
              {t("question.delete")}
            </a>
          </>
        ) : null}
      </div>
    </div>
  );
}
