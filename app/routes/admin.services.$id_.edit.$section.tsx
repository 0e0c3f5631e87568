import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import i18next from "~/i18n/i18next.server";
import { getEditingContent, loadSectionOptions, saveSection } from "~/local-offer/editing.server";
import { actorFor, answerRefusal, redirectDone } from "~/local-offer/editing-routes.server";
import { isServiceSection, sectionFields, sectionFormSchema, sectionValues } from "~/local-offer/editing-sections";
import { repeatedSections, SectionFields } from "~/local-offer/service-form";
import { actorKind } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin", "local-offer-terms"] };

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request, context, "services.propose");
  const section = params.section;
  if (!isServiceSection(section)) throw await httpError(request, 404, "not-found");
  const editing = await getEditingContent(context.db, { id: params.id, actor: actorFor(user, context) });
  if (!editing) throw await httpError(request, 404, "not-found");
  // Archived entries are restored before anyone changes them; the summary page says so.
  if (editing.mode === "none") throw redirect(`/admin/services/${editing.service.id}`);
  return { user, section, editing };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, section, editing } = await load(request, context, params);
  const t = await i18next.getFixedT(request, "services-admin");
  const options = await loadSectionOptions(context.db);
  return json({
    pageTitle: `${t(`sections.${section}.title`)} – ${editing.service.name}`,
    section,
    service: { id: editing.service.id, name: editing.service.name, status: editing.service.status },
    mode: editing.mode,
    editor: actorKind(user.role) === "editor",
    values: sectionValues(section, editing.content),
    options,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, section, editing } = await load(request, context, params);
  const formData = await readForm(request, context);
  const intent = formData.get("intent") ?? "save";
  if (intent !== "save" && intent !== "saveAndAdd") throw await httpError(request, 400, "bad-request");
  const options = await loadSectionOptions(context.db);
  const parsed = parseForm(sectionFormSchema(section, options, editing.content), formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const editor = actorKind(user.role) === "editor";
  const result = await saveSection(context.db, {
    actor: actorFor(user, context),
    id: editing.service.id,
    patch: parsed.data,
    checked: editor && formData.get("checked") === "yes",
    now: context.now(),
  });
  if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
  const base = `/admin/services/${editing.service.id}`;
  const done = result.saved === "proposal" ? "savedProposal" : result.saved === "version" ? "savedVersion" : "saved";
  return redirectDone(context, intent === "saveAndAdd" ? `${base}/edit/${section}` : base, done);
}

export default function EditSection() {
  const { t } = useTranslation(["services-admin", "local-offer-terms"]);
  const { section, service, mode, editor, values: initial, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values ?? initial;
  const order = sectionFields(section, options, values);
  const listed = [...order.filter((f) => errors[f]), ...Object.keys(errors).filter((f) => !order.includes(f))];
  const repeated = repeatedSections[section];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/services/${service.id}`}>{t("backToEntry")}</BackLink>
        <ErrorSummary errors={listed.map((field) => ({ href: field === "form" ? "save" : field, text: t(errors[field]!) }))} />
        <span className="govuk-caption-l">{service.name}</span>
        <h1 className="govuk-heading-l">{t(`sections.${section}.title`)}</h1>
        {mode === "proposal" ? <div className="govuk-inset-text">{t("form.proposalNote")}</div> : null}
        {/* "Save and add another" comes back to this page: a new key gives fresh fields, not what the browser kept from before. */}
        <Form method="post" noValidate key={JSON.stringify(initial)}>
          <CsrfInput />
          <SectionFields section={section} values={values} errors={errors} options={options} />
          {editor && service.status === "published" ? (
            <Checkboxes
              name="checked"
              legend={t("form.checkedLegend")}
              legendSize="s"
              hint={t("form.checkedHint")}
              choices={[{ value: "yes", label: t("form.checked") }]}
              defaultValues={values.checked === "yes" ? ["yes"] : []}
            />
          ) : null}
          <div className="govuk-button-group">
            <Button name="intent" value="save" id="save">
              {mode === "proposal" ? t("form.saveProposal") : t("form.save")}
            </Button>
            {repeated ? (
              <Button name="intent" value="saveAndAdd" variant="secondary">
                {t(`form.saveAndAdd.${repeated}`)}
              </Button>
            ) : null}
          </div>
        </Form>
      </div>
    </div>
  );
}
