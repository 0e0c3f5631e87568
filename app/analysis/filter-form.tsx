import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { DateInput } from "~/components/forms/date-input";
import type { ErrorItem } from "~/components/forms/error-summary";
import { allowedValues, filterDimensions, type FilterChoices, type FilterDimension, type FilterError, type FilterField, type TypedFilter } from "./filters";

/** The words for one value of a filter (a district's name, "EHC plan", "Easy read"). */
export function useDimensionLabel() {
  const { t } = useTranslation("analysis");
  return (dimension: FilterDimension, value: string, choices: FilterChoices): string => {
    if (dimension === "district" || dimension === "health_area" || dimension === "language") {
      return choices[dimension].find((c) => c.value === value)?.label ?? value;
    }
    return t(`values.${dimension}.${value}`, { defaultValue: value });
  };
}

/** The filter errors as error summary items, each linking to its field. */
export function useFilterErrorItems(errors: Partial<Record<FilterField, FilterError>>): ErrorItem[] {
  const { t } = useTranslation("analysis");
  const fields: FilterField[] = ["filters", ...filterDimensions, "from", "to"];
  return fields.flatMap((field) => {
    const error = errors[field];
    if (!error) return [];
    const href = field === "from" || field === "to" ? field : field === "filters" ? "filters-apply" : `filter-${field}`;
    return [{ href, text: t(error.key, { value: error.value ?? "" }) }];
  });
}

/**
 * The filters as a GET form: checkboxes for each dimension and two dates. `hidden`
 * keeps the page's other choices (a breakdown, a question) when the filters change.
 * Works without JavaScript; the dates come back in their boxes and the page answers
 * at the short address.
 */
export function AnalysisFilterForm({
  action,
  choices,
  typed,
  errors = {},
  hidden = {},
  open = false,
  extra,
}: {
  action: string;
  choices: FilterChoices;
  typed: TypedFilter;
  errors?: Partial<Record<FilterField, FilterError>>;
  hidden?: Record<string, string>;
  /** Open the filters (they are inside a details element). Open when any are set or wrong. */
  open?: boolean;
  /** More fields at the end of the form (e.g. a choice of question). */
  extra?: ReactNode;
}) {
  const { t } = useTranslation("analysis");
  const label = useDimensionLabel();
  const message = (field: FilterField) => {
    const error = errors[field];
    return error ? t(error.key, { value: error.value ?? "" }) : undefined;
  };
  return (
    <form method="get" action={action} className="app-analysis-filters" aria-labelledby="filters-heading">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <details className="govuk-details" open={open}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text" id="filters-heading">
            {t("filters.heading")}
          </span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">{t("filters.intro")}</p>
          {filterDimensions.map((dimension) => {
            const values = allowedValues(dimension, choices);
            if (values.length === 0) return null;
            return (
              <Checkboxes
                key={dimension}
                name={dimension}
                id={`filter-${dimension}`}
                legend={t(`dimensions.${dimension}`)}
                legendSize="s"
                small
                error={message(dimension)}
                defaultValues={typed[dimension]}
                choices={values.map((value) => ({ value, label: label(dimension, value, choices) }))}
              />
            );
          })}
          <DateInput name="from" legend={t("filters.from")} hint={t("filters.dateHint")} legendSize="s" error={message("from")} defaultValue={typed.from} />
          <DateInput name="to" legend={t("filters.to")} hint={t("filters.dateHint")} legendSize="s" error={message("to")} defaultValue={typed.to} />
        </div>
      </details>
      {extra}
      <div className="govuk-button-group">
        <Button id="filters-apply" type="submit">
          {t("filters.apply")}
        </Button>
        <a className="govuk-link" href={`${action}${Object.keys(hidden).length ? `?${new URLSearchParams(hidden).toString()}` : ""}`}>
          {t("filters.clear")}
        </a>
      </div>
    </form>
  );
}
