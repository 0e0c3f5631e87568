import { describe, expect, it } from "vitest";
import { cellText, DEFAULT_SUPPRESSION_THRESHOLD, parseThreshold, percentText, suppressBreakdown, suppressCount, suppressCrossTab, type Cell } from "./suppression";

const words = (cells: Cell[]) => cells.map((c) => cellText(c, "fewer than 5"));

describe("the suppression threshold", () => {
  it("is 5 unless a setting says otherwise", () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5);
    expect(parseThreshold(undefined)).toBe(5);
    expect(parseThreshold("10")).toBe(10);
    expect(parseThreshold(" 3 ")).toBe(3);
  });

  it("ignores a setting that makes no sense", () => {
    for (const bad of ["", "abc", "1", "0", "-4", "2.5", "1000"]) expect(parseThreshold(bad), bad).toBe(5);
  });
});

describe("one count on its own", () => {
  it("shows 0 and counts from the threshold up; hides 1 to 4", () => {
    expect(suppressCount(0, 5)).toEqual({ shown: true, count: 0, percent: null });
    for (const n of [1, 2, 3, 4]) expect(suppressCount(n, 5)).toEqual({ shown: false, reason: "small" });
    expect(suppressCount(5, 5)).toEqual({ shown: true, count: 5, percent: null });
  });
});

describe("a breakdown with its total", () => {
  it("shows every cell and its percentage when none is small", () => {
    const { cells, total } = suppressBreakdown([10, 20, 0, 70], { threshold: 5 });
    expect(total).toEqual({ shown: true, count: 100, percent: null });
    expect(words(cells)).toEqual(["10", "20", "0", "70"]);
    expect(cells.map(percentText)).toEqual(["10%", "20%", "0%", "70%"]);
  });

  it("hides a lone small cell and the next-smallest non-zero one, so neither can be worked out from the total", () => {
    const { cells, total } = suppressBreakdown([12, 3, 0, 7, 8, 40], { threshold: 5 });
    expect(cellText(total, "fewer than 5")).toBe("70");
    expect(words(cells)).toEqual(["12", "fewer than 5", "0", "fewer than 5", "8", "40"]);
    expect(cells[1]).toEqual({ shown: false, reason: "small" });
    expect(cells[3]).toEqual({ shown: false, reason: "secondary" });
    expect(percentText(cells[1]!)).toBe("");
    expect(percentText(cells[3]!)).toBe("");
  });

  it("needs no second cell when two or more are already hidden", () => {
    const { cells } = suppressBreakdown([2, 3, 20, 30], { threshold: 5 });
    expect(words(cells)).toEqual(["fewer than 5", "fewer than 5", "20", "30"]);
  });

  it("takes the first of equal next-smallest cells", () => {
    const { cells } = suppressBreakdown([9, 1, 9, 30], { threshold: 5 });
    expect(words(cells)).toEqual(["fewer than 5", "fewer than 5", "9", "30"]);
  });

  it("hides every non-zero cell when the total itself is small", () => {
    const { cells, total } = suppressBreakdown([3, 0, 1], { threshold: 5 });
    expect(total.shown).toBe(false);
    expect(words(cells)).toEqual(["fewer than 5", "0", "fewer than 5"]);
  });

  it("follows a higher threshold", () => {
    const { cells } = suppressBreakdown([9, 30, 12, 40], { threshold: 10 });
    expect(words(cells)).toEqual(["fewer than 5", "30", "fewer than 5", "40"]);
  });

  it("takes percentages of the base given, for the cells asked", () => {
    // 60 gave a view, 10 said "don't know", 30 did not answer.
    const { cells } = suppressBreakdown([30, 30, 10, 30], { threshold: 5, total: 100, percentBase: 60, withPercent: (i) => i < 2 });
    expect(cells.map(percentText)).toEqual(["50%", "50%", "", ""]);
  });

  it("gives no percentages of a small base", () => {
    const { cells } = suppressBreakdown([0, 0, 30, 30], { threshold: 5, percentBase: 0 });
    expect(cells.map(percentText)).toEqual(["", "", "", ""]);
  });
});

describe("suppressCrossTab", () => {
  const shown = (cell: Cell) => (cell.shown ? cell.count : "x");
  const grid = (result: { cells: Cell[][] }) => result.cells.map((row) => row.map(shown));

  it("shows a table with no small cells as it is, with percentages of each column's base", () => {
    const result = suppressCrossTab(
      [
        [20, 30],
        [10, 40],
      ],
      { threshold: 5, columnTotals: [30, 70], total: 100, rowTotalShown: [true, true] },
    );
    expect(grid(result)).toEqual([
      [20, 30],
      [10, 40],
    ]);
    expect(result.cells[0]![0]).toEqual({ shown: true, count: 20, percent: 67 });
    expect(result.columnTotals.map(shown)).toEqual([30, 70]);
  });

  it("hides a small cell and, so it cannot be worked out from its row or its column, others beside it", () => {
    const counts = [
      [3, 30, 12],
      [20, 25, 40],
    ];
    const result = suppressCrossTab(counts, { threshold: 5, columnTotals: [23, 55, 52], total: 130, rowTotalShown: [true, true] });
    const hidden = grid(result);
    expect(hidden[0]![0]).toBe("x");
    // No row or column with a shown total has exactly one hidden non-zero cell.
    for (const row of hidden) expect(row.filter((v) => v === "x").length).not.toBe(1);
    for (let c = 0; c < 3; c++) expect(hidden.map((row) => row[c]).filter((v) => v === "x").length).not.toBe(1);
    // The smallest neighbours went: 12 in the row, 20 in the column, then 40 to keep the second row safe.
    expect(hidden).toEqual([
      ["x", 30, "x"],
      ["x", 25, "x"],
    ]);
  });

  it("hides every cell of a column whose total is small, and a second column so the first's total cannot be had from the grand total", () => {
    const result = suppressCrossTab(
      [
        [2, 30, 40],
        [1, 20, 9],
      ],
      { threshold: 5, columnTotals: [3, 50, 49], total: 102, rowTotalShown: [true, true] },
    );
    expect(result.columnTotals.map(shown)).toEqual(["x", 50, "x"]);
    expect(grid(result)).toEqual([
      ["x", 30, "x"],
      ["x", 20, "x"],
    ]);
  });

  it("hides a row whose total is hidden in the table it came from", () => {
    const result = suppressCrossTab(
      [
        [10, 10],
        [6, 7],
      ],
      { threshold: 5, columnTotals: [16, 17], total: 33, rowTotalShown: [true, false] },
    );
    expect(grid(result)[1]).toEqual(["x", "x"]);
    // Each column then has one hidden cell, which its shown total would give away: the first row goes too.
    expect(grid(result)[0]).toEqual(["x", "x"]);
  });

  it("leaves zeros shown: nobody can be recognised in nobody", () => {
    const result = suppressCrossTab(
      [
        [0, 30],
        [25, 0],
      ],
      { threshold: 5, columnTotals: [25, 30], total: 55, rowTotalShown: [true, true] },
    );
    expect(grid(result)).toEqual([
      [0, 30],
      [25, 0],
    ]);
  });
});
