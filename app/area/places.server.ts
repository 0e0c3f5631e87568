import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import {
  changesBetween,
  foreignKeyViolation,
  inTransaction,
  parseId,
  uniqueViolation,
  type ChangedBy,
  type Changes,
  type WriteResult,
} from "./changes.server";
import type { DistrictInput, HealthAreaInput } from "./schemas";

/**
 * Health areas (NHS footprints) and the districts in them. A health area or district
 * can be deleted only when nothing refers to it; today only districts refer to health
 * areas, and nothing refers to districts.
 */

// ---- Health areas -------------------------------------------------------------

export async function listHealthAreas(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("health_area")
    .leftJoin("district", "district.health_area_id", "health_area.id")
    .select((eb) => ["health_area.id", "health_area.slug", "health_area.name", eb.fn.count<number>("district.id").as("district_count")])
    .groupBy(["health_area.id", "health_area.slug", "health_area.name"])
    .orderBy("health_area.name")
    .execute();
  return rows.map((row) => ({ ...row, district_count: Number(row.district_count) }));
}

export async function getHealthArea(db: Kysely<Database>, id: string | number) {
  const healthAreaId = parseId(id);
  if (healthAreaId === undefined) return undefined;
  const row = await db.selectFrom("health_area").select(["id", "slug", "name"]).where("id", "=", healthAreaId).executeTakeFirst();
  if (!row) return undefined;
  const districts = await db
    .selectFrom("district")
    .select(["id", "name"])
    .where("health_area_id", "=", healthAreaId)
    .orderBy("name")
    .execute();
  return { ...row, districts };
}

async function healthAreaSlugTaken(db: Kysely<Database>, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("health_area").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const healthAreaSlugTakenResult = { ok: false, reason: "invalid", errors: { slug: "healthArea.errors.slugTaken" } } as const;

export async function createHealthArea(
  db: Kysely<Database>,
  { healthArea, by }: { healthArea: HealthAreaInput; by: ChangedBy },
): Promise<WriteResult<{ id: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      if (await healthAreaSlugTaken(trx, healthArea.slug)) return healthAreaSlugTakenResult;
      const { id } = await trx
        .insertInto("health_area")
        .values({ name: healthArea.name, slug: healthArea.slug })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        userId: by.userId,
        action: "health-area.created",
        subjectType: "health_area",
        subjectId: String(id),
        details: { name: healthArea.name, slug: healthArea.slug },
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return healthAreaSlugTakenResult;
    throw error;
  }
}

export async function updateHealthArea(
  db: Kysely<Database>,
  { id, healthArea, by }: { id: number; healthArea: HealthAreaInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx.selectFrom("health_area").select(["name", "slug"]).where("id", "=", id).forUpdate().executeTakeFirst();
      if (!before) return { ok: false, reason: "not-found" } as const;
      const changes = changesBetween(before, { name: healthArea.name, slug: healthArea.slug });
      if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
      if (changes.slug && (await healthAreaSlugTaken(trx, healthArea.slug, id))) return healthAreaSlugTakenResult;
      await trx.updateTable("health_area").set({ name: healthArea.name, slug: healthArea.slug }).where("id", "=", id).execute();
      await recordAudit(trx, {
        userId: by.userId,
        action: "health-area.updated",
        subjectType: "health_area",
        subjectId: String(id),
        details: changes,
        requestId: by.requestId,
      });
      return { ok: true, changes } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return healthAreaSlugTakenResult;
    throw error;
  }
}

/** Deletes a health area that no district is in; otherwise refuses, naming how many are. */
export async function deleteHealthArea(
  db: Kysely<Database>,
  { id, by }: { id: number; by: ChangedBy },
): Promise<WriteResult<{ name: string }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom("health_area").select(["name", "slug"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    // The foreign key would quietly take the districts out of the health area (on delete set null): refuse instead.
    const inUse = await trx.selectFrom("district").select("id").where("health_area_id", "=", id).limit(1).executeTakeFirst();
    if (inUse) return { ok: false, reason: "invalid", errors: { delete: "healthArea.errors.hasDistricts" } } as const;
    await trx.deleteFrom("health_area").where("id", "=", id).execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "health-area.deleted",
      subjectType: "health_area",
      subjectId: String(id),
      details: { name: row.name, slug: row.slug },
      requestId: by.requestId,
    });
    return { ok: true, name: row.name } as const;
  });
}

// ---- Districts ---------------------------------------------------------------------

export async function listDistricts(db: Kysely<Database>) {
  return db
    .selectFrom("district")
    .leftJoin("health_area", "health_area.id", "district.health_area_id")
    .select(["district.id", "district.slug", "district.name", "district.health_area_id", "health_area.name as health_area_name"])
    .orderBy("district.name")
    .orderBy("district.id")
    .execute();
}

export async function getDistrict(db: Kysely<Database>, id: string | number) {
  const districtId = parseId(id);
  if (districtId === undefined) return undefined;
  return db
    .selectFrom("district")
    .leftJoin("health_area", "health_area.id", "district.health_area_id")
    .select(["district.id", "district.slug", "district.name", "district.health_area_id", "health_area.name as health_area_name"])
    .where("district.id", "=", districtId)
    .executeTakeFirst();
}

async function districtSlugTaken(db: Kysely<Database>, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom("district").select("id").where("slug", "=", slug);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

const districtSlugTakenResult = { ok: false, reason: "invalid", errors: { slug: "district.errors.slugTaken" } } as const;
const unknownHealthAreaResult = { ok: false, reason: "invalid", errors: { healthArea: "district.errors.healthAreaRequired" } } as const;

async function healthAreaName(db: Kysely<Database>, id: number | null): Promise<string | null | undefined> {
  if (id === null) return null;
  const row = await db.selectFrom("health_area").select("name").where("id", "=", id).forShare().executeTakeFirst();
  return row?.name;
}

export async function createDistrict(
  db: Kysely<Database>,
  { district, by }: { district: DistrictInput; by: ChangedBy },
): Promise<WriteResult<{ id: number }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const healthArea = await healthAreaName(trx, district.healthAreaId);
      if (healthArea === undefined) return unknownHealthAreaResult;
      if (await districtSlugTaken(trx, district.slug)) return districtSlugTakenResult;
      // At the end of the list, after the districts there are.
      const { last } = await trx
        .selectFrom("district")
        .select((eb) => eb.fn.max("sort_order").as("last"))
        .executeTakeFirstOrThrow();
      const { id } = await trx
        .insertInto("district")
        .values({
          name: district.name,
          slug: district.slug,
          health_area_id: district.healthAreaId,
          sort_order: (last ?? 0) + 1,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        userId: by.userId,
        action: "district.created",
        subjectType: "district",
        subjectId: String(id),
        details: { name: district.name, slug: district.slug, healthArea },
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return districtSlugTakenResult;
    if (foreignKeyViolation(error)) return unknownHealthAreaResult;
    throw error;
  }
}

export async function updateDistrict(
  db: Kysely<Database>,
  { id, district, by }: { id: number; district: DistrictInput; by: ChangedBy },
): Promise<WriteResult<{ changes: Changes }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const row = await trx
        .selectFrom("district")
        .leftJoin("health_area", "health_area.id", "district.health_area_id")
        .select(["district.name", "district.slug", "district.health_area_id", "health_area.name as health_area_name"])
        .where("district.id", "=", id)
        .forUpdate("district")
        .executeTakeFirst();
      if (!row) return { ok: false, reason: "not-found" } as const;
      const healthArea = await healthAreaName(trx, district.healthAreaId);
      if (healthArea === undefined) return unknownHealthAreaResult;
      const changes = changesBetween(
        { name: row.name, slug: row.slug, healthArea: row.health_area_name },
        { name: district.name, slug: district.slug, healthArea },
      );
      if (Object.keys(changes).length === 0) return { ok: true, changes } as const;
      if (changes.slug && (await districtSlugTaken(trx, district.slug, id))) return districtSlugTakenResult;
      await trx
        .updateTable("district")
        .set({ name: district.name, slug: district.slug, health_area_id: district.healthAreaId })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        userId: by.userId,
        action: "district.updated",
        subjectType: "district",
        subjectId: String(id),
        details: changes,
        requestId: by.requestId,
      });
      return { ok: true, changes } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return districtSlugTakenResult;
    if (foreignKeyViolation(error)) return unknownHealthAreaResult;
    throw error;
  }
}

/**
 * Deletes a district. Nothing refers to districts yet; when something does (with a
 * foreign key), a district still in use is refused rather than broken.
 */
export async function deleteDistrict(
  db: Kysely<Database>,
  { id, by }: { id: number; by: ChangedBy },
): Promise<WriteResult<{ name: string }>> {
  try {
    return await inTransaction(db, async (trx) => {
      const row = await trx.selectFrom("district").select(["name", "slug"]).where("id", "=", id).forUpdate().executeTakeFirst();
      if (!row) return { ok: false, reason: "not-found" } as const;
      await trx.deleteFrom("district").where("id", "=", id).execute();
      await recordAudit(trx, {
        userId: by.userId,
        action: "district.deleted",
        subjectType: "district",
        subjectId: String(id),
        details: { name: row.name, slug: row.slug },
        requestId: by.requestId,
      });
      return { ok: true, name: row.name } as const;
    });
  } catch (error) {
    if (foreignKeyViolation(error)) return { ok: false, reason: "invalid", errors: { delete: "district.errors.inUse" } };
    throw error;
  }
}
