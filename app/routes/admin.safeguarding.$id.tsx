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
import { Textarea } from "~/components/forms/textarea";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { Verbatim } from "~/feedback/verbatim";
import i18next from "~/i18n/i18next.server";
import { flagStatuses, NOTE_MAX, QUEUE_PATH } from "~/safeguarding/model";
import { setFlagStatus, viewFlag } from "~/safeguarding/safeguarding.server";
import { readForm } from "~/security/csrf.server";
import { formatInstantInWords } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "safeguarding"] };

/** One flagged item, in full, for the designated safeguarding lead. Every view is audited (docs/decisions/020). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "safeguarding.queue");
  const flag = await viewFlag(context.db, { id: params.id ?? "", by: { userId: user.id, requestId: context.requestId } });
  if (!flag) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "safeguarding");
  const flash = await readFlash(request, context);
  const saved = flash.value?.safeguardingSaved === "1";
  return json({ pageTitle: t("item.title"), flag, saved }, { headers: saved ? { "Set-Cookie": flash.clear } : {} });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "safeguarding.queue");
  const form = await readForm(request, context);
  const status = String(form.get("status") ?? "");
  const note = String(form.get("note") ?? "");
  const id = params.id ?? "";
  const result = await setFlagStatus(context.db, { id, status, note, by: { userId: user.id, requestId: context.requestId }, now: context.now() });
  if (!result.ok && result.reason === "not-found") throw await httpError(request, 404, "not-found");
  if (!result.ok) {
    const field = result.error === "statusInvalid" ? "status" : "note";
    return json({ errors: { [field]: `item.errors.${result.error}` } as Record<string, string>, values: { status, note } }, { status: 400 });
  }
  return redirect(`${QUEUE_PATH}/${id}`, { headers: { "Set-Cookie": await setFlash(context, { safeguardingSaved: "1" }) } });
}

export default function SafeguardingItem() {
  const { t, i18n } = useTranslation("safeguarding");
  const { flag, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? { status: flag.status, note: flag.closed_note };
  const when = formatInstantInWords(flag.created_at, i18n.language);
  const matched = flag.matched as string[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={QUEUE_PATH}>{t("item.back")}</BackLink>
        {saved ? <NotificationBanner type="success" heading={t("item.saved")} /> : null}
        <ErrorSummary errors={Object.entries(errors).map(([href, key]) => ({ href, text: t(key) }))} />
        <h1 className="govuk-heading-l">{t("item.title")}</h1>
        <p className="govuk-body">{t("item.audited")}</p>
        <SummaryList
          rows={[
            { key: t("item.received"), value: <time dateTime={new Date(flag.created_at).toISOString()}>{when}</time> },
            { key: t("item.source"), value: t(`sources.${flag.source}`) },
            ...(flag.survey ? [{ key: t("item.survey"), value: flag.survey }] : []),
            ...(flag.questionKey ? [{ key: t("item.question"), value: flag.questionKey }] : []),
            ...(flag.pagePath ? [{ key: t("item.page"), value: flag.pagePath }] : []),
            ...(flag.reference ? [{ key: t("item.reference"), value: flag.reference }] : []),
            ...(flag.contactEmail ? [{ key: t("item.contact"), value: flag.contactEmail }] : []),
            { key: t("item.raisedBy"), value: flag.raised_by === "person" ? (flag.raised_by_name ?? t("raisedBy.person")) : t("raisedBy.auto") },
            ...(matched.length ? [{ key: t("item.matched"), value: matched.join(", ") }] : []),
            ...(flag.reason ? [{ key: t("item.reason"), value: <Verbatim text={flag.reason} /> }] : []),
            { key: t("item.status"), value: <Tag colour={flag.status === "open" ? "red" : flag.status === "in_progress" ? "yellow" : "grey"}>{t(`statuses.${flag.status}`)}</Tag> },
            ...(flag.closed_note ? [{ key: t("item.note"), value: <Verbatim text={flag.closed_note} /> }] : []),
          ]}
        />
        <h2 className="govuk-heading-m">{t("item.textHeading")}</h2>
        {flag.text ? (
          <div className="govuk-inset-text">
            <Verbatim text={flag.text} />
          </div>
        ) : (
          <p className="govuk-body">{t("item.noText")}</p>
        )}
        <h2 className="govuk-heading-m">{t("item.actionHeading")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <Radios
            name="status"
            legend={t("item.statusLegend")}
            legendSize="s"
            error={errors.status ? t(errors.status) : undefined}
            defaultValue={values.status}
            choices={flagStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
          <Textarea name="note" label={t("item.noteLabel")} hint={t("item.noteHint")} error={errors.note ? t(errors.note) : undefined} defaultValue={values.note} maxLength={NOTE_MAX} />
          <Button>{t("item.save")}</Button>
        </Form>
      </div>
    </div>
  );
}
