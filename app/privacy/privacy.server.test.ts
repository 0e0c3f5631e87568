import { beforeAll, describe, expect, it } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { seedReferenceData } from "../../db/seed";
import { seedDemoArea } from "../../db/seed/area";
import { describeDb } from "../../tests/setup/database";
import { pino } from "pino";
import { newReference } from "../feedback/reference";
import {
  erasePersonData,
  exportPersonData,
  findPersonData,
  getRetentionMonths,
  retentionPreview,
  runRetentionSweep,
  setRetentionMonths,
} from "./privacy.server";
import { startRetentionWorker } from "./worker.server";
import { en, type SurveyDefinition } from "../surveys/definition";
import { findSurveyBySlug } from "../surveys/responses.server";
import { createSurvey } from "../surveys/surveys.server";

const question = (key: string, type: SurveyDefinition["pages"][number]["questions"][number]["type"], options: string[] = []) => ({
  key,
  type,
  required: false,
  text: en(key),
  hint: [],
  options: options.map((value) => ({ value, label: en(value) })),
  allowDontKnow: false,
});

const surveyDefinition: SurveyDefinition = {
  title: en("Retention test"),
  purpose: en("Purpose"),
  howUsed: en("How"),
  estimatedMinutes: 2,
  pages: [
    { key: "p1", title: [], questions: [question("helped", "yes_no_not_sure"), question("what", "multiple_choice", ["speech", "ot"])] },
    { key: "p2", title: [], questions: [question("better", "long_text"), question("name", "short_text")] },
  ],
};

describeDb("data protection", ({ db }) => {
  let admin: string;
  let concernId: number;
  let groupId: number;

  beforeAll(async () => {
    await seedReferenceData(db());
    await seedDemoArea(db());
    admin = (
      await db()
        .insertInto("app_user")
        .values({ email: "privacy-admin@test.local", name: "Admin", role: "admin", password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    concernId = (await db().selectFrom("area_of_concern").select("id").orderBy("number").executeTakeFirstOrThrow()).id;
    groupId = (await db().selectFrom("working_group").select("id").orderBy("number").executeTakeFirstOrThrow()).id;
  });

  async function item(
    d: Kysely<Database>,
    {
      createdAt,
      email = null,
      body = "My son waits too long",
      flag,
    }: { createdAt: string; email?: string | null; body?: string; flag?: "open" | "in_progress" | "closed" },
  ) {
    const row = await d
      .insertInto("feedback_item")
      .values({
        reference: newReference(),
        source: "general",
        body,
        status: "with_group",
        respondent: "parent_carer",
        topic: "education",
        working_group_id: groupId,
        contact_email: email,
        contact_consent_at: email ? createdAt : null,
        themes: ["waiting times"],
        created_at: createdAt,
        updated_at: createdAt,
      })
      .returning(["id", "reference"])
      .executeTakeFirstOrThrow();
    await d.insertInto("feedback_item_concern").values({ feedback_item_id: row.id, area_of_concern_id: concernId }).execute();
    await d
      .insertInto("feedback_event")
      .values({
        feedback_item_id: row.id,
        kind: "note",
        note: "Rang the mother, she said her son is upset",
        details: "{}",
        created_at: createdAt,
      })
      .execute();
    if (flag) {
      await d
        .insertInto("safeguarding_flag")
        .values({
          source: "page_feedback",
          feedback_item_id: row.id,
          matched: JSON.stringify(["hits me"]),
          raised_by: "auto",
          status: flag,
          updated_at: createdAt,
        })
        .execute();
    }
    return row;
  }

  const get = (id: string) => db().selectFrom("feedback_item").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const by = () => ({ userId: admin, requestId: "test" });

  describe("retention", () => {
    it("is 24 months until an admin changes it, and a change is audited", async () => {
      expect(await getRetentionMonths(db())).toBe(24);
      expect(await setRetentionMonths(db(), { months: 36, by: by() })).toEqual({ changed: true });
      expect(await getRetentionMonths(db())).toBe(36);
      expect(await setRetentionMonths(db(), { months: 36, by: by() })).toEqual({ changed: false });
      const audit = await db().selectFrom("audit_log").select(["details"]).where("action", "=", "privacy.retention-changed").execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toEqual({ from: 24, to: 36 });
      await setRetentionMonths(db(), { months: 24, by: by() });
    });

    it("anonymises what is due by the UK date, keeps what counts, holds open safeguarding cases, and clears old rate limits", async () => {
      // Tuesday 27 October 2026, 00:00 UK (GMT since the 25th).
      const now = new Date("2026-10-27T00:00:00Z");
      // 00:30 BST on 27 October 2024: 23:30 UTC the day before. Due today.
      const due = await item(db(), { createdAt: "2024-10-26T23:30:00Z", email: "Due.Person@Example.org" });
      // 00:00 UK on 28 October 2024: due tomorrow.
      const notYet = await item(db(), { createdAt: "2024-10-28T00:00:00Z", email: "not.yet@example.org" });
      const open = await item(db(), { createdAt: "2023-01-10T10:00:00Z", flag: "open" });
      const inProgress = await item(db(), { createdAt: "2023-01-10T10:00:00Z", flag: "in_progress" });
      const closed = await item(db(), { createdAt: "2023-01-10T10:00:00Z", flag: "closed" });
      await db()
        .insertInto("rate_limit")
        .values([
          { key: "page-feedback:ip:203.0.113.9", count: 3, reset_at: new Date("2026-10-26T23:50:00Z") },
          { key: "page-feedback:ip:203.0.113.10", count: 1, reset_at: new Date("2026-10-27T00:05:00Z") },
        ])
        .execute();

      const preview = await retentionPreview(db(), now);
      expect(preview).toMatchObject({ months: 24, due: 2, held: 2 });

      const result = await runRetentionSweep(db(), { now, by: { userId: null } });
      expect(result).toMatchObject({ months: 24, anonymised: 2, held: 2, rateLimitsCleared: 1 });

      const after = await get(due.id);
      expect(after).toMatchObject({
        body: "",
        contact_email: null,
        contact_consent_at: null,
        status: "with_group",
        respondent: "parent_carer",
        topic: "education",
        working_group_id: groupId,
        themes: ["waiting times"],
      });
      expect(after.anonymised_at).toEqual(now);
      expect(after.created_at).toEqual(new Date("2024-10-26T23:30:00Z"));
      expect(
        await db().selectFrom("feedback_item_concern").select("area_of_concern_id").where("feedback_item_id", "=", due.id).execute(),
      ).toHaveLength(1);
      const events = await db().selectFrom("feedback_event").select(["kind", "note"]).where("feedback_item_id", "=", due.id).execute();
      expect(events).toEqual([{ kind: "note", note: "" }]);

      expect(await get(notYet.id)).toMatchObject({ contact_email: "not.yet@example.org", anonymised_at: null });
      expect((await get(open.id)).body).toBe("My son waits too long");
      expect((await get(inProgress.id)).body).toBe("My son waits too long");
      expect((await get(closed.id)).body).toBe("");
      expect(await db().selectFrom("rate_limit").select("key").where("key", "like", "page-feedback:ip:203.0.113.%").execute()).toEqual([
        { key: "page-feedback:ip:203.0.113.10" },
      ]);

      const audit = await db()
        .selectFrom("audit_log")
        .select(["user_id", "details"])
        .where("action", "=", "privacy.retention-run")
        .execute();
      expect(audit).toEqual([
        {
          user_id: null,
          details: { months: 24, anonymised: 2, held: 2, surveyResponses: 0, surveyAnswersRemoved: 0, surveyHeld: 0, automatic: true },
        },
      ]);

      // Nothing new is due a second later; an automatic run that changes nothing is not audited.
      expect(await runRetentionSweep(db(), { now: new Date(now.getTime() + 1000), by: { userId: null } })).toMatchObject({
        anonymised: 0,
        held: 2,
      });
      expect(await db().selectFrom("audit_log").select("id").where("action", "=", "privacy.retention-run").execute()).toHaveLength(1);
      // The next day, the other one is due.
      expect(await runRetentionSweep(db(), { now: new Date("2026-10-28T00:00:00Z"), by: by() })).toMatchObject({ anonymised: 1 });
    });

    it("removes survey answers written in people's own words by the UK date, keeps choices, and holds open safeguarding cases", async () => {
      await createSurvey(db(), {
        slug: "retention-survey",
        audience: "parent_carer",
        series: "retention",
        access: "open_link",
        status: "scheduled",
        opensAt: new Date("2024-01-01T00:00:00Z"),
        closesAt: new Date("2024-12-31T00:00:00Z"),
        definition: surveyDefinition,
      });
      const survey = (await findSurveyBySlug(db(), "retention-survey"))!;
      const response = async ({ submittedAt, status = "submitted" }: { submittedAt: string; status?: "draft" | "submitted" }) => {
        const row = await db()
          .insertInto("survey_response")
          .values({
            survey_id: survey.id,
            version_id: survey.versionId!,
            status,
            reference: status === "submitted" ? `SV-${Math.random().toString(36).slice(2, 10).toUpperCase()}` : null,
            started_at: submittedAt,
            updated_at: submittedAt,
            submitted_at: status === "submitted" ? submittedAt : null,
            district: "north",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db()
          .insertInto("survey_answer")
          .values([
            { response_id: row.id, question_key: "helped", value: JSON.stringify("yes"), updated_at: submittedAt },
            { response_id: row.id, question_key: "what", value: JSON.stringify(["speech", "ot"]), updated_at: submittedAt },
            {
              response_id: row.id,
              question_key: "better",
              value: JSON.stringify("Our worker Jo Bloggs never rings back"),
              updated_at: submittedAt,
            },
            { response_id: row.id, question_key: "name", value: JSON.stringify("Sam"), updated_at: submittedAt },
          ])
          .execute();
        return row.id;
      };
      const answersOf = async (id: string) =>
        Object.fromEntries(
          (await db().selectFrom("survey_answer").select(["question_key", "value"]).where("response_id", "=", id).execute()).map((a) => [
            a.question_key,
            a.value,
          ]),
        );
      // Sunday 29 March 2026 (the clocks go forward at 01:00), 00:30 UK time: GMT, so 00:30 UTC.
      const now = new Date("2026-03-29T00:30:00Z");
      // 23:30 UTC on 28 March 2024 is 23:30 GMT: the UK date is the 28th. Due (24 months).
      const due = await response({ submittedAt: "2024-03-28T23:30:00Z" });
      // 00:00 GMT on 31 March 2024 (the clocks went forward at 01:00 that day): not due until 31 March 2026.
      const notYet = await response({ submittedAt: "2024-03-31T00:00:00Z" });
      // 23:30 UTC on 31 March 2024 is 00:30 BST on 1 April: the UK date is 1 April.
      const april = await response({ submittedAt: "2024-03-31T23:30:00Z" });
      // The UK date is the 29th (00:10 GMT): due today, at 00:00 UK time.
      const today = await response({ submittedAt: "2024-03-29T00:10:00Z" });
      const draft = await response({ submittedAt: "2023-01-01T10:00:00Z", status: "draft" });
      const held = await response({ submittedAt: "2023-01-01T10:00:00Z" });
      await db()
        .insertInto("safeguarding_flag")
        .values({
          source: "survey_answer",
          response_id: held,
          question_key: "better",
          matched: JSON.stringify(["hits me"]),
          raised_by: "auto",
          status: "in_progress",
        })
        .execute();

      const preview = await retentionPreview(db(), now);
      expect(preview).toMatchObject({ surveyDue: 2, surveyHeld: 1 });
      const result = await runRetentionSweep(db(), { now, by: by() });
      expect(result).toMatchObject({ surveyResponses: 2, surveyAnswersRemoved: 4, surveyHeld: 1 });

      // Choices stay for counts; the words, short and long, are gone.
      const kept = { helped: "yes", what: ["speech", "ot"] };
      expect(await answersOf(due)).toEqual(kept);
      expect(await answersOf(today)).toEqual(kept);
      const row = await db()
        .selectFrom("survey_response")
        .select(["district", "status", "free_text_removed_at"])
        .where("id", "=", due)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ district: "north", status: "submitted", free_text_removed_at: now });
      const all = { ...kept, better: "Our worker Jo Bloggs never rings back", name: "Sam" };
      expect(await answersOf(notYet)).toEqual(all);
      expect(await answersOf(draft)).toEqual(all);
      expect(await answersOf(held)).toEqual(all);

      const audit = await db()
        .selectFrom("audit_log")
        .select("details")
        .where("action", "=", "privacy.retention-run")
        .orderBy("at", "desc")
        .executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ surveyResponses: 2, surveyAnswersRemoved: 4, surveyHeld: 1 });

      // Once the lead closes the case, the next run removes its words too; on the 31st the other one.
      await db().updateTable("safeguarding_flag").set({ status: "closed", closed_note: "Done" }).where("response_id", "=", held).execute();
      expect(await runRetentionSweep(db(), { now, by: by() })).toMatchObject({ surveyResponses: 1, surveyHeld: 0 });
      expect(await answersOf(held)).toEqual(kept);
      // 23:59:59 BST on 30 March 2026, then 00:00 BST on the 31st.
      expect(await runRetentionSweep(db(), { now: new Date("2026-03-30T22:59:59Z"), by: by() })).toMatchObject({ surveyResponses: 0 });
      expect(await runRetentionSweep(db(), { now: new Date("2026-03-30T23:00:00Z"), by: by() })).toMatchObject({ surveyResponses: 1 });
      expect(await answersOf(notYet)).toEqual(kept);
      // Still 31 March by UTC all day, but 1 April in the UK from 23:00 UTC.
      expect(await answersOf(april)).toEqual(all);
      expect(await runRetentionSweep(db(), { now: new Date("2026-03-31T22:59:59Z"), by: by() })).toMatchObject({ surveyResponses: 0 });
      expect(await runRetentionSweep(db(), { now: new Date("2026-03-31T23:00:00Z"), by: by() })).toMatchObject({ surveyResponses: 1 });
      expect(await answersOf(april)).toEqual(kept);
    });

    it("a longer setting anonymises less", async () => {
      const now = new Date("2026-12-01T12:00:00Z");
      const row = await item(db(), { createdAt: "2024-11-15T12:00:00Z", email: "longer@example.org" });
      expect((await retentionPreview(db(), now)).due).toBeGreaterThanOrEqual(1);
      await setRetentionMonths(db(), { months: 36, by: by() });
      await runRetentionSweep(db(), { now, by: by() });
      expect((await get(row.id)).contact_email).toBe("longer@example.org");
      await setRetentionMonths(db(), { months: 24, by: by() });
      await runRetentionSweep(db(), { now, by: by() });
      expect((await get(row.id)).contact_email).toBeNull();
    });

    it("runs on a timer in the server process, and stops", async () => {
      const row = await item(db(), { createdAt: "2020-01-01T12:00:00Z", email: "timer@example.org" });
      const stop = startRetentionWorker({
        db: db(),
        logger: pino({ level: "silent" }),
        firstRunMs: 0,
        intervalMs: 60_000,
        clock: () => new Date("2026-11-23T12:00:00Z"),
      });
      for (let i = 0; i < 50 && (await get(row.id)).contact_email !== null; i++) await new Promise((r) => setTimeout(r, 50));
      await stop();
      expect((await get(row.id)).contact_email).toBeNull();
    });
  });

  describe("one person's request", () => {
    const now = new Date("2026-11-23T12:00:00Z");

    async function person(email: string) {
      const first = await item(db(), { createdAt: "2026-09-01T10:00:00Z", email, body: "Words from the first message" });
      const second = await item(db(), {
        createdAt: "2026-10-01T10:00:00Z",
        email: email.toUpperCase(),
        body: "Words from the second message",
      });
      const held = await item(db(), { createdAt: "2026-10-05T10:00:00Z", email, body: "He hits me", flag: "open" });
      const other = await item(db(), { createdAt: "2026-10-01T10:00:00Z", email: `other-${email}`, body: "Someone else" });
      await db()
        .insertInto("outbox")
        .values([
          {
            kind: "feedback.received",
            to_address: email,
            subject: `We have your feedback: ${first.reference}`,
            body_text: "Your reference",
            created_at: now,
          },
          // Sent: the address is masked and the body gone, but the subject still names the reference.
          {
            kind: "feedback.received",
            to_address: "x***@example.org",
            subject: `We have your feedback: ${second.reference}`,
            body_text: "",
            status: "sent",
            created_at: now,
          },
          { kind: "survey_resume", to_address: email.toUpperCase(), subject: "Your survey code", body_text: "Code ABCD", created_at: now },
          {
            kind: "feedback.received",
            to_address: `other-${email}`,
            subject: `We have your feedback: ${other.reference}`,
            body_text: "x",
            created_at: now,
          },
        ])
        .execute();
      const survey = await db()
        .insertInto("survey")
        .values({ slug: `privacy-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, audience: "parent_carer", series: "privacy" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("survey_invitation")
        .values([
          { survey_id: survey.id, code_hash: `hash-${Math.random()}`, label: email },
          { survey_id: survey.id, code_hash: `hash-${Math.random()}`, label: "Year 6 parents" },
        ])
        .execute();
      return { first, second, held, other };
    }

    it("finds what is held by email address, whatever its case, without the words or the address", async () => {
      const { first, second, held } = await person("find.me@example.org");
      const data = await findPersonData(db(), { kind: "email", email: "find.me@example.org" });
      expect(data.items.map((i) => i.reference)).toEqual([first.reference, second.reference, held.reference]);
      expect(data.items.map((i) => i.safeguardingOpen)).toEqual([false, false, true]);
      expect(data.outbox.map((o) => o.kind).sort()).toEqual(["feedback.received", "feedback.received", "survey_resume"]);
      expect(data.invitations).toHaveLength(1);
      expect(JSON.stringify(data)).not.toContain("Words from");
      expect(JSON.stringify(data)).not.toContain("find.me");
    });

    it("finds by reference: that item, and messages to the address it gave", async () => {
      const { second } = await person("by.reference@example.org");
      const data = await findPersonData(db(), { kind: "reference", reference: second.reference });
      expect(data.items.map((i) => i.reference)).toEqual([second.reference]);
      expect(data.outbox).toHaveLength(3);
    });

    it("exports everything held, with the words of flagged items withheld, and audits it without the address", async () => {
      const { first, held } = await person("export.me@example.org");
      const document = await exportPersonData(db(), { query: { kind: "email", email: "export.me@example.org" }, by: by(), now });
      expect(document.generatedAt).toBe(now.toISOString());
      expect(document.feedback).toHaveLength(3);
      const mine = document.feedback.find((f) => f.reference === first.reference)!;
      expect(mine).toMatchObject({
        body: "Words from the first message",
        contact_email: "export.me@example.org",
        respondent: "parent_carer",
        themes: ["waiting times"],
      });
      expect(mine.areasOfConcern).toHaveLength(1);
      expect(mine.history).toEqual([expect.objectContaining({ kind: "note", note: "Rang the mother, she said her son is upset" })]);
      const flagged = document.feedback.find((f) => f.reference === held.reference)!;
      expect(flagged.body).toMatch(/^\[withheld/);
      expect(flagged.history[0]!.note).toMatch(/^\[withheld/);
      expect(document.emails).toHaveLength(3);
      expect(document.surveyInvitations).toEqual([expect.objectContaining({ label: "export.me@example.org" })]);

      const audit = await db().selectFrom("audit_log").select(["details", "user_id"]).where("action", "=", "privacy.exported").execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.user_id).toBe(admin);
      expect(audit[0]!.details).toMatchObject({ searchedBy: "email", feedback: 3, emails: 3, invitations: 1 });
      expect(JSON.stringify(audit[0]!.details)).not.toContain("export.me");
    });

    it("erases in one go: words, address and notes gone, emails deleted, invitation labels cleared, open safeguarding kept, nobody else touched", async () => {
      const { first, second, held, other } = await person("erase.me@example.org");
      const result = await erasePersonData(db(), { query: { kind: "email", email: "Erase.Me@example.org" }, by: by(), now });
      expect(result).toEqual({ anonymised: 2, held: 1, emails: 3, invitations: 1 });
      for (const id of [first.id, second.id]) {
        expect(await get(id)).toMatchObject({
          body: "",
          contact_email: null,
          contact_consent_at: null,
          status: "with_group",
          working_group_id: groupId,
        });
        expect((await get(id)).anonymised_at).toEqual(now);
      }
      expect(await get(held.id)).toMatchObject({ body: "He hits me", contact_email: "erase.me@example.org" });
      expect(await get(other.id)).toMatchObject({ body: "Someone else", contact_email: "other-erase.me@example.org" });
      expect(await db().selectFrom("outbox").select("id").where("to_address", "=", "other-erase.me@example.org").execute()).toHaveLength(1);
      expect(
        await db()
          .selectFrom("outbox")
          .select("id")
          .where((eb) => eb.or([eb("to_address", "ilike", "erase.me@example.org"), eb("subject", "like", `%${second.reference}%`)]))
          .execute(),
      ).toHaveLength(0);
      expect(await db().selectFrom("survey_invitation").select("id").where("label", "=", "erase.me@example.org").execute()).toHaveLength(0);

      const audit = await db().selectFrom("audit_log").select(["details"]).where("action", "=", "privacy.erased").execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({ searchedBy: "email", anonymised: 2, held: 1, emails: 3, invitations: 1 });
      expect(JSON.stringify(audit[0]!.details)).not.toMatch(/erase\.me/i);

      // What is left to find: only the item kept for safeguarding.
      const left = await findPersonData(db(), { kind: "email", email: "erase.me@example.org" });
      expect(left.items.map((i) => i.reference)).toEqual([held.reference]);
      expect(left.outbox).toHaveLength(0);
    });

    it("exports the files a person sent, with the response they were given, and erases the files with the words", async () => {
      const { first } = await person("files.me@example.org");
      const drawing = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      await db()
        .insertInto("feedback_attachment")
        .values({ feedback_item_id: first.id, kind: "drawing", media_type: "image/png", byte_size: drawing.length, content: drawing })
        .execute();
      await db()
        .insertInto("feedback_response")
        .values({ feedback_item_id: first.id, outcome: "will_do", plain: "We will fix the bus times.", written_at: now, approved_at: now })
        .execute();
      const document = await exportPersonData(db(), { query: { kind: "email", email: "files.me@example.org" }, by: by(), now });
      const mine = document.feedback.find((f) => f.reference === first.reference)!;
      expect(mine.files).toEqual([expect.objectContaining({ kind: "drawing", mediaType: "image/png", bytes: drawing.length })]);
      expect(Buffer.from(String(mine.files[0]!.content), "base64")).toEqual(Buffer.from(drawing));
      expect(mine.response).toMatchObject({ outcome: "will_do", plain: "We will fix the bus times." });

      await erasePersonData(db(), { query: { kind: "email", email: "files.me@example.org" }, by: by(), now });
      expect(await db().selectFrom("feedback_attachment").select("id").where("feedback_item_id", "=", first.id).execute()).toEqual([]);
    });

    it("exports the actions and tasks an item was linked to, and erasing keeps those links for the counts", async () => {
      const { first } = await person("links.me@example.org");
      const action = await db().selectFrom("action").select(["id", "letter", "title"]).where("letter", "=", "H").executeTakeFirstOrThrow();
      const task = await db().selectFrom("task").select(["id", "code"]).where("code", "=", "H4").executeTakeFirstOrThrow();
      await db().insertInto("feedback_item_action").values({ feedback_item_id: first.id, action_id: action.id }).execute();
      await db().insertInto("feedback_item_task").values({ feedback_item_id: first.id, task_id: task.id }).execute();
      const document = await exportPersonData(db(), { query: { kind: "email", email: "links.me@example.org" }, by: by(), now });
      const mine = document.feedback.find((f) => f.reference === first.reference)!;
      expect(mine.actions).toEqual([{ letter: "H", title: action.title }]);
      expect(mine.tasks).toEqual([expect.objectContaining({ code: "H4" })]);

      await erasePersonData(db(), { query: { kind: "email", email: "links.me@example.org" }, by: by(), now });
      expect((await get(first.id)).body).toBe("");
      expect(await db().selectFrom("feedback_item_action").select("action_id").where("feedback_item_id", "=", first.id).execute()).toEqual([
        { action_id: action.id },
      ]);
      expect(await db().selectFrom("feedback_item_task").select("task_id").where("feedback_item_id", "=", first.id).execute()).toEqual([
        { task_id: task.id },
      ]);
    });

    it("is all or nothing: when the transaction fails, nothing has been erased", async () => {
      const { first } = await person("rollback@example.org");
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await erasePersonData(trx, { query: { kind: "email", email: "rollback@example.org" }, by: by(), now });
            throw new Error("the disk is full");
          }),
      ).rejects.toThrow("the disk is full");
      expect(await get(first.id)).toMatchObject({ contact_email: "rollback@example.org", body: "Words from the first message" });
      expect(await db().selectFrom("outbox").select("id").where("to_address", "ilike", "rollback@example.org").execute()).toHaveLength(2);
    });
  });
});
