/**
 * Synonyms and jargon for the local offer search. Pure: no I/O.
 *
 * Officers keep groups of equivalent terms (search_synonym rows), single words or
 * phrases: {autism, autistic, asd, asc, "autism spectrum disorder"}. A search for
 * "asd" looks for any term of its group, and the page says so ("Also searching for:
 * autism, autistic…"), so nobody has to know the jargon to find help.
 */
import { z } from "zod";

export interface SynonymGroup {
  id: number;
  terms: string[];
  explanation: string;
}

/** One part of a search: the words the visitor typed and every term that means the same. */
export interface QueryPart {
  /** What the visitor typed for this part, as normalised words ("asd", "speech and language"). */
  text: string;
  /** Terms to look for, any of them (the typed text first). */
  alternatives: string[];
  /** The synonym groups that matched (empty for a plain word). */
  groupIds: number[];
}

/** What a search was widened to, for the "Also searching for" line. */
export interface ExpandedTerm {
  /** The words as typed. */
  matched: string;
  /** The other terms searched for, without the typed one. */
  alsoSearched: string[];
  /** The groups' explanations ("Autism"), when officers gave one. */
  explanation: string;
}

export interface Expansion {
  /** All parts must match (AND); within a part any alternative may (OR). */
  parts: QueryPart[];
  expanded: ExpandedTerm[];
}

/** The officers' list of groups. */
export const SYNONYMS_PATH = "/admin/local-offer/synonyms";

/** A group's name in messages and link text: its first few terms. */
export function groupName(terms: readonly string[]): string {
  return terms.length > 3 ? `${terms.slice(0, 3).join(", ")}…` : terms.join(", ");
}

export const MAX_TERM_LENGTH = 60;
export const MAX_TERMS = 30;
export const MAX_EXPLANATION_LENGTH = 300;

/** Words as search sees them: lower case, letters and digits (an apostrophe may join two). */
export function tokenize(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];
}

/** A term as stored and compared: lower case, single spaces, no stray punctuation at the ends. */
export function normaliseTerm(term: string): string {
  return term
    .normalize("NFKC")
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** The key two terms are "the same" by: their words, ignoring punctuation ("co-ordinator" = "co ordinator"). */
export function termKey(term: string): string {
  return tokenize(term).join(" ");
}

/**
 * Splits a search into parts, matching the longest synonym term at each point
 * ("speech and language therapy" is one part, not four), and widens each
 * matched part to every term of its groups.
 */
export function expandQuery(text: string, groups: readonly SynonymGroup[]): Expansion {
  const words = tokenize(text);
  // Each group's terms as word lists, indexed by their first word.
  const byFirstWord = new Map<string, { words: string[]; group: SynonymGroup }[]>();
  for (const group of groups) {
    for (const term of group.terms) {
      const termWords = tokenize(term);
      if (!termWords.length) continue;
      const list = byFirstWord.get(termWords[0]!) ?? [];
      list.push({ words: termWords, group });
      byFirstWord.set(termWords[0]!, list);
    }
  }

  const parts: QueryPart[] = [];
  const seen = new Set<string>();
  let index = 0;
  while (index < words.length) {
    let longest = 0;
    let matched: SynonymGroup[] = [];
    for (const candidate of byFirstWord.get(words[index]!) ?? []) {
      const length = candidate.words.length;
      if (length < longest || index + length > words.length) continue;
      if (!candidate.words.every((word, offset) => words[index + offset] === word)) continue;
      if (length > longest) {
        longest = length;
        matched = [];
      }
      if (!matched.includes(candidate.group)) matched.push(candidate.group);
    }
    if (longest === 0) {
      const word = words[index]!;
      index += 1;
      if (seen.has(`w:${word}`)) continue;
      seen.add(`w:${word}`);
      parts.push({ text: word, alternatives: [word], groupIds: [] });
      continue;
    }
    const typed = words.slice(index, index + longest).join(" ");
    index += longest;
    const groupIds = matched.map((g) => g.id).sort((a, b) => a - b);
    // "autism autistic" is one idea typed twice: search for it once.
    const key = `g:${groupIds.join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const alternatives = [typed];
    for (const group of matched) {
      for (const term of group.terms) {
        const normalised = normaliseTerm(term);
        if (normalised && !alternatives.some((a) => termKey(a) === termKey(normalised))) alternatives.push(normalised);
      }
    }
    parts.push({ text: typed, alternatives, groupIds });
  }

  const expanded = parts
    .filter((part) => part.groupIds.length > 0 && part.alternatives.length > 1)
    .map((part) => ({
      matched: part.text,
      alsoSearched: part.alternatives.slice(1),
      explanation: groups
        .filter((g) => part.groupIds.includes(g.id))
        .map((g) => g.explanation.trim())
        .filter(Boolean)
        .join("; "),
    }));
  return { parts, expanded };
}

/** Terms typed into the officers' form: one per line or separated by commas. Duplicates within the group are dropped. */
export function parseTerms(input: string): string[] {
  const terms: string[] = [];
  const keys = new Set<string>();
  for (const raw of input.split(/[\n\r,]+/)) {
    const term = normaliseTerm(raw);
    const key = termKey(term) || term;
    if (!term || keys.has(key)) continue;
    keys.add(key);
    terms.push(term);
  }
  return terms;
}

/**
 * The officers' form for a synonym group. Messages are i18n keys in "search-admin".
 * Whether a term is already in another group needs the database: see synonyms.server.ts.
 */
export const SynonymGroupSchema = z
  .object({
    terms: z.string({ required_error: "errors.termsRequired", invalid_type_error: "errors.termsRequired" }).transform(parseTerms),
    explanation: z
      .string({ invalid_type_error: "errors.explanationTooLong" })
      .optional()
      .transform((v) => normaliseExplanation(v ?? "")),
  })
  .superRefine((value, ctx) => {
    const { terms } = value;
    if (terms.length === 0) ctx.addIssue({ code: "custom", path: ["terms"], message: "errors.termsRequired" });
    else if (terms.some((t) => t.length > MAX_TERM_LENGTH)) ctx.addIssue({ code: "custom", path: ["terms"], message: "errors.termTooLong" });
    else if (terms.some((t) => termKey(t) === "")) ctx.addIssue({ code: "custom", path: ["terms"], message: "errors.termNoLetters" });
    else if (terms.length < 2) ctx.addIssue({ code: "custom", path: ["terms"], message: "errors.termsTooFew" });
    else if (terms.length > MAX_TERMS) ctx.addIssue({ code: "custom", path: ["terms"], message: "errors.termsTooMany" });
    if (value.explanation.length > MAX_EXPLANATION_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["explanation"], message: "errors.explanationTooLong" });
    }
  });
export type SynonymGroupInput = z.infer<typeof SynonymGroupSchema>;

function normaliseExplanation(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The terms already in other groups, by their key: the ones `terms` would repeat. */
export function duplicateTerms(terms: readonly string[], otherGroups: readonly Pick<SynonymGroup, "terms">[]): string[] {
  const taken = new Set(otherGroups.flatMap((g) => g.terms.map(termKey)));
  return terms.filter((term) => taken.has(termKey(term)));
}
