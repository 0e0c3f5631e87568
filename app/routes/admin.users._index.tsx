import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Table } from "~/components/table";
import { listPendingInvitations, listUsers } from "~/auth/users.server";
import { formatDate } from "~/utils/dates";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "admin", "users"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "users.manage");
  const t = await i18next.getFixedT(request, "users");
  const [users, invitations] = await Promise.all([listUsers(context.db), listPendingInvitations(context.db, context.now())]);
  return json({ pageTitle: t("list.title"), users, invitations });
}

export default function Users() {
  const { t, i18n } = useTranslation("users");
  const { t: tAdmin } = useTranslation("admin");
  const { users, invitations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">
        <Link className="govuk-button" to="/admin/users/invite">
          {t("list.invite")}
        </Link>
      </p>
      <Table
        caption={t("list.caption")}
        columns={[{ header: t("list.name") }, { header: t("list.email") }, { header: t("list.role") }, { header: t("list.status") }]}
        firstCellIsHeader
        rowKeys={users.map((u) => u.id)}
        rows={users.map((user) => [
          <Link className="govuk-link" to={`/admin/users/${user.id}`} key="name">
            {user.name}
          </Link>,
          user.email,
          `${tAdmin(`roles.${user.role}`)}${user.organisation_name ? ` (${user.organisation_name})` : ""}`,
          user.disabled_at ? (
            <strong className="govuk-tag govuk-tag--grey" key="status">{t("list.disabled")}</strong>
          ) : (
            <strong className="govuk-tag govuk-tag--green" key="status">{t("list.active")}</strong>
          ),
        ])}
      />
      {invitations.length ? (
        <Table
          caption={t("list.pending")}
          columns={[{ header: t("list.name") }, { header: t("list.email") }, { header: t("list.role") }, { header: t("list.expires") }]}
          firstCellIsHeader
          rowKeys={invitations.map((i) => i.id)}
          rows={invitations.map((invitation) => [
            invitation.name,
            invitation.email,
            tAdmin(`roles.${invitation.role}`),
            formatDate(invitation.expires_at, i18n.language),
          ])}
        />
      ) : null}
    </>
  );
}
