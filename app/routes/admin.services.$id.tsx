import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { DiffTable, ReviewTag, ServiceSummary, StatusTag, Warning } from "~/local-offer/admin-summary";
import { describeContent, diffContent } from "~/local-offer/diff";
import {
  changeStatus,
  confirmStillCorrect,
  getServiceOverview,
  submitProposal,
  unhideService,
  withdrawProposal,
  type EditResult,
} from "~/local-offer/editing.server";
import { actorFor, answerRefusal, describerFor, readDone, redirectDone, todayFor, type DoneMessage } from "~/local-offer/editing-routes.server";
import { allowedTransitions, canConfirm, canHide, canUnhide, editMode, isTransition } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin", "local-offer-terms"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const overview = await getServiceOverview(context.db, { id: params.id, actor: actorFor(user, context), today: todayFor(context) });
  if (!overview) throw await httpError(request, 404, "not-found");
  const { service, content, kind, proposal } = overview;
  const describer = await describerFor(request, context.db);
  // A provider sees the entry as their proposal would make it, and what they changed.
  const providerProposal = kind === "provider" && proposal ? proposal : null;
  const shown = providerProposal ? providerProposal.content : content;
  const { done, headers } = await readDone(request, context);
  return json(
    {
      pageTitle: service.name,
      service,
      kind,
      reviewState: overview.reviewState,
      rows: describeContent(shown, describer),
      isSetting: shown.isSetting,
      proposal: proposal ? { id: proposal.id, state: proposal.state, proposedAt: proposal.proposedAt, proposedByName: proposal.proposedByName, stale: proposal.stale } : null,
      changes: providerProposal ? diffContent(content, providerProposal.content, describer) : null,
      lastDecision: overview.lastDecision,
      transitions: allowedTransitions(kind, service.status),
      editable: editMode(kind, service.status) !== "none",
      mayConfirm: canConfirm(service.status),
      mayHide: canHide(kind, service.status, service.hidden_at !== null),
      mayUnhide: canUnhide(kind, service.hidden_at !== null),
      done,
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const actor = actorFor(user, context);
  const now = context.now();
  const id = params.id;
  let result: EditResult;
  let done: DoneMessage;
  if (isTransition(intent)) {
    result = await changeStatus(context.db, { actor, id, transition: intent, now });
    done = intent;
  } else if (intent === "confirm") {
    result = await confirmStillCorrect(context.db, { actor, id, now });
    done = "confirmed";
  } else if (intent === "unhide") {
    result = await unhideService(context.db, { actor, id, now });
    done = "unhidden";
  } else if (intent === "sendProposal") {
    result = await submitProposal(context.db, { actor, serviceId: id, now });
    done = "submitted";
  } else if (intent === "withdrawProposal") {
    result = await withdrawProposal(context.db, { actor, serviceId: id, now });
    done = "withdrawn";
  } else {
    throw await httpError(request, 400, "bad-request");
  }
  if (!result.ok) return answerRefusal(request, context, result);
  return redirectDone(context, `/admin/services/${id}`, done);
}

export default function ServicePage() {
  const { t, i18n } = useTranslation(["services-admin", "local-offer-terms"]);
  const data = useLoaderData<typeof loader>();
  const { service, kind, reviewState, rows, isSetting, proposal, changes, lastDecision, transitions, editable, mayConfirm, mayHide, mayUnhide, done } = data;
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const base = `/admin/services/${service.id}`;
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: t("breadcrumbs.staffArea"), href: "/admin" },
          { text: t("hub.title"), href: "/admin/local-offer" },
          { text: t("list.title"), href: "/admin/services" },
          { text: service.name },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={Object.values(errors).map((key) => ({ href: "actions", text: t(key) }))} />
          {done ? <NotificationBanner type="success" heading={t(`done.${done.message}`, { name: done.name })} /> : null}
          {service.hidden_at ? (
            <Warning>
              {t("page.hiddenHeading", { date: date(service.hidden_at) })} {t("page.hiddenReason", { reason: service.hidden_reason })}
            </Warning>
          ) : null}

          <span className="govuk-caption-l">{service.organisation_name}</span>
          <h1 className="govuk-heading-l">{service.name}</h1>

          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("page.status")}</dt>
              <dd className="govuk-summary-list__value">
                <StatusTag status={service.status} />
              </dd>
            </div>
            {service.status === "published" ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("page.review")}</dt>
                <dd className="govuk-summary-list__value">
                  {reviewState ? <ReviewTag state={reviewState} /> : null}
                  <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    {service.last_reviewed_at
                      ? t("page.checkedOn", { date: date(service.last_reviewed_at), name: service.last_reviewed_by_name ?? t("page.someone") })
                      : t("local-offer-terms:notChecked")}
                    {service.review_due_on ? ` ${t("page.reviewDue", { date: date(service.review_due_on) })}` : null}
                  </p>
                </dd>
              </div>
            ) : null}
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{t("page.version")}</dt>
              <dd className="govuk-summary-list__value">
                {t("page.versionNumber", { version: service.version })}{" "}
                <a className="govuk-link" href={`${base}/history`}>
                  {t("page.history")}
                </a>
              </dd>
            </div>
            {service.status === "published" && !service.hidden_at ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t("page.publicPage")}</dt>
                <dd className="govuk-summary-list__value">
                  <a className="govuk-link" href={`/local-offer/services/${service.slug}`}>
                    {t("page.viewPublic")}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>

          {lastDecision?.state === "rejected" ? (
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold">{t("page.rejectedHeading", { date: lastDecision.decided_at ? date(lastDecision.decided_at) : "" })}</p>
              <p className="govuk-body">{t("page.rejectedReason", { reason: lastDecision.reason })}</p>
            </div>
          ) : null}

          {proposal && kind === "provider" ? (
            <div className="govuk-inset-text">
              <p className="govuk-body govuk-!-font-weight-bold">
                {t(proposal.state === "draft" ? "page.proposalDraft" : "page.proposalPending", { date: formatDateTime(proposal.proposedAt, i18n.language) })}
              </p>
              <Form method="post">
                <CsrfInput />
                <div className="govuk-button-group">
                  {proposal.state === "draft" ? <Button name="intent" value="sendProposal">{t("page.sendProposal")}</Button> : null}
                  <Button name="intent" value="withdrawProposal" variant="secondary">
                    {t("page.withdrawProposal")}
                  </Button>
                </div>
              </Form>
            </div>
          ) : null}
          {proposal && kind === "editor" ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">
                {t(proposal.state === "pending" ? "page.editorProposalPending" : "page.editorProposalDraft", {
                  name: proposal.proposedByName ?? t("page.someone"),
                  date: formatDateTime(proposal.proposedAt, i18n.language),
                })}
              </p>
              {proposal.state === "pending" ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={`/admin/proposals/${proposal.id}`}>
                    {t("page.checkProposal")}
                  </a>
                  {proposal.stale ? ` ${t("page.staleNote")}` : null}
                </p>
              ) : null}
            </div>
          ) : null}

          <h2 className="govuk-heading-m" id="actions" tabIndex={-1}>
            {t("page.actions")}
          </h2>
          {transitions.length ? (
            <Form method="post">
              <CsrfInput />
              <div className="govuk-button-group">
                {transitions.map((transition) => (
                  <Button key={transition} name="intent" value={transition} variant={transition === "publish" || transition === "submit" ? "primary" : "secondary"}>
                    {t(`transitions.${transition}`)}
                  </Button>
                ))}
              </div>
            </Form>
          ) : null}
          {mayConfirm ? (
            <Form method="post">
              <CsrfInput />
              <p className="govuk-body">{t("page.confirmHint")}</p>
              <Button name="intent" value="confirm" variant="secondary">
                {t("page.confirm")}
              </Button>
            </Form>
          ) : null}
          {mayUnhide ? (
            <Form method="post">
              <CsrfInput />
              <Button name="intent" value="unhide" variant="secondary">
                {t("page.unhide")}
              </Button>
            </Form>
          ) : null}
          <ul className="govuk-list">
            {mayHide ? (
              <li>
                <a className="govuk-link" href={`${base}/hide`}>
                  {t("page.hide")}
                </a>
              </li>
            ) : null}
            {kind === "editor" && service.status === "published" ? (
              <li>
                <a className="govuk-link" href={`${base}/review-date`}>
                  {t("page.changeReviewDate")}
                </a>
              </li>
            ) : null}
          </ul>
          {service.status === "archived" ? <p className="govuk-body">{t("page.archivedNote")}</p> : null}

          {changes ? (
            <>
              <h2 className="govuk-heading-m">{t("page.yourChanges")}</h2>
              <DiffTable rows={changes} caption={t("page.yourChangesCaption")} beforeHeader={t("diff.current")} afterHeader={t("diff.yours")} />
            </>
          ) : null}

          <h2 className="govuk-heading-m">{changes ? t("page.entryWithChanges") : t("page.entry")}</h2>
          {kind === "provider" && service.status === "published" ? <p className="govuk-body">{t("page.providerPublishedHint")}</p> : null}
          <ServiceSummary rows={rows} isSetting={isSetting} changeHref={editable ? (section) => `${base}/edit/${section}` : undefined} />
        </div>
      </div>
    </>
  );
}
