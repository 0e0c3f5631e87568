import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function Footer({ partnershipName }: { partnershipName: string }) {
  const { t } = useTranslation("common");
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("footer.heading")}</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  {t("footer.accessibility")}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/privacy">
                  {t("footer.privacy")}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/preferences">
                  {t("footer.displaySettings")}
                </Link>
              </li>
            </ul>
            <p className="govuk-body-s portal-footer-meta">{t("footer.runBy", { partnership: partnershipName })}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
