import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { readNeedsDone } from "~/local-offer/needs-admin.server";
import { listNeeds } from "~/local-offer/needs.server";

export const handle = { i18n: ["common", "admin", "local-offer-terms", "needs-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const t = await i18next.getFixedT(request, "needs-admin");
  const groups = await listNeeds(context.db);
  const { done, headers } = await readNeedsDone(request, context);
  return json({ pageTitle: t("list.title"), groups, done }, { headers });
}

export default function NeedsList() {
  const { groups, done } = useLoaderData<typeof loader>();
  const { t } = useTranslation("needs-admin");
  const { t: terms } = useTranslation("local-offer-terms");
  const { t: ta } = useTranslation("admin");
  return (
    <>
      <Breadcrumbs items={[{ text: ta("home.title"), href: "/admin" }, { text: t("breadcrumbs.localOffer"), href: "/admin/local-offer" }, { text: t("list.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? (
            <NotificationBanner
              type={done.message === "unchanged" ? "important" : "success"}
              heading={t(`done.${done.message}`, { name: done.name, movedTo: done.movedTo })}
            />
          ) : null}
          <h1 className="govuk-heading-l">{t("list.title")}</h1>
          <p className="govuk-body">{t("list.intro")}</p>
          <p className="govuk-body">
            <a className="govuk-link govuk-!-font-weight-bold" href="/admin/local-offer/needs/new">
              {t("list.add")}
            </a>
          </p>
          {groups.map((group) => (
            <section key={group.broadArea} aria-labelledby={`area-${group.broadArea}`}>
              <h2 className="govuk-heading-m govuk-!-margin-top-6" id={`area-${group.broadArea}`}>
                {terms(`broadAreas.${group.broadArea}`)}
              </h2>
              {group.needs.length ? (
                <Table
                  caption={t("list.caption", { area: terms(`broadAreas.${group.broadArea}`) })}
                  captionSize="s"
                  firstCellIsHeader
                  columns={[
                    { header: t("fields.name") },
                    { header: t("fields.slug") },
                    { header: t("fields.sortOrder"), numeric: true },
                    { header: t("list.services"), numeric: true },
                    { header: <span className="govuk-visually-hidden">{t("list.actions")}</span> },
                  ]}
                  rowKeys={group.needs.map((n) => String(n.id))}
                  rows={group.needs.map((n) => [
                    n.name,
                    <code key="slug">{n.slug}</code>,
                    n.sort_order,
                    n.services,
                    <a key="change" className="govuk-link" href={`/admin/local-offer/needs/${n.id}`}>
                      {t("list.change")}
                      <span className="govuk-visually-hidden"> {n.name}</span>
                    </a>,
                  ])}
                />
              ) : (
                <p className="govuk-body">{t("list.none")}</p>
              )}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
