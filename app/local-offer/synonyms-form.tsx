import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Textarea } from "~/components/forms/textarea";
import type { FieldErrors, FormValues } from "~/utils/form-data";
import { MAX_EXPLANATION_LENGTH } from "./synonyms";

/** What a synonym form's action answers when it cannot save: the messages, what was typed, and the terms other groups have. */
export interface SynonymFormErrors {
  errors: FieldErrors;
  values: FormValues;
  duplicates?: string[];
}

const FIELDS = ["terms", "explanation"];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The form for adding or changing a synonym group. */
export function SynonymGroupForm({
  heading,
  defaults,
  answer,
  submitLabel,
}: {
  heading: string;
  defaults: { terms: string; explanation: string };
  answer?: SynonymFormErrors;
  submitLabel: string;
}) {
  const { t } = useTranslation("search-admin");
  const errors = answer?.errors ?? {};
  const duplicates = answer?.duplicates ?? [];
  const message = (field: string) => {
    const key = errors[field];
    if (!key) return undefined;
    return t(key, { count: duplicates.length, terms: duplicates.map((d) => `‘${d}’`).join(", ") });
  };
  const summary = FIELDS.filter((f) => errors[f]).map((field) => ({ href: field, text: message(field)! }));
  return (
    <>
      <ErrorSummary errors={summary} />
      <h1 className="govuk-heading-l">{heading}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <Textarea
          name="terms"
          label={t("group.terms")}
          hint={t("group.termsHint")}
          rows={6}
          spellCheck={false}
          defaultValue={answer ? (one(answer.values.terms) ?? "") : defaults.terms}
          error={message("terms")}
        />
        <Textarea
          name="explanation"
          label={t("group.explanation")}
          hint={t("group.explanationHint")}
          rows={2}
          maxLength={MAX_EXPLANATION_LENGTH}
          defaultValue={answer ? (one(answer.values.explanation) ?? "") : defaults.explanation}
          error={message("explanation")}
        />
        <Button name="intent" value="save">
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
