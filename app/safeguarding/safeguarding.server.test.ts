import { beforeAll, expect, it } from "vitest";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { recordPageFeedback } from "../feedback/page-feedback.server";
import { createEntry, FLAGGED_FEEDBACK_MESSAGE } from "../feedback/you-said-we-did.server";
import { en, type SurveyDefinition } from "../surveys/definition";
import {
  findSurveyBySlug,
  saveAnswers,
  startResponse,
  submitResponse,
  answerContext,
  type PublicSurvey,
} from "../surveys/responses.server";
import { createSurvey } from "../surveys/surveys.server";
import {
  addTerm,
  flagFeedbackByHand,
  isFeedbackFlagged,
  listFlags,
  listTerms,
  removeTerm,
  setFlagStatus,
  viewFlag,
} from "./safeguarding.server";

const opensAt = new Date("2026-11-01T12:00:00.000Z");
const closesAt = new Date("2026-12-01T12:00:00.000Z");
const now = new Date("2026-11-23T10:00:00.000Z");
const DISCLOSURE = "My daughter says she wants to die and her brother hits me.";

const definition: SurveyDefinition = {
  title: en("Safeguarding test"),
  purpose: en("Purpose"),
  howUsed: en("How"),
  estimatedMinutes: 2,
  pages: [
    {
      key: "p1",
      title: [],
      questions: [
        {
          key: "better",
          type: "long_text",
          required: false,
          text: en("What could be better?"),
          hint: [],
          options: [],
          allowDontKnow: true,
        },
        { key: "name_it", type: "short_text", required: false, text: en("Anything else?"), hint: [], options: [], allowDontKnow: true },
      ],
    },
  ],
};

describeDb("safeguarding", ({ db }) => {
  let survey: PublicSurvey;
  let leadId: string;
  let officerId: string;

  beforeAll(async () => {
    await seedDemoArea(db());
    await createSurvey(db(), {
      slug: "safeguarding-test",
      audience: "parent_carer",
      series: "sg",
      access: "open_link",
      status: "scheduled",
      opensAt,
      closesAt,
      definition,
    });
    survey = (await findSurveyBySlug(db(), "safeguarding-test"))!;
    leadId = (
      await db()
        .insertInto("app_user")
        .values({ email: "dsl@test.local", name: "Test lead", role: "safeguarding_lead", password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    officerId = (
      await db()
        .insertInto("app_user")
        .values({ email: "sg-officer@test.local", name: "Test officer", role: "officer", password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });

  async function submit(answers: Record<string, string>) {
    const started = await startResponse(db(), { survey, language: "en-GB", format: "standard", now });
    if (!started.ok) throw new Error(started.reason);
    await saveAnswers(db(), { survey, responseId: started.responseId, answers, cleared: [], page: "p1", now });
    const result = await submitResponse(db(), { survey, responseId: started.responseId, context: await answerContext(db()), now });
    expect(result.ok).toBe(true);
    return started.responseId;
  }
  const flagsFor = (responseId: string) => db().selectFrom("safeguarding_flag").selectAll().where("response_id", "=", responseId).execute();
  const outbox = () => db().selectFrom("outbox").selectAll().where("kind", "=", "safeguarding.new-item").orderBy("created_at").execute();

  it("starts with a maintained list of words and phrases", async () => {
    const terms = (await listTerms(db())).map((t) => t.phrase);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    expect(terms).toEqual(expect.arrayContaining(["suicide", "want to die", "hits me", "not safe at home", "touched me"]));
  });

  it("has Urdu and Polish starter terms, as written and by language, and flags feedback written in them", async () => {
    const terms = await listTerms(db());
    expect(terms.find((t) => t.written === "خودکشی")?.language).toBe("ur");
    expect(terms.find((t) => t.written === "khudkushi")?.language).toBe("ur");
    expect(terms.find((t) => t.written === "samobójstwo")).toMatchObject({ language: "pl", phrase: "samobojstwo" });
    expect(terms.find((t) => t.written === "suicide")?.language).toBe("en");
    // English first, then Urdu, then Polish.
    expect(terms.map((t) => t.language[0]).join("")).toMatch(/^e+u+p+$/);
    const flaggedFor = async (lookingFor: string, clientIp: string) => {
      const result = await recordPageFeedback(
        db(),
        { kind: "missing", lookingFor, pagePath: "/local-offer", serviceId: null, clientIp },
        now,
      );
      const item = await db()
        .selectFrom("feedback_item")
        .select("id")
        .where("reference", "=", result.ok ? result.reference : "")
        .executeTakeFirstOrThrow();
      return isFeedbackFlagged(db(), item.id);
    };
    expect(await flaggedFor("میرے ابو مجھے مارتے ہیں", "10.0.1.1")).toBe(true);
    expect(await flaggedFor("Tata mnie bije, kiedy pije", "10.0.1.2")).toBe(true);
    expect(await flaggedFor("Zegar bije o dwunastej", "10.0.1.3")).toBe(false);
  });

  it("flags a disclosure in a survey answer on submission and emails the lead a link, never the words", async () => {
    const before = (await outbox()).length;
    const responseId = await submit({ better: DISCLOSURE, name_it: "Nothing else" });
    const flags = await flagsFor(responseId);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ source: "survey_answer", question_key: "better", raised_by: "auto", status: "open" });
    expect(flags[0]!.matched).toEqual(expect.arrayContaining(["wants to die", "hits me"]));
    const mail = (await outbox()).slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to_address).toBe("dsl@test.local");
    expect(mail[0]!.body_text).toContain(`/admin/safeguarding/${flags[0]!.id}`);
    expect(mail[0]!.body_text).not.toMatch(/die|hits|daughter/i);
    expect(mail[0]!.subject).not.toMatch(/die|hits/i);
  });

  it("does not flag a harmless answer, nor email anyone", async () => {
    const before = (await outbox()).length;
    const responseId = await submit({ better: "The waiting list for speech and language therapy is far too long." });
    expect(await flagsFor(responseId)).toEqual([]);
    expect(await outbox()).toHaveLength(before);
  });

  it("flags page feedback whose words suggest a risk of harm", async () => {
    const result = await recordPageFeedback(
      db(),
      {
        kind: "missing",
        lookingFor: "somewhere safe, I am not safe at home",
        pagePath: "/local-offer",
        serviceId: null,
        clientIp: "10.0.0.1",
      },
      now,
    );
    expect(result.ok).toBe(true);
    const item = await db()
      .selectFrom("feedback_item")
      .select("id")
      .where("reference", "=", result.ok ? result.reference : "")
      .executeTakeFirstOrThrow();
    expect(await isFeedbackFlagged(db(), item.id)).toBe(true);
    const plain = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Swimming for autistic children", pagePath: "/local-offer", serviceId: null, clientIp: "10.0.0.2" },
      now,
    );
    const plainItem = await db()
      .selectFrom("feedback_item")
      .select("id")
      .where("reference", "=", plain.ok ? plain.reference : "")
      .executeTakeFirstOrThrow();
    expect(await isFeedbackFlagged(db(), plainItem.id)).toBe(false);
  });

  it("shows the lead the words in full and audits every view", async () => {
    const responseId = await submit({ better: "He touched me and I am scared" });
    const [flag] = await flagsFor(responseId);
    const seen = await viewFlag(db(), { id: flag!.id, by: { userId: leadId } });
    expect(seen).toMatchObject({ text: "He touched me and I am scared", survey: "safeguarding-test", questionKey: "better" });
    await viewFlag(db(), { id: flag!.id, by: { userId: leadId } });
    const views = await db()
      .selectFrom("audit_log")
      .select(["user_id", "details"])
      .where("action", "=", "safeguarding.viewed")
      .where("subject_id", "=", flag!.id)
      .execute();
    expect(views).toHaveLength(2);
    expect(JSON.stringify(views)).not.toContain("touched");
    expect(await viewFlag(db(), { id: "not-a-uuid", by: { userId: leadId } })).toBeNull();
  });

  it("lets the lead move a flag on, and needs a note to close it", async () => {
    const [flag] = await listFlags(db(), { status: "open" });
    expect(await setFlagStatus(db(), { id: flag!.id, status: "in_progress", note: "", by: { userId: leadId }, now })).toEqual({ ok: true });
    expect(await setFlagStatus(db(), { id: flag!.id, status: "closed", note: " ", by: { userId: leadId }, now })).toEqual({
      ok: false,
      reason: "invalid",
      error: "noteMissing",
    });
    expect(await setFlagStatus(db(), { id: flag!.id, status: "gone", note: "x", by: { userId: leadId }, now })).toMatchObject({
      ok: false,
      error: "statusInvalid",
    });
    expect(
      await setFlagStatus(db(), { id: flag!.id, status: "closed", note: "Referred to the MASH.", by: { userId: leadId }, now }),
    ).toEqual({ ok: true });
    const after = await db()
      .selectFrom("safeguarding_flag")
      .select(["status", "closed_note"])
      .where("id", "=", flag!.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "closed", closed_note: "Referred to the MASH." });
  });

  it("lets an officer flag feedback by hand, and refuses to publish a 'You said, we did' entry written from it", async () => {
    const result = await recordPageFeedback(
      db(),
      { kind: "missing", lookingFor: "Respite at weekends", pagePath: "/local-offer", serviceId: null, clientIp: "10.0.0.3" },
      now,
    );
    const item = await db()
      .selectFrom("feedback_item")
      .select("id")
      .where("reference", "=", result.ok ? result.reference : "")
      .executeTakeFirstOrThrow();
    expect(await flagFeedbackByHand(db(), { feedbackItemId: item.id, reason: " ", by: { userId: officerId }, now })).toMatchObject({
      ok: false,
      error: "reasonMissing",
    });
    const flagged = await flagFeedbackByHand(db(), {
      feedbackItemId: item.id,
      reason: "Mentions a worried sibling at home.",
      by: { userId: officerId },
      now,
    });
    expect(flagged.ok).toBe(true);

    const entry = {
      year: 2026,
      theme: "content" as const,
      youSaid: "More respite at weekends.",
      weDid: "",
      action: "",
      feedbackItemId: item.id,
    };
    const refused = await createEntry(db(), { entry, publish: true, by: { userId: officerId }, now }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(409);
    expect(await (refused as Response).text()).toBe(FLAGGED_FEEDBACK_MESSAGE);
    expect(await db().selectFrom("you_said_we_did").select("id").where("feedback_item_id", "=", item.id).execute()).toEqual([]);
  });

  it("keeps the word list tidy: normalised, no repeats, nothing empty or too long; audited", async () => {
    const language = "en";
    expect(await addTerm(db(), { phrase: "  Beaten   UP ", language, by: { userId: leadId } })).toEqual({ ok: true, phrase: "Beaten UP" });
    expect(await addTerm(db(), { phrase: "beaten-up", language, by: { userId: leadId } })).toEqual({ ok: false, error: "duplicate" });
    expect(await addTerm(db(), { phrase: " ... ", language, by: { userId: leadId } })).toEqual({ ok: false, error: "empty" });
    expect(await addTerm(db(), { phrase: "word ".repeat(30), language, by: { userId: leadId } })).toEqual({ ok: false, error: "too-long" });
    const term = (await listTerms(db())).find((t) => t.phrase === "beaten up")!;
    expect(await removeTerm(db(), { id: term.id, by: { userId: leadId } })).toEqual({ ok: true });
    expect(await removeTerm(db(), { id: term.id, by: { userId: leadId } })).toEqual({ ok: false });
    const actions = await db().selectFrom("audit_log").select("action").where("subject_id", "=", term.id).orderBy("at").execute();
    expect(actions.map((a) => a.action)).toEqual(["safeguarding.term-added", "safeguarding.term-removed"]);
  });
});
