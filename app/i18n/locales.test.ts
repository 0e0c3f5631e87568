import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fallbackLng, supportedLngs } from "./config";

const root = join(import.meta.dirname, "../../public/locales");
const namespaces = readdirSync(join(root, fallbackLng)).filter((f) => f.endsWith(".json"));

/** "a.b.c" paths of every string, with plural suffixes folded to the base key. */
function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix.replace(/_(zero|one|two|few|many|other)$/, "")];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

const read = (lng: string, ns: string) => JSON.parse(readFileSync(join(root, lng, ns), "utf8")) as unknown;

describe("translations", () => {
  for (const lng of supportedLngs.filter((l) => l !== fallbackLng)) {
    for (const ns of namespaces) {
      it(`${lng}/${ns} has every key that en-GB has`, () => {
        const expected = new Set(keysOf(read(fallbackLng, ns)));
        const actual = new Set(keysOf(read(lng, ns)));
        expect([...expected].filter((k) => !actual.has(k))).toEqual([]);
      });
    }
  }
});
