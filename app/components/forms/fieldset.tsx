import type { InputHTMLAttributes, ReactNode } from "react";
import { ErrorMessage } from "./field";

export type LegendSize = "s" | "m" | "l" | "xl";

export interface FieldsetProps {
  legend: ReactNode;
  /** Make the legend the page's heading (one question per page). */
  isPageHeading?: boolean;
  legendSize?: LegendSize;
  describedBy?: string;
  children: ReactNode;
}

export function Fieldset({ legend, isPageHeading, legendSize = isPageHeading ? "l" : "m", describedBy, children }: FieldsetProps) {
  return (
    <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
      <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>
        {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** Props shared by every question made of several inputs in a fieldset (radios, checkboxes, face scale, date). */
export interface GroupQuestionProps {
  name: string;
  id?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  isPageHeading?: boolean;
  legendSize?: LegendSize;
  /** Extra props for every input (e.g. react-hook-form's register). */
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "id" | "defaultChecked">;
}

/**
 * A form group around a fieldset: legend, hint and inline error, with the
 * fieldset described by the hint and the error (GOV.UK pattern).
 */
export function FieldsetGroup({
  id,
  legend,
  hint,
  error,
  isPageHeading,
  legendSize,
  children,
}: Pick<GroupQuestionProps, "legend" | "hint" | "error" | "isPageHeading" | "legendSize"> & { id: string; children: ReactNode }) {
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
        {children}
      </Fieldset>
    </div>
  );
}
