import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { getTask, updateTask } from "~/area/plan.server";
import { dateToParts, oneValue, orderErrors, TaskSchema } from "~/area/schemas";
import { TaskFields } from "~/area/task-fields";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["description", "leadRole", "dueText", "dueDate", "outcome", "rag"];

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
  return answerWrite(request, context, result, formData, { done: "taskUpdated", name: task.code });
}

export default function EditTask() {
  const { t } = useTranslation("area-admin");
  const { task } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
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
          <TaskFields
            errors={errors}
            values={{
              description: posted ? oneValue(posted.description) : task.description,
              leadRole: posted ? oneValue(posted.leadRole) : task.lead_role,
              dueText: posted ? oneValue(posted.dueText) : task.due_text,
              due,
              outcome: posted ? oneValue(posted.outcome) : task.outcome,
              rag: posted ? oneValue(posted.rag) : task.rag,
            }}
          />
          <Button name="intent" value="save">
            {t("task.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
