import { describe, expect, it } from "vitest";
import { STARTER_THEMES } from "../../migrations/202612061450_create_analysis_themes";
import { KEYWORDS_MAX, parseKeywords, parseThemeForm, sameName, suggestedByText, suggestThemes, type ThemeForSuggestion } from "./themes";

/** The starter list as the database holds it: ids in order, none retired. */
const starter: (ThemeForSuggestion & { name: string })[] = STARTER_THEMES.map((t, i) => ({ id: i + 1, name: t.name, keywords: t.keywords, retired: false }));
const names = (text: string, themes = starter, tagged?: Set<number>) =>
  suggestThemes(text, themes, tagged).map((s) => starter.find((t) => t.id === s.themeId)?.name ?? s.themeId);
const idOf = (name: string) => starter.find((t) => t.name === name)!.id;

describe("suggesting themes", () => {
  it("suggests the list's themes whose words are in the answer, with the words found", () => {
    const [suggestion, ...rest] = suggestThemes("We have been on the waiting list for two years.", starter);
    expect(rest).toEqual([]);
    expect(suggestion).toEqual({ themeId: idOf("Waiting for assessment"), matched: ["waiting list", "waiting"] });
    expect(suggestedByText(suggestion!.matched)).toBe("waiting list, waiting");
  });

  it("forgives a slip in a longer word and words split or run together, as the safeguarding matcher does", () => {
    expect(names("The infromation is hard to find")).toEqual(["Local offer information"]);
    expect(names("Nobody from the local-offer team answered")).toEqual(["Local offer information"]);
    expect(names("we are on the WAITING-LIST")).toEqual(["Waiting for assessment"]);
    expect(names("Her EHCP arrived late")).toContain("EHC plan quality");
    // Short words must be exact: "bus" is not "bug" (and a "taxi" is not a "tax").
    expect(names("A bug in the tax form")).toEqual([]);
  });

  it("reads Urdu and Polish words in the list", () => {
    expect(names("میٹنگ میں ترجمان ہونا چاہیے تھا۔")).toEqual(["Other languages and interpreters"]);
    expect(names("Tłumacz na spotkaniu.")).toEqual(["Other languages and interpreters"]);
    expect(names("Krótsze oczekiwanie na diagnozę.")).toEqual(["Waiting for assessment"]);
  });

  it("suggests only from the list it is given: a theme not on the list is never suggested", () => {
    const text = "My son was excluded twice this term.";
    expect(names(text)).toEqual(["Exclusions and part-time timetables"]);
    const withoutExclusions = starter.filter((t) => t.name !== "Exclusions and part-time timetables");
    expect(suggestThemes(text, withoutExclusions)).toEqual([]);
    const added = [...withoutExclusions, { id: 99, name: "Twice", keywords: ["twice"], retired: false }];
    expect(suggestThemes(text, added)).toEqual([{ themeId: 99, matched: ["twice"] }]);
  });

  it("never suggests a retired theme, or one the answer already has", () => {
    const text = "Nobody replied and we are still on the waiting list";
    expect(names(text)).toEqual(["Communication with families", "Waiting for assessment"]);
    const retired = starter.map((t) => (t.name === "Waiting for assessment" ? { ...t, retired: true } : t));
    expect(names(text, retired)).toEqual(["Communication with families"]);
    expect(names(text, starter, new Set([idOf("Communication with families")]))).toEqual(["Waiting for assessment"]);
  });

  it("suggests nothing for empty words or a theme with no words", () => {
    expect(suggestThemes("   ", starter)).toEqual([]);
    expect(suggestThemes("anything at all", [{ id: 1, keywords: [], retired: false }])).toEqual([]);
  });
});

describe("the starter list", () => {
  it("covers all 12 areas of concern with names in plain words", () => {
    expect(new Set(STARTER_THEMES.map((t) => t.area))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    for (const theme of STARTER_THEMES) {
      expect(theme.name.length, theme.name).toBeLessThanOrEqual(80);
      expect(parseKeywords(theme.keywords.join("\n")), theme.name).toEqual({ ok: true, keywords: [...theme.keywords] });
    }
    expect(new Set(STARTER_THEMES.map((t) => t.name.toLowerCase())).size).toBe(STARTER_THEMES.length);
  });
});

describe("a theme's words as an admin types them", () => {
  it("takes one a line or comma separated, tidied, each once as the matcher reads it", () => {
    expect(parseKeywords("waiting list\n  Waiting   List ,autism, ,\r\nwaiting-list\ntłumacz")).toEqual({ ok: true, keywords: ["waiting list", "autism", "tłumacz"] });
    expect(parseKeywords("")).toEqual({ ok: true, keywords: [] });
    expect(parseKeywords("!!!\n...")).toEqual({ ok: true, keywords: [] });
  });

  it("refuses too many words or one too long", () => {
    expect(parseKeywords(Array.from({ length: KEYWORDS_MAX + 1 }, (_, i) => `word${i}`).join("\n"))).toEqual({ ok: false, problem: "tooMany" });
    expect(parseKeywords("a".repeat(61))).toEqual({ ok: false, problem: "tooLong" });
  });
});

describe("the theme form", () => {
  const areas = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

  it("accepts a name, a description, an area of concern and words", () => {
    expect(parseThemeForm({ name: "  Sleep  problems ", description: "Nights", area: "3", keywords: "sleep\nbedtime" }, areas)).toEqual({
      ok: true,
      data: { name: "Sleep problems", description: "Nights", areaOfConcern: 3, keywords: ["sleep", "bedtime"] },
    });
  });

  it("says what is missing or wrong, field by field", () => {
    expect(parseThemeForm({ name: "", description: "x".repeat(301), area: "", keywords: "" }, areas)).toEqual({
      ok: false,
      errors: { name: "themes.errors.nameMissing", description: "themes.errors.descriptionTooLong", area: "themes.errors.areaMissing" },
    });
    expect(parseThemeForm({ name: "x".repeat(81), description: "", area: "13", keywords: "a".repeat(61) }, areas)).toEqual({
      ok: false,
      errors: { name: "themes.errors.nameTooLong", area: "themes.errors.areaUnknown", keywords: "themes.errors.keywords.tooLong" },
    });
    expect(parseThemeForm({ name: "Sleep", area: "3.5" }, areas)).toMatchObject({ ok: false, errors: { area: "themes.errors.areaUnknown" } });
    expect(parseThemeForm({ name: ["a", "b"], area: "3" }, areas)).toMatchObject({ ok: false, errors: { name: "themes.errors.nameMissing" } });
  });

  it("treats names that differ only in case or spaces as the same", () => {
    expect(sameName("Waiting  for assessment", "waiting for Assessment ")).toBe(true);
    expect(sameName("Waiting", "Waits")).toBe(false);
  });
});
