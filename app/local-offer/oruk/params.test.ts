import { describe, expect, it } from "vitest";
import { BadParameter, booleanParam, parsePaging, parseServiceFilters, parseTermFilters } from "./params";

const q = (query: string) => new URLSearchParams(query);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadParameter) return error.parameter;
    throw error;
  }
  throw new Error("expected a BadParameter");
}

describe("ORUK query parameters", () => {
  it("pages 50 at a time from page 1 unless asked otherwise, up to 200", () => {
    expect(parsePaging(q(""))).toEqual({ page: 1, perPage: 50 });
    expect(parsePaging(q("page=3&per_page=200"))).toEqual({ page: 3, perPage: 200 });
    for (const bad of ["page=abc", "page=0", "page=-1", "page=1.5", "per_page=100000", "per_page=0", "per_page=ten"]) {
      expect(refusal(() => parsePaging(q(bad)))).toBe(bad.split("=")[0]);
    }
  });

  it("reads the service filters, with 'text' as another name for 'search'", () => {
    const id = "1116B299-3E54-508D-AC86-17AB087C67A6";
    expect(
      parseServiceFilters(q(`text=%20autism%20%20group&taxonomy_term_id=${id}&minimum_age=5&maximum_age=11&modified_after=2026-01-31&colour=blue`)),
    ).toEqual({
      text: "autism group",
      taxonomyTermId: id.toLowerCase(),
      taxonomyId: undefined,
      organizationId: undefined,
      minimumAge: 5,
      maximumAge: 11,
      modifiedAfter: new Date("2026-01-31T00:00:00Z"),
    });
    expect(parseServiceFilters(q("search=autism&text=other")).text).toBe("autism");
    expect(parseServiceFilters(q("modified_after=2026-01-31T09:00:00%2B01:00")).modifiedAfter).toEqual(new Date("2026-01-31T08:00:00Z"));
  });

  it("refuses values it cannot use, naming the parameter", () => {
    expect(refusal(() => parseServiceFilters(q("taxonomy_term_id=autism")))).toBe("taxonomy_term_id");
    expect(refusal(() => parseServiceFilters(q("organization_id=1")))).toBe("organization_id");
    expect(refusal(() => parseServiceFilters(q("minimum_age=young")))).toBe("minimum_age");
    expect(refusal(() => parseServiceFilters(q("modified_after=yesterday")))).toBe("modified_after");
    expect(refusal(() => parseServiceFilters(q("modified_after=2026-13-45")))).toBe("modified_after");
    expect(refusal(() => parseServiceFilters(q("format=ndjson")))).toBe("format");
    expect(refusal(() => parseServiceFilters(q(`search=${"a".repeat(201)}`)))).toBe("search");
    expect(refusal(() => parseTermFilters(q("top_only=maybe")))).toBe("top_only");
  });

  it("reads booleans", () => {
    expect(booleanParam(q("full=true"), "full")).toBe(true);
    expect(booleanParam(q("full=0"), "full")).toBe(false);
    expect(booleanParam(q(""), "full")).toBe(false);
  });
});
