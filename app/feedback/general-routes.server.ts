import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { readFlash, setFlash } from "~/auth/flash.server";
import { readMultipartForm } from "~/security/csrf.server";
import { publicOrigin } from "~/revisits/notice.server";
import { formValues, parseForm, type FieldErrors, type FormValues } from "~/utils/form-data";
import { formErrors } from "~/utils/form-response.server";
import { ATTACHMENT_FIELD, ATTACHMENT_REMOVE_FIELD, ATTACHMENT_TOKEN_FIELD, checkAttachment } from "./attachments";
import {
  feedbackUploadHandler,
  findPending,
  removePending,
  storePending,
  uploadIn,
  type NewAttachment,
  type PendingAttachment,
} from "./attachments.server";
import { easyReadFeedbackSchema, SENT_PATH, standardFeedbackSchema } from "./general";
import { sendGeneralFeedback, type GeneralFeedbackInput } from "./general.server";
import { newReference, REFERENCE_PATTERN } from "./reference";
import { honeypotFilled } from "./schemas";

/** Carries the reference of what was just sent across the redirect, once. */
const FLASH_REFERENCE = "generalFeedbackReference";

/** What was typed, for the form again, with a kept upload's token and description (never the file's name). */
function valuesWith(formData: FormData, pending: PendingAttachment | undefined): FormValues {
  const values = formValues(formData);
  delete values[ATTACHMENT_FIELD];
  delete values[ATTACHMENT_TOKEN_FIELD];
  delete values[ATTACHMENT_REMOVE_FIELD];
  delete values.attachmentKind;
  delete values.attachmentSize;
  if (!pending) return values;
  return { ...values, [ATTACHMENT_TOKEN_FIELD]: pending.token, attachmentKind: pending.kind, attachmentSize: String(pending.byteSize) };
}

/**
 * The action of both forms at /feedback: checks what was sent, stores it (or, for a
 * bot's filled honeypot, pretends to), and goes to the thank-you page. Errors come
 * back with what was typed; too many sends from one address get a 429 with it too.
 * A drawing, photo or recording is checked by its bytes (docs/decisions/022-feedback-uploads.md);
 * a good one sent with a mistake elsewhere is kept, so it need not be chosen again.
 */
export async function sendFeedback(request: Request, context: AppLoadContext, format: GeneralFeedbackInput["format"]) {
  const formData = await readMultipartForm(request, context, feedbackUploadHandler);
  const thankYou = async (reference: string) =>
    redirect(SENT_PATH, { headers: { "Set-Cookie": await setFlash(context, { [FLASH_REFERENCE]: reference }) } });
  if (honeypotFilled(formData)) {
    context.logger.warn({ format }, "feedback: hidden field filled in, nothing stored");
    return thankYou(newReference());
  }
  const now = context.now();

  // A new file: checked by what its bytes are, never by its name or the browser's word.
  const upload = await uploadIn(formData);
  let fresh: NewAttachment | undefined;
  let attachmentError: string | undefined;
  if (upload.state === "oversize") attachmentError = "errors.attachmentTooLarge";
  else if (upload.state === "file") {
    const checked = checkAttachment(upload.bytes, format);
    if (checked.ok) fresh = { mediaType: checked.mediaType, kind: checked.kind, bytes: checked.bytes };
    else attachmentError = checked.error;
  }
  // A file kept from an earlier try: sent, unless removed or replaced by a new good one.
  const token = formData.get(ATTACHMENT_TOKEN_FIELD);
  let kept: PendingAttachment | undefined;
  if (typeof token === "string" && token !== "") {
    if (fresh || formData.get(ATTACHMENT_REMOVE_FIELD) === "yes") await removePending(context.db, token);
    else {
      kept = await findPending(context.db, token, now);
      if (!kept) attachmentError ??= "errors.attachmentExpired";
    }
  }
  if (upload.state !== "none")
    context.logger.info({ format, accepted: Boolean(fresh), reason: attachmentError }, "feedback: file uploaded");

  const attached = Boolean(fresh || kept);
  const parsed =
    format === "standard"
      ? parseForm(standardFeedbackSchema({ attached }), formData)
      : parseForm(easyReadFeedbackSchema({ attached }), formData);
  /** Nothing lost: a good new file waits for the next try. */
  const keepForLater = async () => (fresh ? storePending(context.db, { upload: fresh, now }) : kept);
  if (!parsed.ok || attachmentError) {
    const errors: FieldErrors = {
      ...(parsed.ok ? {} : parsed.errors),
      ...(attachmentError ? { [ATTACHMENT_FIELD]: attachmentError } : {}),
    };
    return formErrors(context, errors, valuesWith(formData, await keepForLater()));
  }
  const input = { format, ...parsed.data } as GeneralFeedbackInput;
  const result = await sendGeneralFeedback(context.db, {
    input,
    attachment: fresh ?? (kept ? { pendingToken: kept.token } : undefined),
    clientIp: context.clientIp,
    baseUrl: publicOrigin(request),
    now,
  });
  if (!result.ok && result.reason === "attachment-gone") {
    return formErrors(context, { [ATTACHMENT_FIELD]: "errors.attachmentExpired" }, valuesWith(formData, undefined));
  }
  if (!result.ok) {
    context.logger.warn({ format }, "feedback: too many from one address");
    return json(
      {
        errors: { form: "errors.tooMany" } as FieldErrors,
        values: valuesWith(formData, await keepForLater()),
        retryAt: result.retryAt.toISOString(),
      },
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
