import { beforeAll, expect, it } from "vitest";
import { describeDb } from "../../tests/setup/database";
import { getRevisit } from "../../app/revisits/revisits.server";
import { addWorkingDays } from "../../app/revisits/timeline";
import { checkAnswer } from "../../app/surveys/answers";
import { allQuestions } from "../../app/surveys/definition";
import { seedDemoArea } from "./area";
import { seedReferenceData } from "./index";
import { DEMO_REVISITS, demoRevisitNotified, seedDemoRevisits } from "./revisits";
import { londonDate } from "./surveys";

// A Monday in term time, clear of bank holidays around it.
const NOW = new Date("2026-11-23T10:00:00Z");

describeDb("the demo re-visits", ({ db }) => {
  let ids: { closed: string; upcoming: string };

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    await seedDemoRevisits(db(), NOW);
    const rows = await db().selectFrom("revisit").select(["id", "title"]).execute();
    ids = {
      closed: rows.find((r) => r.title === DEMO_REVISITS.closed.title)!.id,
      upcoming: rows.find((r) => r.title === DEMO_REVISITS.upcoming.title)!.id,
    };
  });

  it("dates them from today in working days", async () => {
    const notified = demoRevisitNotified(NOW, new Map());
    expect(notified).toEqual({ closed: "2026-11-05", upcoming: "2026-11-26" });
    expect(addWorkingDays(londonDate(NOW), -12, new Map())).toBe(notified.closed);
  });

  it("has a closed re-visit whose survey ran 12 noon day −5 to 12 noon day −1, signed off by the forum", async () => {
    const revisit = (await getRevisit(db(), ids.closed, NOW))!;
    expect(revisit.notified).toBe("2026-11-05");
    expect(revisit.survey.slug).toBe("revisit-parents-2026-11-05");
    expect(revisit.survey.state).toBe("closed");
    expect(revisit.survey.opensAt?.toISOString()).toBe("2026-11-12T12:00:00.000Z");
    expect(revisit.survey.closesAt?.toISOString()).toBe("2026-11-18T12:00:00.000Z");
    expect(revisit.windowMatches).toBe(true);
    expect(revisit.review).toMatchObject({ openComments: 0, ready: true, signoff: { current: true } });
    const events = await db().selectFrom("revisit_event").select("kind").where("revisit_id", "=", ids.closed).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["created", "review-signoff", "scheduled"]));
  });

  it("has 140 answers sent and 15 started, all inside the window and all as the journey would accept them", async () => {
    const revisit = (await getRevisit(db(), ids.closed, NOW))!;
    const responses = await db().selectFrom("survey_response").selectAll().where("survey_id", "=", revisit.survey.id).execute();
    expect(responses.filter((r) => r.status === "submitted")).toHaveLength(DEMO_REVISITS.closed.submitted);
    expect(responses.filter((r) => r.status === "draft")).toHaveLength(DEMO_REVISITS.closed.drafts);
    for (const r of responses.filter((x) => x.submitted_at)) {
      expect(r.submitted_at!.getTime()).toBeGreaterThanOrEqual(revisit.survey.opensAt!.getTime());
      expect(r.submitted_at!.getTime()).toBeLessThan(revisit.survey.closesAt!.getTime());
    }
    const districts = (await db().selectFrom("district").select("slug").execute()).map((d) => d.slug);
    const answers = await db().selectFrom("survey_answer").selectAll().where("response_id", "in", responses.map((r) => r.id)).execute();
    for (const answer of answers) {
      const question = allQuestions(revisit.survey.definition).find((q) => q.key === answer.question_key)!;
      expect(checkAnswer(question, answer.value, { districts }).ok, `${answer.question_key}: ${JSON.stringify(answer.value)}`).toBe(true);
    }
  });

  it("spreads answers across districts, with one district small enough to be suppressed", async () => {
    const revisit = (await getRevisit(db(), ids.closed, NOW))!;
    const rows = await db()
      .selectFrom("survey_response")
      .select(["district", (eb) => eb.fn.countAll<string>().as("n")])
      .where("survey_id", "=", revisit.survey.id)
      .where("status", "=", "submitted")
      .groupBy("district")
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.district ?? "none", Number(r.n)]));
    expect(counts["ribble-valley"]).toBe(3);
    expect(Object.keys(counts)).toHaveLength(13);
  });

  it("has free text, some with a made-up phone number, email or name to show redaction", async () => {
    const revisit = (await getRevisit(db(), ids.closed, NOW))!;
    const texts = await db()
      .selectFrom("survey_answer")
      .innerJoin("survey_response", "survey_response.id", "survey_answer.response_id")
      .select(["survey_answer.question_key", "survey_answer.value"])
      .where("survey_response.survey_id", "=", revisit.survey.id)
      .where("survey_answer.question_key", "in", ["more_4", "more_5", "more_6", "more_12", "one_thing"])
      .execute();
    const all = texts.map((t) => String(t.value)).join("\n");
    expect(all).toMatch(/07700 900461/);
    expect(all).toMatch(/@example\.org/);
    expect(all).toMatch(/Mrs Hargreaves/);
    expect(texts.filter((t) => t.question_key === "more_12")).toHaveLength(3);
  });

  it("has an upcoming re-visit with a draft survey, no sign-off and the open meeting's details", async () => {
    const revisit = (await getRevisit(db(), ids.upcoming, NOW))!;
    expect(revisit.notified).toBe("2026-11-26");
    expect(revisit.survey.state).toBe("draft");
    expect(revisit.review).toMatchObject({ comments: 0, signoff: null, ready: false });
    expect(revisit.meetingWhen).toMatch(/^Thursday 10 December 2026, /);
    expect(revisit.meetingWhere).not.toBe("");
    expect(revisit.timeline.opensAt.toISOString()).toBe("2026-12-03T12:00:00.000Z");
  });

  it("adds nothing when run again", async () => {
    await seedDemoRevisits(db(), NOW);
    expect(await db().selectFrom("revisit").select("id").execute()).toHaveLength(2);
  });
});
