import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, openSafeguardingItemWith, signIn, test } from "./fixtures";

const PARENT = "/surveys/parent-carer-survey-2026";

/** Answers every page of the survey: first choices, a real date, and `words` in the first text box. */
async function answerEverything(page: Page, words: string) {
  let disclosed = false;
  for (let guard = 0; guard < 30 && !new URL(page.url()).pathname.endsWith("/check"); guard++) {
    const form = page.locator("form[id^='survey-page-']");
    await expect(form).toBeVisible();
    await expectAccessible(page);
    const groups = await form
      .locator("input[type=radio], input[type=checkbox]")
      .evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    for (const name of groups) await form.locator(`input[name="${name}"]`).first().check();
    for (const box of await form.locator("textarea").all()) {
      await box.fill(disclosed ? "The school has been helpful." : words);
      disclosed = true;
    }
    for (const input of await form.locator("input.govuk-input").all()) {
      const name = (await input.getAttribute("name")) ?? "";
      if (name.endsWith("-day")) await input.fill("14");
      else if (name.endsWith("-month")) await input.fill("9");
      else if (name.endsWith("-year")) await input.fill("2024");
      else await input.fill((await input.getAttribute("inputmode")) === "numeric" ? "6" : "Burnley");
    }
    const before = page.url();
    await form.locator("button[value=continue]").click();
    await expect.poll(async () => page.url() !== before || (await page.locator(".govuk-error-summary").count()) > 0).toBe(true);
    await page.waitForLoadState("load");
  }
  expect(disclosed).toBe(true);
}

test("a disclosure in a survey answer reaches the safeguarding lead, and no one else", async ({ page, context }) => {
  const marker = `${hasJavaScript() ? "js" : "nojs"}-${Date.now()}`;
  const words = `My son says he wants to die (${marker}).`;

  await page.goto(PARENT);
  await expectAccessible(page);
  await page.locator("form:has(input[name=intent][value=start]) button").click();
  await answerEverything(page, words);
  await expectAccessible(page);
  await page.locator("form:has(input[name=intent][value=submit]) button").click();
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(/^SV-/);
  await expectAccessible(page);

  // The designated safeguarding lead finds it in the queue and reads it in full.
  await context.clearCookies();
  await signIn(page, "safeguarding@demo.local");
  await page.getByRole("link", { name: "Safeguarding queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding queue" })).toBeVisible();
  await expectAccessible(page);
  expect(await openSafeguardingItemWith(page, marker)).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding item" })).toBeVisible();
  await expect(page.getByText("wants to die", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Survey answer")).toBeVisible();
  await expectAccessible(page);

  // It moves on, with a note.
  await page.getByLabel("In progress").check();
  await page.getByLabel("Note").fill("Called the family.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expectAccessible(page);

  // An officer cannot open the queue.
  await context.clearCookies();
  await signIn(page, "officer@demo.local");
  const refused = await page.goto("/admin/safeguarding");
  expect(refused?.status()).toBe(403);
  await expectAccessible(page);
});

test("an officer flags page feedback by hand: a reason is asked for, then the words leave the officers' pages", async ({ page }) => {
  const reference = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;
  const missing = `Help for my nephew ${hasJavaScript() ? "js" : "nojs"} ${Date.now()}`;
  await page.goto("/local-offer/coverage");
  await page.getByText("Tell us what’s missing", { exact: true }).click();
  await page.getByRole("textbox", { name: "What service or information were you looking for?" }).fill(missing);
  await page.getByRole("button", { name: "Send", exact: true }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your feedback" })).toBeVisible();
  const sent = reference.exec((await page.getByText(reference).first().textContent()) ?? "")![0];

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/feedback");
  await page.getByRole("link", { name: sent }).click();
  await expect(page.getByText(missing)).toBeVisible();
  await page.getByRole("button", { name: "Flag for safeguarding" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter why you are flagging this feedback");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Why are you flagging this?" }).fill("The family mentioned a worry at home on the phone.");
  await page.getByRole("button", { name: "Flag for safeguarding" }).click();
  await expect(page.getByRole("alert")).toContainText("Flagged for the designated safeguarding lead");
  await expect(page.getByText("The words are with the designated safeguarding lead")).toBeVisible();
  await expect(page.getByText(missing)).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/admin/local-offer/feedback");
  await expect(page.getByRole("link", { name: sent })).toHaveCount(0);
});

test("an admin keeps the word list: a repeat is explained with what was typed kept, a new phrase is added in a language and removed", async ({
  page,
}) => {
  // The list is long (English, Urdu and Polish), and axe reads every row: slow on a busy machine.
  test.setTimeout(300_000);
  const phrase = `boję się ciemności ${hasJavaScript() ? "js" : "nojs"} ${Date.now() % 100000}`;
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/safeguarding/terms");
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding word list" })).toBeVisible();
  // The Urdu and Polish starter lists are there, each word as written and with its language.
  await expect(page.getByRole("row").filter({ hasText: "خودکشی" }).first()).toContainText("Urdu");
  await expect(page.getByRole("row").filter({ hasText: "samobójstwo" }).first()).toContainText("Polish");
  await expectAccessible(page);
  const box = page.getByRole("textbox", { name: "Word or phrase" });
  await box.fill("WANT TO-DIE");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("That word or phrase is already on the list");
  await expect(page.getByRole("textbox", { name: "Word or phrase" })).toHaveValue("WANT TO-DIE");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Word or phrase" }).fill(phrase);
  await page.getByRole("group", { name: "Which language is it in?" }).getByRole("radio", { name: "Polish" }).check();
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText(`“${phrase}” added.`);
  const row = page.getByRole("row").filter({ hasText: phrase });
  await expect(row).toContainText("Polish");
  await row.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByRole("alert")).toContainText("Removed.");
  await expect(page.getByRole("row").filter({ hasText: phrase })).toHaveCount(0);
});
