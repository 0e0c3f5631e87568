/**
 * Synonym groups that officers edit (search_synonym). Every change is audited.
 * A term may be in one group only: otherwise "asd" would widen a search in two
 * different ways and nobody could tell which group to edit.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { recordAudit } from "../auth/audit.server";
import { inTransaction, parseId, timestamp, type ChangedBy } from "../area/changes.server";
import type { FieldErrors } from "../utils/form-data";
import { duplicateTerms, type SynonymGroup, type SynonymGroupInput } from "./synonyms";
import { contentChanged } from "./content.server";

type Db = Kysely<Database>;

export type SynonymWriteResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  /** `duplicates`: the terms another group already has, to name them in the message. */
  | { ok: false; reason: "invalid"; errors: FieldErrors; duplicates: string[] };

/** Every group, in a stable order (the order officers see and search expands in). */
export async function listSynonymGroups(db: Db): Promise<(SynonymGroup & { updatedAt: Date })[]> {
  const rows = await db.selectFrom("search_synonym").select(["id", "terms", "explanation", "updated_at"]).orderBy("id").execute();
  return rows.map((row) => ({ id: row.id, terms: row.terms, explanation: row.explanation, updatedAt: new Date(row.updated_at as unknown as Date | string) }));
}

export async function getSynonymGroup(db: Db, id: string | number): Promise<SynonymGroup | undefined> {
  const groupId = parseId(id);
  if (groupId === undefined) return undefined;
  return db.selectFrom("search_synonym").select(["id", "terms", "explanation"]).where("id", "=", groupId).executeTakeFirst();
}

/**
 * Two officers saving the same new term at once must not both succeed: the check
 * and the write happen under one lock on the synonyms (a transaction-scoped
 * advisory lock, released at commit).
 */
async function lockSynonyms(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('search_synonym'))`.execute(trx);
}

async function checkDuplicates(trx: Db, terms: string[], exceptId?: number) {
  let query = trx.selectFrom("search_synonym").select("terms");
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  const duplicates = duplicateTerms(terms, await query.execute());
  return duplicates.length
    ? ({ ok: false, reason: "invalid", errors: { terms: "errors.termsDuplicate" }, duplicates } as const)
    : undefined;
}

const termsArray = (terms: string[]) => sql<string[]>`${sql.val(terms)}::text[]`;

export async function createSynonymGroup(
  db: Db,
  { group, by, now }: { group: SynonymGroupInput; by: ChangedBy; now: Date },
): Promise<SynonymWriteResult<{ id: number }>> {
  return inTransaction(db, async (trx) => {
    await lockSynonyms(trx);
    contentChanged();
    const refused = await checkDuplicates(trx, group.terms);
    if (refused) return refused;
    const { id } = await trx
      .insertInto("search_synonym")
      .values({ terms: termsArray(group.terms), explanation: group.explanation, updated_at: timestamp(now) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      userId: by.userId,
      action: "search-synonym.created",
      subjectType: "search_synonym",
      subjectId: String(id),
      details: { terms: group.terms, explanation: group.explanation },
      requestId: by.requestId,
    });
    return { ok: true, id } as const;
  });
}

export async function updateSynonymGroup(
  db: Db,
  { id, group, by, now }: { id: number; group: SynonymGroupInput; by: ChangedBy; now: Date },
): Promise<SynonymWriteResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    await lockSynonyms(trx);
    contentChanged();
    const before = await trx.selectFrom("search_synonym").select(["terms", "explanation"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    const refused = await checkDuplicates(trx, group.terms, id);
    if (refused) return refused;
    const details: Record<string, { from: unknown; to: unknown }> = {};
    if (JSON.stringify(before.terms) !== JSON.stringify(group.terms)) details.terms = { from: before.terms, to: group.terms };
    if (before.explanation !== group.explanation) details.explanation = { from: before.explanation, to: group.explanation };
    if (Object.keys(details).length === 0) return { ok: true, changed: false } as const;
    await trx
      .updateTable("search_synonym")
      .set({ terms: termsArray(group.terms), explanation: group.explanation, updated_at: timestamp(now) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "search-synonym.updated",
      subjectType: "search_synonym",
      subjectId: String(id),
      details,
      requestId: by.requestId,
    });
    return { ok: true, changed: true } as const;
  });
}

export async function deleteSynonymGroup(db: Db, { id, by }: { id: number; by: ChangedBy }): Promise<SynonymWriteResult<{ terms: string[] }>> {
  return inTransaction(db, async (trx) => {
    contentChanged();
    const row = await trx.deleteFrom("search_synonym").where("id", "=", id).returning(["terms", "explanation"]).executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" } as const;
    await recordAudit(trx, {
      userId: by.userId,
      action: "search-synonym.deleted",
      subjectType: "search_synonym",
      subjectId: String(id),
      details: { terms: row.terms, explanation: row.explanation },
      requestId: by.requestId,
    });
    return { ok: true, terms: row.terms } as const;
  });
}
