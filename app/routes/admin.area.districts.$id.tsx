import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite, redirectToOverview } from "~/area/area-admin.server";
import { deleteDistrict, getDistrict, listHealthAreas, updateDistrict } from "~/area/places.server";
import { DistrictSchema, NO_HEALTH_AREA, oneValue, orderErrors } from "~/area/schemas";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { ErrorMessage } from "~/components/forms/field";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["name", "slug", "healthArea", "delete"];
const SLUG_EXAMPLE = "ribble-valley";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const district = await getDistrict(context.db, params.id ?? "");
  if (!district) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  const healthAreas = await listHealthAreas(context.db);
  return json({
    pageTitle: t("district.editTitle", { name: district.name }),
    district,
    healthAreas: healthAreas.map(({ id, name }) => ({ id, name })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const district = await getDistrict(context.db, params.id ?? "");
  if (!district) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = intentOf(formData, ["save", "delete"]);
  if (!intent) throw await httpError(request, 400, "bad-request");

  if (intent === "delete") {
    const result = await deleteDistrict(context.db, { id: district.id, by: changedBy(user, context) });
    if (result.ok) return redirectToOverview(context, { done: "districtDeleted", name: result.name });
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors);
  }

  const parsed = parseForm(DistrictSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateDistrict(context.db, { id: district.id, district: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "districtUpdated", name: parsed.data.name });
}

export default function EditDistrict() {
  const { t } = useTranslation("area-admin");
  const { district, healthAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData && !errors.delete ? actionData.values : undefined;
  const text = (key: string) => t(key, { example: SLUG_EXAMPLE });
  const error = (field: string) => (errors[field] ? text(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: text(key) }))} />
        <span className="govuk-caption-l">{t("district.caption")}</span>
        <h1 className="govuk-heading-l">{district.name}</h1>
        <Form method="post" noValidate key={district.id}>
          <CsrfInput />
          <TextInput name="name" label={t("fields.name")} autoComplete="off" defaultValue={posted ? oneValue(posted.name) : district.name} error={error("name")} />
          <TextInput
            name="slug"
            label={t("fields.slug")}
            hint={t("fields.slugHint", { example: SLUG_EXAMPLE })}
            autoComplete="off"
            spellCheck={false}
            width="20"
            defaultValue={posted ? oneValue(posted.slug) : district.slug}
            error={error("slug")}
          />
          <Radios
            name="healthArea"
            legend={t("district.healthAreaLegend")}
            legendSize="s"
            error={error("healthArea")}
            defaultValue={posted ? oneValue(posted.healthArea) : district.health_area_id === null ? NO_HEALTH_AREA : String(district.health_area_id)}
            choices={[
              ...healthAreas.map((h) => ({ value: String(h.id), label: h.name })),
              { value: NO_HEALTH_AREA, label: t("district.noHealthArea") },
            ]}
          />
          <Button name="intent" value="save">
            {t("district.submit")}
          </Button>
        </Form>

        <div className={`govuk-form-group${errors.delete ? " govuk-form-group--error" : ""}`}>
          <h2 className="govuk-heading-m" id="delete" tabIndex={-1}>
            {t("district.deleteHeading")}
          </h2>
          {errors.delete ? <ErrorMessage id="delete-error">{text(errors.delete)}</ErrorMessage> : null}
          <p className="govuk-body">{t("district.canDelete")}</p>
          <Form method="post">
            <CsrfInput />
            <Button name="intent" value="delete" variant="warning">
              {t("district.delete", { name: district.name })}
            </Button>
          </Form>
        </div>
      </div>
    </div>
  );
}
