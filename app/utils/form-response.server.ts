import { json, type AppLoadContext } from "@remix-run/node";
import type { FieldErrors, FormValues } from "./form-data";

/**
 * The answer to a form that cannot be accepted: the same page again with the
 * errors and what was typed, a 4xx status, and a log line (field names only,
 * never the values: they can be personal).
 */
export function formErrors(context: AppLoadContext, errors: FieldErrors, values: FormValues = {}, status = 400) {
  context.logger.info({ status, fields: Object.keys(errors) }, "form rejected");
  return json({ errors, values }, { status });
}
