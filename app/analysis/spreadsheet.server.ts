/**
 * Excel workbooks (XLSX) from plain tables, with exceljs. Every value is written as
 * what it is, a string or a number, never as a formula: "=1+1" stays the text
 * "=1+1". The CSV writer (pure) is in spreadsheet.ts and re-exported here.
 */
import ExcelJS from "exceljs";
import type { SheetValue } from "./spreadsheet";

export { BOM, csvCell, toCsv, type SheetValue } from "./spreadsheet";

export interface SheetColumn {
  header: string;
  /** In characters; about 12 when not given. */
  width?: number;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: SheetValue[][];
  /** Wrap long text in its cell (e.g. a codebook's notes). */
  wrap?: boolean;
}

export interface XlsxOptions {
  /** When the workbook was made (time is an input); the file's properties say so. */
  now?: Date;
}

/** The most a cell may hold in Excel. */
export const CELL_MAX = 32_767;

// Characters XML 1.0 cannot carry (a workbook with them will not open), and lone surrogates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string a workbook can hold: no characters XML refuses, at most CELL_MAX long. */
export function cellString(value: string): string {
  return value.replace(NOT_XML, "").slice(0, CELL_MAX);
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not
 * starting or ending with an apostrophe, not empty, and not one already used.
 */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = cellString(name).replace(/[:\\/?*[\]]/g, " ").replace(/^'+|'+$/g, "").trim() || "Sheet";
  let candidate = clean.slice(0, 31);
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = clean.slice(0, 31 - suffix.length) + suffix;
  }
  return candidate;
}

/** One workbook with a sheet per table: a bold header row that stays in view, then the rows. */
export async function toXlsx(sheets: Sheet[], options: XlsxOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SEND partnership portal";
  if (options.now) {
    workbook.created = options.now;
    workbook.modified = options.now;
  }
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name);
    const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ header: cellString(column.header), width: column.width ?? 12 }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      // Strings go in as strings (exceljs writes a formula only when given { formula }).
      worksheet.addRow(row.map((value) => (typeof value === "string" ? cellString(value) : value)));
    }
    if (sheet.wrap) {
      worksheet.eachRow((row) => {
        row.alignment = { wrapText: true, vertical: "top" };
      });
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
