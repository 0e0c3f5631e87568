/**
 * The results page's figures as a download (CSV or XLSX): the same filters, breakdown and
 * suppression as the page. Filters that cannot be read send the officer back to the page,
 * which says what is wrong. Each download is recorded: the file leaves the portal.
 */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "../auth/audit.server";
import i18next from "../i18n/i18next.server";
import { instantToUkLocal } from "../surveys/uk-time";
import { formatDateTime } from "../utils/dates";
import { labelWords } from "./distribution";
import { fileResponse } from "./export-routes.server";
import { filterDimensions, type AnalysisFilter, type FilterChoices } from "./filters";
import { getWaveResults } from "./results.server";
import { readAnalysisRequest, wavePath } from "./routes.server";
import { toCsv, toXlsx } from "./spreadsheet.server";
import { summaryRows, summaryTables, type SummaryWords } from "./summary-export";

/** The filters in words: "District: Burnley, Pendle. Format: Easy read." */
function filterWords(filter: AnalysisFilter, choices: FilterChoices, t: (key: string, options?: Record<string, unknown>) => string): string[] {
  const lines = filterDimensions.flatMap((d) => {
    if (!filter[d].length) return [];
    const names = filter[d].map((v) =>
      d === "district" || d === "health_area" || d === "language" ? choices[d].find((c) => c.value === v)?.label ?? v : t(`values.${d}.${v}`),
    );
    return [`${t(`dimensions.${d}`)}: ${names.join(", ")}`];
  });
  if (filter.from) lines.push(t("summaryFile.from", { date: filter.from }));
  if (filter.to) lines.push(t("summaryFile.to", { date: filter.to }));
  return lines.length ? lines : [t("summaryFile.noFilters")];
}

export async function summaryDownload({ request, context, params }: Pick<LoaderFunctionArgs, "request" | "context" | "params">, kind: "csv" | "xlsx") {
  const read = await readAnalysisRequest(request, context, params.surveyId);
  if (!read.ok) return redirect(`${wavePath(read.wave.id)}${new URL(request.url).search}`);
  const results = await getWaveResults(context.db, { wave: read.wave, filter: read.filter, choices: read.choices, by: read.by, language: read.language });
  const t = await i18next.getFixedT(request, "analysis");
  const now = context.now();
  const words: SummaryWords = {
    label: (label) => labelWords(t, label),
    fewerThan: { fewer: t("fewerThan", { threshold: results.threshold }), notShown: t("notShown") },
    headers: {
      section: t("summaryFile.headers.section"),
      question: t("summaryFile.headers.question"),
      group: t("summaryFile.headers.group"),
      answer: t("summaryFile.headers.answer"),
      count: t("summaryFile.headers.count"),
      percent: t("summaryFile.headers.percent"),
    },
    sections: {
      about: t("summaryFile.sections.about"),
      responses: t("summaryFile.sections.responses"),
      who: t("summaryFile.sections.who"),
      question: t("summaryFile.sections.questions"),
    },
    all: t("summaryFile.all"),
    total: t("results.total"),
    median: t("summaryFile.median"),
    submitted: t("results.submitted"),
    matched: t("results.matched"),
    started: t("results.started"),
    dimension: (d) => t(`dimensions.${d}`),
    about: [
      read.wave.title,
      ...filterWords(read.filter, read.choices, (key, options) => t(key, options ?? {})),
      ...(read.by ? [t("summaryFile.by", { dimension: t(`dimensions.${read.by}`) })] : []),
      t("results.suppression", { threshold: results.threshold, max: results.threshold - 1 }),
      t("summaryFile.made", { when: formatDateTime(now, read.language) }),
    ],
    withheld: results.withheld ? t(`results.withheld.${results.withheld}`, { threshold: results.threshold }) : null,
  };
  const tables = summaryTables(results, words);
  const filename = `${read.wave.slug}-summary-${instantToUkLocal(now).date}.${kind}`;
  await recordAudit(context.db, {
    userId: read.user.id,
    action: "analysis.summary-downloaded",
    subjectType: "survey",
    subjectId: read.wave.id,
    details: { file: kind, filters: read.search },
    requestId: context.requestId,
  });
  if (kind === "csv") {
    return fileResponse({ body: toCsv(summaryRows(tables, words)), contentType: "text/csv; charset=utf-8", filename });
  }
  const body = await toXlsx(
    tables.map((table) => ({ name: table.name, columns: table.header.map((header) => ({ header, width: header === words.headers.question ? 50 : 20 })), rows: table.rows, wrap: true })),
    { now },
  );
  return fileResponse({ body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename });
}
