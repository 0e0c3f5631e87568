import { describe, expect, it } from "vitest";
import { layoutChart, wrapLabel } from "./chart";

describe("wrapLabel", () => {
  it("breaks a long answer at spaces into lines that fit", () => {
    const lines = wrapLabel("An education, health and care (EHC) plan that was agreed last year", 20);
    expect(lines).toEqual(["An education, health", "and care (EHC) plan", "that was agreed last", "year"]);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
  });

  it("cuts a word longer than a line, and gives one empty line for no words", () => {
    expect(wrapLabel("Supercalifragilistic", 8)).toEqual(["Supercal", "ifragili", "stic"]);
    expect(wrapLabel("")).toEqual([""]);
  });
});

describe("layoutChart", () => {
  it("draws each share on one scale, a hidden count with words and no bar, each label above its bar", () => {
    const { bars, height } = layoutChart([
      { label: "Agree", percent: 50, text: "50% (20)" },
      { label: "Disagree", percent: 100, text: "100% (40)" },
      { label: "Don't know", percent: null, text: "fewer than 5" },
    ]);
    expect(bars[1]!.barWidth).toBe(2 * bars[0]!.barWidth);
    expect(bars[2]!.barWidth).toBe(0);
    expect(bars[2]!.text).toBe("fewer than 5");
    for (const bar of bars) expect(bar.barY).toBeGreaterThan(bar.lines.at(-1)!.y);
    expect(bars[1]!.lines[0]!.y).toBeGreaterThan(bars[0]!.barY);
    expect(height).toBeGreaterThan(bars[2]!.barY);
  });

  it("gives a tiny share a bar that can be seen, and bars of several waves for one answer one label", () => {
    const { bars } = layoutChart([
      { label: "Agree", percent: 0.4, text: "0% (1)", series: 0 },
      { label: "Agree", percent: 30, text: "30% (12)", series: 1 },
    ]);
    expect(bars[0]!.barWidth).toBeGreaterThan(0);
    expect(bars[0]!.labelled).toBe(true);
    expect(bars[1]!.labelled).toBe(false);
    expect(bars[1]!.lines).toEqual([]);
  });
});
