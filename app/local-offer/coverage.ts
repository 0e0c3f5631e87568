/**
 * Coverage: for each district × broad area of need × phase, how many published,
 * visible services serve it. Pure: the counts come from coverage.server.ts.
 *
 * A service serves a district when it covers the whole area or lists the
 * district; a broad area when any of its needs is in it; a phase when the phase
 * is in its `phases`. A cell with no service is a gap.
 */
import type { BroadArea, Phase } from "../../db/schema";
import { csvCell } from "../analysis/spreadsheet";
import { broadAreas, phaseAges, phases } from "./model";

export interface CoverageCount {
  district: string;
  broadArea: BroadArea;
  phase: Phase;
  count: number;
}

export interface CoverageDistrict {
  slug: string;
  name: string;
}

export interface CoverageNeed {
  slug: string;
  broadArea: BroadArea;
}

export interface CoverageCell {
  phase: Phase;
  count: number;
  /** The local offer search for this cell, or null for a gap (a search would find nothing). */
  href: string | null;
}

export interface CoverageRow {
  district: CoverageDistrict;
  cells: CoverageCell[];
}

export interface CoverageTable {
  broadArea: BroadArea;
  rows: CoverageRow[];
}

export interface CoverageGap {
  district: CoverageDistrict;
  broadArea: BroadArea;
  phase: Phase;
}

/** An age in the middle of a phase, for a search link: a search takes one age. */
export function ageForPhase(phase: Phase): number {
  const [from, to] = phaseAges[phase];
  return Math.floor((from + to) / 2);
}

/** The local offer search that lists a cell's services: the district, an age in the phase, every need in the broad area. */
export function coverageSearchHref({ district, phase, needs }: { district: string; phase: Phase; needs: string[] }): string {
  const params = new URLSearchParams();
  params.set("district", district);
  params.set("age", String(ageForPhase(phase)));
  for (const need of needs) params.append("need", need);
  return `/local-offer?${params.toString()}`;
}

/**
 * One table per broad area: a row per district (in the order given), a cell per
 * phase. Districts or cells with no counts are zeros, so a new district shows
 * up as all gaps rather than not at all. `onlyDistrict` narrows the rows.
 */
export function buildCoverage({
  districts,
  needs,
  counts,
  onlyDistrict,
}: {
  districts: CoverageDistrict[];
  needs: CoverageNeed[];
  counts: CoverageCount[];
  onlyDistrict?: string;
}): CoverageTable[] {
  const byKey = new Map(counts.map((c) => [`${c.district}|${c.broadArea}|${c.phase}`, c.count]));
  const shown = onlyDistrict ? districts.filter((d) => d.slug === onlyDistrict) : districts;
  return broadAreas.map((broadArea) => {
    const areaNeeds = needs.filter((n) => n.broadArea === broadArea).map((n) => n.slug);
    return {
      broadArea,
      rows: shown.map((district) => ({
        district,
        cells: phases.map((phase) => {
          const count = byKey.get(`${district.slug}|${broadArea}|${phase}`) ?? 0;
          return { phase, count, href: count > 0 ? coverageSearchHref({ district: district.slug, phase, needs: areaNeeds }) : null };
        }),
      })),
    };
  });
}

/** Every cell with no service, district by district. */
export function coverageGaps(tables: CoverageTable[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const districtOrder = tables[0]?.rows.map((r) => r.district) ?? [];
  for (const district of districtOrder) {
    for (const table of tables) {
      const row = table.rows.find((r) => r.district.slug === district.slug);
      for (const cell of row?.cells ?? []) {
        if (cell.count === 0) gaps.push({ district, broadArea: table.broadArea, phase: cell.phase });
      }
    }
  }
  return gaps;
}

// Moved to the shared spreadsheet writer; re-exported so existing imports keep working.
export { csvCell } from "../analysis/spreadsheet";

/** The coverage matrix as CSV: one line per district and broad area, one column per phase. */
export function coverageCsv(
  tables: CoverageTable[],
  labels: { district: string; broadArea: string; broadAreas: Record<BroadArea, string>; phases: Record<Phase, string> },
): string {
  const lines = [[labels.district, labels.broadArea, ...phases.map((p) => labels.phases[p])]];
  for (const table of tables) {
    for (const row of table.rows) {
      lines.push([row.district.name, labels.broadAreas[table.broadArea], ...row.cells.map((c) => String(c.count))]);
    }
  }
  return lines.map((line) => line.map((cell) => csvCell(cell)).join(",")).join("\r\n") + "\r\n";
}

/** "coverage-2026-11-23.csv": only letters, digits and dashes, whatever the date looks like. */
export function coverageFilename(date: string): string {
  return `local-offer-coverage-${date.replace(/[^0-9-]/g, "")}.csv`;
}

/** "YYYY-MM-DD" of an instant in UK time (the day an officer downloads the file). */
export function ukDateOf(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Where officers download the coverage matrix. */
export const COVERAGE_CSV = "/admin/local-offer/coverage.csv";
