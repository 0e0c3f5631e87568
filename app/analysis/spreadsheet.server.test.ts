import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellString, sheetName, toXlsx } from "./spreadsheet.server";

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own typings declare Buffer as an ArrayBuffer; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return workbook;
}

describe("an Excel workbook", () => {
  it("has a sheet per table with the header row and the rows, read back as written", async () => {
    const buffer = await toXlsx(
      [
        {
          name: "responses",
          columns: [{ header: "row" }, { header: "district", width: 20 }, { header: "what_helped" }],
          rows: [
            [1, "burnley", "Speech therapy; Zażółć"],
            [2, null, "اردو میں جواب"],
          ],
        },
        { name: "codebook", columns: [{ header: "column" }, { header: "notes", width: 60 }], rows: [["row", "Counts rows from 1"]], wrap: true },
      ],
      { now: new Date("2026-11-23T10:00:00Z") },
    );
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const workbook = await readBack(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["responses", "codebook"]);
    expect(workbook.created.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    const responses = workbook.getWorksheet("responses")!;
    expect(responses.getRow(1).values).toEqual([undefined, "row", "district", "what_helped"]);
    expect(responses.getCell("A2").value).toBe(1);
    expect(responses.getCell("A2").type).toBe(ExcelJS.ValueType.Number);
    expect(responses.getCell("B2").value).toBe("burnley");
    expect(responses.getCell("C2").value).toBe("Speech therapy; Zażółć");
    expect(responses.getCell("B3").value).toBeNull();
    expect(responses.getCell("C3").value).toBe("اردو میں جواب");
    expect(responses.rowCount).toBe(3);
    expect(responses.getColumn(2).width).toBe(20);
    expect(responses.getRow(1).font?.bold).toBe(true);
    expect(responses.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(workbook.getWorksheet("codebook")!.getCell("B2").value).toBe("Counts rows from 1");
  });

  it("writes formula-like text as text, never as a formula", async () => {
    const risky = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://example.org","click")'];
    const workbook = await readBack(await toXlsx([{ name: "t", columns: risky.map(() => ({ header: "=A1" })), rows: [risky] }]));
    const sheet = workbook.getWorksheet("t")!;
    expect(sheet.getCell("A1").value).toBe("=A1");
    expect(sheet.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    risky.forEach((text, i) => {
      const cell = sheet.getRow(2).getCell(i + 1);
      expect(cell.type, text).toBe(ExcelJS.ValueType.String);
      expect(cell.value, text).toBe(text);
      expect(cell.formula, text).toBeUndefined();
    });
  });

  it("drops characters a workbook cannot hold, so it still opens", async () => {
    expect(cellString("a\u0000b\u0007c\u000Bd\tok\nyes")).toBe("abcd\tok\nyes");
    expect(cellString("\uD83D\uDE00 ok \uD83D")).toBe("\uD83D\uDE00 ok ");
    expect(cellString("x".repeat(40_000))).toHaveLength(32_767);
    const workbook = await readBack(await toXlsx([{ name: "t", columns: [{ header: "a" }], rows: [["bell\u0007 here"]] }]));
    expect(workbook.getWorksheet("t")!.getCell("A2").value).toBe("bell here");
  });

  it("gives sheets names Excel accepts, each once", () => {
    expect(sheetName("Responses: 2026/27 [draft]?")).toBe("Responses  2026 27  draft");
    expect(sheetName("a".repeat(40))).toHaveLength(31);
    expect(sheetName("''")).toBe("Sheet");
    expect(sheetName("Codebook", new Set(["codebook"]))).toBe("Codebook (2)");
    expect(sheetName("b".repeat(40), new Set(["b".repeat(31)]))).toBe(`${"b".repeat(27)} (2)`);
  });
});
