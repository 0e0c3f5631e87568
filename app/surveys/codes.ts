/**
 * The codes a respondent sees: a reference on submission ("SV-7KQ3-M9XP"),
 * a resume code ("save and come back later") and invitation codes. All from
 * the same unambiguous alphabet as feedback references, read aloud or copied
 * by hand, and typed back in any case, with or without spaces and dashes.
 */
import { randomCharacters, REFERENCE_ALPHABET } from "../feedback/reference";

const CHAR = `[${REFERENCE_ALPHABET}]`;
export const SURVEY_REFERENCE_PATTERN = new RegExp(`^SV-${CHAR}{4}-${CHAR}{4}$`);
/** 10 characters: 30^10 ≈ 5.9 × 10^14, and resume attempts are rate limited. */
export const RESUME_CODE_PATTERN = new RegExp(`^${CHAR}{5}-${CHAR}{5}$`);
export const INVITATION_CODE_PATTERN = RESUME_CODE_PATTERN;

export function newSurveyReference(): string {
  const c = randomCharacters(8);
  return `SV-${c.slice(0, 4)}-${c.slice(4)}`;
}

/** A resume or invitation code, e.g. "7KQ3M-9XPDA". */
export function newCode(): string {
  const c = randomCharacters(10);
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/** A code as someone may type it ("7kq3m 9xpda"), tidied; undefined if it cannot be one. */
export function normaliseCode(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (compact.length !== 10) return undefined;
  const code = `${compact.slice(0, 5)}-${compact.slice(5)}`;
  return RESUME_CODE_PATTERN.test(code) ? code : undefined;
}
