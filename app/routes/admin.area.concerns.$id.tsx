import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AREA_OVERVIEW, changedBy, intentOf, answerWrite } from "~/area/area-admin.server";
import { getAreaOfConcern, updateAreaOfConcern } from "~/area/plan.server";
import { AreaOfConcernSchema, oneValue, orderErrors } from "~/area/schemas";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "area-admin"] };

const FIELDS = ["title", "plainTitle"];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "area.edit");
  const concern = await getAreaOfConcern(context.db, params.id ?? "");
  if (!concern) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "area-admin");
  return json({ pageTitle: t("concern.editTitle", { number: concern.number }), concern });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "area.edit");
  const concern = await getAreaOfConcern(context.db, params.id ?? "");
  if (!concern) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(AreaOfConcernSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateAreaOfConcern(context.db, { id: concern.id, concern: parsed.data, by: changedBy(user, context) });
  return answerWrite(request, context, result, formData, { done: "concernUpdated", name: String(concern.number) });
}

export default function EditAreaOfConcern() {
  const { t } = useTranslation("area-admin");
  const { concern } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values;
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={AREA_OVERVIEW}>{t("backToOverview")}</BackLink>
        <ErrorSummary errors={orderErrors(errors, FIELDS).map(({ field, key }) => ({ href: field, text: t(key) }))} />
        <span className="govuk-caption-l">{t("concern.caption")}</span>
        <h1 className="govuk-heading-l">{t("concern.heading", { number: concern.number })}</h1>
        <p className="govuk-body">{t("fields.numberFixed")}</p>
        <Form method="post" noValidate key={concern.id}>
          <CsrfInput />
          <Textarea
            name="title"
            label={t("fields.title")}
            hint={t("concern.titleHint")}
            rows={3}
            defaultValue={posted ? oneValue(posted.title) : concern.title}
            error={error("title")}
          />
          <TextInput
            name="plainTitle"
            label={t("fields.plainTitle")}
            hint={t("fields.plainTitleHint")}
            autoComplete="off"
            defaultValue={posted ? oneValue(posted.plainTitle) : concern.plain_title}
            error={error("plainTitle")}
          />
          <Button name="intent" value="save">
            {t("concern.submit")}
          </Button>
        </Form>
      </div>
    </div>
  );
}
