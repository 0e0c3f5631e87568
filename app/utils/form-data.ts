import type { ZodType, ZodTypeDef } from "zod";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/** Fields never echoed back to the page, even after an error. */
const SECRET_FIELDS = new Set(["password", "newPassword", "confirmPassword", "csrf"]);

/** Values exactly as typed, for putting back in the form after an error (never passwords). */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (SECRET_FIELDS.has(key)) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/**
 * Parses posted form data with the same zod schema the browser used. Error
 * messages are i18n keys; the first message for each field wins.
 */
export function parseForm<T>(schema: ZodType<T, ZodTypeDef, unknown>, formData: FormData): ParseResult<T> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values: formValues(formData) };
}
