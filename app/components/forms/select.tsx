import { forwardRef, type ReactNode, type SelectHTMLAttributes } from "react";
import { Field } from "./field";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** Language of the label, when it differs from the page's. */
  lang?: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "children"> {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  isPageHeading?: boolean;
  options: SelectOption[];
}

/**
 * GOV.UK select. Use only when radios would be too many to scan (GOV.UK
 * research shows selects are hard for many people).
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { name, id = name, label, hint, error, optional, isPageHeading, options, className, ...select },
  ref,
) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional} isPageHeading={isPageHeading}>
      {(describedBy) => (
        <select
          ref={ref}
          id={id}
          name={name}
          className={`govuk-select${error ? " govuk-select--error" : ""}${className ? ` ${className}` : ""}`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
});
