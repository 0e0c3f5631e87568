import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * The dashboard at /admin (issue 7, point 7; docs/decisions/033-dashboard.md), with the demo
 * data. Other journeys share the database (and the js and no-js projects run one after the
 * other), so they may have sent feedback or answered surveys first: figures that can grow
 * are checked for what they must be (a count, or "fewer than 5", never a small number),
 * and the closed 2025 wave, which nobody can answer any more, for its own figures.
 */

const DAY_MS = 86_400_000;

/** Signs in and waits for the dashboard itself (the address changes before the page does with JavaScript). */
async function openDashboard(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Staff area", exact: true })).toBeVisible();
}

/** A count about families as the dashboard may show it: 0, "fewer than 5", or 5 and more. */
const SUPPRESSED = /^(0|fewer than 5|not shown|[5-9]|[1-9]\d+)( \(\d+%\))?$/;

test("an officer reads the dashboard: surveys, feedback, co-production and the plan, with small numbers hidden", async ({ page }) => {
  await openDashboard(page, "officer@demo.local");
  await expect(page.getByText("A count about families that is smaller than 5 is shown as “fewer than 5”.")).toBeVisible();
  await expectAccessible(page);

  // Surveys: the open 2026 waves and the 2025 wave that closed within the year, each linking to its page.
  const surveys = page.getByRole("region", { name: "Surveys" });
  const waves = surveys.getByRole("table", { name: /^Open surveys, and surveys that closed since / });
  await expect(waves.getByRole("row").filter({ hasText: "Parent and carer survey 2026" })).toContainText("Open until 12 noon");
  const lastYear = waves.getByRole("row").filter({ hasText: "Parent and carer survey 2025" });
  await expect(lastYear).toContainText("Closed at 12 noon");
  await expect(lastYear.getByRole("cell")).toHaveText([/^Closed at/, "120", "6"]);

  // Feedback: what arrived (suppressed), the work queue, and response times in working days.
  const feedback = page.getByRole("region", { name: "Feedback", exact: true });
  const received = feedback.getByRole("table", { name: "Feedback received" });
  await expect(received.getByRole("rowheader", { name: /^The last 30 days \(since / })).toBeVisible();
  for (const cell of await received.getByRole("cell").allTextContents()) expect(cell).toMatch(SUPPRESSED);
  await expect(feedback.getByRole("table", { name: "Open feedback, by status" }).getByRole("rowheader", { name: "With a working group", exact: true })).toBeVisible();
  const times = feedback.getByRole("table", { name: /^Time to an approved response, for responses approved since / });
  const answered = times.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Responses approved" }) }).getByRole("cell");
  // The demo's five approved responses, and any that other journeys approved since.
  expect(Number(await answered.textContent())).toBeGreaterThanOrEqual(5);
  await expect(times.getByRole("row").filter({ hasText: "Median" })).toContainText(/\d+(\.\d)? working days/);
  for (const name of ["Answered within 20 working days", "Answered later than 20 working days"]) {
    const cell = times.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) }).getByRole("cell");
    expect(await cell.textContent()).toMatch(SUPPRESSED);
  }

  // Co-production: the year's activities by group and level, and what is still waiting.
  const coProduction = page.getByRole("region", { name: "Co-production" });
  const activities = coProduction.getByRole("table", { name: /^Activities held since .*, by working group and level$/ });
  await expect(activities.getByRole("columnheader", { name: "Co-production" })).toBeVisible();
  const allGroups = activities.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "All working groups" }) });
  expect(Number(await allGroups.getByRole("cell").last().textContent())).toBeGreaterThanOrEqual(4);
  await expect(coProduction.getByRole("table", { name: "Activities still waiting, whenever they were held" })).toContainText(
    "The parent carer forum to confirm the level",
  );

  // The plan: tasks by RAG for each group, and every task once for the whole plan.
  const plan = page.getByRole("region", { name: "The improvement plan" });
  const rag = plan.getByRole("table", { name: "Tasks by RAG rating, for each working group" });
  await expect(rag.getByRole("columnheader", { name: "Off track (red)" })).toBeVisible();
  // The demo plan's 47 tasks, and any an administrator added in another journey.
  const wholePlan = rag.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "The whole plan" }) }).getByRole("cell").last();
  expect(Number(await wholePlan.textContent())).toBeGreaterThanOrEqual(47);

  // Every part of the staff area is still a link away.
  await expect(page.getByRole("region", { name: "Parts of the staff area" }).getByRole("link", { name: "Feedback inbox" })).toBeVisible();

  // A wave's link opens its survey page; a group's opens its public progress page.
  await lastYear.getByRole("link", { name: "Parent and carer survey 2025" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Parent and carer survey 2025" })).toBeVisible();
  await page.goBack();
  await rag.getByRole("link", { name: "Engagement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engagement" })).toBeVisible();
  await expectAccessible(page);
});

test("a count of fewer than 5 families reads “fewer than 5”, never the number", async ({ page }) => {
  // 105 days ago, the last 30 days held one demo item (sent 110 days before the demo was made),
  // and nothing any other journey sent since: as long as the demo was made in the last 24 days.
  await page.setExtraHTTPHeaders({ "X-Portal-Now": new Date(Date.now() - 105 * DAY_MS).toISOString() });
  await openDashboard(page, "officer@demo.local");
  const received = page.getByRole("region", { name: "Feedback", exact: true }).getByRole("table", { name: "Feedback received" });
  const last30 = received.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^The last 30 days/ }) });
  await expect(last30.getByRole("cell")).toHaveText("fewer than 5");
  await expectAccessible(page);
});

test("a working group lead sees their group's feedback, and no survey figures", async ({ page }) => {
  await openDashboard(page, "engagement-lead@demo.local");
  const feedback = page.getByRole("region", { name: "Feedback", exact: true });
  await expect(feedback).toContainText("given to your working groups: Engagement");
  await expect(feedback.getByRole("table", { name: "Feedback received" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Surveys" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "The improvement plan" })).toBeVisible();
  await expectAccessible(page);
});

test("a provider sees the plan's progress and their links, but no survey, feedback or co-production figures", async ({ page }) => {
  await openDashboard(page, "provider@demo.local");
  await expect(page.getByRole("table", { name: "Tasks by RAG rating, for each working group" })).toBeVisible();
  for (const name of ["Surveys", "Feedback", "Co-production"])
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Feedback received" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Parts of the staff area" }).getByRole("link", { name: "Local offer", exact: true })).toBeVisible();
  await expectAccessible(page);
});
