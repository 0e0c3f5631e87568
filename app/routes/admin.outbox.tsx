import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { recordAudit } from "~/auth/audit.server";
import { readFlash, setFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { listUndelivered, outboxCounts, retryNow } from "~/email/outbox.server";
import i18next from "~/i18n/i18next.server";
import { readForm } from "~/security/csrf.server";
import { formatDateTime } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "outbox"] };

const WEEK_MS = 7 * 24 * 60 * 60_000;
const RetrySchema = z.object({ intent: z.literal("retry"), id: z.string().uuid() });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "outbox.read");
  const t = await i18next.getFixedT(request, "outbox");
  const now = context.now();
  const [messages, counts, flash] = await Promise.all([
    listUndelivered(context.db),
    outboxCounts(context.db, { sentSince: new Date(now.getTime() - WEEK_MS) }),
    readFlash(request, context),
  ]);
  const done = flash.value?.outboxDone === "retried" || flash.value?.outboxDone === "gone" ? flash.value.outboxDone : null;
  return json(
    { pageTitle: t("title"), now: now.toISOString(), messages, counts, done },
    { headers: done ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "outbox.read");
  const form = RetrySchema.safeParse(Object.fromEntries(await readForm(request, context)));
  if (!form.success) throw await httpError(request, 400, "bad-request");
  const { id } = form.data;
  const retried = await context.db.transaction().execute(async (trx) => {
    const row = await retryNow(trx, { id, now: context.now() });
    if (row) await recordAudit(trx, { userId: user.id, action: "outbox.retried", subjectType: "outbox", subjectId: id, details: { kind: row.kind }, requestId: context.requestId });
    return row;
  });
  // Gone: sent (or deleted) since the page was shown. Not an error the admin can fix.
  return redirect("/admin/outbox", { headers: { "Set-Cookie": await setFlash(context, { outboxDone: retried ? "retried" : "gone" }) } });
}

type Message = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

function NextAttempt({ message, now }: { message: Message; now: string }) {
  const { t, i18n } = useTranslation("outbox");
  if (message.status === "failed") return <>{t("notUntilRetried")}</>;
  if (new Date(message.next_attempt_at) <= new Date(now)) return <>{t("dueNow")}</>;
  return <time dateTime={new Date(message.next_attempt_at).toISOString()}>{formatDateTime(message.next_attempt_at, i18n.language)}</time>;
}

export default function Outbox() {
  const { t } = useTranslation("outbox");
  const { now, messages, counts, done } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("title") }]} />
      {done === "retried" ? <NotificationBanner type="success" heading={t("done.retried")} /> : null}
      {done === "gone" ? <NotificationBanner heading={t("done.gone")} /> : null}
      <h1 className="govuk-heading-l">{t("title")}</h1>
      <p className="govuk-body">{t("intro")}</p>
      <SummaryList
        rows={[
          { key: t("counts.pending"), value: counts.pending },
          { key: t("counts.failed"), value: counts.failed },
          { key: t("counts.sent"), value: counts.sent },
        ]}
      />
      {messages.length === 0 ? (
        <p className="govuk-body">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          firstCellIsHeader
          columns={[
            { header: t("columns.message") },
            { header: t("columns.to") },
            { header: t("columns.status") },
            { header: t("columns.attempts"), numeric: true },
            { header: t("columns.nextAttempt") },
            { header: t("columns.lastError") },
            { header: t("columns.action") },
          ]}
          rowKeys={messages.map((m) => m.id)}
          rows={messages.map((message) => [
            <span key="message">
              {message.subject}
              <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-size-16">{message.kind}</span>
            </span>,
            message.to,
            <Tag key="status" colour={message.status === "failed" ? "red" : "blue"}>
              {t(`status.${message.status}`)}
            </Tag>,
            message.attempts,
            <NextAttempt key="next" message={message} now={now} />,
            message.last_error ?? "",
            <Form method="post" key="retry">
              <CsrfInput />
              <input type="hidden" name="id" value={message.id} />
              <Button name="intent" value="retry" variant="secondary" className="govuk-!-margin-bottom-0">
                {t("retry")}
                <span className="govuk-visually-hidden"> {t("retryFor", { subject: message.subject, to: message.to })}</span>
              </Button>
            </Form>,
          ])}
        />
      )}
    </>
  );
}
