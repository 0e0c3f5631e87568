import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("list.caption")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("list.name")}</th>
            <th scope="col" className="govuk-table__header">{t("list.email")}</th>
            <th scope="col" className="govuk-table__header">{t("list.role")}</th>
            <th scope="col" className="govuk-table__header">{t("list.status")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((user) => (
            <tr className="govuk-table__row" key={user.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                  {user.name}
                </Link>
              </th>
              <td className="govuk-table__cell">{user.email}</td>
              <td className="govuk-table__cell">
                {tAdmin(`roles.${user.role}`)}
                {user.organisation_name ? ` (${user.organisation_name})` : ""}
              </td>
              <td className="govuk-table__cell">
                {user.disabled_at ? (
                  <strong className="govuk-tag govuk-tag--grey">{t("list.disabled")}</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--green">{t("list.active")}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{t("list.pending")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("list.name")}</th>
              <th scope="col" className="govuk-table__header">{t("list.email")}</th>
              <th scope="col" className="govuk-table__header">{t("list.role")}</th>
              <th scope="col" className="govuk-table__header">{t("list.expires")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {invitations.map((invitation) => (
              <tr className="govuk-table__row" key={invitation.id}>
                <th scope="row" className="govuk-table__header">{invitation.name}</th>
                <td className="govuk-table__cell">{invitation.email}</td>
                <td className="govuk-table__cell">{tAdmin(`roles.${invitation.role}`)}</td>
                <td className="govuk-table__cell">{formatDate(invitation.expires_at, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
