/**
 * Writing tables for spreadsheet programs: CSV here (pure), XLSX in spreadsheet.server.ts.
 * Used by the response-level exports and by the suppressed summary tables
 * (docs/decisions/031-analysis-exports.md).
 */

/** What a spreadsheet cell may hold: text, a number, or nothing (an empty cell). */
export type SheetValue = string | number | null;

/**
 * A spreadsheet cell, quoted as RFC 4180 asks. A value starting with = + - @ (or a
 * tab or carriage return) would run as a formula in a spreadsheet: it gets a
 * leading apostrophe (OWASP's advice on CSV injection). Numbers are written as they are.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A byte order mark, so spreadsheet programs read the file as UTF-8 (Urdu and Polish). */
export const BOM = "\uFEFF";

/**
 * Rows as one CSV file: RFC 4180 (CRLF line ends, quotes where needed), a byte order
 * mark first, every cell guarded against formulas (csvCell); null is an empty cell.
 */
export function toCsv(rows: readonly (readonly SheetValue[])[]): string {
  return BOM + rows.map((row) => row.map((value) => (value === null ? "" : csvCell(value))).join(",")).join("\r\n") + "\r\n";
}
