import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ActivityForm } from "~/co-production/activity-form";
import { createActivity, getFormOptions } from "~/co-production/co-production.server";
import { ukToday } from "~/surveys/uk-time";
import { answerRefusal, byFor, redirectDone } from "~/co-production/routes.server";
import { activityPath, COPRO_ADMIN } from "~/co-production/urls";
import { parseActivity } from "~/co-production/rules";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "co-production"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "co-production.edit");
  const t = await i18next.getFixedT(request, "co-production");
  const options = await getFormOptions(context.db);
  // A group member records activities for their own groups only.
  const groups = user.role === "group_member" ? options.groups.filter((g) => user.workingGroupIds.includes(g.id)) : options.groups;
  return json({ pageTitle: t("admin.form.newTitle"), options: { ...options, groups } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "co-production.edit");
  const formData = await readForm(request, context);
  const values = formValues(formData);
  const parsed = parseActivity(values, ukToday(context.now()));
  if (!parsed.ok) return formErrors(context, parsed.errors, values);
  const result = await createActivity(context.db, { input: parsed.data, by: byFor(user, context), now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, values);
  return redirectDone(context, activityPath(result.id), "created");
}

export default function NewActivity() {
  const { t } = useTranslation("co-production");
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={COPRO_ADMIN}>{t("admin.backToList")}</BackLink>
        <h1 className="govuk-heading-l">{t("admin.form.newTitle")}</h1>
        <p className="govuk-body">{t("admin.form.intro")}</p>
        <ActivityForm values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} options={options} submit={<Button>{t("admin.form.saveNew")}</Button>} />
      </div>
    </div>
  );
}
