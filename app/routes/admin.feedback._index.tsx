import { Fragment } from "react";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readFlash } from "~/auth/flash.server";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import { Pagination } from "~/components/pagination";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { progressSteps, type ProgressStep } from "~/feedback/general";
import { listGeneralFeedback } from "~/feedback/general.server";
import { countNewFeedbackFor } from "~/feedback/news.server";
import { StatusTag, useFaceWords } from "~/feedback/triage-components";
import { seesAll, suggestionData } from "~/feedback/triage.server";
import { INBOX_PATH } from "~/feedback/triage";
import i18next from "~/i18n/i18next.server";
import { ukToday } from "~/surveys/uk-time";
import { FLAGGED_FLASH } from "~/safeguarding/flag-route.server";
import { formatDate, formatDayInWords } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "feedback", "feedback-loop", "safeguarding"] };

const PAGE_SIZE = 25;
const SEARCH_MAX = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "feedback.triage");
  const t = await i18next.getFixedT(request, "feedback");
  const params = new URL(request.url).searchParams;
  // Filters that do not exist are ignored, never an error: the list shows what it can.
  const status = (progressSteps as readonly string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as ProgressStep)
    : undefined;
  const { groups } = await suggestionData(context.db);
  const visibleGroups = seesAll(user) ? groups : groups.filter((g) => user.workingGroupIds.includes(g.id));
  const group = visibleGroups.find((g) => g.slug === params.get("group"));
  const overdueOnly = params.get("overdue") === "yes";
  const newOnly = params.get("new") === "yes";
  const search = (params.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const today = ukToday(context.now());
  const { rows, total } = await listGeneralFeedback(context.db, {
    status,
    overdueOnly,
    groupId: group?.id,
    onlyGroups: seesAll(user) ? undefined : user.workingGroupIds,
    search: search || undefined,
    newTo: user,
    newOnly,
    today,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  // Flagged by hand from its page: the item is the safeguarding lead's now, so it comes back here.
  const flash = await readFlash(request, context);
  const flagged = flash.value?.[FLAGGED_FLASH] === "1";
  return json(
    {
      pageTitle: t("inbox.title"),
      flagged,
      // What came to this person's queue since they last looked (docs/decisions/034).
      newCount: await countNewFeedbackFor(context.db, user),
      rows,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      groups: visibleGroups.map((g) => ({ slug: g.slug, name: g.name })),
      filters: { status: status ?? "", group: group?.slug ?? "", overdue: overdueOnly, new: newOnly, q: search },
      groupMember: !seesAll(user),
    },
    { headers: flagged ? { "Set-Cookie": flash.clear } : {} },
  );
}

export default function FeedbackInbox() {
  const { t, i18n } = useTranslation("feedback");
  const faceWords = useFaceWords();
  const { rows, total, page, pageCount, groups, filters, groupMember, flagged, newCount } = useLoaderData<typeof loader>();
  const { t: sg } = useTranslation("safeguarding");
  const { t: news } = useTranslation("feedback-loop");
  const location = useLocation();
  const filtered = filters.status || filters.group || filters.overdue || filters.new || filters.q;
  return (
    <>
      <Breadcrumbs items={[{ text: t("inbox.staffArea"), href: "/admin" }, { text: t("inbox.title") }]} />
      {/* One banner at a time: both would share the banner's title id. Just after flagging, that news comes first. */}
      {flagged ? (
        <NotificationBanner type="success" heading={sg("flag.done")} />
      ) : newCount > 0 ? (
        <NotificationBanner heading={news(groupMember ? "news.bannerMember" : "news.bannerOfficer", { count: newCount })}>
          {filters.new ? null : (
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={`${INBOX_PATH}?new=yes`}>
                {news("news.showNew")}
              </Link>
            </p>
          )}
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t("inbox.title")}</h1>
      <p className="govuk-body">{t(groupMember ? "inbox.introMember" : "inbox.intro")}</p>
      <Form method="get" action={INBOX_PATH} aria-labelledby="inbox-filters">
        <h2 className="govuk-heading-m" id="inbox-filters">
          {t("inbox.filters")}
        </h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="status"
              id="filter-status"
              label={t("inbox.status")}
              defaultValue={filters.status}
              options={[{ value: "", label: t("inbox.any") }, ...progressSteps.map((s) => ({ value: s, label: t(`steps.${s}`) }))]}
            />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <Select
              name="group"
              id="filter-group"
              label={t("inbox.group")}
              defaultValue={filters.group}
              options={[{ value: "", label: t("inbox.any") }, ...groups.map((g) => ({ value: g.slug, label: g.name }))]}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput name="q" id="filter-q" type="search" label={t("inbox.search")} defaultValue={filters.q} maxLength={100} />
          </div>
        </div>
        <Checkboxes
          name="overdue"
          id="filter-overdue"
          legend={t("inbox.overdueLegend")}
          legendSize="s"
          small
          choices={[{ value: "yes", label: t("inbox.overdueOnly") }]}
          defaultValues={filters.overdue ? ["yes"] : []}
        />
        <Checkboxes
          name="new"
          id="filter-new"
          legend={news("news.filterLegend")}
          legendSize="s"
          small
          choices={[{ value: "yes", label: news("news.filterOnly") }]}
          defaultValues={filters.new ? ["yes"] : []}
        />
        <div className="govuk-button-group">
          <Button variant="secondary">{t("inbox.apply")}</Button>
          {filtered ? (
            <Link className="govuk-link" to={INBOX_PATH}>
              {t("inbox.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="govuk-body" role="status">
        {t("inbox.count", { count: total })}
      </p>
      {rows.length ? (
        <Table
          caption={t("inbox.caption", { page, pageCount })}
          captionSize="s"
          firstCellIsHeader
          columns={[
            { header: t("inbox.reference") },
            { header: t("inbox.received") },
            { header: t("inbox.from") },
            { header: t("inbox.text") },
            { header: t("inbox.group") },
            { header: t("inbox.status") },
            { header: t("inbox.due") },
          ]}
          rowKeys={rows.map((r) => r.id)}
          rows={rows.map((row) => [
            <Fragment key="ref">
              <Link className="govuk-link" to={`${INBOX_PATH}/${row.id}`}>
                {row.reference}
              </Link>
              {row.is_new ? (
                <>
                  {" "}
                  <Tag colour="pink">{news("news.tag")}</Tag>
                </>
              ) : null}
            </Fragment>,
            <time dateTime={new Date(row.created_at).toISOString()} key="at">
              {formatDate(row.created_at, i18n.language)}
            </time>,
            <>
              {row.respondent ? t(`respondents.${row.respondent}`) : ""}
              {row.format === "easy_read" ? <span className="govuk-hint govuk-!-margin-0"> {t("inbox.easyRead")}</span> : null}
            </>,
            <Fragment key="text">
              {row.body || (row.face ? t("inbox.faceOnly", { face: faceWords(row.face) }) : row.has_file ? t("inbox.fileOnly") : "")}
              {row.needs_look ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--yellow">{t("inbox.needsLook")}</strong>
                </>
              ) : null}
            </Fragment>,
            row.group_name ?? <span className="govuk-hint">{t("inbox.noGroup")}</span>,
            <StatusTag step={row.step} key="status" />,
            row.targetDate ? (
              <span key="due">
                <time dateTime={row.targetDate}>{formatDayInWords(row.targetDate, i18n.language)}</time>
                {row.overdue ? (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--red">{t("inbox.overdue")}</strong>
                  </>
                ) : null}
              </span>
            ) : (
              ""
            ),
          ])}
        />
      ) : (
        <p className="govuk-body">{t(filtered ? "inbox.noneFiltered" : "inbox.none")}</p>
      )}
      <Pagination baseUrl={INBOX_PATH} searchParams={location.search} currentPage={page} totalPages={pageCount} />
    </>
  );
}
