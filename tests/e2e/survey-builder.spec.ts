import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * The survey builder: an officer writes a survey's pages and questions, a
 * condition, and Polish easy read with pictograms, then previews it as a
 * respondent. Both projects (JavaScript on and off) run at once against one
 * database: each makes its own survey.
 */
test.describe.configure({ timeout: 180_000 });

function unique(prefix: string): string {
  return `${prefix}-${test.info().project.name}-${Date.now()}`;
}

test("an officer builds a survey with a condition and Polish easy read, and previews it", async ({ page }) => {
  const slug = unique("builder");
  const title = `Builder journey ${test.info().project.name} ${Date.now()}`;

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/surveys/new");
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("textbox", { name: "Web address" }).fill(slug);
  await page.getByRole("radio", { name: "Parents and carers" }).check();
  await page.getByRole("textbox", { name: "Series" }).fill(unique("builder-series"));
  await page.getByRole("textbox", { name: "Wave" }).fill("2027");
  await page.getByRole("radio", { name: "Open link" }).check();
  await page.getByRole("button", { name: "Create survey" }).click();

  // The overview: what the survey is, its state and version, its pages and questions.
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Version 1, not locked")).toBeVisible();
  await expect(page.getByRole("table", { name: "Questions on page 1" })).toContainText("Is there anything you would like to tell us?");
  for (const name of ["Opening and closing times", "Who can answer and invitation codes", "Duplicate into a new wave", "Archive"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expectAccessible(page);

  // A page, with its first question: single choice. A duplicated option value is explained and what was typed is kept.
  await page.getByRole("link", { name: "Add a page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a page" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Page key" }).fill("school");
  await page.getByRole("textbox", { name: "Page title (optional)" }).fill("School");
  await page.getByRole("textbox", { name: "Question key" }).fill("at_school");
  await page.getByRole("textbox", { name: "Question (English)" }).fill("Does your child go to school?");
  await page.getByRole("radio", { name: "Single choice" }).check();
  await page.getByRole("textbox", { name: /^Options/ }).fill("yes | Yes\nyes | No");
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page.getByRole("button", { name: "Add the page" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("alert")).toContainText("Two options have the value yes: each value must be different");
  await expect(page.getByRole("textbox", { name: "Question key" })).toHaveValue("at_school");
  await expect(page.getByRole("textbox", { name: /^Options/ })).toHaveValue("yes | Yes\nyes | No");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: /^Options/ }).fill("yes | Yes\nno | No");
  await page.getByRole("button", { name: "Add the page" }).click();
  await expect(page.getByText("Page school has been added.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Page 2: School" })).toBeVisible();

  // A second question on that page.
  await page.getByRole("link", { name: "Add a question to page 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a question" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Page" })).toHaveValue("school");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Question key" }).fill("school_name");
  await page.getByRole("textbox", { name: "Question (English)" }).fill("Which school does your child go to?");
  await page.getByRole("radio", { name: "Short text" }).check();
  await page.getByRole("radio", { name: "No, it is optional" }).check();
  await page.getByRole("button", { name: "Add the question" }).click();
  await expect(page.getByText("Question school_name has been added.")).toBeVisible();

  // Show it only if the child goes to school.
  await page.getByRole("link", { name: "Condition question school_name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Show this question only if" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("group", { name: "“Does your child go to school?” (at_school)" }).getByRole("checkbox", { name: "Yes" }).check();
  await page.getByRole("button", { name: "Save the condition" }).click();
  await expect(page.getByText("Question school_name is now shown only when its condition is met.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Questions on page 2" }).getByRole("row").filter({ hasText: "school_name" })).toContainText(
    "the answer to “Does your child go to school?” is “Yes”",
  );
  await expectAccessible(page);

  // Polish easy read, with a pictogram for the question and one for an option.
  await page.getByRole("link", { name: "Translations and easy read" }).click();
  await page.getByRole("radio", { name: "Polish" }).check();
  await page.getByRole("radio", { name: "Easy read" }).check();
  await page.getByRole("button", { name: "Show the texts" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Polish, Easy read" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Page 2: School" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Question text (at_school)" }).fill("Czy chodzisz do szkoły?");
  await page.getByRole("combobox", { name: "Pictogram for Question text (at_school)" }).selectOption({ label: "School" });
  await page.getByRole("textbox", { name: "Option yes (at_school)" }).fill("Tak");
  await page.getByRole("combobox", { name: "Pictogram for Option yes (at_school)" }).selectOption({ label: "Yes" });
  await page.getByRole("textbox", { name: "Page title (school)" }).fill("Szkoła");
  await page.getByRole("button", { name: "Save Polish, Easy read" }).click();
  await expect(page.getByText("The texts have been saved.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Question text (at_school)" })).toHaveValue("Czy chodzisz do szkoły?");
  await expectAccessible(page);

  // The preview, in Polish easy read: the words and the pictograms, and nothing to send.
  await page.goto(page.url().replace(/\/texts\?.*$/, "/preview?lng=pl&format=easy_read&page=school"));
  await expect(page.getByText("Podgląd: odpowiedzi nie są zapisywane")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Szkoła" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Czy chodzisz do szkoły?" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Tak" })).toBeVisible();
  await expect(page.locator('img[src="/pictograms/school.svg"]')).toBeVisible();
  await expect(page.locator('img[src="/pictograms/yes.svg"]')).toBeVisible();
  await expect(page.getByRole("button", { name: /Dalej|Continue|Wyślij/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: /Poprzednia strona/ }).click();
  // Not translated yet: the English shows, marked as English.
  await expect(page.getByText("Is there anything you would like to tell us?")).toBeVisible();
  await expectAccessible(page);
});
