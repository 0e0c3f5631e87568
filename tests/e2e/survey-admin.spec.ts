import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * An officer runs a survey's life in the staff area: create, schedule in UK time,
 * invitation codes shown once, duplicate into a new wave, import a definition.
 * Both projects (JavaScript on and off) run at once against one database, so
 * every slug and series is unique to the project and the run. The server's clock
 * is set per request (X-Portal-Now), so the survey can be stood before and
 * after it opens.
 */
test.describe.configure({ timeout: 120_000 });

function unique(prefix: string): string {
  return `${prefix}-${test.info().project.name}-${Date.now().toString(36)}`;
}

async function at(page: Page, iso: string) {
  await page.setExtraHTTPHeaders({ "X-Portal-Now": iso });
}

async function createSurvey(page: Page, input: { title: string; slug: string; series: string; wave: string; audience: string; access: string }) {
  await page.goto("/admin/surveys/new");
  await page.getByRole("textbox", { name: "Title" }).fill(input.title);
  await page.getByRole("textbox", { name: "Web address" }).fill(input.slug);
  await page.getByRole("radio", { name: input.audience }).check();
  await page.getByRole("textbox", { name: "Series" }).fill(input.series);
  await page.getByRole("textbox", { name: "Wave" }).fill(input.wave);
  await page.getByRole("radio", { name: input.access }).check();
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/admin\/surveys\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function fillWhen(page: Page, which: "opens" | "closes", [day, month, year, time]: [string, string, string, string]) {
  const date = page.getByRole("group", { name: `Date the survey ${which}` });
  await date.getByRole("textbox", { name: "Day" }).fill(day);
  await date.getByRole("textbox", { name: "Month" }).fill(month);
  await date.getByRole("textbox", { name: "Year" }).fill(year);
  await page.getByRole("textbox", { name: `Time the survey ${which}` }).fill(time);
}

test("an officer creates a survey, schedules it in UK time, makes invitation codes that are shown once, and changes the closing time once it is open", async ({ page }) => {
  const slug = unique("parents");
  const series = unique("parent-carer-annual");
  await at(page, "2026-11-23T10:00:00Z");
  await signIn(page, "officer@demo.local");

  await page.goto("/admin/surveys");
  await expect(page.getByRole("heading", { level: 1, name: "Surveys" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create a survey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a survey" })).toBeVisible();
  await expectAccessible(page);

  // Mistakes are explained, and what was typed is kept.
  await page.getByRole("textbox", { name: "Web address" }).fill("Parents Survey!");
  await page.getByRole("button", { name: "Create survey" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter the survey’s title");
  await expect(summary).toContainText("The web address can only use lower-case letters, numbers and hyphens");
  await expect(summary).toContainText("Select who the survey is for");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Web address" })).toHaveValue("Parents Survey!");
  await expectAccessible(page);

  const id = await createSurvey(page, { title: "Parent carer survey 2027", slug, series, wave: "2027", audience: "Parents and carers", access: "Invite only" });

  // The list shows it as a draft, with its counts.
  await page.goto("/admin/surveys");
  const draftRow = page.getByRole("table", { name: "Draft surveys" }).getByRole("row").filter({ hasText: "Parent carer survey 2027" }).filter({ hasText: series });
  await expect(draftRow).toContainText("Parents and carers");
  await expect(draftRow).toContainText("invite only");

  // Schedule: times that do not exist are refused, in words.
  await page.goto(`/admin/surveys/${id}/schedule`);
  await expect(page.getByRole("heading", { level: 1, name: "Opening and closing times" })).toBeVisible();
  await expect(page.getByText("Enter and read all times in UK time")).toBeVisible();
  await expectAccessible(page);
  await fillWhen(page, "opens", ["28", "3", "2027", "01:30"]);
  await fillWhen(page, "closes", ["31", "2", "2027", "12:00"]);
  await page.getByRole("button", { name: "Save and schedule" }).click();
  await expect(page.getByRole("alert")).toContainText("That time does not happen in the UK on that day: the clocks go forward from 1am to 2am");
  await expect(page.getByRole("alert")).toContainText("The date the survey closes must be a real date");
  await expect(page.getByRole("group", { name: "Date the survey closes" }).getByRole("textbox", { name: "Day" })).toHaveValue("31");
  await expectAccessible(page);

  // A Friday in GMT and a Tuesday in BST: both entered as 12:00 UK time, read back as such.
  await fillWhen(page, "opens", ["26", "3", "2027", "12:00"]);
  await fillWhen(page, "closes", ["30", "3", "2027", "12:00"]);
  await page.getByRole("button", { name: "Save and schedule" }).click();
  await expect(page.getByText("The opening and closing times have been saved.")).toBeVisible();
  await expect(page.getByText("26 March 2027 at 12:00 UK time (Greenwich Mean Time, GMT)").first()).toBeVisible();
  await expect(page.getByText("30 March 2027 at 12:00 UK time (British Summer Time, BST)").first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Time the survey closes" })).toHaveValue("12:00");
  await expectAccessible(page);

  // Invitation codes: mistakes first, then three codes shown once.
  await page.goto(`/admin/surveys/${id}/invitations`);
  await expect(page.getByRole("heading", { level: 1, name: "Who can answer and invitation codes" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "How many codes?" }).fill("0");
  await page.getByRole("button", { name: "Make codes" }).click();
  await expect(page.getByRole("alert")).toContainText("The number of codes must be between 1 and 1000");
  await expect(page.getByRole("alert")).toContainText("Enter a label for the codes");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "How many codes?" }).fill("3");
  await page.getByRole("textbox", { name: "Label for this batch" }).fill("School A parents");
  await page.getByRole("button", { name: "Make codes" }).click();
  await expect(page.getByText("3 codes made for “School A parents”")).toBeVisible();
  const list = page.getByRole("list", { name: "The 3 new codes for “School A parents”" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  const codes = await list.getByRole("listitem").allInnerTexts();
  for (const code of codes) expect(code.trim()).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expectAccessible(page);

  // The spreadsheet holds exactly those codes.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the codes as a spreadsheet (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^invitation-codes-${slug}-2026-11-23-1000\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8");
  for (const code of codes) expect(csv).toContain(`${code.trim()},School A parents,`);

  // Shown once: the page again has the counts, not the codes.
  await page.goto(`/admin/surveys/${id}/invitations`);
  await expect(page.getByText(codes[0]!.trim())).toHaveCount(0);
  await expect(page.getByRole("definition").filter({ hasText: /^3$/ }).first()).toBeVisible();

  // Once open, the opening is fixed and only the closing time changes; it cannot be archived.
  await at(page, "2027-03-27T09:00:00Z");
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/surveys/${id}/schedule`);
  await expect(page.getByText("The survey opened on Friday, 26 March 2027 at 12:00 UK time (Greenwich Mean Time, GMT). This cannot change.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Date the survey opens" })).toHaveCount(0);
  await fillWhen(page, "closes", ["31", "3", "2027", "17:00"]);
  await page.getByRole("button", { name: "Save the closing time" }).click();
  await expect(page.getByText("31 March 2027 at 17:00 UK time (British Summer Time, BST)").first()).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/admin/surveys/${id}/status`);
  await expect(page.getByText("This survey is open, so it cannot be archived.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Archive survey" })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/admin/surveys");
  await expect(page.getByRole("table", { name: "Open surveys" }).getByRole("row").filter({ hasText: series })).toContainText("31 March 2027, 17:00 BST");
});

test("an officer duplicates last year's survey into a new wave, and archives the old one once it has closed", async ({ page }) => {
  const slug = unique("young-people");
  const series = unique("young-people-annual");
  await at(page, "2026-11-23T10:00:00Z");
  await signIn(page, "officer@demo.local");
  const id = await createSurvey(page, { title: "Young people's survey", slug, series, wave: "2026", audience: "Children and young people", access: "Open link" });

  await page.goto(`/admin/surveys/${id}/duplicate`);
  await expect(page.getByRole("heading", { level: 1, name: "Duplicate into a new wave" })).toBeVisible();
  await expect(page.getByText("Not copied: opening and closing times, responses and invitation codes.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "New wave" }).fill("2026");
  await page.getByRole("textbox", { name: "Web address of the new survey" }).fill(slug);
  await page.getByRole("button", { name: "Duplicate survey" }).click();
  await expect(page.getByRole("alert")).toContainText("A survey in this series already has this wave");
  await expect(page.getByRole("alert")).toContainText("Another survey already uses this web address");
  await expect(page.getByRole("textbox", { name: "New wave" })).toHaveValue("2026");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "New wave" }).fill("2027");
  await page.getByRole("textbox", { name: "Web address of the new survey" }).fill(`${slug}-2027`);
  await page.getByRole("button", { name: "Duplicate survey" }).click();
  await expect(page).toHaveURL(/\/admin\/surveys\/[0-9a-f-]{36}$/);
  const copyId = new URL(page.url()).pathname.split("/").pop();
  expect(copyId).not.toBe(id);

  await page.goto("/admin/surveys");
  const drafts = page.getByRole("table", { name: "Draft surveys" });
  await expect(drafts.getByRole("row").filter({ hasText: `${series}, wave 2026` })).toHaveCount(1);
  await expect(drafts.getByRole("row").filter({ hasText: `${series}, wave 2027` })).toHaveCount(1);
  await expectAccessible(page);

  // The old wave: scheduled, run, closed, then archived; the list files it under "Archived".
  await page.goto(`/admin/surveys/${id}/schedule`);
  await fillWhen(page, "opens", ["1", "12", "2026", "09:00"]);
  await fillWhen(page, "closes", ["15", "12", "2026", "17:00"]);
  await page.getByRole("button", { name: "Save and schedule" }).click();
  await expect(page.getByText("The opening and closing times have been saved.")).toBeVisible();
  await at(page, "2026-12-15T17:00:00Z");
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/surveys/${id}/schedule`);
  await expect(page.getByText("The times of a closed survey cannot change.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Duplicate it into a new wave" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/admin/surveys/${id}/status`);
  await expect(page.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Archive survey" }).click();
  await expect(page.getByText("The survey has been archived.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Unarchive survey" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/surveys");
  await expect(page.getByRole("table", { name: "Archived surveys" }).getByRole("row").filter({ hasText: `${series}, wave 2026` })).toHaveCount(1);
});

test("an officer imports a survey definition, sees each problem with where it is, corrects it and imports it", async ({ page }) => {
  const slug = unique("poet-practitioners");
  const series = unique("poet-practitioner");
  await at(page, "2026-11-23T10:00:00Z");
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/surveys");
  await page.getByRole("link", { name: "Import a survey from a file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a survey from a file" })).toBeVisible();
  await expectAccessible(page);

  const english = (text: string) => [{ language: "en-GB", format: "standard", text, reviewed: true }];
  const definition = {
    title: english("Practitioners' survey (licensed items)"),
    purpose: english("How support is working, from practitioners."),
    howUsed: english("Totals and themes only."),
    estimatedMinutes: "ten",
    pages: [{ key: "support", title: [], questions: [{ key: "helps", type: "essay", required: true, text: english("Support helps.") }] }],
  };
  await page.getByRole("textbox", { name: "Web address" }).fill(slug);
  await page.getByRole("radio", { name: "Practitioners" }).check();
  await page.getByRole("textbox", { name: "Series" }).fill(series);
  await page.getByRole("textbox", { name: "Wave" }).fill("2027");
  await page.getByRole("radio", { name: "Open link" }).check();
  await page.getByLabel("Upload a JSON file").setInputFiles({ name: "poet-items.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(definition, null, 2)) });
  await page.getByRole("button", { name: "Check and import" }).click();

  await expect(page.getByRole("alert")).toContainText("The survey definition has 2 problems. Correct them and try again");
  await expect(page).toHaveTitle(/^Error: /);
  const problems = page.getByRole("table", { name: "Problems in the survey definition" });
  await expect(problems.getByRole("row").filter({ hasText: "Estimated minutes" })).toContainText("This should be a number, not text in quote marks.");
  await expect(problems.getByRole("row").filter({ hasText: "Page 1, question 1, type" })).toContainText("“essay” is not allowed here.");
  await expect(problems).toContainText("pages[0].questions[0].type");
  // What was sent is kept: the fields, and the file's text in the box to correct.
  await expect(page.getByRole("textbox", { name: "Web address" })).toHaveValue(slug);
  const box = page.getByRole("textbox", { name: "Or paste the JSON" });
  await expect(box).toHaveValue(/"estimatedMinutes": "ten"/);
  await expectAccessible(page);

  // Corrected in the box, it imports as a draft.
  const fixed = (await box.inputValue()).replace('"estimatedMinutes": "ten"', '"estimatedMinutes": 10').replace('"type": "essay"', '"type": "agreement"');
  await box.fill(fixed);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page).toHaveURL(/\/admin\/surveys\/[0-9a-f-]{36}$/);
  await page.goto("/admin/surveys");
  await expect(page.getByRole("table", { name: "Draft surveys" }).getByRole("row").filter({ hasText: series })).toContainText("Practitioners' survey (licensed items)");
});

test("an unknown survey is a 404 page", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  for (const path of ["/admin/surveys/00000000-0000-4000-8000-000000000000/schedule", "/admin/surveys/not-a-survey/invitations"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);
});
