/**
 * What the export page and its download addresses share (docs/decisions/031): the survey
 * or the 404 page, the file as a download, and the "grant" that carries a raw download's
 * reason from the page's form to the file's address.
 *
 * A raw download is a POST from the page (the reason is checked there, and a missing one
 * shows the page again with what was typed), then a redirect to the file's own address.
 * The grant is a signed, httpOnly cookie, scoped to /admin/analysis and good for two
 * minutes, naming the user, the survey, the file and the reason: the reason never goes
 * into an address, a log line or the browser's history. The file's address refuses
 * anyone without the permission (403) and sends a visit without a grant to the page.
 */
import { redirect, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/session.server";
import i18next from "../i18n/i18next.server";
import { signedCookie } from "../security/cookies.server";
import { httpError } from "../utils/http.server";
import { analysisPath, isRawFile, type RawFile } from "./export";
import { exportResponses, getExportSurvey, type ExportFile } from "./export.server";

/** The survey for an analysis page, in the reader's language, or the 404 page. */
export async function requireExportSurvey(request: Request, context: AppLoadContext, id: string | undefined) {
  const survey = await getExportSurvey(context.db, { id, language: await i18next.getLocale(request) });
  if (!survey) throw await httpError(request, 404, "not-found");
  return survey;
}

/** A file to save, never to show: the headers every export goes out with. */
export function fileResponse(file: ExportFile, headers: Record<string, string> = {}): Response {
  const body = typeof file.body === "string" ? file.body : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    },
  });
}

// ---- The grant ---------------------------------------------------------------------------------

const GRANT_COOKIE = "analysis-export";
const GRANT_PATH = "/admin/analysis";
/** Long enough for a slow connection to follow the redirect; short enough to be used once. */
export const GRANT_SECONDS = 120;

interface Grant {
  userId: string;
  surveyId: string;
  file: RawFile;
  reason: string;
  /** When the reason was given (ISO). */
  at: string;
}

const grantCookie = (context: AppLoadContext) => signedCookie(context, GRANT_COOKIE, GRANT_SECONDS);

/** The Set-Cookie header that lets this user download this file of this survey for the next two minutes. */
export async function grantDownload(context: AppLoadContext, grant: Omit<Grant, "at">, now: Date): Promise<string> {
  return grantCookie(context).serialize({ ...grant, at: now.toISOString() } satisfies Grant, { path: GRANT_PATH });
}

/** The Set-Cookie header that ends a grant (sent with the file). */
export async function clearGrant(context: AppLoadContext): Promise<string> {
  return grantCookie(context).serialize("", { path: GRANT_PATH, maxAge: 0 });
}

/** The reason given for this download, if the request carries a grant for exactly it, made in the last two minutes. */
export async function readGrant(
  request: Request,
  context: AppLoadContext,
  want: { userId: string; surveyId: string; file: RawFile; now: Date },
): Promise<string | undefined> {
  const value: unknown = await grantCookie(context).parse(request.headers.get("cookie"));
  if (!value || typeof value !== "object") return undefined;
  const grant = value as Partial<Grant>;
  const age = want.now.getTime() - new Date(String(grant.at)).getTime();
  const fresh = Number.isFinite(age) && age >= -5_000 && age <= GRANT_SECONDS * 1000;
  const matches = grant.userId === want.userId && grant.surveyId === want.surveyId && grant.file === want.file && isRawFile(grant.file);
  return fresh && matches && typeof grant.reason === "string" && grant.reason !== "" ? grant.reason : undefined;
}

/**
 * GET on a raw file's address: 403 without the permission, 404 for no such survey, back to
 * the export page without a grant (or when the wave has too few responses), else the file,
 * recorded in the audit log.
 */
export async function rawDownload({ request, context, params }: Pick<LoaderFunctionArgs, "request" | "context" | "params">, file: RawFile) {
  const user = await requireUser(request, context, "analysis.export.raw");
  const survey = await requireExportSurvey(request, context, params.surveyId);
  const page = analysisPath(survey.id, "export");
  const now = context.now();
  const reason = await readGrant(request, context, { userId: user.id, surveyId: survey.id, file, now });
  if (!reason) return redirect(page);
  const result = await exportResponses(context.db, { surveyId: survey.id, file, reason, by: { userId: user.id, requestId: context.requestId }, now });
  const clear = await clearGrant(context);
  if (!result.ok) {
    if (result.reason === "not-found") throw await httpError(request, 404, "not-found");
    return redirect(page, { headers: { "Set-Cookie": clear } });
  }
  context.logger.info({ surveyId: survey.id, file, rows: result.rows }, "raw survey export downloaded");
  return fileResponse(result, { "Set-Cookie": clear });
}
