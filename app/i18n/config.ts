/**
 * Languages the portal speaks. English is complete and reviewed; the others
 * are machine-assisted until a fluent reviewer signs them off (see
 * docs/decisions/006-translations-and-easy-read.md).
 */
export const languages = [
  { code: "en-GB", name: "English", dir: "ltr", reviewed: true },
  { code: "ur", name: "اردو", dir: "rtl", reviewed: false },
  { code: "pl", name: "Polski", dir: "ltr", reviewed: false },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];
export const supportedLngs: LanguageCode[] = languages.map((l) => l.code);
export const fallbackLng: LanguageCode = "en-GB";

export function isLanguage(value: unknown): value is LanguageCode {
  return typeof value === "string" && (supportedLngs as string[]).includes(value);
}

export function languageOf(code: string) {
  return languages.find((l) => l.code === code) ?? languages[0];
}

export default {
  supportedLngs,
  fallbackLng,
  defaultNS: "common",
  // React escapes already; escaping twice would show "&amp;".
  interpolation: { escapeValue: false },
  // Keep "en-GB" whole: i18next would otherwise also look for "en".
  load: "currentOnly" as const,
};
