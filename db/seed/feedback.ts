import type { Kysely } from "kysely";
import { GENERAL_SOURCE, RESPONSE_TARGET_WORKING_DAYS } from "../../app/feedback/general";
import { newReference } from "../../app/feedback/reference";
import { loadHolidays } from "../../app/revisits/revisits.server";
import { ukToday } from "../../app/surveys/uk-time";
import { addWorkingDays } from "../../app/revisits/timeline";
import type { Database, FeedbackRespondent, FeedbackTopic } from "../schema";

/**
 * Demo feedback sent at /feedback (docs/decisions/021-feedback-front-door-and-triage.md),
 * so the officers' inbox shows each state: new, overdue, with a group, signposted and
 * closed, in both formats. Fictional words; no contact details. Dates are days before "now".
 */
interface DemoFeedback {
  daysAgo: number;
  respondent: FeedbackRespondent;
  district: string | null;
  topic: FeedbackTopic | null;
  format: "standard" | "easy_read";
  face: number | null;
  body: string;
  status: "received" | "with_group" | "closed" | "signposted";
  group: string | null;
  note: string;
  /** The demo co-production activity (by title) it fed into, if any (docs/decisions/027). */
  coproduction?: string;
}

export const demoFeedback: DemoFeedback[] = [
  {
    daysAgo: 45,
    respondent: "parent_carer",
    district: "burnley",
    topic: "education",
    format: "standard",
    face: null,
    body: "We asked for an EHC needs assessment in March and have heard nothing since. Nobody answers the phone at the SEND team.",
    status: "received",
    group: null,
    note: "",
    coproduction: "EHC plan letters: making them easier to read",
  },
  {
    daysAgo: 16,
    respondent: "professional",
    district: "lancaster",
    topic: "health",
    format: "standard",
    face: null,
    body: "Families I work with in the north of the county are waiting over two years for an autism diagnosis.",
    status: "with_group",
    group: "commissioning-and-access-to-provision",
    note: "",
    coproduction: "Autism assessment waiting list: what to tell families",
  },
  {
    daysAgo: 9,
    respondent: "parent_carer",
    district: "preston",
    topic: "education",
    format: "standard",
    face: null,
    body: "My daughter's school has put her on a part-time timetable and I don't know who to ask about it.",
    status: "signposted",
    group: null,
    note: "Gave the number of the SEND information, advice and support service (SENDIASS), who can help straight away.",
  },
  {
    daysAgo: 40,
    respondent: "parent_carer",
    district: null,
    topic: "local_offer",
    format: "standard",
    face: null,
    body: "The local offer page for the Saturday club has the wrong phone number.",
    status: "closed",
    group: "engagement",
    note: "The provider corrected the number; the page was checked.",
  },
  {
    daysAgo: 5,
    respondent: "young_person",
    district: null,
    topic: null,
    format: "easy_read",
    face: 2,
    body: "The bus to college is late every day and I miss the start of my lessons.",
    status: "received",
    group: null,
    note: "",
  },
  {
    daysAgo: 2,
    respondent: "other",
    district: null,
    topic: "partnership",
    format: "standard",
    face: null,
    body: "It would help to have forum meetings in the evening so working parents can come.",
    status: "received",
    group: null,
    note: "",
  },
];

export async function seedDemoFeedback(db: Kysely<Database>, now: Date): Promise<void> {
  const existing = await db.selectFrom("feedback_item").select("id").where("source", "=", GENERAL_SOURCE).limit(1).executeTakeFirst();
  if (existing) return;
  const [holidays, groups, districts, officer] = await Promise.all([
    loadHolidays(db),
    db.selectFrom("working_group").select(["id", "slug"]).execute(),
    db.selectFrom("district").select(["id", "slug"]).execute(),
    db.selectFrom("app_user").select("id").where("email", "=", "officer@demo.local").executeTakeFirst(),
  ]);
  for (const f of demoFeedback) {
    const at = new Date(now.getTime() - f.daysAgo * 86_400_000);
    const groupId = f.group ? groups.find((g) => g.slug === f.group)?.id ?? null : null;
    const item = await db
      .insertInto("feedback_item")
      .values({
        reference: newReference(),
        source: GENERAL_SOURCE,
        body: f.body,
        status: f.status,
        respondent: f.respondent,
        district_id: f.district ? districts.find((d) => d.slug === f.district)?.id ?? null : null,
        topic: f.topic,
        format: f.format,
        face: f.face,
        working_group_id: groupId,
        target_date: addWorkingDays(ukToday(at), RESPONSE_TARGET_WORKING_DAYS, holidays),
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const activity = f.coproduction
      ? await db.selectFrom("coproduction_activity").select(["id", "title"]).where("title", "=", f.coproduction).executeTakeFirst()
      : undefined;
    if (activity) await db.insertInto("coproduction_activity_feedback").values({ activity_id: activity.id, feedback_item_id: item.id }).execute();
    // The history an officer would have left: given to a group, then the status it has now.
    const events = [
      ...(groupId
        ? [{ kind: "assigned" as const, from_status: "received", to_status: "with_group", working_group_id: groupId, note: "" }]
        : []),
      ...(f.status === "closed" || f.status === "signposted"
        ? [
            {
              kind: "status" as const,
              from_status: groupId ? "with_group" : "received",
              to_status: f.status,
              working_group_id: null,
              note: f.note,
            },
          ]
        : []),
      ...(activity
        ? [{ kind: "coproduction_linked" as const, from_status: null, to_status: null, working_group_id: null, note: activity.title }]
        : []),
    ];
    for (const [i, e] of events.entries()) {
      await db
        .insertInto("feedback_event")
        .values({
          feedback_item_id: item.id,
          ...e,
          details: "{}",
          by_user_id: officer?.id ?? null,
          created_at: new Date(at.getTime() + (i + 1) * 3_600_000),
        })
        .execute();
    }
  }
}
