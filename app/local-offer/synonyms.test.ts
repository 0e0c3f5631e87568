import { describe, expect, it } from "vitest";
import { duplicateTerms, expandQuery, parseTerms, SynonymGroupSchema, tokenize, type SynonymGroup } from "./synonyms";

const groups: SynonymGroup[] = [
  { id: 1, terms: ["autism", "autistic", "asd", "asc", "autism spectrum disorder"], explanation: "Autism" },
  { id: 2, terms: ["salt", "slt", "speech and language therapy", "speech therapy", "speech and language"], explanation: "Speech and language therapy" },
  { id: 3, terms: ["respite", "short breaks", "short break"], explanation: "" },
  { id: 4, terms: ["mental health", "semh"], explanation: "Social, emotional and mental health" },
  { id: 5, terms: ["camhs", "children's mental health service"], explanation: "CAMHS" },
];

describe("tokenize", () => {
  it("keeps letters, digits and apostrophes inside words, in lower case", () => {
    expect(tokenize("Children’s  Mental-Health, SERVICE!")).toEqual(["children's", "mental", "health", "service"]);
    expect(tokenize("'; drop table service; --")).toEqual(["drop", "table", "service"]);
    expect(tokenize("<script>alert(1)</script>")).toEqual(["script", "alert", "1", "script"]);
    expect(tokenize("Żłobek dla dzieci")).toEqual(["żłobek", "dla", "dzieci"]);
  });
});

describe("expandQuery", () => {
  it("widens a jargon word to its whole group and says what it added", () => {
    const { parts, expanded } = expandQuery("ASD", groups);
    expect(parts).toEqual([{ text: "asd", alternatives: ["asd", "autism", "autistic", "asc", "autism spectrum disorder"], groupIds: [1] }]);
    expect(expanded).toEqual([{ matched: "asd", alsoSearched: ["autism", "autistic", "asc", "autism spectrum disorder"], explanation: "Autism" }]);
  });

  it("matches the longest phrase first, so a phrase is one part, not several words", () => {
    const { parts } = expandQuery("speech and language therapy in Burnley", groups);
    expect(parts.map((p) => p.text)).toEqual(["speech and language therapy", "in", "burnley"]);
    expect(parts[0]!.alternatives).toContain("salt");
    expect(parts[2]).toEqual({ text: "burnley", alternatives: ["burnley"], groupIds: [] });
  });

  it("falls back to a shorter phrase when the longer one does not continue", () => {
    const { parts } = expandQuery("speech and language support", groups);
    expect(parts.map((p) => p.text)).toEqual(["speech and language", "support"]);
  });

  it("leaves words that are in no group alone and says nothing about them", () => {
    expect(expandQuery("swimming club", groups)).toEqual({
      parts: [
        { text: "swimming", alternatives: ["swimming"], groupIds: [] },
        { text: "club", alternatives: ["club"], groupIds: [] },
      ],
      expanded: [],
    });
  });

  it("searches once for an idea typed twice, and once for a repeated word", () => {
    const { parts } = expandQuery("autism autistic club club", groups);
    expect(parts.map((p) => p.text)).toEqual(["autism", "club"]);
  });

  it("matches a phrase inside a longer phrase of another group by the longest match", () => {
    const { parts, expanded } = expandQuery("children's mental health service", groups);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.groupIds).toEqual([5]);
    expect(expanded[0]!.explanation).toBe("CAMHS");
    expect(expandQuery("mental health", groups).parts[0]!.groupIds).toEqual([4]);
  });

  it("gives no explanation when officers wrote none, but still says what was added", () => {
    expect(expandQuery("respite", groups).expanded).toEqual([{ matched: "respite", alsoSearched: ["short breaks", "short break"], explanation: "" }]);
  });

  it("copes with nothing to search for", () => {
    expect(expandQuery("  ?!  ", groups)).toEqual({ parts: [], expanded: [] });
    expect(expandQuery("autism", [])).toEqual({ parts: [{ text: "autism", alternatives: ["autism"], groupIds: [] }], expanded: [] });
  });
});

describe("the officers' form", () => {
  it("reads terms one per line or separated by commas, tidied, without repeats", () => {
    expect(parseTerms("Autism\r\n  ASD , asd\n\n autism spectrum   disorder,")).toEqual(["autism", "asd", "autism spectrum disorder"]);
  });

  it("accepts two or more terms and an optional explanation", () => {
    expect(SynonymGroupSchema.safeParse({ terms: "OT\noccupational therapy" })).toMatchObject({
      success: true,
      data: { terms: ["ot", "occupational therapy"], explanation: "" },
    });
    expect(SynonymGroupSchema.safeParse({ terms: "ot, occupational therapy", explanation: "  Occupational   therapy " }).data?.explanation).toBe(
      "Occupational therapy",
    );
  });

  it("says what is wrong with the terms", () => {
    const messages = (terms: unknown, explanation?: string) => {
      const result = SynonymGroupSchema.safeParse({ terms, explanation });
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages(undefined)).toEqual(["terms: errors.termsRequired"]);
    expect(messages("  ,\n")).toEqual(["terms: errors.termsRequired"]);
    expect(messages("autism")).toEqual(["terms: errors.termsTooFew"]);
    expect(messages("autism\nAUTISM")).toEqual(["terms: errors.termsTooFew"]);
    expect(messages(`autism\n${"a".repeat(61)}`)).toEqual(["terms: errors.termTooLong"]);
    expect(messages("autism\n???")).toEqual(["terms: errors.termNoLetters"]);
    expect(messages(Array.from({ length: 31 }, (_, i) => `term${i}`).join("\n"))).toEqual(["terms: errors.termsTooMany"]);
    expect(messages("a, b", "x".repeat(301))).toEqual(["explanation: errors.explanationTooLong"]);
  });

  it("finds the terms another group already has, ignoring case and punctuation", () => {
    expect(duplicateTerms(["ASD", "neurodiverse", "autism-spectrum disorder"], groups)).toEqual(["ASD", "autism-spectrum disorder"]);
    expect(duplicateTerms(["new", "words"], groups)).toEqual([]);
  });
});
