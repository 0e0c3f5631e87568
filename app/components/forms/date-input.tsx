import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "./field";

export type DatePart = "day" | "month" | "year";

export interface DateValue {
  day?: string;
  month?: string;
  year?: string;
}

export interface DateInputProps {
  /** Inputs are named `${name}-day`, `${name}-month` and `${name}-year`. */
  name: string;
  /** The day input's id (so an error summary link lands on it); month and year get `${id}-month`, `${id}-year`. */
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Which parts to highlight when there is an error (GOV.UK: only the parts that are wrong). Defaults to all three. */
  errorParts?: DatePart[];
  defaultValue?: DateValue;
  isPageHeading?: boolean;
  legendSize?: "s" | "m" | "l" | "xl";
  /** e.g. "bday" for a date of birth: gives autocomplete="bday-day" and so on. */
  autoCompletePrefix?: string;
  /** Extra props for every input (e.g. onChange). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id" | "name" | "defaultValue" | "value">;
}

const parts: { part: DatePart; width: 2 | 4 }[] = [
  { part: "day", width: 2 },
  { part: "month", width: 2 },
  { part: "year", width: 4 },
];

/**
 * GOV.UK date input: three labelled text boxes in a fieldset. The fieldset has
 * role="group" (as GOV.UK renders it) so JAWS reads its description.
 */
export function DateInput({
  name,
  id = name,
  legend,
  hint,
  error,
  errorParts = ["day", "month", "year"],
  defaultValue,
  isPageHeading,
  legendSize = isPageHeading ? "l" : "m",
  autoCompletePrefix,
  inputProps,
}: DateInputProps) {
  const { t } = useTranslation("common");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input">
          {parts.map(({ part, width }, index) => {
            const inputId = index === 0 ? id : `${id}-${part}`;
            const inError = Boolean(error) && errorParts.includes(part);
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {t(`dateInput.${part}`)}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${width}${inError ? " govuk-input--error" : ""}`}
                    id={inputId}
                    name={`${name}-${part}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${part}` : undefined}
                    defaultValue={defaultValue?.[part]}
                    aria-invalid={inError ? true : undefined}
                    {...inputProps}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
