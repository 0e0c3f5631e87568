import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { listVersions } from "~/local-offer/editing.server";
import { actorFor } from "~/local-offer/editing-routes.server";
import { formatDateTime } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const found = await listVersions(context.db, { id: params.id, actor: actorFor(user, context) });
  if (!found) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "services-admin");
  return json({
    pageTitle: t("history.title", { name: found.service.name }),
    service: { id: found.service.id, name: found.service.name, version: found.service.version },
    versions: found.versions,
  });
}

export default function History() {
  const { t, i18n } = useTranslation("services-admin");
  const { service, versions } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/services/${service.id}`}>{t("backToEntry")}</BackLink>
        <span className="govuk-caption-l">{service.name}</span>
        <h1 className="govuk-heading-l">{t("history.heading")}</h1>
        <p className="govuk-body">{t("history.intro")}</p>
        {versions.length === 0 ? (
          <p className="govuk-body">{t("history.none")}</p>
        ) : (
          <Table
            caption={t("history.caption")}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("history.version") }, { header: t("history.when") }, { header: t("history.what") }, { header: t("history.who") }]}
            rowKeys={versions.map((v) => String(v.version))}
            rows={versions.map((v) => [
              <a className="govuk-link" href={`/admin/services/${service.id}/history/${v.version}`} key="version">
                {t("history.versionLink", { version: v.version })}
                {v.version === service.version ? ` ${t("history.current")}` : ""}
              </a>,
              formatDateTime(v.created_at, i18n.language),
              t(`history.notes.${v.note}`, { defaultValue: v.note }),
              v.created_by_name ?? t("history.nobody"),
            ])}
          />
        )}
      </div>
    </div>
  );
}
