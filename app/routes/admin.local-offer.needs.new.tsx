import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changedBy, intentOf } from "~/area/area-admin.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import i18next from "~/i18n/i18next.server";
import { NeedForm } from "~/local-offer/needs-form";
import { NEEDS_LIST, redirectToNeeds } from "~/local-offer/needs-admin.server";
import { NeedSchema } from "~/local-offer/needs";
import { createNeed } from "~/local-offer/needs.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "local-offer-terms", "needs-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const t = await i18next.getFixedT(request, "needs-admin");
  return json({ pageTitle: t("new.title") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "search.manage");
  const formData = await readForm(request, context);
  if (!intentOf(formData, ["save"], "save")) throw await httpError(request, 400, "bad-request");
  const parsed = parseForm(NeedSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createNeed(context.db, { need: parsed.data, by: changedBy(user, context) });
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return formErrors(context, result.errors, formValues(formData));
  }
  return redirectToNeeds(context, { done: "created", name: parsed.data.name });
}

export default function NewNeed() {
  const { t } = useTranslation("needs-admin");
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={NEEDS_LIST}>{t("backToList")}</BackLink>
        <NeedForm heading={t("new.title")} submit={t("new.submit")} errors={actionData?.errors ?? {}} values={actionData?.values} />
      </div>
    </div>
  );
}
