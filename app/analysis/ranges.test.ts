import { describe, expect, it } from "vitest";
import { median, numberRangeOf, numberRanges, rangeOf, yearOf } from "./ranges";

const words = (ranges: ReturnType<typeof numberRanges>) =>
  ranges.map((r) => {
    const v = r.label.values;
    if (r.label.key.endsWith("between")) return `${v.from}-${v.to}`;
    if (r.label.key.endsWith("orMore")) return `${v.from}+`;
    if (r.label.key.endsWith("below")) return `<${v.to}`;
    return `${v.from}`;
  });

describe("numberRanges", () => {
  it("splits a question's allowed answers into at most six round ranges", () => {
    expect(words(numberRanges({ min: 0, max: 120 }))).toEqual(["0-24", "25-49", "50-74", "75-99", "100-120"]);
    expect(words(numberRanges({ min: 1, max: 10 }))).toEqual(["1-2", "3-4", "5-6", "7-8", "9-10"]);
    expect(words(numberRanges({ min: 0, max: 5 }))).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("joins a short last range to the one before it", () => {
    // 0 to 100 in twenties would leave "100" alone.
    expect(words(numberRanges({ min: 0, max: 100 }))).toEqual(["0-19", "20-39", "40-59", "60-79", "80-100"]);
  });

  it("uses a ladder when there is no highest answer, and a 'below' range when there is no lowest", () => {
    expect(words(numberRanges({ min: 0, max: null }))).toEqual(["0", "1-4", "5-9", "10-19", "20-49", "50-99", "100-199", "200-499", "500-999", "1000+"]);
    expect(words(numberRanges({ min: null, max: null }))[0]).toBe("<0");
    expect(words(numberRanges({ min: 30, max: null }))).toEqual(["30-49", "50-99", "100-199", "200-499", "500-999", "1000+"]);
  });

  it("depends on the definition only, so every view and wave has the same ranges", () => {
    expect(numberRanges({ min: 0, max: 120 })).toEqual(numberRanges({ min: 0, max: 120 }));
  });
});

describe("numberRangeOf", () => {
  const ranges = numberRanges({ min: 0, max: 100 });
  it("puts each answer in its range, edges included", () => {
    expect(["0", "19", "20", "79", "80", "100"].map((a) => numberRangeOf(ranges, a))).toEqual(["0", "0", "20", "60", "80", "80"]);
  });
  it("puts a part number with its whole number", () => {
    expect(numberRangeOf(ranges, "19.5")).toBe("0");
  });
  it("finds no range for words", () => {
    expect(numberRangeOf(ranges, "lots")).toBeUndefined();
    expect(numberRangeOf(ranges, "")).toBeUndefined();
  });
  it("puts an answer below zero in 'below' when there is no lowest answer", () => {
    expect(numberRangeOf(numberRanges({ min: null, max: null }), "-3")).toBe("below");
  });
});

describe("rangeOf", () => {
  it("counts dates by year and keeps anything unexpected as it is", () => {
    const of = rangeOf({ type: "date", min: null, max: null });
    expect(of("2023-09-14")).toBe("2023");
    expect(of("2023")).toBe("2023");
    expect(of("soon")).toBe("soon");
    expect(yearOf("14/09/2023")).toBeUndefined();
  });
  it("leaves choice answers alone", () => {
    expect(rangeOf({ type: "single_choice", min: null, max: null })("often")).toBe("often");
  });
});

describe("median", () => {
  it("is the middle answer of an odd count", () => {
    expect(median([["3", 1], ["10", 1], ["1", 1]])).toBe(3);
  });
  it("is the mean of the two middle answers of an even count", () => {
    expect(median([["2", 1], ["4", 1], ["9", 1], ["100", 1]])).toBe(6.5);
  });
  it("weighs each answer by how many gave it", () => {
    expect(median([["12", 7], ["40", 3]])).toBe(12);
    expect(median([["12", 5], ["40", 5]])).toBe(26);
  });
  it("is null with no answers, and ignores anything that is not a number", () => {
    expect(median([])).toBeNull();
    expect(median([["lots", 4]])).toBeNull();
  });
});
