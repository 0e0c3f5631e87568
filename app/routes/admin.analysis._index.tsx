import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFewer } from "~/analysis/results-components";
import { ANALYSIS_PATH, wavePath } from "~/analysis/paths";
import { cellText } from "~/analysis/suppression";
import { listWaves } from "~/analysis/waves.server";
import { can } from "~/auth/roles";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";

export const handle = { i18n: ["common", "analysis", "survey-admin"] };

/** Survey analysis (issue 7): every wave that has opened, and the settings analysis reads. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, "analysis.read");
  const t = await i18next.getFixedT(request, "analysis");
  const language = await i18next.getLocale(request);
  const { waves, threshold } = await listWaves(context.db, { now: context.now(), language });
  return json({
    pageTitle: t("index.title"),
    waves,
    threshold,
    links: {
      denominators: can(user.role, "analysis.denominators"),
      settings: can(user.role, "analysis.settings"),
      themes: can(user.role, "analysis.themes"),
    },
  });
}

export default function AnalysisIndex() {
  const { t } = useTranslation("analysis");
  const survey = useTranslation("survey-admin").t;
  const { waves, threshold, links } = useLoaderData<typeof loader>();
  const fewer = useFewer(threshold);
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("index.title") }]} />
      <h1 className="govuk-heading-xl">{t("index.title")}</h1>
      <p className="govuk-body">{t("index.intro")}</p>
      <div className="govuk-inset-text">{t("results.suppression", { threshold, max: threshold - 1 })}</div>
      {waves.length ? (
        <Table
          caption={t("index.caption")}
          firstCellIsHeader
          columns={[
            { header: t("index.survey") },
            { header: t("index.audience") },
            { header: t("index.state") },
            { header: t("results.submitted"), numeric: true },
            { header: t("results.started"), numeric: true },
          ]}
          rowKeys={waves.map((w) => w.id)}
          rows={waves.map((w) => [
            <a key="l" className="govuk-link" href={wavePath(w.id)}>
              {t("index.waveLink", { title: w.title, wave: w.wave })}
            </a>,
            survey(`audiences.${w.audience}`),
            <Tag key="s" colour={w.state === "open" ? "green" : "grey"}>
              {survey(`states.${w.state}`)}
            </Tag>,
            cellText(w.submitted, fewer),
            cellText(w.started, fewer),
          ])}
        />
      ) : (
        <p className="govuk-body">{t("index.none")}</p>
      )}
      <h2 className="govuk-heading-m">{t("index.settings")}</h2>
      <ul className="govuk-list govuk-list--spaced">
        {links.denominators ? (
          <li>
            <a className="govuk-link" href={`${ANALYSIS_PATH}/denominators`}>
              {t("denominators.title")}
            </a>
          </li>
        ) : null}
        {links.themes ? (
          <li>
            <a className="govuk-link" href={`${ANALYSIS_PATH}/themes`}>
              {t("index.themes")}
            </a>
          </li>
        ) : null}
        {links.settings ? (
          <li>
            <a className="govuk-link" href={`${ANALYSIS_PATH}/settings`}>
              {t("settings.title")}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
