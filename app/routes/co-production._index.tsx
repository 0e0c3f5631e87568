import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { getPublicSummary, type SummaryTable } from "~/co-production/co-production.server";
import { cellWords, QuarterName } from "~/co-production/components";
import { levels } from "~/co-production/rules";
import i18next from "~/i18n/i18next.server";
import { Verbatim } from "~/feedback/verbatim";
import { formatDate } from "~/utils/dates";

/**
 * The co-production log for everyone: how many activities families took part in,
 * by working group, level and quarter, and what came of each one. Published and
 * closed entries only; small numbers of people hidden (docs/decisions/019-co-production-log.md).
 */
export const handle = { i18n: ["common", "co-production"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "co-production");
  const summary = await getPublicSummary(context.db);
  return json({ pageTitle: t("public.title"), ...summary });
}

function CountTable({ caption, first, table, name, threshold }: { caption: string; first: string; table: SummaryTable; name: (key: string) => string; threshold: number }) {
  const { t } = useTranslation("co-production");
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      columns={[{ header: first }, { header: t("public.activities"), numeric: true }, { header: t("public.families"), numeric: true }]}
      rowKeys={[...table.rows.map((r) => r.key || "none"), "total"]}
      rows={[
        ...table.rows.map((r) => [name(r.key), r.activities, cellWords(r.families, threshold, t)]),
        [t("public.total"), table.total.activities, cellWords(table.total.families, threshold, t)],
      ]}
    />
  );
}

export default function CoProduction() {
  const { t, i18n } = useTranslation("co-production");
  const { threshold, byGroup, byLevel, byQuarter, entries } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("public.title")}</h1>
        <p className="govuk-body-l">{t("public.lede")}</p>
        <h2 className="govuk-heading-m">{t("public.levelsHeading")}</h2>
        <p className="govuk-body">{t("public.levelsIntro")}</p>
        <dl className="govuk-summary-list">
          {levels.map((level) => (
            <div className="govuk-summary-list__row" key={level}>
              <dt className="govuk-summary-list__key">{t(`levels.${level}`)}</dt>
              <dd className="govuk-summary-list__value">{t(`levelHints.${level}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="govuk-body">{t("public.rules")}</p>

        <h2 className="govuk-heading-l">{t("public.countsHeading")}</h2>
        {entries.length ? (
          <>
            <p className="govuk-body">{t("public.countsIntro", { threshold })}</p>
            <CountTable caption={t("public.byGroup")} first={t("public.group")} table={byGroup} name={(k) => k || t("public.noGroup")} threshold={threshold} />
            <CountTable caption={t("public.byLevel")} first={t("public.level")} table={byLevel} name={(k) => t(`levels.${k}`)} threshold={threshold} />
            <CountTable caption={t("public.byQuarter")} first={t("public.quarter")} table={byQuarter} name={(k) => QuarterName.text(k, t)} threshold={threshold} />
          </>
        ) : (
          <p className="govuk-body">{t("public.noneYet")}</p>
        )}

        <h2 className="govuk-heading-l">{t("public.entriesHeading")}</h2>
        {entries.map((e) => (
          <section key={e.id} aria-labelledby={`entry-${e.id}`} className="govuk-!-margin-bottom-8">
            <h3 className="govuk-heading-m" id={`entry-${e.id}`}>
              {e.title}
            </h3>
            <SummaryList
              rows={[
                { key: t("public.when"), value: formatDate(e.heldOn, i18n.language) },
                { key: t("public.group"), value: e.groupName ?? t("public.noGroup") },
                { key: t("public.what"), value: t(`types.${e.type}`) },
                { key: t("public.decision"), value: e.decisionOpen },
                { key: t("public.joined"), value: t(`stages.${e.stage}`) },
                { key: t("public.level"), value: `${t(`levels.${e.level}`)} (${t(e.levelConfirmed ? "public.confirmed" : "public.notConfirmed")})` },
                {
                  key: t("public.whoTookPart"),
                  value: t("public.whoTookPartValue", {
                    parents: cellWords(e.participants.parentCarer, threshold, t),
                    young: cellWords(e.participants.youngPeople, threshold, t),
                    practitioners: cellWords(e.participants.practitioner, threshold, t),
                    total: cellWords(e.participants.total, threshold, t),
                  }),
                },
                ...(e.feedback.kind === "none"
                  ? []
                  : [
                      {
                        key: t("public.feedback"),
                        value:
                          e.feedback.kind === "fewer"
                            ? t("public.feedbackFewer", { threshold: e.feedback.threshold })
                            : t("public.feedbackCount", { count: e.feedback.count }),
                      },
                    ]),
              ]}
            />
            <h4 className="govuk-heading-s">{t("public.familiesSaid")}</h4>
            <Verbatim text={e.familiesSaid} />
            <h4 className="govuk-heading-s">{t("public.whatChanged")}</h4>
            <Verbatim text={e.whatChanged || t("public.nothingRecorded")} />
            <h4 className="govuk-heading-s">{t("public.whatDidNotChange")}</h4>
            <Verbatim text={e.whatDidNotChange || t("public.nothingRecorded")} />
            <h4 className="govuk-heading-s">{t("public.told")}</h4>
            <p className="govuk-body">
              {e.closed && e.toldOutcomeOn ? t("public.toldValue", { how: e.toldOutcomeHow, date: formatDate(e.toldOutcomeOn, i18n.language) }) : t("public.notToldYet")}
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}
