import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import { Tag, type TagColour } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { DiffTable, Warning } from "~/local-offer/admin-summary";
import { diffContent } from "~/local-offer/diff";
import { approveProposal, getProposal, rejectProposal } from "~/local-offer/editing.server";
import { LIMITS } from "~/local-offer/editing-sections";
import { actorFor, answerRefusal, describerFor, redirectDone } from "~/local-offer/editing-routes.server";
import { canDecide, actorKind } from "~/local-offer/workflow";
import { readForm } from "~/security/csrf.server";
import { formatDateTime } from "~/utils/dates";
import { formValues } from "~/utils/form-data";
import { httpError } from "~/utils/http.server";
import type { ProposalState } from "../../db/schema";

export const handle = { i18n: ["common", "services-admin", "local-offer-terms"] };

const stateColours: Record<ProposalState, TagColour> = { draft: "grey", pending: "yellow", approved: "green", rejected: "red", withdrawn: "grey" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Providers may look at their own organisation's proposals; only editors decide (see the action).
  const user = await requireUser(request, context, "services.propose");
  const proposal = await getProposal(context.db, { id: params.id, actor: actorFor(user, context) });
  if (!proposal) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "services-admin");
  const describer = await describerFor(request, context.db);
  const kind = actorKind(user.role);
  return json({
    pageTitle: t("proposal.title", { name: proposal.service_name }),
    proposal: {
      id: proposal.id,
      state: proposal.state,
      serviceId: proposal.service_id,
      serviceName: proposal.service_name,
      organisationName: proposal.organisation_name,
      proposedByName: proposal.proposed_by_name,
      proposedAt: proposal.proposed_at as unknown as string,
      decidedByName: proposal.decided_by_name,
      decidedAt: proposal.decided_at as unknown as string | null,
      reason: proposal.reason,
      stale: proposal.stale,
      baseVersion: proposal.base_version,
      serviceVersion: proposal.service_version,
      serviceStatus: proposal.service_status,
    },
    rows: diffContent(proposal.current, proposal.content, describer),
    mayDecide: kind !== null && canDecide(kind) && proposal.state === "pending",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "services.edit");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const actor = actorFor(user, context);
  const now = context.now();
  if (intent === "approve") {
    const result = await approveProposal(context.db, { actor, id: params.id, now });
    if (!result.ok) return answerRefusal(request, context, result);
    const proposal = await getProposal(context.db, { id: params.id, actor });
    return redirectDone(context, "/admin/proposals", "approved", proposal?.service_name ?? "");
  }
  if (intent === "reject") {
    const reason = formData.get("reason");
    const result = await rejectProposal(context.db, { actor, id: params.id, reason: typeof reason === "string" ? reason : "", now });
    if (!result.ok) return answerRefusal(request, context, result, formValues(formData));
    const proposal = await getProposal(context.db, { id: params.id, actor });
    return redirectDone(context, "/admin/proposals", "rejected", proposal?.service_name ?? "");
  }
  throw await httpError(request, 400, "bad-request");
}

export default function ProposalPage() {
  const { t, i18n } = useTranslation(["services-admin", "local-offer-terms"]);
  const { proposal, rows, mayDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const typed = actionData?.values?.reason;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink href={mayDecide ? "/admin/proposals" : `/admin/services/${proposal.serviceId}`}>{t("backLink")}</BackLink>
        <ErrorSummary errors={Object.entries(errors).map(([field, key]) => ({ href: field === "reason" ? "reason" : "decision", text: t(key) }))} />
        <span className="govuk-caption-l">{proposal.organisationName}</span>
        <h1 className="govuk-heading-l">{t("proposal.heading", { name: proposal.serviceName })}</h1>
        <p className="govuk-body">
          <Tag colour={stateColours[proposal.state]}>{t(`proposalStates.${proposal.state}`)}</Tag>
        </p>
        <p className="govuk-body">
          {t("proposal.proposed", { name: proposal.proposedByName ?? t("page.someone"), date: formatDateTime(proposal.proposedAt, i18n.language) })}{" "}
          <a className="govuk-link" href={`/admin/services/${proposal.serviceId}`}>
            {t("proposal.viewEntry")}
          </a>
        </p>
        {proposal.state === "rejected" ? (
          <div className="govuk-inset-text">
            {t("proposal.rejectedBy", { name: proposal.decidedByName ?? t("page.someone"), date: proposal.decidedAt ? formatDateTime(proposal.decidedAt, i18n.language) : "" })}{" "}
            {t("page.rejectedReason", { reason: proposal.reason })}
          </div>
        ) : null}
        {proposal.stale && proposal.state === "pending" ? (
          <Warning>{t("proposal.stale", { from: proposal.baseVersion ?? 1, to: proposal.serviceVersion })}</Warning>
        ) : null}
        <DiffTable rows={rows} caption={t("proposal.caption")} beforeHeader={t("diff.current")} afterHeader={t("diff.proposed")} />
        {mayDecide ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <h2 className="govuk-heading-m" id="decision" tabIndex={-1}>
                {t("proposal.decide")}
              </h2>
              <Form method="post">
                <CsrfInput />
                <p className="govuk-body">{t("proposal.approveHint")}</p>
                <Button name="intent" value="approve">
                  {t("proposal.approve")}
                </Button>
              </Form>
              <Form method="post" noValidate>
                <CsrfInput />
                <Textarea
                  name="reason"
                  label={t("proposal.reason")}
                  hint={t("proposal.reasonHint")}
                  rows={4}
                  maxLength={LIMITS.reason}
                  defaultValue={typeof typed === "string" ? typed : ""}
                  error={errors.reason ? t(errors.reason) : undefined}
                />
                <Button name="intent" value="reject" variant="warning">
                  {t("proposal.reject")}
                </Button>
              </Form>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
