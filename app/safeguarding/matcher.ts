/**
 * Finds the safeguarding list's words and phrases in what someone wrote.
 * Pure: no database, no React (docs/decisions/020-safeguarding.md).
 *
 * What it supports, precisely:
 * - Case and accents do not matter ("SUICIDE", "suïcide" are "suicide"); "ł" counts as "l".
 * - Words are runs of letters and digits; anything else (spaces, punctuation, line
 *   breaks, emoji) separates words. A phrase matches across any run of separators:
 *   "want...to   die" and "want-to-die" match "want to die".
 * - A phrase also matches a run of whole words that, joined together, spell it:
 *   "k.i.l.l m-y-s-e-l-f", "kill my self", "killmyself" and "self-harm" / "selfharm"
 *   all match; "hurt ing" matches "hurting". The run must start and end on word edges,
 *   so "therapist" never matches "rapist".
 * - One slip per word of 5 or more letters (a letter missing, added, changed, or two
 *   neighbours swapped): "sucide", "sucidal", "suicdie" match. Words of 4 letters or
 *   fewer must be exact: "bill" is not "kill". Slips are allowed word by word only,
 *   not in the joined-up spellings above.
 * - No stemming: "hitting me" matches only if the list has it. The list carries the
 *   common forms itself.
 * - Any script: words are Unicode letters and digits (the `u` flag), so Urdu words are
 *   found between spaces and punctuation as Latin ones are. Urdu is folded the way people
 *   type it on different keyboards (decision 028): vowel marks and the kashida dropped;
 *   Arabic yeh, alef maksura and bari yeh read as Urdu yeh (ی); Arabic kaf as Urdu kaf (ک);
 *   every heh (ه ہ ھ ۃ) as ہ; noon ghunna (ں) as noon; a zero-width joiner or non-joiner
 *   inside a word is dropped ("خود‌کشی" is "خودکشی").
 */

/** Lower case, no accents, every run of non-letters/digits as one space, trimmed. */
export function normalise(text: string): string {
  return words(text).join(" ");
}

/** Urdu letters typed in more than one way, each to the one the list uses. */
const ARABIC_SCRIPT_FOLDS: Record<string, string> = {
  "\u064A": "\u06CC", // ي Arabic yeh
  "\u0649": "\u06CC", // ى alef maksura
  "\u06D2": "\u06CC", // ے bari yeh (often typed as ی, and the other way round)
  "\u0643": "\u06A9", // ك Arabic kaf
  "\u0647": "\u06C1", // ه Arabic heh
  "\u06BE": "\u06C1", // ھ do-chashmi heh
  "\u06C3": "\u06C1", // ۃ teh marbuta goal
  "\u0629": "\u06C1", // ة teh marbuta
  "\u06BA": "\u0646", // ں noon ghunna
};

/** The words of a text, normalised. */
export function words(text: string): string[] {
  return (
    text
      // Compatibility forms (full-width letters, Arabic presentation forms) become plain
      // letters, and accents and vowel marks come apart from their letters and are dropped.
      .normalize("NFKD")
      .replace(/[\p{M}\u0640\u200C\u200D]+/gu, "")
      .toLowerCase()
      .replace(/ł/g, "l")
      .replace(/ß/g, "ss")
      .replace(/[\u064A\u0649\u06D2\u0643\u0647\u06BE\u06C3\u0629\u06BA]/g, (c) => ARABIC_SCRIPT_FOLDS[c]!)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== "")
  );
}

export const MAX_PHRASE_LENGTH = 100;

/** Edit distance with adjacent swaps (optimal string alignment), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    for (let j = 1; j <= b.length; j++) rows[i]![j] = i === 0 ? j : 0;
  }
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Does a written word count as the list's word? Exact, or one slip for words of 5+ letters. */
export function wordMatches(written: string, listed: string): boolean {
  if (written === listed) return true;
  if (listed.length < 5) return false;
  return editDistance(written, listed, 1) <= 1;
}

function matchesAt(text: string[], start: number, phrase: string[], joined: string): boolean {
  // Word by word, with slips.
  if (start + phrase.length <= text.length && phrase.every((w, k) => wordMatches(text[start + k]!, w))) return true;
  // Whole words that, joined, spell the phrase exactly.
  let built = "";
  for (let i = start; i < text.length && built.length < joined.length; i++) {
    built += text[i];
    if (built === joined) return true;
  }
  return false;
}

/**
 * The list's phrases found in `text`, each once, in the list's order.
 * `terms` may be stored phrases or anything a person typed: both are normalised here.
 */
export function findTerms(text: string, terms: readonly string[]): string[] {
  const written = words(text);
  if (written.length === 0) return [];
  const found: string[] = [];
  for (const term of terms) {
    const phrase = words(term);
    if (phrase.length === 0) continue;
    const joined = phrase.join("");
    for (let start = 0; start < written.length; start++) {
      if (matchesAt(written, start, phrase, joined)) {
        found.push(term);
        break;
      }
    }
  }
  return found;
}
