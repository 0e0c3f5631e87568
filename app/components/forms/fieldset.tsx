import type { ReactNode } from "react";

export interface FieldsetProps {
  legend: ReactNode;
  /** Make the legend the page's heading (one question per page). */
  isPageHeading?: boolean;
  legendSize?: "s" | "m" | "l" | "xl";
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
