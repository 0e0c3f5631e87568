import { Fragment } from "react";

/**
 * Someone's words exactly as they sent them, for staff to read: React escapes the
 * text (never dangerouslySetInnerHTML), and line breaks are kept.
 */
export function Verbatim({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <p className="govuk-body govuk-!-text-break-word">
      {lines.map((line, i) => (
        <Fragment key={i}>
          {line}
          {i < lines.length - 1 ? <br /> : null}
        </Fragment>
      ))}
    </p>
  );
}
