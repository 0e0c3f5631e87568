import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changedBy, intentOf } from "~/area/area-admin.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorMessage } from "~/components/forms/field";
import { Select } from "~/components/forms/select";
import i18next from "~/i18n/i18next.server";
import { NEEDS_LIST, redirectToNeeds } from "~/local-offer/needs-admin.server";
import { NeedForm } from "~/local-offer/needs-form";
import { DeleteNeedSchema, NeedSchema } from "~/local-offer/needs";
import { deleteNeed, getNeed, listNeeds, updateNeed } from "~/local-offer/needs.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "local-offer-terms", "needs-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const need = await getNeed(context.db, params.id ?? "");
  if (!need) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "needs-admin");
  const others = (await listNeeds(context.db)).flatMap((g) => g.needs).filter((n) => n.id !== need.id);
  return json({
    pageTitle: t("edit.title", { name: need.name }),
    need,
    others: others.map((n) => ({ id: n.id, name: n.name, broadArea: n.broad_area })),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "search.manage");
  const need = await getNeed(context.db, params.id ?? "");
  if (!need) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = intentOf(formData, ["save", "delete"]);
  if (!intent) throw await httpError(request, 400, "bad-request");

  if (intent === "delete") {
    const parsed = parseForm(DeleteNeedSchema, formData);
    if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
    const result = await deleteNeed(context.db, { id: need.id, moveTo: parsed.data.moveTo, by: changedBy(user, context) });
    if (!result.ok) {
      if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
      return formErrors(context, result.errors, formValues(formData));
    }
    return redirectToNeeds(context, { done: result.movedTo ? "deletedMoved" : "deleted", name: result.name, movedTo: result.movedTo ?? "" });
  }

  const parsed = parseForm(NeedSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateNeed(context.db, { id: need.id, need: parsed.data, by: changedBy(user, context) });
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors, formValues(formData));
  }
  const changed = Object.keys(result.changes).length > 0;
  return redirectToNeeds(context, { done: changed ? "updated" : "unchanged", name: parsed.data.name });
}

export default function EditNeed() {
  const { t } = useTranslation("needs-admin");
  const { t: terms } = useTranslation("local-offer-terms");
  const { need, others } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const deleting = Boolean(errors.moveTo);
  const moveError = errors.moveTo ? t(errors.moveTo, { count: need.services }) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={NEEDS_LIST}>{t("backToList")}</BackLink>
        <NeedForm
          key={need.id}
          caption={t("edit.caption")}
          heading={need.name}
          submit={t("edit.submit")}
          errors={errors}
          errorParams={{ count: need.services }}
          values={actionData && !deleting ? actionData.values : undefined}
          current={{ name: need.name, slug: need.slug, broadArea: need.broad_area, sortOrder: String(need.sort_order) }}
        >
          <p className="govuk-body">{t("edit.usedBy", { count: need.services })}</p>

          <div className={`govuk-form-group govuk-!-margin-top-8${deleting ? " govuk-form-group--error" : ""}`}>
            <h2 className="govuk-heading-m" id="delete">
              {t("delete.heading")}
            </h2>
            <Form method="post" noValidate>
              <CsrfInput />
              {need.services > 0 ? (
                <>
                  <p className="govuk-body">{t("delete.inUse", { count: need.services })}</p>
                  <Select
                    name="moveTo"
                    label={t("delete.moveTo", { count: need.services })}
                    error={moveError}
                    defaultValue={deleting && typeof actionData?.values.moveTo === "string" ? actionData.values.moveTo : ""}
                    options={[
                      { value: "", label: t("delete.choose") },
                      ...others.map((o) => ({ value: String(o.id), label: `${o.name} (${terms(`broadAreas.${o.broadArea}`)})` })),
                    ]}
                  />
                </>
              ) : (
                <>
                  {moveError ? <ErrorMessage id="moveTo">{moveError}</ErrorMessage> : null}
                  <p className="govuk-body">{t("delete.notUsed")}</p>
                </>
              )}
              <Button name="intent" value="delete" variant="warning">
                {t("delete.submit", { name: need.name })}
              </Button>
            </Form>
          </div>
        </NeedForm>
      </div>
    </div>
  );
}
