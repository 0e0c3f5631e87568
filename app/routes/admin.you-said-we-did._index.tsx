import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { firstLine } from "~/feedback/you-said-we-did";
import { listAllEntries } from "~/feedback/you-said-we-did.server";
import { readDone } from "~/feedback/yswd-admin.server";
import i18next from "~/i18n/i18next.server";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "you-said-we-did"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "you-said-we-did.edit");
  const t = await i18next.getFixedT(request, "you-said-we-did");
  const { drafts, published } = await listAllEntries(context.db);
  const summary = (e: (typeof drafts)[number]) => ({ id: e.id, year: e.year, theme: e.theme, youSaid: firstLine(e.you_said, 100), publishedAt: e.published_at });
  const { done, headers } = await readDone(request, context);
  return json(
    {
      pageTitle: t("admin.list.title"),
      drafts: drafts.map(summary),
      published: published.map(summary),
      done,
      canSeeFeedback: can(user.role, "local-offer.insights"),
    },
    { headers },
  );
}

type Row = { id: string; year: number; theme: string; youSaid: string; publishedAt: string | null };

function EntryTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const { t, i18n } = useTranslation("you-said-we-did");
  return (
    <Table
      caption={caption}
      captionSize="s"
      columns={[
        { header: t("admin.list.year") },
        { header: t("admin.list.theme") },
        { header: t("admin.list.youSaid") },
        { header: t("admin.list.status") },
        { header: <span className="govuk-visually-hidden">{t("admin.list.actions")}</span> },
      ]}
      rowKeys={rows.map((r) => r.id)}
      rows={rows.map((row) => [
        row.year,
        t(`themes.${row.theme}`),
        row.youSaid,
        row.publishedAt ? (
          <Tag colour="green" key="status">
            {t("admin.list.publishedOn", { date: formatDate(row.publishedAt, i18n.language) })}
          </Tag>
        ) : (
          <Tag colour="grey" key="status">
            {t("admin.list.draft")}
          </Tag>
        ),
        <Link className="govuk-link" to={`/admin/you-said-we-did/${row.id}`} key="change">
          {t("admin.list.change")}
          <span className="govuk-visually-hidden"> {t("admin.list.changeHidden", { year: row.year, text: row.youSaid })}</span>
        </Link>,
      ])}
    />
  );
}

export default function YouSaidWeDidAdmin() {
  const { t } = useTranslation("you-said-we-did");
  const { drafts, published, done, canSeeFeedback } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("admin.staffArea"), href: "/admin" }, { text: t("admin.list.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? <NotificationBanner type={done === "unchanged" ? "important" : "success"} heading={t(`admin.done.${done}`)} /> : null}
          <h1 className="govuk-heading-l">{t("admin.list.title")}</h1>
          <p className="govuk-body">{t("admin.list.intro")}</p>
          <p className="govuk-body">
            <Link className="govuk-button" to="/admin/you-said-we-did/new">
              {t("admin.list.new")}
            </Link>
          </p>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href="/you-said-we-did">
                {t("admin.list.publicPage")}
              </a>
            </li>
            {canSeeFeedback ? (
              <li>
                <Link className="govuk-link" to="/admin/local-offer/feedback">
                  {t("admin.list.feedbackLink")}
                </Link>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      <h2 className="govuk-heading-m">{t("admin.list.draftsHeading")}</h2>
      {drafts.length ? <EntryTable caption={t("admin.list.draftsCaption")} rows={drafts} /> : <p className="govuk-body">{t("admin.list.noDrafts")}</p>}
      <h2 className="govuk-heading-m">{t("admin.list.publishedHeading")}</h2>
      {published.length ? <EntryTable caption={t("admin.list.publishedCaption")} rows={published} /> : <p className="govuk-body">{t("admin.list.noPublished")}</p>}
    </>
  );
}
