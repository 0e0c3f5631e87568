import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Page feedback on the local offer (reg. 56). Both projects ("js" and "no-js") run
 * at once against one database, so every text sent is unique to the project and run.
 * Every answer counts against one address's limit (10 in 10 minutes): keep the number
 * of answers sent here small.
 */
test.describe.configure({ timeout: 90_000 });

function unique(prefix: string): string {
  return `${prefix} ${test.info().project.name} ${Date.now()}`;
}

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;

async function referenceOnPage(page: Page): Promise<string> {
  const text = await page.getByText(REFERENCE).first().textContent();
  const match = REFERENCE.exec(text ?? "");
  expect(match, "a reference is shown").not.toBeNull();
  return match![0];
}

test("someone reports a problem on a service page and an officer sees it", async ({ page }) => {
  const description = unique("The phone number for the group is wrong");
  await page.goto("/local-offer/services/burnley-autism-family-group");
  await expect(page.getByRole("heading", { level: 1, name: "Burnley Autism Family Group" })).toBeVisible();
  await expect(page.getByText("Do not include personal details. If you tell us a child may be at risk of harm, we will pass it to the safeguarding team.").first()).toBeAttached();
  await expectAccessible(page);

  // The form is folded away until asked for; sent empty, it says what is missing.
  const send = page.getByRole("button", { name: "Send report" });
  await expect(send).toBeHidden();
  await page.getByText("Report a problem with this page", { exact: true }).click();
  await send.click();
  await expect(page).toHaveURL(/\/local-offer\/feedback\?form=problem/);
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Choose what the problem is" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a description of the problem" })).toBeVisible();
  const box = page.getByRole("textbox", { name: "Tell us about the problem" });
  await expect(box).toHaveAccessibleDescription(/Enter a description of the problem/);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("link", { name: "Back to the page" })).toHaveAttribute("href", "/local-offer/services/burnley-autism-family-group");
  await expectAccessible(page);

  // A mistake keeps what was typed.
  await box.fill(description);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose what the problem is");
  await expect(page.getByRole("textbox", { name: "Tell us about the problem" })).toHaveValue(description);

  await page.getByRole("radio", { name: "The information is wrong or out of date" }).check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your feedback" })).toBeVisible();
  const reference = await referenceOnPage(page);
  await expect(page.getByRole("heading", { level: 2, name: "What happens next" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go back to the page you were on" })).toHaveAttribute("href", "/local-offer/services/burnley-autism-family-group");
  await expectAccessible(page);

  // An officer finds it in the list, with the service's name, and opens it.
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/feedback");
  await expect(page.getByRole("heading", { level: 1, name: "Page feedback on the local offer" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Burnley Autism Family Group");
  await expect(row).toContainText("Problem: The information is wrong or out of date");
  await expect(row).toContainText(description);
  await expectAccessible(page);

  // Filtering to "Something missing" leaves it out; to "Problem" keeps it.
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Something missing" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Problem" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await page.getByRole("link", { name: reference }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Feedback ${reference}` })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByRole("link", { name: "Burnley Autism Family Group" })).toHaveAttribute("href", "/local-offer/services/burnley-autism-family-group");
  await expect(page.getByRole("definition").filter({ hasText: "Engagement" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Mark as closed" }).click();
  await expect(page.getByText(`Feedback ${reference} is closed.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Open again" })).toBeVisible();
  await expectAccessible(page);

  // The "You said, we did" form starts from it, with a theme guessed and none of its words copied.
  await page.getByRole("link", { name: "Write a ‘You said, we did’ entry from this" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a “You said, we did” entry" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "What the local offer says" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "You said" })).toHaveValue("");
  await expect(page.getByRole("link", { name: reference, exact: true })).toBeVisible();
  await expectAccessible(page);
});

test("Is this page useful? No, with a comment, on the local offer search", async ({ page }) => {
  const comment = unique("Say which clubs have a quiet room");
  await page.goto("/local-offer");
  // Answered in place only once the page has hydrated (before that, the form posts as without JavaScript).
  if (hasJavaScript()) await expect(page.locator('input[name="inPlace"]')).toBeAttached();
  await page.getByRole("button", { name: "No this page is not useful" }).click();

  const box = page.getByRole("textbox", { name: "What could be better?" });
  await expect(box).toBeVisible();
  if (hasJavaScript()) {
    // Opened in place, with the cursor in the box.
    await expect(page).toHaveURL(/\/local-offer$/);
    await expect(box).toBeFocused();
  } else {
    await expect(page).toHaveURL(/\/local-offer\/feedback\?form=useful/);
    await expect(page.getByRole("heading", { level: 1, name: "What could be better?" })).toBeVisible();
  }
  await expect(page.getByText("Thank you for telling us this page was not useful.")).toBeVisible();
  await expectAccessible(page);

  await box.fill(comment);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Thank you for your feedback").first()).toBeVisible();
  const reference = await referenceOnPage(page);
  await expectAccessible(page);

  // One "No", with the comment added to it.
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/feedback?type=useful_no");
  const rows = page.getByRole("row").filter({ hasText: reference });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(comment);
  await expect(rows).toContainText("Useful: no");
  await expect(page.getByRole("table", { name: /Answers per page in the last 90 days/ }).getByRole("row").filter({ hasText: "/local-offer" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("someone tells us what's missing from the coverage page, and an officer sees it", async ({ page }) => {
  const missing = unique("A signing club for deaf teenagers in Ribble Valley");
  await page.goto("/local-offer/coverage");
  await page.getByText("Tell us what’s missing", { exact: true }).click();
  const send = page.getByRole("button", { name: "Send", exact: true }).last();

  // Sent empty, it asks for the words and comes back with the form on its own page.
  await send.click();
  await expect(page).toHaveURL(/\/local-offer\/feedback\?form=missing/);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("alert")).toContainText("There is a problem");
  await expect(page.getByRole("link", { name: "Back to the page" })).toHaveAttribute("href", "/local-offer/coverage");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "What service or information were you looking for?" }).fill(missing);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you for your feedback" })).toBeVisible();
  const reference = await referenceOnPage(page);
  await expectAccessible(page);

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/feedback");
  await page.getByLabel("Type", { exact: true }).selectOption({ label: "Something missing" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(missing);
});
