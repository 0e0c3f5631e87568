/**
 * Importing an ORUK 3.0 feed file: match it against what the local offer already
 * has, show the plan, then write it all in one transaction (all or nothing).
 *
 * - Organisations are matched by id, then by name; the rest are created.
 * - A service is matched by its id, then by name within its organisation.
 *   New services are created awaiting approval; a matched draft, awaiting or
 *   archived entry is rewritten and set awaiting approval; a matched published
 *   entry gets a pending change (a proposal) so the live page never shows
 *   unapproved words. Editors approve all of them in the normal workflow.
 * - An import is not a human check: it never sets last_reviewed_at and records no
 *   service_review, so "Checked on" stays as it was.
 * See docs/decisions (ORUK import) and ./import.ts for the mapping.
 */
import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, ServiceStatus } from "../../../db/schema";
import { timestamp } from "../../area/changes.server";
import { recordAudit } from "../../auth/audit.server";
import { createService, loadReferences, readServiceContent, writeServiceContent, type References } from "../content.server";
import { slugify } from "../model";
import { areaName } from "./api.server";
import { mapFeedService, mergeContent, parseFeed, type FeedProblem, type Ignored, type MappedService } from "./import";

export { shownProblems } from "./import";

type Db = Kysely<Database>;

export type ImportAction = "create" | "update" | "propose";

export interface ImportPlanItem {
  position: number;
  name: string;
  organisationName: string;
  /** Set when the organisation exists already. */
  organisationId: string | undefined;
  action: ImportAction;
  existing?: { id: string; status: ServiceStatus; matchedBy: "id" | "name" };
  mapped: MappedService;
}

export interface ImportPlan {
  items: ImportPlanItem[];
  /** Names of organisations the import will create. */
  newOrganisations: string[];
  /** Everything the import will leave out, across all services. */
  ignored: Ignored;
  problems: FeedProblem[];
}

async function importReferences(db: Db, origin: string) {
  const [references, needs, area] = await Promise.all([
    loadReferences(db),
    db.selectFrom("need").select(["slug", "name", "broad_area"]).execute(),
    areaName(db),
  ]);
  return { references, refs: { categories: references.categories, needs, districts: references.districts, areaName: area, origin } };
}

const lower = (value: string) => value.trim().toLocaleLowerCase("en-GB");

/** What importing these (already checked) services would do. Reads only. */
export async function planImport(db: Db, { services, origin }: { services: Record<string, unknown>[]; origin: string }): Promise<ImportPlan> {
  const { refs } = await importReferences(db, origin);
  const mapped = services.map((service) => mapFeedService(service, refs));

  const orgIds = mapped.flatMap((m) => (m.organisation.id ? [m.organisation.id] : []));
  const orgNames = [...new Set(mapped.map((m) => lower(m.organisation.name)))];
  const organisations = await db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where((eb) => eb.or([eb("id", "in", orgIds.length ? orgIds : ["00000000-0000-0000-0000-000000000000"]), eb(sql<string>`lower(trim(name))`, "in", orgNames)]))
    .execute();
  const organisationFor = (m: MappedService) =>
    organisations.find((o) => m.organisation.id && o.id === m.organisation.id) ?? organisations.find((o) => lower(o.name) === lower(m.organisation.name));

  const serviceIds = mapped.flatMap((m) => (m.orukId ? [m.orukId] : []));
  const byId = serviceIds.length
    ? await db.selectFrom("service").select(["id", "status"]).where("id", "in", serviceIds).execute()
    : [];
  const knownOrgIds = [...new Set(mapped.flatMap((m) => organisationFor(m)?.id ?? []))];
  const byName = knownOrgIds.length
    ? await db
        .selectFrom("service")
        .select(["id", "status", "name", "organisation_id"])
        .where("organisation_id", "in", knownOrgIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    : [];

  const problems: FeedProblem[] = [];
  const claimed = new Map<string, number>();
  const newOrganisations: string[] = [];
  const items = mapped.map((m, index): ImportPlanItem => {
    const position = index + 1;
    const organisation = organisationFor(m);
    if (!organisation && !newOrganisations.some((n) => lower(n) === lower(m.organisation.name))) newOrganisations.push(m.organisation.name);
    const matchById = m.orukId ? byId.find((s) => s.id === m.orukId) : undefined;
    const matchByName = !matchById && organisation ? byName.find((s) => s.organisation_id === organisation.id && lower(s.name) === lower(m.content.name)) : undefined;
    const match = matchById ?? matchByName;
    if (match) {
      const earlier = claimed.get(match.id);
      if (earlier !== undefined) {
        problems.push({ service: position, serviceName: m.content.name, path: "", message: "sameExisting", key: "sameExisting", values: { other: earlier } });
      }
      claimed.set(match.id, position);
    }
    return {
      position,
      name: m.content.name,
      organisationName: organisation?.name ?? m.organisation.name,
      organisationId: organisation?.id,
      action: !match ? "create" : match.status === "published" ? "propose" : "update",
      existing: match ? { id: match.id, status: match.status, matchedBy: matchById ? "id" : "name" } : undefined,
      mapped: m,
    };
  });

  const union = (pick: (i: Ignored) => string[]) => [...new Set(mapped.flatMap((m) => pick(m.ignored)))].sort((a, b) => a.localeCompare(b, "en-GB"));
  return {
    items,
    newOrganisations,
    ignored: { terms: union((i) => i.terms), areas: union((i) => i.areas), languages: union((i) => i.languages) },
    problems,
  };
}

/** Checks the file and plans it: the problems if it cannot be imported. */
export async function checkFeed(db: Db, { text, origin }: { text: string; origin: string }): Promise<{ ok: true; plan: ImportPlan } | { ok: false; problems: FeedProblem[] }> {
  const parsed = parseFeed(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const plan = await planImport(db, { services: parsed.services, origin });
  if (plan.problems.length) return { ok: false, problems: plan.problems };
  return { ok: true, plan };
}

async function uniqueSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name) || "service";
  const taken = new Set(
    (await db.selectFrom("service").select("slug").where("slug", "like", `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}%`).execute()).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export class ImportRefused extends Error {
  constructor(public readonly problems: FeedProblem[]) {
    super("The file cannot be imported");
  }
}

export interface ImportResult {
  created: number;
  updated: number;
  proposed: number;
  organisationsCreated: number;
  services: { id: string; name: string; action: ImportAction }[];
}

/**
 * Imports the file's services in one transaction: checked and planned again (the
 * database may have changed since the preview), then written. Anything failing
 * part-way undoes everything. Throws ImportRefused when the file no longer passes.
 */
export async function runImport(
  db: Db,
  { text, origin, userId, requestId, fileName, token, now }: { text: string; origin: string; userId: string; requestId: string; fileName: string; token: string; now: Date },
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const checked = await checkFeed(trx, { text, origin });
    if (!checked.ok) throw new ImportRefused(checked.problems);
    const { plan } = checked;
    const references: References = await loadReferences(trx);

    const createdOrganisations = new Map<string, string>();
    const organisationIdFor = async (item: ImportPlanItem): Promise<string> => {
      if (item.organisationId) return item.organisationId;
      const key = lower(item.mapped.organisation.name);
      const known = createdOrganisations.get(key);
      if (known) return known;
      const { name, description, email, website, phone } = item.mapped.organisation;
      const row = await trx.insertInto("organisation").values({ name, description, email, website, phone }).returning("id").executeTakeFirstOrThrow();
      createdOrganisations.set(key, row.id);
      return row.id;
    };

    const result: ImportResult = { created: 0, updated: 0, proposed: 0, organisationsCreated: 0, services: [] };
    for (const item of plan.items) {
      const content = item.mapped.content;
      if (item.action === "create") {
        const organisationId = await organisationIdFor(item);
        const slug = await uniqueSlug(trx, content.name);
        const id = await createService(trx, { slug, organisationId, content, status: "awaiting_approval" }, references);
        result.created += 1;
        result.services.push({ id, name: content.name, action: "create" });
        continue;
      }
      const existing = item.existing!;
      const current = await readServiceContent(trx, existing.id);
      const merged = mergeContent(current!, content);
      if (item.action === "update") {
        await writeServiceContent(trx, existing.id, merged, references);
        await trx.updateTable("service").set({ status: "awaiting_approval" }).where("id", "=", existing.id).execute();
        result.updated += 1;
      } else {
        const service = await trx.selectFrom("service").select(["organisation_id", "version"]).where("id", "=", existing.id).executeTakeFirstOrThrow();
        const open = await trx
          .selectFrom("service_proposal")
          .select("id")
          .where("service_id", "=", existing.id)
          .where("state", "in", ["draft", "pending"])
          .orderBy("proposed_at", "desc")
          .executeTakeFirst();
        const values = { content: JSON.stringify(merged), state: "pending" as const, proposed_by: userId, proposed_at: timestamp(now), base_version: service.version };
        if (open) await trx.updateTable("service_proposal").set(values).where("id", "=", open.id).execute();
        else await trx.insertInto("service_proposal").values({ ...values, service_id: existing.id, organisation_id: service.organisation_id }).execute();
        result.proposed += 1;
      }
      result.services.push({ id: existing.id, name: content.name, action: item.action });
    }
    result.organisationsCreated = createdOrganisations.size;

    await recordAudit(trx, {
      userId,
      action: "local-offer.oruk-imported",
      subjectType: "oruk_import",
      subjectId: token,
      details: { fileName, ...result },
      requestId,
    });
    await deletePendingImport(trx, token);
    return result;
  });
}

/** The import recorded under this token, with each service's status now. */
export async function getImportResult(db: Db, { token }: { token: string }) {
  if (!/^[0-9a-f]{32}$/.test(token)) return undefined;
  const entry = await db
    .selectFrom("audit_log")
    .select(["details", "at"])
    .where("action", "=", "local-offer.oruk-imported")
    .where("subject_type", "=", "oruk_import")
    .where("subject_id", "=", token)
    .executeTakeFirst();
  if (!entry) return undefined;
  const details = entry.details as unknown as ImportResult & { fileName: string };
  const ids = details.services.map((s) => s.id);
  const rows = ids.length
    ? await db
        .selectFrom("service")
        .innerJoin("organisation", "organisation.id", "service.organisation_id")
        .select(["service.id", "service.name", "service.status", "organisation.name as organisation_name"])
        .where("service.id", "in", ids)
        .execute()
    : [];
  return {
    fileName: details.fileName,
    at: entry.at,
    created: details.created,
    updated: details.updated,
    proposed: details.proposed,
    organisationsCreated: details.organisationsCreated,
    services: details.services.flatMap((s) => {
      const row = rows.find((r) => r.id === s.id);
      return row ? [{ id: s.id, name: row.name, organisationName: row.organisation_name, status: row.status, action: s.action }] : [];
    }),
  };
}

// ---- The checked file, kept between the preview and "Import" -------------------------

/**
 * The checked file waits in app_setting under a random token for an hour, so the
 * "Import" button carries only the token (never the file) and the file is checked
 * again before anything is written. The expiry is in the key, so old uploads are
 * cleared without reading them.
 */
const PENDING_PREFIX = "oruk-import:";
export const PENDING_MINUTES = 60;

interface Pending {
  userId: string;
  fileName: string;
  text: string;
}

export async function savePendingImport(db: Db, { userId, fileName, text, now }: Pending & { now: Date }): Promise<string> {
  const token = randomBytes(16).toString("hex");
  const expires = now.getTime() + PENDING_MINUTES * 60 * 1000;
  const keys = await db.selectFrom("app_setting").select("key").where("key", "like", `${PENDING_PREFIX}%`).execute();
  const expired = keys.map((k) => k.key).filter((key) => Number(key.split(":")[1]) <= now.getTime());
  if (expired.length) await db.deleteFrom("app_setting").where("key", "in", expired).execute();
  await db
    .insertInto("app_setting")
    .values({ key: `${PENDING_PREFIX}${expires}:${token}`, value: JSON.stringify({ userId, fileName, text } satisfies Pending) })
    .execute();
  return token;
}

/** The file saved under this token by this user, unless it has expired. */
export async function readPendingImport(db: Db, { token, userId, now }: { token: string; userId: string; now: Date }): Promise<Pending | undefined> {
  if (!/^[0-9a-f]{32}$/.test(token)) return undefined;
  const row = await db.selectFrom("app_setting").select(["key", "value"]).where("key", "like", `${PENDING_PREFIX}%:${token}`).executeTakeFirst();
  if (!row || Number(row.key.split(":")[1]) <= now.getTime()) return undefined;
  const pending = JSON.parse(row.value) as Pending;
  return pending.userId === userId ? pending : undefined;
}

export async function deletePendingImport(db: Db, token: string): Promise<void> {
  if (!/^[0-9a-f]{32}$/.test(token)) return;
  await db.deleteFrom("app_setting").where("key", "like", `${PENDING_PREFIX}%:${token}`).execute();
}
