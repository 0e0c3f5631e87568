/**
 * Stable ORUK ids for things that have no uuid of their own (needs, broad areas,
 * taxonomies, and per service or location: service areas (a district or the whole
 * area), languages, cost options, phones, addresses, accessibility items, …).
 * ORUK requires a uuid on every object, and a consumer that stores our feed must
 * see the same id on every request, so they are UUID v5 (RFC 9562: SHA-1 of a fixed
 * namespace and a name). Changing the namespace or a name changes every id a
 * consumer has stored: never do it.
 */
import { createHash } from "node:crypto";

/** Chosen once for this portal's ORUK feed. Frozen. */
export const ORUK_NAMESPACE = "6da2052b-1bba-4dbe-91be-3577780c4d03";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

/** RFC 9562 UUID version 5 of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = ORUK_NAMESPACE): string {
  if (!isUuid(namespace)) throw new Error(`Not a uuid: ${namespace}`);
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The two taxonomies the local offer publishes. */
export const taxonomyIds = {
  categories: uuidV5("taxonomy:categories"),
  needs: uuidV5("taxonomy:needs"),
} as const;

export const needTermId = (slug: string) => uuidV5(`need:${slug}`);
export const broadAreaTermId = (broadArea: string) => uuidV5(`broad-area:${broadArea}`);

/**
 * Ids of the small objects inside one service or location (its languages, cost
 * option, service areas, phones, address, accessibility items, attributes):
 * unique per owner, the same on every request.
 */
export const childId = (ownerId: string, part: string) => uuidV5(`${ownerId.toLowerCase()}/${part}`);
