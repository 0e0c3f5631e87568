import { describe, expect, it } from "vitest";
import { ageForPhase, buildCoverage, coverageCsv, coverageFilename, coverageGaps, coverageSearchHref, csvCell, ukDateOf, type CoverageCount } from "./coverage";
import { broadAreas, phaseAges, phases } from "./model";

const districts = [
  { slug: "burnley", name: "Burnley" },
  { slug: "ribble-valley", name: "Ribble Valley" },
];
const needs = [
  { slug: "autism", broadArea: "communication_interaction" as const },
  { slug: "speech-language-communication", broadArea: "communication_interaction" as const },
  { slug: "hearing", broadArea: "sensory_physical" as const },
];
const counts: CoverageCount[] = [
  { district: "burnley", broadArea: "communication_interaction", phase: "primary", count: 3 },
  { district: "ribble-valley", broadArea: "sensory_physical", phase: "early_years", count: 1 },
  // A district the caller does not list (deleted since): ignored.
  { district: "elsewhere", broadArea: "semh", phase: "primary", count: 9 },
];

describe("coverage tables", () => {
  it("has a table per broad area, a row per district and a cell per phase", () => {
    const tables = buildCoverage({ districts, needs, counts });
    expect(tables.map((t) => t.broadArea)).toEqual(broadAreas);
    for (const table of tables) {
      expect(table.rows.map((r) => r.district.slug)).toEqual(["burnley", "ribble-valley"]);
      for (const row of table.rows) expect(row.cells.map((c) => c.phase)).toEqual(phases);
    }
  });

  it("fills in counts and treats anything missing as none", () => {
    const tables = buildCoverage({ districts, needs, counts });
    const cell = (area: string, district: string, phase: string) =>
      tables.find((t) => t.broadArea === area)!.rows.find((r) => r.district.slug === district)!.cells.find((c) => c.phase === phase)!;
    expect(cell("communication_interaction", "burnley", "primary").count).toBe(3);
    expect(cell("communication_interaction", "burnley", "secondary").count).toBe(0);
    expect(cell("sensory_physical", "ribble-valley", "post_16").count).toBe(0);
    expect(cell("semh", "burnley", "primary").count).toBe(0);
  });

  it("links a count to the search for the district, an age in the phase and every need in the area; a gap links nowhere", () => {
    const tables = buildCoverage({ districts, needs, counts });
    const burnley = tables[0]!.rows[0]!;
    const primary = burnley.cells.find((c) => c.phase === "primary")!;
    expect(primary.href).toBe("/local-offer?district=burnley&age=7&need=autism&need=speech-language-communication");
    expect(burnley.cells.find((c) => c.phase === "secondary")!.href).toBeNull();
  });

  it("can show one district", () => {
    const tables = buildCoverage({ districts, needs, counts, onlyDistrict: "ribble-valley" });
    expect(tables.every((t) => t.rows.length === 1 && t.rows[0]!.district.slug === "ribble-valley")).toBe(true);
  });

  it("lists every gap, district by district", () => {
    const gaps = coverageGaps(buildCoverage({ districts, needs, counts }));
    expect(gaps).toHaveLength(2 * 4 * 5 - 2);
    expect(gaps[0]).toEqual({ district: districts[0], broadArea: "communication_interaction", phase: "early_years" });
    expect(gaps).toContainEqual({ district: districts[1], broadArea: "sensory_physical", phase: "post_16" });
    expect(gaps).not.toContainEqual({ district: districts[0], broadArea: "communication_interaction", phase: "primary" });
  });
});

describe("a search age for each phase", () => {
  it("lies inside the phase", () => {
    for (const phase of phases) {
      const [from, to] = phaseAges[phase];
      expect(ageForPhase(phase)).toBeGreaterThanOrEqual(from);
      expect(ageForPhase(phase)).toBeLessThanOrEqual(to);
    }
    expect(ageForPhase("post_16")).toBe(17);
  });

  it("escapes what goes in the link", () => {
    expect(coverageSearchHref({ district: "a&b", phase: "early_years", needs: ["x y"] })).toBe("/local-offer?district=a%26b&age=2&need=x+y");
  });
});

describe("the coverage spreadsheet", () => {
  const labels = {
    district: "District",
    broadArea: "Broad area of need",
    broadAreas: { communication_interaction: "Communication and interaction", cognition_learning: "Cognition and learning", semh: "SEMH", sensory_physical: "Sensory and/or physical" },
    phases: { early_years: "Early years", primary: "Primary", secondary: "Secondary", post_16: "Post-16", adult_transition: "Adult" },
  };

  it("has a header and a line per district and broad area", () => {
    const csv = coverageCsv(buildCoverage({ districts, needs, counts }), labels);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("District,Broad area of need,Early years,Primary,Secondary,Post-16,Adult");
    expect(lines).toHaveLength(1 + 4 * 2);
    expect(lines[1]).toBe("Burnley,Communication and interaction,0,3,0,0,0");
    expect(lines).toContain('Ribble Valley,Sensory and/or physical,1,0,0,0,0');
  });

  it("quotes commas and quotes, and defuses formulas", () => {
    expect(csvCell('Say "hi", then')).toBe('"Say ""hi"", then"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("@SUM(A1)")).toBe("\"'@SUM(A1)\"");
    expect(csvCell("Burnley")).toBe("Burnley");
    expect(csvCell(12)).toBe("12");
  });

  it("is named with the UK date", () => {
    expect(coverageFilename(ukDateOf(new Date("2026-06-30T23:30:00Z")))).toBe("local-offer-coverage-2026-07-01.csv");
    expect(coverageFilename('2026"; rm -rf')).toBe("local-offer-coverage-2026-.csv");
  });
});
