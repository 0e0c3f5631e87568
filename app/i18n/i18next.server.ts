import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createCookie } from "@remix-run/node";
import { createInstance, type Resource, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import config, { fallbackLng, supportedLngs } from "./config";

/** The visitor's chosen language: a preference, not a secret, so unsigned. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Every translation, read once at start-up. Reading the files per request (the
 * fs backend) cost more than rendering the page; see bench/README.md.
 */
function loadResources(): Resource {
  const root = resolve("./public/locales");
  const resources: Resource = {};
  for (const lng of supportedLngs) {
    resources[lng] = {};
    for (const file of readdirSync(join(root, lng)).filter((f) => f.endsWith(".json"))) {
      resources[lng]![file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(root, lng, file), "utf8"));
    }
  }
  return resources;
}

export const resources = loadResources();

const remixI18next = new RemixI18Next({
  detection: {
    supportedLanguages: supportedLngs,
    fallbackLanguage: fallbackLng,
    // Order: ?lng= then the cookie then Accept-Language.
    cookie: languageCookie,
    order: ["searchParams", "cookie", "header"],
  },
});

/**
 * One i18next for the whole process, holding every language. Requests borrow
 * it (getFixedT) or clone it (instanceFor) instead of building their own,
 * which was the largest cost of a page (bench/README.md).
 */
const shared = createInstance();
void shared.use(initReactI18next).init({ ...config, resources, ns: Object.keys(resources[fallbackLng] ?? {}), initImmediate: false });

const i18next = {
  getLocale: (request: Request) => remixI18next.getLocale(request),
  async getFixedT(request: Request, ns: string): Promise<TFunction> {
    return shared.getFixedT(await remixI18next.getLocale(request), ns);
  },
  /** An i18next for rendering one response in `lng`, sharing the loaded translations. */
  instanceFor(lng: string) {
    return shared.cloneInstance({ lng, initImmediate: false });
  },
};

export default i18next;
