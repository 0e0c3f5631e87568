import type { InputHTMLAttributes, ReactNode } from "react";
import { ErrorMessage } from "./field";
import { Fieldset } from "./fieldset";

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Language of the label, when it differs from the page's. */
  lang?: string;
}

export interface RadiosProps {
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  defaultValue?: string;
  isPageHeading?: boolean;
  legendSize?: "s" | "m" | "l" | "xl";
  inline?: boolean;
  small?: boolean;
  /** Extra props for every input (e.g. react-hook-form's register). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "defaultChecked">;
}

/** GOV.UK radios. The first radio carries the field id so an error summary link lands on it. */
export function Radios({ name, id = name, legend, hint, error, choices, defaultValue, isPageHeading, legendSize, inline, small, inputProps }: RadiosProps) {
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
        <div className={`govuk-radios${inline ? " govuk-radios--inline" : ""}${small ? " govuk-radios--small" : ""}`}>
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={choice.value}>
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={name}
                  type="radio"
                  value={choice.value}
                  defaultChecked={defaultValue === choice.value}
                  aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                  {...inputProps}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={inputId} lang={choice.lang}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
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
