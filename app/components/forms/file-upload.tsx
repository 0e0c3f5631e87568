import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";
import { Field } from "./field";

export interface FileUploadProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type"> {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

/** GOV.UK file upload: one file, with label, hint and inline error. The form needs encType="multipart/form-data". */
export const FileUpload = forwardRef<HTMLInputElement, FileUploadProps>(function FileUpload(
  { name, id = name, label, hint, error, optional, className, ...input },
  ref,
) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <input
          ref={ref}
          id={id}
          name={name}
          type="file"
          className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}${className ? ` ${className}` : ""}`}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      )}
    </Field>
  );
});
