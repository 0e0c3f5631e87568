import { describe, expect, it } from "vitest";
import { errorParts, namingError, parseActivity, parseFeedbackReferences, shortSummary } from "./rules";

const form = (feedback: string) => ({
  title: "Short breaks workshop",
  "heldOn-day": "10",
  "heldOn-month": "11",
  "heldOn-year": "2026",
  type: "workshop",
  decisionOpen: "How short breaks money is shared out",
  familiesJoinedStage: "start",
  level: "co_production",
  parentCarer: "12",
  feedback,
});

describe("feedback references typed on the activity form", () => {
  it("reads them however they are separated: commas, semicolons, spaces or new lines", () => {
    expect(parseFeedbackReferences("FB-7KQ3-M9XP, FB-2345-6789;FB-ABCD-EFGH\nFB-WXYZ-2345 FB-JKMN-PQRS").references).toEqual([
      "FB-7KQ3-M9XP",
      "FB-2345-6789",
      "FB-ABCD-EFGH",
      "FB-WXYZ-2345",
      "FB-JKMN-PQRS",
    ]);
  });

  it("forgives lower case, missing hyphens and Windows line endings, and drops duplicates", () => {
    expect(parseFeedbackReferences("fb-7kq3-m9xp\r\nFB7KQ3M9XP\r\nfb-7kq3m9xp  7KQ3-M9XP").references).toEqual(["FB-7KQ3-M9XP"]);
  });

  it("gives back what cannot be a reference, as typed, once each", () => {
    const result = parseFeedbackReferences("FB-7KQ3-M9XP, FB-1234-5678, hello, FB-7KQ3, hello");
    expect(result.references).toEqual(["FB-7KQ3-M9XP"]);
    // 1 is not in the alphabet: a mistyped reference, not a real one.
    expect(result.malformed).toEqual(["FB-1234-5678", "hello", "FB-7KQ3"]);
  });

  it("treats an empty box as no links", () => {
    expect(parseFeedbackReferences("  \n , ")).toEqual({ references: [], malformed: [] });
  });

  it("names the bad references in the form's error, and keeps the good ones when all are good", () => {
    const bad = parseActivity(form("FB-7KQ3-M9XP\nnot-a-ref"), "2026-11-23");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(errorParts(bad.errors.feedback!)).toEqual({ key: "errors.feedbackMalformed", names: "not-a-ref" });
    const good = parseActivity(form("fb7kq3m9xp, FB-2345-6789"), "2026-11-23");
    expect(good.ok && good.data.feedbackRefs).toEqual(["FB-7KQ3-M9XP", "FB-2345-6789"]);
  });

  it("refuses more than 50 references", () => {
    const alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    const many = Array.from({ length: 51 }, (_, i) => `FB-2222-${alphabet[i % 30]}${alphabet[Math.floor(i / 30)]}AA`).join("\n");
    const result = parseActivity(form(many), "2026-11-23");
    expect(!result.ok && result.errors.feedback).toBe("errors.tooManyFeedback");
  });
});

describe("errors that name things", () => {
  it("round-trips the key and the names", () => {
    expect(errorParts(namingError("errors.feedbackUnknown", ["FB-2222-3333", "FB-4444-5555"]))).toEqual({
      key: "errors.feedbackUnknown",
      names: "FB-2222-3333, FB-4444-5555",
    });
    expect(errorParts("errors.titleMissing")).toEqual({ key: "errors.titleMissing", names: "" });
  });
});

describe("a short summary of feedback", () => {
  it("keeps short words as they are, on one line", () => {
    expect(shortSummary("The bus is late.\n\nEvery day.")).toBe("The bus is late. Every day.");
  });

  it("cuts long words at a space, with an ellipsis", () => {
    const summary = shortSummary("word ".repeat(60))!;
    expect(summary.length).toBeLessThanOrEqual(121);
    expect(summary.endsWith("word…")).toBe(true);
  });

  it("has nothing to show when there are no words", () => {
    expect(shortSummary("   ")).toBeNull();
  });
});
