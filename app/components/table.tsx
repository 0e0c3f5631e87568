import type { ReactNode } from "react";

export interface TableColumn {
  header: ReactNode;
  /** Numbers line up on the right (on the left in right-to-left languages), as GOV.UK does. */
  numeric?: boolean;
}

export interface TableProps {
  /** Says what the table is about. Required: screen reader users hear it first. */
  caption: ReactNode;
  captionSize?: "s" | "m" | "l" | "xl";
  columns: TableColumn[];
  rows: ReactNode[][];
  /** The first cell of each row names the row (a row header, scope="row"). */
  firstCellIsHeader?: boolean;
  /** React keys for the rows, when rows can move. Defaults to the row's position. */
  rowKeys?: string[];
}

/** GOV.UK table, for comparing information in rows and columns. Not for layout. */
export function Table({ caption, captionSize = "m", columns, rows, firstCellIsHeader, rowKeys }: TableProps) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column, index) => (
            <th scope="col" className={`govuk-table__header${column.numeric ? " govuk-table__header--numeric" : ""}`} key={index}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr className="govuk-table__row" key={rowKeys?.[rowIndex] ?? rowIndex}>
            {row.map((cell, index) =>
              index === 0 && firstCellIsHeader ? (
                <th scope="row" className="govuk-table__header" key={index}>
                  {cell}
                </th>
              ) : (
                <td className={`govuk-table__cell${columns[index]?.numeric ? " govuk-table__cell--numeric" : ""}`} key={index}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
