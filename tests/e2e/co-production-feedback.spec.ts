import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Co-production activities linked to the feedback that fed into them
 * (docs/decisions/027-co-production-feedback-links.md). Both projects share one
 * database: the feedback and the activity carry words unique to the run.
 */
test.describe.configure({ timeout: 180_000 });

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;

/** Its own visitor (as behind the portal's proxy), so the feedback rate limit of one run never touches another. */
async function asNewVisitor(page: Page) {
  await page.setExtraHTTPHeaders({
    "X-Forwarded-For": `198.51.100.${hasJavaScript() ? 211 : 221}, 10.0.0.${Date.now() % 250}`,
  });
}

async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

test("an officer links feedback to a co-production activity by its reference, and each page points to the other", async ({ page }) => {
  const run = `${test.info().project.name} ${Date.now()}`;
  const words = `Forum meetings should be in the evening so working parents can come (${run})`;
  const title = `Evening forum meetings ${run}`;

  await asNewVisitor(page);
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback sent" })).toBeVisible();
  const reference = REFERENCE.exec((await page.locator(".govuk-panel__body").textContent()) ?? "")![0];
  await page.setExtraHTTPHeaders({});

  await signIn(page, "officer@demo.local");
  await page.goto("/admin/co-production/new");
  await expect(page.getByRole("heading", { level: 1, name: "Record a co-production activity" })).toBeVisible();
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await fillDate(page, "Date of the activity", "10", "11", "2026");
  await page.getByLabel("Working group").selectOption({ label: "Engagement" });
  await page.getByRole("radio", { name: "Meeting" }).check();
  await page.getByRole("textbox", { name: "What decision was open?" }).fill("When forum meetings are held");
  await page.getByRole("radio", { name: "When the options were drawn up" }).check();
  await page.getByRole("radio", { name: "Consultation" }).check();
  await page.getByRole("textbox", { name: "Parents and carers" }).fill("9");
  await page.getByRole("textbox", { name: "What did families say?" }).fill("Evenings suit working parents.");
  await page
    .getByRole("textbox", { name: "What changed because of what families said?" })
    .fill("Two meetings a term are now in the evening.");

  // Something that cannot be a reference: named, and everything typed is kept.
  const feedbackBox = page.getByRole("textbox", { name: /Feedback references/ });
  const mistyped = `${reference}\nnot-a-reference`;
  await feedbackBox.fill(mistyped);
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("alert")).toContainText("These are not feedback references: not-a-reference");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(feedbackBox).toHaveValue(mistyped);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  await expect(page.getByText("Error: These are not feedback references: not-a-reference")).toBeVisible();
  await expectAccessible(page);

  // A well-formed reference that does not exist: the same kind of answer, naming it.
  const unknown = `${reference.toLowerCase().replace(/-/g, "")}, FB-2222-3333`;
  await feedbackBox.fill(unknown);
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("alert")).toContainText("No feedback was found with these references: FB-2222-3333");
  await expect(feedbackBox).toHaveValue(unknown);
  await expectAccessible(page);

  // Typed in lower case without the hyphens, the real one is found.
  await feedbackBox.fill(reference.toLowerCase().replace(/-/g, ""));
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("The activity has been saved as a draft")).toBeVisible();
  const linked = page.getByRole("region", { name: "Feedback that fed into this activity" });
  await expect(linked.getByRole("link", { name: reference })).toBeVisible();
  await expect(linked).toContainText("Forum meetings should be in the evening");
  await expectAccessible(page);
  const activityUrl = new URL(page.url()).pathname;

  // The form to change it shows the reference as saved.
  await page.goto(`${activityUrl}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Change the activity" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /Feedback references/ })).toHaveValue(reference);
  await expectAccessible(page);

  // From the activity to the item's triage page, and back.
  await page.goto(activityUrl);
  await page.getByRole("region", { name: "Feedback that fed into this activity" }).getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  const activities = page.getByRole("region", { name: "Co-production activities" });
  await expect(activities.getByRole("link", { name: title })).toBeVisible();
  await expect(activities).toContainText("Consultation");
  await expect(activities).toContainText("10 November 2026");
  await expect(page.getByText("Linked to a co-production activity")).toBeVisible();
  await expectAccessible(page);
  await activities.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Published: the public page says how much feedback it drew on, never which or what it said.
  await page.getByRole("button", { name: "Publish the activity" }).click();
  await expect(page.getByText("The activity is now on the public co-production page")).toBeVisible();
  await page.goto("/co-production");
  const entry = page.getByRole("region", { name: title });
  await expect(entry).toContainText("Fewer than 5 pieces of feedback");
  await expect(page.getByText(reference)).toHaveCount(0);
  await expect(page.getByText(words)).toHaveCount(0);
  await expectAccessible(page);
});
