import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

export { expect };
export const test = base;
export const DEMO_PASSWORD = E2E_DEMO_PASSWORD;

/** WCAG 2.2 A and AA rules (axe tags), and best-practice rules that catch real barriers. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Runs axe on the page as the visitor sees it. axe is a script, so for a page
 * opened with JavaScript off we copy its HTML (scripts removed) into a
 * JavaScript-enabled page at the same address, with the same stylesheets.
 */
export async function expectAccessible(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) {
    // A page that is still streaming in would be copied half-parsed (a label missing
    // for the last input read): wait until the whole document has arrived.
    await page.waitForLoadState("load");
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "").replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, "");
    const url = page.url();
    const copy = await copyPage(page);
    await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    try {
      await copy.goto(url);
      await checkWithAxe(copy, url);
    } finally {
      await copy.unroute(url);
      // Leave the page, so that the next copy is always a whole new document (never
      // a jump within this one when only the #fragment differs).
      await copy.goto("about:blank");
    }
    return;
  }
  await checkWithAxe(page, page.url());
}

/**
 * One JavaScript-enabled page per browser (that is, per worker), kept for the copies:
 * a new context for every check cost a renderer process and the stylesheets each time.
 */
const copies = new WeakMap<Browser, Promise<Page>>();
function copyPage(page: Page): Promise<Page> {
  const browser = page.context().browser()!;
  let copy = copies.get(browser);
  if (!copy) {
    copy = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
    copies.set(browser, copy);
  }
  return copy;
}

async function checkWithAxe(page: Page, url: string) {
  // "Legacy mode" runs axe once in the page itself. The default runs it in each frame and
  // then opens a blank page to join the results: a new page on every check, for frames
  // the portal does not have (it has no iframes). That doubled the time of each check.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(summary, `axe found accessibility problems on ${url}`).toEqual([]);
}


/** A test about HTTP alone (an API, headers): the browser's JavaScript plays no part, so it runs once (playwright.config.ts). */
export const HTTP_ONLY = { tag: "@no-js-only" };

/** Which projects run a translation's test: English both; Urdu with JavaScript (right to left after hydrating), Polish without. */
export function languageRuns(code: string): { tag: string[] } {
  return { tag: code === "ur" ? ["@js-only"] : code === "pl" ? ["@no-js-only"] : [] };
}

/** True in the "js" project, false in "no-js". */
export function hasJavaScript(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** Fills in and sends the sign-in form, as a person would; waits for the answer. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").or(page.getByRole("heading", { level: 1, name: "Staff area", exact: true }))).toBeVisible();
}

/** Signs in and waits until the staff area has opened. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** As the safeguarding lead: opens the newest queue items one by one until one shows `marker`. */
export async function openSafeguardingItemWith(page: Page, marker: string): Promise<boolean> {
  const links = await page.getByRole("link", { name: /^Open item/ }).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  for (const href of links.slice(0, 10)) {
    await page.goto(href);
    if ((await page.getByText(marker).count()) > 0) return true;
  }
  return false;
}
