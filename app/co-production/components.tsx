import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { Verbatim } from "~/feedback/verbatim";
import { formatDate } from "~/utils/dates";
import type { CoproductionLevel, CoproductionStatus } from "../../db/schema";
import type { Cell } from "../analysis/suppression";
import { parseQuarterKey } from "./rules";

export function StatusTag({ status }: { status: CoproductionStatus }) {
  const { t } = useTranslation("co-production");
  return <Tag colour={status === "draft" ? "grey" : status === "published" ? "blue" : "green"}>{t(`status.${status}`)}</Tag>;
}

/** The level, and whether the families' representative has confirmed it, in words. */
export function LevelTag({ level, confirmed }: { level: CoproductionLevel; confirmed: boolean }) {
  const { t } = useTranslation("co-production");
  return (
    <>
      {t(`levels.${level}`)}
      <br />
      <Tag colour={confirmed ? "green" : "yellow"}>{t(confirmed ? "admin.confirmed" : "admin.notConfirmed")}</Tag>
    </>
  );
}

/** "2026-Q3" as words: "October to December 2026 (2026 to 2027, quarter 3)". */
export const QuarterName = {
  text(key: string, t: TFunction): string {
    const q = parseQuarterKey(key);
    if (!q) return key;
    const calendarYear = q.quarter === 4 ? q.year + 1 : q.year;
    return t("quarterName", { months: t(`quarterMonths.q${q.quarter}`), year: calendarYear, from: q.year, to: q.year + 1, quarter: q.quarter });
  },
};

/** A suppressed count as words: the number, "fewer than 5", or "not shown" (hidden so a small one cannot be worked out). */
export function cellWords(cell: Cell, threshold: number, t: TFunction): string {
  if (cell.shown) return String(cell.count);
  return cell.reason === "small" ? t("fewerThan", { threshold }) : t("notShown");
}

export interface ActivitySummaryData {
  title: string;
  heldOn: string;
  group: string | null;
  type: string;
  decisionOpen: string;
  stage: string;
  level: CoproductionLevel;
  confirmedBy: string | null;
  confirmedAt: string | null;
  participants: { key: string; count: number }[];
  support: string[];
  venueNotes: string;
  familiesSaid: string;
  whatChanged: string;
  whatDidNotChange: string;
  actions: string[];
  tasks: string[];
  evidenceLinks: string[];
  toldOutcomeHow: string;
  toldOutcomeOn: string | null;
}

/** Everything recorded about an activity, as a GOV.UK summary list (staff pages). */
export function ActivitySummary({ a }: { a: ActivitySummaryData }) {
  const { t, i18n } = useTranslation("co-production");
  const none = <span className="govuk-hint govuk-!-margin-0">{t("admin.view.none")}</span>;
  const text = (s: string) => (s ? <Verbatim text={s} /> : none);
  const rows: { key: string; value: ReactNode }[] = [
    { key: t("admin.view.date"), value: formatDate(a.heldOn, i18n.language) },
    { key: t("admin.view.group"), value: a.group ?? t("admin.noGroup") },
    { key: t("admin.view.type"), value: t(`types.${a.type}`) },
    { key: t("admin.view.decisionOpen"), value: text(a.decisionOpen) },
    { key: t("admin.view.stage"), value: t(`stages.${a.stage}`) },
    {
      key: t("admin.view.level"),
      value: (
        <>
          {t(`levels.${a.level}`)}
          <br />
          {a.confirmedAt ? t("admin.view.confirmedBy", { name: a.confirmedBy ?? t("admin.view.someone"), date: formatDate(a.confirmedAt, i18n.language) }) : t("admin.view.awaitingConfirmation")}
        </>
      ),
    },
    {
      key: t("admin.view.participants"),
      value: (
        <ul className="govuk-list">
          {a.participants.map((p) => (
            <li key={p.key}>
              {t(`roles.${p.key}`)}: {p.count}
            </li>
          ))}
        </ul>
      ),
    },
    { key: t("admin.view.support"), value: a.support.length || a.venueNotes ? [...a.support.map((s) => t(`supports.${s}`)), a.venueNotes].filter(Boolean).join("; ") : none },
    { key: t("admin.view.familiesSaid"), value: text(a.familiesSaid) },
    { key: t("admin.view.whatChanged"), value: text(a.whatChanged) },
    { key: t("admin.view.whatDidNotChange"), value: text(a.whatDidNotChange) },
    { key: t("admin.view.actions"), value: a.actions.length ? a.actions.join("; ") : none },
    { key: t("admin.view.tasks"), value: a.tasks.length ? a.tasks.join(", ") : none },
    {
      key: t("admin.view.evidenceLinks"),
      value: a.evidenceLinks.length ? (
        <ul className="govuk-list">
          {a.evidenceLinks.map((l) => (
            <li key={l}>
              <a className="govuk-link" href={l} rel="noreferrer noopener">
                {l}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    },
    { key: t("admin.view.toldOutcomeHow"), value: text(a.toldOutcomeHow) },
    { key: t("admin.view.toldOutcomeOn"), value: a.toldOutcomeOn ? formatDate(a.toldOutcomeOn, i18n.language) : none },
  ];
  return <SummaryList rows={rows} />;
}
