import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type AppLoadContext, type UploadHandler } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { httpError } from "../utils/http.server";
import { signedCookie } from "./cookies.server";

export const CSRF_FIELD = "csrf";

function csrfFor(context: AppLoadContext) {
  return new CSRF({
    cookie: signedCookie(context, "csrf"),
    formDataKey: CSRF_FIELD,
    secret: context.cookieSecrets[0],
  });
}

/** The visitor's token, and a Set-Cookie header when it is new. Called by the root loader. */
export function commitCsrfToken(request: Request, context: AppLoadContext) {
  return csrfFor(context).commitToken(request);
}

/**
 * Checks the form's token against the cookie's (in addition to SameSite=Lax).
 * A missing or wrong token is a 403 with a page that says what to do.
 */
export async function requireCsrf(formData: FormData, request: Request, context: AppLoadContext): Promise<void> {
  try {
    await csrfFor(context).validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      context.logger.warn({ code: error.code }, "CSRF check failed");
      throw await httpError(request, 403, "csrf");
    }
    throw error;
  }
}

/** Reads a posted form and checks its CSRF token. Bodies that are not forms get a 400. */
export async function readForm(request: Request, context: AppLoadContext): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw await httpError(request, 400, "bad-request");
  }
  await requireCsrf(formData, request, context);
  return formData;
}

/**
 * Reads a form that may carry a file (enctype="multipart/form-data") and checks its CSRF
 * token, as readForm does. Each part goes through `uploadHandler`, which decides what is
 * kept and how much; a part over its handler's limit is a 413, a malformed body a 400.
 * A form posted without a file's encoding is read as readForm reads it.
 */
export async function readMultipartForm(request: Request, context: AppLoadContext, uploadHandler: UploadHandler): Promise<FormData> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) return readForm(request, context);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, uploadHandler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      context.logger.warn({ field: error.field }, "multipart part too large");
      throw await httpError(request, 413, "too-large");
    }
    throw await httpError(request, 400, "bad-request");
  }
  await requireCsrf(formData, request, context);
  return formData;
}
