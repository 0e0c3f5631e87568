/**
 * Takes names, email addresses and phone numbers out of what parents wrote, before
 * anyone outside the council reads it. Pure and deliberately simple: it catches
 *  - email addresses;
 *  - UK phone numbers (07…, 01…, 02…, 03…, 08…, +44 …) written together or with
 *    spaces, dashes, dots or brackets ("07700 900123", "(01632) 960-001", "+44 (0)20 7946 0000");
 *  - a capitalised name after "my/our son, daughter, child, boy, girl, … is called /
 *    is named / named / called / 's name is" ("my son is called Jack Smith");
 *  - a capitalised name after a title: Mr, Mrs, Ms, Miss, Mx, Dr, Prof ("Mrs Hargreaves").
 * What it cannot catch: a name on its own ("Jack has been waiting"), a name in
 * lower case, a school's or a worker's name without a title, a street address, or a
 * number written in words. The summary says so, and officers read the text before
 * sending it (docs/decisions/017-revisits.md).
 */

export const REDACTED = { email: "[email removed]", phone: "[phone number removed]", name: "[name removed]" } as const;

export interface Redacted {
  text: string;
  /** How many things were taken out. */
  removed: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// A run that could be a phone number: +44 or 0 (maybe in a bracket) then digits with
// the usual separators. Checked by digit count below, trimmed from the end if too long.
const PHONE_CANDIDATE = /(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s().-]{6,18}\d(?![\d])/g;

/** A UK number: 0 and 9–10 more digits, or 44 and 9–10 digits. */
function isUkNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  let national = digits.startsWith("44") && candidate.trimStart().startsWith("+") ? digits.slice(2) : digits.startsWith("0") ? digits.slice(1) : null;
  if (national === null) return false;
  if (candidate.includes("(0)")) national = national.replace(/^0/, "");
  return /^[1-9]\d{8,9}$/.test(national);
}

/** The longest start of a candidate that is a UK number (it may have swallowed a following number). */
function longestNumber(candidate: string): string | null {
  for (let end = candidate.length; end > 0; end--) {
    if (!/\d/.test(candidate[end - 1]!)) continue;
    const part = candidate.slice(0, end);
    if (isUkNumber(part)) return part;
  }
  return null;
}

const WHO = "(?:son|daughter|child|children|boy|girl|kid|baby|grandson|granddaughter|grandchild|stepson|stepdaughter|foster child|twins?|brother|sister)";
const NAME = "[A-Z][a-zA-Z'’-]+(?:\\s+[A-Z][a-zA-Z'’-]+)?";
const CALLED = new RegExp(`(\\b(?:[Mm]y|[Oo]ur)\\s+(?:(?:eldest|youngest|oldest|older|younger|little|middle)\\s+)?${WHO}(?:'s|’s)?\\s+(?:(?:is|was|are)\\s+)?(?:called|named|name\\s+is)\\s+)(${NAME})`, "g");
const TITLED = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+(${NAME})`, "g");

export function redact(input: string): Redacted {
  let removed = 0;
  let text = input.replace(EMAIL, () => {
    removed += 1;
    return REDACTED.email;
  });
  text = text.replace(PHONE_CANDIDATE, (candidate) => {
    const number = longestNumber(candidate);
    if (!number) return candidate;
    removed += 1;
    return REDACTED.phone + candidate.slice(number.length);
  });
  text = text.replace(CALLED, (_all, before: string) => {
    removed += 1;
    return `${before}${REDACTED.name}`;
  });
  text = text.replace(TITLED, () => {
    removed += 1;
    return REDACTED.name;
  });
  return { text, removed };
}
