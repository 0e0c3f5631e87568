import { describe, expect, it } from "vitest";
import { newReference, normaliseReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from "./reference";

describe("feedback references", () => {
  it("look like FB-XXXX-XXXX and use no easily confused characters", () => {
    for (let i = 0; i < 500; i++) {
      const reference = newReference();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01OILU]/);
    }
    expect(REFERENCE_ALPHABET).toHaveLength(30);
  });

  it("do not repeat in 10,000", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(newReference());
    expect(seen.size).toBe(10_000);
  });

  it("use every character of the alphabet", () => {
    const used = new Set<string>();
    for (let i = 0; i < 2_000; i++) for (const c of newReference().replace(/^FB-|-/g, "")) used.add(c);
    expect([...used].sort().join("")).toBe([...REFERENCE_ALPHABET].sort().join(""));
  });

  it("are recognised however they are typed", () => {
    expect(normaliseReference("fb 7kq2 m9xd")).toBe("FB-7KQ2-M9XD");
    expect(normaliseReference("FB-7KQ2-M9XD")).toBe("FB-7KQ2-M9XD");
    expect(normaliseReference("7KQ2M9XD")).toBe("FB-7KQ2-M9XD");
    expect(normaliseReference("FB-7KQ2-M9X0")).toBeUndefined();
    expect(normaliseReference("FB-7KQ2")).toBeUndefined();
  });
});
