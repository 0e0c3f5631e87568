import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Make the label the page's heading (one question per page). */
  isPageHeading?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint, inline error and the control, wired together with aria-describedby. */
export function Field({ id, label, hint, error, optional, isPageHeading, children }: FieldProps) {
  const { t } = useTranslation("common");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
      {optional ? ` ${t("optional")}` : null}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children(describedBy)}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation("common");
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errorPrefix")}</span> {children}
    </p>
  );
}
