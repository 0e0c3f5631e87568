import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { youSaidThemes, yswdFieldOrder, YSWD_TEXT_MAX } from "./schemas";

export interface EntryFormValues {
  year: string;
  theme: string;
  youSaid: string;
  weDid: string;
  action: string;
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** What to show in the boxes: what was typed (after an error), else what was saved or suggested. */
export function entryValues(posted: FormValues | undefined, fallback: EntryFormValues): EntryFormValues {
  if (!posted) return fallback;
  return {
    year: one(posted.year) ?? "",
    theme: one(posted.theme) ?? "",
    youSaid: one(posted.youSaid) ?? "",
    weDid: one(posted.weDid) ?? "",
    action: one(posted.action) ?? "",
  };
}

/**
 * The "You said, we did" entry form, for a new entry and for changing one. The
 * reminder about plain, anonymous words is always shown above the boxes.
 */
export function EntryForm({
  errors,
  values,
  latestYear,
  themeGuessed,
  hidden,
  buttons,
}: {
  errors: FieldErrors;
  values: EntryFormValues;
  latestYear: number;
  themeGuessed?: boolean;
  hidden?: ReactNode;
  buttons: ReactNode;
}) {
  const { t } = useTranslation("you-said-we-did");
  const message = (key: string) => t(key, { latest: latestYear, example: latestYear - 1 });
  const error = (field: string) => (errors[field] ? message(errors[field]) : undefined);
  const summary = [
    // A refusal of the whole entry (its feedback is flagged for safeguarding) comes first.
    ...(errors.form ? [{ href: "youSaid", text: message(errors.form) }] : []),
    ...yswdFieldOrder.filter((f) => errors[f]).map((f) => ({ href: f, text: message(errors[f]!) })),
  ];
  return (
    <>
      <ErrorSummary errors={summary} />
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">{t("admin.form.reminderHeading")}: </span>
          {t("admin.form.reminder")}
        </strong>
      </div>
      <Form method="post" noValidate>
        <CsrfInput />
        {hidden}
        <TextInput
          name="year"
          label={t("admin.form.year")}
          hint={t("admin.form.yearHint", { year: latestYear - 1 })}
          inputMode="numeric"
          autoComplete="off"
          width="4"
          defaultValue={values.year}
          error={error("year")}
        />
        <Radios
          name="theme"
          legend={t("admin.form.theme")}
          legendSize="s"
          hint={themeGuessed ? t("admin.form.themeGuess") : undefined}
          defaultValue={values.theme}
          error={error("theme")}
          choices={youSaidThemes.map((theme) => ({ value: theme, label: t(`themes.${theme}`), hint: t(`themeHints.${theme}`) }))}
        />
        <Textarea name="youSaid" label={t("admin.form.youSaid")} hint={t("admin.form.youSaidHint")} maxLength={YSWD_TEXT_MAX} defaultValue={values.youSaid} error={error("youSaid")} />
        <Textarea name="weDid" label={t("admin.form.weDid")} hint={t("admin.form.weDidHint")} maxLength={YSWD_TEXT_MAX} defaultValue={values.weDid} error={error("weDid")} />
        <Textarea name="action" label={t("admin.form.action")} hint={t("admin.form.actionHint")} maxLength={YSWD_TEXT_MAX} defaultValue={values.action} error={error("action")} />
        <div className="govuk-button-group">{buttons}</div>
      </Form>
    </>
  );
}
