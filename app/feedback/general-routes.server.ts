import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "~/auth/flash.server";
import { readForm } from "~/security/csrf.server";
import { publicOrigin } from "~/revisits/notice.server";
import { formValues, parseForm, type FieldErrors } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { EasyReadFeedbackSchema, SENT_PATH, StandardFeedbackSchema } from "./general";
import { sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";
import { newReference, REFERENCE_PATTERN } from "./reference";
import { honeypotFilled } from "./schemas";

/** Carries the reference of what was just sent across the redirect, once. */
const FLASH_REFERENCE = "generalFeedbackReference";

/**
 * The action of both forms at /feedback: checks what was sent, stores it (or, for a
 * bot's filled honeypot, pretends to), and goes to the thank-you page. Errors come
 * back with what was typed; too many sends from one address get a 429 with it too.
 */
export async function sendFeedback(request: Request, context: AppLoadContext, format: GeneralFeedbackInput["format"]) {
  const formData = await readForm(request, context);
  const thankYou = async (reference: string) =>
    redirect(SENT_PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH_REFERENCE]: reference }) } });
  if (honeypotFilled(formData)) {
    context.logger.warn({ format }, "feedback: hidden field filled in, nothing stored");
    return thankYou(newReference());
  }
  const parsed = format === "standard" ? parseForm(StandardFeedbackSchema, formData) : parseForm(EasyReadFeedbackSchema, formData);
  if (!parsed.ok) return formErrors(context, parsed.errors, parsed.values);
  const input = { format, ...parsed.data } as GeneralFeedbackInput;
  const result = await sendGeneralFeedback(context.db, {
    input,
    clientIp: context.clientIp,
    baseUrl: publicOrigin(request),
    now: context.now(),
  });
  if (!result.ok) {
    context.logger.warn({ format }, "feedback: too many from one address");
    return json(
      { errors: { form: "errors.tooMany" } as FieldErrors, values: formValues(formData), retryAt: result.retryAt.toISOString() },
      { status: 429 },
    );
  }
  return thankYou(result.reference);
}

/** The reference just sent, and the header that forgets it; undefined when nothing was sent. */
export async function sentReference(request: Request, context: AppLoadContext): Promise<{ reference: string; clear: string } | undefined> {
  const flash = await readFlash(request, context);
  const value = flash.value?.[FLASH_REFERENCE];
  return typeof value === "string" && REFERENCE_PATTERN.test(value) ? { reference: value, clear: flash.clear } : undefined;
}
