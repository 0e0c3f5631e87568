import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import i18next from "~/i18n/i18next.server";
import { createDraftService, listOrganisations } from "~/local-offer/editing.server";
import { actorFor, answerRefusal, redirectDone } from "~/local-offer/editing-routes.server";
import { LIMITS } from "~/local-offer/editing-sections";
import { actorKind } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "services-admin"] };

const NewServiceSchema = z.object({
  name: z
    .string({ required_error: "errors.nameRequired", invalid_type_error: "errors.nameRequired" })
    .trim()
    .min(1, "errors.nameRequired")
    .max(LIMITS.name, "errors.nameTooLong"),
  organisation: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const t = await i18next.getFixedT(request, "services-admin");
  const editor = actorKind(user.role) === "editor";
  const organisations = await listOrganisations(context.db);
  return json({
    pageTitle: t("new.title"),
    editor,
    organisations: editor ? organisations : [],
    ownOrganisation: organisations.find((o) => o.id === user.organisationId)?.name ?? null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const formData = await readForm(request, context);
  const parsed = parseForm(NewServiceSchema, formData);
  // Editors choose the organisation (providers' is their own): say so with any other mistake.
  const organisation = formData.get("organisation");
  const orgMissing = actorKind(user.role) === "editor" && (typeof organisation !== "string" || organisation === "");
  if (!parsed.ok || orgMissing) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(orgMissing ? { organisation: "errors.organisationRequired" } : {}) };
    return formErrors(context, errors, formValues(formData));
  }
  const result = await createDraftService(context.db, {
    actor: actorFor(user, context),
    name: parsed.data.name,
    organisationId: parsed.data.organisation,
    now: context.now(),
  });
  if (!result.ok) return answerRefusal(request, context, result, { name: parsed.data.name, organisation: parsed.data.organisation ?? "" });
  return redirectDone(context, `/admin/services/${result.id}`, "created", parsed.data.name);
}

export default function NewService() {
  const { t } = useTranslation("services-admin");
  const { editor, organisations, ownOrganisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const order = ["name", "organisation"];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin/services">{t("backToList")}</BackLink>
        <ErrorSummary errors={order.filter((f) => errors[f]).map((f) => ({ href: f, text: t(errors[f]!) }))} />
        <h1 className="govuk-heading-l">{t("new.title")}</h1>
        <p className="govuk-body">{t("new.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <TextInput name="name" label={t("fields.name")} hint={t("new.nameHint")} defaultValue={values.name} error={errors.name ? t(errors.name) : undefined} />
          {editor ? (
            <Select
              name="organisation"
              label={t("new.organisation")}
              defaultValue={values.organisation ?? ""}
              error={errors.organisation ? t(errors.organisation) : undefined}
              options={[{ value: "", label: t("new.chooseOrganisation") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
          ) : (
            <p className="govuk-body">{t("new.ownOrganisation", { organisation: ownOrganisation ?? "" })}</p>
          )}
          <Button>{t("new.submit")}</Button>
        </Form>
      </div>
    </div>
  );
}
