import { describe, expect, it } from "vitest";
import { formatInstantInWords } from "./dates";

describe("formatInstantInWords", () => {
  it("says 12 noon in UK time in winter (GMT) and in summer (BST)", () => {
    expect(formatInstantInWords(new Date("2026-03-23T12:00:00.000Z"))).toBe("12 noon, Monday 23 March 2026");
    expect(formatInstantInWords(new Date("2026-03-30T11:00:00.000Z"))).toBe("12 noon, Monday 30 March 2026");
  });

  it("gives other times with am or pm, and midnight in words, on the UK date", () => {
    expect(formatInstantInWords(new Date("2026-06-01T08:30:00.000Z"))).toBe("9:30am, Monday 1 June 2026");
    expect(formatInstantInWords(new Date("2026-06-01T23:00:00.000Z"))).toBe("midnight, Tuesday 2 June 2026");
    expect(formatInstantInWords(new Date("2026-12-24T17:05:00.000Z"))).toBe("5:05pm, Thursday 24 December 2026");
  });

  it("uses the reader's words for noon and their language for the day", () => {
    expect(formatInstantInWords(new Date("2026-03-23T12:00:00.000Z"), "pl", { noon: "południe", midnight: "północ" })).toBe(
      "południe, poniedziałek, 23 marca 2026",
    );
  });
});
