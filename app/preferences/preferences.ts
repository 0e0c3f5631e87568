import { z } from "zod";

/** Display preferences anyone can set without an account (kept in a cookie). */
export const PreferencesSchema = z.object({
  textSize: z.enum(["standard", "large"]).catch("standard"),
  contrast: z.enum(["standard", "high"]).catch("standard"),
  font: z.enum(["standard", "dyslexia"]).catch("standard"),
  motion: z.enum(["standard", "reduced"]).catch("standard"),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const defaultPreferences: Preferences = {
  textSize: "standard",
  contrast: "standard",
  font: "standard",
  motion: "standard",
};

/** Classes for <html>: the stylesheet does the rest (app/styles/main.scss). */
export function preferenceClasses(p: Preferences): string {
  return [
    p.textSize === "large" && "pref-text-large",
    p.contrast === "high" && "pref-contrast-high",
    p.font === "dyslexia" && "pref-font-dyslexia",
    p.motion === "reduced" && "pref-motion-reduced",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Anything odd in the cookie falls back to the standard setting, never an error. */
export function parsePreferences(value: unknown): Preferences {
  if (typeof value !== "object" || value === null) return defaultPreferences;
  return PreferencesSchema.parse(value);
}
