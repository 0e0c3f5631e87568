import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface HeaderProps {
  serviceName: string;
  partnershipName: string;
  user: { name: string } | null;
  csrfToken: string | undefined;
}

export function Header({ serviceName, partnershipName, user, csrfToken }: HeaderProps) {
  const { t } = useTranslation("common");
  return (
    <header className="govuk-header portal-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <Link to="/" className="portal-header__service">
          {serviceName}
        </Link>
        <span className="portal-header__partnership">{partnershipName}</span>
        <nav className="portal-header__nav" aria-label={t("header.navLabel")}>
          <ul className="govuk-list govuk-!-margin-bottom-0 portal-header__links">
            {user ? (
              <>
                <li className="govuk-!-display-inline-block govuk-!-margin-right-4">
                  <Link to="/admin">{t("header.staffArea")}</Link>
                </li>
                <li className="govuk-!-display-inline-block">
                  <Form method="post" action="/logout" className="govuk-!-display-inline">
                    <input type="hidden" name="csrf" value={csrfToken ?? ""} />
                    <button type="submit" className="portal-header__signout">
                      {t("header.signOut", { name: user.name })}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <li className="govuk-!-display-inline-block">
                <Link to="/login">{t("header.staffSignIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
