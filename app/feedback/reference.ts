/**
 * Feedback references: "FB-" and two groups of four characters, read aloud over
 * the phone or copied from a screen. The alphabet leaves out 0, O, 1, I, L and U
 * (easily confused, and U avoids accidental words), so 30 characters remain:
 * 30^8 ≈ 6.6 × 10^11 references, from cryptographically random bytes, so not
 * guessable. Web Crypto (global in Node 20 and browsers) rather than node:crypto,
 * so this module can also be imported by code that reaches the browser.
 */
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export const REFERENCE_PATTERN = /^FB-[2-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[2-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;

// 256 is not a multiple of 30: bytes at or above 240 are thrown away so every character is equally likely.
const LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

/** `count` characters from the reference alphabet, uniformly and unguessably. */
export function randomCharacters(count: number): string {
  let out = "";
  while (out.length < count) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(count * 2))) {
      if (byte >= LIMIT) continue;
      out += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (out.length === count) break;
    }
  }
  return out;
}

/** A new random reference, e.g. "FB-7KQ2-M9XD". Uniqueness is checked when it is stored. */
export function newReference(): string {
  const chars = randomCharacters(8);
  return `FB-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A reference as someone may type it ("fb 7kq2 m9xd"), tidied; undefined if it cannot be one. */
export function normaliseReference(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.length === 10 && compact.startsWith("FB") ? compact.slice(2) : compact;
  if (body.length !== 8) return undefined;
  const reference = `FB-${body.slice(0, 4)}-${body.slice(4)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
