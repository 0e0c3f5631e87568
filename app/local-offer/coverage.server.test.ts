import type { ServiceStatus } from "../../db/schema";
import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { createService, loadReferences } from "./content.server";
import type { CoverageCount } from "./coverage";
import { countCoverage, countServicesByDistrict, getCoverage } from "./coverage.server";
import { emptyServiceContent, type ServiceContent } from "./model";

describeDb("coverage counts", ({ db }) => {
  let counts: CoverageCount[];

  const make = async (slug: string, content: Partial<ServiceContent>, status: ServiceStatus = "published", hidden = false) => {
    const org = await db().insertInto("organisation").values({ name: `Coverage test ${slug}` }).returning("id").executeTakeFirstOrThrow();
    await db()
      .transaction()
      .execute(async (trx) => {
        const id = await createService(
          trx,
          { slug, organisationId: org.id, status, content: { ...emptyServiceContent(), name: slug, ...content } },
          await loadReferences(trx),
        );
        if (hidden) await trx.updateTable("service").set({ hidden_at: new Date(), hidden_reason: "Out of date" }).where("id", "=", id).execute();
      });
  };
  const count = (district: string, broadArea: string, phase: string) =>
    counts.find((c) => c.district === district && c.broadArea === broadArea && c.phase === phase)?.count ?? 0;

  beforeAll(async () => {
    await seedDemoArea(db());
    // Two needs in one broad area: counted once.
    await make("two-needs", { districts: ["burnley"], needs: ["autism", "speech-language-communication"], phases: ["primary"] });
    // Whole area, needs in two broad areas: counted in every district, once in each area.
    await make("whole-area", { wholeArea: true, needs: ["hearing", "adhd"], phases: ["post_16"] });
    // Two districts, two phases.
    await make("two-districts", { districts: ["burnley", "pendle"], needs: ["learning-disability"], phases: ["secondary", "post_16"] });
    // Never counted: not published, or hidden.
    await make("draft", { districts: ["burnley"], needs: ["autism"], phases: ["primary"] }, "draft");
    await make("awaiting", { districts: ["burnley"], needs: ["autism"], phases: ["primary"] }, "awaiting_approval");
    await make("archived", { districts: ["burnley"], needs: ["autism"], phases: ["primary"] }, "archived");
    await make("hidden", { districts: ["ribble-valley"], needs: ["vision"], phases: ["post_16"] }, "published", true);
    await make("hidden-whole", { wholeArea: true, needs: ["autism"], phases: ["secondary"] }, "published", true);
    // No needs: in no broad area.
    await make("no-needs", { districts: ["chorley"], needs: [], phases: ["primary"] });
    counts = await countCoverage(db());
  });

  it("counts a service once per cell, however many of its needs are in the area", () => {
    expect(count("burnley", "communication_interaction", "primary")).toBe(1);
  });

  it("counts a whole-area service in every district, once in each of its broad areas", () => {
    for (const district of ["burnley", "ribble-valley", "wyre", "chorley"]) {
      expect(count(district, "sensory_physical", "post_16"), district).toBe(1);
      expect(count(district, "semh", "post_16"), district).toBe(1);
      expect(count(district, "sensory_physical", "secondary"), district).toBe(0);
    }
  });

  it("counts a service in each of its districts and phases", () => {
    expect(count("burnley", "cognition_learning", "secondary")).toBe(1);
    expect(count("pendle", "cognition_learning", "post_16")).toBe(1);
    expect(count("chorley", "cognition_learning", "secondary")).toBe(0);
  });

  it("leaves out drafts, proposals awaiting approval, archived and hidden services", () => {
    expect(count("burnley", "communication_interaction", "primary")).toBe(1);
    expect(count("ribble-valley", "sensory_physical", "post_16")).toBe(1); // the whole-area one only
    expect(count("burnley", "communication_interaction", "secondary")).toBe(0);
  });

  it("adds up to the cells the services fill, and nothing more", () => {
    // two-needs 1 + whole-area 12 districts × 2 areas + two-districts 2 × 2.
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(1 + 24 + 4);
  });

  it("counts published services by district, and whole-area ones apart", async () => {
    const { districts, wholeArea } = await countServicesByDistrict(db());
    expect(wholeArea).toBe(1);
    const local = Object.fromEntries(districts.map((d) => [d.slug, d.local]));
    expect(local).toMatchObject({ burnley: 2, pendle: 1, chorley: 1, "ribble-valley": 0, wyre: 0 });
    expect(districts.map((d) => d.name)[0]).toBe("Burnley");
  });

  it("builds the page's tables, for every district or just one", async () => {
    const all = await getCoverage(db());
    expect(all.tables).toHaveLength(4);
    expect(all.tables[0]!.rows).toHaveLength(12);
    const rv = all.tables.find((t) => t.broadArea === "sensory_physical")!.rows.find((r) => r.district.slug === "ribble-valley")!;
    expect(rv.cells.find((c) => c.phase === "post_16")).toMatchObject({ count: 1 });
    expect(rv.cells.find((c) => c.phase === "primary")).toMatchObject({ count: 0, href: null });
    const one = await getCoverage(db(), { district: "pendle" });
    expect(one.tables.every((t) => t.rows.length === 1 && t.rows[0]!.district.name === "Pendle")).toBe(true);
    expect(one.districts).toHaveLength(12);
    const unknown = await getCoverage(db(), { district: "atlantis" });
    expect(unknown.tables[0]!.rows).toHaveLength(12);
  });
});
