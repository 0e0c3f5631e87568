import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { COVERAGE_CSV, coverageGaps } from "~/local-offer/coverage";
import { CoverageTableView } from "~/local-offer/coverage-table";
import { countServicesByDistrict, getCoverage } from "~/local-offer/coverage.server";

export const handle = { i18n: ["common", "admin", "local-offer-terms", "coverage"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "local-offer.insights");
  // The spreadsheet is a resource route: a page's loader cannot answer a document request with a file.
  if (new URL(request.url).searchParams.get("format") === "csv") throw redirect(COVERAGE_CSV);
  const t = await i18next.getFixedT(request, "coverage");
  const { tables } = await getCoverage(context.db);
  const byDistrict = await countServicesByDistrict(context.db);
  const gaps = coverageGaps(tables).map((g) => ({ district: g.district.name, broadArea: g.broadArea, phase: g.phase }));
  return json({ pageTitle: t("admin.title"), tables, gaps, byDistrict });
}

export default function CoverageAdmin() {
  const { tables, gaps, byDistrict } = useLoaderData<typeof loader>();
  const { t } = useTranslation("coverage");
  const { t: terms } = useTranslation("local-offer-terms");
  const { t: ta } = useTranslation("admin");
  return (
    <>
      <Breadcrumbs items={[{ text: ta("home.title"), href: "/admin" }, { text: t("admin.breadcrumb"), href: "/admin/local-offer" }, { text: t("admin.title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("admin.title")}</h1>
          <p className="govuk-body">{t("admin.intro")}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/local-offer/coverage">
              {t("admin.publicLink")}
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={COVERAGE_CSV} download>
              {t("admin.download")}
            </a>
          </p>
          <h2 className="govuk-heading-s">{t("admin.contents")}</h2>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href="#gaps">
                {t("admin.gaps.heading")}
              </a>
            </li>
            <li>
              <a className="govuk-link" href="#by-district">
                {t("admin.byDistrict.heading")}
              </a>
            </li>
            <li>
              <a className="govuk-link" href="#tables">
                {t("admin.tables.heading")}
              </a>
            </li>
          </ul>

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="gaps">
            {t("admin.gaps.heading")}
          </h2>
          <p className="govuk-body">{t("admin.gaps.summary", { count: gaps.length })}</p>
          {gaps.length ? (
            <Table
              caption={t("admin.gaps.caption")}
              captionSize="s"
              firstCellIsHeader
              columns={[{ header: t("table.district") }, { header: t("admin.gaps.broadArea") }, { header: t("admin.gaps.phase") }]}
              rowKeys={gaps.map((g) => `${g.district}|${g.broadArea}|${g.phase}`)}
              rows={gaps.map((g) => [g.district, terms(`broadAreas.${g.broadArea}`), terms(`phases.${g.phase}`)])}
            />
          ) : null}

          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="by-district">
            {t("admin.byDistrict.heading")}
          </h2>
          <p className="govuk-body">{t("admin.byDistrict.wholeArea", { count: byDistrict.wholeArea })}</p>
          <Table
            caption={t("admin.byDistrict.caption")}
            captionSize="s"
            firstCellIsHeader
            columns={[
              { header: t("table.district") },
              { header: t("admin.byDistrict.local"), numeric: true },
              { header: t("admin.byDistrict.total"), numeric: true },
            ]}
            rowKeys={byDistrict.districts.map((d) => d.slug)}
            rows={byDistrict.districts.map((d) => [d.name, d.local, d.local + byDistrict.wholeArea])}
          />
        </div>
      </div>

      <h2 className="govuk-heading-m govuk-!-margin-top-8" id="tables">
        {t("admin.tables.heading")}
      </h2>
      <p className="govuk-body">{t("admin.tables.intro")}</p>
      {tables.map((table) => (
        <CoverageTableView key={table.broadArea} table={table} headingLevel={3} />
      ))}
    </>
  );
}
