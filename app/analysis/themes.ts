/**
 * Themes for coding free text (docs/decisions/030-free-text-coding.md): the rules for a
 * theme an admin writes, and the themes the portal suggests for an answer. Pure: no
 * database, no React. Suggestions use the safeguarding matcher's forgiving matching
 * (app/safeguarding/matcher.ts: case, accents and punctuation ignored, one slip in a word
 * of five letters or more, words split or run together), so a theme's words are found
 * the way the word list's are.
 */
import { findTerms, normalise } from "../safeguarding/matcher";
import type { FieldErrors } from "../utils/form-data";

export const THEMES_PATH = "/admin/analysis/themes";
export const THEME_NAME_MAX = 80;
export const THEME_DESCRIPTION_MAX = 300;
/** The most words and phrases one theme may have, and the longest one. */
export const KEYWORDS_MAX = 40;
export const KEYWORD_MAX_LENGTH = 60;

/** A theme as the suggestion rules need it. */
export interface ThemeForSuggestion {
  id: number;
  keywords: readonly string[];
  retired: boolean;
}

export interface ThemeSuggestion {
  themeId: number;
  /** The theme's words found in the answer, in the theme's order. */
  matched: string[];
}

/**
 * The themes whose words are in `text`, in the list's order: never a retired theme,
 * never one the answer already has. Only a suggestion: nothing is stored until an
 * officer confirms it.
 */
export function suggestThemes(text: string, themes: readonly ThemeForSuggestion[], alreadyTagged: ReadonlySet<number> = new Set()): ThemeSuggestion[] {
  if (text.trim() === "") return [];
  const suggestions: ThemeSuggestion[] = [];
  for (const theme of themes) {
    if (theme.retired || alreadyTagged.has(theme.id) || theme.keywords.length === 0) continue;
    const matched = findTerms(text, theme.keywords);
    if (matched.length) suggestions.push({ themeId: theme.id, matched });
  }
  return suggestions;
}

/** What made a suggestion, as stored on the tag and shown to officers: "waiting list, autism". */
export function suggestedByText(matched: readonly string[]): string {
  return matched.join(", ");
}

/** Words as someone typed them: Unicode-composed, spaces tidied. */
function tidy(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/gu, " ");
}

export type KeywordsProblem = "tooMany" | "tooLong";

/**
 * Words and phrases typed one a line (or separated by commas): tidied, each once (two
 * that the matcher reads the same are one), empty ones dropped. Kept as written, so
 * Urdu letters and Polish ones stay readable; the matcher normalises them when it reads.
 */
export function parseKeywords(value: string): { ok: true; keywords: string[] } | { ok: false; problem: KeywordsProblem } {
  const keywords: string[] = [];
  const seen = new Set<string>();
  for (const part of value.split(/[\n,;،]/u)) {
    const written = tidy(part);
    const key = normalise(written);
    if (key === "" || seen.has(key)) continue;
    if (written.length > KEYWORD_MAX_LENGTH) return { ok: false, problem: "tooLong" };
    seen.add(key);
    keywords.push(written);
  }
  if (keywords.length > KEYWORDS_MAX) return { ok: false, problem: "tooMany" };
  return { ok: true, keywords };
}

export interface ThemeInput {
  name: string;
  description: string;
  areaOfConcern: number;
  keywords: string[];
}

/**
 * A theme from the admin's form: a name in plain words (at most 80 characters), an
 * optional description, one of the area's areas of concern (by number) and its words.
 * Errors are i18n keys in the "analysis-free-text" namespace, by field.
 */
export function parseThemeForm(values: Record<string, unknown>, areaNumbers: readonly number[]): { ok: true; data: ThemeInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : "");
  const name = tidy(text("name"));
  if (name === "") errors.name = "themes.errors.nameMissing";
  else if (name.length > THEME_NAME_MAX) errors.name = "themes.errors.nameTooLong";
  const description = tidy(text("description"));
  if (description.length > THEME_DESCRIPTION_MAX) errors.description = "themes.errors.descriptionTooLong";
  const areaText = text("area").trim();
  const area = /^\d{1,2}$/.test(areaText) ? Number(areaText) : NaN;
  if (areaText === "") errors.area = "themes.errors.areaMissing";
  else if (!areaNumbers.includes(area)) errors.area = "themes.errors.areaUnknown";
  const keywords = parseKeywords(text("keywords"));
  if (!keywords.ok) errors.keywords = `themes.errors.keywords.${keywords.problem}`;
  if (Object.keys(errors).length || !keywords.ok) return { ok: false, errors };
  return { ok: true, data: { name, description, areaOfConcern: area, keywords: keywords.keywords } };
}

/** Two names that differ only in case or spacing are the same name. */
export function sameName(a: string, b: string): boolean {
  return tidy(a).toLowerCase() === tidy(b).toLowerCase();
}

/** The language of one of a theme's words, for its lang attribute: Urdu or Polish by their letters, else none (the page's). */
export function keywordLanguage(keyword: string): "ur" | "pl" | undefined {
  if (/[\u0600-\u06FF]/u.test(keyword)) return "ur";
  if (/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/u.test(keyword)) return "pl";
  return undefined;
}
