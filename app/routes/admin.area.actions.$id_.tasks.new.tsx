// "$id_" in the file name: a page of its own at /admin/area/actions/:id/tasks/new, not nested in the action's page.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { createTask, getAction } from "~/area/plan.server";
import { NewTaskSchema, oneValue, orderErrors } from "~/area/schemas";
import { TaskFields } from "~/area/task-fields";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["code", "description", "leadRole", "dueText", "dueDate", "outcome", "rag"];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const action = await getAction(context.db, params.id ?? "");
  if (!action) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({
    pageTitle: t("task.newTitle", { letter: action.letter }),
    action: { id: action.id, letter: action.letter, title: action.title, nextTaskCode: action.nextTaskCode },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const existing = await getAction(context.db, params.id ?? "");
  if (!existing) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(NewTaskSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createTask(context.db, { actionId: existing.id, task: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "taskCreated", name: parsed.data.code });
}

export default function NewTask() {
  const { t } = useTranslation("area-admin");
  const { action: item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const vars = { letter: item.letter, example: item.nextTaskCode };
  const error = (field: string) => (errors[field] ? t(errors[field], vars) : undefined);
  const due = { day: oneValue(posted?.["dueDate-day"]) ?? "", month: oneValue(posted?.["dueDate-month"]) ?? "", year: oneValue(posted?.["dueDate-year"]) ?? "" };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key, vars) }))} />
        <span className="govuk-caption-l">{item.title}</span>
        <h1 className="govuk-heading-l">{t("task.newTitle", { letter: item.letter })}</h1>
        <Form method="post" noValidate key={item.id}>
          <CsrfInput />
          <TextInput
            name="code"
            label={t("fields.code")}
            hint={t("fields.codeHint", { example: item.nextTaskCode })}
            autoComplete="off"
            spellCheck={false}
            width="5"
            defaultValue={posted ? oneValue(posted.code) : item.nextTaskCode}
            error={error("code")}
          />
          <TaskFields
            errors={errors}
            vars={vars}
            values={{
              description: oneValue(posted?.description),
              leadRole: oneValue(posted?.leadRole),
              dueText: oneValue(posted?.dueText),
              due,
              outcome: oneValue(posted?.outcome),
              rag: oneValue(posted?.rag),
            }}
          />
          <Button name="intent" value="save">
            {t("task.submitNew")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
