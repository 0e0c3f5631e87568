import { useTranslation } from "react-i18next";
import type { CoverageTable } from "./coverage";
import { phases } from "./model";

/**
 * One broad area's coverage: districts down the side (row headers), phases across
 * the top (column headers). A gap says "None – gap" in words inside a red tag, so
 * colour is never the only signal; a count links to the matching search.
 */
export function CoverageTableView({ table, headingLevel = 2 }: { table: CoverageTable; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("coverage");
  const { t: terms } = useTranslation("local-offer-terms");
  const area = terms(`broadAreas.${table.broadArea}`);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = `area-${table.broadArea}`;
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <Heading className="govuk-heading-m" id={id}>
        {area}
      </Heading>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{t("table.caption", { area })}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("table.district")}
            </th>
            {phases.map((phase) => (
              <th scope="col" className="govuk-table__header" key={phase}>
                {terms(`phases.${phase}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row) => (
            <tr className="govuk-table__row" key={row.district.slug}>
              <th scope="row" className="govuk-table__header">
                {row.district.name}
              </th>
              {row.cells.map((cell) => (
                <td className="govuk-table__cell" key={cell.phase} data-gap={cell.count === 0 ? "true" : undefined}>
                  {cell.href ? (
                    <a className="govuk-link" href={cell.href}>
                      {cell.count}
                      <span className="govuk-visually-hidden">
                        {` ${t("table.linkHidden", {
                          count: cell.count,
                          district: row.district.name,
                          area,
                          phase: terms(`phases.${cell.phase}`),
                        })}`}
                      </span>
                    </a>
                  ) : (
                    <strong className="govuk-tag govuk-tag--red">{t("table.gap")}</strong>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
