import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { Trans, useTranslation } from "react-i18next";
import { labelWords } from "~/analysis/distribution";
import { cellText, percentText, type Cell, type CellWords } from "~/analysis/suppression";
import { Table } from "~/components/table";
import i18next from "~/i18n/i18next.server";
import { RevisitNav } from "~/revisits/components";
import { requireRevisit } from "~/revisits/routes.server";
import { getRevisitSummary, type Label, type SummaryTable } from "~/revisits/summary.server";
import { formatInstantInWords } from "~/utils/dates";

export const handle = {
  i18n: ["common", "revisits", "revisit-summary", "surveys"],
};

/** The summary for inspectors (issue 5, point 7): counts until the survey closes, then everything, suppressed. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { revisit } = await requireRevisit(request, context, params.id, "revisits.summary");
  const language = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "revisit-summary");
  const words = await i18next.getFixedT(request, "surveys");
  const summary = await getRevisitSummary(context.db, { revisit, language });
  const closesAt = revisit.survey.closesAt;
  return json({
    pageTitle: t("pageTitle", { title: revisit.title }),
    id: revisit.id,
    title: revisit.title,
    scheduled: revisit.survey.state !== "draft" && closesAt !== null,
    closesAt: closesAt?.toISOString() ?? null,
    closesWords: closesAt
      ? formatInstantInWords(closesAt, language, {
          noon: words("time.noon"),
          midnight: words("time.midnight"),
        })
      : "",
    summary,
  });
}

function useLabel() {
  const { t } = useTranslation("revisit-summary");
  return (label: Label) => labelWords(t, label);
}

/** "fewer than 5" where a number is suppressed. */
function CountCell({ cell, fewer }: { cell: Cell; fewer: CellWords }) {
  return <>{cellText(cell, fewer)}</>;
}

function CountsTable({ t, submitted, started, fewer }: { t: (key: string) => string; submitted: Cell; started: Cell; fewer: CellWords }) {
  return (
    <Table
      caption={t("counts.caption")}
      firstCellIsHeader
      columns={[{ header: t("columns.what") }, { header: t("columns.count"), numeric: true }]}
      rows={[
        [t("counts.submitted"), <CountCell key="n" cell={submitted} fewer={fewer} />],
        [t("counts.started"), <CountCell key="n" cell={started} fewer={fewer} />],
      ]}
    />
  );
}

function AnswersTable({ table, caption, fewer }: { table: SummaryTable; caption: string; fewer: CellWords }) {
  const { t } = useTranslation("revisit-summary");
  const label = useLabel();
  return (
    <>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        columns={[
          { header: t("columns.answer") },
          { header: t("columns.count"), numeric: true },
          { header: t("columns.percent"), numeric: true },
        ]}
        rows={[
          ...table.rows.map((row) => [label(row.label), <CountCell key="n" cell={row.cell} fewer={fewer} />, percentText(row.cell)]),
          [<strong key="t">{t("total")}</strong>, <CountCell key="n" cell={table.total} fewer={fewer} />, ""],
        ]}
      />
      {table.multiple ? <p className="govuk-body-s">{t("questions.multiple")}</p> : null}
    </>
  );
}

export default function RevisitSummaryPage() {
  const { t } = useTranslation("revisit-summary");
  const label = useLabel();
  const { id, title, scheduled, closesAt, closesWords, summary } = useLoaderData<typeof loader>();
  const fewer = { fewer: t("fewerThan", { threshold: summary.threshold }), notShown: t("notShown") };
  const closes = closesAt ? <time dateTime={closesAt}>{closesWords}</time> : null;
  const tt = (key: string) => t(key);
  return (
    <div className="govuk-grid-row app-summary">
      <div className="govuk-grid-column-full">
        <div className="app-no-print">
          <RevisitNav id={id} current="summary" />
        </div>
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">{t("heading")}</h1>
        {!summary.closed ? (
          <p className="govuk-body">
            {scheduled && closes ? (
              <Trans t={t} i18nKey="notClosed" values={{ closes: closesWords }} components={{ closes }} />
            ) : (
              t("notScheduled")
            )}
          </p>
        ) : (
          <>
            <p className="govuk-body">
              {closes ? <Trans t={t} i18nKey="closed" values={{ closes: closesWords }} components={{ closes }} /> : null}
            </p>
            <div className="govuk-inset-text">
              <p className="govuk-body">
                {t("suppression", {
                  threshold: summary.threshold,
                  max: summary.threshold - 1,
                })}
              </p>
            </div>
            <p className="govuk-body app-no-print">
              <a className="govuk-link" href={`/admin/revisits/${id}/summary.csv`} download>
                {t("download")}
              </a>
            </p>
            <p className="govuk-body app-no-print">{t("printHint")}</p>
          </>
        )}

        <h2 className="govuk-heading-m">{t("counts.heading")}</h2>
        <CountsTable t={tt} submitted={summary.counts.submitted} started={summary.counts.started} fewer={fewer} />

        {summary.closed ? (
          <>
            <h2 className="govuk-heading-m">{t("breakdowns.heading")}</h2>
            {summary.breakdowns.map((b) => (
              <AnswersTable key={b.key} table={b} caption={label(b.caption)} fewer={fewer} />
            ))}

            <h2 className="govuk-heading-m">{t("questions.heading")}</h2>
            {summary.questions.map((q) => (
              <AnswersTable
                key={q.key}
                table={q}
                caption={
                  q.areaOfConcern
                    ? `${t("areaOfConcern", {
                        number: q.areaOfConcern,
                      })}: ${label(q.caption)}`
                    : label(q.caption)
                }
                fewer={fewer}
              />
            ))}

            <h2 className="govuk-heading-m">{t("freeText.heading")}</h2>
            <div className="govuk-inset-text">
              <p className="govuk-body">{t("redaction")}</p>
            </div>
            {summary.freeText.map((group) => (
              <Fragment key={group.key}>
                <h3 className="govuk-heading-s">
                  {group.areaOfConcern ? `${t("areaOfConcern", { number: group.areaOfConcern })}: ` : ""}
                  {label(group.question)}
                </h3>
                <p className="govuk-body">{t("freeText.count", { n: cellText(group.count, fewer) })}</p>
                {group.answers === null ? (
                  <p className="govuk-body">{t("freeText.heldBack", { threshold: summary.threshold })}</p>
                ) : group.answers.length === 0 ? (
                  <p className="govuk-body">{t("freeText.none")}</p>
                ) : (
                  <>
                    {group.removed > 0 ? <p className="govuk-body-s">{t("freeText.removed", { count: group.removed })}</p> : null}
                    <ul className="govuk-list app-comments">
                      {group.answers.map((answer, i) => (
                        <li className="app-comments__item" key={i}>
                          {answer}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </Fragment>
            ))}
          </>
        ) : null}
      </div>
    </div>
  );
}
