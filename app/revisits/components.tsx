import { useTranslation } from "react-i18next";
import { Table } from "~/components/table";
import { formatDayInWords, formatInstantInWords } from "~/utils/dates";
import type { Milestone, TimelineDay } from "./timeline";

/** The pages of one re-visit, in the order an officer works through them. */
export const revisitPages = [
  { page: "timeline", path: "" },
  { page: "review", path: "/review" },
  { page: "notice", path: "/notice" },
  { page: "summary", path: "/summary" },
] as const;
export type RevisitPage = (typeof revisitPages)[number]["page"];

/** Links between a re-visit's pages; the current one is marked, not linked. Words in "revisits" nav.*. */
export function RevisitNav({
  id,
  current,
  pages = revisitPages.map((p) => p.page),
}: {
  id: string;
  current: RevisitPage;
  pages?: readonly RevisitPage[];
}) {
  const { t } = useTranslation("revisits");
  return (
    <nav aria-labelledby="revisit-pages-heading" className="govuk-!-margin-bottom-6 app-no-print">
      <h2 className="govuk-heading-s" id="revisit-pages-heading">
        {t("nav.heading")}
      </h2>
      <ul className="govuk-list">
        {revisitPages
          .filter(({ page }) => pages.includes(page))
          .map(({ page, path }) => (
            <li key={page}>
              {page === current ? (
                <span aria-current="page" className="govuk-!-font-weight-bold">
                  {t(`nav.${page}`)}
                </span>
              ) : (
                <a className="govuk-link" href={`/admin/revisits/${id}${path}`}>
                  {t(`nav.${page}`)}
                </a>
              )}
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** "Day −10", with a true minus sign (read as "minus" by screen readers). */
export function dayLabel(day: number): string {
  return day < 0 ? `−${Math.abs(day)}` : String(day);
}

export interface TimelineData {
  days: TimelineDay[];
  /** ISO instants (ending in Z). */
  opensAt: string;
  closesAt: string;
}

/** An instant in words in UK time, in a <time> element carrying the exact UTC instant. */
export function Instant({ iso }: { iso: string }) {
  const { t, i18n } = useTranslation("revisits");
  return (
    <time dateTime={iso}>
      {formatInstantInWords(iso, i18n.language, {
        noon: t("words.noon"),
        midnight: t("words.midnight"),
      })}
    </time>
  );
}

/** A calendar date in words, in a <time> element carrying "YYYY-MM-DD". */
export function Day({ date }: { date: string }) {
  const { i18n } = useTranslation("revisits");
  return <time dateTime={date}>{formatDayInWords(date, i18n.language)}</time>;
}

function MilestoneText({ milestone, timeline }: { milestone: Milestone; timeline: TimelineData }) {
  const { t } = useTranslation("revisits");
  if (milestone === "opens") {
    return (
      <>
        {t("milestones.opensAt")} <Instant iso={timeline.opensAt} />
      </>
    );
  }
  if (milestone === "closes") {
    return (
      <>
        {t("milestones.closesAt")} <Instant iso={timeline.closesAt} />
      </>
    );
  }
  return <>{t(`milestones.${milestone}`)}</>;
}

/** One row per day of the timeline (−10 … −1, then 1), with what happens and the days skipped. */
export function TimelineTable({ timeline, caption }: { timeline: TimelineData; caption: string }) {
  const { t, i18n } = useTranslation("revisits");
  return (
    <Table
      caption={caption}
      captionSize="m"
      firstCellIsHeader
      columns={[{ header: t("timeline.day") }, { header: t("timeline.date") }, { header: t("timeline.what") }]}
      rowKeys={timeline.days.map((d) => String(d.day))}
      rows={timeline.days.map((d) => [
        t("timeline.dayNumber", { day: dayLabel(d.day) }),
        <Day key="date" date={d.date} />,
        <div key="what">
          {d.milestones.length > 0 ? (
            <ul className="govuk-list govuk-!-margin-bottom-0">
              {d.milestones.map((m) => (
                <li key={m}>
                  <MilestoneText milestone={m} timeline={timeline} />
                </li>
              ))}
            </ul>
          ) : null}
          {d.skipped.some((s) => s.why === "bank-holiday") ? (
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {t("timeline.skipped", {
                days: d.skipped
                  .filter((s) => s.why === "bank-holiday")
                  .map((s) =>
                    t("timeline.holiday", {
                      title: s.title,
                      date: formatDayInWords(s.date, i18n.language),
                    })
                  )
                  .join(t("timeline.and")),
              })}
            </p>
          ) : null}
        </div>,
      ])}
    />
  );
}
