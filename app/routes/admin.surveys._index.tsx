import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { surveyStates } from "~/surveys/lifecycle";
import { formatUkDateTime } from "~/surveys/lifecycle-components";
import { listSurveys } from "~/surveys/lifecycle.server";
import type { SurveyState } from "~/surveys/window";

export const handle = { i18n: ["common", "survey-admin"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "surveys.manage");
  const [t, language] = await Promise.all([i18next.getFixedT(request, "survey-admin"), i18next.getLocale(request)]);
  const surveys = await listSurveys(context.db, { now: context.now(), language });
  const groups = surveyStates.map((state) => ({
    state,
    surveys: surveys
      .filter((s) => s.state === state)
      .map((s) => ({
        id: s.id,
        title: s.title,
        slug: s.slug,
        audience: s.audience,
        series: s.series,
        wave: s.wave,
        access: s.access,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        submitted: s.submitted,
        started: s.started,
      })),
  }));
  return json({ pageTitle: t("list.title"), groups });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number]["surveys"][number];

function SurveyTable({ state, rows }: { state: SurveyState; rows: Row[] }) {
  const { t, i18n } = useTranslation("survey-admin");
  const when = (value: string | null) => (value ? formatUkDateTime(value, i18n.language, t, "short") : t("list.noTime"));
  return (
    <Table
      caption={t(`list.captions.${state}`)}
      captionSize="s"
      firstCellIsHeader
      columns={[
        { header: t("list.survey") },
        { header: t("list.opens") },
        { header: t("list.closes") },
        { header: t("list.submitted"), numeric: true },
        { header: t("list.started"), numeric: true },
      ]}
      rowKeys={rows.map((r) => r.id)}
      rows={rows.map((row) => [
        <div key="survey">
          <Link className="govuk-link" to={`/admin/surveys/${row.id}`}>
            {row.title || row.slug}
          </Link>
          <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
            {t("list.details", { audience: t(`audiences.${row.audience}`), series: row.series, wave: row.wave, access: t(`access.${row.access}.short`) })}
          </span>
        </div>,
        when(row.opensAt),
        when(row.closesAt),
        row.submitted,
        row.started,
      ])}
    />
  );
}

export default function SurveysAdmin() {
  const { t } = useTranslation("survey-admin");
  const { groups } = useLoaderData<typeof loader>();
  const total = groups.reduce((n, g) => n + g.surveys.length, 0);
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("list.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("list.title")}</h1>
          <p className="govuk-body">{t("list.intro")}</p>
          <div className="govuk-button-group">
            <Link className="govuk-button" to="/admin/surveys/new">
              {t("list.create")}
            </Link>
            <Link className="govuk-button govuk-button--secondary" to="/admin/surveys/import">
              {t("list.import")}
            </Link>
          </div>
          <p className="govuk-body">{t("list.timesNote")}</p>
          {total > 0 ? (
            <nav aria-labelledby="states-heading">
              <h2 className="govuk-heading-s" id="states-heading">
                {t("list.jump")}
              </h2>
              <ul className="govuk-list">
                {groups.map((group) => (
                  <li key={group.state}>
                    <a className="govuk-link" href={`#${group.state}`}>
                      {t("list.groupCount", { state: t(`states.${group.state}`), count: group.surveys.length })}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <p className="govuk-body">{t("list.none")}</p>
          )}
        </div>
      </div>
      {total > 0
        ? groups.map((group) => (
            <section key={group.state} aria-labelledby={group.state}>
              <h2 className="govuk-heading-m" id={group.state} tabIndex={-1}>
                {t(`list.headings.${group.state}`)}
              </h2>
              <p className="govuk-body">{t(`list.explain.${group.state}`)}</p>
              {group.surveys.length ? <SurveyTable state={group.state} rows={group.surveys} /> : <p className="govuk-body">{t(`list.empty.${group.state}`)}</p>}
            </section>
          ))
        : null}
    </>
  );
}
