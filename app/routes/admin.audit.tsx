import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAudit } from "~/auth/audit.server";
import { requireUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
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
      <Table
        caption={t("caption", { page, pageCount })}
        columns={[{ header: t("when") }, { header: t("who") }, { header: t("what") }, { header: t("details") }]}
        rowKeys={rows.map((r) => String(r.id))}
        rows={rows.map((row) => [
          <time dateTime={new Date(row.at).toISOString()} key="at">
            {formatDateTime(row.at, i18n.language)}
          </time>,
          row.user_email ?? t("nobody"),
          t(`actions.${row.action}`, { defaultValue: row.action }),
          Object.keys(row.details as object).length ? (
            <code className="govuk-body-s" key="details">
              {JSON.stringify(row.details)}
            </code>
          ) : (
            ""
          ),
        ])}
      />
      <Pagination baseUrl="/admin/audit" currentPage={page} totalPages={pageCount} />
    </>
  );
}
