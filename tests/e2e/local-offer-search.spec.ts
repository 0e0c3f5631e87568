import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Searching the local offer, as a family would, with JavaScript on and off. Both
 * projects run at once against one database: words made up here are unique to the
 * project and the run, so each assertion sees only its own searches and synonyms.
 */
test.describe.configure({ timeout: 90_000 });

const ANCHOR = "Burnley Autism Family Group";

/** A made-up word, letters and digits only, that no service and no other run uses. */
function nonsense(prefix: string): string {
  return `${prefix}${test.info().project.name.replace(/[^a-z]/g, "")}${Date.now().toString(36)}`;
}

/** The line that tells a screen reader how many services were found (each result's shortlist button has its own status). */
function resultsStatus(page: Page) {
  return page.getByRole("status").filter({ hasText: /services? (found|in the local offer)/ });
}

async function search(page: Page, words: string) {
  await page.getByRole("searchbox", { name: "Search the local offer" }).fill(words);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(words).replace(/%20/g, "\\+")}`));
}

test("a family searches by words, age and area with the form, and hears how many were found", async ({ page }) => {
  const response = await page.goto("/local-offer");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Find help in the local offer" })).toBeVisible();
  await expect(resultsStatus(page)).toHaveText(/^\d+ services in the local offer$/);
  await expectAccessible(page);

  await page.getByRole("searchbox", { name: "Search the local offer" }).fill("autism");
  await page.getByRole("textbox", { name: "Age of child or young person" }).fill("7");
  await page.getByRole("group", { name: "Area" }).getByRole("checkbox", { name: /^Burnley \(\d+\)$/ }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/q=autism/);
  await expect(page).toHaveURL(/age=7/);
  await expect(page).toHaveURL(/district=burnley/);
  const status = resultsStatus(page);
  await expect(status).toHaveText(/^\d+ services? found for autism, age 7, in Burnley$/);
  const count = Number((await status.textContent())!.match(/^(\d+)/)![1]);
  expect(count).toBeGreaterThan(0);
  await expect(page).toHaveTitle(new RegExp(`^${count} services? found for autism, age 7, in Burnley`));
  const results = page.getByRole("list", { name: "Services" });
  await expect(results.getByRole("link", { name: ANCHOR, exact: true })).toBeVisible();
  // What a result tells a family before they open it.
  const anchor = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: ANCHOR, exact: true }) });
  await expect(anchor).toContainText("Padiham Road Family Centre (demo)");
  await expect(anchor).toContainText("Ages 5 to 11");
  await expect(anchor).toContainText("Free");
  await expect(anchor).toContainText(/Checked on \d{1,2} \w+ \d{4}/);
  // The form shows the search it made.
  await expect(page.getByRole("searchbox", { name: "Search the local offer" })).toHaveValue("autism");
  await expect(page.getByRole("textbox", { name: "Age of child or young person" })).toHaveValue("7");
  await expect(page.getByRole("group", { name: "Area" }).getByRole("checkbox", { name: /^Burnley \(\d+\)$/ })).toBeChecked();
  await expectAccessible(page);

  await results.getByRole("link", { name: ANCHOR, exact: true }).click();
  await expect(page).toHaveURL(/\/local-offer\/services\/burnley-autism-family-group$/);
});

test("jargon and a typing slip still find the service, and the page says why", async ({ page }) => {
  await page.goto("/local-offer");
  await search(page, "asd");
  await expect(page.getByRole("list", { name: "Services" }).getByRole("link", { name: ANCHOR, exact: true })).toBeVisible();
  await expect(page.getByText(/^Also searching for: .*autism.*\(they mean Autism\)$/)).toBeVisible();
  await expectAccessible(page);

  await search(page, "autsim");
  await expect(page.getByText("Showing results for autism (you searched for autsim)")).toBeVisible();
  await expect(resultsStatus(page)).toHaveText(/^\d+ services? found for autism$/);
  await expect(page.getByRole("list", { name: "Services" }).getByRole("link", { name: ANCHOR, exact: true })).toBeVisible();

  // The jargon buster explains the words.
  await page.getByText("What do these words mean?").click();
  await expect(page.getByRole("definition").filter({ hasText: /Also called: .*asd/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("each filter option says how many it would find, and a chosen filter can be removed", async ({ page }) => {
  await page.goto("/local-offer?q=autism");
  const burnley = page.getByRole("group", { name: "Area" }).getByRole("checkbox", { name: /^Burnley \(\d+\)$/ });
  const label = (await page.getByText(/^Burnley \(\d+\)$/).textContent())!;
  const promised = Number(label.match(/\((\d+)\)/)![1]);
  expect(promised).toBeGreaterThan(0);
  await burnley.check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(resultsStatus(page)).toHaveText(new RegExp(`^${promised} services? found for autism, in Burnley$`));

  const remove = page.getByRole("link", { name: "Remove filter: Burnley" });
  await expect(remove).toBeVisible();
  await expectAccessible(page);
  await remove.click();
  await expect(page).not.toHaveURL(/district=/);
  await expect(page).toHaveURL(/q=autism/);
  await expect(page.getByRole("link", { name: "Remove filter: Burnley" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Area" }).getByRole("checkbox", { name: /^Burnley \(\d+\)$/ })).not.toBeChecked();
  await expect(resultsStatus(page)).toHaveText(/^\d+ services found for autism$/);
});

test("a search that finds nothing suggests what to try, and officers see it among unmet searches", async ({ page }) => {
  await page.goto("/local-offer");
  await search(page, "zebra");
  await expect(resultsStatus(page)).toHaveText("0 services found for zebra");
  await expect(page.getByText("We could not find any services that match your search.")).toBeVisible();
  await expect(page.getByText("check the spelling of your search words")).toBeVisible();
  await expect(page.getByRole("link", { name: "Activities and clubs" })).toHaveAttribute("href", "/local-offer?category=activities");
  await expect(page.getByRole("link", { name: "See where the local offer has gaps" })).toHaveAttribute("href", "/local-offer/coverage");
  await expectAccessible(page);

  // With a filter, the page offers to remove it.
  const word = nonsense("zebra");
  await page.goto(`/local-offer?district=pendle`);
  await search(page, word);
  await expect(page).toHaveURL(/district=pendle/);
  await expect(resultsStatus(page)).toHaveText(`0 services found for ${word}, in Pendle`);
  await expect(page.getByRole("link", { name: "Remove filter: Pendle" }).first()).toBeVisible();
  await expectAccessible(page);

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/searches");
  await expect(page.getByRole("heading", { level: 1, name: "Searches that found nothing" })).toBeVisible();
  const table = page.getByRole("table", { name: /Searches that found nothing, most frequent first/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${word}`) }) });
  await expect(row).toContainText("Pendle");
  await expect(row.getByRole("cell").first()).toHaveText("1");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Last 12 months" }).check();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=365/);
  await expect(page.getByRole("table", { name: /\(Last 12 months\)/ }).getByRole("rowheader", { name: new RegExp(`^${word}`) })).toBeVisible();
});

test("an officer adds a synonym group, search uses it at once, and deleting it asks first", async ({ page }) => {
  const word = nonsense("quibbleflap");
  await page.goto(`/local-offer?q=${word}`);
  await expect(resultsStatus(page)).toHaveText(`0 services found for ${word}`);

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/synonyms");
  await expect(page.getByRole("heading", { level: 1, name: "Search synonyms and jargon" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Synonym groups" }).getByRole("cell", { name: /^autism, autistic, asd/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a synonym group" })).toBeVisible();
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the terms that mean the same");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  // "autism" already has a group: a term can be in one group only.
  const terms = page.getByRole("textbox", { name: "Terms that mean the same" });
  await terms.fill(`${word}\nautism`);
  await page.getByRole("textbox", { name: "What the terms mean (optional)" }).fill("A made-up word for testing");
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("alert")).toContainText("The term ‘autism’ is already in another group");
  await expect(terms).toHaveValue(`${word}\nautism`);
  await expectAccessible(page);

  await terms.fill(`${word}, family group`);
  await page.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText(`The group ${word}, family group has been added.`)).toBeVisible();

  await page.goto(`/local-offer?q=${word}`);
  await expect(page.getByText("Also searching for: family group (they mean A made-up word for testing)")).toBeVisible();
  await expect(page.getByRole("list", { name: "Services" }).getByRole("link", { name: ANCHOR, exact: true })).toBeVisible();

  // Delete it again, after a confirmation.
  await page.goto("/admin/local-offer/synonyms");
  await page.getByRole("link", { name: `Change group ${word}, family group` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a synonym group" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Delete this group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Are you sure you want to delete this group?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, delete this group" }).click();
  await expect(page.getByText(`The group ${word}, family group has been deleted.`)).toBeVisible();

  await page.goto(`/local-offer?q=${word}`);
  await expect(resultsStatus(page)).toHaveText(`0 services found for ${word}`);
});

test("a link nobody could have made gets a clear 400 page; unknown values are explained, not an error", async ({ page }) => {
  const huge = await page.goto(`/local-offer?q=${"a".repeat(3000)}`);
  expect(huge?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1, name: "We could not run that search" })).toBeVisible();
  await expect(page).toHaveTitle(/^We could not run that search/);
  await expect(page.getByRole("link", { name: "Start a new search" })).toHaveAttribute("href", "/local-offer");
  await expectAccessible(page);

  const deep = await page.goto("/local-offer?page=5000");
  expect(deep?.status()).toBe(400);
  await expect(page.getByText("That page number is too high.")).toBeVisible();

  const unknown = await page.goto("/local-offer?q=autism&district=narnia&age=30");
  expect(unknown?.status()).toBe(200);
  const banner = page.getByRole("region", { name: "We changed your search" });
  await expect(banner).toContainText("We did not recognise the area ‘narnia’, so we ignored it.");
  await expect(banner).toContainText("The age must be from 0 to 25. We searched without it.");
  await expect(page.getByRole("textbox", { name: "Age of child or young person" })).toHaveValue("30");
  await expect(page.getByRole("list", { name: "Services" }).getByRole("link", { name: ANCHOR, exact: true })).toBeVisible();
  await expect(resultsStatus(page)).toHaveText(/^\d+ services found for autism$/);
  await expectAccessible(page);

  // Text that looks like code is only ever searched for, and shown as text.
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  for (const words of ["'; drop table service; --", "<script>alert(1)</script>"]) {
    const answer = await page.goto(`/local-offer?q=${encodeURIComponent(words)}`);
    expect(answer?.status()).toBe(200);
    await expect(page.getByRole("searchbox", { name: "Search the local offer" })).toHaveValue(words);
    await expect(resultsStatus(page)).toHaveText(/^\d+ services? found for /);
  }
  expect(dialogs).toBe(0);
});
