import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { cellText } from "../../app/analysis/suppression";
import { getFeedbackFigures } from "../../app/dashboard/dashboard.server";
import { getEvidencePack } from "../../app/evidence/evidence.server";
import { findTerms } from "../../app/safeguarding/matcher";
import { STARTING_TERMS } from "../../migrations/202611230700_create_safeguarding";
import { THIRD_PERSON_TERMS } from "../../migrations/202611230800_create_feedback_loop";
import { describeDb } from "../../tests/setup/database";
import { seedDemoArea } from "./area";
import { seedDemoEvidence, olderFeedback } from "./evidence";
import { seedDemoFeedback } from "./feedback";
import { seedReferenceData } from "./index";

const NOW = new Date("2026-11-23T10:00:00Z");
const LAST_YEAR = { from: "2025-11-23", to: "2026-11-23", area: null };

describeDb("the demo evidence", ({ db }) => {
  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    await db()
      .insertInto("app_user")
      .values({ email: "officer@demo.local", name: "SEND engagement officer", role: "officer", password_hash: null })
      .execute();
    await seedDemoFeedback(db(), NOW);
    await seedDemoEvidence(db(), NOW);
    await seedDemoEvidence(db(), NOW);
  });

  it("gives the last year's pack progress, feedback with real numbers and a 'You said, we did' on area 4, once however often it runs", async () => {
    const pack = await getEvidencePack(db(), LAST_YEAR);
    const four = pack.areas.find((a) => a.number === 4)!;
    expect(four.updates.map((u) => u.taskCode)).toEqual(["H1", "H3", "H5"]);
    expect(cellText(four.feedback.total, "fewer than 5")).toBe("8");
    expect(four.feedback.byStatus.map((r) => cellText(r.cell, "fewer than 5"))).toEqual(["fewer than 5", "0", "0", "5", "fewer than 5"]);
    expect(four.entries).toHaveLength(1);
    expect(pack.summary.updates).toBe(10);
    // Every other area with linked feedback has fewer than 5 items: shown as such.
    const five = pack.areas.find((a) => a.number === 5)!;
    expect(cellText(five.feedback.total, "fewer than 5")).toBe("fewer than 5");
  });

  it("keeps each task's rating now as its newest update's", async () => {
    const rows = await db()
      .selectFrom("task_update")
      .innerJoin("task", "task.id", "task_update.task_id")
      .select(["task.rag as now", "task_update.rag"])
      .execute();
    expect(rows.every((r) => r.rag === r.now)).toBe(true);
  });

  it("answers most of the year's engagement feedback, so the dashboard has response times to show, once however often it runs", async () => {
    const { responseTimes } = await getFeedbackFigures(db(), { viewer: { id: randomUUID(), role: "officer", workingGroupIds: [] }, now: NOW, threshold: 5 });
    expect(cellText(responseTimes.responses, "fewer than 5")).toBe("5");
    expect([responseTimes.median, responseTimes.p90]).toEqual([13, 24]);
    const history = await db()
      .selectFrom("feedback_event")
      .innerJoin("feedback_item", "feedback_item.id", "feedback_event.feedback_item_id")
      .select(["feedback_event.kind", "feedback_event.to_status"])
      .where("feedback_item.body", "=", olderFeedback[0]!.body)
      .orderBy("feedback_event.created_at")
      .execute();
    expect(history.map((e) => [e.kind, e.to_status])).toEqual([
      ["assigned", "with_group"],
      ["response_written", null],
      ["response_approved", "responded"],
      ["status", "closed"],
    ]);
  });

  it("holds nothing the safeguarding list would flag", () => {
    for (const f of olderFeedback) expect(findTerms(f.body, [...STARTING_TERMS, ...THIRD_PERSON_TERMS])).toEqual([]);
  });
});
