/**
 * The editable list of specific needs, each under one of the four broad areas.
 * Services refer to needs by id; search and coverage read them; proposals and
 * search links refer to them by slug. So:
 * - a slug cannot change while a service or an open proposal uses the need;
 * - a need that services use is deleted only by moving those services to
 *   another need, in the same transaction;
 * - renaming or reordering refreshes the services' search_terms, which hold
 *   need names (see serviceColumns in content.server.ts).
 */
import { sql, type Kysely } from "kysely";
import type { BroadArea, Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { changesBetween, inTransaction, parseId, uniqueViolation, type ChangedBy, type Changes, type WriteResult } from "../area/changes.server";
import { refreshSearchTerms } from "./content.server";
import { broadAreas } from "./model";
import type { NeedInput } from "./needs";

type Db = Kysely<Database>;

export interface NeedRow {
  id: number;
  slug: string;
  name: string;
  broad_area: BroadArea;
  sort_order: number;
  /** Services of any status that list the need. */
  services: number;
}

/** Every need with how many services use it, grouped by broad area (in the model's order). */
export async function listNeeds(db: Db): Promise<{ broadArea: BroadArea; needs: NeedRow[] }[]> {
  const rows = await db
    .selectFrom("need")
    .leftJoin("service_need", "service_need.need_id", "need.id")
    .select((eb) => ["need.id", "need.slug", "need.name", "need.broad_area", "need.sort_order", eb.fn.count<string>("service_need.service_id").as("services")])
    .groupBy(["need.id", "need.slug", "need.name", "need.broad_area", "need.sort_order"])
    .orderBy("need.sort_order")
    .orderBy("need.name")
    .execute();
  const needs = rows.map((r) => ({ ...r, services: Number(r.services) }));
  return broadAreas.map((broadArea) => ({ broadArea, needs: needs.filter((n) => n.broad_area === broadArea) }));
}

export async function getNeed(db: Db, id: string | number): Promise<NeedRow | undefined> {
  const needId = parseId(id);
  if (needId === undefined) return undefined;
  const row = await db
    .selectFrom("need")
    .select((eb) => [
      "need.id",
      "need.slug",
      "need.name",
      "need.broad_area",
      "need.sort_order",
      eb.selectFrom("service_need").whereRef("service_need.need_id", "=", "need.id").select(eb.fn.countAll<string>().as("n")).as("services"),
    ])
    .where("need.id", "=", needId)
    .executeTakeFirst();
  return row ? { ...row, services: Number(row.services ?? 0) } : undefined;
}

async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("need").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Draft or pending proposals whose content names the need's slug. */
async function openProposalsUsing(db: Db, slug: string): Promise<number> {
  const row = await db
    .selectFrom("service_proposal")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("state", "in", ["draft", "pending"])
    .where(sql<boolean>`(content -> 'needs') @> jsonb_build_array(${slug}::text)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function servicesUsing(db: Db, needId: number): Promise<string[]> {
  return (await db.selectFrom("service_need").select("service_id").where("need_id", "=", needId).execute()).map((r) => r.service_id);
}

const slugTakenResult = { ok: false, reason: "invalid", errors: { slug: "errors.slugTaken" } } as const;

export async function createNeed(db: Db, { need, by }: { need: NeedInput; by: ChangedBy }): Promise<WriteResult<{ id: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      if (await slugTaken(trx, need.slug)) return slugTakenResult;
      const sortOrder =
        need.sortOrder ??
        Number((await trx.selectFrom("need").select((eb) => eb.fn.max<number>("sort_order").as("max")).executeTakeFirst())?.max ?? -1) + 1;
      const { id } = await trx
        .insertInto("need")
        .values({ name: need.name, slug: need.slug, broad_area: need.broadArea, sort_order: sortOrder })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        userId: by.userId,
        action: "need.created",
        subjectType: "need",
        subjectId: String(id),
        details: { name: need.name, slug: need.slug, broadArea: need.broadArea, sortOrder },
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return slugTakenResult;
    throw error;
  }
}

export async function updateNeed(
  db: Db,
  { id, need, by }: { id: number; need: NeedInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx.selectFrom("need").select(["name", "slug", "broad_area", "sort_order"]).where("id", "=", id).forUpdate().executeTakeFirst();
      if (!before) return { ok: false, reason: "not-found" } as const;
      const after = { name: need.name, slug: need.slug, broad_area: need.broadArea, sort_order: need.sortOrder ?? before.sort_order };
      const changes = changesBetween(before, after);
      if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
      const users = await servicesUsing(trx, id);
      if (changes.slug) {
        if (users.length || (await openProposalsUsing(trx, before.slug))) {
          return { ok: false, reason: "invalid", errors: { slug: "errors.slugInUse" } } as const;
        }
        if (await slugTaken(trx, need.slug, id)) return slugTakenResult;
      }
      await trx.updateTable("need").set(after).where("id", "=", id).execute();
      if (changes.name || changes.sort_order) await refreshSearchTerms(trx, users);
      await recordAudit(trx, {
        userId: by.userId,
        action: "need.updated",
        subjectType: "need",
        subjectId: String(id),
        details: changes,
        requestId: by.requestId,
      });
      return { ok: true, changes } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return slugTakenResult;
    throw error;
  }
}

/**
 * Deletes a need. When services use it they must be moved to another need
 * (`moveTo`); otherwise the delete is refused. Refused too while an open
 * proposal names it, as approving that proposal later would fail.
 */
export async function deleteNeed(
  db: Db,
  { id, moveTo, by }: { id: number; moveTo: number | null; by: ChangedBy },
): Promise<WriteResult<{ name: string; moved: number; movedTo: string | null }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom("need").select(["name", "slug", "broad_area"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    if (await openProposalsUsing(trx, row.slug)) return { ok: false, reason: "invalid", errors: { moveTo: "errors.inProposals" } } as const;
    const users = await servicesUsing(trx, id);
    let target: { id: number; name: string } | undefined;
    if (users.length) {
      if (moveTo === null) return { ok: false, reason: "invalid", errors: { moveTo: "errors.inUse" } } as const;
      target = await trx.selectFrom("need").select(["id", "name"]).where("id", "=", moveTo).where("id", "<>", id).executeTakeFirst();
      if (!target) return { ok: false, reason: "invalid", errors: { moveTo: "errors.moveToUnknown" } } as const;
      await trx
        .insertInto("service_need")
        .columns(["service_id", "need_id"])
        .expression((eb) => eb.selectFrom("service_need").select([sql.ref<string>("service_id").as("service_id"), sql.lit(target!.id).as("need_id")]).where("need_id", "=", id))
        .onConflict((oc) => oc.columns(["service_id", "need_id"]).doNothing())
        .execute();
    }
    await trx.deleteFrom("need").where("id", "=", id).execute();
    await refreshSearchTerms(trx, users);
    await recordAudit(trx, {
      userId: by.userId,
      action: "need.deleted",
      subjectType: "need",
      subjectId: String(id),
      details: { name: row.name, slug: row.slug, broadArea: row.broad_area, services: users.length, movedTo: target?.name ?? null },
      requestId: by.requestId,
    });
    return { ok: true, name: row.name, moved: users.length, movedTo: target?.name ?? null } as const;
  });
}
