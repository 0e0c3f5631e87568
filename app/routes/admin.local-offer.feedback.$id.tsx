import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash, setFlash } from "~/auth/flash.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { getPageFeedback, setFeedbackStatus } from "~/feedback/page-feedback.server";
import { Verbatim } from "~/feedback/verbatim";
import i18next from "~/i18n/i18next.server";
import { FlagByHand } from "~/safeguarding/flag-form";
import { FLAGGED_FLASH, flagFromForm } from "~/safeguarding/flag-route.server";
import { isFeedbackFlagged } from "~/safeguarding/safeguarding.server";
import { readForm } from "~/security/csrf.server";
import { formatDateTime } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "admin", "page-feedback", "local-offer-terms", "safeguarding"] };

const LIST = "/admin/local-offer/feedback";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "local-offer.insights");
  const item = await getPageFeedback(context.db, params.id ?? "");
  if (!item) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "page-feedback");
  const flash = await readFlash(request, context);
  const done = flash.value?.feedbackStatusDone;
  const flagged = flash.value?.[FLAGGED_FLASH] === "1";
  const isFlagged = await isFeedbackFlagged(context.db, item.id);
  return json(
    {
      pageTitle: t("admin.item.title", { reference: item.reference }),
      // Once flagged, the words are the safeguarding lead's alone: they are not sent here.
      item: isFlagged ? { ...item, body: "" } : item,
      done: done === "closed" || done === "reopened" ? done : null,
      canWriteYswd: can(user.role, "you-said-we-did.edit"),
      canFlag: can(user.role, "safeguarding.flag"),
      isFlagged,
      flagged,
    },
    { headers: done || flagged ? { "Set-Cookie": flash.clear } : {} },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context, "local-offer.insights");
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  // Safeguarding (docs/decisions/020): any officer can flag an item by hand, with a reason.
  if (intent === "flag")
    return flagFromForm(request, context, { user, feedbackItemId: params.id ?? "", formData, backTo: `${LIST}/${params.id ?? ""}` });
  if (intent !== "close" && intent !== "reopen") throw await httpError(request, 400, "bad-request");
  const id = params.id ?? "";
  const result = await setFeedbackStatus(context.db, {
    id,
    status: intent === "close" ? "closed" : "received",
    by: { userId: user.id, requestId: context.requestId },
    now: context.now(),
  });
  if (!result.ok) throw await httpError(request, 404, "not-found");
  const done = intent === "close" ? "closed" : "reopened";
  return redirect(`${LIST}/${id}`, { headers: { "Set-Cookie": await setFlash(context, { feedbackStatusDone: done }) } });
}

export default function PageFeedbackItem() {
  const { t, i18n } = useTranslation("page-feedback");
  const { t: terms } = useTranslation("local-offer-terms");
  const { t: sg } = useTranslation("safeguarding");
  const { item, done, canWriteYswd, canFlag, isFlagged, flagged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const flagErrors = actionData?.errors ?? {};
  const closed = item.status === "closed";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={LIST}>{t("admin.item.back")}</BackLink>
        {done ? <NotificationBanner type="success" heading={t(`admin.item.${done}`, { reference: item.reference })} /> : null}
        {flagged ? <NotificationBanner type="success" heading={sg("flag.done")} /> : null}
        <ErrorSummary errors={Object.entries(flagErrors).map(([href, key]) => ({ href, text: sg(key) }))} />
        <h1 className="govuk-heading-l">{t("admin.item.title", { reference: item.reference })}</h1>
        <SummaryList
          rows={[
            { key: t("admin.item.reference"), value: item.reference },
            {
              key: t("admin.item.received"),
              value: <time dateTime={new Date(item.created_at).toISOString()}>{formatDateTime(item.created_at, i18n.language)}</time>,
            },
            { key: t("admin.item.type"), value: t(`types.${item.type}`) },
            ...(item.kind
              ? [{ key: t("admin.item.problemKind"), value: terms(`problemKinds.${item.kind}`, { defaultValue: item.kind }) }]
              : []),
            {
              key: t("admin.item.page"),
              value: (
                <a className="govuk-link govuk-!-text-break-word" href={item.page_path}>
                  {item.page_path}
                </a>
              ),
            },
            {
              key: t("admin.item.service"),
              value:
                item.service_name && item.service_slug ? (
                  item.service_status === "published" ? (
                    <a className="govuk-link" href={`/local-offer/services/${item.service_slug}`}>
                      {item.service_name}
                    </a>
                  ) : (
                    t("admin.item.serviceNotPublished", { name: item.service_name })
                  )
                ) : (
                  t("admin.item.noService")
                ),
            },
            { key: t("admin.item.workingGroup"), value: item.working_group_name ?? t("admin.item.noWorkingGroup") },
            {
              key: t("admin.item.status"),
              value: <Tag colour={closed ? "grey" : "blue"}>{t(`statuses.${item.status}`, { defaultValue: item.status })}</Tag>,
            },
          ]}
        />

        <h2 className="govuk-heading-m">{t("admin.item.text")}</h2>
        {isFlagged ? (
          <p className="govuk-body">{sg("flag.withheld")}</p>
        ) : item.body ? (
          <div className="govuk-inset-text">
            <Verbatim text={item.body} />
          </div>
        ) : (
          <p className="govuk-body">{t("admin.item.noText")}</p>
        )}
        {item.body ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("admin.item.warning")}</span>
              {t("admin.item.safeguarding")}
            </strong>
          </div>
        ) : null}

        <h2 className="govuk-heading-m">{t("admin.item.statusHeading")}</h2>
        <p className="govuk-body">{t("admin.item.statusHint")}</p>
        <Form method="post">
          <CsrfInput />
          <Button variant="secondary" name="intent" value={closed ? "reopen" : "close"}>
            {t(closed ? "admin.item.reopen" : "admin.item.close")}
          </Button>
        </Form>

        {canFlag ? <FlagByHand isFlagged={isFlagged} error={flagErrors.reason} reason={actionData?.values.reason} /> : null}

        {canWriteYswd && !isFlagged ? (
          <>
            <h2 className="govuk-heading-m">{t("admin.item.yswdHeading")}</h2>
            <p className="govuk-body">{t("admin.item.yswdText")}</p>
            <Link className="govuk-button govuk-button--secondary" to={`/admin/you-said-we-did/new?from=${item.id}`}>
              {t("admin.item.yswdButton")}
            </Link>
          </>
        ) : null}
      </div>
    </div>
  );
}
