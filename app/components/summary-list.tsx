import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryListAction {
  href: string;
  /** Visible link text. Defaults to "Change". */
  text?: ReactNode;
  /** Says what the link changes, for screen readers, e.g. "name" makes "Change name". */
  visuallyHiddenText: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
}

function ActionLink({ action }: { action: SummaryListAction }) {
  const { t } = useTranslation("common");
  return (
    <a className="govuk-link" href={action.href}>
      {action.text ?? t("summaryList.change")}
      <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span>
    </a>
  );
}

/** GOV.UK summary list: pairs of keys and values, e.g. "check your answers", with optional change links. */
export function SummaryList({ rows, noBorder }: SummaryListProps) {
  const anyActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div className={`govuk-summary-list__row${anyActions && actions.length === 0 ? " govuk-summary-list__row--no-actions" : ""}`} key={index}>
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length === 1 && actions[0] ? (
              <dd className="govuk-summary-list__actions">
                <ActionLink action={actions[0]} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  {actions.map((action) => (
                    <li className="govuk-summary-list__actions-list-item" key={action.href}>
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}
