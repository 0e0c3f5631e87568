import { describe, expect, it } from "vitest";
import { firstLine, groupByYearAndTheme, guessTheme, publishableCount, ukYear, yearBounds } from "./you-said-we-did";

describe("publishable counts", () => {
  it("show 5 or more as the number and anything smaller as 'fewer than 5'", () => {
    expect(publishableCount(0)).toEqual({ kind: "fewer", threshold: 5 });
    expect(publishableCount(1)).toEqual({ kind: "fewer", threshold: 5 });
    expect(publishableCount(4)).toEqual({ kind: "fewer", threshold: 5 });
    expect(publishableCount(5)).toEqual({ kind: "count", value: 5 });
    expect(publishableCount(120)).toEqual({ kind: "count", value: 120 });
  });
});

describe("theme guess", () => {
  it("is accessibility for an accessibility problem and content otherwise", () => {
    expect(guessTheme({ source: "page_problem", kind: "accessibility" })).toBe("accessibility");
    expect(guessTheme({ source: "page_problem", kind: "broken_link" })).toBe("content");
    expect(guessTheme({ source: "page_missing", kind: "" })).toBe("content");
    expect(guessTheme({ source: "page_useful", kind: "" })).toBe("content");
  });
});

describe("grouping for publication", () => {
  it("puts the newest year first and the themes in a fixed order, leaving out empty themes", () => {
    const entries = [
      { id: "a", year: 2025, theme: "development" as const },
      { id: "b", year: 2026, theme: "accessibility" as const },
      { id: "c", year: 2026, theme: "content" as const },
      { id: "d", year: 2025, theme: "content" as const },
    ];
    const grouped = groupByYearAndTheme(entries);
    expect(grouped.map((g) => g.year)).toEqual([2026, 2025]);
    expect(grouped[0]!.themes.map((t) => [t.theme, t.entries.map((e) => e.id)])).toEqual([
      ["content", ["c"]],
      ["accessibility", ["b"]],
    ]);
    expect(grouped[1]!.themes.map((t) => t.theme)).toEqual(["content", "development"]);
  });
});

describe("helpers", () => {
  it("take the first non-empty line, shortened", () => {
    expect(firstLine("\n  Hello there \nsecond")).toBe("Hello there");
    expect(firstLine("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });

  it("give a calendar year in UK time", () => {
    expect(yearBounds(2026)).toEqual({ from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") });
  });
});

describe("UK year", () => {
  it("changes at midnight in London", () => {
    expect(ukYear("2025-12-31T23:59:59Z")).toBe(2025);
    expect(ukYear("2026-01-01T00:00:00Z")).toBe(2026);
  });
});
