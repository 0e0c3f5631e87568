import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import i18next from "~/i18n/i18next.server";
import { SYNONYMS_PATH, SynonymGroupSchema } from "~/local-offer/synonyms";
import { redirectToSynonyms } from "~/local-offer/synonyms-admin.server";
import { SynonymGroupForm } from "~/local-offer/synonyms-form";
import { createSynonymGroup } from "~/local-offer/synonyms.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";

export const handle = { i18n: ["common", "admin", "search-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const t = await i18next.getFixedT(request, "search-admin");
  return json({ pageTitle: t("group.newTitle") });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "search.manage");
  const formData = await readForm(request, context);
  const parsed = parseForm(SynonymGroupSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await createSynonymGroup(context.db, { group: parsed.data, by: { userId: user.id, requestId: context.requestId }, now: context.now() });
  if (!result.ok) {
    if (result.reason === "not-found") throw new Error("unreachable: a new group cannot be missing");
    context.logger.info({ status: 400, fields: Object.keys(result.errors) }, "form rejected");
    return json({ errors: result.errors, values: formValues(formData), duplicates: result.duplicates }, { status: 400 });
  }
  return redirectToSynonyms(context, "created", parsed.data.terms);
}

export default function NewSynonymGroup() {
  const { t } = useTranslation("search-admin");
  const answer = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={SYNONYMS_PATH}>{t("group.back")}</BackLink>
        <SynonymGroupForm heading={t("group.newTitle")} defaults={{ terms: "", explanation: "" }} answer={answer} submitLabel={t("group.submitNew")} />
      </div>
    </div>
  );
}
