/**
 * Keeping the local offer current: creating entries, saving a section of an
 * entry, providers' proposed changes and an editor's decision on them, status
 * changes, version history and human reviews.
 *
 * Scoping: an editor (services.edit) sees every entry; a provider sees only
 * their own organisation's entries and proposals. Anything outside a provider's
 * organisation is "not-found" (the route shows the 404 page), never a 403 that
 * would tell them it exists.
 *
 * "Checked on" (service.last_reviewed_at) moves only when a person reviews the
 * entry: a provider or editor confirms it is still correct, an editor approves a
 * provider's change, publishes it, or ticks "I have checked the whole entry"
 * when editing. A plain edit never moves it.
 */
import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database, ReviewKind, Role, ServiceStatus } from "../../db/schema";
import { inTransaction, timestamp } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import type { FieldErrors } from "../utils/form-data";
import { readServiceContent, UnknownReferenceError, writeServiceContent } from "./content.server";
import { applySection, LIMITS, type SectionOptions, type SectionPatch } from "./editing-sections";
import { addMonths, ESCALATE_MONTHS, slugify, type ServiceContent } from "./model";
import { reviewDueAfter, reviewState, ukCalendarDate, type ReviewState } from "./review";
import { actorKind, canConfirm, canHide, canTransition, canUnhide, editMode, statusAfter, type ActorKind, type Transition } from "./workflow";

type Db = Kysely<Database>;

/** Who is acting, as the session knows them. */
export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
  requestId?: string;
}

export type EditResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

const notFound = { ok: false, reason: "not-found" } as const;
const forbidden = { ok: false, reason: "forbidden" } as const;
const invalid = (errors: FieldErrors) => ({ ok: false, reason: "invalid", errors }) as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in URLs must look like ids: anything else matches nothing (and never reaches PostgreSQL as a bad uuid). */
export function isId(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

function kindOf(actor: Actor): ActorKind {
  const kind = actorKind(actor.role);
  // Routes guard with services.propose first; reaching here without it is a bug, not a visitor.
  if (!kind) throw new Error(`role ${actor.role} cannot work on the local offer`);
  return kind;
}

/** The condition that keeps a provider to their own organisation's rows. */
function scopeSql(actor: Actor, column: "service.organisation_id" | "service_proposal.organisation_id"): Expression<SqlBool> {
  if (kindOf(actor) === "editor") return sql<boolean>`true`;
  if (!actor.organisationId) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(column)} = ${actor.organisationId}`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ---- Reading ------------------------------------------------------------------------

/** The needs (with their broad area), categories and districts that forms offer. */
export async function loadSectionOptions(db: Db): Promise<SectionOptions> {
  const needs = await db.selectFrom("need").select(["slug", "name", "broad_area"]).orderBy("sort_order").orderBy("name").execute();
  const categories = await db.selectFrom("category").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute();
  const districts = await db.selectFrom("district").select(["slug", "name"]).orderBy("sort_order").orderBy("name").execute();
  return { needs, categories, districts };
}

export async function listOrganisations(db: Db) {
  return db.selectFrom("organisation").select(["id", "name"]).orderBy("name").execute();
}

export interface ServiceListFilters {
  query?: string;
  status?: ServiceStatus;
  review?: ReviewState;
  page?: number;
  pageSize?: number;
}

/**
 * Entries the actor may see, by name, with their review state (published ones only).
 * Review states are worked out here with the same rule as everywhere else (review.ts),
 * then filtered and paged: a local offer has hundreds of entries, not millions.
 */
export async function listServices(db: Db, { actor, today, filters = {} }: { actor: Actor; today: string; filters?: ServiceListFilters }) {
  let query = db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .select([
      "service.id",
      "service.slug",
      "service.name",
      "service.status",
      "service.last_reviewed_at",
      "service.review_due_on",
      "service.published_at",
      "service.hidden_at",
      "service.updated_at",
      "organisation.name as organisation_name",
    ])
    .where(scopeSql(actor, "service.organisation_id"));
  const text = filters.query?.trim();
  if (text) query = query.where("service.name", "ilike", `%${escapeLike(text)}%`);
  if (filters.status) query = query.where("service.status", "=", filters.status);
  const rows = await query.orderBy("service.name").orderBy("service.id").execute();
  const withState = rows.map((row) => ({ ...row, reviewState: row.status === "published" ? reviewState(row, today) : null }));
  const filtered = filters.review ? withState.filter((row) => row.reviewState === filters.review) : withState;
  const pageSize = filters.pageSize ?? 25;
  const totalPages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), totalPages);
  return { rows: filtered.slice((page - 1) * pageSize, page * pageSize), total: filtered.length, page, totalPages };
}

async function findService(db: Db, actor: Actor, id: string | undefined, lock = false) {
  if (!isId(id)) return undefined;
  let query = db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .leftJoin("app_user as reviewer", "reviewer.id", "service.last_reviewed_by")
    .select([
      "service.id",
      "service.slug",
      "service.name",
      "service.status",
      "service.version",
      "service.organisation_id",
      "service.last_reviewed_at",
      "service.review_due_on",
      "service.hidden_at",
      "service.hidden_reason",
      "service.published_at",
      "service.created_at",
      "service.updated_at",
      "organisation.name as organisation_name",
      "reviewer.name as last_reviewed_by_name",
    ])
    .where("service.id", "=", id)
    .where(scopeSql(actor, "service.organisation_id"));
  if (lock) query = query.forUpdate("service");
  return query.executeTakeFirst();
}

export type ServiceRecord = NonNullable<Awaited<ReturnType<typeof findService>>>;

async function openProposalFor(db: Db, serviceId: string, lock = false) {
  let query = db
    .selectFrom("service_proposal")
    .leftJoin("app_user", "app_user.id", "service_proposal.proposed_by")
    .select([
      "service_proposal.id",
      "service_proposal.state",
      "service_proposal.base_version",
      "service_proposal.content",
      "service_proposal.proposed_at",
      "service_proposal.organisation_id",
      "app_user.name as proposed_by_name",
    ])
    .where("service_proposal.service_id", "=", serviceId)
    .where("service_proposal.state", "in", ["draft", "pending"])
    .orderBy("service_proposal.proposed_at", "desc");
  if (lock) query = query.forUpdate("service_proposal");
  return query.executeTakeFirst();
}

/**
 * One entry as its summary page shows it: the entry, its current content, any
 * open proposal, and the last decision on a proposal (so a provider sees why a
 * change was not approved). Undefined when not there or not the actor's to see.
 */
export async function getServiceOverview(db: Db, { id, actor, today }: { id: string | undefined; actor: Actor; today: string }) {
  const service = await findService(db, actor, id);
  if (!service) return undefined;
  const content = await readServiceContent(db, service.id);
  if (!content) return undefined;
  const open = await openProposalFor(db, service.id);
  const lastDecision = await db
    .selectFrom("service_proposal")
    .select(["id", "state", "reason", "decided_at"])
    .where("service_id", "=", service.id)
    .where("state", "in", ["approved", "rejected"])
    .orderBy("decided_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const kind = kindOf(actor);
  return {
    service,
    content,
    kind,
    reviewState: service.status === "published" ? reviewState(service, today) : null,
    proposal: open
      ? {
          id: open.id,
          state: open.state,
          proposedAt: new Date(open.proposed_at as unknown as Date),
          proposedByName: open.proposed_by_name,
          stale: open.base_version !== service.version,
          content: open.content as unknown as ServiceContent,
        }
      : null,
    lastDecision: lastDecision && (!open || new Date(lastDecision.decided_at as unknown as Date) > new Date(open.proposed_at as unknown as Date)) ? lastDecision : null,
  };
}

/**
 * What the actor is editing: for a provider on a published entry, their open
 * proposal's content (or the entry's, if they have not started one); otherwise
 * the entry itself.
 */
export async function getEditingContent(db: Db, { id, actor }: { id: string | undefined; actor: Actor }) {
  const service = await findService(db, actor, id);
  if (!service) return undefined;
  const mode = editMode(kindOf(actor), service.status);
  const open = mode === "proposal" ? await openProposalFor(db, service.id) : undefined;
  const content = open ? (open.content as unknown as ServiceContent) : await readServiceContent(db, service.id);
  if (!content) return undefined;
  return { service, content, mode, proposalState: open?.state ?? null };
}

// ---- Writing helpers ----------------------------------------------------------------

/**
 * Publishes the entry's current content as a version. `bump` gives it the next
 * number; a first publication keeps number 1.
 */
async function snapshotVersion(
  trx: Db,
  { serviceId, by, note, now, bump }: { serviceId: string; by: string; note: string; now: Date; bump: boolean },
): Promise<number> {
  const { version } = await trx.selectFrom("service").select("version").where("id", "=", serviceId).executeTakeFirstOrThrow();
  const next = bump ? version + 1 : version;
  const content = await readServiceContent(trx, serviceId);
  await trx.updateTable("service").set({ version: next, updated_at: timestamp(now) }).where("id", "=", serviceId).execute();
  await trx
    .insertInto("service_version")
    .values({ service_id: serviceId, version: next, content: JSON.stringify(content), status: "published", created_by: by, note, created_at: now })
    .execute();
  return next;
}

async function hasSnapshot(trx: Db, serviceId: string, version: number): Promise<boolean> {
  const row = await trx.selectFrom("service_version").select("id").where("service_id", "=", serviceId).where("version", "=", version).executeTakeFirst();
  return row !== undefined;
}

/**
 * Entries published by the demo seed or an import have no version history yet.
 * Before their content first changes, what families saw is kept as the current
 * version ("earlier"), so the history can always show and compare it.
 */
async function keepEarlierVersion(trx: Db, service: { id: string; version: number; published_at: Date | null }, now: Date) {
  if (await hasSnapshot(trx, service.id, service.version)) return;
  const content = await readServiceContent(trx, service.id);
  await trx
    .insertInto("service_version")
    .values({
      service_id: service.id,
      version: service.version,
      content: JSON.stringify(content),
      status: "published",
      created_by: null,
      note: "earlier",
      created_at: service.published_at ?? now,
    })
    .execute();
}

/** A person has checked the whole entry: "Checked on" and the review-due date move. */
async function recordReview(trx: Db, { serviceId, by, kind, note = "", now }: { serviceId: string; by: string; kind: ReviewKind; note?: string; now: Date }) {
  const dueOn = reviewDueAfter(now);
  await trx.insertInto("service_review").values({ service_id: serviceId, reviewed_by: by, reviewed_at: timestamp(now), kind, note }).execute();
  await trx.updateTable("service").set({ last_reviewed_at: now, last_reviewed_by: by, review_due_on: dueOn }).where("id", "=", serviceId).execute();
  return dueOn;
}

function audit(trx: Db, actor: Actor, action: string, subjectType: string, subjectId: string, details: Record<string, unknown>) {
  return recordAudit(trx, { userId: actor.userId, action, subjectType, subjectId, details, requestId: actor.requestId });
}

async function uniqueSlug(trx: Db, name: string): Promise<string> {
  const base = slugify(name) || "service";
  const taken = new Set(
    (await trx.selectFrom("service").select("slug").where("slug", "like", `${escapeLike(base)}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---- Creating and editing --------------------------------------------------------------

/**
 * A new draft entry with just a name: editors choose its organisation, a provider's
 * is always their own. The slug comes from the name and is made unique.
 */
export async function createDraftService(
  db: Db,
  { actor, name, organisationId, now }: { actor: Actor; name: string; organisationId?: string; now: Date },
): Promise<EditResult<{ id: string; slug: string }>> {
  const kind = kindOf(actor);
  const orgId = kind === "editor" ? organisationId : actor.organisationId;
  if (!isId(orgId ?? undefined)) return kind === "editor" ? invalid({ organisation: "errors.organisationRequired" }) : forbidden;
  return inTransaction(db, async (trx) => {
    const org = await trx.selectFrom("organisation").select("id").where("id", "=", orgId!).executeTakeFirst();
    if (!org) return invalid({ organisation: "errors.organisationRequired" });
    const slug = await uniqueSlug(trx, name);
    const row = await trx
      .insertInto("service")
      .values({ slug, name, organisation_id: org.id, status: "draft", send_information: "{}", created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "service.created", "service", row.id, { name, slug, organisationId: org.id });
    return { ok: true, id: row.id, slug } as const;
  });
}

/**
 * Saves one section. Drafts and entries awaiting approval change straight away. A
 * published entry: an editor's save publishes a new version (and counts as a review
 * only if they ticked "checked"); a provider's save goes into their proposal, which
 * goes back to draft if it had been sent, until they send it again.
 */
export async function saveSection(
  db: Db,
  { actor, id, patch, checked = false, now }: { actor: Actor; id: string | undefined; patch: SectionPatch; checked?: boolean; now: Date },
): Promise<EditResult<{ saved: "service" | "version" | "proposal"; version?: number }>> {
  const kind = kindOf(actor);
  try {
    return await inTransaction(db, async (trx) => {
      const service = await findService(trx, actor, id, true);
      if (!service) return notFound;
      const mode = editMode(kind, service.status);
      if (mode === "none") return invalid({ form: "errors.archivedNotEditable" });
      if (mode === "proposal") {
        const open = await openProposalFor(trx, service.id, true);
        const base = open ? (open.content as unknown as ServiceContent) : await readServiceContent(trx, service.id);
        const content = applySection(base!, patch);
        if (open) {
          await trx
            .updateTable("service_proposal")
            .set({ content: JSON.stringify(content), state: "draft", proposed_by: actor.userId })
            .where("id", "=", open.id)
            .execute();
        } else {
          await trx
            .insertInto("service_proposal")
            .values({
              service_id: service.id,
              organisation_id: service.organisation_id,
              base_version: service.version,
              content: JSON.stringify(content),
              state: "draft",
              proposed_by: actor.userId,
              proposed_at: timestamp(now),
            })
            .execute();
        }
        await audit(trx, actor, "service.proposal-saved", "service", service.id, { fields: Object.keys(patch) });
        return { ok: true, saved: "proposal" } as const;
      }
      const current = await readServiceContent(trx, service.id);
      if (service.status === "published") await keepEarlierVersion(trx, service, now);
      await writeServiceContent(trx, service.id, applySection(current!, patch));
      if (service.status !== "published") {
        await audit(trx, actor, "service.edited", "service", service.id, { fields: Object.keys(patch) });
        return { ok: true, saved: "service" } as const;
      }
      const version = await snapshotVersion(trx, { serviceId: service.id, by: actor.userId, note: checked ? "edited_checked" : "edited", now, bump: true });
      if (checked) await recordReview(trx, { serviceId: service.id, by: actor.userId, kind: "editor_review", note: "checked when editing", now });
      await audit(trx, actor, "service.edited", "service", service.id, { fields: Object.keys(patch), version, checked });
      return { ok: true, saved: "version", version } as const;
    });
  } catch (error) {
    if (error instanceof UnknownReferenceError) return invalid({ form: "errors.unknownReference" });
    throw error;
  }
}

// ---- Proposals --------------------------------------------------------------------------

/** A provider sends their draft proposal for an editor to approve. */
export async function submitProposal(db: Db, { actor, serviceId, now }: { actor: Actor; serviceId: string | undefined; now: Date }): Promise<EditResult> {
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, serviceId, true);
    if (!service) return notFound;
    const open = await openProposalFor(trx, service.id, true);
    if (!open || open.state !== "draft") return invalid({ proposal: "errors.noDraftProposal" });
    await trx.updateTable("service_proposal").set({ state: "pending", proposed_at: timestamp(now), proposed_by: actor.userId }).where("id", "=", open.id).execute();
    await audit(trx, actor, "service.proposal-submitted", "service_proposal", open.id, { serviceId: service.id });
    return { ok: true } as const;
  });
}

/** Throws away the open proposal (the provider changed their mind). */
export async function withdrawProposal(db: Db, { actor, serviceId, now }: { actor: Actor; serviceId: string | undefined; now: Date }): Promise<EditResult> {
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, serviceId, true);
    if (!service) return notFound;
    const open = await openProposalFor(trx, service.id, true);
    if (!open) return invalid({ proposal: "errors.noOpenProposal" });
    await trx.updateTable("service_proposal").set({ state: "withdrawn", decided_by: actor.userId, decided_at: now }).where("id", "=", open.id).execute();
    await audit(trx, actor, "service.proposal-withdrawn", "service_proposal", open.id, { serviceId: service.id });
    return { ok: true } as const;
  });
}

async function findProposal(db: Db, actor: Actor, id: string | undefined, lock = false) {
  if (!isId(id)) return undefined;
  let query = db
    .selectFrom("service_proposal")
    .innerJoin("service", "service.id", "service_proposal.service_id")
    .innerJoin("organisation", "organisation.id", "service_proposal.organisation_id")
    .leftJoin("app_user as proposer", "proposer.id", "service_proposal.proposed_by")
    .leftJoin("app_user as decider", "decider.id", "service_proposal.decided_by")
    .select([
      "service_proposal.id",
      "service_proposal.state",
      "service_proposal.base_version",
      "service_proposal.content",
      "service_proposal.proposed_at",
      "service_proposal.decided_at",
      "service_proposal.reason",
      "service_proposal.service_id",
      "service.name as service_name",
      "service.slug as service_slug",
      "service.status as service_status",
      "service.version as service_version",
      "organisation.name as organisation_name",
      "proposer.name as proposed_by_name",
      "decider.name as decided_by_name",
    ])
    .where("service_proposal.id", "=", id)
    .where(scopeSql(actor, "service_proposal.organisation_id"))
    .where(scopeSql(actor, "service.organisation_id"));
  if (lock) query = query.forUpdate("service_proposal");
  return query.executeTakeFirst();
}

/** A proposal with the entry's content now and what is proposed, for the diff. */
export async function getProposal(db: Db, { id, actor }: { id: string | undefined; actor: Actor }) {
  const proposal = await findProposal(db, actor, id);
  if (!proposal?.service_id) return undefined;
  const current = await readServiceContent(db, proposal.service_id);
  if (!current) return undefined;
  return {
    ...proposal,
    content: proposal.content as unknown as ServiceContent,
    current,
    stale: proposal.base_version !== proposal.service_version,
  };
}

/** Proposals waiting for an editor, oldest first. */
export async function listPendingProposals(db: Db) {
  const rows = await db
    .selectFrom("service_proposal")
    .innerJoin("service", "service.id", "service_proposal.service_id")
    .innerJoin("organisation", "organisation.id", "service_proposal.organisation_id")
    .leftJoin("app_user", "app_user.id", "service_proposal.proposed_by")
    .select([
      "service_proposal.id",
      "service_proposal.proposed_at",
      "service_proposal.base_version",
      "service.id as service_id",
      "service.name as service_name",
      "service.version as service_version",
      "organisation.name as organisation_name",
      "app_user.name as proposed_by_name",
    ])
    .where("service_proposal.state", "=", "pending")
    .orderBy("service_proposal.proposed_at")
    .orderBy("service_proposal.id")
    .execute();
  return rows.map(({ base_version, service_version, ...row }) => ({ ...row, stale: base_version !== service_version }));
}

export async function countPendingProposals(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom("service_proposal")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("state", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * An editor approves a pending proposal: its content becomes the entry's (as a new
 * published version), and because a person has checked it, "Checked on" moves.
 * A stale proposal (the entry changed since it was started) can still be approved:
 * the editor has seen the difference against the entry as it is now.
 */
export async function approveProposal(db: Db, { actor, id, now }: { actor: Actor; id: string | undefined; now: Date }): Promise<EditResult<{ serviceId: string; version: number }>> {
  if (kindOf(actor) !== "editor") return forbidden;
  try {
    return await inTransaction(db, async (trx) => {
      const proposal = await findProposal(trx, actor, id, true);
      if (!proposal?.service_id) return notFound;
      if (proposal.state !== "pending") return invalid({ decision: "errors.proposalNotPending" });
      if (proposal.service_status !== "published") return invalid({ decision: "errors.serviceNotPublished" });
      const service = await trx.selectFrom("service").select(["id", "version", "published_at"]).where("id", "=", proposal.service_id).executeTakeFirstOrThrow();
      await keepEarlierVersion(trx, service, now);
      await writeServiceContent(trx, proposal.service_id, proposal.content as unknown as ServiceContent);
      const version = await snapshotVersion(trx, { serviceId: proposal.service_id, by: actor.userId, note: "change_approved", now, bump: true });
      await recordReview(trx, { serviceId: proposal.service_id, by: actor.userId, kind: "change_approved", note: `proposal ${proposal.id}`, now });
      await trx.updateTable("service_proposal").set({ state: "approved", decided_by: actor.userId, decided_at: now }).where("id", "=", proposal.id).execute();
      await audit(trx, actor, "service.proposal-approved", "service_proposal", proposal.id, {
        serviceId: proposal.service_id,
        version,
        stale: proposal.base_version !== proposal.service_version,
      });
      return { ok: true, serviceId: proposal.service_id, version } as const;
    });
  } catch (error) {
    if (error instanceof UnknownReferenceError) return invalid({ decision: "errors.unknownReference" });
    throw error;
  }
}

const REASON_MAX = LIMITS.reason;

/** An editor turns a proposal down, saying why: the provider sees the reason. */
export async function rejectProposal(
  db: Db,
  { actor, id, reason, now }: { actor: Actor; id: string | undefined; reason: string; now: Date },
): Promise<EditResult<{ serviceId: string }>> {
  if (kindOf(actor) !== "editor") return forbidden;
  const why = reason.trim();
  if (!why) return invalid({ reason: "errors.reasonRequired" });
  if (why.length > REASON_MAX) return invalid({ reason: "errors.reasonTooLong" });
  return inTransaction(db, async (trx) => {
    const proposal = await findProposal(trx, actor, id, true);
    if (!proposal?.service_id) return notFound;
    if (proposal.state !== "pending") return invalid({ decision: "errors.proposalNotPending" });
    await trx.updateTable("service_proposal").set({ state: "rejected", reason: why, decided_by: actor.userId, decided_at: now }).where("id", "=", proposal.id).execute();
    await audit(trx, actor, "service.proposal-rejected", "service_proposal", proposal.id, { serviceId: proposal.service_id, reason: why });
    return { ok: true, serviceId: proposal.service_id } as const;
  });
}

// ---- Status, reviews and hiding ------------------------------------------------------------

/**
 * Moves an entry to another status if this actor may. Publishing makes a version
 * and counts as an editor's review: an editor publishes only what they have checked.
 */
export async function changeStatus(
  db: Db,
  { actor, id, transition, now }: { actor: Actor; id: string | undefined; transition: Transition; now: Date },
): Promise<EditResult<{ status: ServiceStatus }>> {
  const kind = kindOf(actor);
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, id, true);
    if (!service) return notFound;
    if (!canTransition(kind, service.status, transition)) {
      return kind === "editor" || transition === "submit" ? invalid({ status: "errors.statusChanged" }) : forbidden;
    }
    const status = statusAfter(transition);
    if (transition === "submit") {
      const content = await readServiceContent(trx, service.id);
      if (!content?.summary) return invalid({ status: "errors.summaryNeededToSubmit" });
    }
    await trx
      .updateTable("service")
      .set({ status, updated_at: timestamp(now), ...(transition === "publish" ? { published_at: now } : {}) })
      .where("id", "=", service.id)
      .execute();
    let version: number | undefined;
    if (transition === "publish") {
      // Published before (then unpublished): this is a new version, not the first.
      const bump = service.published_at !== null || (await hasSnapshot(trx, service.id, service.version));
      version = await snapshotVersion(trx, { serviceId: service.id, by: actor.userId, note: "published", now, bump });
      await recordReview(trx, { serviceId: service.id, by: actor.userId, kind: "editor_review", note: "published", now });
    }
    await audit(trx, actor, `service.${transition}`, "service", service.id, { from: service.status, to: status, ...(version ? { version } : {}) });
    return { ok: true, status } as const;
  });
}

/** "This entry is still correct": one step, by a provider of the entry's organisation or an editor. */
export async function confirmStillCorrect(db: Db, { actor, id, now }: { actor: Actor; id: string | undefined; now: Date }): Promise<EditResult<{ reviewDueOn: string; name: string }>> {
  const kind = kindOf(actor);
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, id, true);
    if (!service) return notFound;
    if (!canConfirm(service.status)) return invalid({ confirm: "errors.notPublished" });
    const reviewDueOn = await recordReview(trx, {
      serviceId: service.id,
      by: actor.userId,
      kind: kind === "editor" ? "editor_review" : "provider_confirmed",
      note: "still correct",
      now,
    });
    await audit(trx, actor, "service.confirmed", "service", service.id, { reviewDueOn });
    return { ok: true, reviewDueOn, name: service.name } as const;
  });
}

/** Officers hide a published entry that nobody keeps up to date, saying why; families stop seeing it. */
export async function hideService(
  db: Db,
  { actor, id, reason, now }: { actor: Actor; id: string | undefined; reason: string; now: Date },
): Promise<EditResult<{ name: string }>> {
  const kind = kindOf(actor);
  if (kind !== "editor") return forbidden;
  const why = reason.trim();
  if (!why) return invalid({ reason: "errors.hideReasonRequired" });
  if (why.length > REASON_MAX) return invalid({ reason: "errors.reasonTooLong" });
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, id, true);
    if (!service) return notFound;
    if (!canHide(kind, service.status, service.hidden_at !== null)) return invalid({ reason: "errors.cannotHide" });
    await trx.updateTable("service").set({ hidden_at: now, hidden_reason: why, updated_at: timestamp(now) }).where("id", "=", service.id).execute();
    await audit(trx, actor, "service.hidden", "service", service.id, { reason: why });
    return { ok: true, name: service.name } as const;
  });
}

export async function unhideService(db: Db, { actor, id, now }: { actor: Actor; id: string | undefined; now: Date }): Promise<EditResult<{ name: string }>> {
  const kind = kindOf(actor);
  if (kind !== "editor") return forbidden;
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, id, true);
    if (!service) return notFound;
    if (!canUnhide(kind, service.hidden_at !== null)) return invalid({ unhide: "errors.notHidden" });
    await trx.updateTable("service").set({ hidden_at: null, hidden_reason: "", updated_at: timestamp(now) }).where("id", "=", service.id).execute();
    await audit(trx, actor, "service.unhidden", "service", service.id, { reason: service.hidden_reason });
    return { ok: true, name: service.name } as const;
  });
}

/**
 * An editor sets when the entry is next due a review (sooner for a seasonal
 * service, say): any real date up to ESCALATE_MONTHS from today. This is not a review.
 */
export async function setReviewDate(
  db: Db,
  { actor, id, date, now }: { actor: Actor; id: string | undefined; date: string; now: Date },
): Promise<EditResult> {
  if (kindOf(actor) !== "editor") return forbidden;
  const latest = addMonths(ukCalendarDate(now), ESCALATE_MONTHS);
  if (date > latest) return invalid({ reviewDueOn: "errors.reviewDateTooLate" });
  return inTransaction(db, async (trx) => {
    const service = await findService(trx, actor, id, true);
    if (!service) return notFound;
    await trx.updateTable("service").set({ review_due_on: date }).where("id", "=", service.id).execute();
    await audit(trx, actor, "service.review-date-set", "service", service.id, { from: service.review_due_on, to: date });
    return { ok: true } as const;
  });
}

// ---- Versions ------------------------------------------------------------------------------

export async function listVersions(db: Db, { id, actor }: { id: string | undefined; actor: Actor }) {
  const service = await findService(db, actor, id);
  if (!service) return undefined;
  const versions = await db
    .selectFrom("service_version")
    .leftJoin("app_user", "app_user.id", "service_version.created_by")
    .select(["service_version.version", "service_version.created_at", "service_version.note", "service_version.status", "app_user.name as created_by_name"])
    .where("service_version.service_id", "=", service.id)
    .orderBy("service_version.version", "desc")
    .execute();
  return { service, versions };
}

export async function getVersion(db: Db, { id, version, actor }: { id: string | undefined; version: string | undefined; actor: Actor }) {
  if (!version || !/^[1-9]\d{0,8}$/.test(version)) return undefined;
  const service = await findService(db, actor, id);
  if (!service) return undefined;
  const row = await db
    .selectFrom("service_version")
    .leftJoin("app_user", "app_user.id", "service_version.created_by")
    .select(["service_version.version", "service_version.content", "service_version.created_at", "service_version.note", "app_user.name as created_by_name"])
    .where("service_version.service_id", "=", service.id)
    .where("service_version.version", "=", Number(version))
    .executeTakeFirst();
  if (!row) return undefined;
  const current = await readServiceContent(db, service.id);
  return { service, version: { ...row, content: row.content as unknown as ServiceContent }, current: current! };
}
