import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface ErrorItem {
  /** The id of the field to jump to. */
  href: string;
  text: string;
}

/**
 * GOV.UK error summary: at the top of the form, links to each field, and takes
 * focus when it appears so a screen reader announces it.
 */
export function ErrorSummary({ errors, example = false }: { errors: ErrorItem[]; /** A specimen (design system page): no focus, no title change, no alert. */ example?: boolean }) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.href + e.text).join("|");
  const prefix = `${t("errorPrefix")} `;
  useEffect(() => {
    if (example) return;
    if (signature) ref.current?.focus();
    // The server writes "Error: " into the title after a failed post; errors found
    // in the browser must say so too, and stop saying it once they are fixed.
    if (signature && !document.title.startsWith(prefix)) document.title = prefix + document.title;
    if (!signature && document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
  }, [signature, prefix, example]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role={example ? undefined : "alert"}>
        <h2 className="govuk-error-summary__title">{t("errorSummary.title")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a
                  href={`#${error.href}`}
                  onClick={(event) => {
                    // Move focus to the field itself, not just scroll (GOV.UK behaviour).
                    const target = document.getElementById(error.href);
                    if (target) {
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: "center" });
                    }
                  }}
                >
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
