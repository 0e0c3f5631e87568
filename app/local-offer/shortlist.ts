/**
 * The shortlist: a family's list of services, kept in their browser (a
 * cookie), never on the server, and shareable as a link. Pure rules for
 * reading, changing and writing the list of slugs.
 */
import { isServiceSlug } from "./service-page";

/** The most services a shortlist holds. */
export const MAX_SHORTLIST = 50;
/**
 * The most characters the comma-joined list may take. A cookie must stay under
 * about 4 KB, and the value is base64-encoded JSON plus a signature (about 4/3
 * of this, plus 50), so real slugs (20 to 40 characters) reach MAX_SHORTLIST first.
 */
export const MAX_SHORTLIST_CHARS = 2800;

export const SHORTLIST_PATH = "/local-offer/shortlist";

/**
 * A list of slugs from a cookie value or a share link ("a,b" or ["a", "b"]):
 * anything not shaped like a slug is dropped, repeats are dropped (the first
 * stays), the order is kept, and at most MAX_SHORTLIST are kept.
 */
export function parseShortlist(value: unknown): string[] {
  return parseSharedList(value).slugs;
}

/** As parseShortlist, and says how many entries were dropped as not slugs (for a share link's message). */
export function parseSharedList(value: unknown): { slugs: string[]; invalid: number } {
  const raw = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : [];
  const slugs: string[] = [];
  let invalid = 0;
  for (const entry of raw) {
    const slug = typeof entry === "string" ? entry.trim() : entry;
    if (slug === "") continue;
    if (!isServiceSlug(slug)) {
      invalid += 1;
      continue;
    }
    if (!slugs.includes(slug) && fits([...slugs, slug])) slugs.push(slug);
  }
  return { slugs, invalid };
}

function fits(slugs: string[]): boolean {
  return slugs.length <= MAX_SHORTLIST && serialiseShortlist(slugs).length <= MAX_SHORTLIST_CHARS;
}

/** "a,b": how the list is written in the cookie and in a share link. */
export function serialiseShortlist(slugs: string[]): string {
  return slugs.join(",");
}

/** What a change to the shortlist tells the visitor afterwards. */
export type ShortlistNotice =
  | { message: "added" | "removed"; name: string }
  | { message: "full" }
  | { message: "saved"; count: number };

export type AddResult = { ok: true; slugs: string[]; added: boolean } | { ok: false; reason: "full" | "invalid" };

/** Adds a slug at the end. Already there: unchanged. Full: refused, so nothing is lost silently. */
export function addToShortlist(slugs: string[], slug: string): AddResult {
  if (!isServiceSlug(slug)) return { ok: false, reason: "invalid" };
  if (slugs.includes(slug)) return { ok: true, slugs, added: false };
  const next = [...slugs, slug];
  if (!fits(next)) return { ok: false, reason: "full" };
  return { ok: true, slugs: next, added: true };
}

export function removeFromShortlist(slugs: string[], slug: string): string[] {
  return slugs.filter((s) => s !== slug);
}

/** Someone else's list added after this one's, repeats dropped; what does not fit is left off. */
export function mergeShortlists(mine: string[], theirs: string[]): string[] {
  return parseShortlist([...mine, ...theirs]);
}

/** The address of a shortlist that anyone can open: /local-offer/shortlist?services=a,b */
export function shareHref(slugs: string[]): string {
  // Slugs are [a-z0-9-] only, so the commas can stay as they are: easier to read aloud or type.
  return `${SHORTLIST_PATH}?services=${serialiseShortlist(slugs)}`;
}

/** Where to go back to after a change: only a path on this site, never "//elsewhere" or "/\elsewhere". */
export function safeReturnTo(value: unknown, fallback = SHORTLIST_PATH): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // The browser's location is percent-encoded: anything but visible ASCII was not made by it.
  if (value.length > 2000 || /[^\x21-\x7e]/.test(value)) return fallback;
  return value;
}
