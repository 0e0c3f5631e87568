import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { confirmStillCorrect, unhideService } from "~/local-offer/editing.server";
import { actorFor, answerRefusal, readDone, redirectDone, todayFor } from "~/local-offer/editing-routes.server";
import { listReviewQueue, type QueueRow } from "~/local-offer/reviews.server";
import { actorKind } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Editors see every entry; providers see their own organisation's (listReviewQueue scopes them).
  const user = await requireUser(request, context, "services.propose");
  const t = await i18next.getFixedT(request, "services-admin");
  const queue = await listReviewQueue(context.db, { actor: actorFor(user, context), today: todayFor(context) });
  const { done, headers } = await readDone(request, context);
  const slim = (rows: QueueRow[]) =>
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisation: r.organisation_name,
      lastReviewedAt: r.last_reviewed_at,
      reviewDueOn: r.review_due_on,
      hiddenAt: r.hidden_at,
      hiddenReason: r.hidden_reason,
    }));
  return json(
    {
      pageTitle: t("reviews.title"),
      editor: actorKind(user.role) === "editor",
      escalated: slim(queue.escalated),
      overdue: slim(queue.overdue),
      dueSoon: slim(queue.dueSoon),
      hidden: slim(queue.hidden),
      done,
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const id = formData.get("serviceId");
  const serviceId = typeof id === "string" ? id : undefined;
  const actor = actorFor(user, context);
  if (intent === "confirm") {
    const result = await confirmStillCorrect(context.db, { actor, id: serviceId, now: context.now() });
    if (!result.ok) return answerRefusal(request, context, result);
    return redirectDone(context, "/admin/reviews", "confirmed", result.name);
  }
  if (intent === "unhide") {
    const result = await unhideService(context.db, { actor, id: serviceId, now: context.now() });
    if (!result.ok) return answerRefusal(request, context, result);
    return redirectDone(context, "/admin/reviews", "unhidden", result.name);
  }
  throw await httpError(request, 400, "bad-request");
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["overdue"][number];

function ConfirmButton({ row }: { row: Row }) {
  const { t } = useTranslation("services-admin");
  return (
    <Form method="post" className="govuk-!-display-inline-block govuk-!-margin-right-2">
      <CsrfInput />
      <input type="hidden" name="serviceId" value={row.id} />
      <Button name="intent" value="confirm" variant="secondary" className="govuk-!-margin-bottom-1">
        {t("reviews.stillCorrect")}
        <span className="govuk-visually-hidden"> {t("reviews.forService", { name: row.name })}</span>
      </Button>
    </Form>
  );
}

function QueueTable({ id, rows, heading, empty, hide }: { id: string; rows: Row[]; heading: string; empty: string; hide?: boolean }) {
  const { t, i18n } = useTranslation("services-admin");
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <Table
          caption={heading}
          captionSize="s"
          firstCellIsHeader
          columns={[{ header: t("reviews.service") }, { header: t("reviews.lastChecked") }, { header: t("reviews.due") }, { header: t("reviews.actions") }]}
          rowKeys={rows.map((r) => r.id)}
          rows={rows.map((row) => [
            <span key="name">
              <a className="govuk-link" href={`/admin/services/${row.id}`}>
                {row.name}
              </a>
              <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-size-16">{row.organisation}</span>
            </span>,
            row.lastReviewedAt ? formatDate(row.lastReviewedAt, i18n.language) : t("reviews.never"),
            row.reviewDueOn ? formatDate(row.reviewDueOn, i18n.language) : t("reviews.notSet"),
            <span key="actions">
              <ConfirmButton row={row} />
              <a className="govuk-link govuk-!-display-inline-block govuk-!-margin-right-2" href={`/admin/services/${row.id}`}>
                {t("reviews.update")}
                <span className="govuk-visually-hidden"> {t("reviews.forService", { name: row.name })}</span>
              </a>
              {hide ? (
                <a className="govuk-link govuk-!-display-inline-block" href={`/admin/services/${row.id}/hide?from=reviews`}>
                  {t("reviews.hide")}
                  <span className="govuk-visually-hidden"> {t("reviews.forService", { name: row.name })}</span>
                </a>
              ) : null}
            </span>,
          ])}
        />
      )}
    </section>
  );
}

export default function Reviews() {
  const { t, i18n } = useTranslation("services-admin");
  const { editor, escalated, overdue, dueSoon, hidden, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <Breadcrumbs items={[{ text: t("breadcrumbs.staffArea"), href: "/admin" }, { text: t("hub.title"), href: "/admin/local-offer" }, { text: t("reviews.title") }]} />
      <ErrorSummary errors={Object.values(errors).map((key) => ({ href: "reviews-escalated", text: t(key) }))} />
      {done ? <NotificationBanner type="success" heading={t(`done.${done.message}`, { name: done.name })} /> : null}
      <h1 className="govuk-heading-l">{t("reviews.title")}</h1>
      <p className="govuk-body">{t(editor ? "reviews.introEditor" : "reviews.introProvider")}</p>
      <QueueTable
        id="reviews-escalated"
        rows={escalated}
        heading={t("reviews.escalated", { count: escalated.length })}
        empty={t("reviews.noneEscalated")}
        hide={editor}
      />
      <QueueTable id="reviews-overdue" rows={overdue} heading={t("reviews.overdue", { count: overdue.length })} empty={t("reviews.noneOverdue")} />
      <QueueTable id="reviews-due-soon" rows={dueSoon} heading={t("reviews.dueSoon", { count: dueSoon.length })} empty={t("reviews.noneDueSoon")} />
      <section aria-labelledby="reviews-hidden">
        <h2 className="govuk-heading-m" id="reviews-hidden">
          {t("reviews.hidden", { count: hidden.length })}
        </h2>
        {hidden.length === 0 ? (
          <p className="govuk-body">{t("reviews.noneHidden")}</p>
        ) : (
          <Table
            caption={t("reviews.hidden", { count: hidden.length })}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("reviews.service") }, { header: t("reviews.hiddenOn") }, { header: t("reviews.reason") }, { header: t("reviews.actions") }]}
            rowKeys={hidden.map((r) => r.id)}
            rows={hidden.map((row) => [
              <a className="govuk-link" href={`/admin/services/${row.id}`} key="name">
                {row.name}
              </a>,
              row.hiddenAt ? formatDate(row.hiddenAt, i18n.language) : "",
              row.hiddenReason,
              editor ? (
                <Form method="post" key="unhide">
                  <CsrfInput />
                  <input type="hidden" name="serviceId" value={row.id} />
                  <Button name="intent" value="unhide" variant="secondary" className="govuk-!-margin-bottom-1">
                    {t("reviews.unhide")}
                    <span className="govuk-visually-hidden"> {t("reviews.forService", { name: row.name })}</span>
                  </Button>
                </Form>
              ) : (
                ""
              ),
            ])}
          />
        )}
      </section>
    </>
  );
}
