/**
 * Published findings for a survey wave (issue 7, point 6; docs/decisions/032-published-findings.md):
 * the officer's draft, publishing it as a frozen snapshot, unpublishing, and what families read.
 * The rules are in findings.ts; this module reads and writes.
 *
 * - Publishing is refused while the wave is not closed (its numbers are not final).
 * - The snapshot is made from the whole wave's suppressed results, never a filtered view,
 *   and holds no count that suppression hides.
 * - Editing the draft afterwards does not change the public page until it is published again.
 * - A quote whose answer is flagged for safeguarding after publication disappears from the
 *   public page at once: quotes are checked against the wave's list at every read.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { inTransaction, type ChangedBy } from "../area/changes.server";
import { recordAudit } from "../auth/audit.server";
import { isUuid } from "../feedback/schemas";
import { allQuestions, type Question } from "../surveys/definition";
import {
  buildSnapshot,
  hasSomethingToShow,
  moveBlock,
  parseBlocks,
  publishProblems,
  putBlock,
  readSnapshot,
  removeBlock,
  MAX_BLOCKS,
  type ChartSource,
  type FindingsBlock,
  type FindingsDraft,
  type FindingsWords,
  type PublishedFindings,
  type PublishProblem,
  type QuoteLike,
} from "./findings";
import { listFindingsQuotes } from "./findings-quotes.server";
import { NO_FILTER } from "./filters";
import { getFilterChoices } from "./filters.server";
import { countedQuestions, getWave, getWaveResults, type Wave } from "./results.server";
import type { Distribution } from "./distribution";

type Db = Kysely<Database>;

export const EMPTY_DRAFT: FindingsDraft = { titlePlain: "", titleEasyRead: "", summaryPlain: "", summaryEasyRead: "", blocks: [] };

export interface FindingsRecord {
  draft: FindingsDraft;
  publishedAt: Date | null;
  publishedBy: string | null;
  updatedAt: Date | null;
}

/** A wave's findings as an officer edits them: an empty draft when nothing has been written. */
export async function getFindings(db: Db, surveyId: string): Promise<FindingsRecord> {
  const row = await db
    .selectFrom("survey_findings")
    .leftJoin("app_user", "app_user.id", "survey_findings.published_by")
    .select([
      "survey_findings.title_plain",
      "survey_findings.title_easy_read",
      "survey_findings.summary_plain",
      "survey_findings.summary_easy_read",
      "survey_findings.blocks",
      "survey_findings.published_at",
      "survey_findings.updated_at",
      "app_user.name as published_by",
    ])
    .where("survey_findings.survey_id", "=", surveyId)
    .executeTakeFirst();
  if (!row) return { draft: EMPTY_DRAFT, publishedAt: null, publishedBy: null, updatedAt: null };
  return {
    draft: {
      titlePlain: row.title_plain,
      titleEasyRead: row.title_easy_read,
      summaryPlain: row.summary_plain,
      summaryEasyRead: row.summary_easy_read,
      blocks: parseBlocks(row.blocks),
    },
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    updatedAt: row.updated_at,
  };
}

/** Reads the draft with its row locked (made if missing), changes it, and saves it. */
async function changeDraft<T>(
  db: Db,
  { surveyId, by, now }: { surveyId: string; by: ChangedBy; now: Date },
  change: (draft: FindingsDraft) => { draft: FindingsDraft | null; result: T },
): Promise<T> {
  return inTransaction(db, async (trx) => {
    await trx.insertInto("survey_findings").values({ survey_id: surveyId, updated_by: by.userId, updated_at: now }).onConflict((oc) => oc.column("survey_id").doNothing()).execute();
    await trx.selectFrom("survey_findings").select("survey_id").where("survey_id", "=", surveyId).forUpdate().execute();
    const { draft } = await getFindings(trx, surveyId);
    const changed = change(draft);
    if (changed.draft) {
      await trx
        .updateTable("survey_findings")
        .set({
          title_plain: changed.draft.titlePlain,
          title_easy_read: changed.draft.titleEasyRead,
          summary_plain: changed.draft.summaryPlain,
          summary_easy_read: changed.draft.summaryEasyRead,
          blocks: JSON.stringify(changed.draft.blocks),
          updated_at: now,
          updated_by: by.userId,
        })
        .where("survey_id", "=", surveyId)
        .execute();
    }
    return changed.result;
  });
}

export async function saveWords(db: Db, input: { surveyId: string; words: FindingsWords; by: ChangedBy; now: Date }): Promise<void> {
  await changeDraft(db, input, (draft) => ({ draft: { ...draft, ...input.words }, result: undefined }));
}

type SaveBlockResult = { ok: true; index: number } | { ok: false; reason: "not-found" | "too-many" };

/** Adds a block at the end (`index` null) or changes the one at `index`; the block must still be there. */
export async function saveBlock(
  db: Db,
  input: { surveyId: string; index: number | null; block: FindingsBlock; by: ChangedBy; now: Date },
): Promise<SaveBlockResult> {
  return changeDraft<SaveBlockResult>(db, input, (draft) => {
    if (input.index !== null && (input.index >= draft.blocks.length || draft.blocks[input.index]!.kind !== input.block.kind)) {
      return { draft: null, result: { ok: false, reason: "not-found" } };
    }
    if (input.index === null && draft.blocks.length >= MAX_BLOCKS) return { draft: null, result: { ok: false, reason: "too-many" } };
    const blocks = putBlock(draft.blocks, input.index, input.block);
    return { draft: { ...draft, blocks }, result: { ok: true, index: input.index ?? blocks.length - 1 } as const };
  });
}

/** Moves a block up or down, or removes it. */
export async function arrangeBlock(
  db: Db,
  input: { surveyId: string; index: number; intent: "up" | "down" | "remove"; by: ChangedBy; now: Date },
): Promise<{ ok: boolean }> {
  return changeDraft<{ ok: boolean }>(db, input, (draft) => {
    if (input.index >= draft.blocks.length) return { draft: null, result: { ok: false } };
    const blocks = input.intent === "remove" ? removeBlock(draft.blocks, input.index) : moveBlock(draft.blocks, input.index, input.intent);
    return { draft: { ...draft, blocks }, result: { ok: true } };
  });
}

// ---- What the snapshot is made from ------------------------------------------------------------

export interface DraftState extends FindingsRecord {
  /** Questions whose answers are counted, for chart blocks. */
  questions: { key: string; number: number; question: Question }[];
  quotes: QuoteLike[];
  /** Questions whose chart would show something (enough answers). */
  showable: string[];
  problems: PublishProblem[];
  snapshot: PublishedFindings;
}

/**
 * The draft with everything needed to show it: what it would look like if published now
 * (the preview), and what stops it being published. Figures are the whole wave's.
 */
export async function getDraftState(db: Db, { wave }: { wave: Wave }): Promise<DraftState> {
  const record = await getFindings(db, wave.id);
  const { draft } = record;
  const choices = await getFilterChoices(db);
  const [results, quotes] = await Promise.all([
    getWaveResults(db, { wave, filter: NO_FILTER, choices, by: null, language: "en-GB" }),
    listFindingsQuotes(db, wave.id),
  ]);
  const all = allQuestions(wave.definition);
  const counted = countedQuestions(wave.definition);
  const numberOf = new Map(all.map((q, i) => [q.key, i + 1]));
  const charts = new Map<string, ChartSource>(results.questions.map((q) => [q.key, q]));
  const problems = publishProblems(draft, {
    questions: charts as ReadonlyMap<string, Distribution>,
    withheld: results.withheld !== null,
    quoteIds: new Set(quotes.map((q) => q.id)),
  });
  const snapshot = buildSnapshot(draft, {
    survey: { title: wave.definition.title, audience: wave.audience, wave: wave.wave, closesAt: wave.closesAt?.toISOString() ?? null },
    threshold: results.threshold,
    responses: results.counts.submitted,
    results: charts,
    questions: new Map(all.map((q) => [q.key, q])),
    quotes: new Map(quotes.map((q) => [q.id, q])),
  });
  const withheld = results.withheld !== null;
  return {
    ...record,
    questions: counted.map((q) => ({ key: q.key, number: numberOf.get(q.key) ?? 0, question: q })),
    quotes,
    showable: withheld ? [] : results.questions.filter(hasSomethingToShow).map((q) => q.key),
    problems,
    snapshot,
  };
}

// ---- Publishing -----------------------------------------------------------------------------

/** Waves whose numbers are final: nobody can answer them any more. */
export function isFinal(wave: Pick<Wave, "state">): boolean {
  return wave.state === "closed" || wave.state === "archived";
}

export type PublishResult =
  | { ok: true; publishedAt: Date }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "not-final"; state: Wave["state"] }
  | { ok: false; reason: "invalid"; problems: PublishProblem[] };

/**
 * Publishes the draft as a frozen snapshot, or says why not; nothing is saved when it
 * refuses. Recorded in the audit log (which blocks, never the words).
 */
export async function publishFindings(db: Db, { surveyId, by, now }: { surveyId: string; by: ChangedBy; now: Date }): Promise<PublishResult> {
  return inTransaction(db, async (trx) => {
    const wave = await getWave(trx, { id: surveyId, now, language: "en-GB" });
    if (!wave) return { ok: false, reason: "not-found" } as const;
    if (!isFinal(wave)) return { ok: false, reason: "not-final", state: wave.state } as const;
    await trx.selectFrom("survey_findings").select("survey_id").where("survey_id", "=", surveyId).forUpdate().execute();
    const state = await getDraftState(trx, { wave });
    if (state.problems.length) return { ok: false, reason: "invalid", problems: state.problems } as const;
    await trx
      .updateTable("survey_findings")
      .set({ published: JSON.stringify(state.snapshot), published_at: now, published_by: by.userId })
      .where("survey_id", "=", surveyId)
      .execute();
    await recordAudit(trx, {
      userId: by.userId,
      action: "analysis.findings-published",
      subjectType: "survey",
      subjectId: surveyId,
      details: { blocks: state.snapshot.blocks.map((b) => (b.kind === "chart" ? `chart:${b.questionKey}` : b.kind === "quote" ? `quote:${b.quoteId}` : "text")) },
      requestId: by.requestId,
    });
    return { ok: true, publishedAt: now } as const;
  });
}

/** Takes the findings off the public site; the draft stays. False when they were not published. */
export async function unpublishFindings(db: Db, { surveyId, by }: { surveyId: string; by: ChangedBy }): Promise<boolean> {
  if (!isUuid(surveyId)) return false;
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable("survey_findings")
      .set({ published: null, published_at: null, published_by: null })
      .where("survey_id", "=", surveyId)
      .where("published_at", "is not", null)
      .returning("survey_id")
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, { userId: by.userId, action: "analysis.findings-unpublished", subjectType: "survey", subjectId: surveyId, requestId: by.requestId });
    return true;
  });
}

// ---- What families read -----------------------------------------------------------------------

export interface PublicFindings {
  slug: string;
  surveyId: string;
  publishedAt: Date;
  findings: PublishedFindings;
}

/** Leaves out quotes no longer on the wave's list: removed, or flagged for safeguarding since publication. */
async function withCurrentQuotes(db: Db, surveyId: string, findings: PublishedFindings): Promise<PublishedFindings> {
  if (!findings.blocks.some((b) => b.kind === "quote")) return findings;
  const current = new Set((await listFindingsQuotes(db, surveyId)).map((q) => q.id));
  return { ...findings, blocks: findings.blocks.filter((b) => b.kind !== "quote" || current.has(b.quoteId)) };
}

/** A wave's published findings by its address, or undefined when none are published. */
export async function getPublishedFindings(db: Db, slug: string): Promise<PublicFindings | undefined> {
  const row = await db
    .selectFrom("survey_findings")
    .innerJoin("survey", "survey.id", "survey_findings.survey_id")
    .select(["survey.id", "survey.slug", "survey_findings.published", "survey_findings.published_at"])
    .where("survey.slug", "=", slug)
    .where("survey.status", "!=", "draft")
    .where("survey_findings.published_at", "is not", null)
    .executeTakeFirst();
  const findings = readSnapshot(row?.published);
  if (!row || !findings || !row.published_at) return undefined;
  return { slug: row.slug, surveyId: row.id, publishedAt: row.published_at, findings: await withCurrentQuotes(db, row.id, findings) };
}

/** Every wave with published findings, newest first, for the surveys page. */
export async function listPublishedFindings(db: Db): Promise<{ slug: string; publishedAt: Date; title: PublishedFindings["title"]; survey: PublishedFindings["survey"] }[]> {
  const rows = await db
    .selectFrom("survey_findings")
    .innerJoin("survey", "survey.id", "survey_findings.survey_id")
    .select(["survey.slug", "survey_findings.published", "survey_findings.published_at"])
    .where("survey_findings.published_at", "is not", null)
    .where("survey.status", "!=", "draft")
    .orderBy("survey_findings.published_at", "desc")
    .orderBy("survey.slug")
    .execute();
  return rows.flatMap((row) => {
    const findings = readSnapshot(row.published);
    return findings && row.published_at ? [{ slug: row.slug, publishedAt: row.published_at, title: findings.title, survey: findings.survey }] : [];
  });
}

/** When a wave's findings were published, if they are (for its start page). */
export async function findingsPublishedAt(db: Db, surveyId: string): Promise<Date | null> {
  const row = await db.selectFrom("survey_findings").select("published_at").where("survey_id", "=", surveyId).executeTakeFirst();
  return row?.published_at ?? null;
}
