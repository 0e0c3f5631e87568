import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import i18next from "~/i18n/i18next.server";
import { DiffTable, ServiceSummary } from "~/local-offer/admin-summary";
import { describeContent, diffContent } from "~/local-offer/diff";
import { getVersion } from "~/local-offer/editing.server";
import { actorFor, describerFor } from "~/local-offer/editing-routes.server";
import { formatDateTime } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "services-admin", "local-offer-terms"] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "services.propose");
  const found = await getVersion(context.db, { id: params.id, version: params.version, actor: actorFor(user, context) });
  if (!found) throw await httpError(request, 404, "not-found");
  const t = await i18next.getFixedT(request, "services-admin");
  const describer = await describerFor(request, context.db);
  return json({
    pageTitle: t("version.title", { version: found.version.version, name: found.service.name }),
    service: { id: found.service.id, name: found.service.name },
    version: { number: found.version.version, createdAt: found.version.created_at, note: found.version.note, createdByName: found.version.created_by_name },
    rows: describeContent(found.version.content, describer),
    isSetting: found.version.content.isSetting,
    changes: diffContent(found.version.content, found.current, describer),
  });
}

export default function Version() {
  const { t, i18n } = useTranslation("services-admin");
  const { service, version, rows, isSetting, changes } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/admin/services/${service.id}/history`}>{t("version.back")}</BackLink>
        <span className="govuk-caption-l">{service.name}</span>
        <h1 className="govuk-heading-l">{t("version.heading", { version: version.number })}</h1>
        <p className="govuk-body">
          {t("version.made", {
            date: formatDateTime(version.createdAt, i18n.language),
            what: t(`history.notes.${version.note}`, { defaultValue: version.note }),
            name: version.createdByName ?? t("history.nobody"),
          })}
        </p>
        <h2 className="govuk-heading-m">{t("version.changesHeading")}</h2>
        <DiffTable rows={changes} caption={t("version.changesCaption", { version: version.number })} beforeHeader={t("version.thisVersion")} afterHeader={t("diff.current")} />
        <h2 className="govuk-heading-m">{t("version.entryHeading", { version: version.number })}</h2>
        <ServiceSummary rows={rows} isSetting={isSetting} />
      </div>
    </div>
  );
}
