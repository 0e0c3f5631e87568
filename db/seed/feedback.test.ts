import { beforeAll, expect, it } from "vitest";
import { listGeneralFeedback } from "../../app/feedback/general.server";
import { getTriageItem } from "../../app/feedback/triage.server";
import { findTerms } from "../../app/safeguarding/matcher";
import { STARTING_TERMS } from "../../migrations/202611230700_create_safeguarding";
import { THIRD_PERSON_TERMS } from "../../migrations/202611230800_create_feedback_loop";
import { STARTER_TERMS } from "../../migrations/202611231430_add_safeguarding_term_languages";
import { describeDb } from "../../tests/setup/database";
import { seedReferenceData } from "./index";
import { seedDemoArea } from "./area";
import { seedDemoCoProduction } from "./co-production";
import { demoFeedback, seedDemoFeedback } from "./feedback";

const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("the demo feedback", ({ db }) => {
  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    await db()
      .insertInto("app_user")
      .values({ email: "officer@demo.local", name: "SEND engagement officer", role: "officer", password_hash: null })
      .execute();
    await seedDemoCoProduction(db(), NOW);
    await seedDemoFeedback(db(), NOW);
  });

  it("links two items to the co-production activities they fed into, and says so in their history", async () => {
    const links = await db()
      .selectFrom("coproduction_activity_feedback as l")
      .innerJoin("coproduction_activity as a", "a.id", "l.activity_id")
      .innerJoin("feedback_item as f", "f.id", "l.feedback_item_id")
      .select(["a.title", "f.body"])
      .orderBy("a.title")
      .execute();
    expect(links.map((l) => l.title)).toEqual(["Autism assessment waiting list: what to tell families", "EHC plan letters: making them easier to read"]);
    expect(links[0]!.body).toContain("autism diagnosis");
    const events = await db().selectFrom("feedback_event").select("note").where("kind", "=", "coproduction_linked").orderBy("note").execute();
    expect(events.map((e) => e.note)).toEqual(links.map((l) => l.title));
  });

  it("adds them once, however often it runs", async () => {
    await seedDemoFeedback(db(), NOW);
    const rows = await db().selectFrom("feedback_item").select("id").where("source", "=", "general").execute();
    expect(rows).toHaveLength(demoFeedback.length);
  });

  it("shows officers each state: new, overdue, with a group, signposted and closed, in both formats", async () => {
    const { rows } = await listGeneralFeedback(db(), { today: "2026-11-23", limit: 100, offset: 0 });
    expect(new Set(rows.map((r) => r.step))).toEqual(new Set(["received", "with_group", "signposted", "closed"]));
    expect(rows.filter((r) => r.overdue).map((r) => r.body)).toEqual([demoFeedback[0]!.body]);
    expect(rows.some((r) => r.format === "easy_read" && r.face === 2)).toBe(true);
    const signposted = rows.find((r) => r.step === "signposted")!;
    const view = await getTriageItem(db(), signposted.id, { role: "officer", workingGroupIds: [] });
    expect(view?.history[0]).toMatchObject({ kind: "status", to_status: "signposted", by_name: "SEND engagement officer" });
  });

  it("holds nothing the safeguarding list would flag, and no contact details", async () => {
    for (const f of demoFeedback)
      expect(findTerms(f.body, [...STARTING_TERMS, ...THIRD_PERSON_TERMS, ...STARTER_TERMS.map((t) => t.written)])).toEqual([]);
    const withEmail = await db().selectFrom("feedback_item").select("id").where("contact_email", "is not", null).execute();
    expect(withEmail).toHaveLength(0);
  });
});
