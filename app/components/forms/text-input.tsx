import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";
import { Field } from "./field";

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  isPageHeading?: boolean;
  /** GOV.UK width class suffix, e.g. "20" or "one-half". */
  width?: string;
}

export const TextInput = forwardRef<HTMLInputElement, TextInputProps>(function TextInput(
  { name, id = name, label, hint, error, optional, isPageHeading, width, className, ...input },
  ref,
) {
  const widthClass = width ? (/^\d+$/.test(width) ? ` govuk-input--width-${width}` : ` govuk-!-width-${width}`) : "";
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional} isPageHeading={isPageHeading}>
      {(describedBy) => (
        <input
          ref={ref}
          id={id}
          name={name}
          type="text"
          className={`govuk-input${widthClass}${error ? " govuk-input--error" : ""}${className ? ` ${className}` : ""}`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      )}
    </Field>
  );
});
