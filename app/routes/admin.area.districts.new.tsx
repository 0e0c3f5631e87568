import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { createDistrict, listHealthAreas } from "~/area/places.server";
import { DistrictSchema, NO_HEALTH_AREA, oneValue, orderErrors } from "~/area/schemas";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["name", "slug", "healthArea"];
const SLUG_EXAMPLE = "ribble-valley";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const t = await i18next.getFixedT(request, "area-admin");
  const healthAreas = await listHealthAreas(context.db);
  return json({ pageTitle: t("district.newTitle"), healthAreas: healthAreas.map(({ id, name }) => ({ id, name })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(DistrictSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createDistrict(context.db, { district: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "districtCreated", name: parsed.data.name });
}

export default function NewDistrict() {
  const { t } = useTranslation("area-admin");
  const { healthAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const text = (key: string) => t(key, { example: SLUG_EXAMPLE });
  const error = (field: string) => (errors[field] ? text(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: text(key) }))} />
        <h1 className="govuk-heading-l">{t("district.newTitle")}</h1>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="name" label={t("fields.name")} autoComplete="off" defaultValue={oneValue(actionData?.values.name)} error={error("name")} />
          <TextInput
            name="slug"
            label={t("fields.slug")}
            hint={t("fields.slugHint", { example: SLUG_EXAMPLE })}
            autoComplete="off"
            spellCheck={false}
            width="20"
            defaultValue={oneValue(actionData?.values.slug)}
            error={error("slug")}
          />
          <Radios
            name="healthArea"
            legend={t("district.healthAreaLegend")}
            legendSize="s"
            error={error("healthArea")}
            defaultValue={oneValue(actionData?.values.healthArea)}
            choices={[
              ...healthAreas.map((h) => ({ value: String(h.id), label: h.name })),
              { value: NO_HEALTH_AREA, label: t("district.noHealthArea") },
            ]}
          />
          <Button name="intent" value="save">
            {t("district.submitNew")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
