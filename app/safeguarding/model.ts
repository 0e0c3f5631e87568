import type { SafeguardingStatus, SafeguardingTermLanguage } from "../../db/schema";

/** What the pages need on both server and browser (a .server module is empty in the browser). */
export const QUEUE_PATH = "/admin/safeguarding";
export const REASON_MAX = 1000;
export const NOTE_MAX = 2000;
export const flagStatuses = ["open", "in_progress", "closed"] as const satisfies readonly SafeguardingStatus[];

/** Languages a term can be written in, in the list's order. */
export const termLanguages = ["en", "ur", "pl"] as const satisfies readonly SafeguardingTermLanguage[];
/** The `lang` and `dir` to put on a term's words so screen readers pronounce them right. */
export const termLang = { en: { lang: "en-GB", dir: "ltr" }, ur: { lang: "ur", dir: "rtl" }, pl: { lang: "pl", dir: "ltr" } } as const;
export function isTermLanguage(value: unknown): value is SafeguardingTermLanguage {
  return typeof value === "string" && (termLanguages as readonly string[]).includes(value);
}
