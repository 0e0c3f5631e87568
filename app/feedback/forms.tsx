import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { problemKinds } from "~/local-offer/model";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { FEEDBACK_TEXT_MAX, HONEYPOT_FIELD, type FeedbackKind } from "./schemas";

/**
 * The parts of the page feedback forms, shared by the forms at the foot of every
 * local offer page and the /local-offer/feedback page that shows one form on its own
 * (after an error, or without JavaScript). Field ids start with `idPrefix` so the
 * forms can sit on any page without clashing with its own fields.
 */

export const FEEDBACK_ROUTE = "/local-offer/feedback";

/** Where a form posts; the query says which form and page to show again after an error. */
export function feedbackUrl(form: FeedbackKind | "sent", pagePath: string): string {
  return `${FEEDBACK_ROUTE}?${new URLSearchParams({ form, page: pagePath }).toString()}`;
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : Array.isArray(value) ? value[0] : undefined);

export interface FieldsProps {
  idPrefix?: string;
  errors?: FieldErrors;
  values?: FormValues;
}

/** CSRF token, which form this is, and the page and service it is about. */
export function FeedbackHiddenFields({ kind, pagePath, serviceId }: { kind: FeedbackKind; pagePath: string; serviceId?: string | null }) {
  return (
    <>
      <CsrfInput />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="pagePath" value={pagePath} />
      {serviceId ? <input type="hidden" name="serviceId" value={serviceId} /> : null}
    </>
  );
}

/**
 * The trap for form-filling bots: a text box people never see or reach. Hidden with
 * the visually-hidden class (the CSP allows no inline styles), from screen readers
 * with aria-hidden, and from the keyboard with tabindex -1.
 */
export function Honeypot({ id }: { id: string }) {
  const { t } = useTranslation("page-feedback");
  return (
    <div className="govuk-visually-hidden" aria-hidden="true">
      <label htmlFor={id}>{t("honeypot")}</label>
      <input type="text" id={id} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** Said before anything is sent: no personal details, and what happens to a worry about a child. */
export function PrivacyNote() {
  const { t } = useTranslation("page-feedback");
  return <p className="govuk-body">{t("privacy")}</p>;
}

export function ProblemFields({ idPrefix = "", errors = {}, values = {} }: FieldsProps) {
  const { t } = useTranslation("page-feedback");
  const { t: terms } = useTranslation("local-offer-terms");
  const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
  return (
    <>
      <Radios
        name="problemKind"
        id={`${idPrefix}problemKind`}
        legend={t("problem.kindLegend")}
        legendSize="s"
        small
        error={error("problemKind")}
        defaultValue={one(values.problemKind)}
        choices={problemKinds.map((kind) => ({ value: kind, label: terms(`problemKinds.${kind}`) }))}
      />
      <Textarea
        name="description"
        id={`${idPrefix}description`}
        label={t("problem.descriptionLabel")}
        hint={t("problem.descriptionHint")}
        maxLength={FEEDBACK_TEXT_MAX}
        rows={4}
        error={error("description")}
        defaultValue={one(values.description)}
      />
    </>
  );
}

export function MissingFields({ idPrefix = "", errors = {}, values = {} }: FieldsProps) {
  const { t } = useTranslation("page-feedback");
  return (
    <Textarea
      name="lookingFor"
      id={`${idPrefix}lookingFor`}
      label={t("missing.label")}
      hint={t("missing.hint")}
      maxLength={FEEDBACK_TEXT_MAX}
      rows={4}
      error={errors.lookingFor ? t(errors.lookingFor) : undefined}
      defaultValue={one(values.lookingFor)}
    />
  );
}

/** The optional comment after "No". The reference ties it to that answer. */
export function CommentFields({ idPrefix = "", errors = {}, values = {}, reference, isPageHeading }: FieldsProps & { reference?: string | null; isPageHeading?: boolean }) {
  const { t } = useTranslation("page-feedback");
  return (
    <>
      <input type="hidden" name="useful" value="no" />
      {reference ? <input type="hidden" name="reference" value={reference} /> : null}
      <Textarea
        name="comment"
        id={`${idPrefix}comment`}
        label={t("useful.commentLabel")}
        hint={t("useful.commentHint")}
        isPageHeading={isPageHeading}
        maxLength={FEEDBACK_TEXT_MAX}
        rows={4}
        error={errors.comment ? t(errors.comment) : undefined}
        defaultValue={one(values.comment)}
      />
    </>
  );
}
