/**
 * Small pieces shared by the service page and the shortlist: text as
 * paragraphs, contact details as safe links, and a print button.
 */
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { emailLink, paragraphs, phoneLink, websiteLink } from "./service-page";

/** Provider text, split into paragraphs on blank lines. Rendered as text: never as HTML. */
export function Paragraphs({ text, className = "govuk-body" }: { text: string; className?: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => (
        <p className={className} key={i}>
          {p}
        </p>
      ))}
    </>
  );
}

export function EmailLink({ email }: { email: string }) {
  const href = emailLink(email);
  return href ? (
    <a className="govuk-link" href={href}>
      {email.trim()}
    </a>
  ) : (
    <>{email}</>
  );
}

export function PhoneLink({ phone }: { phone: string }) {
  const href = phoneLink(phone);
  return href ? (
    <a className="govuk-link" href={href}>
      {phone}
    </a>
  ) : (
    <>{phone}</>
  );
}

/** A place as address lines: name, street, town, postcode. */
export function Address({ location }: { location: { name: string; address1: string; city: string; postcode: string } }) {
  const lines = [location.name, location.address1, location.city, location.postcode].filter(Boolean);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** A provider's website: says it leaves this site for the provider's own. Only http(s) becomes a link. */
export function WebsiteLink({ website }: { website: string }) {
  const { t } = useTranslation("local-offer-service");
  const link = websiteLink(website);
  return link ? (
    <a className="govuk-link" href={link.href} rel="external noopener noreferrer">
      {t("service.contact.websiteLink", { site: link.text })}
    </a>
  ) : (
    <>{website}</>
  );
}

/**
 * "Print this page": a button that opens the browser's print dialogue once
 * JavaScript has started; until then (or without it) words that say how.
 */
export function PrintButton({ label }: { label: string }) {
  const { t } = useTranslation("local-offer-service");
  const hydrated = useHydrated();
  return (
    <p className="govuk-body app-no-print">
      {hydrated ? (
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => window.print()}>
          {label}
        </button>
      ) : (
        t("print.fallback")
      )}
    </p>
  );
}
