/**
 * The maintained list of themes for coding free text (docs/decisions/030-free-text-coding.md).
 * Admins add, rename, re-word and retire themes; every change is in the audit log.
 * A retired theme keeps its tags and can be brought back; it is no longer suggested
 * or offered.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { changesBetween, inTransaction, parseId, timestamp, uniqueViolation, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import type { FieldErrors } from "../utils/form-data";
import type { ThemeForSuggestion, ThemeInput } from "./themes";

type Db = Kysely<Database>;

export interface AreaOfConcernChoice {
  number: number;
  title: string;
}

/**
 * The area's areas of concern, by number, in plain words where there are some.
 * An installation that has not entered its areas yet gets the twelve numbers alone.
 */
export async function listAreasOfConcern(db: Db): Promise<AreaOfConcernChoice[]> {
  const rows = await db.selectFrom("area_of_concern").select(["number", "title", "plain_title"]).orderBy("number").execute();
  if (rows.length === 0) return Array.from({ length: 12 }, (_, i) => ({ number: i + 1, title: "" }));
  return rows.map((r) => ({ number: r.number, title: r.plain_title || r.title }));
}

export interface ThemeRow {
  id: number;
  name: string;
  description: string;
  areaOfConcern: number;
  keywords: string[];
  retired: boolean;
  /** How many answers carry it, across every survey. */
  tagCount: number;
}

/** Every theme (the retired ones last), by area of concern, then name. */
export async function listThemes(db: Db): Promise<ThemeRow[]> {
  const rows = await db
    .selectFrom("analysis_theme")
    .leftJoin("answer_theme", "answer_theme.theme_id", "analysis_theme.id")
    .select((eb) => [
      "analysis_theme.id",
      "analysis_theme.name",
      "analysis_theme.description",
      "analysis_theme.area_of_concern_number",
      "analysis_theme.keywords",
      "analysis_theme.retired_at",
      eb.fn.count<string>("answer_theme.theme_id").as("tags"),
    ])
    .groupBy("analysis_theme.id")
    .orderBy((eb) => eb.case().when("analysis_theme.retired_at", "is", null).then(0).else(1).end())
    .orderBy("analysis_theme.area_of_concern_number")
    .orderBy("analysis_theme.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    areaOfConcern: r.area_of_concern_number,
    keywords: r.keywords,
    retired: r.retired_at !== null,
    tagCount: Number(r.tags),
  }));
}

/** The list as the suggestion rules read it (app/analysis/themes.ts suggestThemes). */
export async function themesForSuggestion(db: Db): Promise<(ThemeForSuggestion & { name: string; areaOfConcern: number })[]> {
  const rows = await db
    .selectFrom("analysis_theme")
    .select(["id", "name", "area_of_concern_number", "keywords", "retired_at"])
    .orderBy("area_of_concern_number")
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, areaOfConcern: r.area_of_concern_number, keywords: r.keywords, retired: r.retired_at !== null }));
}

export async function getTheme(db: Db, id: string | number | undefined): Promise<ThemeRow | undefined> {
  const themeId = parseId(id);
  if (themeId === undefined) return undefined;
  return (await listThemes(db)).find((t) => t.id === themeId);
}

export type ThemeWriteResult = { ok: true; id: number } | { ok: false; reason: "not-found" } | { ok: false; reason: "invalid"; errors: FieldErrors };

const nameTaken = { ok: false, reason: "invalid", errors: { name: "themes.errors.nameTaken" } } as const;

/** Adds a theme. A name another theme has (in any case) is refused. */
export async function createTheme(db: Db, { input, by }: { input: ThemeInput; by: ChangedBy }): Promise<ThemeWriteResult> {
  try {
    return await inTransaction(db, async (trx) => {
      const { id } = await trx
        .insertInto("analysis_theme")
        .values({
          name: input.name,
          description: input.description,
          area_of_concern_number: input.areaOfConcern,
          keywords: input.keywords,
          created_by: by.userId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        userId: by.userId,
        action: "analysis.theme-added",
        subjectType: "analysis_theme",
        subjectId: String(id),
        details: { name: input.name, areaOfConcern: input.areaOfConcern, keywords: input.keywords },
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return nameTaken;
    throw error;
  }
}

/** Renames a theme, or changes its description, area or words. Tags already made stay as they are. */
export async function updateTheme(db: Db, { id, input, by, now }: { id: number; input: ThemeInput; by: ChangedBy; now: Date }): Promise<ThemeWriteResult> {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await trx
        .selectFrom("analysis_theme")
        .select(["name", "description", "area_of_concern_number", "keywords"])
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "not-found" } as const;
      const after = { name: input.name, description: input.description, area_of_concern_number: input.areaOfConcern, keywords: input.keywords };
      const changes = changesBetween(before, after);
      if (Object.keys(changes).length === 0) return { ok: true, id } as const;
      await trx
        .updateTable("analysis_theme")
        .set({ ...after, updated_at: timestamp(now) })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        userId: by.userId,
        action: "analysis.theme-changed",
        subjectType: "analysis_theme",
        subjectId: String(id),
        details: changes,
        requestId: by.requestId,
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (uniqueViolation(error)) return nameTaken;
    throw error;
  }
}

/** Retires a theme (no longer suggested or offered; its tags stay) or brings it back. */
export async function setThemeRetired(
  db: Db,
  { id, retired, by, now }: { id: number; retired: boolean; by: ChangedBy; now: Date },
): Promise<{ ok: true; changed: boolean } | { ok: false; reason: "not-found" }> {
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("analysis_theme").select(["name", "retired_at"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" } as const;
    if ((before.retired_at !== null) === retired) return { ok: true, changed: false } as const;
    await trx
      .updateTable("analysis_theme")
      .set({ retired_at: retired ? now : null, updated_at: timestamp(now) })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: retired ? "analysis.theme-retired" : "analysis.theme-restored",
      subjectType: "analysis_theme",
      subjectId: String(id),
      details: { name: before.name },
      requestId: by.requestId,
    });
    return { ok: true, changed: true } as const;
  });
}
