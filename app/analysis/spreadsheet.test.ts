import { describe, expect, it } from "vitest";
import { csvCell as csvCellFromCoverage } from "../local-offer/coverage";
import { BOM, csvCell, toCsv } from "./spreadsheet";

describe("a CSV file", () => {
  it("starts with a byte order mark and ends every line with CRLF", () => {
    const csv = toCsv([
      ["row", "district"],
      [1, "burnley"],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe("row,district\r\n1,burnley\r\n");
  });

  it("quotes commas, quotes and line breaks as RFC 4180 asks", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", "cr\r\nlf"]]).slice(1)).toBe('"a,b","say ""hi""","two\nlines","cr\r\nlf"\r\n');
  });

  it("writes nothing for an empty cell and keeps the columns in place", () => {
    expect(toCsv([[null, "x", null]]).slice(1)).toBe(",x,\r\n");
  });

  it("guards every cell that a spreadsheet would run as a formula", () => {
    const line = toCsv([["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", '=HYPERLINK("http://x")']]).slice(1);
    expect(line).toBe(`"'=1+1","'+SUM(A1)","'-2+3","'@cmd","'\tx","'=HYPERLINK(""http://x"")"\r\n`);
  });

  it("writes numbers as numbers, negative ones too", () => {
    expect(toCsv([[-3, 0, 2.5]]).slice(1)).toBe("-3,0,2.5\r\n");
  });

  it("keeps Urdu and Polish letters as they are", () => {
    expect(toCsv([["اردو", "Zażółć gęślą jaźń"]]).slice(1)).toBe("اردو,Zażółć gęślą jaźń\r\n");
  });

  it("is the same csvCell the coverage table has always used", () => {
    expect(csvCellFromCoverage).toBe(csvCell);
  });
});
