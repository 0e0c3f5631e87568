/**
 * Pieces the survey lifecycle pages share: times in UK time with the zone in
 * words, the state as a tag, and the links to this survey's other pages (the
 * overview, which the builder owns, can use `SurveyPagesNav` too).
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Tag, type TagColour } from "~/components/tag";
import { UK_TIME_ZONE } from "~/utils/dates";
import { instantToUkLocal } from "./uk-time";
import type { SurveyState } from "./window";

/**
 * "Tuesday 1 December 2026 at 12:00 UK time (Greenwich Mean Time)" (long), or
 * "1 December 2026, 12:00 GMT" (short). The date in the reader's language; the
 * time on the 24-hour clock as the form takes it.
 */
export function formatUkDateTime(value: string | Date, language: string, t: TFunction, style: "long" | "short" = "long"): string {
  const instant = new Date(value);
  const { time, zone } = instantToUkLocal(instant);
  const date = new Intl.DateTimeFormat(language, {
    weekday: style === "long" ? "long" : undefined,
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: UK_TIME_ZONE,
  }).format(instant);
  return style === "long"
    ? t("time.long", { date, time, zone: t(`zones.${zone}`) })
    : t("time.short", { date, time, zone });
}

export const stateColours: Record<SurveyState, TagColour> = {
  draft: "grey",
  scheduled: "blue",
  open: "green",
  closed: "orange",
  archived: "purple",
};

export function StateTag({ state }: { state: SurveyState }) {
  const { t } = useTranslation("survey-admin");
  return <Tag colour={stateColours[state]}>{t(`states.${state}`)}</Tag>;
}

export type SurveyAdminPage = "overview" | "schedule" | "invitations" | "duplicate" | "status";
const pages: { page: SurveyAdminPage; path: string }[] = [
  { page: "overview", path: "" },
  { page: "schedule", path: "/schedule" },
  { page: "invitations", path: "/invitations" },
  { page: "duplicate", path: "/duplicate" },
  { page: "status", path: "/status" },
];

/** Links to the survey's pages; the current one is marked for screen readers and not a link. */
export function SurveyPagesNav({ id, current }: { id: string; current: SurveyAdminPage }) {
  const { t } = useTranslation("survey-admin");
  return (
    <nav aria-labelledby="survey-pages-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s" id="survey-pages-heading">
        {t("nav.heading")}
      </h2>
      <ul className="govuk-list">
        {pages.map(({ page, path }) => (
          <li key={page}>
            {page === current ? (
              <span aria-current="page" className="govuk-!-font-weight-bold">
                {t(`nav.${page}`)}
              </span>
            ) : (
              <a className="govuk-link" href={`/admin/surveys/${id}${path}`}>
                {t(`nav.${page}`)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The error summary's entries for a form's errors, in the order of the fields on the page. */
export function errorItems(
  errors: Record<string, string>,
  order: string[],
  t: TFunction,
  hrefs: Record<string, string> = {},
  values: Record<string, string | number> = {},
) {
  const known = order.filter((field) => errors[field]);
  const others = Object.keys(errors).filter((field) => !order.includes(field));
  return [...known, ...others].map((field) => ({ href: hrefs[field] ?? field, text: t(errors[field]!, values) }));
}
