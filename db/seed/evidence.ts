import type { Kysely } from "kysely";
import { GENERAL_SOURCE } from "../../app/feedback/general";
import { newReference } from "../../app/feedback/reference";
import { instantToUkLocal } from "../../app/surveys/uk-time";
import type { Database, Rag } from "../schema";
import { demoFeedback } from "./feedback";

/**
 * Demo data that gives the evidence pack something to show (docs/decisions/026-evidence-pack.md):
 * progress updates over the last year, the demo feedback linked to areas of concern and
 * themes as an officer would have done, a year of engagement feedback that was dealt with
 * (most of it answered, for the dashboard's response times: docs/decisions/033-dashboard.md),
 * and one "You said, we did" written from it. Dates are days before "now". Fictional
 * words, no contact details, nothing that names a person.
 */

interface DemoUpdate {
  code: string;
  daysAgo: number;
  outcome: string;
  evidence: string | null;
}

/** The newest update on a task gives the task's rating now; older ones one step behind. */
export const demoUpdates: DemoUpdate[] = [
  {
    code: "H1",
    daysAgo: 200,
    outcome: "The communication plan was reviewed with the parent carer forum; two changes agreed.",
    evidence: "https://example.org/lancashire/communication-plan-review",
  },
  {
    code: "H3",
    daysAgo: 90,
    outcome: "Forum meetings now alternate between daytime and evening, after feedback from working parents.",
    evidence: null,
  },
  {
    code: "H5",
    daysAgo: 30,
    outcome: "The termly newsletter now goes to every family on the local offer mailing list.",
    evidence: "https://example.org/lancashire/newsletter-autumn",
  },
  {
    code: "B1",
    daysAgo: 150,
    outcome: "The needs analysis was refreshed with this year's school census and health data.",
    evidence: "https://example.org/lancashire/jsna-refresh",
  },
  { code: "D2", daysAgo: 120, outcome: "The draft commissioning plan was shared with the forum for comment.", evidence: null },
  {
    code: "E3",
    daysAgo: 60,
    outcome: "The neurodevelopmental pathway is live in two of the four health areas; waits are falling.",
    evidence: "https://example.org/lancashire/nd-pathway-update",
  },
  {
    code: "J2",
    daysAgo: 75,
    outcome: "The graduated approach guidance was published, written with parents and SENCOs.",
    evidence: "https://example.org/lancashire/graduated-approach",
  },
  { code: "K1", daysAgo: 45, outcome: "The EHC plan audit found fewer plans missing health advice than last year.", evidence: null },
  { code: "L1", daysAgo: 20, outcome: "Inclusion advisers visited the twelve schools with the most exclusions.", evidence: null },
  { code: "G2", daysAgo: 100, outcome: "Health checks for children in care with SEND were moved to a single clinic.", evidence: null },
];

/** The area(s) and themes an officer gave each item of the demo feedback (by its place in demoFeedback). */
const demoLinks: { index: number; areas: number[]; themes: string[] }[] = [
  { index: 0, areas: [5], themes: ["ehc needs assessment", "communication"] },
  { index: 1, areas: [7], themes: ["waiting times", "autism"] },
  { index: 2, areas: [10], themes: ["part-time timetables"] },
  { index: 3, areas: [12], themes: ["wrong information"] },
  { index: 4, areas: [11], themes: ["transport"] },
  { index: 5, areas: [4], themes: ["meetings"] },
];

interface OlderFeedback {
  daysAgo: number;
  body: string;
  status: "closed" | "signposted";
  themes: string[];
  /** The group's response, approved by its lead this many days after the item arrived (the dashboard's response times). */
  answered?: { afterDays: number; plain: string };
}

/** A year of feedback about being listened to (area of concern 4), dealt with by the Engagement group. */
export const olderFeedback: OlderFeedback[] = [
  {
    daysAgo: 320,
    body: "We only hear about changes to SEND services after they have happened.",
    status: "closed",
    themes: ["communication"],
    answered: { afterDays: 9, plain: "The termly newsletter will now tell families about changes before they are made, not after." },
  },
  {
    daysAgo: 280,
    body: "The forum meetings are always in the afternoon when I am at work.",
    status: "closed",
    themes: ["meetings"],
    answered: { afterDays: 15, plain: "From next term, forum meetings will take turns between the daytime and the evening." },
  },
  {
    daysAgo: 240,
    body: "Please send the newsletter by email as well as on the website.",
    status: "closed",
    themes: ["communication", "newsletter"],
    answered: { afterDays: 20, plain: "The newsletter now goes by email to everyone who asks for it, as well as being on the website." },
  },
  {
    daysAgo: 190,
    body: "Nobody told us the outcome of the consultation we took part in.",
    status: "closed",
    themes: ["communication"],
    answered: { afterDays: 27, plain: "Everyone who takes part in a consultation will now get a letter or email saying what was decided and why." },
  },
  {
    daysAgo: 150,
    body: "It would help to have the meeting papers a week before, in plain English.",
    status: "closed",
    themes: ["meetings", "plain english"],
    answered: { afterDays: 34, plain: "Papers now go out seven days before each meeting, with a short summary in plain English at the top." },
  },
  {
    daysAgo: 110,
    body: "My question was about my son's school transport, not the partnership.",
    status: "signposted",
    themes: ["communication"],
  },
  { daysAgo: 70, body: "Where can I find out what the SEND board decided this term?", status: "signposted", themes: ["communication"] },
];

const YSWD = {
  youSaid:
    "Parents said they only heard about changes to SEND services after they had happened, and that forum meetings were at times working parents could not come.",
  weDid:
    "The termly newsletter now goes to every family on the local offer mailing list before changes are made, and forum meetings alternate between daytime and evening.",
  action: "We will ask families in the spring survey whether they now hear about changes in time.",
  daysAgo: 25,
};

const previous: Record<Rag, Rag> = { blue: "green", green: "amber", amber: "red", red: "red", not_started: "not_started" };

export async function seedDemoEvidence(db: Kysely<Database>, now: Date): Promise<void> {
  const marker = await db.selectFrom("feedback_item").select("id").where("body", "=", olderFeedback[0]!.body).executeTakeFirst();
  if (marker) return;
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const [tasks, concerns, engagement, officer] = await Promise.all([
    db.selectFrom("task").select(["id", "code", "rag"]).execute(),
    db.selectFrom("area_of_concern").select(["id", "number"]).execute(),
    db.selectFrom("working_group").select("id").where("slug", "=", "engagement").executeTakeFirst(),
    db.selectFrom("app_user").select("id").where("email", "=", "officer@demo.local").executeTakeFirst(),
  ]);
  const concernId = (number: number) => concerns.find((c) => c.number === number)?.id;

  for (const update of demoUpdates) {
    const task = tasks.find((t) => t.code === update.code);
    if (!task) continue;
    const newest = !demoUpdates.some((u) => u.code === update.code && u.daysAgo < update.daysAgo);
    await db
      .insertInto("task_update")
      .values({
        task_id: task.id,
        at: instantToUkLocal(daysAgo(update.daysAgo)).date,
        rag: newest ? task.rag : previous[task.rag],
        outcome: update.outcome,
        evidence_url: update.evidence,
        created_by: officer?.id ?? null,
        created_at: daysAgo(update.daysAgo),
      })
      .execute();
  }

  const lead = await db.selectFrom("app_user").select("id").where("email", "=", "engagement-lead@demo.local").executeTakeFirst();
  const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
  /** Given to Engagement, answered in plain words, approved by the group's lead, then closed: the history triage would leave. */
  const answer = async (itemId: string, at: Date, { afterDays, plain }: { afterDays: number; plain: string }) => {
    const approvedAt = day(at, afterDays);
    await db
      .insertInto("feedback_response")
      .values({
        feedback_item_id: itemId,
        outcome: "done",
        plain,
        written_by: lead?.id ?? null,
        written_at: day(at, afterDays - 1),
        approved_by: lead?.id ?? null,
        approved_at: approvedAt,
      })
      .execute();
    const events = [
      { kind: "assigned" as const, from_status: "received", to_status: "with_group", working_group_id: engagement?.id ?? null, by: officer, at: day(at, 1) },
      { kind: "response_written" as const, from_status: null, to_status: null, working_group_id: null, by: lead, at: day(at, afterDays - 1) },
      { kind: "response_approved" as const, from_status: "with_group", to_status: "responded", working_group_id: null, by: lead, at: approvedAt },
      { kind: "status" as const, from_status: "responded", to_status: "closed", working_group_id: null, by: officer, at: day(at, afterDays + 2) },
    ];
    for (const e of events)
      await db
        .insertInto("feedback_event")
        .values({
          feedback_item_id: itemId,
          kind: e.kind,
          from_status: e.from_status,
          to_status: e.to_status,
          working_group_id: e.working_group_id,
          note: "",
          details: "{}",
          by_user_id: e.by?.id ?? null,
          created_at: e.at,
        })
        .execute();
  };

  const link = async (itemId: string, areas: number[]) => {
    for (const number of areas) {
      const id = concernId(number);
      if (id)
        await db
          .insertInto("feedback_item_concern")
          .values({ feedback_item_id: itemId, area_of_concern_id: id })
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
  };

  for (const { index, areas, themes } of demoLinks) {
    const item = await db.selectFrom("feedback_item").select("id").where("body", "=", demoFeedback[index]!.body).executeTakeFirst();
    if (!item) continue;
    await db.updateTable("feedback_item").set({ themes }).where("id", "=", item.id).execute();
    await link(item.id, areas);
  }

  let first: string | null = null;
  for (const f of olderFeedback) {
    const at = daysAgo(f.daysAgo);
    const item = await db
      .insertInto("feedback_item")
      .values({
        reference: newReference(),
        source: GENERAL_SOURCE,
        body: f.body,
        status: f.status,
        respondent: "parent_carer",
        topic: "partnership",
        working_group_id: f.status === "closed" ? engagement?.id ?? null : null,
        themes: f.themes,
        target_date: instantToUkLocal(daysAgo(f.daysAgo - 28)).date,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    first ??= item.id;
    await link(item.id, [4]);
    if (f.answered) {
      await answer(item.id, at, f.answered);
      continue;
    }
    await db
      .insertInto("feedback_event")
      .values({
        feedback_item_id: item.id,
        kind: "status",
        from_status: "received",
        to_status: f.status,
        working_group_id: null,
        note: "",
        details: "{}",
        by_user_id: officer?.id ?? null,
        created_at: new Date(at.getTime() + 86_400_000),
      })
      .execute();
  }

  const published = daysAgo(YSWD.daysAgo);
  await db
    .insertInto("you_said_we_did")
    .values({
      year: Number(instantToUkLocal(published).date.slice(0, 4)),
      theme: "development",
      you_said: YSWD.youSaid,
      we_did: YSWD.weDid,
      action: YSWD.action,
      feedback_item_id: first,
      working_group_id: engagement?.id ?? null,
      published_at: published,
      created_by: officer?.id ?? null,
      created_at: published,
      updated_at: published,
    })
    .execute();
}
