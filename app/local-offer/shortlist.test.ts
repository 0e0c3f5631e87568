import { describe, expect, it } from "vitest";
import {
  addToShortlist,
  MAX_SHORTLIST,
  MAX_SHORTLIST_CHARS,
  mergeShortlists,
  parseSharedList,
  parseShortlist,
  removeFromShortlist,
  safeReturnTo,
  serialiseShortlist,
  shareHref,
} from "./shortlist";

const many = (n: number, prefix = "service") => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe("reading a shortlist", () => {
  it("keeps valid slugs in order, once each", () => {
    expect(parseShortlist("b-club,a-club,b-club, c-club ")).toEqual(["b-club", "a-club", "c-club"]);
    expect(parseShortlist(["x", "y", "x"])).toEqual(["x", "y"]);
  });

  it("drops anything that is not a slug, and reads nonsense as empty", () => {
    expect(parseShortlist("good,Bad,../../etc,<script>,a b,,ok-2")).toEqual(["good", "ok-2"]);
    for (const value of [null, undefined, 42, {}, "", ",,,", [1, 2]]) expect(parseShortlist(value)).toEqual([]);
  });

  it("keeps at most 50", () => {
    expect(parseShortlist(many(80).join(","))).toEqual(many(MAX_SHORTLIST));
  });

  it("stays small enough for a cookie even with long slugs", () => {
    const long = many(50, "a-very-long-service-name-that-goes-on-and-on-for-quite-a-while-really");
    const kept = parseShortlist(long);
    expect(kept.length).toBeLessThan(50);
    expect(serialiseShortlist(kept).length).toBeLessThanOrEqual(MAX_SHORTLIST_CHARS);
    expect(kept).toEqual(long.slice(0, kept.length));
  });

  it("counts what a share link held that was not a slug", () => {
    expect(parseSharedList("a,B,c,%3Cx%3E")).toEqual({ slugs: ["a", "c"], invalid: 2 });
    expect(parseSharedList(null)).toEqual({ slugs: [], invalid: 0 });
  });
});

describe("changing a shortlist", () => {
  it("adds at the end, once", () => {
    expect(addToShortlist(["a"], "b")).toEqual({ ok: true, slugs: ["a", "b"], added: true });
    expect(addToShortlist(["a", "b"], "a")).toEqual({ ok: true, slugs: ["a", "b"], added: false });
  });

  it("refuses to add to a full list, or a slug that is not one", () => {
    expect(addToShortlist(many(50), "one-more")).toEqual({ ok: false, reason: "full" });
    expect(addToShortlist([], "Not A Slug")).toEqual({ ok: false, reason: "invalid" });
  });

  it("removes, and removing what is not there changes nothing", () => {
    expect(removeFromShortlist(["a", "b", "c"], "b")).toEqual(["a", "c"]);
    expect(removeFromShortlist(["a"], "z")).toEqual(["a"]);
  });

  it("merges a shared list after one's own, without repeats, within the limit", () => {
    expect(mergeShortlists(["a", "b"], ["b", "c"])).toEqual(["a", "b", "c"]);
    expect(mergeShortlists(many(49), ["x", "y"])).toEqual([...many(49), "x"]);
  });
});

describe("writing and sharing a shortlist", () => {
  it("writes slugs comma-separated, and reads back what it wrote", () => {
    expect(serialiseShortlist(["a", "b-c"])).toBe("a,b-c");
    expect(parseShortlist(serialiseShortlist(["x", "y-2"]))).toEqual(["x", "y-2"]);
  });

  it("makes a share link anyone can open", () => {
    expect(shareHref(["burnley-autism-family-group", "pendle-sensory-swim"])).toBe(
      "/local-offer/shortlist?services=burnley-autism-family-group,pendle-sensory-swim",
    );
  });
});

describe("going back after a change", () => {
  it("goes back only to a path on this site", () => {
    expect(safeReturnTo("/local-offer?q=autism&age=7")).toBe("/local-offer?q=autism&age=7");
    expect(safeReturnTo("/local-offer/services/a")).toBe("/local-offer/services/a");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", null, "/a b", "/a\nSet-Cookie: x"]) {
      expect(safeReturnTo(bad), String(bad)).toBe("/local-offer/shortlist");
    }
  });
});
