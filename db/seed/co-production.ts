import { sql, type Kysely } from "kysely";
import { instantToUkLocal } from "../../app/surveys/uk-time";
import type { CoproductionLevel, CoproductionParticipants, CoproductionStage, CoproductionStatus, CoproductionType, Database } from "../schema";

/**
 * Demo co-production activities (docs/decisions/019-co-production-log.md): one of
 * each state a reader meets: closed with families told and the level confirmed by
 * the forum, published and waiting for the outcome to be shared, and a draft.
 * Dates are days before "now", so the demo always reads as recent. Counts only.
 */

interface DemoActivity {
  title: string;
  daysAgo: number;
  group: string | null;
  type: CoproductionType;
  decisionOpen: string;
  stage: CoproductionStage;
  level: CoproductionLevel;
  participants: CoproductionParticipants;
  accessibility: { interpreter: boolean; bsl: boolean; easy_read: boolean; venue_notes: string };
  familiesSaid: string;
  whatChanged: string;
  whatDidNotChange: string;
  actions: string[];
  tasks: string[];
  evidenceLinks: string[];
  told: { how: string; daysAgo: number } | null;
  status: CoproductionStatus;
  /** Confirmed by the parent carer forum's demo reviewer. */
  confirmed: boolean;
}

const young = (under_11: number, a: number, b: number, c: number) => ({ under_11, "11_15": a, "16_18": b, "19_25": c });

export const demoCoProduction: DemoActivity[] = [
  {
    title: "Short breaks: what families want from Saturday clubs",
    daysAgo: 120,
    group: "engagement",
    type: "workshop",
    decisionOpen: "How the short breaks budget for Saturday clubs is spent from next April.",
    stage: "start",
    level: "co_production",
    participants: { parent_carer: 18, young_person: young(0, 7, 4, 0), practitioner: 5, other: 0 },
    accessibility: { interpreter: true, bsl: false, easy_read: true, venue_notes: "Step-free community centre with a quiet room; young people's session after school." },
    familiesSaid: "Clubs finish too early for working parents, and older young people did not want to be in the same group as much younger children.",
    whatChanged: "Clubs now run until 4pm, and there is a separate club for young people aged 14 and over in three districts.",
    whatDidNotChange: "Families asked for a club in every district. The budget covers three districts this year; the other districts are planned for next year.",
    actions: ["H"],
    tasks: ["H1", "H3"],
    evidenceLinks: ["https://example.org/lancashire/short-breaks-workshop-notes"],
    told: { how: "A letter and an email to everyone who came, and a summary at the next parent carer forum meeting.", daysAgo: 60 },
    status: "closed",
    confirmed: true,
  },
  {
    title: "EHC plan letters: making them easier to read",
    daysAgo: 45,
    group: "identifying-and-meeting-need",
    type: "focus_group",
    decisionOpen: "Which of three new letter templates to use when an EHC needs assessment is agreed.",
    stage: "options",
    level: "consultation",
    participants: { parent_carer: 11, young_person: young(0, 0, 0, 0), practitioner: 3, other: 1 },
    accessibility: { interpreter: true, bsl: true, easy_read: false, venue_notes: "Online, with captions." },
    familiesSaid: "Parents preferred the shortest template, but wanted the timescales and who to contact at the top.",
    whatChanged: "The shortest template is being used, with a box at the top giving the next date and a named team to contact.",
    whatDidNotChange: "Some parents asked for the letter to be sent by text message. The legal notice has to be sent in writing, so it is still sent by post and email.",
    actions: [],
    tasks: [],
    evidenceLinks: [],
    told: null,
    status: "published",
    confirmed: false,
  },
  {
    title: "Participation council: moving on to adult services",
    daysAgo: 30,
    group: "improving-outcomes",
    type: "participation_council_session",
    decisionOpen: "What a young person should be told, and when, about moving from children's to adult health services.",
    stage: "decision",
    level: "participation",
    participants: { parent_carer: 0, young_person: young(0, 0, 9, 6), practitioner: 2, other: 0 },
    accessibility: { interpreter: false, bsl: false, easy_read: true, venue_notes: "College meeting room, after lessons; travel paid." },
    familiesSaid: "Young people wanted to hear about adult services from the age of 14, not 17, and from someone they already know.",
    whatChanged: "Preparing for adulthood conversations now start at the year 9 annual review.",
    whatDidNotChange: "",
    actions: [],
    tasks: [],
    evidenceLinks: [],
    told: null,
    status: "published",
    confirmed: false,
  },
  {
    title: "Autism assessment waiting list: what to tell families",
    daysAgo: 7,
    group: "identifying-and-meeting-need",
    type: "meeting",
    decisionOpen: "How often families on the waiting list are given an update.",
    stage: "delivery",
    level: "information",
    participants: { parent_carer: 6, young_person: young(0, 0, 0, 0), practitioner: 4, other: 0 },
    accessibility: { interpreter: false, bsl: false, easy_read: false, venue_notes: "" },
    familiesSaid: "",
    whatChanged: "",
    whatDidNotChange: "",
    actions: [],
    tasks: [],
    evidenceLinks: [],
    told: null,
    status: "draft",
    confirmed: false,
  },
];

function daysBefore(now: Date, days: number): string {
  return instantToUkLocal(new Date(now.getTime() - days * 86_400_000)).date;
}

/** Adds the demo activities once: a second run finds the first title and does nothing. */
export async function seedDemoCoProduction(db: Kysely<Database>, now: Date): Promise<void> {
  const existing = await db.selectFrom("coproduction_activity").select("id").where("title", "=", demoCoProduction[0]!.title).executeTakeFirst();
  if (existing) return;
  const [groups, actions, tasks, officer, pcf] = await Promise.all([
    db.selectFrom("working_group").select(["id", "slug"]).execute(),
    db.selectFrom("action").select(["id", "letter"]).execute(),
    db.selectFrom("task").select(["id", "code"]).execute(),
    db.selectFrom("app_user").select("id").where("email", "=", "officer@demo.local").executeTakeFirst(),
    db.selectFrom("app_user").select("id").where("email", "=", "pcf@demo.local").executeTakeFirst(),
  ]);
  const at = (days: number) => sql<Date>`${new Date(now.getTime() - days * 86_400_000).toISOString()}::timestamptz`;
  for (const a of demoCoProduction) {
    const row = await db
      .insertInto("coproduction_activity")
      .values({
        title: a.title,
        held_on: daysBefore(now, a.daysAgo),
        working_group_id: groups.find((g) => g.slug === a.group)?.id ?? null,
        type: a.type,
        decision_open: a.decisionOpen,
        families_joined_stage: a.stage,
        level: a.level,
        participants: JSON.stringify(a.participants),
        accessibility: JSON.stringify(a.accessibility),
        families_said: a.familiesSaid,
        what_changed: a.whatChanged,
        what_did_not_change_and_why: a.whatDidNotChange,
        evidence_links: JSON.stringify(a.evidenceLinks),
        told_outcome_how: a.told?.how ?? "",
        told_outcome_on: a.told ? daysBefore(now, a.told.daysAgo) : null,
        level_confirmed_by: a.confirmed ? (pcf?.id ?? null) : null,
        level_confirmed_at: a.confirmed ? at(a.daysAgo - 7) : null,
        status: a.status,
        published_at: a.status === "draft" ? null : at(a.daysAgo - 10),
        created_by: officer?.id ?? null,
        created_at: at(a.daysAgo - 1),
        updated_at: at(a.told ? a.told.daysAgo : a.daysAgo - 1),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const actionIds = actions.filter((x) => a.actions.includes(x.letter)).map((x) => x.id);
    const taskIds = tasks.filter((x) => a.tasks.includes(x.code)).map((x) => x.id);
    if (actionIds.length) await db.insertInto("coproduction_activity_action").values(actionIds.map((action_id) => ({ activity_id: row.id, action_id }))).execute();
    if (taskIds.length) await db.insertInto("coproduction_activity_task").values(taskIds.map((task_id) => ({ activity_id: row.id, task_id }))).execute();
  }
}
