import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { cellText, type Cell, type CellWords } from "~/analysis/suppression";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Select } from "~/components/forms/select";
import { Table } from "~/components/table";
import {
  EVIDENCE_PACK_CSV_PATH,
  EVIDENCE_PACK_PATH,
  packSearch,
  parsePackQuery,
  type PackField,
  type PackArea,
  type RawEntry,
} from "~/evidence/evidence";
import { getEvidencePack, listAreasForPack } from "~/evidence/evidence.server";
import i18next from "~/i18n/i18next.server";
import { instantToUkLocal } from "~/surveys/uk-time";
import { formatDate } from "~/utils/dates";
import { Day, ProgressTag } from "~/working-groups/components";

export const handle = { i18n: ["common", "evidence-pack", "working-groups", "co-production", "feedback", "you-said-we-did"] };

/**
 * The evidence pack for a re-visit (issue 6, point 9; docs/decisions/026-evidence-pack.md).
 * A GET form, so a pack has an address an officer can share and works without
 * JavaScript; the form's boxes are answered at the short address (?from=…&to=…&area=…).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "evidence-pack.read");
  const t = await i18next.getFixedT(request, "evidence-pack");
  const common = await i18next.getFixedT(request, "common");
  const areas = await listAreasForPack(context.db);
  const url = new URL(request.url);
  const parsed = parsePackQuery(url.searchParams, { today: instantToUkLocal(context.now()).date, areas: areas.map((a) => a.number) });
  const choices = areas.map((a) => ({ number: a.number, title: a.title }));
  if (!parsed.ok) {
    // A GET form has no action data, so the title says "Error: " here (docs/decisions/008).
    return json(
      {
        pageTitle: `${common("errorPrefix")} ${t("title")}`,
        typed: parsed.typed,
        errors: parsed.errors,
        areas: choices,
        pack: null,
        search: "",
      },
      { status: 400 },
    );
  }
  if (parsed.fromBoxes) return redirect(`${EVIDENCE_PACK_PATH}${packSearch(parsed.query)}`);
  const pack = await getEvidencePack(context.db, parsed.query);
  return json({
    pageTitle: t("title"),
    typed: parsed.typed,
    errors: {} as Partial<Record<PackField, string>>,
    areas: choices,
    pack,
    search: packSearch(parsed.query),
  });
}

/** A calendar date in words ("23 November 2026"), read at noon UTC so no zone moves it. */
const dayInWords = (date: string, language: string) => formatDate(`${date}T12:00:00Z`, language);

function Count({ cell, fewer }: { cell: Cell | null; fewer: CellWords }) {
  return <>{cell ? cellText(cell, fewer) : ""}</>;
}

function None() {
  const { t } = useTranslation("evidence-pack");
  return <p className="govuk-body">{t("pack.none")}</p>;
}

function EntriesTable({ entries, caption }: { entries: RawEntry[]; caption: string }) {
  const { t } = useTranslation("evidence-pack");
  const themes = useTranslation("you-said-we-did").t;
  if (entries.length === 0) return <None />;
  return (
    <Table
      caption={caption}
      captionSize="s"
      columns={[{ header: t("area.published") }, { header: t("area.youSaid") }, { header: t("area.weDid") }, { header: t("area.about") }]}
      rowKeys={entries.map((e) => e.id)}
      rows={entries.map((e) => [
        <Day key="d" date={e.publishedOn} />,
        e.youSaid,
        e.weDid,
        <Fragment key="a">
          {themes(`themes.${e.theme}`)}
          {e.group ? (
            <>
              <br />
              {t("area.group", { name: e.group })}
            </>
          ) : null}
          {e.cosigned ? (
            <>
              <br />
              {t("area.cosigned")}
            </>
          ) : null}
        </Fragment>,
      ])}
    />
  );
}

function AreaSection({ area, fewer }: { area: PackArea; fewer: CellWords }) {
  const { t, i18n } = useTranslation("evidence-pack");
  const copro = useTranslation("co-production").t;
  const steps = useTranslation("feedback").t;
  const headingId = `area-${area.number}`;
  return (
    <section className="app-evidence-area" aria-labelledby={headingId}>
      <h2 className="govuk-heading-l" id={headingId}>
        {t("area.heading", { number: area.number, title: area.title })}
      </h2>

      <h3 className="govuk-heading-m">{t("area.actions")}</h3>
      {area.actions.length === 0 ? <p className="govuk-body">{t("area.noActions")}</p> : null}
      {area.ragCounts.length ? (
        <p className="govuk-body">
          {t("area.ragCounts")}{" "}
          {area.ragCounts.map((r) => (
            <Fragment key={r.rag}>
              <ProgressTag rag={r.rag} /> {r.count}{" "}
            </Fragment>
          ))}
        </p>
      ) : null}
      {area.actions.map((action) => (
        <Table
          key={action.id}
          caption={t("area.actionCaption", { letter: action.letter, title: action.title })}
          captionSize="s"
          firstCellIsHeader
          columns={[{ header: t("area.task") }, { header: t("area.description") }, { header: t("area.due") }, { header: t("area.rag") }]}
          rowKeys={action.tasks.map((task) => String(task.id))}
          rows={action.tasks.map((task) => [task.code, task.description, task.dueText, <ProgressTag key="r" rag={task.rag} />])}
        />
      ))}

      <h3 className="govuk-heading-m">{t("area.updates")}</h3>
      {area.updates.length ? (
        <Table
          caption={t("area.updatesCaption")}
          captionSize="s"
          columns={[
            { header: t("area.date") },
            { header: t("area.task") },
            { header: t("area.rag") },
            { header: t("area.outcome") },
            { header: t("area.evidence") },
          ]}
          rowKeys={area.updates.map((u) => u.id)}
          rows={area.updates.map((u) => [
            <Day key="d" date={u.at} />,
            u.taskCode,
            <ProgressTag key="r" rag={u.rag} />,
            u.outcome,
            u.evidenceUrl ? (
              <a key="e" className="govuk-link" href={u.evidenceUrl} rel="noreferrer">
                {t("area.evidenceLink", { code: u.taskCode, date: dayInWords(u.at, i18n.language) })}
              </a>
            ) : (
              t("area.noEvidence")
            ),
          ])}
        />
      ) : (
        <None />
      )}

      <h3 className="govuk-heading-m">{t("area.activities")}</h3>
      {area.activities.length ? (
        <Table
          caption={t("area.activitiesCaption")}
          captionSize="s"
          columns={[
            { header: t("area.activity") },
            { header: t("area.date") },
            { header: t("area.type") },
            { header: t("area.level") },
            { header: t("area.whatChanged") },
            { header: t("area.told") },
          ]}
          rowKeys={area.activities.map((a) => a.id)}
          rows={area.activities.map((a) => [
            a.title,
            <Day key="d" date={a.heldOn} />,
            copro(`types.${a.type}`),
            t(a.levelConfirmed ? "area.levelConfirmed" : "area.levelUnconfirmed", { level: copro(`levels.${a.level}`) }),
            a.whatChanged,
            a.toldOn ? (
              <Fragment key="t">
                <Day date={a.toldOn} />: {a.toldHow}
              </Fragment>
            ) : (
              t("area.notTold")
            ),
          ])}
        />
      ) : (
        <None />
      )}

      <h3 className="govuk-heading-m">{t("area.feedback")}</h3>
      <Table
        caption={t("area.byStatusCaption")}
        captionSize="s"
        firstCellIsHeader
        columns={[{ header: t("area.status") }, { header: t("summary.count"), numeric: true }]}
        rows={[
          ...area.feedback.byStatus.map((r) => [steps(`steps.${r.key}`), <Count key="n" cell={r.cell} fewer={fewer} />]),
          [<strong key="t">{t("area.total")}</strong>, <Count key="n" cell={area.feedback.total} fewer={fewer} />],
        ]}
      />
      {area.feedback.byTheme.length ? (
        <>
          <Table
            caption={t("area.byThemeCaption")}
            captionSize="s"
            firstCellIsHeader
            columns={[{ header: t("area.theme") }, { header: t("summary.count"), numeric: true }]}
            rows={[
              ...area.feedback.byTheme.map((r) => [r.key, <Count key="n" cell={r.cell} fewer={fewer} />]),
              [t("area.noTheme"), <Count key="n" cell={area.feedback.noTheme} fewer={fewer} />],
            ]}
          />
          <p className="govuk-body-s">{t("area.themesNote")}</p>
        </>
      ) : null}

      <h3 className="govuk-heading-m">{t("area.entries")}</h3>
      <EntriesTable entries={area.entries} caption={t("area.entriesCaption")} />
    </section>
  );
}

export default function EvidencePackPage() {
  const { t, i18n } = useTranslation("evidence-pack");
  const { typed, errors, areas, pack, search } = useLoaderData<typeof loader>();
  const fewer = { fewer: t("fewerThan", { threshold: pack?.threshold ?? 5 }), notShown: t("notShown") };
  const errorList = (["from", "to", "area"] as const).flatMap((field) => (errors[field] ? [{ href: field, text: t(errors[field]) }] : []));
  const day = (date: string) => dayInWords(date, i18n.language);
  const summary = pack?.summary;
  return (
    <>
      <Breadcrumbs items={[{ text: t("staffArea"), href: "/admin" }, { text: t("title") }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorList} />
          <h1 className="govuk-heading-xl">{t("title")}</h1>
          <p className="govuk-body">{t("intro")}</p>
        </div>
      </div>
      <Form method="get" noValidate className="app-no-print govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">{t("form.heading")}</h2>
        <DateInput
          name="from"
          legend={t("form.from")}
          legendSize="s"
          hint={t("form.dateHint")}
          error={errors.from ? t(errors.from) : undefined}
          defaultValue={typed.from}
        />
        <DateInput
          name="to"
          legend={t("form.to")}
          legendSize="s"
          hint={t("form.dateHint")}
          error={errors.to ? t(errors.to) : undefined}
          defaultValue={typed.to}
        />
        <Select
          name="area"
          label={t("form.area")}
          error={errors.area ? t(errors.area) : undefined}
          defaultValue={areas.some((a) => String(a.number) === typed.area) ? typed.area : ""}
          options={[
            { value: "", label: t("form.allAreas") },
            ...areas.map((a) => ({ value: String(a.number), label: `${a.number}. ${a.title}` })),
          ]}
        />
        <Button>{t("form.submit")}</Button>
      </Form>

      {pack && summary ? (
        <div className="app-evidence">
          <h2 className="govuk-heading-l">
            {pack.query.area === null
              ? t("pack.heading", { from: day(pack.query.from), to: day(pack.query.to) })
              : t("pack.headingArea", { from: day(pack.query.from), to: day(pack.query.to), number: pack.query.area })}
          </h2>
          <p className="govuk-body app-no-print">
            <a className="govuk-link" href={`${EVIDENCE_PACK_CSV_PATH}${search}`} download>
              {t("pack.download")}
            </a>
          </p>
          <p className="govuk-body app-no-print">{t("pack.printHint")}</p>
          <div className="govuk-inset-text">
            <p className="govuk-body">{t("pack.suppression", { threshold: pack.threshold, max: pack.threshold - 1 })}</p>
            <p className="govuk-body">{t("pack.rules")}</p>
          </div>
          <Table
            caption={t("summary.caption")}
            captionSize="m"
            firstCellIsHeader
            columns={[{ header: t("summary.what") }, { header: t("summary.count"), numeric: true }]}
            rows={[
              [t("summary.actions"), summary.actions],
              [t("summary.tasks"), summary.tasks],
              [t("summary.updates"), summary.updates],
              [t("summary.activities"), summary.activities],
              [t("summary.feedbackLinked"), <Count key="n" cell={summary.feedbackLinked} fewer={fewer} />],
              ...(summary.feedbackUnlinked
                ? [[t("summary.feedbackUnlinked"), <Count key="n" cell={summary.feedbackUnlinked} fewer={fewer} />]]
                : []),
              ...(summary.feedbackAll ? [[t("summary.feedbackAll"), <Count key="n" cell={summary.feedbackAll} fewer={fewer} />]] : []),
              [t("summary.entries"), summary.entries],
            ]}
          />
          {pack.areas.map((area) => (
            <AreaSection key={area.id} area={area} fewer={fewer} />
          ))}
          {pack.query.area === null ? (
            <section className="app-evidence-area" aria-labelledby="other-entries">
              <h2 className="govuk-heading-l" id="other-entries">
                {t("other.heading")}
              </h2>
              <p className="govuk-body">{t("other.intro")}</p>
              <EntriesTable entries={pack.otherEntries} caption={t("other.caption")} />
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
