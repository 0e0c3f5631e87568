/**
 * Content that staff write (questions, hints, options, pages, service
 * descriptions) can have a version per language and per format. Easy read is a
 * format, not a language: an easy-read Polish text is { language: "pl",
 * format: "easy_read" }. See docs/decisions/006-translations-and-easy-read.md.
 */
import { fallbackLng } from "./config";

export type ContentFormat = "standard" | "easy_read";

export interface TextVariant {
  language: string;
  format: ContentFormat;
  text: string;
  /** Pictogram for easy read (a file under public/pictograms), when there is one. */
  pictogram?: string | null;
  /** Machine-assisted translations are shown with a notice until a person reviews them. */
  reviewed: boolean;
}

export interface ResolvedText extends TextVariant {
  /** True when the text is not in the language or format asked for. */
  fallback: boolean;
}

/**
 * Picks the best text for a reader: their language and format; then their
 * language in standard; then the default language in their format; then the
 * default language in standard. Never returns nothing while any variant exists.
 */
export function resolveText(
  variants: readonly TextVariant[],
  want: { language: string; format: ContentFormat },
): ResolvedText | undefined {
  const order: [string, ContentFormat][] = [
    [want.language, want.format],
    [want.language, "standard"],
    [fallbackLng, want.format],
    [fallbackLng, "standard"],
  ];
  for (const [language, format] of order) {
    const found = variants.find((v) => v.language === language && v.format === format && v.text.trim() !== "");
    if (found) return { ...found, fallback: language !== want.language || format !== want.format };
  }
  const any = variants.find((v) => v.text.trim() !== "");
  return any ? { ...any, fallback: true } : undefined;
}
