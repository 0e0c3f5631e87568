import { describe, expect, it } from "vitest";
import { groupForView, listSearch, parseListQuery, type ViewEntry } from "./yswd-view";

const read = (search: string, years = [2026, 2025]) => parseListQuery(new URLSearchParams(search), { years });

describe("reading how to show 'You said, we did' from the address", () => {
  it("shows every year by theme when nothing is asked for", () => {
    expect(read("")).toEqual({ ok: true, query: { by: "theme", year: null }, typed: { by: "theme", year: "" }, redirectTo: null });
  });

  it("takes the canonical addresses as they are", () => {
    expect(read("?by=group")).toMatchObject({ ok: true, query: { by: "group", year: null }, redirectTo: null });
    expect(read("?year=2025")).toMatchObject({ ok: true, query: { by: "theme", year: 2025 }, redirectTo: null });
    expect(read("?by=group&year=2026")).toMatchObject({ ok: true, query: { by: "group", year: 2026 }, redirectTo: null });
  });

  it("answers the form's own address (defaults spelled out, another order) at the canonical one", () => {
    expect(read("?by=theme&year=")).toMatchObject({ ok: true, redirectTo: "/you-said-we-did" });
    expect(read("?by=group&year=")).toMatchObject({ ok: true, redirectTo: "/you-said-we-did?by=group" });
    expect(read("?year=2025&by=group")).toMatchObject({ ok: true, redirectTo: "/you-said-we-did?by=group&year=2025" });
    expect(read("?by=%20group%20")).toMatchObject({ ok: true, redirectTo: "/you-said-we-did?by=group" });
  });

  it("leaves other things in the address alone", () => {
    expect(read("?by=group&utm_source=poster")).toMatchObject({ ok: true, redirectTo: null });
  });

  it("refuses a way of showing or a year that does not exist, naming each, never guessing", () => {
    expect(read("?by=date")).toEqual({ ok: false, errors: { by: "yswd.errors.by" }, typed: { by: "date", year: "" } });
    expect(read("?year=1999")).toEqual({ ok: false, errors: { year: "yswd.errors.year" }, typed: { by: "", year: "1999" } });
    expect(read("?by=groups&year=twenty")).toMatchObject({ ok: false, errors: { by: "yswd.errors.by", year: "yswd.errors.year" } });
    expect(read("?year=2026", [])).toMatchObject({ ok: false, errors: { year: "yswd.errors.year" } });
  });

  it("writes the canonical address of a view", () => {
    expect(listSearch({ by: "theme", year: null })).toBe("");
    expect(listSearch({ by: "group", year: 2026 })).toBe("?by=group&year=2026");
  });
});

describe("grouping entries for the page", () => {
  const entry = (id: string, year: number, theme: ViewEntry["theme"], group: [string, string, number] | null) => ({
    id,
    year,
    theme,
    group_slug: group?.[0] ?? null,
    group_name: group?.[1] ?? null,
    group_number: group?.[2] ?? null,
  });
  const strategy: [string, string, number] = ["strategy", "Strategy", 1];
  const engagement: [string, string, number] = ["engagement", "Engagement", 4];
  const entries = [
    entry("a", 2026, "accessibility", engagement),
    entry("b", 2026, "content", null),
    entry("c", 2026, "content", strategy),
    entry("d", 2025, "development", engagement),
    entry("e", 2026, "content", engagement),
  ];
  const shape = (view: ReturnType<typeof groupForView<ReturnType<typeof entry>>>) =>
    view.map((y) => [y.year, y.sections.map((s) => [s.kind === "theme" ? s.theme : s.groupName, s.entries.map((e) => e.id)])]);

  it("by theme: newest year first, the reg. 56 themes in their order", () => {
    expect(shape(groupForView(entries, { by: "theme", year: null }))).toEqual([
      [
        2026,
        [
          ["content", ["b", "c", "e"]],
          ["accessibility", ["a"]],
        ],
      ],
      [2025, [["development", ["d"]]]],
    ]);
  });

  it("by working group: the groups in their order, entries with no group last, in the order they were published", () => {
    expect(shape(groupForView(entries, { by: "group", year: null }))).toEqual([
      [
        2026,
        [
          ["Strategy", ["c"]],
          ["Engagement", ["a", "e"]],
          [null, ["b"]],
        ],
      ],
      [2025, [["Engagement", ["d"]]]],
    ]);
  });

  it("one year only", () => {
    expect(shape(groupForView(entries, { by: "group", year: 2025 }))).toEqual([[2025, [["Engagement", ["d"]]]]]);
  });
});
