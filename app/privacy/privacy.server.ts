/**
 * Data protection for the feedback loop (docs/decisions/023-data-protection.md): how long
 * feedback is kept (an admin setting), the sweep that anonymises what is older, and one
 * person's data found, exported and erased on request. Every write is one transaction
 * with its audit entry; the audit log never holds an email address or a family's words.
 */
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, timestamp, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { anonymiseBefore, freeTextKeys, parseRetentionMonths, RETENTION_MONTHS_SETTING, type PersonQuery } from "./retention";

type Db = Kysely<Database>;

// ---- The setting ---------------------------------------------------------------------

/** Months feedback is kept before it is anonymised: `app_setting`, else 24. */
export async function getRetentionMonths(db: Db): Promise<number> {
  const row = await db.selectFrom("app_setting").select("value").where("key", "=", RETENTION_MONTHS_SETTING).executeTakeFirst();
  return parseRetentionMonths(row?.value);
}

export async function setRetentionMonths(db: Db, { months, by }: { months: number; by: ChangedBy }): Promise<{ changed: boolean }> {
  return inTransaction(db, async (trx) => {
    const before = await getRetentionMonths(trx);
    if (before === months) return { changed: false };
    await trx
      .insertInto("app_setting")
      .values({ key: RETENTION_MONTHS_SETTING, value: String(months) })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: String(months) }))
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "privacy.retention-changed",
      subjectType: "app_setting",
      subjectId: RETENTION_MONTHS_SETTING,
      details: { from: before, to: months },
      requestId: by.requestId,
    });
    return { changed: true };
  });
}

// ---- Anonymising ---------------------------------------------------------------------

/** For a query on feedback_item: a safeguarding case about it is still open (open or in progress). */
function underOpenSafeguarding(eb: ExpressionBuilder<Database, "feedback_item">) {
  return eb.exists(
    eb
      .selectFrom("safeguarding_flag")
      .select("safeguarding_flag.id")
      .whereRef("safeguarding_flag.feedback_item_id", "=", "feedback_item.id")
      .where("safeguarding_flag.status", "in", ["open", "in_progress"]),
  );
}

/** For a query on feedback_item: anyone has ever flagged it (its words are the safeguarding lead's alone). */
function everFlagged(eb: ExpressionBuilder<Database, "feedback_item">) {
  return eb.exists(
    eb
      .selectFrom("safeguarding_flag")
      .select("safeguarding_flag.id")
      .whereRef("safeguarding_flag.feedback_item_id", "=", "feedback_item.id"),
  );
}

/**
 * Removes the words and contact details of these items, and officers' notes in their
 * history (which may quote the words). Kept: source, kind, page, service, who wrote
 * (parent, young person…), district, topic, face, status, dates, working group, themes,
 * areas of concern, actions and tasks, so the counts and reports stay right. Who on the
 * staff opened the item (feedback_item_seen) is kept too: it says nothing of the family.
 */
async function anonymiseItems(trx: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable("feedback_item")
    .set({ body: "", contact_email: null, contact_consent_at: null, anonymised_at: now, updated_at: timestamp(now) })
    .where("id", "in", ids)
    .execute();
  await trx.updateTable("feedback_event").set({ note: "" }).where("feedback_item_id", "in", ids).where("note", "<>", "").execute();
  // A drawing, photo or recording can show or sound like the person: it goes entirely.
  await trx.deleteFrom("feedback_attachment").where("feedback_item_id", "in", ids).execute();
}

// ---- Survey answers in people's own words ------------------------------------------------

/** For a query on survey_response: a safeguarding case about one of its answers is still open. */
function responseUnderOpenSafeguarding(eb: ExpressionBuilder<Database, "survey_response">) {
  return eb.exists(
    eb
      .selectFrom("safeguarding_flag")
      .select("safeguarding_flag.id")
      .whereRef("safeguarding_flag.response_id", "=", "survey_response.id")
      .where("safeguarding_flag.status", "in", ["open", "in_progress"]),
  );
}

/** Submitted responses submitted before `before` whose free text is still held. */
function surveyResponsesDue(db: Db, before: Date) {
  return db
    .selectFrom("survey_response")
    .where("status", "=", "submitted")
    .where("free_text_removed_at", "is", null)
    .where("submitted_at", "<", before);
}

/**
 * Removes the free-text answers (short and long text questions, `textTypes`) of these
 * responses, as each one's survey version defines them, and records when. Choices,
 * scales, numbers, dates and the "about you" columns stay, so every count still adds up.
 * Returns how many answers were removed.
 */
async function removeSurveyFreeText(trx: Db, rows: { id: string; version_id: string }[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const versions = await trx
    .selectFrom("survey_version")
    .select(["id", "definition"])
    .where("id", "in", [...new Set(rows.map((row) => row.version_id))])
    .execute();
  const textKeys = new Map(versions.map((v) => [v.id, freeTextKeys(v.definition)]));
  let removed = 0;
  for (const [versionId, keys] of textKeys) {
    const ids = rows.filter((row) => row.version_id === versionId).map((row) => row.id);
    if (keys.length === 0) continue;
    const deleted = await trx
      .deleteFrom("survey_answer")
      .where("response_id", "in", ids)
      .where("question_key", "in", keys)
      .executeTakeFirst();
    removed += Number(deleted.numDeletedRows);
  }
  await trx
    .updateTable("survey_response")
    .set({ free_text_removed_at: now })
    .where(
      "id",
      "in",
      rows.map((row) => row.id),
    )
    .execute();
  return removed;
}

/** What the sweep would do at `now`: items due, and items due but kept for an open safeguarding case. */
export async function retentionPreview(db: Db, now: Date) {
  const months = await getRetentionMonths(db);
  const before = anonymiseBefore(now, months);
  const survey = await surveyResponsesDue(db, before)
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere(eb.not(responseUnderOpenSafeguarding(eb)))
        .as("due"),
      eb.fn.countAll<number>().filterWhere(responseUnderOpenSafeguarding(eb)).as("held"),
    ])
    .executeTakeFirstOrThrow();
  const row = await db
    .selectFrom("feedback_item")
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere(eb.not(underOpenSafeguarding(eb)))
        .as("due"),
      eb.fn.countAll<number>().filterWhere(underOpenSafeguarding(eb)).as("held"),
    ])
    .where("anonymised_at", "is", null)
    .where("created_at", "<", before)
    .executeTakeFirstOrThrow();
  return { months, before, due: Number(row.due), held: Number(row.held), surveyDue: Number(survey.due), surveyHeld: Number(survey.held) };
}

export interface SweepResult {
  months: number;
  anonymised: number;
  /** Due, but kept while their safeguarding case is open. */
  held: number;
  /** Rate-limit counters past their window (they hold visitors' IP addresses). */
  rateLimitsCleared: number;
  /** Submitted survey responses past the period whose free-text answers were removed. */
  surveyResponses: number;
  /** Free-text answers removed from them. */
  surveyAnswersRemoved: number;
  /** Survey responses due, but kept while a safeguarding case about one of their answers is open. */
  surveyHeld: number;
}

/**
 * The retention sweep: anonymises every feedback item older than the setting (UK
 * calendar months, see retention.ts) that is not part of an open safeguarding case, and
 * deletes rate-limit counters whose window has ended. One transaction; audited when it
 * changed anything or a person ran it. `by.userId` is null for the scheduled run.
 */
export async function runRetentionSweep(db: Db, { now, by }: { now: Date; by: ChangedBy }): Promise<SweepResult> {
  return inTransaction(db, async (trx) => {
    const months = await getRetentionMonths(trx);
    const before = anonymiseBefore(now, months);
    const due = await trx
      .selectFrom("feedback_item")
      .select(["id"])
      .select((eb) => underOpenSafeguarding(eb).as("held"))
      .where("anonymised_at", "is", null)
      .where("created_at", "<", before)
      .orderBy("created_at")
      .forUpdate()
      .execute();
    const ids = due.filter((row) => !row.held).map((row) => row.id);
    await anonymiseItems(trx, ids, now);
    const responses = await surveyResponsesDue(trx, before)
      .select(["id", "version_id"])
      .select((eb) => responseUnderOpenSafeguarding(eb).as("held"))
      .orderBy("submitted_at")
      .forUpdate()
      .execute();
    const responsesDue = responses.filter((row) => !row.held);
    const surveyAnswersRemoved = await removeSurveyFreeText(trx, responsesDue, now);
    const cleared = await trx.deleteFrom("rate_limit").where("reset_at", "<=", timestamp(now)).executeTakeFirst();
    const result: SweepResult = {
      months,
      anonymised: ids.length,
      held: due.length - ids.length,
      rateLimitsCleared: Number(cleared.numDeletedRows),
      surveyResponses: responsesDue.length,
      surveyAnswersRemoved,
      surveyHeld: responses.length - responsesDue.length,
    };
    if (result.anonymised > 0 || result.surveyResponses > 0 || by.userId) {
      const { anonymised, held, surveyResponses, surveyAnswersRemoved: answers, surveyHeld } = result;
      await recordAudit(trx, {
        userId: by.userId,
        action: "privacy.retention-run",
        subjectType: "feedback_item",
        details: { months, anonymised, held, surveyResponses, surveyAnswersRemoved: answers, surveyHeld, automatic: by.userId === null },
        requestId: by.requestId,
      });
    }
    return result;
  });
}

// ---- One person's data -------------------------------------------------------------------

export interface HeldItem {
  id: string;
  reference: string;
  source: string;
  status: string;
  created_at: Date;
  anonymised_at: Date | null;
  hasContact: boolean;
  /** Someone flagged it: its words are the safeguarding lead's alone, never on this page or in the export. */
  flagged: boolean;
  /** Its safeguarding case is open: it is not erased until the lead closes it. */
  safeguardingOpen: boolean;
}

export interface PersonData {
  items: HeldItem[];
  outbox: { id: string; kind: string; status: string; created_at: Date }[];
  invitations: { id: string; survey_slug: string; created_at: Date }[];
}

function itemQuery(db: Db, query: PersonQuery) {
  const base = db.selectFrom("feedback_item");
  return query.kind === "email"
    ? base.where(sql<string>`lower(feedback_item.contact_email)`, "=", query.email.toLowerCase())
    : base.where("feedback_item.reference", "=", query.reference);
}

/** Email addresses the person is known by: the one searched for, or the one their item gave. */
async function addressesOf(db: Db, query: PersonQuery): Promise<string[]> {
  if (query.kind === "email") return [query.email.toLowerCase()];
  const row = await db.selectFrom("feedback_item").select("contact_email").where("reference", "=", query.reference).executeTakeFirst();
  return row?.contact_email ? [row.contact_email.toLowerCase()] : [];
}

/**
 * One person's feedback items, oldest first, with what finding, exporting and erasing all
 * need: the columns that say what an item is and whether the safeguarding lead holds it.
 * The export adds its joins and columns to this same query.
 */
function personItems(db: Db, query: PersonQuery) {
  return itemQuery(db, query)
    .select([
      "feedback_item.id",
      "feedback_item.reference",
      "feedback_item.source",
      "feedback_item.status",
      "feedback_item.created_at",
      "feedback_item.anonymised_at",
      "feedback_item.contact_email",
    ])
    .select((eb) => [everFlagged(eb).as("flagged"), underOpenSafeguarding(eb).as("safeguarding_open")])
    .orderBy("feedback_item.created_at")
    .orderBy("feedback_item.id");
}

async function findRows(db: Db, query: PersonQuery, lock: boolean) {
  let items = personItems(db, query);
  if (lock) items = items.forUpdate();
  const itemRows = await items.execute();
  const addresses = await addressesOf(db, query);
  const references = itemRows.map((row) => row.reference);
  // Messages to the address; and sent ones, whose address is masked, by the reference in their subject.
  const outbox =
    addresses.length || references.length
      ? await db
          .selectFrom("outbox")
          .select(["id", "kind", "status", "created_at", "to_address", "subject", "body_text", "sent_at"])
          .where((eb) =>
            eb.or([
              ...(addresses.length ? [eb(sql<string>`lower(to_address)`, "in", addresses)] : []),
              ...references.map((reference) => eb("subject", "like", `%${reference}%`)),
            ]),
          )
          .orderBy("created_at")
          .orderBy("id")
          .execute()
      : [];
  // Invitation codes carry only a label an officer typed; one that is the person's address is theirs.
  const invitations = addresses.length
    ? await db
        .selectFrom("survey_invitation")
        .innerJoin("survey", "survey.id", "survey_invitation.survey_id")
        .select([
          "survey_invitation.id",
          "survey_invitation.label",
          "survey_invitation.created_at",
          "survey_invitation.used_at",
          "survey.slug as survey_slug",
        ])
        .where(sql<string>`lower(survey_invitation.label)`, "in", addresses)
        .orderBy("survey_invitation.created_at")
        .execute()
    : [];
  return { itemRows, outbox, invitations };
}

/** What is held about a person, for the admin's page: no words, no address. */
export async function findPersonData(db: Db, query: PersonQuery): Promise<PersonData> {
  const { itemRows, outbox, invitations } = await findRows(db, query, false);
  return {
    items: itemRows.map((row) => ({
      id: row.id,
      reference: row.reference,
      source: row.source,
      status: row.status,
      created_at: row.created_at,
      anonymised_at: row.anonymised_at,
      hasContact: row.contact_email !== null,
      flagged: Boolean(row.flagged),
      safeguardingOpen: Boolean(row.safeguarding_open),
    })),
    outbox: outbox.map((row) => ({ id: row.id, kind: row.kind, status: row.status, created_at: row.created_at })),
    invitations: invitations.map((row) => ({ id: row.id, survey_slug: row.survey_slug, created_at: row.created_at })),
  };
}

/** findPersonData for an admin's search, audited with counts only (never the address). */
export async function lookUpPerson(db: Db, { query, by }: { query: PersonQuery; by: ChangedBy }): Promise<PersonData> {
  const data = await findPersonData(db, query);
  await recordAudit(db, {
    userId: by.userId,
    action: "privacy.searched",
    subjectType: "privacy_request",
    details: { searchedBy: query.kind, feedback: data.items.length, emails: data.outbox.length, invitations: data.invitations.length },
    requestId: by.requestId,
  });
  return data;
}

export function isEmpty(data: PersonData): boolean {
  return data.items.length === 0 && data.outbox.length === 0 && data.invitations.length === 0;
}

const SAFEGUARDING_WITHHELD = "[withheld: held by the designated safeguarding lead, who decides what can be shared]";

/**
 * Everything held about the person, for a subject access request: each feedback item with
 * its words, contact details, areas of concern and history; messages to them; invitation
 * codes labelled with their address. Words of flagged items are withheld (the safeguarding
 * lead adds them after review). Audited with counts and references, never the address.
 */
export async function exportPersonData(db: Db, { query, by, now }: { query: PersonQuery; by: ChangedBy; now: Date }) {
  return inTransaction(db, async (trx) => {
    const { itemRows, outbox, invitations } = await findRows(trx, query, false);
    const ids = itemRows.map((row) => row.id);
    const full = await personItems(trx, query)
      .leftJoin("district", "district.id", "feedback_item.district_id")
      .leftJoin("working_group", "working_group.id", "feedback_item.working_group_id")
      .leftJoin("service", "service.id", "feedback_item.service_id")
      .select([
        "feedback_item.kind",
        "feedback_item.page_path",
        "feedback_item.useful",
        "feedback_item.body",
        "feedback_item.respondent",
        "feedback_item.topic",
        "feedback_item.format",
        "feedback_item.face",
        "feedback_item.contact_consent_at",
        "feedback_item.target_date",
        "feedback_item.themes",
        "feedback_item.updated_at",
        "district.name as district",
        "working_group.name as working_group",
        "service.name as service",
      ])
      .execute();
    const concerns = ids.length
      ? await trx
          .selectFrom("feedback_item_concern")
          .innerJoin("area_of_concern", "area_of_concern.id", "feedback_item_concern.area_of_concern_id")
          .select(["feedback_item_concern.feedback_item_id", "area_of_concern.number", "area_of_concern.title"])
          .where("feedback_item_concern.feedback_item_id", "in", ids)
          .orderBy("area_of_concern.number")
          .execute()
      : [];
    // The plan's actions and tasks the item was linked to (docs/decisions/034): part of what
    // the partnership holds about it, like its areas of concern.
    const actions = ids.length
      ? await trx
          .selectFrom("feedback_item_action")
          .innerJoin("action", "action.id", "feedback_item_action.action_id")
          .select(["feedback_item_action.feedback_item_id", "action.letter", "action.title"])
          .where("feedback_item_action.feedback_item_id", "in", ids)
          .orderBy("action.letter")
          .execute()
      : [];
    const tasks = ids.length
      ? await trx
          .selectFrom("feedback_item_task")
          .innerJoin("task", "task.id", "feedback_item_task.task_id")
          .select(["feedback_item_task.feedback_item_id", "task.code", "task.description"])
          .where("feedback_item_task.feedback_item_id", "in", ids)
          .orderBy("task.code")
          .execute()
      : [];
    const events = ids.length
      ? await trx
          .selectFrom("feedback_event")
          .select(["feedback_item_id", "kind", "from_status", "to_status", "note", "created_at"])
          .where("feedback_item_id", "in", ids)
          .orderBy("created_at")
          .orderBy("id")
          .execute()
      : [];
    const files = ids.length
      ? await trx
          .selectFrom("feedback_attachment")
          .select(["feedback_item_id", "kind", "media_type", "byte_size", "content", "created_at"])
          .where("feedback_item_id", "in", ids)
          .orderBy("created_at")
          .execute()
      : [];
    const responses = ids.length
      ? await trx
          .selectFrom("feedback_response")
          .select(["feedback_item_id", "outcome", "plain", "easy_read", "reason", "approved_at"])
          .where("feedback_item_id", "in", ids)
          .where("approved_at", "is not", null)
          .execute()
      : [];
    const flagged = new Set(itemRows.filter((row) => row.flagged).map((row) => row.id));
    const byId = new Map(full.map((row) => [row.id, row]));
    const document = {
      format: "send-portal-personal-data/1",
      generatedAt: now.toISOString(),
      searchedBy: query.kind,
      feedback: itemRows.map((item) => {
        const { id, flagged: _flagged, safeguarding_open: _open, ...row } = byId.get(item.id)!;
        return {
          ...row,
          body: flagged.has(id) && row.body !== "" ? SAFEGUARDING_WITHHELD : row.body,
          target_date: row.target_date ? String(row.target_date).slice(0, 10) : null,
          areasOfConcern: concerns.filter((c) => c.feedback_item_id === id).map((c) => ({ number: c.number, title: c.title })),
          actions: actions.filter((a) => a.feedback_item_id === id).map((a) => ({ letter: a.letter, title: a.title })),
          tasks: tasks.filter((x) => x.feedback_item_id === id).map((x) => ({ code: x.code, description: x.description })),
          // The files they sent, in full (base64), except where the safeguarding lead holds the item.
          files: files
            .filter((f) => f.feedback_item_id === id)
            .map((f) => ({
              kind: f.kind,
              mediaType: f.media_type,
              bytes: f.byte_size,
              sentAt: f.created_at,
              content: flagged.has(id) ? SAFEGUARDING_WITHHELD : Buffer.from(f.content).toString("base64"),
            })),
          response:
            responses
              .filter((r) => r.feedback_item_id === id)
              .map((r) => ({
                outcome: r.outcome,
                plain: r.plain,
                easyRead: r.easy_read,
                reason: r.reason,
                approvedAt: r.approved_at,
              }))[0] ?? null,
          history: events
            .filter((e) => e.feedback_item_id === id)
            .map((e) => ({
              kind: e.kind,
              from: e.from_status,
              to: e.to_status,
              note: flagged.has(id) && e.note !== "" ? SAFEGUARDING_WITHHELD : e.note,
              at: e.created_at,
            })),
        };
      }),
      emails: outbox.map((row) => ({
        kind: row.kind,
        to: row.to_address,
        subject: row.subject,
        body: row.body_text,
        status: row.status,
        createdAt: row.created_at,
        sentAt: row.sent_at,
      })),
      surveyInvitations: invitations.map((row) => ({
        survey: row.survey_slug,
        label: row.label,
        createdAt: row.created_at,
        usedAt: row.used_at,
      })),
    };
    await recordAudit(trx, {
      userId: by.userId,
      action: "privacy.exported",
      subjectType: "privacy_request",
      details: {
        searchedBy: query.kind,
        feedback: itemRows.length,
        emails: outbox.length,
        invitations: invitations.length,
        references: itemRows.map((r) => r.reference),
      },
      requestId: by.requestId,
    });
    return document;
  });
}

export interface EraseResult {
  anonymised: number;
  /** Items kept because their safeguarding case is open. */
  held: number;
  emails: number;
  invitations: number;
}

/**
 * Erases a person's data, all or nothing: their feedback anonymised as the retention
 * sweep does (except items in an open safeguarding case, which are kept and counted),
 * messages to them deleted from the outbox, invitation labels with their address
 * cleared. Audited with counts and references, never the address.
 */
export async function erasePersonData(db: Db, { query, by, now }: { query: PersonQuery; by: ChangedBy; now: Date }): Promise<EraseResult> {
  return inTransaction(db, async (trx) => {
    const { itemRows, outbox, invitations } = await findRows(trx, query, true);
    const held = itemRows.filter((row) => row.safeguarding_open);
    // Already anonymised (by the sweep, or an earlier request): nothing of theirs is left in it.
    const ids = itemRows.filter((row) => !row.safeguarding_open && row.anonymised_at === null).map((row) => row.id);
    await anonymiseItems(trx, ids, now);
    if (outbox.length)
      await trx
        .deleteFrom("outbox")
        .where(
          "id",
          "in",
          outbox.map((row) => row.id),
        )
        .execute();
    if (invitations.length)
      await trx
        .updateTable("survey_invitation")
        .set({ label: "" })
        .where(
          "id",
          "in",
          invitations.map((row) => row.id),
        )
        .execute();
    const result: EraseResult = { anonymised: ids.length, held: held.length, emails: outbox.length, invitations: invitations.length };
    await recordAudit(trx, {
      userId: by.userId,
      action: "privacy.erased",
      subjectType: "privacy_request",
      details: { searchedBy: query.kind, ...result, references: itemRows.map((r) => r.reference) },
      requestId: by.requestId,
    });
    return result;
  });
}
