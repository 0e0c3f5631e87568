import { describe, expect, it } from "vitest";
import { resolveText, type TextVariant } from "./content";

const v = (language: string, format: "standard" | "easy_read", text: string): TextVariant => ({ language, format, text, reviewed: true });

describe("choosing a text for a reader", () => {
  const variants = [
    v("en-GB", "standard", "How satisfied are you with the support your child receives?"),
    v("en-GB", "easy_read", "Is the help for your child good?"),
    v("pl", "standard", "Jak bardzo jest Pan/Pani zadowolony(-a) ze wsparcia?"),
  ];

  it("gives the reader's own language and format when it exists", () => {
    expect(resolveText(variants, { language: "en-GB", format: "easy_read" })).toMatchObject({ text: "Is the help for your child good?", fallback: false });
  });

  it("prefers the reader's language in standard over easy read in English", () => {
    expect(resolveText(variants, { language: "pl", format: "easy_read" })).toMatchObject({ language: "pl", format: "standard", fallback: true });
  });

  it("falls back to English in the reader's format when their language is missing", () => {
    expect(resolveText(variants, { language: "ur", format: "easy_read" })).toMatchObject({ language: "en-GB", format: "easy_read", fallback: true });
  });

  it("ignores blank texts and returns nothing only when there is no text at all", () => {
    expect(resolveText([v("ur", "standard", "  "), v("en-GB", "standard", "Hello")], { language: "ur", format: "standard" })?.text).toBe("Hello");
    expect(resolveText([], { language: "en-GB", format: "standard" })).toBeUndefined();
  });
});
