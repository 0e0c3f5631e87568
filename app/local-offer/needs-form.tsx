import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Radios } from "~/components/forms/radios";
import { TextInput } from "~/components/forms/text-input";
import type { FormValues } from "~/utils/form-data";
import { broadAreas } from "./model";

const FIELDS = ["name", "slug", "broadArea", "sortOrder", "moveTo"];
const SLUG_EXAMPLE = "hearing";

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export interface NeedFormProps {
  heading: string;
  caption?: string;
  submit: string;
  errors: Record<string, string>;
  /** What was posted, after an error; otherwise the need's current values. */
  values?: FormValues;
  current?: { name: string; slug: string; broadArea: string; sortOrder: string };
  /** Extra words for an error message (e.g. how many services use the need). */
  errorParams?: Record<string, string | number>;
  /** Under the form (e.g. the delete section). */
  children?: ReactNode;
}

/** Add or change a need: name, slug, broad area and order. Errors are keys in "needs-admin". */
export function NeedForm({ heading, caption, submit, errors, values, current, errorParams, children }: NeedFormProps) {
  const { t } = useTranslation("needs-admin");
  const { t: terms } = useTranslation("local-offer-terms");
  const text = (key: string) => t(key, { example: SLUG_EXAMPLE, ...errorParams });
  const error = (field: string) => (errors[field] ? text(errors[field]) : undefined);
  const value = (field: "name" | "slug" | "broadArea" | "sortOrder") => (values ? one(values[field]) : current?.[field]);
  const ordered = Object.entries(errors).sort(([a], [b]) => FIELDS.indexOf(a) - FIELDS.indexOf(b));
  return (
    <>
      <ErrorSummary errors={ordered.map(([field, key]) => ({ href: field === "broadArea" ? "broadArea" : field, text: text(key) }))} />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInput name="name" label={t("fields.name")} hint={t("fields.nameHint")} autoComplete="off" defaultValue={value("name")} error={error("name")} />
        <TextInput
          name="slug"
          label={t("fields.slug")}
          hint={t("fields.slugHint", { example: SLUG_EXAMPLE })}
          autoComplete="off"
          spellCheck={false}
          width="20"
          defaultValue={value("slug")}
          error={error("slug")}
        />
        <Radios
          name="broadArea"
          legend={t("fields.broadArea")}
          legendSize="s"
          error={error("broadArea")}
          defaultValue={value("broadArea")}
          choices={broadAreas.map((area) => ({ value: area, label: terms(`broadAreas.${area}`) }))}
        />
        <TextInput
          name="sortOrder"
          label={t("fields.sortOrder")}
          hint={t("fields.sortOrderHint")}
          inputMode="numeric"
          autoComplete="off"
          width="4"
          defaultValue={value("sortOrder")}
          error={error("sortOrder")}
        />
        <Button name="intent" value="save">
          {submit}
        </Button>
      </Form>
      {children}
    </>
  );
}
