import { useTranslation } from "react-i18next";

export function PhaseBanner({ contactEmail }: { contactEmail: string }) {
  const { t } = useTranslation("common");
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{t("phase.tag")}</strong>
        <span className="govuk-phase-banner__text">
          {t("phase.text")}{" "}
          {contactEmail ? (
            <a className="govuk-link" href={`mailto:${contactEmail}`}>
              {t("phase.feedbackLink")}
            </a>
          ) : null}
        </span>
      </p>
    </div>
  );
}
