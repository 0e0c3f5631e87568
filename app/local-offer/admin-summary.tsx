import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ServiceStatus } from "../../db/schema";
import { Tag, type TagColour } from "~/components/tag";
import type { ContentRow, DiffRow } from "./diff";
import { serviceSections, type ServiceSection } from "./editing-sections";
import type { ReviewState } from "./review";

/** Text as typed, one paragraph per line: never HTML. */
export function Multiline({ text, empty }: { text: string; empty?: ReactNode }) {
  const lines = text.split(/\n+/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return <>{empty ?? null}</>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <>
      {lines.map((line, i) => (
        <p className="govuk-body" key={i}>
          {line}
        </p>
      ))}
    </>
  );
}

function Items({ items, empty }: { items: string[]; empty: ReactNode }) {
  if (items.length === 0) return <>{empty}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

function rowValue(row: ContentRow, empty: ReactNode) {
  return row.kind === "text" ? <Multiline text={row.value} empty={empty} /> : <Items items={row.items} empty={empty} />;
}

/**
 * The whole entry as "check your answers": one summary card per section of the
 * form, each with a "Change" link to that section's page when `changeHref` is given.
 */
export function ServiceSummary({ rows, changeHref, isSetting }: { rows: ContentRow[]; changeHref?: (section: ServiceSection) => string; isSetting: boolean }) {
  const { t } = useTranslation(["services-admin", "local-offer-terms"]);
  const empty = <span className="govuk-hint govuk-!-margin-0">{t("summary.notGiven")}</span>;
  return (
    <>
      {serviceSections.map((section) => {
        const sectionRows = rows.filter((r) => r.section === section && (section !== "send" || isSetting || r.field === "isSetting"));
        const title = t(`sections.${section}.title`);
        return (
          <div className="govuk-summary-card" key={section} id={`section-${section}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{title}</h2>
              {changeHref ? (
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <a className="govuk-link" href={changeHref(section)}>
                      {t("summary.change")}
                      <span className="govuk-visually-hidden"> {title.toLowerCase()}</span>
                    </a>
                  </li>
                </ul>
              ) : null}
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                {sectionRows.map((row) => (
                  <div className="govuk-summary-list__row" key={row.field}>
                    <dt className="govuk-summary-list__key">{t(row.labelKey)}</dt>
                    <dd className="govuk-summary-list__value">{rowValue(row, empty)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </div>
        );
      })}
    </>
  );
}

/** Field by field: what is there now and what would be there, with changed list items said in words. */
export function DiffTable({ rows, caption, beforeHeader, afterHeader }: { rows: DiffRow[]; caption: string; beforeHeader: string; afterHeader: string }) {
  const { t } = useTranslation(["services-admin", "local-offer-terms"]);
  const empty = <span className="govuk-hint govuk-!-margin-0">{t("summary.notGiven")}</span>;
  if (rows.length === 0) return <p className="govuk-body">{t("diff.noChanges")}</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t("diff.field")}
          </th>
          <th scope="col" className="govuk-table__header">
            {beforeHeader}
          </th>
          <th scope="col" className="govuk-table__header">
            {afterHeader}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.field}>
            <th scope="row" className="govuk-table__header">
              {t(row.labelKey)}
            </th>
            {row.kind === "text" ? (
              <>
                <td className="govuk-table__cell">
                  <Multiline text={row.before} empty={empty} />
                </td>
                <td className="govuk-table__cell">
                  <Multiline text={row.after} empty={empty} />
                </td>
              </>
            ) : (
              <>
                <td className="govuk-table__cell">
                  <MarkedItems items={row.before} marked={row.removed} mark={t("diff.removed")} empty={empty} />
                </td>
                <td className="govuk-table__cell">
                  <MarkedItems items={row.after} marked={row.added} mark={t("diff.added")} empty={empty} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A list with the changed items marked in words ("Removed:", "Added:"), not by colour alone. */
function MarkedItems({ items, marked, mark, empty }: { items: string[]; marked: string[]; mark: string; empty: ReactNode }) {
  if (items.length === 0) return <>{empty}</>;
  const left = [...marked];
  return (
    <ul className="govuk-list">
      {items.map((item, i) => {
        const at = left.indexOf(item);
        const isMarked = at !== -1;
        if (isMarked) left.splice(at, 1);
        return (
          <li key={i}>
            {isMarked ? <strong className="govuk-!-font-weight-bold">{mark} </strong> : null}
            {item}
          </li>
        );
      })}
    </ul>
  );
}

const statusColours: Record<ServiceStatus, TagColour> = {
  draft: "grey",
  awaiting_approval: "yellow",
  published: "green",
  archived: "orange",
};

export function StatusTag({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation("local-offer-terms");
  return <Tag colour={statusColours[status]}>{t(`status.${status}`)}</Tag>;
}

const reviewColours: Record<ReviewState, TagColour> = {
  current: "green",
  due_soon: "blue",
  overdue: "orange",
  escalated: "red",
};

export function ReviewTag({ state }: { state: ReviewState }) {
  const { t } = useTranslation("services-admin");
  return <Tag colour={reviewColours[state]}>{t(`reviewStates.${state}`)}</Tag>;
}

/** GOV.UK warning text: something the reader must not miss, said in words. */
export function Warning({ children }: { children: ReactNode }) {
  const { t } = useTranslation("services-admin");
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t("warning")}</span>
        {children}
      </strong>
    </div>
  );
}
