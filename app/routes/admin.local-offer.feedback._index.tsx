import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Select } from "~/components/forms/select";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { feedbackStatuses, feedbackTypes, type FeedbackStatus, type FeedbackType } from "~/feedback/model";
import { listPageFeedback, usefulTotals } from "~/feedback/page-feedback.server";
import i18next from "~/i18n/i18next.server";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "page-feedback", "local-offer-terms"] };

const PAGE_SIZE = 25;
const TOTALS_DAYS = 90;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "local-offer.insights");
  const t = await i18next.getFixedT(request, "page-feedback");
  const params = new URL(request.url).searchParams;
  const type = oneOf<FeedbackType>(feedbackTypes, params.get("type"));
  const status = oneOf<FeedbackStatus>(feedbackStatuses, params.get("status"));
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const { rows, total } = await listPageFeedback(context.db, { type, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const since = new Date(context.now().getTime() - TOTALS_DAYS * 24 * 60 * 60 * 1000);
  const totals = await usefulTotals(context.db, { since });
  return json({
    pageTitle: t("admin.list.title"),
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    filters: { type: type ?? "", status: status ?? "" },
    totals,
    canWriteYswd: can(user.role, "you-said-we-did.edit"),
  });
}

const statusColours = { received: "blue", closed: "grey" } as const;

export default function PageFeedbackList() {
  const { t, i18n } = useTranslation("page-feedback");
  const { t: terms } = useTranslation("local-offer-terms");
  const { rows, total, page, pageCount, filters, totals, canWriteYswd } = useLoaderData<typeof loader>();
  const location = useLocation();
  const typeLabel = (row: { type: string; kind: string }) =>
    row.type === "problem" && row.kind ? `${t("types.problem")}: ${terms(`problemKinds.${row.kind}`, { defaultValue: row.kind })}` : t(`types.${row.type}`);
  return (
    <>
      <Breadcrumbs items={[{ text: t("admin.staffArea"), href: "/admin" }, { text: t("admin.list.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("admin.list.title")}</h1>
          <p className="govuk-body">{t("admin.list.intro")}</p>
          {canWriteYswd ? (
            <p className="govuk-body">
              <Link className="govuk-link" to="/admin/you-said-we-did">
                {t("admin.list.yswdLink")}
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      <Form method="get" action="/admin/local-offer/feedback" aria-labelledby="feedback-filters">
        <h2 className="govuk-heading-m" id="feedback-filters">
          {t("admin.list.filters")}
        </h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="type"
              id="filter-type"
              label={t("admin.list.type")}
              defaultValue={filters.type}
              options={[{ value: "", label: t("admin.list.any") }, ...feedbackTypes.map((type) => ({ value: type, label: t(`types.${type}`) }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              id="filter-status"
              label={t("admin.list.status")}
              defaultValue={filters.status}
              options={[{ value: "", label: t("admin.list.any") }, ...feedbackStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">{t("admin.list.apply")}</Button>
          {filters.type || filters.status ? (
            <Link className="govuk-link" to="/admin/local-offer/feedback">
              {t("admin.list.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="govuk-body">{t("admin.list.count", { count: total })}</p>
      {rows.length ? (
        <Table
          caption={t("admin.list.caption", { page, pageCount })}
          captionSize="s"
          firstCellIsHeader
          columns={[
            { header: t("admin.list.reference") },
            { header: t("admin.list.type") },
            { header: t("admin.list.page") },
            { header: t("admin.list.service") },
            { header: t("admin.list.received") },
            { header: t("admin.list.status") },
            { header: t("admin.list.text") },
          ]}
          rowKeys={rows.map((r) => r.id)}
          rows={rows.map((row) => [
            <Link className="govuk-link" to={`/admin/local-offer/feedback/${row.id}`} key="ref">
              {row.reference}
            </Link>,
            typeLabel(row),
            <a className="govuk-link govuk-!-text-break-word" href={row.page_path} key="page">
              {row.page_path}
            </a>,
            row.service_name ?? "",
            <time dateTime={new Date(row.created_at).toISOString()} key="at">
              {formatDate(row.created_at, i18n.language)}
            </time>,
            <Tag colour={statusColours[row.status as FeedbackStatus] ?? "grey"} key="status">
              {t(`statuses.${row.status}`, { defaultValue: row.status })}
            </Tag>,
            row.excerpt || <span className="govuk-hint">{t("admin.list.noText")}</span>,
          ])}
        />
      ) : (
        <p className="govuk-body">{t("admin.list.none")}</p>
      )}
      <Pagination baseUrl="/admin/local-offer/feedback" searchParams={location.search} currentPage={page} totalPages={pageCount} />

      <h2 className="govuk-heading-m govuk-!-margin-top-8">{t("admin.list.usefulHeading")}</h2>
      {totals.length ? (
        <Table
          caption={t("admin.list.usefulCaption")}
          captionSize="s"
          firstCellIsHeader
          columns={[{ header: t("admin.list.page") }, { header: t("admin.list.usefulYes"), numeric: true }, { header: t("admin.list.usefulNo"), numeric: true }]}
          rowKeys={totals.map((r) => r.pagePath)}
          rows={totals.map((row) => [
            <a className="govuk-link" href={row.pagePath} key="page">
              {row.pagePath}
            </a>,
            row.yes,
            row.no,
          ])}
        />
      ) : (
        <p className="govuk-body">{t("admin.list.usefulNone")}</p>
      )}
    </>
  );
}
