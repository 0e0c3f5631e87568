import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { Day } from "~/revisits/components";
import { listRevisits } from "~/revisits/revisits.server";

export const handle = { i18n: ["common", "revisits"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Parent carer forum reviewers see the list too, to reach the questions they review.
  const user = await requireUser(request, context, "revisits.review");
  const t = await i18next.getFixedT(request, "revisits");
  const revisits = await listRevisits(context.db, context.now());
  return json({
    pageTitle: t("list.title"),
    revisits,
    canManage: can(user.role, "revisits.manage"),
  });
}

export default function Revisits() {
  const { t } = useTranslation("revisits");
  const { revisits, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("breadcrumbs.staff"), href: "/admin" }]} />
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">{t(canManage ? "list.intro" : "list.introReviewer")}</p>
      {canManage ? (
        <p className="govuk-body">
          <Link className="govuk-button govuk-!-margin-right-2" to="/admin/revisits/new">
            {t("list.create")}
          </Link>
          <Link className="govuk-link" to="/admin/revisits/schedule">
            {t("list.preview")}
          </Link>
        </p>
      ) : null}
      {revisits.length === 0 ? (
        <p className="govuk-body">{t("list.none")}</p>
      ) : (
        <Table
          caption={t("list.caption")}
          firstCellIsHeader
          columns={[
            { header: t("list.revisit") },
            { header: t("list.notified") },
            { header: t("list.onsite") },
            { header: t("list.survey") },
          ]}
          rowKeys={revisits.map((r) => r.id)}
          rows={revisits.map((r) => [
            <div key="title">
              <Link className="govuk-link" to={`/admin/revisits/${r.id}${canManage ? "" : "/review"}`}>
                {r.title}
              </Link>
              {r.flag ? (
                <span className="govuk-!-display-block govuk-!-margin-top-1">
                  <Tag colour="red">{t("list.flagged")}</Tag>
                </span>
              ) : null}
            </div>,
            <Day key="notified" date={r.notified} />,
            <Day key="onsite" date={r.onsite} />,
            t(`states.${r.state}`),
          ])}
        />
      )}
    </>
  );
}
