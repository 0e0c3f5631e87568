import { useTranslation } from "react-i18next";
import { Table } from "~/components/table";
import { ChartFigure } from "./chart-figure";
import type { ChartBar } from "./chart";
import { isRanged } from "./ranges";
import { labelWords, summariseDistribution, type Distribution, type Label } from "./distribution";
import type { CrossTab, DimensionTable, QuestionResult } from "./results.server";
import { cellText, percentText, type Cell } from "./suppression";

/** Turns a label into words: staff's own words as they are, an i18n key translated. */
export function useLabel() {
  const { t } = useTranslation("analysis");
  return (label: Label) => labelWords(t, label);
}

/** Words for hidden numbers: "fewer than 5" (small) and "not shown" (hidden so a small one cannot be worked out). */
export type SuppressionWords = { fewer: string; notShown: string };

/** The words for hidden numbers in the reader's language, for the threshold in force. */
export function useFewer(threshold: number): SuppressionWords {
  const { t } = useTranslation("analysis");
  return { fewer: t("fewerThan", { threshold }), notShown: t("notShown") };
}

/** A count with its share: "21 (53%)", "fewer than 5", "not shown" or "0". */
export function countWithShare(cell: Cell, fewer: SuppressionWords): string {
  const percent = percentText(cell);
  return percent ? `${cellText(cell, fewer)} (${percent})` : cellText(cell, fewer);
}

/** The chart's bars: the answers people chose, as shares of those who gave a view. */
export function barsOf(d: Distribution, label: (l: Label) => string, fewer: SuppressionWords, series = 0): ChartBar[] {
  return d.rows
    .filter((r) => r.kind === "option")
    .map((r) => ({
      label: label(r.label),
      percent: r.cell.shown ? r.cell.percent : null,
      text: r.cell.shown ? (r.cell.percent !== null ? `${r.cell.percent}% (${r.cell.count})` : String(r.cell.count)) : cellText(r.cell, fewer),
      series,
    }));
}

/** The chart's text summary, in the reader's words. */
export function useDistributionSummary() {
  const { t } = useTranslation("analysis");
  const label = useLabel();
  return (d: Distribution, fewer: SuppressionWords, question?: Pick<QuestionResult, "type" | "median">): string => {
    const s = summariseDistribution(d);
    const ranged = question && isRanged(question);
    const parts: string[] = [];
    if (s.top.length === 0) parts.push(t("summary.noneShown"));
    else if (s.top.length === 1) parts.push(t(ranged ? "summary.topOneRange" : "summary.topOne", { first: label(s.top[0]!.label), firstPercent: s.top[0]!.percent }));
    else
      parts.push(
        t(ranged ? "summary.topTwoRange" : "summary.topTwo", {
          first: label(s.top[0]!.label),
          firstPercent: s.top[0]!.percent,
          second: label(s.top[1]!.label),
          secondPercent: s.top[1]!.percent,
        }),
      );
    if (question?.median?.shown) parts.push(t("summary.median", { value: question.median.value }));
    if (s.dontKnow) parts.push(t("summary.dontKnow", { number: cellText(s.dontKnow, fewer) }));
    if (s.notAnswered) parts.push(t("summary.notAnswered", { number: cellText(s.notAnswered, fewer) }));
    if (s.someHidden) parts.push(t("summary.someHidden", { fewer: fewer.fewer, notShown: fewer.notShown }));
    return parts.join(" ");
  };
}

/** One question: its chart, then the table of its numbers, then any breakdown. */
export function QuestionResultView({ question, fewer, threshold, headingLevel = 3 }: { question: QuestionResult; fewer: SuppressionWords; threshold: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("analysis");
  const label = useLabel();
  const summarise = useDistributionSummary();
  const heading = t("results.questionHeading", { number: question.number, text: label(question.text) });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className="govuk-heading-m" id={`q-${question.key}`}>
        {heading}
      </Heading>
      {question.areaOfConcern ? <p className="govuk-body-s">{t("results.areaOfConcern", { number: question.areaOfConcern })}</p> : null}
      <ChartFigure id={`chart-${question.key}`} title={heading} summary={summarise(question, fewer, question)} bars={barsOf(question, label, fewer)} />
      <Table
        caption={t("results.tableCaption", { text: label(question.text) })}
        captionSize="s"
        firstCellIsHeader
        columns={[{ header: t("results.answer") }, { header: t("results.count"), numeric: true }, { header: t("results.share"), numeric: true }]}
        rows={[
          ...question.rows.map((r) => [label(r.label), cellText(r.cell, fewer), percentText(r.cell)]),
          [<strong key="t">{t("results.total")}</strong>, cellText(question.total, fewer), ""],
        ]}
      />
      {question.multiple ? <p className="govuk-body-s">{t("results.multipleNote")}</p> : null}
      {question.type === "number" ? <p className="govuk-body-s">{t("results.rangesNote")}</p> : null}
      {question.type === "date" ? <p className="govuk-body-s">{t("results.yearsNote")}</p> : null}
      {question.median ? (
        <p className="govuk-body">{question.median.shown ? t("results.median", { value: question.median.value }) : t("results.medianHidden", { threshold })}</p>
      ) : null}
      {question.breakdown ? <CrossTabView question={question} tab={question.breakdown} fewer={fewer} /> : null}
    </>
  );
}

/** A question's answers by a dimension: a wide table in a region that scrolls (and takes focus to scroll by keyboard). */
export function CrossTabView({ question, tab, fewer }: { question: QuestionResult; tab: CrossTab; fewer: SuppressionWords }) {
  const { t } = useTranslation("analysis");
  const label = useLabel();
  const caption = t("results.breakdownCaption", { text: label(question.text), dimension: t(`dimensions.${tab.dimension}`).toLowerCase() });
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <div className="app-results-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        columns={[{ header: t("results.answer") }, ...tab.columns.map((c) => ({ header: label(c.label), numeric: true }))]}
        rows={[
          ...question.rows.map((row, r) => [label(row.label), ...tab.cells[r]!.map((cell) => countWithShare(cell, fewer))]),
          [<strong key="t">{t("results.total")}</strong>, ...tab.columns.map((c) => cellText(c.total, fewer))],
        ]}
      />
    </div>
  );
}

/** Who answered, by one dimension. */
export function DimensionTableView({ table, fewer }: { table: DimensionTable; fewer: SuppressionWords }) {
  const { t } = useTranslation("analysis");
  const label = useLabel();
  return (
    <Table
      caption={t(`dimensions.${table.dimension}`)}
      captionSize="s"
      firstCellIsHeader
      columns={[{ header: t(`dimensions.${table.dimension}`) }, { header: t("results.count"), numeric: true }]}
      rows={[...table.rows.map((r) => [label(r.label), cellText(r.cell, fewer)]), [<strong key="t">{t("results.total")}</strong>, cellText(table.total, fewer)]]}
    />
  );
}
