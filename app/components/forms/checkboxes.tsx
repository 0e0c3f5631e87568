import type { InputHTMLAttributes, ReactNode } from "react";
import { ErrorMessage } from "./field";
import { Fieldset } from "./fieldset";
import type { Choice } from "./radios";

export interface CheckboxesProps {
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  defaultValues?: string[];
  isPageHeading?: boolean;
  legendSize?: "s" | "m" | "l" | "xl";
  small?: boolean;
  /** Extra props for every input (e.g. react-hook-form's register). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "defaultChecked">;
}

/**
 * GOV.UK checkboxes ("select all that apply"). The first checkbox carries the
 * field id so an error summary link lands on it; the fieldset is described by
 * the hint and the error.
 */
export function Checkboxes({ name, id = name, legend, hint, error, choices, defaultValues = [], isPageHeading, legendSize, small, inputProps }: CheckboxesProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Fieldset legend={legend} isPageHeading={isPageHeading} legendSize={legendSize} describedBy={describedBy}>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={choice.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  name={name}
                  type="checkbox"
                  value={choice.value}
                  defaultChecked={defaultValues.includes(choice.value)}
                  aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                  {...inputProps}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId} lang={choice.lang}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
