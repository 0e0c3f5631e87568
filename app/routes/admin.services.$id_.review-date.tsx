import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isCalendarDate } from "~/area/bank-holidays";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import i18next from "~/i18n/i18next.server";
import { getServiceOverview, setReviewDate } from "~/local-offer/editing.server";
import { actorFor, answerRefusal, redirectDone, todayFor } from "~/local-offer/editing-routes.server";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { formValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.edit");
  const overview = await getServiceOverview(context.db, { id: params.id, actor: actorFor(user, context), today: todayFor(context) });
  if (!overview) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "services-admin");
  const { service } = overview;
  const [year = "", month = "", day = ""] = (service.review_due_on ?? "").split("-");
  return json({
    pageTitle: t("reviewDate.title", { name: service.name }),
    service: { id: service.id, name: service.name, reviewDueOn: service.review_due_on },
    initial: { day: day.replace(/^0/, ""), month: month.replace(/^0/, ""), year },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.edit");
  const formData = await readForm(request, context);
  const part = (name: string) => String(formData.get(`reviewDueOn-${name}`) ?? "").trim();
  const [day, month, year] = [part("day"), part("month"), part("year")];
  const date = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` : "";
  if (!isCalendarDate(date)) return formErrors(context, { reviewDueOn: "errors.reviewDateInvalid" }, formValues(formData));
  const result = await setReviewDate(context.db, { actor: actorFor(user, context), id: params.id, date, now: context.now() });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  return redirectDone(context, `/admin/services/${params.id}`, "reviewDateSet");
}

export default function ReviewDate() {
  const { t, i18n } = useTranslation("services-admin");
  const { service, initial } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed = actionData?.values as Record<string, string> | undefined;
  const value = typed ? { day: typed["reviewDueOn-day"], month: typed["reviewDueOn-month"], year: typed["reviewDueOn-year"] } : initial;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/services/${service.id}`}>{t("backToEntry")}</BackLink>
        <ErrorSummary errors={errors.reviewDueOn ? [{ href: "reviewDueOn", text: t(errors.reviewDueOn) }] : []} />
        <span className="govuk-caption-l">{service.name}</span>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateInput
            name="reviewDueOn"
            legend={t("reviewDate.heading")}
            isPageHeading
            hint={
              service.reviewDueOn
                ? t("reviewDate.hintWithDate", { date: formatDate(service.reviewDueOn, i18n.language) })
                : t("reviewDate.hint")
            }
            defaultValue={value}
            error={errors.reviewDueOn ? t(errors.reviewDueOn) : undefined}
          />
          <Button>{t("reviewDate.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
