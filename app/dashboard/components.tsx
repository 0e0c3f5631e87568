import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Cell } from "~/analysis/suppression";
import { Table } from "~/components/table";
import { levels } from "~/co-production/rules";
import { COPRO_ADMIN } from "~/co-production/urls";
import { INBOX_PATH } from "~/feedback/triage";
import { formatDate, formatInstantInWords } from "~/utils/dates";
import { ProgressTag } from "~/working-groups/components";
import { RAG_ORDER } from "~/working-groups/progress";
import type { Rag } from "../../db/schema";
import type { CoProductionTable, RagRow, ResponseTimes, Windows } from "./dashboard";

/**
 * The staff dashboard's sections (docs/decisions/033-dashboard.md). Every figure is in a
 * table with a caption, so a screen reader hears what each number is of; a count too
 * small to show reads "fewer than 5" (or "not shown" when it could be worked out).
 */

/** A calendar day ("2026-11-07") in words: read at noon UTC so no zone moves it. */
export function useDay() {
  const { i18n } = useTranslation();
  return (date: string) => formatDate(`${date}T12:00:00Z`, i18n.language);
}

function useNumbers() {
  const { t, i18n } = useTranslation("dashboard");
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    cell: (cell: Cell, threshold: number, withPercent = false) => {
      if (!cell.shown) return cell.reason === "small" ? t("fewerThan", { threshold }) : t("notShown");
      const count = number.format(cell.count);
      return withPercent && cell.percent !== null ? t("withPercent", { value: count, percent: cell.percent }) : count;
    },
  };
}

function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id={id}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

// ---- Surveys -------------------------------------------------------------------------------

export interface SurveyRowData {
  id: string;
  title: string;
  state: "open" | "closed";
  closesAt: string;
  href: string;
  submitted: Cell;
  started: Cell;
}

export function SurveysSection({ rows, windows, threshold }: { rows: SurveyRowData[]; windows: Windows; threshold: number }) {
  const { t, i18n } = useTranslation("dashboard");
  const day = useDay();
  const { cell } = useNumbers();
  const since = day(windows.twelveMonthsFrom);
  const when = (closesAt: string) => formatInstantInWords(closesAt, i18n.language, { noon: t("noon"), midnight: t("midnight") });
  return (
    <Section id="dashboard-surveys" heading={t("surveys.heading")}>
      {rows.length ? (
        <Table
          caption={t("surveys.caption", { since })}
          captionSize="m"
          firstCellIsHeader
          columns={[
            { header: t("surveys.survey") },
            { header: t("surveys.state") },
            { header: t("surveys.submitted"), numeric: true },
            { header: t("surveys.started"), numeric: true },
          ]}
          rowKeys={rows.map((r) => r.id)}
          rows={rows.map((row) => [
            <Link className="govuk-link" to={row.href} key="title">
              {row.title}
            </Link>,
            t(row.state === "open" ? "surveys.openUntil" : "surveys.closedAt", { when: when(row.closesAt) }),
            cell(row.submitted, threshold),
            cell(row.started, threshold),
          ])}
        />
      ) : (
        <p className="govuk-body">{t("surveys.none", { since })}</p>
      )}
    </Section>
  );
}

// ---- Feedback ------------------------------------------------------------------------------

export interface FeedbackData {
  onlyGroups: { name: string; slug: string }[] | null;
  receivedLast30Days: Cell;
  receivedThisYear: Cell;
  open: { step: "received" | "with_group" | "responded"; count: number }[];
  openTotal: number;
  overdue: number;
  newToYou: number;
  responseTimes: ResponseTimes;
}

function ResponseTimesTable({ times, since, threshold }: { times: ResponseTimes; since: string; threshold: number }) {
  const { t } = useTranslation("dashboard");
  const { cell, number } = useNumbers();
  const days = (value: number | null) =>
    value === null ? t("feedback.times.tooFew", { threshold }) : t("feedback.times.workingDays", { count: value, days: number(value) });
  if (times.responses.shown && times.responses.count === 0) return <p className="govuk-body">{t("feedback.times.none", { since })}</p>;
  return (
    <>
      <Table
        caption={t("feedback.times.caption", { since })}
        captionSize="m"
        firstCellIsHeader
        columns={[{ header: t("feedback.times.measure") }, { header: t("feedback.times.figure"), numeric: true }]}
        rows={[
          [t("feedback.times.responses"), cell(times.responses, threshold)],
          [t("feedback.times.median"), days(times.median)],
          [t("feedback.times.p90"), days(times.p90)],
          [t("feedback.times.within"), cell(times.withinTarget, threshold, true)],
          [t("feedback.times.late"), cell(times.late, threshold, true)],
        ]}
      />
      <p className="govuk-body-s">{t("feedback.times.hint")}</p>
      {[times.withinTarget, times.late].some((c) => !c.shown && c.reason === "secondary") ? (
        <p className="govuk-body-s">{t("feedback.times.notShown")}</p>
      ) : null}
    </>
  );
}

export function FeedbackSection({ figures, windows, threshold }: { figures: FeedbackData; windows: Windows; threshold: number }) {
  const { t } = useTranslation("dashboard");
  const day = useDay();
  const { cell, number } = useNumbers();
  const groups = figures.onlyGroups;
  return (
    <Section id="dashboard-feedback" heading={t("feedback.heading")}>
      <p className="govuk-body">
        {groups === null
          ? t("feedback.intro")
          : groups.length
            ? t("feedback.introGroups", { groups: groups.map((g) => g.name).join(", ") })
            : t("feedback.introNoGroups")}
      </p>
      {figures.newToYou > 0 ? (
        <p className="govuk-body">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`${INBOX_PATH}?new=yes`}>
            {t(groups === null ? "feedback.newToYou" : "feedback.newToYouGroups", { count: figures.newToYou })}
          </Link>
        </p>
      ) : null}
      <Table
        caption={t("feedback.received.caption")}
        captionSize="m"
        firstCellIsHeader
        columns={[{ header: t("feedback.received.period") }, { header: t("feedback.received.items"), numeric: true }]}
        rows={[
          [t("feedback.received.last30", { since: day(windows.last30From) }), cell(figures.receivedLast30Days, threshold)],
          [t("feedback.received.thisYear", { since: day(windows.yearFrom) }), cell(figures.receivedThisYear, threshold)],
        ]}
      />
      <Table
        caption={t("feedback.open.caption")}
        captionSize="m"
        firstCellIsHeader
        columns={[{ header: t("feedback.open.status") }, { header: t("feedback.open.items"), numeric: true }]}
        rows={[
          ...figures.open.map((o) => [t(`feedback.open.steps.${o.step}`), number(o.count)]),
          [t("feedback.open.total"), number(figures.openTotal)],
          [t("feedback.open.overdue"), number(figures.overdue)],
        ]}
      />
      <p className="govuk-body">
        {figures.overdue > 0 ? (
          <Link className="govuk-link" to={`${INBOX_PATH}?overdue=yes`}>
            {t("feedback.open.overdueLink", { count: figures.overdue })}
          </Link>
        ) : (
          t("feedback.open.noneOverdue")
        )}
      </p>
      <p className="govuk-body-s">{t("feedback.open.hint")}</p>
      <ResponseTimesTable times={figures.responseTimes} since={day(windows.twelveMonthsFrom)} threshold={threshold} />
    </Section>
  );
}

// ---- Co-production ---------------------------------------------------------------------------

export interface CoProductionData {
  table: CoProductionTable;
  awaitingConfirmation: number;
  awaitingOutcome: number;
}

export function CoProductionSection({ figures, windows }: { figures: CoProductionData; windows: Windows }) {
  const { t } = useTranslation("dashboard");
  const { t: co } = useTranslation("co-production");
  const day = useDay();
  const { number } = useNumbers();
  const { table } = figures;
  return (
    <Section id="dashboard-co-production" heading={t("coProduction.heading")}>
      <Table
        caption={t("coProduction.caption", { since: day(windows.twelveMonthsFrom) })}
        captionSize="m"
        firstCellIsHeader
        columns={[
          { header: t("coProduction.group") },
          ...levels.map((level) => ({ header: co(`levels.${level}`), numeric: true })),
          { header: t("coProduction.total"), numeric: true },
        ]}
        rowKeys={[...table.rows.map((r) => String(r.groupId)), "all"]}
        rows={[
          ...table.rows.map((row) => [row.name ?? t("coProduction.noGroup"), ...levels.map((level) => number(row.byLevel[level])), number(row.total)]),
          [t("coProduction.allGroups"), ...levels.map((level) => number(table.total.byLevel[level])), number(table.total.total)],
        ]}
      />
      <p className="govuk-body-s">{t("coProduction.hint")}</p>
      <Table
        caption={t("coProduction.waiting.caption")}
        captionSize="m"
        firstCellIsHeader
        columns={[{ header: t("coProduction.waiting.what") }, { header: t("coProduction.waiting.activities"), numeric: true }]}
        rows={[
          [t("coProduction.waiting.confirmation"), number(figures.awaitingConfirmation)],
          [t("coProduction.waiting.outcome"), number(figures.awaitingOutcome)],
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={COPRO_ADMIN}>
          {t("coProduction.allActivities")}
        </Link>
      </p>
    </Section>
  );
}

// ---- The improvement plan ----------------------------------------------------------------------

export interface PlanData {
  groups: RagRow[];
  all: { byRag: Record<Rag, number>; total: number };
}

export function PlanSection({ figures }: { figures: PlanData }) {
  const { t } = useTranslation("dashboard");
  const { number } = useNumbers();
  return (
    <Section id="dashboard-plan" heading={t("plan.heading")}>
      <Table
        caption={t("plan.caption")}
        captionSize="m"
        firstCellIsHeader
        columns={[
          { header: t("plan.group") },
          ...RAG_ORDER.map((rag) => ({ header: <ProgressTag rag={rag} />, numeric: true })),
          { header: t("plan.total"), numeric: true },
        ]}
        rowKeys={[...figures.groups.map((g) => g.slug), "all"]}
        rows={[
          ...figures.groups.map((group) => [
            <Link className="govuk-link" to={`/working-groups/${group.slug}`} key="group">
              {group.name}
            </Link>,
            ...RAG_ORDER.map((rag) => number(group.byRag[rag])),
            number(group.total),
          ]),
          [t("plan.all"), ...RAG_ORDER.map((rag) => number(figures.all.byRag[rag])), number(figures.all.total)],
        ]}
      />
      <p className="govuk-body-s">{t("plan.hint")}</p>
    </Section>
  );
}
