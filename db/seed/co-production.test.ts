import { beforeAll, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { getPublicSummary } from "../../app/co-production/co-production.server";
import { closeRefusal, levelRefusal, participantTotal } from "../../app/co-production/rules";
import { seedDemoArea } from "./area";
import { demoCoProduction, seedDemoCoProduction } from "./co-production";

const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("the demo co-production log", ({ db }) => {
  beforeAll(async () => {
    await seedDemoArea(db());
    await db().insertInto("app_user").values({ email: "pcf@demo.local", name: "Parent carer forum reviewer", role: "pcf_reviewer", password_hash: null }).execute();
    await seedDemoCoProduction(db(), NOW);
  });

  it("keeps the rules it asks of officers: co-production only from the start, closed only once told", () => {
    for (const a of demoCoProduction) {
      expect(levelRefusal(a.level, a.stage)).toBeNull();
      expect(participantTotal(a.participants)).toBeGreaterThan(0);
      if (a.status === "closed") {
        expect(closeRefusal({ status: "published", heldOn: "2026-01-01", level: a.level, familiesJoinedStage: a.stage, familiesSaid: a.familiesSaid, whatChanged: a.whatChanged, whatDidNotChange: a.whatDidNotChange, toldOutcomeHow: a.told?.how ?? "", toldOutcomeOn: a.told ? "2026-02-01" : null })).toBeNull();
      }
    }
  });

  it("adds them once, however often it runs", async () => {
    await seedDemoCoProduction(db(), NOW);
    const rows = await db().selectFrom("coproduction_activity").select(["title", "held_on", "status", "level_confirmed_at"]).orderBy("held_on").execute();
    expect(rows).toHaveLength(demoCoProduction.length);
    expect(rows[0]).toMatchObject({ title: "Short breaks: what families want from Saturday clubs", held_on: "2026-07-26", status: "closed" });
    expect(rows[0]!.level_confirmed_at).not.toBeNull();
  });

  it("shows the published and closed ones to the public, not the draft", async () => {
    const { entries } = await getPublicSummary(db());
    expect(entries.map((e) => e.title)).toEqual([
      "Participation council: moving on to adult services",
      "EHC plan letters: making them easier to read",
      "Short breaks: what families want from Saturday clubs",
    ]);
    expect(entries[2]).toMatchObject({ closed: true, levelConfirmed: true, toldOutcomeOn: "2026-09-24" });
  });
});
