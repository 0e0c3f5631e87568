import { useTranslation } from "react-i18next";
import { Table } from "~/components/table";
import { DENOMINATOR_LEVELS, type RateCell, type ResponseRates } from "./denominators";
import type { SuppressionWords } from "./results-components";
import { cellText } from "./suppression";

/** Responses against the children at each level of support, by district. */
export function ResponseRatesView({ rates, fewer }: { rates: ResponseRates; fewer: SuppressionWords }) {
  const { t } = useTranslation("analysis");
  const cells = (cell: RateCell) => [cellText(cell.responses, fewer), cell.children === null ? t("rates.noFigure") : cell.children.toLocaleString("en-GB"), cell.rate];
  return (
    <>
      <h2 className="govuk-heading-l">{t("rates.heading")}</h2>
      <p className="govuk-body">{t("rates.intro", { year: rates.year })}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div className="app-results-scroll" role="region" aria-label={t("rates.caption", { year: rates.year })} tabIndex={0}>
        <Table
          caption={t("rates.caption", { year: rates.year })}
          captionSize="s"
          firstCellIsHeader
          columns={[
            { header: t("dimensions.district") },
            ...DENOMINATOR_LEVELS.flatMap((level) => [
              { header: t("rates.responses", { level: t(`values.support_level.${level}`) }), numeric: true },
              { header: t("rates.children", { level: t(`values.support_level.${level}`) }), numeric: true },
              { header: t("rates.rate", { level: t(`values.support_level.${level}`) }), numeric: true },
            ]),
          ]}
          rows={[
            ...rates.rows.map((row) => [row.name, ...DENOMINATOR_LEVELS.flatMap((level) => cells(row.cells[level]))]),
            [<strong key="a">{t("rates.all")}</strong>, ...DENOMINATOR_LEVELS.flatMap((level) => cells(rates.all[level]))],
          ]}
        />
      </div>
    </>
  );
}
