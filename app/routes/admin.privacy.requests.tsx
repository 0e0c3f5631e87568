import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { TextInput } from "~/components/forms/text-input";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { GENERAL_SOURCE } from "~/feedback/general";
import i18next from "~/i18n/i18next.server";
import { erasePersonData, isEmpty, lookUpPerson, type EraseResult } from "~/privacy/privacy.server";
import { parsePersonQuery } from "~/privacy/retention";
import { readForm } from "~/security/csrf.server";
import { formatDateTime } from "~/utils/dates";
import { formErrors } from "~/utils/form-response.server";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "privacy"] };

const PATH = "/admin/privacy/requests";
const FLASH = "privacyErased";
const intents = ["search", "confirm", "erase"] as const;

/**
 * A person's request to see or erase their data (docs/decisions/023). The search is a POST,
 * so an email address never appears in an address bar, a log line or the browser history.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "privacy.requests");
  const t = await i18next.getFixedT(request, "privacy");
  const flash = await readFlash(request, context);
  const erased = flash.value?.[FLASH] ? (JSON.parse(flash.value[FLASH]) as EraseResult) : null;
  return json({ pageTitle: t("requests.title"), erased }, { headers: erased ? { "Set-Cookie": flash.clear } : {} });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "privacy.requests");
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (!intents.includes(intent as (typeof intents)[number])) throw await httpError(request, 400, "bad-request");
  const typed = String(form.get("q") ?? "");
  const parsed = parsePersonQuery(typed);
  if (!parsed.ok) return formErrors(context, { q: parsed.error }, { q: typed });
  const by = { userId: user.id, requestId: context.requestId };
  const now = context.now();
  const { query } = parsed;

  if (intent === "erase") {
    const result = await erasePersonData(context.db, { query, by, now });
    return redirect(PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH]: JSON.stringify(result) }) } });
  }
  const data = await lookUpPerson(context.db, { query, by });
  return json({
    q: typed.trim(),
    confirming: intent === "confirm" && !isEmpty(data),
    empty: isEmpty(data),
    items: data.items.map((item) => ({
      ...item,
      created_at: item.created_at.toISOString(),
      anonymised_at: item.anonymised_at?.toISOString() ?? null,
      // Flagged items are the safeguarding lead's alone: no link into the officers' pages.
      href: item.flagged ? null : item.source === GENERAL_SOURCE ? `/admin/feedback/${item.id}` : `/admin/local-offer/feedback/${item.id}`,
    })),
    emails: data.outbox.map((row) => ({ ...row, created_at: row.created_at.toISOString() })),
    invitations: data.invitations.map((row) => ({ ...row, created_at: row.created_at.toISOString() })),
  });
}

interface Found {
  q: string;
  confirming: boolean;
  empty: boolean;
  items: {
    id: string;
    reference: string;
    source: string;
    created_at: string;
    anonymised_at: string | null;
    hasContact: boolean;
    safeguardingOpen: boolean;
    href: string | null;
  }[];
  emails: { id: string; kind: string; status: string; created_at: string }[];
  invitations: { id: string; survey_slug: string; created_at: string }[];
}

export default function PrivacyRequests() {
  const { t, i18n } = useTranslation("privacy");
  const { erased } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data && "errors" in data ? data.errors : {};
  const typed = data && "values" in data && typeof data.values.q === "string" ? data.values.q : data && "q" in data ? data.q : "";
  const found = data && "items" in data ? (data as unknown as Found) : null;
  const when = (value: string) => formatDateTime(value, i18n.language);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t("admin.staffArea"), href: "/admin" },
          { text: t("retention.title"), href: "/admin/privacy" },
          { text: t("requests.title") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {erased ? (
            <NotificationBanner type="success" heading={t("requests.erased.heading")}>
              <ul className="govuk-list govuk-list--bullet">
                <li>{t("requests.erased.feedback", { count: erased.anonymised })}</li>
                <li>{t("requests.erased.emails", { count: erased.emails })}</li>
                {erased.invitations ? <li>{t("requests.erased.invitations", { count: erased.invitations })}</li> : null}
              </ul>
              {erased.held ? <p className="govuk-body">{t("requests.erased.held", { count: erased.held })}</p> : null}
            </NotificationBanner>
          ) : null}
          <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key) }))} />
          <h1 className="govuk-heading-l">{t("requests.title")}</h1>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{t("requests.intro")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="search" />
            <TextInput
              name="q"
              label={t("requests.searchLabel")}
              hint={t("requests.searchHint")}
              error={errors.q ? t(errors.q) : undefined}
              defaultValue={typed}
              key={typed}
              autoComplete="off"
              spellCheck={false}
            />
            <Button>{t("requests.search")}</Button>
          </Form>
        </div>
        {found ? (
          <div className="govuk-grid-column-full">
            <h2 className="govuk-heading-m">{t("requests.resultsHeading", { q: found.q })}</h2>
            {found.empty ? (
              <p className="govuk-body">{t("requests.nothing")}</p>
            ) : (
              <>
                <Table
                  caption={t("requests.feedbackCaption", { count: found.items.length })}
                  columns={[
                    { header: t("requests.reference") },
                    { header: t("requests.source") },
                    { header: t("requests.received") },
                    { header: t("requests.state") },
                  ]}
                  rowKeys={found.items.map((item) => item.id)}
                  rows={found.items.map((item) => [
                    item.href ? (
                      <Link key="r" className="govuk-link" to={item.href}>
                        {item.reference}
                      </Link>
                    ) : (
                      item.reference
                    ),
                    t(`sources.${item.source}`, { defaultValue: item.source }),
                    when(item.created_at),
                    <span key="s">
                      {item.anonymised_at ? (
                        <Tag colour="grey">{t("requests.anonymised")}</Tag>
                      ) : item.hasContact ? (
                        t("requests.withContact")
                      ) : (
                        t("requests.noContact")
                      )}
                      {item.safeguardingOpen ? (
                        <>
                          {" "}
                          <Tag colour="red">{t("requests.safeguardingOpen")}</Tag>
                        </>
                      ) : null}
                    </span>,
                  ])}
                />
                <Table
                  caption={t("requests.emailsCaption", { count: found.emails.length })}
                  columns={[{ header: t("requests.emailKind") }, { header: t("requests.emailStatus") }, { header: t("requests.created") }]}
                  rowKeys={found.emails.map((row) => row.id)}
                  rows={found.emails.map((row) => [
                    row.kind,
                    t(`emailStatuses.${row.status}`, { defaultValue: row.status }),
                    when(row.created_at),
                  ])}
                />
                {found.invitations.length ? (
                  <Table
                    caption={t("requests.invitationsCaption", { count: found.invitations.length })}
                    columns={[{ header: t("requests.survey") }, { header: t("requests.created") }]}
                    rowKeys={found.invitations.map((row) => row.id)}
                    rows={found.invitations.map((row) => [row.survey_slug, when(row.created_at)])}
                  />
                ) : null}
                <p className="govuk-body">{t("requests.surveysNote")}</p>
                {found.items.some((item) => item.safeguardingOpen) ? (
                  <div className="govuk-warning-text">
                    <span className="govuk-warning-text__icon" aria-hidden="true">
                      !
                    </span>
                    <strong className="govuk-warning-text__text">
                      <span className="govuk-visually-hidden">{t("requests.warning")}</span>
                      {t("requests.safeguardingNote")}
                    </strong>
                  </div>
                ) : null}

                <h2 className="govuk-heading-m">{t("requests.exportHeading")}</h2>
                <p className="govuk-body">{t("requests.exportText")}</p>
                {/* A download: the browser's own form post to a resource route, not a fetch. */}
                <Form method="post" action={`${PATH}.json`} reloadDocument noValidate>
                  <CsrfInput />
                  <input type="hidden" name="q" value={found.q} />
                  <Button variant="secondary">{t("requests.export")}</Button>
                </Form>

                <h2 className="govuk-heading-m">{t("requests.eraseHeading")}</h2>
                {found.confirming ? (
                  <>
                    <div className="govuk-warning-text">
                      <span className="govuk-warning-text__icon" aria-hidden="true">
                        !
                      </span>
                      <strong className="govuk-warning-text__text">
                        <span className="govuk-visually-hidden">{t("requests.warning")}</span>
                        {t("requests.areYouSure")}
                      </strong>
                    </div>
                    <ul className="govuk-list govuk-list--bullet">
                      <li>
                        {t("requests.willAnonymise", { count: found.items.filter((i) => !i.anonymised_at && !i.safeguardingOpen).length })}
                      </li>
                      <li>{t("requests.willDeleteEmails", { count: found.emails.length })}</li>
                    </ul>
                    <div className="govuk-button-group">
                      <Form method="post" noValidate>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="erase" />
                        <input type="hidden" name="q" value={found.q} />
                        <Button variant="warning">{t("requests.eraseYes")}</Button>
                      </Form>
                      <Link className="govuk-link" to={PATH}>
                        {t("requests.cancel")}
                      </Link>
                    </div>
                  </>
                ) : (
                  <>
                    <p className="govuk-body">{t("requests.eraseText")}</p>
                    <Form method="post" noValidate>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="confirm" />
                      <input type="hidden" name="q" value={found.q} />
                      <Button variant="warning">{t("requests.erase")}</Button>
                    </Form>
                  </>
                )}
              </>
            )}
          </div>
        ) : null}
      </div>
    </>
  );
}
