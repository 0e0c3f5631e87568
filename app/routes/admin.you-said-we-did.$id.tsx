import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { youSaidWeDidSchema } from "~/feedback/schemas";
import { entryValues, EntryForm } from "~/feedback/you-said-we-did-form";
import { feedbackHref, getEntry, unpublishEntry, updateEntry } from "~/feedback/you-said-we-did.server";
import { latestYear, redirectWithDone, refuseUncheckedFile, unlessFlagged, YSWD_ADMIN } from "~/feedback/yswd-admin.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "you-said-we-did"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireUser(request, context, "you-said-we-did.edit");
  const entry = await getEntry(context.db, params.id ?? "");
  if (!entry) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "you-said-we-did");
  return json({ pageTitle: t("admin.form.editTitle"), entry, latestYear: latestYear(context) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "you-said-we-did.edit");
  const entry = await getEntry(context.db, params.id ?? "");
  if (!entry) throw await httpError(request, 404, "not-found");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const by = { userId: user.id, requestId: context.requestId };
  const now = context.now();

  if (intent === "unpublish") {
    const result = await unpublishEntry(context.db, { id: entry.id, by, now });
    if (!result.ok) throw await httpError(request, 404, "not-found");
    return redirectWithDone(context, result.changed ? "unpublished" : "unchanged");
  }
  if (intent !== "save" && intent !== "publish") throw await httpError(request, 400, "bad-request");
  // A published entry must stay complete: its changes are checked as for publishing.
  const publishing = intent === "publish" || entry.published_at !== null;
  const parsed = parseForm(youSaidWeDidSchema({ publishing, latestYear: latestYear(context) }), formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const publishingNow = intent === "publish" && entry.published_at === null;
  const unchecked = publishingNow ? await refuseUncheckedFile(context, formValues(formData), entry.feedback_item_id) : null;
  if (unchecked) return unchecked;
  return unlessFlagged(context, formValues(formData), async () => {
    const result = await updateEntry(context.db, { id: entry.id, entry: parsed.data, publish: intent === "publish", by, now });
    if (!result.ok) throw await httpError(request, 404, "not-found");
    const done = intent === "publish" && entry.published_at === null ? "published" : result.changed ? "updated" : "unchanged";
    return redirectWithDone(context, done);
  });
}

export default function EditEntry() {
  const { t, i18n } = useTranslation("you-said-we-did");
  const { entry, latestYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const published = entry.published_at !== null;
  const values = entryValues(actionData?.values, {
    year: String(entry.year),
    theme: entry.theme,
    youSaid: entry.you_said,
    weDid: entry.we_did,
    action: entry.action,
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={YSWD_ADMIN}>{t("admin.form.back")}</BackLink>
        <h1 className="govuk-heading-l">{t("admin.form.editTitle")}</h1>
        <div className="govuk-inset-text">
          {published
            ? t("admin.form.statusPublished", { date: formatDate(entry.published_at!, i18n.language) })
            : t("admin.form.statusDraft")}
          {entry.feedback_item_id && entry.feedback_reference ? (
            <>
              {" "}
              {t("admin.form.fromFeedback")}:{" "}
              <a className="govuk-link" href={feedbackHref({ id: entry.feedback_item_id, source: entry.feedback_source })}>
                {entry.feedback_reference}
              </a>
            </>
          ) : null}
        </div>
        <EntryForm
          errors={actionData?.errors ?? {}}
          values={values}
          latestYear={latestYear}
          buttons={
            published ? (
              <Button name="intent" value="save">
                {t("admin.form.save")}
              </Button>
            ) : (
              <>
                <Button name="intent" value="publish">
                  {t("admin.form.publish")}
                </Button>
                <Button name="intent" value="save" variant="secondary">
                  {t("admin.form.saveDraft")}
                </Button>
              </>
            )
          }
        />
        {published ? (
          <>
            <h2 className="govuk-heading-m">{t("admin.form.unpublishHeading")}</h2>
            <p className="govuk-body">{t("admin.form.unpublishText")}</p>
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="unpublish" variant="warning">
                {t("admin.form.unpublish")}
              </Button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
