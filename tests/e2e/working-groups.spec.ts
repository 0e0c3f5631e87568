import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Working groups' progress on the improvement plan (docs/decisions/018-working-groups-progress.md).
 * The js and no-js projects share one database: each records on a task of its own
 * (Engagement's I1 or I2), with words unique to the project and run, so running
 * the spec again only adds to the tasks' history.
 */
test.describe.configure({ timeout: 120_000 });

// 10am on Monday 23 November 2026: "today" for the server, whatever the machine's clock says.
const NOW = "2026-11-23T10:00:00Z";

test("a family reads what the working groups do and how one group's tasks are going", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main sections" }).getByRole("link", { name: "Working groups" }).click();
  await expect(page).toHaveURL(/\/working-groups$/);
  await expect(page.getByRole("heading", { level: 1, name: "Working groups" })).toBeVisible();
  for (const name of ["Strategy", "Commissioning and Access to Provision", "Engagement", "Identifying and Meeting Need", "Improving Outcomes"]) {
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  }
  const engagement = page.getByRole("region", { name: "Engagement", exact: true });
  await expect(engagement).toContainText("parents, carers and young people have a real say");
  await expect(engagement).toContainText("SEND Reforms Manager");
  // The RAG summary is in words, not only colour.
  await expect(engagement).toContainText("2 actions, 7 tasks:");
  await expect(engagement.getByRole("listitem").filter({ hasText: "Complete (blue)" })).toContainText(/\d+ tasks?/);
  await expect(page.getByRole("heading", { level: 2, name: "What the ratings mean" })).toBeVisible();
  await expectAccessible(page);

  await engagement.getByRole("link", { name: "Actions and progress of the Engagement group" }).click();
  await expect(page).toHaveURL(/\/working-groups\/engagement$/);
  await expect(page.getByRole("heading", { level: 1, name: "Engagement" })).toBeVisible();
  const actionH = page.getByRole("region", { name: "Action H: To ensure that parents and carers are fully engaged in decision making" });
  const h1 = actionH.getByRole("region", { name: "Task H1" });
  await expect(h1).toContainText("fully represented throughout the SEND governance structure");
  await expect(h1.getByRole("definition").filter({ hasText: "Complete (blue)" })).toBeVisible();
  await expect(h1.getByRole("definition").filter({ hasText: "July 2018" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Action I: / }).getByRole("region", { name: "Task I1" })).toBeVisible();
  await expectAccessible(page);

  const missing = await page.goto("/working-groups/no-such-group");
  expect(missing?.status()).toBe(404);
  await expectAccessible(page);
});

test("the engagement lead records progress on a task, and families see it on the group's page", async ({ page }) => {
  const js = hasJavaScript();
  const code = js ? "I1" : "I2";
  const rag = js ? { words: "At risk (amber)" } : { words: "Off track (red)" };
  const outcome = `Testing the rebuilt local offer with families moved to January (${test.info().project.name} ${Date.now()})`;
  const evidence = `https://www.example.org/engagement/minutes-${test.info().project.name}`;

  await page.setExtraHTTPHeaders({ "X-Portal-Now": NOW });
  await signIn(page, "engagement-lead@demo.local");
  await page.getByRole("link", { name: "Working groups' progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Working groups: record progress" })).toBeVisible();
  // A group member sees their own group only.
  await expect(page.getByRole("heading", { level: 2, name: "Engagement", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Strategy", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: `Record an update on task ${code}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Record an update on task ${code}` })).toBeVisible();
  await expectAccessible(page);

  // A date in the future and no outcome: both explained, what was typed kept.
  const date = page.getByRole("group", { name: "Date of the update" });
  await date.getByRole("textbox", { name: "Day" }).fill("24");
  await date.getByRole("textbox", { name: "Month" }).fill("11");
  await date.getByRole("textbox", { name: "Year" }).fill("2026");
  await page.getByRole("radio", { name: rag.words }).check();
  await page.getByRole("textbox", { name: /Link to evidence/ }).fill(evidence);
  await page.getByRole("button", { name: "Record the update" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "The date of the update must be today or in the past" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Say what has happened" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(date.getByRole("textbox", { name: "Day" })).toHaveValue("24");
  await expect(date.getByRole("textbox", { name: "Year" })).toHaveValue("2026");
  await expect(page.getByRole("radio", { name: rag.words })).toBeChecked();
  await expect(page.getByRole("textbox", { name: /Link to evidence/ })).toHaveValue(evidence);
  await expectAccessible(page);

  await date.getByRole("textbox", { name: "Day" }).fill("23");
  await page.getByRole("textbox", { name: "What has happened" }).fill(outcome);
  await page.getByRole("button", { name: "Record the update" }).click();
  await expect(page.getByText(`Update recorded on task ${code}`)).toBeVisible();
  await expect(page.getByText(`Its rating is now: ${rag.words}.`)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${code} `) }) });
  await expect(row).toContainText(rag.words);
  await expect(row).toContainText("23 November 2026");
  await expectAccessible(page);

  // The public page: the task's new RAG, and the update at the top of its history.
  await page.getByRole("link", { name: "See it on the public page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engagement" })).toBeVisible();
  const task = page.getByRole("region", { name: `Task ${code}` });
  await expect(task.getByRole("definition").filter({ hasText: rag.words })).toBeVisible();
  await expect(task.getByRole("definition").filter({ hasText: outcome })).toBeVisible();
  const newest = task.getByRole("listitem").first();
  await expect(newest).toContainText("Update of 23 November 2026");
  await expect(newest).toContainText(rag.words);
  await expect(newest).toContainText(outcome);
  await expect(newest.getByRole("link", { name: `See the evidence for task ${code}, update of 23 November 2026` })).toHaveAttribute("href", evidence);
  await expectAccessible(page);

  // Another group's task is not theirs to update.
  const other = await page.goto("/admin/working-groups/strategy/tasks/A1/update");
  expect(other?.status()).toBe(403);
  await expectAccessible(page);
});
