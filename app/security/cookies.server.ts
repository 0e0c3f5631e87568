import { createCookie, type AppLoadContext } from "@remix-run/node";

/** Signed, httpOnly, SameSite=Lax; Secure in production. */
export function signedCookie(context: Pick<AppLoadContext, "env" | "cookieSecrets">, name: string, maxAgeSeconds?: number) {
  return createCookie(name, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: context.env.NODE_ENV === "production",
    secrets: context.cookieSecrets,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}
