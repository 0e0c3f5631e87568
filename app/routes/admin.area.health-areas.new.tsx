import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { createHealthArea } from "~/area/places.server";
import { HealthAreaSchema, oneValue, orderErrors } from "~/area/schemas";
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

const FIELDS = ["name", "slug"];
const SLUG_EXAMPLE = "east-lancashire";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({ pageTitle: t("healthArea.newTitle") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(HealthAreaSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createHealthArea(context.db, { healthArea: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "healthAreaCreated", name: parsed.data.name });
}

export default function NewHealthArea() {
  const { t } = useTranslation("area-admin");
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const error = (field: string) => (errors[field] ? t(errors[field], { example: SLUG_EXAMPLE }) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key, { example: SLUG_EXAMPLE }) }))} />
        <h1 className="govuk-heading-l">{t("healthArea.newTitle")}</h1>
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
          <Button name="intent" value="save">
            {t("healthArea.submitNew")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
