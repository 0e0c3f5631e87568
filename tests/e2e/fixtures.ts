import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

export { expect };
export const DEMO_PASSWORD = E2E_DEMO_PASSWORD;

/** WCAG 2.2 A and AA rules (axe tags), and best-practice rules that catch real barriers. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`,
  );
  expect(summary, `axe found accessibility problems on ${page.url()}`).toEqual([]);
}

export const test = base;

/** True in the "js" project, false in "no-js". */
export function hasJavaScript(): boolean {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
