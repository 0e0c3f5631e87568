/**
 * "Is this page useful?", "Report a problem with this page" and "Tell us what's
 * missing", shown at the foot of every local offer page (SEND Regulations 2014,
 * reg. 56: the area must seek comments on its local offer). Each is a real form
 * posting to /local-offer/feedback, so it works without JavaScript; the two longer
 * ones sit in closed Details so pages stay short. With JavaScript, Yes and No are
 * answered in place and No opens the comment box where it was.
 *
 * A page that renders this must list `pageFeedbackNamespaces` in its handle's i18n.
 */
import { Form, useFetcher, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import {
  CommentFields,
  FeedbackHiddenFields,
  feedbackUrl,
  Honeypot,
  MissingFields,
  PrivacyNote,
  ProblemFields,
} from "~/feedback/forms";
import type { FieldErrors, FormValues } from "~/utils/form-data";

export const pageFeedbackNamespaces = ["page-feedback", "local-offer-terms"];

/**
 * With JavaScript, Yes and No are sent by a fetcher, after which Remix reloads the
 * page's data. A page whose loader does something each time it runs (the search
 * logs every search) can export this as its `shouldRevalidate`, so an answer to
 * "Is this page useful?" is not counted as a second search.
 */
export const skipRevalidationAfterPageFeedback: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction?.startsWith("/local-offer/feedback") ? false : defaultShouldRevalidate;

/** What /local-offer/feedback answers a form sent in place (with JavaScript). */
export type InPlaceAnswer =
  | { sent: "useful"; useful: boolean; reference: string; withComment: boolean }
  | { errors: FieldErrors; values: FormValues; retryAt?: string };

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function sentOf(data: InPlaceAnswer | undefined) {
  return data && "sent" in data ? data : undefined;
}

function errorsOf(data: InPlaceAnswer | undefined) {
  return data && "errors" in data ? data : undefined;
}

/** The rate-limit message, with the time to try again in UK time. */
export function useTooManyMessage() {
  const { t, i18n } = useTranslation("page-feedback");
  return (retryAt: string | undefined) =>
    t("tooMany", {
      time: retryAt
        ? new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" }).format(new Date(retryAt))
        : "",
    });
}

function UsefulQuestion({ pagePath, serviceId }: { pagePath: string; serviceId?: string }) {
  const { t } = useTranslation("page-feedback");
  const tooMany = useTooManyMessage();
  const hydrated = useHydrated();
  const answer = useFetcher<InPlaceAnswer>();
  const comment = useFetcher<InPlaceAnswer>();
  const answered = sentOf(answer.data);
  const commented = sentOf(comment.data);
  const answerErrors = errorsOf(answer.data);
  const commentErrors = errorsOf(comment.data);
  const focusTarget = useRef<HTMLDivElement>(null);
  const commentBox = useRef<HTMLDivElement>(null);

  // Each new step takes focus, so keyboard and screen reader users hear what happened.
  useEffect(() => {
    if (answered && !answered.useful) commentBox.current?.querySelector("textarea")?.focus();
    else if (answered || commented) focusTarget.current?.focus();
  }, [answered, commented]);

  if (commented || answered?.useful) {
    const reference = commented?.reference ?? answered?.reference;
    return (
      <div ref={focusTarget} tabIndex={-1} role="status" className="govuk-!-margin-bottom-6">
        <p className="govuk-body govuk-!-font-weight-bold">{t("useful.thanks")}</p>
        {commented?.withComment && reference ? (
          <p className="govuk-body">
            {t("sent.reference")}: <strong>{reference}</strong>
          </p>
        ) : null}
      </div>
    );
  }

  if (answered) {
    const tooManyText = commentErrors?.errors.form ? tooMany(commentErrors.retryAt) : undefined;
    return (
      <div ref={commentBox} className="govuk-!-margin-bottom-6">
        <p className="govuk-body" role="status">
          {t("useful.notUsefulThanks")}
        </p>
        <comment.Form method="post" action={feedbackUrl("useful", pagePath)} noValidate>
          <FeedbackHiddenFields kind="useful" pagePath={pagePath} serviceId={serviceId} />
          <input type="hidden" name="inPlace" value="1" />
          {tooManyText ? <p className="govuk-error-message">{tooManyText}</p> : null}
          <CommentFields idPrefix="page-feedback-useful-" reference={answered.reference} errors={commentErrors?.errors} values={commentErrors?.values} />
          <PrivacyNote />
          <Honeypot id="page-feedback-useful-comment-extra" />
          <Button>{t("useful.send")}</Button>
        </comment.Form>
      </div>
    );
  }

  return (
    <answer.Form method="post" action={feedbackUrl("useful", pagePath)} className="govuk-!-margin-bottom-6" aria-labelledby="page-feedback-useful">
      <FeedbackHiddenFields kind="useful" pagePath={pagePath} serviceId={serviceId} />
      {hydrated ? <input type="hidden" name="inPlace" value="1" /> : null}
      <Honeypot id="page-feedback-useful-extra" />
      <h3 className="govuk-heading-s" id="page-feedback-useful">
        {t("useful.question")}
      </h3>
      {answerErrors?.errors.form ? <p className="govuk-error-message">{tooMany(answerErrors.retryAt)}</p> : null}
      <Button variant="secondary" name="useful" value="yes" className="govuk-!-margin-right-2 govuk-!-margin-bottom-0">
        {t("useful.yes")}
        <span className="govuk-visually-hidden"> {t("useful.yesHidden")}</span>
      </Button>
      <Button variant="secondary" name="useful" value="no" className="govuk-!-margin-bottom-0">
        {t("useful.no")}
        <span className="govuk-visually-hidden"> {t("useful.noHidden")}</span>
      </Button>
    </answer.Form>
  );
}

export function PageFeedback({ serviceId }: { serviceId?: string }) {
  const { t } = useTranslation("page-feedback");
  const location = useLocation();
  const pagePath = location.pathname + location.search;
  return (
    <section className="app-page-feedback app-no-print govuk-!-margin-top-9" aria-labelledby="page-feedback-heading">
      <h2 className="govuk-heading-m" id="page-feedback-heading">
        {t("heading")}
      </h2>
      <UsefulQuestion pagePath={pagePath} serviceId={serviceId} />
      <Details summary={t("problem.summary")} id="page-feedback-problem">
        <Form method="post" action={feedbackUrl("problem", pagePath)} noValidate>
          <FeedbackHiddenFields kind="problem" pagePath={pagePath} serviceId={serviceId} />
          <ProblemFields idPrefix="page-feedback-problem-" />
          <PrivacyNote />
          <Honeypot id="page-feedback-problem-extra" />
          <Button>{t("problem.send")}</Button>
        </Form>
      </Details>
      <Details summary={t("missing.summary")} id="page-feedback-missing">
        <Form method="post" action={feedbackUrl("missing", pagePath)} noValidate>
          <FeedbackHiddenFields kind="missing" pagePath={pagePath} serviceId={serviceId} />
          <MissingFields idPrefix="page-feedback-missing-" />
          <PrivacyNote />
          <Honeypot id="page-feedback-missing-extra" />
          <Button>{t("missing.send")}</Button>
        </Form>
      </Details>
    </section>
  );
}
