import { describe, expect, it } from "vitest";
import { districtsAllowed, filterToSearch, isUnfiltered, NO_FILTER, parseAnalysisFilter, typedOf, type FilterChoices } from "./filters";

const choices: FilterChoices = {
  district: [
    { value: "burnley", label: "Burnley" },
    { value: "pendle", label: "Pendle" },
    { value: "preston", label: "Preston" },
  ],
  health_area: [
    { value: "east", label: "East Lancashire", districts: ["burnley", "pendle"] },
    { value: "empty", label: "Nowhere yet", districts: [] },
  ],
  language: [
    { value: "en-GB", label: "English" },
    { value: "ur", label: "اردو" },
  ],
};

const parse = (query: string, other: string[] = []) => parseAnalysisFilter(new URLSearchParams(query), choices, other);

describe("parseAnalysisFilter", () => {
  it("reads nothing as no filter", () => {
    const parsed = parse("");
    expect(parsed).toMatchObject({ ok: true, filter: NO_FILTER, fromBoxes: false });
  });

  it("reads several values of one filter as alternatives, each once", () => {
    const parsed = parse("district=burnley&district=pendle&district=burnley&support_level=ehc_plan&format=easy_read");
    expect(parsed.ok && parsed.filter).toMatchObject({ district: ["burnley", "pendle"], support_level: ["ehc_plan"], format: ["easy_read"] });
  });

  it("names a value that is not one of the choices, and keeps what was typed", () => {
    const parsed = parse("district=atlantis&age_band=5_10");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.district).toEqual({ key: "filters.errors.unknown.district", value: "atlantis" });
    expect(parsed.typed.district).toEqual(["atlantis"]);
    expect(parsed.typed.age_band).toEqual(["5_10"]);
  });

  it("refuses a filter that does not exist, but lets the page's own parameters through", () => {
    const bad = parse("colour=blue");
    expect(bad.ok || bad.errors.filters).toEqual({ key: "filters.errors.unknownFilter", value: "colour" });
    expect(parse("by=district&question=q1", ["by", "question"]).ok).toBe(true);
  });

  it("reads dates from the form's boxes or the short address, and an empty box as no limit", () => {
    const boxes = parse("from-day=1&from-month=3&from-year=2026&to-day=&to-month=&to-year=");
    expect(boxes).toMatchObject({ ok: true, fromBoxes: true, filter: { from: "2026-03-01", to: null } });
    expect(parse("to=2026-06-30")).toMatchObject({ ok: true, fromBoxes: false, filter: { to: "2026-06-30" } });
  });

  it("says what is wrong with a date: not a date, out of range, backwards, too long a period", () => {
    const errorOf = (query: string, field: "from" | "to") => {
      const parsed = parse(query);
      return parsed.ok ? undefined : parsed.errors[field]?.key;
    };
    expect(errorOf("from-day=31&from-month=2&from-year=2026", "from")).toBe("filters.errors.from.invalid");
    expect(errorOf("from=1066-10-14", "from")).toBe("filters.errors.from.yearRange");
    expect(errorOf("from=2026-05-01&to=2026-04-01", "to")).toBe("filters.errors.to.beforeFrom");
    expect(errorOf("from=2000-01-01&to=2026-04-01", "to")).toBe("filters.errors.to.tooLong");
    expect(errorOf("from=2021-04-01&to=2026-04-01", "to")).toBeUndefined();
  });

  it("refuses more values than the form could send", () => {
    const query = Array.from({ length: 51 }, (_, i) => `district=d${i}`).join("&");
    const parsed = parse(query);
    expect(parsed.ok || parsed.errors.district?.key).toBe("filters.errors.tooMany");
  });
});

describe("the short address", () => {
  it("round-trips a filter in a fixed order", () => {
    const parsed = parse("to=2026-06-30&format=standard&district=pendle&from=2026-01-01");
    if (!parsed.ok) throw new Error("expected ok");
    const search = filterToSearch(parsed.filter).toString();
    expect(search).toBe("district=pendle&format=standard&from=2026-01-01&to=2026-06-30");
    const again = parse(search);
    expect(again.ok && again.filter).toEqual(parsed.filter);
    expect(typedOf(parsed.filter).from).toEqual({ day: "1", month: "1", year: "2026" });
  });

  it("knows when nothing is filtered", () => {
    expect(isUnfiltered(NO_FILTER)).toBe(true);
    expect(isUnfiltered({ ...NO_FILTER, language: ["ur"] })).toBe(false);
  });
});

describe("districtsAllowed", () => {
  it("is every district when neither districts nor health areas are chosen", () => {
    expect(districtsAllowed(NO_FILTER, choices)).toBeNull();
  });
  it("is a health area's districts, narrowed by districts chosen too", () => {
    expect(districtsAllowed({ ...NO_FILTER, health_area: ["east"] }, choices)).toEqual(["burnley", "pendle"]);
    expect(districtsAllowed({ ...NO_FILTER, health_area: ["east"], district: ["pendle", "preston"] }, choices)).toEqual(["pendle"]);
    expect(districtsAllowed({ ...NO_FILTER, health_area: ["empty"] }, choices)).toEqual([]);
  });
});
