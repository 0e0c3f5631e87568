import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { oneValue, orderErrors, WorkingGroupSchema } from "~/area/schemas";
import { getWorkingGroup, updateWorkingGroup } from "~/area/working-groups.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { SummaryList } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["name", "purpose", "leadRole"];
const LEAD_ROLE_EXAMPLE = "SEND Reforms Manager";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const group = await getWorkingGroup(context.db, params.id ?? "");
  if (!group) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({ pageTitle: t("workingGroup.editTitle", { name: group.name }), group });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const group = await getWorkingGroup(context.db, params.id ?? "");
  if (!group) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(WorkingGroupSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateWorkingGroup(context.db, { id: group.id, group: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "workingGroupUpdated", name: parsed.data.name });
}

export default function EditWorkingGroup() {
  const { t } = useTranslation("area-admin");
  const { group } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key) }))} />
        <span className="govuk-caption-l">{t("workingGroup.caption", { number: group.number })}</span>
        <h1 className="govuk-heading-l">{group.name}</h1>
        <SummaryList
          rows={[
            { key: t("fields.number"), value: group.number },
            { key: t("fields.slug"), value: <code>{group.slug}</code> },
          ]}
        />
        <p className="govuk-body">{t("fields.numberAndSlug")}</p>
        <Form method="post" noValidate key={group.id}>
          <CsrfInput />
          <TextInput name="name" label={t("fields.name")} autoComplete="off" defaultValue={posted ? oneValue(posted.name) : group.name} error={error("name")} />
          <Textarea
            name="purpose"
            label={t("fields.purpose")}
            hint={t("fields.purposeHint")}
            maxLength={1000}
            defaultValue={posted ? oneValue(posted.purpose) : group.purpose}
            error={error("purpose")}
          />
          <TextInput
            name="leadRole"
            label={t("fields.leadRole")}
            hint={t("fields.leadRoleHint", { example: LEAD_ROLE_EXAMPLE })}
            optional
            autoComplete="off"
            defaultValue={posted ? oneValue(posted.leadRole) : group.lead_role}
            error={error("leadRole")}
          />
          <Button name="intent" value="save">
            {t("workingGroup.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
