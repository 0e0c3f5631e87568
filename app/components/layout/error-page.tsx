import { useTranslation } from "react-i18next";

/**
 * The page every error shows, inside the layout and in the visitor's language.
 * `reason` is a short code a route put in its Response (e.g. "csrf"); never a stack trace.
 */
export function ErrorPage({ status, reason }: { status: number; reason?: string }) {
  const { t } = useTranslation("common");
  const kind = errorKind(status, reason);
  const title = t(`errors.${kind}.title`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {(t(`errors.${kind}.body`, { returnObjects: true }) as string[]).map((paragraph) => (
          <p className="govuk-body" key={paragraph}>
            {paragraph}
          </p>
        ))}
        <p className="govuk-body">
          {/* A full page load: after an error, start the app afresh. */}
          <a className="govuk-link" href="/">
            {t("errors.home")}
          </a>
        </p>
      </div>
    </div>
  );
}

export function errorKind(status: number, reason?: string) {
  if (status === 404) return "notFound";
  if (status === 403) return reason === "csrf" ? "csrf" : "forbidden";
  if (status === 413) return "tooLarge";
  if (status >= 400 && status < 500) return "badRequest";
  return "serverError";
}
