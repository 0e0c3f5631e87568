import { createCookie } from "@remix-run/node";
import { parsePreferences, type Preferences } from "./preferences";

/** Not signed: it holds nothing but display choices, and a forged one only changes its sender's own view. */
export const preferencesCookie = createCookie("display", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function getPreferences(request: Request): Promise<Preferences> {
  try {
    return parsePreferences(await preferencesCookie.parse(request.headers.get("cookie")));
  } catch {
    return parsePreferences(null);
  }
}

export function commitPreferences(preferences: Preferences): Promise<string> {
  return preferencesCookie.serialize(preferences);
}
