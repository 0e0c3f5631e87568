import { describe, expect, it } from "vitest";
import { broadAreaTermId, childId, isUuid, needTermId, taxonomyIds, uuidV5 } from "./ids";

describe("ORUK ids", () => {
  it("computes RFC 9562 UUID v5 (the RFC's DNS namespace example)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("gives needs, broad areas, taxonomies and service areas the ids consumers have stored (frozen)", () => {
    // Computed independently (Python uuid.uuid5 with the portal's namespace).
    expect(needTermId("autism")).toBe("1116b299-3e54-508d-ac86-17ab087c67a6");
    expect(taxonomyIds.needs).toBe("7b1da905-b33e-5a13-8484-2a4826c95cc4");
    expect(taxonomyIds.categories).toBe("2d4ca3ec-b302-536e-a8e1-6805572fb134");
    expect(childId("0B8E4B0E-6A3C-4D54-9D51-7D0C3F0E6A01", "district:burnley")).toBe("64ea7717-9b71-5d4d-8a88-0201947c1e9c");
    expect(broadAreaTermId("semh")).toBe("ab2c245a-5ffb-5730-8cc7-657765e9a04c");
  });

  it("is the same every time and different for different names or owners", () => {
    expect(needTermId("adhd")).toBe(needTermId("adhd"));
    expect(needTermId("adhd")).not.toBe(needTermId("autism"));
    const a = "11111111-1111-4111-8111-111111111111";
    const b = "22222222-2222-4222-8222-222222222222";
    expect(childId(a, "cost")).not.toBe(childId(b, "cost"));
    expect(childId(a.toUpperCase(), "cost")).toBe(childId(a, "cost"));
    for (const id of [needTermId("x"), childId(a, "language:en")]) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("5");
      expect(["8", "9", "a", "b"]).toContain(id[19]);
    }
  });

  it("tells uuids from other strings", () => {
    expect(isUuid("1116b299-3e54-508d-ac86-17ab087c67a6")).toBe(true);
    expect(isUuid("1116B299-3E54-508D-AC86-17AB087C67A6")).toBe(true);
    for (const value of ["", "abc", "1116b299-3e54-508d-ac86-17ab087c67a", "1116b299-3e54-508d-ac86-17ab087c67a6x", 42, null]) {
      expect(isUuid(value)).toBe(false);
    }
  });
});
