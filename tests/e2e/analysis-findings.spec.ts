import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Published findings (issue 7, point 6; docs/decisions/032-published-findings.md): an officer
 * builds a findings page for a closed wave from a chart and text, in plain words and in easy
 * read, previews it and publishes it; a family reads it without signing in (with JavaScript
 * off in the no-js project), switches to easy read, and prints it.
 *
 * The js and no-js projects may run at the same time on one database, so each builds the
 * findings of its own closed wave: the js project the demo's 2025 parent and carer wave, the
 * no-js project the demo's closed re-visit wave. Each starts by removing what an earlier run left.
 */

const WAVES = {
  js: { link: "Parent and carer survey 2025 (2025)", question: "Question 7: People listened to me when decisions were made about my child's support." },
  "no-js": {
    link: /^Re-visit parents' survey \(closed\) \(/,
    question: "Question 1: The last inspection found: “Parents and carers were not listened to”. Since then, has this got better, stayed the same or got worse for your family?",
  },
} as const;

/** From the analysis index to the wave's findings builder, through its results page. */
async function openBuilder(page: Page, link: string | RegExp) {
  await page.goto("/admin/analysis");
  await page.getByRole("link", { name: link }).click();
  await page.getByRole("link", { name: "Publish findings for families" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings for families" })).toBeVisible();
}

test("an officer builds and publishes a wave's findings, and a family reads them in plain words and in easy read", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const project = test.info().project.name as keyof typeof WAVES;
  const wave = WAVES[project];
  const title = `What families told us (${project})`;

  await signIn(page, "officer@demo.local");
  await openBuilder(page, wave.link);
  await expect(page.getByText("Closed: the numbers are final")).toBeVisible();
  const builder = new URL(page.url()).pathname;
  await expectAccessible(page);

  // What an earlier run left: its blocks go (each "Remove" is a form of its own).
  const remove = page.getByRole("button", { name: /^Remove block \d+$/ });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
  await expect(page.getByText("Nothing yet. Add a chart of a question’s answers")).toBeVisible();

  // The title and summary: a bad first try comes back with the errors and what was typed.
  await page.getByRole("link", { name: "Change title, in plain words" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Title and summary" })).toBeVisible();
  await page.getByRole("textbox", { name: "Title, in plain words" }).fill(title);
  await page.getByRole("textbox", { name: "Title, in easy read" }).fill("");
  await page.getByRole("textbox", { name: "Summary, in plain words" }).fill("Thank you. Call Mrs Hargreaves on 07700 900123 to talk about it.");
  await page.getByRole("textbox", { name: "Summary, in easy read" }).fill("Thank you for telling us.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("There is a problem");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("link", { name: "Enter a title in easy read" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Take out names, email addresses and phone numbers/ })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title, in plain words" })).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Summary, in plain words" })).toHaveValue("Thank you. Call Mrs Hargreaves on 07700 900123 to talk about it.");
  await expect(page.getByRole("textbox", { name: "Title, in easy read" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Title, in easy read" }).fill("What families told us");
  await page
    .getByRole("textbox", { name: "Summary, in plain words" })
    .fill("Thank you to everyone who answered. Many families said they were not listened to.\n\nWe will change how review meetings are run.");
  await page.getByRole("textbox", { name: "Summary, in easy read" }).fill("Thank you for telling us.\n\nSome families said nobody listened. We will change this.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Findings for families" })).toBeVisible();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // A chart, with what it shows in plain words and in easy read.
  await page.getByRole("link", { name: "Add a chart" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A chart of a question’s answers" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: wave.question }).check();
  await page.getByRole("textbox", { name: "What the chart shows, in plain words" }).fill("More than half of parents and carers said they were not listened to.");
  await page.getByRole("textbox", { name: "What the chart shows, in easy read" }).fill("Many parents said nobody listened to them.");
  await page.getByRole("button", { name: "Add to the page" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "1. Chart" })).toBeVisible();

  // Text of the officer's own.
  await page.getByRole("link", { name: "Add text" }).click();
  await page.getByRole("textbox", { name: "Heading (optional)" }).fill("What we will do next");
  await page.getByRole("textbox", { name: "The text, in plain words" }).fill("From January, families will be asked before each review meeting what they want to talk about.");
  await page.getByRole("textbox", { name: "The text, in easy read" }).fill("Before a meeting, we will ask you what you want to talk about.");
  await page.getByRole("button", { name: "Add to the page" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "2. Text" })).toBeVisible();
  await expectAccessible(page);

  // A family's own words, chosen on the free-text page (redacted when chosen), as a quote.
  await page.getByRole("link", { name: "Add a quote" }).click();
  // The page has loaded (with JavaScript, the link does not wait for it) before we ask whether it has quotes.
  await expect(page.getByRole("heading", { level: 1, name: "A quote" })).toBeVisible();
  if (await page.getByText("No quotes have been chosen for this survey yet.").isVisible()) {
    await page.getByRole("link", { name: "Read what people wrote" }).click();
    await page.getByRole("navigation", { name: "Questions" }).getByRole("link").first().click();
    await page.getByRole("link", { name: /^Use as a quote/ }).first().click();
    await page.getByRole("button", { name: "Use as a quote" }).click();
    await expect(page.getByRole("alert")).toContainText("Answer chosen as a quote");
    await page.goto(builder);
    await page.getByRole("link", { name: "Add a quote" }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: "A quote" })).toBeVisible();
  await expectAccessible(page);
  const chosen = page.getByRole("radio").first();
  const quoted = (await page.locator(`label[for="${await chosen.getAttribute("id")}"]`).textContent())!.replace(/^“|”$/g, "");
  await chosen.check();
  await page.getByRole("button", { name: "Add to the page" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "3. Quote" })).toBeVisible();

  // Move the text above the chart, then back.
  await page.getByRole("button", { name: "Move up block 2" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "1. Text" })).toBeVisible();
  await page.getByRole("button", { name: "Move down block 1" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "1. Chart" })).toBeVisible();

  // The preview, as a family would see it, in both formats.
  await page.getByRole("link", { name: "Preview in plain words" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("This is how the page will look to families.")).toBeVisible();
  await expect(page.getByRole("img", { name: wave.question.replace(/^Question \d+: /, "") })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Read this page in easy read" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What families told us" })).toBeVisible();
  await expect(page.getByText("Many parents said nobody listened to them.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the findings" }).click();

  // Publish.
  await page.getByRole("button", { name: /^Publish the (findings|changes)$/ }).click();
  await expect(page.getByText("The findings are published")).toBeVisible();
  await expect(page.getByText(/^Published on \d+ \w+ \d{4} by /)).toBeVisible();
  await expectAccessible(page);
  const address = (await page.getByRole("link", { name: "Open the page families read" }).getAttribute("href"))!;
  expect(address).toMatch(/^\/surveys\/[a-z0-9-]+\/findings$/);
  const slug = address.split("/")[2]!;

  // A family, not signed in, reads it (with JavaScript off in the no-js project).
  const family = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const reader = await family.newPage();
  await reader.goto("/surveys");
  const earlier = reader.getByRole("region", { name: "Findings from earlier surveys" });
  await earlier.getByRole("link", { name: title }).click();
  await expect(reader).toHaveURL(address);
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText(/^Published on \d+ \w+ \d{4}$/)).toBeVisible();
  await expect(reader.getByText("Many families said they were not listened to.")).toBeVisible();
  await expect(reader.getByText(/we write “fewer than 5” instead of the number, so that nobody can work out who said what/)).toBeVisible();
  const chart = reader.getByRole("region", { name: wave.question.replace(/^Question \d+: /, "") });
  await expect(chart.getByRole("img", { name: wave.question.replace(/^Question \d+: /, "") })).toBeVisible();
  await expect(chart.getByText(/^The answer chosen most was “/)).toBeVisible();
  const table = chart.getByRole("table", { name: "The numbers in this chart" });
  await expect(table.getByRole("cell", { name: "fewer than 5", exact: true }).first()).toBeVisible();
  // No count from 1 to 4 anywhere in the table.
  for (const cell of await table.getByRole("cell").allTextContents()) expect(cell).not.toMatch(/^[1-4]$/);
  await expect(reader.getByRole("heading", { level: 2, name: "What we will do next" })).toBeVisible();
  // The quote is marked as a family's words, with names and contact details taken out.
  const quote = reader.getByRole("figure").filter({ has: reader.locator("blockquote") });
  await expect(quote.locator("blockquote")).toHaveText(quoted);
  await expect(quote).toContainText("Names and contact details were taken out.");
  await expectAccessible(reader);

  await reader.getByRole("link", { name: "Read this page in easy read" }).click();
  await expect(reader).toHaveURL(`${address}?format=easy-read`);
  await expect(reader.getByRole("heading", { level: 1, name: "What families told us" })).toBeVisible();
  await expect(reader.getByText("Many parents said nobody listened to them.")).toBeVisible();
  await expect(reader.getByText("Some numbers are very small. We do not show them. We write “fewer than 5” instead. Sometimes we hide one more number. It says “not shown”. This keeps families safe.")).toBeVisible();
  const easyTable = reader.getByRole("table", { name: "The numbers" });
  await expect(easyTable.getByRole("columnheader", { name: "How many people" })).toBeVisible();
  await expect(easyTable.getByRole("cell", { name: "fewer than 5", exact: true }).first()).toBeVisible();
  await expectAccessible(reader);

  // On paper: the findings alone, without the switch or the site's navigation.
  await reader.emulateMedia({ media: "print" });
  await expect(reader.getByRole("link", { name: "Read this page in plain words (the standard version)" })).toBeHidden();
  await expect(reader.getByRole("heading", { level: 1, name: "What families told us" })).toBeVisible();
  await reader.emulateMedia({ media: "screen" });

  // The survey's own page points to them, now that it has closed.
  await reader.goto(`/surveys/${slug}`);
  await reader.getByRole("link", { name: "Read the findings from this survey" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Changing the draft does not change what families see until it is published again.
  await page.getByRole("link", { name: "Change title, in plain words" }).click();
  await page.getByRole("textbox", { name: "Title, in plain words" }).fill(`${title}, and what we will do`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("You have changed the findings since they were published.")).toBeVisible();
  await reader.goto(address);
  await expect(reader.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publish the changes" }).click();
  await expect(page.getByText("The findings are published")).toBeVisible();
  await reader.goto(address);
  await expect(reader.getByRole("heading", { level: 1, name: `${title}, and what we will do` })).toBeVisible();

  // Unpublished, the page is gone.
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("The findings are no longer on the website")).toBeVisible();
  await expect(page.getByText("Not published", { exact: true })).toBeVisible();
  const gone = await reader.goto(address);
  expect(gone?.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(reader);

  // Published again, for the demo and the other journeys that read it.
  await page.getByRole("button", { name: "Publish the findings" }).click();
  await expect(page.getByText("The findings are published")).toBeVisible();
  await family.close();
});

test("publishing the findings of a survey that is still open is refused, and nothing is published", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openBuilder(page, "Parent and carer survey 2026 (2026)");
  await expect(page.getByText("Still open, so its numbers are not final.")).toBeVisible();
  await page.getByRole("button", { name: "Publish the findings" }).click();
  await expect(page.getByRole("alert")).toContainText("There is a problem");
  await expect(page.getByRole("link", { name: "The survey is still open, so its numbers are not final. Publish the findings once it has closed." })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  const response = await page.goto("/surveys/parent-carer-survey-2026/findings");
  expect(response?.status()).toBe(404);
});
