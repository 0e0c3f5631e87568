import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { seedDemoArea } from "../../db/seed/area";
import { seedReferenceData } from "../../db/seed";
import { describeDb } from "../../tests/setup/database";
import { englishOf, locateQuestion } from "../surveys/builder";
import { editSurvey } from "../surveys/builder.server";
import { SurveyDefinitionSchema, type SurveyDefinition } from "../surveys/definition";
import { createRevisit, getRevisit } from "./revisits.server";
import { addComment, getReview, resolveComment, reviewStatus, signOff, type ReviewActor } from "./review.server";

const now = new Date("2026-11-23T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describeDb("the parent carer forum's review", ({ db }) => {
  const people = {} as Record<"reviewer" | "officer" | "admin" | "member", ReviewActor & { name: string }>;
  // Each re-visit needs its own notification date (its survey's address is made from it).
  // Weekdays from Monday 4 January 2027 (no bank holidays in the weeks used).
  const dates = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2027, 0, 4 + i)))
    .filter((d) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
    .map((d) => d.toISOString().slice(0, 10));

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    const make = async (key: keyof typeof people, role: Role, name: string) => {
      const row = await db().insertInto("app_user").values({ email: `${key}@review.test`, name, role, password_hash: null }).returning("id").executeTakeFirstOrThrow();
      people[key] = { userId: row.id, role, requestId: `req-${key}`, name };
    };
    await make("reviewer", "pcf_reviewer", "Forum reviewer");
    await make("officer", "officer", "Engagement officer");
    await make("admin", "admin", "Portal administrator");
    await make("member", "group_member", "Group member");
  }, 60_000);

  async function newRevisit() {
    const date = dates.shift()!;
    const created = await createRevisit(db(), {
      input: { title: `Re-visit ${date}`, kind: "notified", date, focuses: [1, 4], meetingWhen: "", meetingWhere: "" },
      by: { userId: people.officer.userId },
      now,
    });
    if (!created.ok) throw new Error(`could not create a re-visit: ${JSON.stringify(created)}`);
    const revisit = (await getRevisit(db(), created.id, now))!;
    return { id: created.id, surveyId: revisit.survey.id };
  }

  async function definitionOf(surveyId: string): Promise<SurveyDefinition> {
    const row = await db()
      .selectFrom("survey")
      .innerJoin("survey_version", "survey_version.id", "survey.current_version_id")
      .select("survey_version.definition")
      .where("survey.id", "=", surveyId)
      .executeTakeFirstOrThrow();
    return SurveyDefinitionSchema.parse(row.definition);
  }

  const questionText = async (surveyId: string, key: string) => englishOf(locateQuestion(await definitionOf(surveyId), key)!.question.text);
  const events = (revisitId: string) => db().selectFrom("revisit_event").select(["kind", "user_id", "details"]).where("revisit_id", "=", revisitId).orderBy("at").execute();
  const audits = (action: string, subjectId: string) =>
    db().selectFrom("audit_log").select(["user_id", "details", "request_id"]).where("action", "=", action).where("subject_id", "=", subjectId).execute();
  const status = async (revisitId: string, surveyId: string) => reviewStatus(db(), revisitId, await definitionOf(surveyId));

  describe("commenting", () => {
    it("a forum reviewer comments on a question with suggested wording, and the history and audit log keep it", async () => {
      const { id } = await newRevisit();
      const result = await addComment(db(), {
        revisitId: id,
        question: "listened",
        body: "Parents told us this reads like a statement from the council.",
        suggestion: "Do the council and health services listen to you and act on what you say?",
        by: people.reviewer,
        now,
      });
      expect(result).toMatchObject({ ok: true });
      const review = await getReview(db(), id, now);
      expect(review.comments).toEqual([
        expect.objectContaining({
          number: 1,
          questionKey: "listened",
          author: "Forum reviewer",
          body: "Parents told us this reads like a statement from the council.",
          suggestion: "Do the council and health services listen to you and act on what you say?",
          state: "open",
          reply: "",
          resolvedBy: null,
        }),
      ]);
      expect(review.history).toEqual([expect.objectContaining({ kind: "review-comment", by: "Forum reviewer", details: expect.objectContaining({ question: "listened", capacity: "reviewer" }) })]);
      expect(await audits("revisit.review-commented", id)).toEqual([expect.objectContaining({ user_id: people.reviewer.userId, request_id: "req-reviewer" })]);
    });

    it("a comment may be about the survey as a whole, but suggested wording needs a question", async () => {
      const { id } = await newRevisit();
      expect(await addComment(db(), { revisitId: id, question: "", body: "Add a question about short breaks.", suggestion: "", by: people.reviewer, now })).toMatchObject({ ok: true });
      expect(await addComment(db(), { revisitId: id, question: "", body: "And this.", suggestion: "New words", by: people.reviewer, now })).toEqual({
        ok: false,
        reason: "invalid",
        errors: { suggestion: "errors.suggestion.wholeSurvey" },
        params: { body: 2000, suggestion: 1000 },
      });
      const review = await getReview(db(), id, now);
      expect(review.comments.map((c) => [c.questionKey, c.body])).toEqual([[null, "Add a question about short breaks."]]);
    });

    it("refuses empty and too-long text, and a question the survey does not have, writing nothing", async () => {
      const { id } = await newRevisit();
      expect(await addComment(db(), { revisitId: id, question: "listened", body: "  ", suggestion: "", by: people.reviewer, now })).toMatchObject({ reason: "invalid", errors: { body: "errors.body.required" } });
      expect(await addComment(db(), { revisitId: id, question: "listened", body: "b".repeat(2001), suggestion: "s".repeat(1001), by: people.reviewer, now })).toMatchObject({
        reason: "invalid",
        errors: { body: "errors.body.tooLong", suggestion: "errors.suggestion.tooLong" },
      });
      expect(await addComment(db(), { revisitId: id, question: "no_such_question", body: "Hello", suggestion: "", by: people.reviewer, now })).toMatchObject({
        reason: "invalid",
        errors: { question: "errors.question.unknown" },
      });
      expect((await getReview(db(), id, now)).comments).toEqual([]);
      expect(await events(id)).toEqual([expect.objectContaining({ kind: "created" })]);
    });

    it("an administrator may comment as cover for the forum, and the history says so; officers and others may not", async () => {
      const { id } = await newRevisit();
      expect(await addComment(db(), { revisitId: id, question: "one_thing", body: "Covering for the forum.", suggestion: "", by: people.admin, now })).toMatchObject({ ok: true });
      expect((await getReview(db(), id, now)).history[0]).toMatchObject({ kind: "review-comment", by: "Portal administrator", details: { capacity: "cover" } });
      for (const by of [people.officer, people.member]) {
        expect(await addComment(db(), { revisitId: id, question: "one_thing", body: "Not mine to say.", suggestion: "", by, now })).toEqual({ ok: false, reason: "forbidden" });
      }
      expect((await getReview(db(), id, now)).comments).toHaveLength(1);
    });

    it("an unknown re-visit is not found", async () => {
      for (const revisitId of [randomUUID(), "not-a-uuid", undefined]) {
        expect(await addComment(db(), { revisitId, question: "", body: "Hello", suggestion: "", by: people.reviewer, now })).toEqual({ ok: false, reason: "not-found" });
        expect(await signOff(db(), { revisitId, note: "", by: people.reviewer, now })).toEqual({ ok: false, reason: "not-found" });
      }
    });
  });

  describe("resolving", () => {
    it("accepting a suggestion puts its wording in the draft question, records who and why, and makes a sign-off stale", async () => {
      const { id, surveyId } = await newRevisit();
      const before = await questionText(surveyId, "listened");
      await addComment(db(), { revisitId: id, question: "one_thing", body: "Fine as it is.", suggestion: "", by: people.reviewer, now });
      const [first] = (await getReview(db(), id, now)).comments;
      await resolveComment(db(), { revisitId: id, commentId: first!.id, decision: "rejected", reply: "Thank you.", by: people.officer, now });
      expect(await signOff(db(), { revisitId: id, note: "", by: people.reviewer, now: later(1) })).toMatchObject({ ok: true });
      expect(await status(id, surveyId)).toMatchObject({ ready: true, signoff: { by: "Forum reviewer", current: true } });

      // The forum has second thoughts after signing off.
      const suggestion = "Do the council and health services listen to you and act on what you say?";
      const added = await addComment(db(), { revisitId: id, question: "listened", body: "Ask it as a question.", suggestion, by: people.reviewer, now: later(2) });
      if (!added.ok) throw new Error("comment refused");
      expect(await status(id, surveyId)).toMatchObject({ openComments: 1, ready: false, signoff: { current: true } });

      const result = await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "accepted", reply: "Agreed, changed.", by: people.officer, now: later(3) });
      expect(result).toEqual({ ok: true, decision: "accepted", applied: true });
      expect(await questionText(surveyId, "listened")).toBe(suggestion);
      const comment = (await getReview(db(), id, now)).comments.find((c) => c.id === added.id)!;
      expect(comment).toMatchObject({ state: "accepted", reply: "Agreed, changed.", resolvedBy: "Engagement officer", resolvedAt: later(3) });
      expect(await status(id, surveyId)).toMatchObject({ openComments: 0, ready: false, signoff: { current: false } });

      expect((await getReview(db(), id, now)).history[0]).toMatchObject({ kind: "review-accepted", by: "Engagement officer", details: { applied: true, from: before, to: suggestion, reply: "Agreed, changed." } });
      expect(await audits("survey.question-updated", surveyId)).toEqual([
        expect.objectContaining({ user_id: people.officer.userId, details: expect.objectContaining({ question: "listened", text: { from: before, to: suggestion } }) }),
      ]);
      expect(await audits("revisit.review-accepted", id)).toHaveLength(1);

      // A new sign-off of the changed questions makes it ready again; the old one is kept.
      expect(await signOff(db(), { revisitId: id, note: "Happy with the change.", by: people.reviewer, now: later(4) })).toMatchObject({ ok: true });
      expect(await status(id, surveyId)).toMatchObject({ ready: true, signoff: { current: true } });
      expect(await db().selectFrom("revisit_signoff").select("note").where("revisit_id", "=", id).orderBy("at").execute()).toEqual([{ note: "" }, { note: "Happy with the change." }]);
    });

    it("rejecting keeps the question's wording and still needs a reply", async () => {
      const { id, surveyId } = await newRevisit();
      const before = await questionText(surveyId, "one_thing");
      const added = await addComment(db(), { revisitId: id, question: "one_thing", body: "Shorter?", suggestion: "What would help most?", by: people.reviewer, now });
      if (!added.ok) throw new Error("comment refused");
      expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "rejected", reply: " ", by: people.officer, now })).toMatchObject({
        reason: "invalid",
        errors: { reply: "errors.reply.required" },
      });
      expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "", reply: "Because.", by: people.officer, now })).toMatchObject({
        reason: "invalid",
        errors: { decision: "errors.decision.required" },
      });
      expect((await getReview(db(), id, now)).comments[0]!.state).toBe("open");
      expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "rejected", reply: "Inspectors asked for this wording.", by: people.officer, now: later(1) })).toEqual({
        ok: true,
        decision: "rejected",
        applied: false,
      });
      expect(await questionText(surveyId, "one_thing")).toBe(before);
      expect((await getReview(db(), id, now)).history[0]).toMatchObject({ kind: "review-rejected", details: { applied: false, reply: "Inspectors asked for this wording." } });
    });

    it("a comment is resolved once: a second decision is refused and changes nothing", async () => {
      const { id, surveyId } = await newRevisit();
      const added = await addComment(db(), { revisitId: id, question: "one_thing", body: "Shorter?", suggestion: "What would help most?", by: people.reviewer, now });
      if (!added.ok) throw new Error("comment refused");
      await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "rejected", reply: "No.", by: people.officer, now });
      expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "accepted", reply: "Yes after all.", by: people.admin, now })).toEqual({
        ok: false,
        reason: "conflict",
        conflict: "alreadyResolved",
        params: undefined,
      });
      expect((await getReview(db(), id, now)).comments[0]).toMatchObject({ state: "rejected", reply: "No." });
      expect(await questionText(surveyId, "one_thing")).not.toBe("What would help most?");
    });

    it("only officers and administrators resolve; an unknown comment, or another re-visit's, is not found", async () => {
      const { id } = await newRevisit();
      const other = await newRevisit();
      const added = await addComment(db(), { revisitId: id, question: "", body: "General point.", suggestion: "", by: people.reviewer, now });
      if (!added.ok) throw new Error("comment refused");
      for (const by of [people.reviewer, people.member]) {
        expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "accepted", reply: "Mine now.", by, now })).toEqual({ ok: false, reason: "forbidden" });
      }
      for (const [revisitId, commentId] of [
        [id, randomUUID()],
        [id, "nope"],
        [other.id, added.id],
        [randomUUID(), added.id],
      ]) {
        expect(await resolveComment(db(), { revisitId, commentId, decision: "accepted", reply: "Ok.", by: people.officer, now })).toEqual({ ok: false, reason: "not-found" });
      }
      expect(await resolveComment(db(), { revisitId: id, commentId: added.id, decision: "accepted", reply: "Noted, thank you.", by: people.admin, now })).toEqual({ ok: true, decision: "accepted", applied: false });
    });

    it("wording longer than a question may be, or for a question since removed, is not applied", async () => {
      const { id, surveyId } = await newRevisit();
      const long = await addComment(db(), { revisitId: id, question: "listened", body: "Explain more.", suggestion: "w".repeat(501), by: people.reviewer, now });
      const gone = await addComment(db(), { revisitId: id, question: "one_thing", body: "Drop this?", suggestion: "What else?", by: people.reviewer, now: later(1) });
      if (!long.ok || !gone.ok) throw new Error("comment refused");
      expect(await resolveComment(db(), { revisitId: id, commentId: long.id, decision: "accepted", reply: "Yes.", by: people.officer, now })).toEqual({
        ok: false,
        reason: "conflict",
        conflict: "suggestionTooLong",
        params: { max: 500, length: 501 },
      });
      const removed = await editSurvey(db(), {
        surveyId,
        now,
        by: { userId: people.officer.userId },
        action: "survey.question-deleted",
        edit: (d) => ({ ok: true, definition: { ...d, pages: d.pages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.key !== "one_thing") })) } }),
      });
      expect(removed.ok).toBe(true);
      expect(await resolveComment(db(), { revisitId: id, commentId: gone.id, decision: "accepted", reply: "Yes.", by: people.officer, now })).toMatchObject({ reason: "conflict", conflict: "questionGone" });
      expect((await getReview(db(), id, now)).comments.map((c) => c.state)).toEqual(["open", "open"]);
    });

    it("once people have started the survey its questions never change: accepting a suggestion is refused, rejecting is not", async () => {
      const { id, surveyId } = await newRevisit();
      const a = await addComment(db(), { revisitId: id, question: "listened", body: "Ask it as a question.", suggestion: "Do they listen to you?", by: people.reviewer, now });
      const b = await addComment(db(), { revisitId: id, question: "one_thing", body: "Shorter?", suggestion: "What would help most?", by: people.reviewer, now: later(1) });
      if (!a.ok || !b.ok) throw new Error("comment refused");
      expect((await getReview(db(), id, now)).open).toBe(true);
      const survey = await db().selectFrom("survey").select("current_version_id").where("id", "=", surveyId).executeTakeFirstOrThrow();
      await db().updateTable("survey_version").set({ locked_at: now }).where("id", "=", survey.current_version_id!).execute();
      const before = await questionText(surveyId, "listened");
      expect((await getReview(db(), id, now)).open).toBe(false);

      expect(await resolveComment(db(), { revisitId: id, commentId: a.id, decision: "accepted", reply: "Yes.", by: people.officer, now })).toMatchObject({ reason: "conflict", conflict: "locked" });
      expect(await questionText(surveyId, "listened")).toBe(before);
      expect(await resolveComment(db(), { revisitId: id, commentId: b.id, decision: "rejected", reply: "Too late to change, sorry.", by: people.officer, now })).toMatchObject({ ok: true });
      expect(await addComment(db(), { revisitId: id, question: "", body: "One more thing.", suggestion: "", by: people.reviewer, now })).toMatchObject({ reason: "conflict", conflict: "reviewClosed" });
      expect((await getReview(db(), id, now)).comments.map((c) => c.state)).toEqual(["open", "rejected"]);
    });
  });

  describe("signing off", () => {
    it("is refused while a comment is open, then stores the questions' fingerprint once all are resolved", async () => {
      const { id, surveyId } = await newRevisit();
      const one = await addComment(db(), { revisitId: id, question: "listened", body: "One.", suggestion: "", by: people.reviewer, now });
      const two = await addComment(db(), { revisitId: id, question: "", body: "Two.", suggestion: "", by: people.reviewer, now: later(1) });
      if (!one.ok || !two.ok) throw new Error("comment refused");
      expect(await signOff(db(), { revisitId: id, note: "", by: people.reviewer, now })).toEqual({ ok: false, reason: "conflict", conflict: "openComments", params: { count: 2 } });
      expect(await status(id, surveyId)).toMatchObject({ signoff: null, openComments: 2, ready: false });

      await resolveComment(db(), { revisitId: id, commentId: one.id, decision: "rejected", reply: "Kept.", by: people.officer, now });
      await resolveComment(db(), { revisitId: id, commentId: two.id, decision: "accepted", reply: "Will do next time.", by: people.officer, now });
      expect(await signOff(db(), { revisitId: id, note: "n".repeat(1001), by: people.reviewer, now })).toMatchObject({ reason: "invalid", errors: { note: "errors.note.tooLong" } });
      expect(await signOff(db(), { revisitId: id, note: "Agreed at the forum meeting.", by: people.reviewer, now: later(5) })).toEqual({ ok: true, capacity: "reviewer" });
      expect(await status(id, surveyId)).toMatchObject({ ready: true, signoff: { by: "Forum reviewer", at: later(5), current: true } });
      expect(await signOff(db(), { revisitId: id, note: "", by: people.reviewer, now: later(6) })).toMatchObject({ reason: "conflict", conflict: "alreadySignedOff" });
      expect((await getReview(db(), id, now)).history[0]).toMatchObject({ kind: "review-signoff", by: "Forum reviewer", details: { note: "Agreed at the forum meeting.", capacity: "reviewer" } });
      expect(await audits("revisit.review-signed-off", id)).toHaveLength(1);
    });

    it("goes stale when an officer changes the questions in the survey builder", async () => {
      const { id, surveyId } = await newRevisit();
      expect(await signOff(db(), { revisitId: id, note: "", by: people.admin, now })).toEqual({ ok: true, capacity: "cover" });
      expect(await status(id, surveyId)).toMatchObject({ ready: true, signoff: { by: "Portal administrator", current: true } });
      const edited = await editSurvey(db(), {
        surveyId,
        now,
        by: { userId: people.officer.userId },
        action: "survey.question-updated",
        edit: (d) => {
          const copy = structuredClone(d);
          copy.pages.at(-2)!.questions[0]!.required = true;
          return { ok: true, definition: copy };
        },
      });
      expect(edited).toMatchObject({ ok: true, changed: true });
      expect(await status(id, surveyId)).toMatchObject({ ready: false, signoff: { current: false } });
    });

    it("only forum reviewers (and administrators covering) sign off", async () => {
      const { id } = await newRevisit();
      for (const by of [people.officer, people.member]) {
        expect(await signOff(db(), { revisitId: id, note: "", by, now })).toEqual({ ok: false, reason: "forbidden" });
      }
      expect(await db().selectFrom("revisit_signoff").select("id").where("revisit_id", "=", id).execute()).toEqual([]);
    });
  });
});
