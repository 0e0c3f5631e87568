import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The public sections of the site, longest prefix first so the shortlist beats the local offer. */
const items = [
  { key: "shortlist", to: "/local-offer/shortlist" },
  { key: "localOffer", to: "/local-offer" },
  { key: "surveys", to: "/surveys" },
  { key: "youSaidWeDid", to: "/you-said-we-did" },
  { key: "workingGroups", to: "/working-groups" },
  { key: "feedback", to: "/feedback" },
] as const;

/** GOV.UK service navigation: the main public sections, the current one marked for every reader. */
export function ServiceNavigation() {
  const { t } = useTranslation("common");
  const { pathname } = useLocation();
  const current = items.find((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))?.key;
  const order: (typeof items)[number]["key"][] = ["localOffer", "shortlist", "surveys", "youSaidWeDid", "workingGroups", "feedback"];
  return (
    <div className="govuk-service-navigation app-no-print">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label={t("serviceNavigation.label")} className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {order.map((key) => {
                const item = items.find((i) => i.key === key)!;
                const isCurrent = key === current;
                return (
                  <li key={key} className={`govuk-service-navigation__item${isCurrent ? " govuk-service-navigation__item--active" : ""}`}>
                    <Link className="govuk-service-navigation__link" to={item.to} aria-current={isCurrent ? (pathname === item.to ? "page" : "true") : undefined}>
                      {isCurrent ? <strong className="govuk-service-navigation__active-fallback">{t(`serviceNavigation.${key}`)}</strong> : t(`serviceNavigation.${key}`)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}
