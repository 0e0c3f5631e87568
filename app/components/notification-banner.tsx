import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface NotificationBannerProps {
  type?: "important" | "success";
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
}

/** GOV.UK notification banner. Success banners are announced (role="alert"). */
export function NotificationBanner({ type = "important", title, heading, children }: NotificationBannerProps) {
  const { t } = useTranslation("common");
  const success = type === "success";
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {title ?? t(success ? "notification.success" : "notification.important")}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
