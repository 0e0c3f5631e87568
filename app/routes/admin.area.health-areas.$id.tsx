import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite, redirectToOverview } from "~/area/area-admin.server";
import { deleteHealthArea, getHealthArea, updateHealthArea } from "~/area/places.server";
import { HealthAreaSchema, oneValue, orderErrors } from "~/area/schemas";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["name", "slug", "delete"];
const SLUG_EXAMPLE = "east-lancashire";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const healthArea = await getHealthArea(context.db, params.id ?? "");
  if (!healthArea) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({ pageTitle: t("healthArea.editTitle", { name: healthArea.name }), healthArea });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const healthArea = await getHealthArea(context.db, params.id ?? "");
  if (!healthArea) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = intentOf(formData, ["save", "delete"]);
  if (!intent) throw await httpError(request, 400, "bad-request");

  if (intent === "delete") {
    const result = await deleteHealthArea(context.db, { id: healthArea.id, by: changedBy(user, context) });
    if (result.ok) return redirectToOverview(context, { done: "healthAreaDeleted", name: result.name });
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors);
  }

  const parsed = parseForm(HealthAreaSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateHealthArea(context.db, { id: healthArea.id, healthArea: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "healthAreaUpdated", name: parsed.data.name });
}

export default function EditHealthArea() {
  const { t } = useTranslation("area-admin");
  const { healthArea } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData && !errors.delete ? actionData.values : undefined;
  const text = (key: string) => t(key, { example: SLUG_EXAMPLE });
  const error = (field: string) => (errors[field] ? text(errors[field]) : undefined);
  const count = healthArea.districts.length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: text(key) }))} />
        <span className="govuk-caption-l">{t("healthArea.caption")}</span>
        <h1 className="govuk-heading-l">{healthArea.name}</h1>
        <Form method="post" noValidate key={healthArea.id}>
          <CsrfInput />
          <TextInput name="name" label={t("fields.name")} autoComplete="off" defaultValue={posted ? oneValue(posted.name) : healthArea.name} error={error("name")} />
          <TextInput
            name="slug"
            label={t("fields.slug")}
            hint={t("fields.slugHint", { example: SLUG_EXAMPLE })}
            autoComplete="off"
            spellCheck={false}
            width="20"
            defaultValue={posted ? oneValue(posted.slug) : healthArea.slug}
            error={error("slug")}
          />
          <Button name="intent" value="save">
            {t("healthArea.submit")}
          </Button>
        </Form>

        <h2 className="govuk-heading-m">{t("healthArea.districtsHeading")}</h2>
        {count ? (
          <ul className="govuk-list govuk-list--bullet">
            {healthArea.districts.map((d) => (
              <li key={d.id}>
                <a className="govuk-link" href={`/admin/area/districts/${d.id}`}>
                  {d.name}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{t("healthArea.noDistricts")}</p>
        )}

        <div className={`govuk-form-group${errors.delete ? " govuk-form-group--error" : ""}`}>
          <h2 className="govuk-heading-m" id="delete" tabIndex={-1}>
            {t("healthArea.deleteHeading")}
          </h2>
          {errors.delete ? <ErrorMessage id="delete-error">{text(errors.delete)}</ErrorMessage> : null}
          {count ? (
            <p className="govuk-body">{t("healthArea.cannotDelete", { name: healthArea.name, count })}</p>
          ) : (
            <>
              <p className="govuk-body">{t("healthArea.canDelete")}</p>
              <Form method="post">
                <CsrfInput />
                <Button name="intent" value="delete" variant="warning">
                  {t("healthArea.delete", { name: healthArea.name })}
                </Button>
              </Form>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
