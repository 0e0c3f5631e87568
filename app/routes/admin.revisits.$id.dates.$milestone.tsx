import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import i18next from "~/i18n/i18next.server";
import { Day } from "~/revisits/components";
import { isMilestone, LIMITS, parseOverride } from "~/revisits/forms";
import { setOverride } from "~/revisits/revisits.server";
import { answerRefusal, byFor, redirectDone, requireRevisit } from "~/revisits/routes.server";
import { revisitPath } from "~/revisits/urls";
import { readForm } from "~/security/csrf.server";
import { errorItems } from "~/surveys/lifecycle-components";
import { partsFromDate } from "~/surveys/uk-time";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "revisits"] };

const ORDER = ["date", "reason", "form"];

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const found = await requireRevisit(request, context, params.id, "revisits.manage");
  if (!isMilestone(params.milestone)) throw await httpError(request, 404, "not-found");
  return { ...found, milestone: params.milestone };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { revisit, milestone } = await load(request, context, params);
  const t = await i18next.getFixedT(request, "revisits");
  const override = revisit.overrides[milestone];
  return json({
    pageTitle: t("override.title", {
      milestone: t(`milestoneNames.${milestone}`).toLowerCase(),
    }),
    id: revisit.id,
    title: revisit.title,
    milestone,
    computed: revisit.timeline.computed[milestone],
    current: revisit.timeline.dates[milestone],
    override: override ? { date: override.date, reason: override.reason } : null,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, revisit, milestone } = await load(request, context, params);
  const formData = await readForm(request, context);
  const values = formValues(formData);
  const by = byFor(user, context);
  if (formData.get("intent") === "clear") {
    const result = await setOverride(context.db, {
      id: revisit.id,
      milestone,
      date: null,
      reason: "",
      by,
      now: context.now(),
    });
    if (!result.ok) return answerRefusal(request, context, result, values);
    return redirectDone(context, revisitPath(revisit.id), "overrideCleared");
  }
  const parsed = parseOverride(formData);
  if (!parsed.ok) return answerRefusal(request, context, { ok: false, reason: "invalid", errors: parsed.errors }, values);
  const result = await setOverride(context.db, {
    id: revisit.id,
    milestone,
    date: parsed.data.date,
    reason: parsed.data.reason,
    by,
    now: context.now(),
  });
  if (!result.ok) return answerRefusal(request, context, result, values);
  return redirectDone(context, revisitPath(revisit.id), "overrideSet");
}

export default function OverrideDate() {
  const { t } = useTranslation("revisits");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = Object.fromEntries(Object.entries(actionData?.errors ?? {}).filter(([, v]) => v));
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const name = t(`milestoneNames.${data.milestone}`);
  const shown =
    values["date-day"] !== undefined
      ? {
          day: values["date-day"],
          month: values["date-month"],
          year: values["date-year"],
        }
      : partsFromDate(data.current);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={revisitPath(data.id)}>{t("backTo", { title: data.title })}</BackLink>
        <ErrorSummary errors={errorItems(errors, ORDER, t, { form: "date" })} />
        <span className="govuk-caption-l">{data.title}</span>
        <h1 className="govuk-heading-l">{t("override.title", { milestone: name.toLowerCase() })}</h1>
        <p className="govuk-body">
          {t("override.computed")} <Day date={data.computed} />.
        </p>
        <p className="govuk-body">{t(data.milestone === "opens" || data.milestone === "closes" ? "override.noonNote" : "override.note")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <DateInput
            name="date"
            id="date"
            legend={t("override.date")}
            legendSize="s"
            hint={t("fields.dateHint")}
            defaultValue={shown}
            error={errors.date ? t(errors.date) : errors.form ? t(errors.form) : undefined}
          />
          <Textarea
            name="reason"
            label={t("override.reason")}
            hint={t("override.reasonHint")}
            defaultValue={values.reason ?? data.override?.reason ?? ""}
            maxLength={LIMITS.reason}
            error={errors.reason ? t(errors.reason) : undefined}
            rows={3}
          />
          <Button>{t("override.submit")}</Button>
        </Form>
        {data.override ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="clear" />
            <Button variant="secondary">{t("override.clear")}</Button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
