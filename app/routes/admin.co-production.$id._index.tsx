import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { closeActivity, publishActivity } from "~/co-production/co-production.server";
import { ActivitySummary, StatusTag } from "~/co-production/components";
import { LinkedFeedbackList } from "~/co-production/feedback-links";
import { linkedFeedback } from "~/co-production/feedback-links.server";
import { answerRefusal, byFor, readDone, redirectDone, requireActivity, summaryOf } from "~/co-production/routes.server";
import { activityPath, COPRO_ADMIN } from "~/co-production/urls";
import { canEditActivity, closeRefusal, publishRefusal } from "~/co-production/rules";
import { readForm } from "~/security/csrf.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "co-production"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, activity } = await requireActivity(request, context, params.id, "co-production.read");
  const { done, headers } = await readDone(request, context);
  const editable = can(user.role, "co-production.edit") && canEditActivity(user, activity.working_group_id);
  return json(
    {
      pageTitle: activity.title,
      id: activity.id,
      status: activity.status,
      done,
      summary: summaryOf(activity),
      // The forum's reviewer does not triage feedback: a count, never the items.
      feedback: can(user.role, "feedback.triage")
        ? await linkedFeedback(context.db, activity.id, user)
        : { items: [], others: (await linkedFeedback(context.db, activity.id, { role: "none", workingGroupIds: [] })).others },
      canEdit: editable && activity.status !== "closed",
      canPublish: editable && activity.status === "draft",
      canClose: editable && activity.status === "published",
      // What stands in the way, said up front rather than only after a refused press.
      publishBlocked: activity.status === "draft" ? publishRefusal(activity.state) : null,
      closeBlocked: activity.status === "published" ? closeRefusal(activity.state) : null,
      canConfirm: can(user.role, "co-production.confirm") && activity.level_confirmed_at === null,
    },
    { headers: { ...headers, "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, activity } = await requireActivity(request, context, params.id, "co-production.edit");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  if (intent !== "publish" && intent !== "close") throw await httpError(request, 400, "bad-request");
  const args = { id: activity.id, by: byFor(user, context), now: context.now() };
  const result = intent === "publish" ? await publishActivity(context.db, args) : await closeActivity(context.db, args);
  if (!result.ok) return answerRefusal(request, context, result);
  return redirectDone(context, activityPath(activity.id), intent === "publish" ? "published" : "closed");
}

export default function Activity() {
  const { t } = useTranslation("co-production");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as Record<string, string>;
  const summary = Object.entries(errors).map(([, message]) => ({ href: data.status === "draft" ? "publish" : "close", text: t(message) }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={COPRO_ADMIN}>{t("admin.backToList")}</BackLink>
        {/* After a refused press the one-time success message is old news: show only the problem. */}
        {data.done && !actionData ? <NotificationBanner type="success" heading={t(`admin.done.${data.done}`)} /> : null}
        <ErrorSummary errors={summary} />
        <span className="govuk-caption-l">{t("admin.view.caption")}</span>
        <h1 className="govuk-heading-l">{data.summary.title}</h1>
        <p className="govuk-body">
          <StatusTag status={data.status} />
        </p>
        {data.canConfirm ? (
          <p className="govuk-body">
            <Link className="govuk-button" to={`${activityPath(data.id)}/confirm`}>
              {t("admin.view.confirmLink")}
            </Link>
          </p>
        ) : null}
        {data.canEdit ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`${activityPath(data.id)}/edit`}>
              {t("admin.view.change")}
              <span className="govuk-visually-hidden"> {data.summary.title}</span>
            </Link>
          </p>
        ) : null}
        <ActivitySummary a={data.summary} />
        <LinkedFeedbackList items={data.feedback.items} others={data.feedback.others} />
        {data.canPublish ? (
          <Form method="post">
            <CsrfInput />
            <h2 className="govuk-heading-m">{t("admin.view.publishHeading")}</h2>
            <p className="govuk-body">{t(data.publishBlocked ?? "admin.view.publishText")}</p>
            <Button name="intent" value="publish" id="publish">
              {t("admin.view.publish")}
            </Button>
          </Form>
        ) : null}
        {data.canClose ? (
          <Form method="post">
            <CsrfInput />
            <h2 className="govuk-heading-m">{t("admin.view.closeHeading")}</h2>
            <p className="govuk-body">{t(data.closeBlocked ?? "admin.view.closeText")}</p>
            <Button name="intent" value="close" id="close" variant="secondary">
              {t("admin.view.close")}
            </Button>
          </Form>
        ) : null}
        {data.status === "closed" ? <p className="govuk-inset-text">{t("admin.view.closedNote")}</p> : null}
      </div>
    </div>
  );
}
