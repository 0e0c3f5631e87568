import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/forms/checkboxes";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { FaceScale } from "~/components/forms/face-scale";
import { FileUpload } from "~/components/forms/file-upload";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { Pictogram } from "~/components/pictogram";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { ACCEPT_ATTRIBUTE, ATTACHMENT_FIELD, ATTACHMENT_REMOVE_FIELD, ATTACHMENT_TOKEN_FIELD, formatSize } from "./attachments";
import { Honeypot } from "./forms";
import { EASY_READ_PATH, EMAIL_MAX, FEEDBACK_PATH, GENERAL_TEXT_MAX, respondentPictograms, respondents, topics } from "./general";

/**
 * The two forms at /feedback: standard and easy read. Both post to their own page,
 * work without JavaScript, and say before sending what happens to a worry about a
 * child's safety. Messages come from the "feedback" namespace.
 */

interface FormState {
  values: FormValues;
  errors: FieldErrors;
  /** The error summary's entries, already in the reader's words. */
  summary: { href: string; text: string }[];
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

function useErrorText(errors: FieldErrors) {
  const { t } = useTranslation("feedback");
  return (field: string) => (errors[field] ? t(errors[field]) : undefined);
}

/** Optional email for updates, kept only with the tick beside it. */
function ContactFields({ values, errors, easyRead }: { values: FormValues; errors: FieldErrors; easyRead: boolean }) {
  const { t } = useTranslation("feedback");
  const error = useErrorText(errors);
  const words = easyRead ? "easy.contact" : "contact";
  return (
    <>
      <h2 className="govuk-heading-m">{t(`${words}.heading`)}</h2>
      <p className="govuk-body">{t(`${words}.intro`)}</p>
      <TextInput
        name="email"
        type="email"
        label={t(`${words}.email`)}
        hint={t(`${words}.emailHint`)}
        autoComplete="email"
        spellCheck={false}
        maxLength={EMAIL_MAX}
        optional
        defaultValue={one(values.email)}
        error={error("email")}
      />
      <Checkboxes
        name="consent"
        legend={t(`${words}.consentLegend`)}
        legendSize="s"
        error={error("consent")}
        choices={[{ value: "yes", label: t(`${words}.consent`) }]}
        defaultValues={values.consent === "yes" ? ["yes"] : []}
      />
    </>
  );
}

/**
 * An optional drawing, photo or recording. A file that was fine, sent with a mistake
 * elsewhere, is kept on the server: the form carries its token and says so, so it need
 * not be chosen again. Ticking "Remove it" or choosing another file replaces it.
 */
function AttachmentField({ values, errors, label, hint }: { values: FormValues; errors: FieldErrors; label: ReactNode; hint: string }) {
  const { t, i18n } = useTranslation("feedback");
  const error = useErrorText(errors);
  const input = useRef<HTMLInputElement>(null);
  const token = one(values[ATTACHMENT_TOKEN_FIELD]);
  const kind = one(values.attachmentKind);
  const size = Number(one(values.attachmentSize));
  // With JavaScript the page is not reloaded: a file already sent (and kept, or refused) is cleared from the picker.
  useEffect(() => {
    if (input.current) input.current.value = "";
  }, [values, errors]);
  return (
    <>
      {token ? (
        <div className="govuk-inset-text" id="attachment-kept">
          <p className="govuk-body">
            {t("attachment.kept", { thing: t(`attachment.kinds.${kind}`), size: formatSize(size, i18n.language) })}
          </p>
          <input type="hidden" name={ATTACHMENT_TOKEN_FIELD} value={token} />
          <Checkboxes
            name={ATTACHMENT_REMOVE_FIELD}
            legend={t("attachment.keptLegend")}
            legendSize="s"
            small
            choices={[{ value: "yes", label: t("attachment.remove") }]}
          />
        </div>
      ) : null}
      <FileUpload
        ref={input}
        name={ATTACHMENT_FIELD}
        label={token ? t("attachment.replace") : label}
        hint={hint}
        optional
        accept={ACCEPT_ATTRIBUTE}
        error={error(ATTACHMENT_FIELD)}
      />
    </>
  );
}

/** The plain sentence said before anything is sent. */
function SafeguardingNote({ easyRead }: { easyRead: boolean }) {
  const { t } = useTranslation("feedback");
  return (
    <div className="govuk-inset-text">
      {easyRead ? (
        <span className="portal-easy-read__labelled">
          <Pictogram name="safe" size={48} />
          <span>{t("easy.safety")}</span>
        </span>
      ) : (
        t("safety")
      )}
    </div>
  );
}

export function StandardFeedbackForm({ values, errors, summary, districts }: FormState & { districts: { slug: string; name: string }[] }) {
  const { t } = useTranslation("feedback");
  const error = useErrorText(errors);
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{t("standard.title")}</h1>
      <p className="govuk-body">{t("standard.intro")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={EASY_READ_PATH}>
          {t("standard.easyReadLink")}
        </Link>
      </p>
      <Form method="post" action={FEEDBACK_PATH} encType="multipart/form-data" noValidate>
        <CsrfInput />
        <Radios
          name="respondent"
          legend={t("fields.respondent")}
          error={error("respondent")}
          defaultValue={one(values.respondent)}
          choices={respondents.map((r) => ({ value: r, label: t(`respondents.${r}`) }))}
        />
        <Select
          name="district"
          label={t("fields.district")}
          hint={t("fields.districtHint")}
          optional
          error={error("district")}
          defaultValue={one(values.district)}
          options={[{ value: "", label: t("fields.districtNone") }, ...districts.map((d) => ({ value: d.slug, label: d.name }))]}
        />
        <Radios
          name="topic"
          legend={t("fields.topic")}
          hint={t("fields.topicHint")}
          error={error("topic")}
          defaultValue={one(values.topic)}
          small
          choices={topics.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
        />
        <Textarea
          name="body"
          label={t("fields.body")}
          hint={t("fields.bodyHint")}
          maxLength={GENERAL_TEXT_MAX}
          rows={8}
          defaultValue={one(values.body)}
          error={error("body")}
        />
        <AttachmentField values={values} errors={errors} label={t("attachment.label")} hint={t("attachment.hint")} />
        <ContactFields values={values} errors={errors} easyRead={false} />
        <SafeguardingNote easyRead={false} />
        <Honeypot id="feedback-extra" />
        <Button>{t("standard.send")}</Button>
      </Form>
    </>
  );
}

export function EasyReadFeedbackForm({ values, errors, summary }: FormState) {
  const { t } = useTranslation("feedback");
  const error = useErrorText(errors);
  const labelled = (pictogram: string, words: string) => (
    <span className="portal-easy-read__labelled">
      <Pictogram name={pictogram} size={48} />
      <span>{words}</span>
    </span>
  );
  return (
    <div className="portal-easy-read">
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{t("easy.title")}</h1>
      <p className="govuk-body">{labelled("listen", t("easy.intro"))}</p>
      <Form method="post" action={EASY_READ_PATH} encType="multipart/form-data" noValidate>
        <CsrfInput />
        <Radios
          name="respondent"
          legend={labelled("person", t("easy.respondent"))}
          error={error("respondent")}
          defaultValue={one(values.respondent)}
          choices={respondents.map((r) => ({ value: r, label: labelled(respondentPictograms[r], t(`easy.respondents.${r}`)) }))}
        />
        <FaceScale
          name="face"
          legend={labelled("feelings", t("easy.face"))}
          hint={t("easy.faceHint")}
          error={error("face")}
          defaultValue={one(values.face)}
        />
        <Textarea
          name="body"
          label={labelled("question", t("easy.body"))}
          hint={t("easy.bodyHint")}
          maxLength={GENERAL_TEXT_MAX}
          rows={6}
          optional
          defaultValue={one(values.body)}
          error={error("body")}
        />
        <AttachmentField
          values={values}
          errors={errors}
          label={labelled("communication", t("easy.attachment"))}
          hint={t("easy.attachmentHint")}
        />
        <ContactFields values={values} errors={errors} easyRead />
        <SafeguardingNote easyRead />
        <Honeypot id="feedback-extra" />
        <Button>{t("easy.send")}</Button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to={FEEDBACK_PATH}>
          {t("easy.standardLink")}
        </Link>
      </p>
    </div>
  );
}

/** What a failed post sent back, as the forms above want it: values, inline errors and the summary in page order. */
export function useFormState(
  actionData: { values?: FormValues; errors?: FieldErrors; retryAt?: string } | undefined,
  fields: string[],
): FormState {
  const { t, i18n } = useTranslation("feedback");
  const errors = actionData?.errors ?? {};
  const time = actionData?.retryAt
    ? new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit", timeZone: "Europe/London" }).format(
        new Date(actionData.retryAt),
      )
    : "";
  const summary = [
    ...(errors.form ? [{ href: "body", text: t(errors.form, { time }) }] : []),
    ...fields.filter((f) => errors[f]).map((f) => ({ href: f, text: t(errors[f]!) })),
  ];
  return { values: actionData?.values ?? {}, errors, summary };
}
