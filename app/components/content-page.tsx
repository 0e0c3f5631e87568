import { useTranslation } from "react-i18next";

export interface ContentSection {
  heading: string;
  paragraphs?: string[];
  list?: string[];
}

/**
 * A page of plain prose kept in a translation file (accessibility statement,
 * privacy notice): {title, intro[], sections[{heading, paragraphs[], list[]}]}.
 * Values may use {{contactEmail}} and {{partnership}}.
 */
export function ContentPage({ ns, values }: { ns: string; values: Record<string, string> }) {
  const { t } = useTranslation(ns);
  const intro = t("intro", { ...values, returnObjects: true }) as string[];
  const sections = t("sections", { ...values, returnObjects: true }) as ContentSection[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("title")}</h1>
        {intro.map((p) => (
          <p className="govuk-body-l" key={p}>
            {p}
          </p>
        ))}
        {sections.map((section) => (
          <section key={section.heading}>
            <h2 className="govuk-heading-m">{section.heading}</h2>
            {section.paragraphs?.map((p) => (
              <p className="govuk-body" key={p}>
                {p}
              </p>
            ))}
            {section.list ? (
              <ul className="govuk-list govuk-list--bullet">
                {section.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        <p className="govuk-body-s">{t("updated")}</p>
      </div>
    </div>
  );
}
