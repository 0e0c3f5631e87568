import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Verbatim } from "~/feedback/verbatim";
import { cosignRoles } from "~/feedback/you-said-we-did";
import { cosignEntry, listForCosigning } from "~/feedback/you-said-we-did.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "you-said-we-did"] };

const PATH = "/admin/you-said-we-did/cosign";
const DONE = "yswdCosigned";

/**
 * The families' representatives (the parent carer forum, the participation council)
 * read each published "You said, we did" entry and co-sign the ones they agree with.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "you-said-we-did.cosign");
  const t = await i18next.getFixedT(request, "you-said-we-did");
  const flash = await readFlash(request, context);
  const done = flash.value?.[DONE] === "1";
  return json(
    { pageTitle: t("cosign.title"), entries: await listForCosigning(context.db), done },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "you-said-we-did.cosign");
  const form = await readForm(request, context);
  if (form.get("intent") !== "cosign") throw await httpError(request, 400, "bad-request");
  const id = String(form.get("id") ?? "");
  const as = String(form.get("as") ?? "");
  const result = await cosignEntry(context.db, { id, as, by: { userId: user.id, requestId: context.requestId }, now: context.now() });
  if (!result.ok && result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (!result.ok) {
    const message = result.reason === "invalid" ? "cosign.errors.as" : `cosign.errors.${result.reason}`;
    return json({ errors: { [`as-${id}`]: message } as Record<string, string> }, { status: result.reason === "invalid" ? 400 : 409 });
  }
  return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { [DONE]: "1" }) } });
}

export default function CosignEntries() {
  const { t, i18n } = useTranslation("you-said-we-did");
  const { entries, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/admin">{t("cosign.back")}</BackLink>
        {done && !actionData ? <NotificationBanner type="success" heading={t("cosign.done")} /> : null}
        <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t("cosign.title")}</h1>
        <p className="govuk-body">{t("cosign.intro")}</p>
        {entries.length === 0 ? <p className="govuk-body">{t("cosign.none")}</p> : null}
        {entries.map((entry, index) => (
          <section key={entry.id} aria-labelledby={`entry-${entry.id}`} className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id={`entry-${entry.id}`}>
              {t("cosign.entryHeading", { number: index + 1, year: entry.year, theme: t(`themes.${entry.theme}`) })}
            </h2>
            <SummaryList
              rows={[
                { key: t("labels.youSaid"), value: <Verbatim text={entry.you_said} /> },
                { key: t("labels.weDid"), value: <Verbatim text={entry.we_did} /> },
                { key: t("labels.action"), value: <Verbatim text={entry.action} /> },
                ...(entry.group_name ? [{ key: t("labels.group"), value: entry.group_name }] : []),
              ]}
            />
            {entry.cosigned_at && entry.cosigned_as ? (
              <p className="govuk-body">
                <strong className="govuk-tag govuk-tag--green">{t("cosign.signed")}</strong>{" "}
                {t("cosign.signedBy", {
                  as: t(`cosign.as.${entry.cosigned_as}`),
                  name: entry.cosigned_by_name ?? "",
                  date: formatDate(entry.cosigned_at, i18n.language),
                })}
              </p>
            ) : (
              <Form method="post" noValidate>
                <CsrfInput />
                <input type="hidden" name="id" value={entry.id} />
                <Radios
                  name="as"
                  id={`as-${entry.id}`}
                  legend={t("cosign.asLegend")}
                  legendSize="s"
                  small
                  error={errors[`as-${entry.id}`] ? t(errors[`as-${entry.id}`]!) : undefined}
                  choices={cosignRoles.map((role) => ({ value: role, label: t(`cosign.as.${role}`) }))}
                />
                <Button variant="secondary" name="intent" value="cosign">
                  {t("cosign.button")}
                </Button>
              </Form>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
