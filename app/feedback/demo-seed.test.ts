import { expect, it } from "vitest";
import { demoYouSaidWeDid, seedDemoYouSaidWeDid } from "../../db/seed/you-said-we-did";
import { describeDb } from "../../tests/setup/database";
import { listAllEntries, listPublishedEntries, listPublishedYears } from "./you-said-we-did.server";

describeDb("demo 'You said, we did'", ({ db }) => {
  it("publishes a dozen entries over 2025 and 2026 in every theme, keeps two drafts, and only seeds once", async () => {
    const now = new Date("2026-08-01T12:00:00Z");
    await seedDemoYouSaidWeDid(db(), now);
    await seedDemoYouSaidWeDid(db(), now);

    const { drafts, published } = await listAllEntries(db());
    expect(published).toHaveLength(12);
    expect(drafts).toHaveLength(2);
    expect(await listPublishedYears(db())).toEqual([2026, 2025]);
    for (const year of [2025, 2026]) {
      expect(new Set(published.filter((e) => e.year === year).map((e) => e.theme))).toEqual(new Set(["content", "accessibility", "development"]));
    }
    // Nothing is published in the future: entries dated after "now" are published now.
    expect(published.every((e) => e.published_at! <= now)).toBe(true);
    expect((await listPublishedEntries(db())).every((e) => e.we_did !== "" && e.action !== "")).toBe(true);
    expect(demoYouSaidWeDid.filter((e) => e.publishedOn === null)).toHaveLength(2);
  });
});
