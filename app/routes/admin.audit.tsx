import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/auth/audit.server";
import { requireUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import i18next from "~/i18n/i18next.server";
import { formatDateTime } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "audit"] };

const PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "audit.read");
  const t = await i18next.getFixedT(request, "audit");
  const requested = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const { rows, total } = await listAudit(context.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return json({ pageTitle: t("title"), rows, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total });
}

export default function Audit() {
  const { t, i18n } = useTranslation("audit");
  const { rows, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t("title")}</h1>
      <p className="govuk-body">{t("intro", { count: total })}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("caption", { page, pageCount })}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("when")}</th>
            <th scope="col" className="govuk-table__header">{t("who")}</th>
            <th scope="col" className="govuk-table__header">{t("what")}</th>
            <th scope="col" className="govuk-table__header">{t("details")}</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.id}>
              <td className="govuk-table__cell">
                <time dateTime={new Date(row.at).toISOString()}>{formatDateTime(row.at, i18n.language)}</time>
              </td>
              <td className="govuk-table__cell">{row.user_email ?? t("nobody")}</td>
              <td className="govuk-table__cell">{t(`actions.${row.action}`, { defaultValue: row.action })}</td>
              <td className="govuk-table__cell">
                <code className="govuk-body-s">{Object.keys(row.details as object).length ? JSON.stringify(row.details) : ""}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination baseUrl="/admin/audit" currentPage={page} totalPages={pageCount} />
    </>
  );
}
