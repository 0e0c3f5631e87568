import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Pictogram } from "~/components/pictogram";
import { Table } from "~/components/table";
import { languageOf } from "~/i18n/config";
import { showText, type ShownText } from "~/surveys/question-field";
import { formatDate } from "~/utils/dates";
import { ChartFigure } from "./chart-figure";
import type { Distribution, Label } from "./distribution";
import type { FindingsFormat, PublishedChart, PublishedFindings, PublishedLabel } from "./findings";
import { barsOf, useDistributionSummary, useFewer, useLabel, type SuppressionWords } from "./results-components";
import { cellText, percentText } from "./suppression";

/** The language officers write findings in (docs/decisions/032): marked when the page is in another. */
const STAFF_LANGUAGE = "en-GB";

/** Staff's words as paragraphs: a blank line starts a new one, a single line break stays. */
function Paragraphs({ text, lang, dir, className = "govuk-body" }: { text: string; lang?: string; dir?: string; className?: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((paragraph, i) => (
          <p key={i} className={`${className} govuk-!-text-break-word`} lang={lang} dir={dir}>
            {paragraph.split("\n").map((line, l, lines) => (
              <Fragment key={l}>
                {line}
                {l < lines.length - 1 ? <br /> : null}
              </Fragment>
            ))}
          </p>
        ))}
    </>
  );
}

/** Words with a language mark when they are not in the page's language. */
function Words({ shown }: { shown: ShownText }) {
  return shown.lang ? (
    <span lang={shown.lang} dir={shown.dir}>
      {shown.text}
    </span>
  ) : (
    <>{shown.text}</>
  );
}

/** Words beside a pictogram in easy read; just the words otherwise. */
function WithPictogram({ name, easyRead, children }: { name: string | null | undefined; easyRead: boolean; children: ReactNode }) {
  if (!easyRead || !name) return <>{children}</>;
  return (
    <div className="portal-easy-read__labelled app-findings__pictured">
      <Pictogram name={name} />
      <div>{children}</div>
    </div>
  );
}

interface ResolvedRow {
  shown: ShownText | null;
  label: Label;
}

/**
 * A published findings page, as families read it (and officers preview it): the title,
 * when it was published, a link to the other version (plain words or easy read), the
 * summary, why some numbers are hidden, and each block. Works without JavaScript; prints
 * on its own (app/styles/_findings-print.scss).
 */
export function FindingsView({
  findings,
  format,
  publishedAt,
  otherFormatHref,
}: {
  findings: PublishedFindings;
  format: FindingsFormat;
  publishedAt: string | null;
  otherFormatHref: string;
}) {
  const { t, i18n } = useTranslation("findings");
  const language = i18n.language;
  const easy = format === "easy_read";
  const reader = { language, format };
  const staffLang = language === STAFF_LANGUAGE ? undefined : STAFF_LANGUAGE;
  // English in a right-to-left page (Urdu) reads left to right.
  const staffDir = staffLang ? languageOf(STAFF_LANGUAGE).dir : undefined;
  const fewer = useFewer(findings.threshold);
  const words = (w: { plain: string; easyRead: string }) => (easy ? w.easyRead : w.plain);
  const surveyTitle = showText(findings.survey.title, { language, format: "standard" });
  const hasQuotes = findings.blocks.some((b) => b.kind === "quote");
  const mode = easy ? "easy" : "plain";

  return (
    <article className={`app-findings${easy ? " app-findings--easy-read portal-easy-read" : ""}`}>
      {surveyTitle ? (
        <span className="govuk-caption-l">
          <Words shown={surveyTitle} />
        </span>
      ) : null}
      <h1 className="govuk-heading-xl" lang={staffLang} dir={staffDir}>
        {words(findings.title)}
      </h1>
      {publishedAt ? (
        <p className="govuk-body-s app-findings__published">
          {t(`public.${mode}.published`)} <time dateTime={publishedAt}>{formatDate(publishedAt, language)}</time>
        </p>
      ) : null}
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={otherFormatHref}>
          {easy ? t("public.toStandard") : t("public.toEasyRead")}
        </a>
      </p>

      <WithPictogram name="information" easyRead={easy}>
        <Paragraphs text={words(findings.summary)} lang={staffLang} dir={staffDir} className={easy ? "govuk-body" : "govuk-body-l"} />
      </WithPictogram>

      <div className="govuk-inset-text">
        <WithPictogram name="safe" easyRead={easy}>
          <p className="govuk-body">{t(`public.${mode}.responses`, { number: cellText(findings.responses, fewer) })}</p>
          <p className="govuk-body">{t(`public.${mode}.whyHidden`, { fewer: fewer.fewer, notShown: fewer.notShown, threshold: findings.threshold })}</p>
          {hasQuotes ? <p className="govuk-body">{t(`public.${mode}.quotesNote`)}</p> : null}
        </WithPictogram>
      </div>

      {findings.blocks.map((block, i) => {
        const id = `finding-${i + 1}`;
        if (block.kind === "text") {
          return (
            <section key={i} className="app-findings__block" aria-labelledby={block.heading ? id : undefined}>
              {block.heading ? (
                <h2 className="govuk-heading-l" id={id} lang={staffLang} dir={staffDir}>
                  {block.heading}
                </h2>
              ) : null}
              <Paragraphs text={words(block)} lang={staffLang} dir={staffDir} />
            </section>
          );
        }
        if (block.kind === "quote") {
          const question = block.question ? showText(block.question, reader) : undefined;
          return (
            <figure key={i} className="app-findings__block app-findings__quote">
              <WithPictogram name="talk" easyRead={easy}>
                <blockquote className="govuk-inset-text app-findings__quote-text" lang={block.language} dir={languageOf(block.language).dir}>
                  <Paragraphs text={block.text} />
                </blockquote>
                <figcaption className="govuk-body-s">
                  {question ? (
                    <>
                      {t(`public.${mode}.quoteAnswering`)} “<Words shown={question} />”.{" "}
                    </>
                  ) : null}
                  {t(`public.${mode}.quoteRedacted`)}
                </figcaption>
              </WithPictogram>
            </figure>
          );
        }
        return <ChartBlock key={i} id={id} block={block} easy={easy} fewer={fewer} staffLang={staffLang} staffDir={staffDir} />;
      })}
      {findings.blocks.length === 0 ? <p className="govuk-body">{t("public.nothing")}</p> : null}
    </article>
  );
}

function ChartBlock({ id, block, easy, fewer, staffLang, staffDir }: { id: string; block: PublishedChart; easy: boolean; fewer: SuppressionWords; staffLang?: string; staffDir?: string }) {
  const { t, i18n } = useTranslation("findings");
  const label = useLabel();
  const summarise = useDistributionSummary();
  const reader = { language: i18n.language, format: easy ? ("easy_read" as const) : ("standard" as const) };
  const question = showText(block.question, reader) ?? { text: block.questionKey, pictogram: null };
  const resolve = (l: PublishedLabel): ResolvedRow => {
    if ("key" in l) return { shown: null, label: { key: l.key, values: l.values } };
    const shown = showText(l.variants, { language: reader.language, format: "standard" }) ?? { text: "", pictogram: null };
    return { shown, label: { text: shown.text } };
  };
  const rows = block.rows.map((row) => ({ ...row, resolved: resolve(row.label) }));
  const distribution: Distribution = { rows: rows.map((r) => ({ value: r.value, kind: r.kind, cell: r.cell, label: r.resolved.label })), total: block.total };
  const mode = easy ? "easy" : "plain";
  return (
    <section className="app-findings__block" aria-labelledby={id}>
      <WithPictogram name={question.pictogram} easyRead={easy}>
        <h2 className="govuk-heading-l" id={id}>
          <Words shown={question} />
        </h2>
      </WithPictogram>
      <Paragraphs text={easy ? block.easyRead : block.plain} lang={staffLang} dir={staffDir} />
      <div className="govuk-grid-row app-findings__figure">
        <div className="govuk-grid-column-one-half">
          <ChartFigure id={`${id}-chart`} title={question.text} summary={summarise(distribution, fewer)} bars={barsOf(distribution, label, fewer)} />
        </div>
        <div className="govuk-grid-column-one-half">
          <Table
            caption={t(`public.${mode}.tableCaption`)}
            captionSize="s"
            firstCellIsHeader
            columns={[
              { header: t(`public.${mode}.answer`) },
              { header: t(`public.${mode}.count`), numeric: true },
              { header: t(`public.${mode}.share`), numeric: true },
            ]}
            rows={[
              ...rows.map((r) => [r.resolved.shown ? <Words key="w" shown={r.resolved.shown} /> : label(r.resolved.label), cellText(r.cell, fewer), percentText(r.cell)]),
              [<strong key="t">{t(`public.${mode}.total`)}</strong>, cellText(block.total, fewer), ""],
            ]}
          />
          {block.multiple ? <p className="govuk-body-s">{t(`public.${mode}.multiple`)}</p> : null}
        </div>
      </div>
    </section>
  );
}
