import type { ReactNode } from "react";

export interface DetailsProps {
  summary: ReactNode;
  children: ReactNode;
  id?: string;
  open?: boolean;
}

/**
 * GOV.UK details: a native <details>, so it opens and closes with the
 * keyboard and without JavaScript. For help that only some people need.
 */
export function Details({ summary, children, id, open }: DetailsProps) {
  return (
    <details id={id} className="govuk-details" open={open}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
