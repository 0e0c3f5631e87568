import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { SummaryList } from "~/components/summary-list";
import { getPageFeedback } from "~/feedback/page-feedback.server";
import { isUuid, youSaidWeDidSchema } from "~/feedback/schemas";
import { Verbatim } from "~/feedback/verbatim";
import { guessTheme, ukYear } from "~/feedback/you-said-we-did";
import { entryValues, EntryForm } from "~/feedback/you-said-we-did-form";
import { GENERAL_SOURCE } from "~/feedback/general";
import { getGeneralFeedback } from "~/feedback/general.server";
import { createEntry, feedbackHref } from "~/feedback/you-said-we-did.server";
import { latestYear, redirectWithDone, refuseUncheckedFile, unlessFlagged, YSWD_ADMIN } from "~/feedback/yswd-admin.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formValues, parseForm } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "you-said-we-did", "page-feedback", "local-offer-terms"] };

/** The feedback the entry is written from (?from=<id>), shown to the officer and never copied into the entry. */
async function sourceFeedback(context: LoaderFunctionArgs["context"], id: string | null) {
  if (!id || !isUuid(id)) return null;
  const item = await getPageFeedback(context.db, id);
  if (item)
    return {
      id: item.id,
      href: feedbackHref({ id: item.id, source: item.source }),
      reference: item.reference,
      type: item.type,
      kind: item.kind,
      body: item.body,
      year: ukYear(item.created_at),
      theme: guessTheme(item),
    };
  // Feedback sent at /feedback (never an item flagged for safeguarding: getGeneralFeedback leaves them out).
  const general = await getGeneralFeedback(context.db, id);
  return general
    ? {
        id: general.id,
        href: feedbackHref({ id: general.id, source: GENERAL_SOURCE }),
        reference: general.reference,
        type: "general",
        kind: "",
        body: general.body,
        year: ukYear(general.created_at),
        theme: "content" as const,
      }
    : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "you-said-we-did.edit");
  const t = await i18next.getFixedT(request, "you-said-we-did");
  const from = await sourceFeedback(context, new URL(request.url).searchParams.get("from"));
  return json({ pageTitle: t("admin.form.newTitle"), from, latestYear: latestYear(context), thisYear: ukYear(context.now()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "you-said-we-did.edit");
  const formData = await readForm(request, context);
  const intent = formData.get("intent") ?? "save";
  if (intent !== "save" && intent !== "publish") throw await httpError(request, 400, "bad-request");
  const publish = intent === "publish";
  const parsed = parseForm(youSaidWeDidSchema({ publishing: publish, latestYear: latestYear(context) }), formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const unchecked = publish ? await refuseUncheckedFile(context, formValues(formData), parsed.data.feedbackItemId) : null;
  if (unchecked) return unchecked;
  return unlessFlagged(context, formValues(formData), async () => {
    await createEntry(context.db, {
      entry: parsed.data,
      publish,
      by: { userId: user.id, requestId: context.requestId },
      now: context.now(),
    });
    return redirectWithDone(context, publish ? "published" : "created");
  });
}

export default function NewEntry() {
  const { t } = useTranslation("you-said-we-did");
  const { t: tFeedback } = useTranslation("page-feedback");
  const { t: terms } = useTranslation("local-offer-terms");
  const { from, latestYear, thisYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = entryValues(actionData?.values, {
    year: String(from?.year ?? thisYear),
    theme: from?.theme ?? "",
    youSaid: "",
    weDid: "",
    action: "",
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={from ? from.href : YSWD_ADMIN}>
          {from ? tFeedback("admin.item.title", { reference: from.reference }) : t("admin.form.back")}
        </BackLink>
        <h1 className="govuk-heading-l">{t("admin.form.newTitle")}</h1>
        {from ? (
          <>
            <SummaryList
              rows={[
                {
                  key: t("admin.form.fromFeedback"),
                  value: (
                    <a className="govuk-link" href={from.href}>
                      {from.reference}
                    </a>
                  ),
                },
                {
                  key: tFeedback("admin.item.type"),
                  value: from.kind
                    ? `${tFeedback(`types.${from.type}`)}: ${terms(`problemKinds.${from.kind}`, { defaultValue: from.kind })}`
                    : tFeedback(`types.${from.type}`),
                },
              ]}
            />
            <h2 className="govuk-heading-s">{t("admin.form.original")}</h2>
            <div className="govuk-inset-text">{from.body ? <Verbatim text={from.body} /> : t("admin.form.originalNone")}</div>
          </>
        ) : null}
        <EntryForm
          errors={actionData?.errors ?? {}}
          values={values}
          latestYear={latestYear}
          themeGuessed={Boolean(from) && !actionData}
          hidden={from ? <input type="hidden" name="feedbackItemId" value={from.id} /> : null}
          buttons={
            <>
              <Button name="intent" value="publish">
                {t("admin.form.publish")}
              </Button>
              <Button name="intent" value="save" variant="secondary">
                {t("admin.form.saveDraft")}
              </Button>
            </>
          }
        />
      </div>
    </div>
  );
}
