import { json } from "@remix-run/node";
import i18next from "../i18n/i18next.server";

export type ErrorReason = "not-found" | "forbidden" | "csrf" | "bad-request" | "too-large";

const kindOf: Record<ErrorReason, string> = {
  "not-found": "notFound",
  forbidden: "forbidden",
  csrf: "csrf",
  "bad-request": "badRequest",
  "too-large": "tooLarge",
};

export interface ErrorData {
  reason: ErrorReason;
  title: string;
}

/**
 * A 4xx Response for `throw`, carrying a short reason and the page title in the
 * visitor's language (the root ErrorBoundary and meta read them). Never details.
 */
export async function httpError(request: Request, status: number, reason: ErrorReason): Promise<Response> {
  const t = await i18next.getFixedT(request, "common");
  const title = t(`errors.${kindOf[reason]}.title`);
  return json<ErrorData>({ reason, title }, { status, headers: { "Cache-Control": "no-store" } });
}
