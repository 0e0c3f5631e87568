import { resolve } from "node:path";
import { createCookie } from "@remix-run/node";
import Backend from "i18next-fs-backend";
import { RemixI18Next } from "remix-i18next/server";
import config, { fallbackLng, supportedLngs } from "./config";

/** The visitor's chosen language: a preference, not a secret, so unsigned. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const localesPath = resolve("./public/locales/{{lng}}/{{ns}}.json");

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: supportedLngs,
    fallbackLanguage: fallbackLng,
    // Order: ?lng= then the cookie then Accept-Language.
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...config, backend: { loadPath: localesPath } },
  plugins: [Backend],
});

export default i18next;
