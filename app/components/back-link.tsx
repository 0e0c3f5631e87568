import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface BackLinkProps {
  /** Where "back" goes: a real URL, so it works without JavaScript. */
  href: string;
  /** Defaults to "Back". */
  children?: ReactNode;
}

/** GOV.UK back link: at the top of a page in a transaction, before the main content. */
export function BackLink({ href, children }: BackLinkProps) {
  const { t } = useTranslation("common");
  return (
    <a href={href} className="govuk-back-link">
      {children ?? t("backLink")}
    </a>
  );
}
