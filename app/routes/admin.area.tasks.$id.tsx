import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, redirectToOverview } from "~/area/area-admin.server";
import { getTask, updateTask } from "~/area/plan.server";
import { dateErrorParts, dateToParts, oneValue, orderErrors, RAG_VALUES, TaskSchema } from "~/area/schemas";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["description", "leadRole", "dueText", "dueDate", "outcome", "rag"];
const LEAD_ROLE_EXAMPLE = "SEND Reforms Manager";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const task = await getTask(context.db, params.id ?? "");
  if (!task) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({ pageTitle: t("task.editTitle", { code: task.code }), task });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const task = await getTask(context.db, params.id ?? "");
  if (!task) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(TaskSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateTask(context.db, { id: task.id, task: parsed.data, by: changedBy(user, context), now: context.now() });
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors, formValues(formData));
  }
  return redirectToOverview(context, { done: "taskUpdated", name: task.code, changed: Object.keys(result.changes).length > 0 });
}

export default function EditTask() {
  const { t } = useTranslation("area-admin");
  const { task } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  const due = posted
    ? { day: oneValue(posted["dueDate-day"]) ?? "", month: oneValue(posted["dueDate-month"]) ?? "", year: oneValue(posted["dueDate-year"]) ?? "" }
    : dateToParts(task.due_date);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key) }))} />
        <span className="govuk-caption-l">{t("task.caption", { letter: task.action_letter })}</span>
        <h1 className="govuk-heading-l">{t("task.heading", { code: task.code })}</h1>
        <SummaryList
          rows={[
            {
              key: t("action.heading", { letter: task.action_letter }),
              value: (
                <a className="govuk-link" href={`/admin/area/actions/${task.action_id}`}>
                  {task.action_title}
                </a>
              ),
            },
          ]}
        />
        <Form method="post" noValidate key={task.id}>
          <CsrfInput />
          <Textarea
            name="description"
            label={t("fields.description")}
            hint={t("fields.descriptionHint")}
            rows={3}
            defaultValue={posted ? oneValue(posted.description) : task.description}
            error={error("description")}
          />
          <TextInput
            name="leadRole"
            label={t("fields.leadRole")}
            hint={t("fields.leadRoleHint", { example: LEAD_ROLE_EXAMPLE })}
            optional
            autoComplete="off"
            defaultValue={posted ? oneValue(posted.leadRole) : task.lead_role}
            error={error("leadRole")}
          />
          <TextInput
            name="dueText"
            label={t("fields.dueText")}
            hint={t("fields.dueTextHint")}
            optional
            autoComplete="off"
            width="20"
            defaultValue={posted ? oneValue(posted.dueText) : task.due_text}
            error={error("dueText")}
          />
          <DateInput
            name="dueDate"
            legend={t("fields.dueDate")}
            legendSize="s"
            hint={t("fields.dueDateHint")}
            error={error("dueDate")}
            errorParts={dateErrorParts(errors.dueDate, due)}
            defaultValue={due}
          />
          <Textarea
            name="outcome"
            label={t("fields.outcome")}
            hint={t("fields.outcomeHint")}
            optional
            defaultValue={posted ? oneValue(posted.outcome) : task.outcome}
            error={error("outcome")}
          />
          <Radios
            name="rag"
            legend={t("fields.rag")}
            legendSize="s"
            error={error("rag")}
            defaultValue={posted ? oneValue(posted.rag) : task.rag}
            choices={RAG_VALUES.map((rag) => ({ value: rag, label: t(`rag.${rag}`), hint: t(`rag.${rag}Hint`) }))}
          />
          <Button name="intent" value="save">
            {t("task.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
