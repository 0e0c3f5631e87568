/**
 * Published findings for a survey wave (issue 7, point 6; docs/decisions/032-published-findings.md):
 * the shapes of an officer's draft and of the snapshot families read, how a form's words
 * are checked, how blocks are moved, what stops publication, and how the snapshot is made.
 * Pure: the database side is findings.server.ts, the page findings-view.tsx.
 *
 * The snapshot holds only what the page shows: each chart's suppressed cells (a hidden
 * cell carries no count at all), the officer's words, the quotes' redacted words. So the
 * public page, and anyone reading its data, can never see a small number.
 */
import { z } from "zod";
import { TextVariantSchema, type Audience, type Question, type Text } from "../surveys/definition";
import { summariseDistribution, type Distribution, type RowKind } from "./distribution";
import { redact } from "./redact";
import type { Cell } from "./suppression";

// ---- The draft -----------------------------------------------------------------------------

export const blockKinds = ["chart", "text", "quote"] as const;
export type BlockKind = (typeof blockKinds)[number];

export type ChartBlock = { kind: "chart"; questionKey: string; plain: string; easyRead: string };
export type TextBlock = { kind: "text"; heading: string; plain: string; easyRead: string };
export type QuoteBlock = { kind: "quote"; quoteId: string };
export type FindingsBlock = ChartBlock | TextBlock | QuoteBlock;

/** The longest each piece of writing may be (characters). */
export const FINDINGS_LIMITS = { title: 150, summary: 2000, heading: 150, text: 3000 } as const;
/** More blocks than this is no longer a page a family reads. */
export const MAX_BLOCKS = 40;

const BlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("chart"), questionKey: z.string().max(40), plain: z.string(), easyRead: z.string() }),
  z.object({ kind: z.literal("text"), heading: z.string().default(""), plain: z.string(), easyRead: z.string() }),
  z.object({ kind: z.literal("quote"), quoteId: z.string().max(40) }),
]);

/** Blocks as stored (jsonb), checked; anything unreadable is left out rather than shown. */
export function parseBlocks(value: unknown): FindingsBlock[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = BlockSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface FindingsWords {
  titlePlain: string;
  titleEasyRead: string;
  summaryPlain: string;
  summaryEasyRead: string;
}

export interface FindingsDraft extends FindingsWords {
  blocks: FindingsBlock[];
}

export const wordFields = ["titlePlain", "titleEasyRead", "summaryPlain", "summaryEasyRead"] as const satisfies readonly (keyof FindingsWords)[];

// ---- Checking what an officer typed ----------------------------------------------------------

/** Field → i18n key in the "findings" namespace. */
export type FieldErrors = Record<string, string>;

/** Whether words would identify someone: a name after a title or "my son is called", an email address, a phone number. */
export function identifies(text: string): boolean {
  return redact(text).removed > 0;
}

function required(errors: FieldErrors, field: string, value: string, max: number, missing: string, tooLong: string) {
  if (value.trim() === "") errors[field] = missing;
  else if (value.length > max) errors[field] = tooLong;
  else if (identifies(value)) errors[field] = "builder.errors.identifying";
}

const text = (form: Record<string, unknown>, name: string) => {
  const value = form[name];
  return typeof value === "string" ? value.replace(/\r\n/g, "\n") : "";
};

/** The title and summary, in plain words and in easy read: all four are needed. */
export function checkWords(form: Record<string, unknown>): { ok: true; words: FindingsWords } | { ok: false; errors: FieldErrors } {
  const words: FindingsWords = {
    titlePlain: text(form, "titlePlain").trim(),
    titleEasyRead: text(form, "titleEasyRead").trim(),
    summaryPlain: text(form, "summaryPlain").trim(),
    summaryEasyRead: text(form, "summaryEasyRead").trim(),
  };
  const errors: FieldErrors = {};
  required(errors, "titlePlain", words.titlePlain, FINDINGS_LIMITS.title, "builder.errors.titlePlain", "builder.errors.titleTooLong");
  required(errors, "titleEasyRead", words.titleEasyRead, FINDINGS_LIMITS.title, "builder.errors.titleEasyRead", "builder.errors.titleTooLong");
  required(errors, "summaryPlain", words.summaryPlain, FINDINGS_LIMITS.summary, "builder.errors.summaryPlain", "builder.errors.summaryTooLong");
  required(errors, "summaryEasyRead", words.summaryEasyRead, FINDINGS_LIMITS.summary, "builder.errors.summaryEasyRead", "builder.errors.summaryTooLong");
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, words };
}

/** The fields of each kind of block, in page order (for the error summary). */
export const blockFields: Record<BlockKind, string[]> = {
  chart: ["questionKey", "plain", "easyRead"],
  text: ["heading", "plain", "easyRead"],
  quote: ["quoteId"],
};

/**
 * One block from its form. A chart must be of a question whose answers are counted, a
 * quote one of the wave's chosen quotes; the words are needed in plain words and in easy read.
 */
export function checkBlock(
  kind: BlockKind,
  form: Record<string, unknown>,
  { questionKeys, quoteIds }: { questionKeys: readonly string[]; quoteIds: readonly string[] },
): { ok: true; block: FindingsBlock } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const plain = text(form, "plain").trim();
  const easyRead = text(form, "easyRead").trim();
  if (kind === "quote") {
    const quoteId = text(form, "quoteId");
    if (!quoteIds.includes(quoteId)) return { ok: false, errors: { quoteId: "builder.errors.quoteId" } };
    return { ok: true, block: { kind, quoteId } };
  }
  if (kind === "chart") {
    const questionKey = text(form, "questionKey");
    if (!questionKeys.includes(questionKey)) errors.questionKey = "builder.errors.questionKey";
    required(errors, "plain", plain, FINDINGS_LIMITS.text, "builder.errors.chartPlain", "builder.errors.textTooLong");
    required(errors, "easyRead", easyRead, FINDINGS_LIMITS.text, "builder.errors.chartEasyRead", "builder.errors.textTooLong");
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, block: { kind, questionKey, plain, easyRead } };
  }
  const heading = text(form, "heading").trim();
  if (heading.length > FINDINGS_LIMITS.heading) errors.heading = "builder.errors.headingTooLong";
  else if (identifies(heading)) errors.heading = "builder.errors.identifying";
  required(errors, "plain", plain, FINDINGS_LIMITS.text, "builder.errors.textPlain", "builder.errors.textTooLong");
  required(errors, "easyRead", easyRead, FINDINGS_LIMITS.text, "builder.errors.textEasyRead", "builder.errors.textTooLong");
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, block: { kind, heading, plain, easyRead } };
}

// ---- Arranging blocks ------------------------------------------------------------------------

/** The blocks with one put at `index` (0-based; a new one at the end when `index` is null). */
export function putBlock(blocks: readonly FindingsBlock[], index: number | null, block: FindingsBlock): FindingsBlock[] {
  if (index === null) return [...blocks, block];
  return blocks.map((b, i) => (i === index ? block : b));
}

/** The blocks with the one at `index` swapped with its neighbour; unchanged at either end. */
export function moveBlock(blocks: readonly FindingsBlock[], index: number, direction: "up" | "down"): FindingsBlock[] {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= blocks.length || other < 0 || other >= blocks.length) return [...blocks];
  const moved = [...blocks];
  [moved[index], moved[other]] = [moved[other]!, moved[index]!];
  return moved;
}

export function removeBlock(blocks: readonly FindingsBlock[], index: number): FindingsBlock[] {
  return blocks.filter((_, i) => i !== index);
}

/** A block's place from the address or a form ("1" is the first); null when there is no such block. */
export function blockIndex(value: unknown, blocks: readonly unknown[]): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,2}$/.test(value)) return null;
  const index = Number(value) - 1;
  return index < blocks.length ? index : null;
}

// ---- Publishing ------------------------------------------------------------------------------

/** A quote an officer chose for the findings, already redacted when chosen (app/analysis/quotes.server.ts). */
export interface QuoteLike {
  id: string;
  questionKey: string;
  text: string;
  /** The language the family wrote in. */
  language: string;
}

/** What a chart of a question could show: nothing at all when no answer was chosen by enough people to be shown. */
export function hasSomethingToShow(d: Distribution): boolean {
  return d.total.shown && summariseDistribution(d).top.length > 0;
}

export interface PublishProblem {
  /** Where the problem is on the builder's page: "words", "blocks", or "block-3". */
  field: string;
  /** i18n key in the "findings" namespace. */
  key: string;
  /** The block's place, from 1, for the message. */
  number?: number;
}

/**
 * Why a draft cannot be published (empty when it can): words missing or identifying
 * someone, no blocks, a chart of a question with too few answers to show anything (or one
 * no longer counted), a quote no longer on the wave's list (removed, or flagged for
 * safeguarding since it was chosen).
 */
export function publishProblems(
  draft: FindingsDraft,
  { questions, withheld, quoteIds }: { questions: ReadonlyMap<string, Distribution>; withheld: boolean; quoteIds: ReadonlySet<string> },
): PublishProblem[] {
  const problems: PublishProblem[] = [];
  const words = [draft.titlePlain, draft.titleEasyRead, draft.summaryPlain, draft.summaryEasyRead];
  if (words.some((w) => w.trim() === "")) problems.push({ field: "words", key: "publish.errors.wordsMissing" });
  else if (words.some(identifies)) problems.push({ field: "words", key: "publish.errors.wordsIdentifying" });
  if (draft.blocks.length === 0) problems.push({ field: "blocks", key: "publish.errors.noBlocks" });
  draft.blocks.forEach((block, i) => {
    const at = { field: `block-${i + 1}`, number: i + 1 };
    if (block.kind === "quote") {
      if (!quoteIds.has(block.quoteId)) problems.push({ ...at, key: "publish.errors.quoteGone" });
      return;
    }
    const written = block.kind === "text" ? [block.heading, block.plain, block.easyRead] : [block.plain, block.easyRead];
    if (block.plain.trim() === "" || block.easyRead.trim() === "") problems.push({ ...at, key: "publish.errors.blockWordsMissing" });
    else if (written.some(identifies)) problems.push({ ...at, key: "publish.errors.blockIdentifying" });
    if (block.kind === "chart") {
      const d = questions.get(block.questionKey);
      if (withheld || (d && !hasSomethingToShow(d))) problems.push({ ...at, key: "publish.errors.tooFew" });
      else if (!d) problems.push({ ...at, key: "publish.errors.questionGone" });
    }
  });
  return problems;
}

/** Words as a label: an interface word (i18n key) or words from the survey in each of its languages and formats. */
export type PublishedLabel = { key: string; values?: Record<string, number> } | { variants: Text };

export interface PublishedRow {
  value: string;
  label: PublishedLabel;
  kind: RowKind;
  cell: Cell;
}

export interface PublishedChart {
  kind: "chart";
  questionKey: string;
  /** Its place in the survey, from 1. */
  number: number;
  /** The question as families read it, every language and format. */
  question: Text;
  multiple: boolean;
  rows: PublishedRow[];
  total: Cell;
  plain: string;
  easyRead: string;
}

export interface PublishedQuote {
  kind: "quote";
  quoteId: string;
  text: string;
  language: string;
  /** The question it answered, when it is still in the survey. */
  question: Text | null;
}

export type PublishedBlock = PublishedChart | TextBlock | PublishedQuote;

export interface PublishedFindings {
  version: 1;
  survey: { title: Text; audience: Audience; wave: string; closesAt: string | null };
  title: { plain: string; easyRead: string };
  summary: { plain: string; easyRead: string };
  threshold: number;
  /** How many sent the survey, suppressed. */
  responses: Cell;
  blocks: PublishedBlock[];
}

/** A result of one question as the results engine gives it (a QuestionResult, without its breakdown). */
export interface ChartSource extends Distribution {
  key: string;
  number: number;
  multiple: boolean;
}

/** Only what a cell shows: a hidden cell keeps no trace of its count. */
function cleanCell(cell: Cell): Cell {
  return cell.shown ? { shown: true, count: cell.count, percent: cell.percent } : { shown: false, reason: cell.reason };
}

function labelFor(question: Question | undefined, row: Distribution["rows"][number]): PublishedLabel {
  if ("key" in row.label) return row.label.values ? { key: row.label.key, values: row.label.values } : { key: row.label.key };
  const option = question?.options.find((o) => o.value === row.value);
  if (option) return { variants: option.label };
  return { variants: [{ language: "en-GB", format: "standard", text: row.label.text, reviewed: true }] };
}

/**
 * The snapshot families read, from the draft and the whole wave's suppressed results
 * (never a filtered view). Blocks that cannot be shown (a question no longer counted, a
 * quote no longer listed) are left out: publishing refuses those first (publishProblems),
 * and the preview simply does not show them.
 */
export function buildSnapshot(
  draft: FindingsDraft,
  source: {
    survey: PublishedFindings["survey"];
    threshold: number;
    responses: Cell;
    results: ReadonlyMap<string, ChartSource>;
    questions: ReadonlyMap<string, Question>;
    quotes: ReadonlyMap<string, QuoteLike>;
  },
): PublishedFindings {
  const blocks = draft.blocks.flatMap((block): PublishedBlock[] => {
    if (block.kind === "text") return [{ kind: "text", heading: block.heading, plain: block.plain, easyRead: block.easyRead }];
    if (block.kind === "quote") {
      const quote = source.quotes.get(block.quoteId);
      if (!quote) return [];
      return [{ kind: "quote", quoteId: quote.id, text: quote.text, language: quote.language, question: source.questions.get(quote.questionKey)?.text ?? null }];
    }
    const result = source.results.get(block.questionKey);
    const question = source.questions.get(block.questionKey);
    if (!result || !question) return [];
    return [
      {
        kind: "chart",
        questionKey: result.key,
        number: result.number,
        question: question.text,
        multiple: result.multiple,
        rows: result.rows.map((row) => ({ value: row.value, label: labelFor(question, row), kind: row.kind, cell: cleanCell(row.cell) })),
        total: cleanCell(result.total),
        plain: block.plain,
        easyRead: block.easyRead,
      },
    ];
  });
  return {
    version: 1,
    survey: source.survey,
    title: { plain: draft.titlePlain, easyRead: draft.titleEasyRead },
    summary: { plain: draft.summaryPlain, easyRead: draft.summaryEasyRead },
    threshold: source.threshold,
    responses: cleanCell(source.responses),
    blocks,
  };
}

/** A stored snapshot, or undefined if it is not one this version can read (then nothing is shown). */
export function readSnapshot(value: unknown): PublishedFindings | undefined {
  return PublishedSchema.safeParse(value).success ? (value as PublishedFindings) : undefined;
}

const CellSchema = z.union([
  z.object({ shown: z.literal(true), count: z.number(), percent: z.number().nullable() }),
  z.object({ shown: z.literal(false), reason: z.enum(["small", "secondary"]) }),
]);
const LabelSchema = z.union([z.object({ key: z.string(), values: z.record(z.string(), z.number()).optional() }), z.object({ variants: z.array(TextVariantSchema) })]);
const PublishedSchema = z.object({
  version: z.literal(1),
  survey: z.object({ title: z.array(TextVariantSchema), audience: z.string(), wave: z.string(), closesAt: z.string().nullable() }),
  title: z.object({ plain: z.string(), easyRead: z.string() }),
  summary: z.object({ plain: z.string(), easyRead: z.string() }),
  threshold: z.number(),
  responses: CellSchema,
  blocks: z.array(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("chart"),
        questionKey: z.string(),
        number: z.number(),
        question: z.array(TextVariantSchema),
        multiple: z.boolean(),
        rows: z.array(z.object({ value: z.string(), label: LabelSchema, kind: z.enum(["option", "dont_know", "not_answered"]), cell: CellSchema })),
        total: CellSchema,
        plain: z.string(),
        easyRead: z.string(),
      }),
      z.object({ kind: z.literal("text"), heading: z.string(), plain: z.string(), easyRead: z.string() }),
      z.object({ kind: z.literal("quote"), quoteId: z.string(), text: z.string(), language: z.string(), question: z.array(TextVariantSchema).nullable() }),
    ]),
  ),
});

/** The reader's choice of format, from the address: `?format=easy-read`, else standard. */
export type FindingsFormat = "standard" | "easy_read";
export function formatFromSearch(search: URLSearchParams): FindingsFormat {
  return search.get("format") === "easy-read" ? "easy_read" : "standard";
}

// ---- Addresses --------------------------------------------------------------------------------

/** The builder's pages: `/admin/analysis/:id/findings`, then `/words`, `/blocks/:n`, `/preview`. */
export const findingsPath = (surveyId: string, page = "") => `/admin/analysis/${surveyId}/findings${page ? `/${page}` : ""}`;

/** The page families read, in standard or easy read. */
export const publicFindingsPath = (slug: string, format: FindingsFormat = "standard") => `/surveys/${slug}/findings${format === "easy_read" ? "?format=easy-read" : ""}`;
