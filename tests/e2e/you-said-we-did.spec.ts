import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * "You said, we did" (reg. 56). Both projects run at once against one database:
 * every entry written here has words unique to the project and run.
 */
test.describe.configure({ timeout: 90_000 });

function unique(prefix: string): string {
  return `${prefix} ${test.info().project.name} ${Date.now()}`;
}

test("an officer writes and publishes an entry, and it appears on the public page and in the year's report", async ({ page }) => {
  const youSaid = unique("Parents said the holiday club list was hard to find");
  const weDid = unique("We added holiday clubs to the activities category");
  const action = unique("We will check the list before every school holiday");
  const year = new Date().getFullYear();

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/you-said-we-did");
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Write a new entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a “You said, we did” entry" })).toBeVisible();
  await expect(page.getByText(/Never include names, or details that could identify a child or family/)).toBeVisible();
  await expectAccessible(page);

  // Publishing needs the response and the action: every mistake is explained, and what was typed is kept.
  await page.getByRole("textbox", { name: "You said" }).fill(youSaid);
  await page.getByRole("button", { name: "Save and publish" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Choose the theme");
  await expect(summary).toContainText("Enter what we did before you publish");
  await expect(summary).toContainText("Enter what we will do before you publish");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "You said" })).toHaveValue(youSaid);
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Year" }).fill(String(year));
  await page.getByRole("radio", { name: "How easy the local offer is to use" }).check();
  await page.getByRole("textbox", { name: "We did" }).fill(weDid);
  await page.getByRole("textbox", { name: "What we will do" }).fill(action);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();
  const row = page.getByRole("table", { name: "Published entries, newest year first" }).getByRole("row").filter({ hasText: youSaid });
  await expect(row).toContainText("Published");
  await expectAccessible(page);

  // The public page: under its year and theme, with the response and the action.
  await page.goto("/you-said-we-did");
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  const yearSection = page.getByRole("region", { name: `Comments from ${year}` });
  const theme = yearSection.getByRole("region", { name: "How easy the local offer is to use" });
  await expect(theme.getByText(youSaid)).toBeVisible();
  await expect(theme.getByText(weDid)).toBeVisible();
  await expect(theme.getByText(action)).toBeVisible();
  await expect(page.getByRole("link", { name: "Report a problem with the local offer" })).toBeVisible();
  await expectAccessible(page);

  // The year's report.
  await page.getByRole("link", { name: `Report for ${year}` }).click();
  await expect(page).toHaveURL(new RegExp(`/you-said-we-did/${year}$`));
  await expect(page.getByRole("heading", { level: 1, name: `You said, we did: local offer report for ${year}` })).toBeVisible();
  await expect(page.getByText(`1 January ${year} to 31 December ${year}`)).toBeVisible();
  await expect(page.getByRole("table", { name: `Comments received in ${year}, by type` })).toBeVisible();
  await expect(page.getByText(youSaid)).toBeVisible();
  await expect(page.getByText(action)).toBeVisible();
  await expectAccessible(page);

  // Unpublished, it leaves the public page.
  await page.goto("/admin/you-said-we-did");
  await page
    .getByRole("table", { name: "Published entries, newest year first" })
    .getByRole("row")
    .filter({ hasText: youSaid })
    .getByRole("link", { name: /^Change/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a “You said, we did” entry" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("The entry has been taken off the public pages. It is a draft again.")).toBeVisible();
  await page.goto("/you-said-we-did");
  await expect(page.getByText(youSaid)).toHaveCount(0);
});

test("the public pages pass axe, and a report only exists for a year with something published", async ({ page }) => {
  await page.goto("/you-said-we-did");
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Why we publish this" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes this page is useful" })).toBeVisible();
  await expectAccessible(page);

  for (const path of ["/you-said-we-did/1999", "/you-said-we-did/twenty", "/you-said-we-did/20255"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);

  // The feedback page on its own (linked from "How to tell us what you think").
  await page.goto("/you-said-we-did");
  await page.getByRole("link", { name: "Tell us what is missing from the local offer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tell us what’s missing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the page" })).toHaveAttribute("href", "/you-said-we-did");
  await expectAccessible(page);
});

test("the parent carer forum co-signs a published entry, and the public page says so", async ({ page, context }) => {
  const youSaid = unique("Parents said the transport pages did not say who to call");
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/you-said-we-did/new");
  await page.getByRole("textbox", { name: "Year" }).fill(String(new Date().getFullYear()));
  await page.getByRole("radio", { name: "What the local offer says" }).check();
  await page.getByRole("textbox", { name: "You said" }).fill(youSaid);
  await page.getByRole("textbox", { name: "We did" }).fill("We added the transport team's number to every transport page");
  await page.getByRole("textbox", { name: "What we will do" }).fill("We will check the numbers each term");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();

  await context.clearCookies();
  await signIn(page, "pcf@demo.local");
  await page.getByRole("link", { name: 'Co-sign "You said, we did"' }).click();
  await expect(page.getByRole("heading", { level: 1, name: 'Co-sign "You said, we did"' })).toBeVisible();
  await expectAccessible(page);
  const entry = page.getByRole("region").filter({ hasText: youSaid });
  await entry.getByRole("button", { name: "Co-sign this entry" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose who you are co-signing for");
  await expectAccessible(page);
  await page.getByRole("region").filter({ hasText: youSaid }).getByRole("radio", { name: "The parent carer forum" }).check();
  await page.getByRole("region").filter({ hasText: youSaid }).getByRole("button", { name: "Co-sign this entry" }).click();
  await expect(page.getByText("You have co-signed the entry.")).toBeVisible();
  await expect(page.getByRole("region").filter({ hasText: youSaid })).toContainText("Co-signed");
  await expectAccessible(page);

  await page.goto("/you-said-we-did");
  const list = page.locator(".govuk-summary-list").filter({ hasText: youSaid });
  await expect(list).toContainText("Co-signed by");
  await expect(list).toContainText("The parent carer forum");
});

test("families see the comments by working group for one year, and a choice that does not exist is explained", async ({ page }) => {
  // The demo's 2025 entries are about the local offer itself, from no working group's feedback.
  await page.goto("/you-said-we-did");
  await expect(page.getByRole("radio", { name: "Theme" })).toBeChecked();
  await page.getByRole("radio", { name: "Working group" }).check();
  await page.getByRole("button", { name: "Show comments" }).click();
  // Every year is the default: the address says only what differs.
  await expect(page).toHaveURL((url) => url.pathname === "/you-said-we-did" && url.search === "?by=group");
  await expect(page.getByRole("region", { name: "Comments from 2025" }).getByRole("region", { name: "No working group named" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Year" }).selectOption("2025");
  await page.getByRole("button", { name: "Show comments" }).click();
  await expect(page).toHaveURL((url) => url.search === "?by=group&year=2025");
  const only = page.getByRole("region", { name: "Comments from 2025" }).getByRole("region", { name: "No working group named" });
  const entry = only.locator(".govuk-summary-list").filter({ hasText: "Parents asked how they could take part in improving the local offer." });
  await expect(entry).toContainText("How we made and run the local offer");
  await expect(page.getByRole("region", { name: /^Comments from (?!2025)/ })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Year" })).toHaveValue("2025");
  await expectAccessible(page);

  // Typed into the address: a way of showing that does not exist is a 400 that says what to choose.
  const refused = await page.goto("/you-said-we-did?by=colour&year=1999");
  expect(refused?.status()).toBe(400);
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Choose to show the comments by theme or by working group");
  await expect(summary).toContainText("Choose a year from the list: comments were published only in the years shown");
  await expect(page.getByRole("region", { name: /^Comments from / })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Theme" }).check();
  await page.getByRole("button", { name: "Show comments" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/you-said-we-did" && url.search === "");
  await expect(page.getByRole("region", { name: "Comments from 2025" }).getByRole("region", { name: "How we made and run the local offer" })).toBeVisible();
  await expectAccessible(page);
});
