import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, redirectToOverview } from "~/area/area-admin.server";
import { getAreaDetails, updateAreaDetails } from "~/area/area-details.server";
import { AreaDetailsSchema, oneValue, orderErrors } from "~/area/schemas";
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

const FIELDS = ["name", "serviceName", "partnershipName", "contactEmail"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const t = await i18next.getFixedT(request, "area-admin");
  const details = (await getAreaDetails(context.db)) ?? { name: "", serviceName: "", partnershipName: "", contactEmail: "" };
  return json({ pageTitle: t("details.title"), details });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(AreaDetailsSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const { changes } = await updateAreaDetails(context.db, { details: parsed.data, by: changedBy(user, context), now: context.now() });
  return redirectToOverview(context, { done: "details", name: parsed.data.name, changed: Object.keys(changes).length > 0 });
}

export default function AreaDetails() {
  const { t } = useTranslation("area-admin");
  const { details } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const value = (field: (typeof FIELDS)[number]) => (actionData ? (oneValue(actionData.values[field]) ?? "") : details[field]);
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, [...FIELDS]).map(({ field, key }) => ({ href: field, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t("details.title")}</h1>
        <p className="govuk-body">{t("details.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="name" label={t("details.name")} hint={t("details.nameHint")} autoComplete="off" defaultValue={value("name")} error={error("name")} />
          <TextInput name="serviceName" label={t("details.serviceName")} hint={t("details.serviceNameHint")} autoComplete="off" defaultValue={value("serviceName")} error={error("serviceName")} />
          <TextInput
            name="partnershipName"
            label={t("details.partnershipName")}
            hint={t("details.partnershipNameHint")}
            autoComplete="off"
            defaultValue={value("partnershipName")}
            error={error("partnershipName")}
          />
          <TextInput
            name="contactEmail"
            type="email"
            label={t("details.contactEmail")}
            hint={t("details.contactEmailHint")}
            autoComplete="off"
            spellCheck={false}
            defaultValue={value("contactEmail")}
            error={error("contactEmail")}
          />
          <Button name="intent" value="save">
            {t("details.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
