import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface BreadcrumbItem {
  text: ReactNode;
  /** Leave out for the current page: it is then marked aria-current="page". */
  href?: string;
}

export interface BreadcrumbsProps {
  items: BreadcrumbItem[];
  collapseOnMobile?: boolean;
}

/** GOV.UK breadcrumbs: where this page sits in the site. Not for transactions (use a back link). */
export function Breadcrumbs({ items, collapseOnMobile }: BreadcrumbsProps) {
  const { t } = useTranslation("common");
  return (
    <nav className={`govuk-breadcrumbs${collapseOnMobile ? " govuk-breadcrumbs--collapse-on-mobile" : ""}`} aria-label={t("breadcrumbs.label")}>
      <ol className="govuk-breadcrumbs__list">
        {items.map((item, index) =>
          item.href ? (
            <li className="govuk-breadcrumbs__list-item" key={index}>
              <a className="govuk-breadcrumbs__link" href={item.href}>
                {item.text}
              </a>
            </li>
          ) : (
            <li className="govuk-breadcrumbs__list-item" aria-current="page" key={index}>
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
