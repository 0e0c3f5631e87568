import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import i18next from "~/i18n/i18next.server";
import { getServiceOverview, hideService } from "~/local-offer/editing.server";
import { LIMITS } from "~/local-offer/editing-sections";
import { actorFor, answerRefusal, redirectDone, todayFor } from "~/local-offer/editing-routes.server";
import { canHide } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin"] };

/** Where to go back to: the review queue when the officer came from there, otherwise the entry. */
function backTo(from: FormDataEntryValue | string | null, id: string): string {
  return from === "reviews" ? "/admin/reviews" : `/admin/services/${id}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.edit");
  const overview = await getServiceOverview(context.db, { id: params.id, actor: actorFor(user, context), today: todayFor(context) });
  if (!overview) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "services-admin");
  const { service } = overview;
  return json({
    pageTitle: t("hide.title", { name: service.name }),
    service: { id: service.id, name: service.name, lastReviewedAt: service.last_reviewed_at },
    reviewState: overview.reviewState,
    mayHide: canHide(overview.kind, service.status, service.hidden_at !== null),
    from: new URL(request.url).searchParams.get("from") === "reviews" ? "reviews" : "",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.edit");
  const formData = await readForm(request, context);
  const reason = formData.get("reason");
  const result = await hideService(context.db, { actor: actorFor(user, context), id: params.id, reason: typeof reason === "string" ? reason : "", now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  return redirectDone(context, backTo(formData.get("from"), params.id!), "hidden", result.name);
}

export default function HideService() {
  const { t, i18n } = useTranslation("services-admin");
  const { service, reviewState, mayHide, from } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed = actionData?.values?.reason;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={backTo(from, service.id)}>{t("backLink")}</BackLink>
        <ErrorSummary errors={Object.entries(errors).map(([field, key]) => ({ href: field, text: t(key) }))} />
        <span className="govuk-caption-l">{service.name}</span>
        <h1 className="govuk-heading-l">{t("hide.heading")}</h1>
        <p className="govuk-body">
          {service.lastReviewedAt ? t("hide.lastChecked", { date: formatDate(service.lastReviewedAt, i18n.language) }) : t("hide.neverChecked")}
          {reviewState === "escalated" ? ` ${t("hide.escalated")}` : null}
        </p>
        <p className="govuk-body">{t("hide.explain")}</p>
        {mayHide ? (
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="from" value={from} />
            <Textarea
              name="reason"
              label={t("hide.reason")}
              hint={t("hide.reasonHint")}
              rows={4}
              maxLength={LIMITS.reason}
              defaultValue={typeof typed === "string" ? typed : ""}
              error={errors.reason ? t(errors.reason) : undefined}
            />
            <Button variant="warning">{t("hide.submit")}</Button>
          </Form>
        ) : (
          <p className="govuk-body">{t("hide.notPossible")}</p>
        )}
      </div>
    </div>
  );
}
