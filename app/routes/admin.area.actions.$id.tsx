import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { getAction, listAreasOfConcern, updateAction } from "~/area/plan.server";
import { ActionSchema, listValue, oneValue, orderErrors } from "~/area/schemas";
import { listWorkingGroups } from "~/area/working-groups.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { Table } from "~/components/table";
import { RagTag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["title", "leadRole", "successMeasures", "workingGroupIds", "areaOfConcernIds"];
const LEAD_ROLE_EXAMPLE = "Head of Service – SEND";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const action = await getAction(context.db, params.id ?? "");
  if (!action) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  const groups = await listWorkingGroups(context.db);
  const concerns = await listAreasOfConcern(context.db);
  return json({ pageTitle: t("action.editTitle", { letter: action.letter }), action, groups, concerns });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const existing = await getAction(context.db, params.id ?? "");
  if (!existing) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(ActionSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateAction(context.db, { id: existing.id, action: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "actionUpdated", name: existing.letter });
}

export default function EditAction() {
  const { t } = useTranslation("area-admin");
  const { action: item, groups, concerns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key) }))} />
        <span className="govuk-caption-l">{t("action.caption")}</span>
        <h1 className="govuk-heading-l">{t("action.heading", { letter: item.letter })}</h1>
        <Form method="post" noValidate key={item.id}>
          <CsrfInput />
          <Textarea name="title" label={t("fields.title")} rows={3} defaultValue={posted ? oneValue(posted.title) : item.title} error={error("title")} />
          <TextInput
            name="leadRole"
            label={t("fields.leadRole")}
            hint={t("fields.leadRoleHint", { example: LEAD_ROLE_EXAMPLE })}
            optional
            autoComplete="off"
            defaultValue={posted ? oneValue(posted.leadRole) : item.lead_role}
            error={error("leadRole")}
          />
          <Textarea
            name="successMeasures"
            label={t("fields.successMeasures")}
            hint={t("fields.successMeasuresHint")}
            optional
            defaultValue={posted ? oneValue(posted.successMeasures) : item.success_measures}
            error={error("successMeasures")}
          />
          <Checkboxes
            name="workingGroupIds"
            legend={t("fields.workingGroups")}
            legendSize="m"
            hint={t("fields.workingGroupsHint")}
            error={error("workingGroupIds")}
            defaultValues={posted ? listValue(posted.workingGroupIds) : item.workingGroupIds.map(String)}
            choices={groups.map((g) => ({ value: String(g.id), label: g.name }))}
          />
          <Checkboxes
            name="areaOfConcernIds"
            legend={t("fields.areasOfConcern")}
            legendSize="m"
            hint={t("fields.areasOfConcernHint")}
            error={error("areaOfConcernIds")}
            defaultValues={posted ? listValue(posted.areaOfConcernIds) : item.areaOfConcernIds.map(String)}
            choices={concerns.map((c) => ({ value: String(c.id), label: `${c.number}. ${c.plain_title || c.title}`, hint: c.plain_title ? c.title : undefined }))}
          />
          <Button name="intent" value="save">
            {t("action.submit")}
          </Button>
        </Form>

        <h2 className="govuk-heading-m">{t("fields.tasks")}</h2>
        {item.tasks.length ? (
          <Table
            caption={t("overview.actions.tasksCaption", { letter: item.letter })}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("fields.code") }, { header: t("fields.description") }, { header: t("fields.rag") }, { header: <span className="govuk-visually-hidden">{t("fields.actions")}</span> }]}
            rowKeys={item.tasks.map((task) => String(task.id))}
            rows={item.tasks.map((task) => [
              task.code,
              task.description,
              <RagTag key="rag" status={task.rag} />,
              <a key="change" className="govuk-link" href={`/admin/area/tasks/${task.id}`}>
                {t("change")}
                <span className="govuk-visually-hidden"> {t("overview.actions.changeTaskHidden", { code: task.code })}</span>
              </a>,
            ])}
          />
        ) : (
          <p className="govuk-body">{t("overview.actions.noTasks", { letter: item.letter })}</p>
        )}
        <p className="govuk-body">
          <a className="govuk-link" href={`/admin/area/actions/${item.id}/tasks/new`}>
            {t("overview.actions.addTask", { letter: item.letter })}
          </a>
        </p>
      </div>
    </div>
  );
}
