import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms/csrf-input";
import { Select } from "~/components/forms/select";
import { Textarea } from "~/components/forms/textarea";
import { TextInput } from "~/components/forms/text-input";
import { Table } from "~/components/table";
import { keywordLanguage, KEYWORDS_MAX, THEME_DESCRIPTION_MAX, THEME_NAME_MAX, THEMES_PATH } from "./themes";
import type { ThemeRow } from "./themes.server";

export interface ThemeFormValues {
  name: string;
  description: string;
  area: string;
  keywords: string;
}

/** The words for an area of concern in a list: "7. Autism assessments were hard to get…". */
export function useAreaLabel() {
  const { t } = useTranslation("analysis-free-text");
  return (area: { number: number; title: string }) => (area.title ? t("themes.areaOption", { number: area.number, title: area.title }) : t("themes.areaNumberOnly", { number: area.number }));
}

/** Adding or changing a theme: name, area of concern, the words that suggest it, a description. */
export function ThemeForm({
  values,
  errors,
  areas,
  submit,
}: {
  values: ThemeFormValues;
  errors: Record<string, string>;
  areas: { number: number; title: string }[];
  submit: ReactNode;
}) {
  const { t } = useTranslation("analysis-free-text");
  const areaLabel = useAreaLabel();
  const error = (field: string) => (errors[field] ? t(errors[field]!) : undefined);
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="save" />
      <TextInput
        name="name"
        label={t("themes.name")}
        hint={t("themes.nameHint", { max: THEME_NAME_MAX })}
        error={error("name")}
        defaultValue={values.name}
        autoComplete="off"
        width="two-thirds"
      />
      <Select
        name="area"
        label={t("themes.area")}
        hint={t("themes.areaHint")}
        error={error("area")}
        defaultValue={values.area}
        options={[{ value: "", label: t("themes.areaChoose") }, ...areas.map((a) => ({ value: String(a.number), label: areaLabel(a) }))]}
      />
      <Textarea
        name="keywords"
        label={t("themes.keywords")}
        hint={t("themes.keywordsHint", { max: KEYWORDS_MAX })}
        error={error("keywords")}
        defaultValue={values.keywords}
        rows={6}
        spellCheck={false}
      />
      <Textarea
        name="description"
        label={t("themes.description")}
        optional
        error={error("description")}
        defaultValue={values.description}
        rows={2}
        maxLength={THEME_DESCRIPTION_MAX}
      />
      {submit}
    </Form>
  );
}

/** The themes as a table: name (a link to change it), area of concern, words, how many answers have it. */
export function ThemesTable({ caption, themes, areas }: { caption: string; themes: ThemeRow[]; areas: { number: number; title: string }[] }) {
  const { t } = useTranslation("analysis-free-text");
  const areaLabel = useAreaLabel();
  return (
    <Table
      caption={caption}
      captionSize="m"
      firstCellIsHeader
      columns={[{ header: t("themes.theme") }, { header: t("themes.area") }, { header: t("themes.keywords") }, { header: t("themes.answers"), numeric: true }]}
      rowKeys={themes.map((theme) => String(theme.id))}
      rows={themes.map((theme) => [
        <Link key="name" className="govuk-link" to={`${THEMES_PATH}/${theme.id}`}>
          {theme.name}
          <span className="govuk-visually-hidden"> {t("themes.changeHidden")}</span>
        </Link>,
        areaLabel(areas.find((a) => a.number === theme.areaOfConcern) ?? { number: theme.areaOfConcern, title: "" }),
        theme.keywords.length ? (
          <span key="k">
            {theme.keywords.map((keyword, index) => (
              <span key={keyword}>
                {index > 0 ? ", " : ""}
                <span lang={keywordLanguage(keyword)}>{keyword}</span>
              </span>
            ))}
          </span>
        ) : (
          <span key="k" className="govuk-hint">
            {t("themes.noKeywords")}
          </span>
        ),
        String(theme.tagCount),
      ])}
    />
  );
}
