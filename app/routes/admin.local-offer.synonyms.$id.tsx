import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import i18next from "~/i18n/i18next.server";
import { groupName, SYNONYMS_PATH, SynonymGroupSchema } from "~/local-offer/synonyms";
import { redirectToSynonyms } from "~/local-offer/synonyms-admin.server";
import { SynonymGroupForm } from "~/local-offer/synonyms-form";
import { deleteSynonymGroup, getSynonymGroup, updateSynonymGroup } from "~/local-offer/synonyms.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "search-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const group = await getSynonymGroup(context.db, params.id ?? "");
  if (!group) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "search-admin");
  // "?delete" asks the officer to confirm before anything is deleted (a link, so it works without JavaScript).
  const confirmDelete = new URL(request.url).searchParams.has("delete");
  return json({
    pageTitle: confirmDelete ? t("group.confirmTitle") : t("group.editTitle"),
    group: { ...group, name: groupName(group.terms) },
    confirmDelete,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "search.manage");
  const group = await getSynonymGroup(context.db, params.id ?? "");
  if (!group) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = { userId: user.id, requestId: context.requestId };

  if (intent === "delete") {
    const result = await deleteSynonymGroup(context.db, { id: group.id, by });
    if (!result.ok) throw await httpError(request, 404, "not-found");
    return redirectToSynonyms(context, "deleted", result.terms);
  }
  if (intent !== "save") throw await httpError(request, 400, "bad-request");

  const parsed = parseForm(SynonymGroupSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const result = await updateSynonymGroup(context.db, { id: group.id, group: parsed.data, by, now: context.now() });
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    context.logger.info({ status: 400, fields: Object.keys(result.errors) }, "form rejected");
    return json({ errors: result.errors, values: formValues(formData), duplicates: result.duplicates }, { status: 400 });
  }
  return redirectToSynonyms(context, result.changed ? "updated" : "unchanged", parsed.data.terms);
}

export default function EditSynonymGroup() {
  const { t } = useTranslation("search-admin");
  const { group, confirmDelete } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const here = `${SYNONYMS_PATH}/${group.id}`;
  if (confirmDelete) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink href={here}>{t("group.cancel")}</BackLink>
          <h1 className="govuk-heading-l">{t("group.confirmTitle")}</h1>
          <p className="govuk-body">{t("group.confirmText", { name: group.terms.join(", ") })}</p>
          <Form method="post" action={here}>
            <CsrfInput />
            <div className="govuk-button-group">
              <Button name="intent" value="delete" variant="warning">
                {t("group.confirm")}
              </Button>
              <Link className="govuk-link" to={here}>
                {t("group.cancel")}
              </Link>
            </div>
          </Form>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={SYNONYMS_PATH}>{t("group.back")}</BackLink>
        <SynonymGroupForm
          key={group.id}
          heading={t("group.editTitle")}
          defaults={{ terms: group.terms.join("\n"), explanation: group.explanation }}
          answer={answer}
          submitLabel={t("group.submit")}
        />
        <h2 className="govuk-heading-m govuk-!-margin-top-6">{t("group.deleteHeading")}</h2>
        <p className="govuk-body">{t("group.deleteText")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`${here}?delete`}>
            {t("group.deleteLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}
