import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Coding free text (issue 7, point 4; docs/decisions/030-free-text-coding.md). The demo's
 * 2026 parent and carer wave has answers in people's own words (db/seed/surveys-data.ts);
 * "Reply to emails. I have chased the SEND team many times." and "One named person to
 * contact who knows our case." have words of the starter theme "Communication with
 * families". The js and no-js projects share one database and run at the same time, so
 * each takes a different answer (the first or the second it finds) and tidies up after
 * itself where it can.
 */

const THEME = "Communication with families";
const QUESTION = "If you could change one thing about the support for children with SEND in your area, what would it be?";

/** 0 in the js project, 1 in no-js: which of the matching answers this run takes. */
const mine = () => (hasJavaScript() ? 0 : 1);

async function openFreeText(page: Page) {
  await page.goto("/admin/surveys");
  const href = await page.getByRole("link", { name: "Parent and carer survey 2026", exact: true }).getAttribute("href");
  const surveyId = href!.split("/").pop()!;
  await page.goto(`/admin/analysis/${surveyId}/free-text`);
  await expect(page.getByRole("heading", { level: 1, name: "What people wrote" })).toBeVisible();
  return surveyId;
}

/** The answer cards on the page (list items with a "Response …" heading). */
const cards = (page: Page) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: /^Response / }) });

/**
 * The `n`th (from 0) of `matches` across the pages of answers, going on with "Next" as
 * needed. Throws when the pages run out.
 */
async function nthAcrossPages(page: Page, matches: Locator, n: number): Promise<Locator> {
  let skip = n;
  // Counted only once the whole page is there (without JavaScript it streams in).
  await page.waitForLoadState("load");
  for (let pageNumber = 2; pageNumber < 20 && (await matches.count()) <= skip; pageNumber++) {
    skip -= await matches.count();
    await page.getByRole("link", { name: /^Next/ }).click();
    await expect(page).toHaveURL(new RegExp(`page=${pageNumber}`));
    await page.waitForLoadState("load");
  }
  await expect(matches.nth(skip)).toBeVisible();
  return matches.nth(skip);
}

async function cardWith(page: Page, heading: string): Promise<Locator> {
  return cards(page).filter({ has: page.getByRole("heading", { level: 3, name: heading, exact: true }) });
}

test("an officer codes free text, confirming a suggested theme, and filters by it", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openFreeText(page);
  await expectAccessible(page);

  await page.getByRole("link", { name: QUESTION }).click();
  await expect(page.getByRole("heading", { level: 2, name: QUESTION })).toBeVisible();
  await expect(page.getByRole("table", { name: "Themes in the answers to this question" })).toContainText("All answers");

  // Answers with no theme yet: the work still to do.
  await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption({ label: "No theme yet" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/theme=untagged/);
  const confirm = `Confirm ${THEME}`;
  const card = await nthAcrossPages(page, cards(page).filter({ has: page.getByRole("button", { name: confirm }) }), mine());
  const reference = (await card.getByRole("heading", { level: 3 }).textContent())!;
  await expect(card).toContainText(`${THEME}`);
  await expect(card).toContainText(/Suggested because it says “.+”/);
  await expectAccessible(page);

  await card.getByRole("button", { name: confirm }).click();
  await expect(page.getByRole("alert")).toContainText(`Theme “${THEME}” confirmed`);
  // Back on the same filtered page: the answer has a theme now, so it has left "No theme yet".
  await expect(page).toHaveURL(/theme=untagged/);
  await expect(await cardWith(page, reference)).toHaveCount(0);

  // Filtered by the theme, the answer is there, and says who and what gave it its theme.
  await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption({ label: THEME });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/theme=\d+/);
  let found = await nthAcrossPages(page, await cardWith(page, reference), 0);
  await expect(found).toContainText(new RegExp(`Suggested from “.+”, confirmed by SEND engagement officer on \\d+ \\w+ \\d{4}`));
  await expect(found.getByRole("button", { name: `Remove ${THEME}` })).toBeVisible();
  await expect(found.getByRole("button", { name: confirm })).toHaveCount(0);
  await expectAccessible(page);

  // A theme from the list, added by hand; refused first when none is chosen.
  await found.getByRole("button", { name: /^Add theme/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Choose a theme to add");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  found = await cardWith(page, reference);
  await found.getByRole("combobox", { name: /^Add a theme/ }).selectOption({ label: "Being listened to" });
  await found.getByRole("button", { name: /^Add theme/ }).click();
  await expect(page.getByRole("alert")).toContainText("Theme “Being listened to” added");
  found = await cardWith(page, reference);
  await expect(found).toContainText(/Added by SEND engagement officer on/);
  await found.getByRole("button", { name: "Remove Being listened to" }).click();
  await expect(page.getByRole("alert")).toContainText("Theme “Being listened to” removed");
  found = await cardWith(page, reference);
  await expect(found.getByRole("button", { name: "Remove Being listened to" })).toHaveCount(0);

  // Taken off again, so the next run in this database finds the answer as it was; a suggestion once more.
  await found.getByRole("button", { name: `Remove ${THEME}` }).click();
  await expect(page.getByRole("alert")).toContainText(`Theme “${THEME}” removed`);
  await expect(await cardWith(page, reference)).toHaveCount(0);
});

test("an officer chooses an answer as a quote, read first with the phone number taken out", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openFreeText(page);
  await page.getByRole("link", { name: QUESTION }).click();

  // "Please ring me on 07700 900417, nobody has answered my complaint." is a demo answer, more than once.
  const withPhone = cards(page).filter({ hasText: "07700 900417" }).filter({ has: page.getByRole("link", { name: /^Use as a quote/ }) });
  await expect(page.getByRole("heading", { level: 2, name: QUESTION })).toBeVisible();
  const card = await nthAcrossPages(page, withPhone, mine());
  const reference = (await card.getByRole("heading", { level: 3 }).textContent())!;
  await card.getByRole("link", { name: /^Use as a quote/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Use this answer as a quote" })).toBeVisible();
  await expect(page.getByText("Please ring me on [phone number removed], nobody has answered my complaint.")).toBeVisible();
  await expect(page.getByText("We took out 1 name, email address or phone number.")).toBeVisible();
  await expect(page.getByText("07700 900417")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use as a quote" }).click();

  await expect(page.getByRole("alert")).toContainText("Answer chosen as a quote");
  await expect((await cardWith(page, reference)).getByText("Chosen as a quote")).toBeVisible();
  const quote = page.getByRole("figure").filter({ hasText: reference.replace("Response ", "") });
  await expect(quote).toContainText("Please ring me on [phone number removed]");
  await expect(quote).toContainText("Chosen by SEND engagement officer");
  await expectAccessible(page);

  // Taken off the list again, so the next run finds it as it was.
  await quote.getByRole("button", { name: /^Remove quote/ }).click();
  await expect(page.getByRole("alert")).toContainText("Quote removed");
  await expect(page.getByRole("figure").filter({ hasText: reference.replace("Response ", "") })).toHaveCount(0);
});

test("an admin adds a theme to the list, after a bad one is refused, and retires it", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/analysis/themes");
  await expect(page.getByRole("heading", { level: 1, name: "Themes for coding free text" })).toBeVisible();
  await expect(page.getByRole("table", { name: /themes in use/ })).toContainText("Waiting for assessment");
  await expectAccessible(page);

  // Nothing filled in: refused, with the error summary and the title saying so.
  await page.getByRole("button", { name: "Add theme", exact: true }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Enter a name for the theme");
  await expect(summary).toContainText("Choose the area of concern this theme is about");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  // A name already in use is refused too, and what was typed stays.
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("waiting for ASSESSMENT");
  await page.getByRole("combobox", { name: "Area of concern" }).selectOption({ label: "7. Autism assessments were hard to get, and not offered in the north" });
  await page.getByRole("button", { name: "Add theme", exact: true }).click();
  await expect(summary).toContainText("There is already a theme with this name");
  await expect(page.getByRole("textbox", { name: "Name", exact: true })).toHaveValue("waiting for ASSESSMENT");

  const name = `Sleep ${hasJavaScript() ? "js" : "no-js"} ${Date.now()}`;
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("combobox", { name: "Area of concern" }).selectOption({ label: "3. The council and the NHS did not plan services together well" });
  await page.getByRole("textbox", { name: "Words that suggest it" }).fill("sleep\nbedtime\nnie śpi");
  await page.getByRole("button", { name: "Add theme", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`Theme “${name}” added`);
  const row = page.getByRole("table", { name: /themes in use/ }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("sleep, bedtime, nie śpi");

  await row.getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Change a theme/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Retire theme" }).click();
  await expect(page.getByRole("alert")).toContainText(`Theme “${name}” retired`);
  await expect(page.getByRole("table", { name: /retired theme/ })).toContainText(name);
});
