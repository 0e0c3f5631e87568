import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * The co-production log (docs/decisions/019-co-production-log.md). Both projects
 * run at once against one database: every activity has a title unique to the run.
 */
test.describe.configure({ timeout: 180_000 });

async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

test("an officer records an activity, closes it once families are told, the forum confirms it, and families see it", async ({ page }) => {
  const title = `Saturday club timetable ${test.info().project.name} ${Date.now()}`;
  const said = `Families said clubs end too early (${title})`;
  const changed = "Clubs now run until 4pm.";
  const notChanged = "A club in every district: the budget covers three this year.";

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/co-production");
  await expect(page.getByRole("heading", { level: 1, name: "Co-production log" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Record an activity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a co-production activity" })).toBeVisible();
  await expectAccessible(page);

  // Families joined when the options were drawn up: "co-production" is refused, and nothing typed is lost.
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await fillDate(page, "Date of the activity", "10", "11", "2026");
  await page.getByLabel("Working group").selectOption({ label: "Engagement" });
  await page.getByRole("radio", { name: "Workshop" }).check();
  await page.getByRole("textbox", { name: "What decision was open?" }).fill("How the short breaks budget is spent");
  await page.getByRole("radio", { name: "When the options were drawn up" }).check();
  await page.getByRole("radio", { name: "Co-production", exact: true }).check();
  await page.getByRole("textbox", { name: "Parents and carers" }).fill("12");
  await page.getByRole("textbox", { name: "Young people aged 11 to 15" }).fill("4");
  await page.getByRole("checkbox", { name: "Easy read papers" }).check();
  await page.getByRole("textbox", { name: "What did families say?" }).fill(said);
  await page.getByRole("textbox", { name: "What changed because of what families said?" }).fill(changed);
  await page.getByRole("textbox", { name: "What did not change, and why?" }).fill(notChanged);
  await page.getByRole("textbox", { name: /Links to evidence/ }).fill("https://example.org/notes");
  await page.getByRole("button", { name: "Save as a draft" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("This cannot be recorded as co-production because families did not join from the start");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Parents and carers" })).toHaveValue("12");
  await expect(page.getByRole("checkbox", { name: "Easy read papers" })).toBeChecked();
  await expectAccessible(page);

  // They were there from the start after all.
  await page.getByRole("radio", { name: "From the start, before the options were drawn up" }).check();
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByText("The activity has been saved as a draft")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish the activity" }).click();
  await expect(page.getByText("The activity is now on the public co-production page")).toBeVisible();

  // Closing before the people who took part have been told is refused, in plain words.
  await page.getByRole("button", { name: "Close the activity" }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot close this activity until the people who took part have been told the outcome");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Change the activity/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change the activity" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: /How were participants told the outcome/ }).fill("By email and at the next forum meeting");
  await fillDate(page, "When were they told?", "20", "11", "2026");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your changes have been saved")).toBeVisible();
  await page.getByRole("button", { name: "Close the activity" }).click();
  await expect(page.getByText("The activity is closed", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Change the activity/ })).toHaveCount(0);
  await expectAccessible(page);

  // The parent carer forum's representative confirms the level.
  await page.context().clearCookies();
  await signIn(page, "pcf@demo.local");
  await page.goto("/admin/co-production");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Confirm the level" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirm the level of participation" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm the level as Co-production" }).click();
  await expect(page.getByText("You have confirmed the level")).toBeVisible();
  await expect(page.getByText(/Confirmed by Parent carer forum reviewer on/)).toBeVisible();
  await expectAccessible(page);

  // A family, signed out, sees it on the public page.
  await page.context().clearCookies();
  await page.goto("/co-production");
  await expect(page.getByRole("heading", { level: 1, name: "How families shape our decisions" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Activities by working group" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Activities by level of participation" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Activities by quarter/ })).toBeVisible();
  const entry = page.getByRole("region", { name: title });
  await expect(entry.getByText(said)).toBeVisible();
  await expect(entry.getByText(changed)).toBeVisible();
  await expect(entry.getByText(notChanged)).toBeVisible();
  await expect(entry.getByText("Co-production (confirmed by the parent carer forum)")).toBeVisible();
  await expect(entry.getByText(/By email and at the next forum meeting/)).toBeVisible();
  await expectAccessible(page);
});
