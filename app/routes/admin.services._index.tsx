import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ServiceStatus } from "../../db/schema";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { ReviewTag, StatusTag } from "~/local-offer/admin-summary";
import { listServices } from "~/local-offer/editing.server";
import { actorFor, todayFor } from "~/local-offer/editing-routes.server";
import { reviewStates, type ReviewState } from "~/local-offer/review";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "services-admin", "local-offer-terms"] };

const statuses: ServiceStatus[] = ["draft", "awaiting_approval", "published", "archived"];
const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const t = await i18next.getFixedT(request, "services-admin");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 200);
  const statusParam = url.searchParams.get("status") ?? "";
  const reviewParam = url.searchParams.get("review") ?? "";
  const status = (statuses as string[]).includes(statusParam) ? (statusParam as ServiceStatus) : undefined;
  const review = (reviewStates as string[]).includes(reviewParam) ? (reviewParam as ReviewState) : undefined;
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const result = await listServices(context.db, {
    actor: actorFor(user, context),
    today: todayFor(context),
    filters: { query, status, review, page: Number.isFinite(page) ? page : 1, pageSize: PAGE_SIZE },
  });
  return json({
    pageTitle: t("list.title"),
    filters: { q: query, status: status ?? "", review: review ?? "" },
    ...result,
    search: url.searchParams.toString(),
  });
}

export default function Services() {
  const { t, i18n } = useTranslation(["services-admin", "local-offer-terms"]);
  const { filters, rows, total, page, totalPages, search } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[{ text: t("breadcrumbs.staffArea"), href: "/admin" }, { text: t("hub.title"), href: "/admin/local-offer" }, { text: t("list.title") }]}
      />
      <h1 className="govuk-heading-l">{t("list.title")}</h1>
      <p className="govuk-body">
        <a className="govuk-button" href="/admin/services/new">
          {t("list.add")}
        </a>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" action="/admin/services" role="search" aria-label={t("list.searchLabel")}>
            <TextInput name="q" label={t("list.query")} defaultValue={filters.q} autoComplete="off" spellCheck={false} />
            <Select
              name="status"
              label={t("list.status")}
              defaultValue={filters.status}
              options={[{ value: "", label: t("list.anyStatus") }, ...statuses.map((s) => ({ value: s, label: t(`local-offer-terms:status.${s}`) }))]}
            />
            <Select
              name="review"
              label={t("list.review")}
              defaultValue={filters.review}
              options={[{ value: "", label: t("list.anyReview") }, ...reviewStates.map((s) => ({ value: s, label: t(`reviewStates.${s}`) }))]}
            />
            <Button variant="secondary">{t("list.filter")}</Button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {t("list.count", { count: total })}
          </p>
          {rows.length ? (
            <Table
              caption={t("list.caption")}
              captionSize="s"
              firstCellIsHeader
              columns={[{ header: t("list.name") }, { header: t("list.status") }, { header: t("list.review") }]}
              rowKeys={rows.map((r) => r.id)}
              rows={rows.map((row) => [
                <span key="name">
                  <a className="govuk-link" href={`/admin/services/${row.id}`}>
                    {row.name}
                  </a>
                  <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-size-16">{row.organisation_name}</span>
                </span>,
                <StatusTag key="status" status={row.status} />,
                row.reviewState ? (
                  <span key="review">
                    <ReviewTag state={row.reviewState} />
                    {row.review_due_on ? (
                      <span className="govuk-!-display-block govuk-!-font-size-16">{t("list.dueOn", { date: formatDate(row.review_due_on, i18n.language) })}</span>
                    ) : null}
                  </span>
                ) : (
                  <span key="review" className="govuk-hint">
                    {t("list.notPublished")}
                  </span>
                ),
              ])}
            />
          ) : null}
          <Pagination baseUrl="/admin/services" searchParams={search} currentPage={page} totalPages={totalPages} />
        </div>
      </div>
    </>
  );
}
