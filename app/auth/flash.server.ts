import type { AppLoadContext } from "@remix-run/node";
import { signedCookie } from "../security/cookies.server";

/**
 * A one-time message carried across a redirect in a short-lived signed cookie
 * (post/redirect/get), e.g. an invitation link shown to the admin once.
 */
function flashCookie(context: AppLoadContext) {
  return signedCookie(context, "flash", 10 * 60);
}

export async function setFlash(context: AppLoadContext, value: Record<string, string>): Promise<string> {
  return flashCookie(context).serialize(value);
}

export async function readFlash(request: Request, context: AppLoadContext): Promise<{ value: Record<string, string> | null; clear: string }> {
  const cookie = flashCookie(context);
  const value = await cookie.parse(request.headers.get("cookie"));
  return {
    value: value && typeof value === "object" ? (value as Record<string, string>) : null,
    clear: await cookie.serialize("", { maxAge: 0 }),
  };
}
