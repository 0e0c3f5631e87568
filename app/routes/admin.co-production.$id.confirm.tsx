import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { confirmLevel } from "~/co-production/co-production.server";
import { ActivitySummary } from "~/co-production/components";
import { answerRefusal, byFor, redirectDone, requireActivity, summaryOf } from "~/co-production/routes.server";
import { activityPath } from "~/co-production/urls";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";

export const handle = { i18n: ["common", "co-production"] };

/** The parent carer forum's reviewer confirms the level an officer recorded (docs/decisions/019-co-production-log.md). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { activity } = await requireActivity(request, context, params.id, "co-production.confirm");
  const t = await i18next.getFixedT(request, "co-production");
  return json({
    pageTitle: t("admin.confirm.title", { title: activity.title }),
    id: activity.id,
    level: activity.level,
    alreadyConfirmed: activity.level_confirmed_at !== null,
    summary: summaryOf(activity),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, activity } = await requireActivity(request, context, params.id, "co-production.confirm");
  await readForm(request, context);
  const result = await confirmLevel(context.db, { id: activity.id, by: byFor(user, context), now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result);
  return redirectDone(context, activityPath(activity.id), "confirmed");
}

export default function ConfirmLevel() {
  const { t } = useTranslation("co-production");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = Object.values((actionData?.errors ?? {}) as Record<string, string>).map((m) => ({ href: "confirm", text: t(m) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={activityPath(data.id)}>{t("admin.backTo", { title: data.summary.title })}</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.summary.title}</span>
        <h1 className="govuk-heading-l">{t("admin.confirm.heading")}</h1>
        <p className="govuk-body">{t("admin.confirm.intro", { level: t(`levels.${data.level}`) })}</p>
        <p className="govuk-body">{t("admin.confirm.ifNot")}</p>
        <ActivitySummary a={data.summary} />
        {data.alreadyConfirmed ? (
          <p className="govuk-inset-text">{t("admin.confirm.already")}</p>
        ) : (
          <Form method="post">
            <CsrfInput />
            <Button id="confirm">{t("admin.confirm.button", { level: t(`levels.${data.level}`) })}</Button>
          </Form>
        )}
      </div>
    </div>
  );
}
