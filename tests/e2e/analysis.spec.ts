import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Survey analysis (issue 7; docs/decisions/029-survey-analysis.md), on the demo data. The
 * closed 2025 parent wave is used where exact figures matter: nobody can answer it any
 * more, so other journeys running at the same time cannot change its numbers.
 */

const WAVE_2025 = "Parent and carer survey 2025 (2025)";

/** What a count may read once suppressed: 0, 5 or more, or words; never 1 to 4. */
const SUPPRESSED = /^(0|[5-9]|[1-9]\d+|fewer than 5|not shown)( \(\d+%\))?$/;

/** A published figure typed by an officer (children in a district: "1,250"), not a count of respondents. */
const TYPED_FIGURE = /^(\d{1,3}(,\d{3})+|No figure)$/;

/** Every number cell of every table in the page's main part is a count that may be shown. */
async function expectOnlySafeCounts(scope: Locator) {
  const cells = await scope.locator("td.govuk-table__cell--numeric").allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  for (const cell of cells.map((c) => c.trim()).filter((c) => c !== "" && !c.endsWith("%") && !TYPED_FIGURE.test(c))) expect(cell).toMatch(SUPPRESSED);
}

/** Signs in as someone else: the last person's session ends first. */
async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** The value beside a key in the page's summary list ("Sent" → "120"). */
function summaryValue(page: Page, key: string) {
  return page.locator(".govuk-summary-list__row", { has: page.locator("dt", { hasText: new RegExp(`^${key}$`) }) }).locator("dd");
}

async function openWave(page: Page, name = WAVE_2025) {
  await page.goto("/admin/analysis");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Results: / })).toBeVisible();
}

async function applyFilters(page: Page, tick: string[], by?: string) {
  const filters = page.getByRole("group", { name: "District" });
  if (!(await filters.isVisible())) await page.getByText("Filter the answers").click();
  for (const name of tick) await page.getByRole("checkbox", { name, exact: true }).check();
  if (by) await page.getByLabel("Break each question down by").selectOption({ label: by });
  await page.getByRole("button", { name: "Apply filters" }).click();
}

test("an officer filters a wave's results by district and sees small numbers hidden", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/analysis");
  await expect(page.getByRole("table", { name: "Survey waves that have opened" }).getByRole("row").filter({ hasText: WAVE_2025 })).toContainText("120");
  await expectAccessible(page);

  await openWave(page);
  await expect(summaryValue(page, "Sent")).toHaveText("120");
  // A chart for each question, drawn on the server, with its title, a text summary and a table beside it.
  const question = page.getByRole("region", { name: /^Question 2: I understood how my child's needs were being assessed/ });
  await expect(question.getByRole("img", { name: /^Question 2: / })).toBeVisible();
  await expect(question.getByText(/^The answer chosen most was “/)).toBeVisible();
  await expect(question.getByRole("table", { name: /^Answers to “I understood how my child's needs/ })).toBeVisible();
  await expectOnlySafeCounts(page.getByRole("main"));
  await expectAccessible(page);

  // A number is counted in ranges set by the question, with its middle answer; a date by year.
  const wait = page.getByRole("region", { name: /How many months has your child been waiting for an autism assessment\?$/ });
  await expect(wait.getByRole("img")).toBeVisible();
  await expect(wait.getByRole("rowheader", { name: "0 to 24", exact: true })).toBeVisible();
  await expect(wait.getByRole("rowheader", { name: "100 to 120", exact: true })).toBeVisible();
  await expect(wait.getByText("Numbers are counted in ranges.")).toBeVisible();
  await expect(wait.getByText(/^Middle answer \(median\): \d+(\.\d)?$/)).toBeVisible();
  const planStart = page.getByRole("region", { name: /When did your child's EHC plan start\?$/ });
  await expect(planStart.getByRole("rowheader", { name: /^20\d\d$/ }).first()).toBeVisible();
  await expect(planStart.getByText("Dates are counted by year.")).toBeVisible();

  // Burnley: 9 parents. Every small count is hidden, and its neighbour too.
  await applyFilters(page, ["Burnley"]);
  await expect(page).toHaveURL(/\?district=burnley$/);
  await expect(summaryValue(page, "Sent, matching the filters")).toHaveText("9");
  await expect(page.getByRole("main").getByText("fewer than 5").first()).toBeVisible();
  await expectOnlySafeCounts(page.getByRole("main"));
  await expectAccessible(page);

  // Pendle on its own leaves fewer than 5: no answers, and never the number.
  await page.goto(`${new URL(page.url()).pathname}?district=pendle`);
  await expect(page.getByText("Fewer than 5 responses match these filters, so no answers are shown.")).toBeVisible();
  await expect(summaryValue(page, "Sent, matching the filters")).toHaveText("fewer than 5");
  await expect(page.getByRole("heading", { name: "Answers to each question" })).toHaveCount(0);

  // Easy-read and standard answers to a question count together; a breakdown shows each group side by side.
  await page.goto(new URL(page.url()).pathname);
  await applyFilters(page, [], "Level of support");
  await expect(page).toHaveURL(/\?by=support_level$/);
  await expect(page.getByRole("table", { name: /^Answers to “I understood how my child's needs.*” by level of support$/ })).toBeVisible();
  await expectOnlySafeCounts(page.getByRole("main"));
  await expectAccessible(page);
});

test("the figures download with the page's filters and the same suppression", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openWave(page);
  await page.goto(`${new URL(page.url()).pathname}?district=burnley`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these figures (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parent-carer-survey-2025-summary-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Section,Question,Group,Answer,Number,Share of those who gave a view");
  expect(csv).toContain("District: Burnley");
  expect(csv).toContain("fewer than 5");
  const counts = lines.slice(1).flatMap((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    return cells[0] === "About this file" ? [] : [cells[4] ?? ""];
  });
  for (const count of counts.filter((c) => c !== "")) expect(count).toMatch(SUPPRESSED);
});

test("filters that do not exist, or dates that cannot be, get a clear answer and what was typed back", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openWave(page);
  const base = new URL(page.url()).pathname;

  let response = await page.goto(`${base}?district=atlantis`);
  expect(response?.status()).toBe(400);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("alert")).toContainText("There is no district called “atlantis”. Choose districts from the list.");
  await expectAccessible(page);

  response = await page.goto(`${base}?colour=blue`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("There is no filter called “colour”.");

  response = await page.goto(`${base}?by=shoe-size`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("There is no breakdown called “shoe-size”.");

  // The form's own date boxes: a day that does not exist, and a period far too long.
  await page.goto(base);
  await page.getByText("Filter the answers").click();
  const from = page.getByRole("group", { name: "Sent on or after" });
  await from.getByLabel("Day").fill("31");
  await from.getByLabel("Month").fill("2");
  await from.getByLabel("Year").fill("2025");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert")).toContainText("The first day must be a real date, like 27 3 2026");
  await expect(page.getByRole("group", { name: /Sent on or after/ }).getByLabel("Day")).toHaveValue("31");
  await expectAccessible(page);

  response = await page.goto(`${base}?from=2001-01-01&to=2025-12-31`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Choose a period of 5 years or less");
});

test("an officer compares a question year on year", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openWave(page);
  await page.getByRole("link", { name: "Compare question 2 with other waves and audiences" }).click();
  const table = page.getByRole("table", { name: "Answers in each wave" });
  await expect(table.getByRole("columnheader", { name: "Parents and carers 2025" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Parents and carers 2026" })).toBeVisible();
  await expect(page.getByRole("img", { name: "I understood how my child's needs were being assessed and what would happen next." })).toBeVisible();
  await expectOnlySafeCounts(page.getByRole("main"));
  await expectAccessible(page);
});

test("an officer types the children with SEND in each district, and responses are read against them", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/analysis");
  await page.getByRole("link", { name: "Children and young people with SEND, by district" }).click();
  await page.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Show this year" }).click();
  await expect(page.getByRole("heading", { name: "Figures for 2026" })).toBeVisible();
  await expectAccessible(page);

  const burnley = page.getByRole("group", { name: "Burnley" });
  await burnley.getByLabel("SEN support").fill("lots");
  await burnley.getByLabel("EHC plan").fill("640");
  await page.getByRole("button", { name: "Save figures" }).click();
  await expect(page.getByRole("alert")).toContainText("Burnley, SEN support: enter a whole number, like 1250");
  await expect(page.getByRole("group", { name: "Burnley" }).getByLabel("SEN support")).toHaveValue("lots");
  await expect(page.getByRole("group", { name: "Burnley" }).getByLabel("EHC plan")).toHaveValue("640");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByRole("group", { name: "Burnley" }).getByLabel("SEN support").fill("1,250");
  await page.getByRole("button", { name: "Save figures" }).click();
  await expect(page.getByText("Figures for 2026 saved")).toBeVisible();
  await expect(page.getByRole("group", { name: "Burnley" }).getByLabel("SEN support")).toHaveValue("1250");

  await openWave(page, "Parent and carer survey 2026 (2026)");
  const rates = page.getByRole("table", { name: "Responses by district and level of support, against the figures for 2026" });
  await expect(rates.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Burnley" }) })).toContainText("1,250");
  await expectOnlySafeCounts(rates);
  await expectAccessible(page);
});

test("only an administrator sets the smallest number shown, within limits; other roles see what theirs allows", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/analysis/settings");
  await expectAccessible(page);
  await page.getByLabel("Smallest number shown").fill("2");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a number from 3 to 50");
  await expect(page.getByLabel("Smallest number shown")).toHaveValue("2");
  // Saving the number in force changes nothing for the journeys running beside this one.
  await page.getByLabel("Smallest number shown").fill("5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Numbers smaller than 5 are now hidden")).toBeVisible();

  await signInAs(page, "officer@demo.local");
  expect((await page.goto("/admin/analysis/settings"))?.status()).toBe(403);

  // A working group's member reads results; a provider has no analysis at all.
  await signInAs(page, "engagement-lead@demo.local");
  await openWave(page);
  await expectAccessible(page);
  await signInAs(page, "provider@demo.local");
  expect((await page.goto("/admin/analysis"))?.status()).toBe(403);
});
