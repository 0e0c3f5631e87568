import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ActivityForm } from "~/co-production/activity-form";
import { getFormOptions, updateActivity } from "~/co-production/co-production.server";
import { ukToday } from "~/surveys/uk-time";
import { linkedFeedback } from "~/co-production/feedback-links.server";
import { answerRefusal, byFor, formValuesOf, redirectDone, requireActivity } from "~/co-production/routes.server";
import { activityPath } from "~/co-production/urls";
import { editRefusal, parseActivity } from "~/co-production/rules";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "co-production"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, activity } = await requireActivity(request, context, params.id, "co-production.edit");
  // A closed activity is a finished record: its page says so, and there is nothing to change.
  if (editRefusal(activity.state)) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "co-production");
  const options = await getFormOptions(context.db);
  const groups = user.role === "group_member" ? options.groups.filter((g) => user.workingGroupIds.includes(g.id)) : options.groups;
  return json({
    pageTitle: t("admin.form.editTitle", { title: activity.title }),
    id: activity.id,
    title: activity.title,
    confirmed: activity.level_confirmed_at !== null,
    values: formValuesOf(activity, (await linkedFeedback(context.db, activity.id, user)).items.map((f) => f.reference)),
    options: { ...options, groups },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, activity } = await requireActivity(request, context, params.id, "co-production.edit");
  const formData = await readForm(request, context);
  const values = formValues(formData);
  const parsed = parseActivity(values, ukToday(context.now()));
  if (!parsed.ok) return formErrors(context, parsed.errors, values);
  const result = await updateActivity(context.db, { id: activity.id, input: parsed.data, by: byFor(user, context), now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, values);
  return redirectDone(context, activityPath(activity.id), "updated");
}

export default function EditActivity() {
  const { t } = useTranslation("co-production");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={activityPath(data.id)}>{t("admin.backTo", { title: data.title })}</BackLink>
        <span className="govuk-caption-l">{data.title}</span>
        <h1 className="govuk-heading-l">{t("admin.form.editHeading")}</h1>
        {data.confirmed ? <p className="govuk-inset-text">{t("admin.form.reconfirmNote")}</p> : null}
        <ActivityForm values={actionData?.values ?? data.values} errors={actionData?.errors ?? {}} options={data.options} submit={<Button>{t("admin.form.saveChanges")}</Button>} />
      </div>
    </div>
  );
}
