import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { listPendingProposals } from "~/local-offer/editing.server";
import { readDone } from "~/local-offer/editing-routes.server";
import { formatDateTime } from "~/utils/dates";

export const handle = { i18n: ["common", "services-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "services.edit");
  const t = await i18next.getFixedT(request, "services-admin");
  const proposals = await listPendingProposals(context.db);
  const { done, headers } = await readDone(request, context);
  return json({ pageTitle: t("proposals.title"), proposals, done }, { headers });
}

export default function Proposals() {
  const { t, i18n } = useTranslation("services-admin");
  const { proposals, done } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("breadcrumbs.staffArea"), href: "/admin" }, { text: t("hub.title"), href: "/admin/local-offer" }, { text: t("proposals.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          {done ? <NotificationBanner type="success" heading={t(`done.${done.message}`, { name: done.name })} /> : null}
          <h1 className="govuk-heading-l">{t("proposals.title")}</h1>
          <p className="govuk-body">{t("proposals.intro")}</p>
          {proposals.length === 0 ? (
            <p className="govuk-body">{t("proposals.none")}</p>
          ) : (
            <Table
              caption={t("proposals.caption", { count: proposals.length })}
              captionSize="s"
              firstCellIsHeader
              columns={[{ header: t("proposals.service") }, { header: t("proposals.organisation") }, { header: t("proposals.proposedBy") }, { header: t("proposals.sent") }]}
              rowKeys={proposals.map((p) => p.id)}
              rows={proposals.map((p) => [
                <span key="service">
                  <a className="govuk-link" href={`/admin/proposals/${p.id}`}>
                    {p.service_name}
                  </a>
                  {p.stale ? (
                    <span className="govuk-!-display-block govuk-!-margin-top-1">
                      <Tag colour="orange">{t("proposals.stale")}</Tag>
                    </span>
                  ) : null}
                </span>,
                p.organisation_name,
                p.proposed_by_name ?? t("page.someone"),
                formatDateTime(p.proposed_at as unknown as string, i18n.language),
              ])}
            />
          )}
        </div>
      </div>
    </>
  );
}
