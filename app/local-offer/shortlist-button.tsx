import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { CsrfInput } from "~/components/forms/csrf-input";
import { SHORTLIST_PATH, type ShortlistNotice } from "./shortlist";

/** What the shortlist action answers a request sent from this button with JavaScript on. */
export interface ShortlistFetcherData {
  notice: ShortlistNotice;
  /** Whether the service is on the shortlist now, so the button is right even if the page does not reload its data. */
  shortlisted: boolean;
}

/**
 * Adds a service to (or removes it from) the visitor's shortlist: a real form
 * posting to /local-offer/shortlist, so it works without JavaScript (the action
 * redirects back here). With JavaScript the form is sent in the background
 * (useFetcher), so the page does not jump, and the result is announced.
 * The button's accessible name includes the service's name, because a search
 * page has one button per result.
 *
 * `inBackground={false}` sends the form as a navigation even with JavaScript:
 * for the shortlist page, where a removed entry disappears with its button, so
 * the page's own banner has to say what happened.
 */
export function ShortlistButton({
  slug,
  name,
  shortlisted,
  inBackground = true,
}: {
  slug: string;
  name: string;
  shortlisted: boolean;
  inBackground?: boolean;
}) {
  const { t } = useTranslation("local-offer-service");
  const location = useLocation();
  const fetcher = useFetcher<ShortlistFetcherData>();
  const hydrated = useHydrated();
  // While the request is on its way, show what it will do; afterwards what the action said
  // (a page may choose not to reload its data after a shortlist change, e.g. search, which logs each load).
  const pending = fetcher.formData?.get("intent");
  const on = pending === "add" ? true : pending === "remove" ? false : (fetcher.data?.shortlisted ?? shortlisted);
  const notice = fetcher.state === "idle" ? fetcher.data?.notice : undefined;
  const hidden = <span className="govuk-visually-hidden" />;
  const FormElement = inBackground ? fetcher.Form : Form;
  return (
    <FormElement method="post" action={SHORTLIST_PATH} className="app-shortlist-button app-no-print">
      <CsrfInput />
      <input type="hidden" name="intent" value={on ? "remove" : "add"} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      {/* Tells the action to answer with data instead of a redirect. */}
      {hydrated && inBackground ? <input type="hidden" name="js" value="1" /> : null}
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" data-module="govuk-button">
        {on ? (
          <Trans t={t} i18nKey="shortlist.removeButton" values={{ name }} components={{ hidden }} />
        ) : (
          <Trans t={t} i18nKey="shortlist.addButton" values={{ name }} components={{ hidden }} />
        )}
      </button>
      <p className="govuk-body-s govuk-!-margin-bottom-0" role="status">
        {notice ? <ShortlistNoticeText notice={notice} /> : null}
        {notice?.message === "added" ? (
          <>
            {" "}
            <Link className="govuk-link" to={SHORTLIST_PATH}>
              {t("shortlist.view")}
            </Link>
          </>
        ) : null}
      </p>
    </FormElement>
  );
}

/** What a change to the shortlist did, in words: "Added Burnley Autism Family Group to your shortlist." */
export function ShortlistNoticeText({ notice }: { notice: ShortlistNotice }) {
  const { t } = useTranslation("local-offer-service");
  switch (notice.message) {
    case "added":
      return <>{t("shortlist.notice.added", { name: notice.name })}</>;
    case "removed":
      return <>{notice.name ? t("shortlist.notice.removed", { name: notice.name }) : t("shortlist.notice.removedUnnamed")}</>;
    case "full":
      return <>{t("shortlist.notice.full")}</>;
    case "saved":
      return <>{t("shortlist.notice.saved", { count: notice.count })}</>;
  }
}
