import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { groupName, SYNONYMS_PATH } from "~/local-offer/synonyms";
import { readSynonymDone } from "~/local-offer/synonyms-admin.server";
import { listSynonymGroups } from "~/local-offer/synonyms.server";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "admin", "search-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "search.manage");
  const t = await i18next.getFixedT(request, "search-admin");
  const groups = await listSynonymGroups(context.db);
  const { done, headers } = await readSynonymDone(request, context);
  return json(
    { pageTitle: t("synonyms.title"), groups: groups.map((g) => ({ ...g, name: groupName(g.terms) })), done },
    { headers },
  );
}

export default function Synonyms() {
  const { t, i18n } = useTranslation("search-admin");
  const { groups, done } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("synonyms.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? (
            <NotificationBanner type={done.message === "unchanged" ? "important" : "success"} heading={t(`synonyms.done.${done.message}`, { name: done.name })} />
          ) : null}
          <h1 className="govuk-heading-l">{t("synonyms.title")}</h1>
          <p className="govuk-body">{t("synonyms.intro")}</p>
          <p className="govuk-body">{t("synonyms.jargonNote")}</p>
          <p className="govuk-body">
            <Link className="govuk-button" to={`${SYNONYMS_PATH}/new`}>
              {t("synonyms.add")}
            </Link>
          </p>
        </div>
      </div>
      {groups.length ? (
        <Table
          caption={t("synonyms.caption")}
          columns={[{ header: t("synonyms.terms") }, { header: t("synonyms.meaning") }, { header: t("synonyms.changed") }, { header: t("synonyms.action") }]}
          rowKeys={groups.map((g) => String(g.id))}
          rows={groups.map((group) => [
            group.terms.join(", "),
            group.explanation || <span className="govuk-hint">{t("synonyms.noMeaning")}</span>,
            formatDate(group.updatedAt, i18n.language),
            <Link className="govuk-link" to={`${SYNONYMS_PATH}/${group.id}`} key="change">
              {t("synonyms.change")}
              <span className="govuk-visually-hidden"> {t("synonyms.changeHidden", { name: group.name })}</span>
            </Link>,
          ])}
        />
      ) : (
        <p className="govuk-body">{t("synonyms.none")}</p>
      )}
    </>
  );
}
