import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Both projects ("js" and "no-js") run at once against one database: every name made
 * here is unique to the run, each project changes different seeded rows, and seeded
 * rows that are changed are put back.
 */
// Long journeys: many pages, each checked with axe (the overview is a big page).
test.describe.configure({ timeout: 90_000 });

function unique(prefix: string): string {
  return `${prefix} ${test.info().project.name} ${Date.now()}`;
}

function isJs(): boolean {
  return test.info().project.name === "js";
}

async function openOverview(page: Page) {
  await page.goto("/admin/area");
  await expect(page.getByRole("heading", { level: 1, name: "The local area" })).toBeVisible();
}

test("an admin opens the local area overview; bad addresses get the page not found", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.getByRole("link", { name: "The local area" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The local area" })).toBeVisible();
  await expectAccessible(page);

  await expect(page.getByRole("definition").getByText("Lancashire SEND Family Portal", { exact: true })).toBeVisible();
  const healthAreas = page.getByRole("table", { name: "Health areas and how many districts are in each" });
  await expect(healthAreas.getByRole("rowheader", { name: "East Lancashire" })).toBeVisible();
  const districts = page.getByRole("table", { name: "Districts and the health area each is in" });
  await expect(districts.getByRole("row", { name: /^Burnley burnley East Lancashire/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "The partnership's working groups" }).getByRole("row")).toHaveCount(6);
  await expect(page.getByRole("table", { name: "The areas of concern the inspection found" }).getByRole("row")).toHaveCount(13);
  const actionA = page.getByRole("region", { name: /^Action A: / });
  await expect(actionA.getByRole("table", { name: "Tasks for action A" }).getByRole("rowheader", { name: "A1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change task L9" })).toBeVisible();

  // The area's details: an empty name is refused, and nothing is saved.
  await page.getByRole("link", { name: "Change name of the local area" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change the area's details" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Name of the local area" }).fill("");
  await page.getByRole("button", { name: "Save the area's details" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the name of the local area");
  await expect(page.getByRole("textbox", { name: "Service name" })).toHaveValue("Lancashire SEND Family Portal");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  for (const path of ["/admin/area/districts/999999", "/admin/area/tasks/abc", "/admin/area/actions/0/tasks/new", "/admin/area/working-groups/1.5"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);
});

test("an officer cannot open the local area pages", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await expect(page.getByRole("link", { name: "The local area" })).toHaveCount(0);
  const response = await page.goto("/admin/area");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You cannot see this page" })).toBeVisible();
  await expectAccessible(page);
});

test("an admin adds a district: every mistake is explained, then it is listed", async ({ page }) => {
  const name = unique("Test district");
  const slug = `test-district-${test.info().project.name}-${Date.now()}`;
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  await page.getByRole("link", { name: "Add a district" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a district" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add district" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Enter the district's name");
  await expect(summary).toContainText("Enter a slug for the district");
  await expect(summary).toContainText("Choose the health area the district is in");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("textbox", { name: "Slug" }).fill("burnley");
  await page.getByRole("radio", { name: "East Lancashire" }).check();
  await page.getByRole("button", { name: "Add district" }).click();
  await expect(page.getByRole("alert")).toContainText("Another district already has this slug. Choose a different one");
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue(name);
  await expect(page.getByRole("radio", { name: "East Lancashire" })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Slug" }).fill(slug);
  await page.getByRole("button", { name: "Add district" }).click();
  await expect(page.getByText(`The district ${name} has been added.`)).toBeVisible();
  const row = page.getByRole("table", { name: "Districts and the health area each is in" }).getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(row).toContainText(slug);
  await expect(row).toContainText("East Lancashire");
  await expectAccessible(page);

  // The banner is shown once.
  await page.reload();
  await expect(page.getByText(`The district ${name} has been added.`)).toHaveCount(0);

  // Its own page; then it is deleted (nothing refers to it).
  await page.getByRole("link", { name: `Change district ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByText(`The district ${name} has been deleted.`)).toBeVisible();
  await expect(page.getByRole("link", { name: `Change district ${name}` })).toHaveCount(0);
});

test("a health area with districts in it cannot be deleted; an empty one can", async ({ page }) => {
  const name = unique("Test health area");
  const slug = `test-health-${test.info().project.name}-${Date.now()}`;
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  await page.getByRole("link", { name: "Change health area East Lancashire" }).click();
  await expect(page.getByText(/You cannot delete East Lancashire because \d+ districts are still in it/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/admin/area/health-areas/new");
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("textbox", { name: "Slug" }).fill("east-lancashire");
  await page.getByRole("button", { name: "Add health area" }).click();
  await expect(page.getByRole("alert")).toContainText("Another health area already has this slug");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Slug" }).fill(slug);
  await page.getByRole("button", { name: "Add health area" }).click();
  await expect(page.getByText(`The health area ${name} has been added.`)).toBeVisible();

  await page.getByRole("link", { name: `Change health area ${name}` }).click();
  await expect(page.getByText("No districts are in this health area, so you can delete it.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByText(`The health area ${name} has been deleted.`)).toBeVisible();
});

/** On a working group's page: saves `purpose`, and the overview says so. */
async function savePurpose(page: Page, group: string, purpose: string) {
  await page.getByRole("textbox", { name: "Purpose" }).fill(purpose);
  await page.getByRole("button", { name: "Save working group" }).click();
  await expect(page.getByText(`The working group ${group} has been saved.`)).toBeVisible();
}

/** From the overview: the group's page shows `purpose` as saved. */
async function expectPurpose(page: Page, group: string, purpose: string) {
  await page.getByRole("link", { name: `Change working group ${group}` }).click();
  await expect(page.getByRole("textbox", { name: "Purpose" })).toHaveValue(purpose);
}

test("an admin changes a working group's purpose", async ({ page }) => {
  // Each project its own group; never Engagement, which other tests use.
  const group = isJs() ? "Identifying and Meeting Need" : "Improving Outcomes";
  const purpose = unique("Checks that purposes can be changed");
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  await page.getByRole("link", { name: `Change working group ${group}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: group })).toBeVisible();
  await expectAccessible(page);
  const field = page.getByRole("textbox", { name: "Purpose" });
  const original = await field.inputValue();

  await field.fill("");
  await page.getByRole("button", { name: "Save working group" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the working group's purpose");
  await expectAccessible(page);

  await savePurpose(page, group, purpose);
  await expectPurpose(page, group, purpose);
  await savePurpose(page, group, original); // Put it back.
});

test("words typed into a filled-in box while the page is still loading are kept, and saved @js-only", async ({ page }) => {
  // React puts a textarea's rendered text back when the page hydrates; the portal keeps what was typed.
  const group = "Commissioning and Access to Provision";
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  const edit = await page.getByRole("link", { name: `Change working group ${group}` }).getAttribute("href");

  // The page's scripts are held back until the words are in.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(edit!, { waitUntil: "commit" });
  const field = page.getByRole("textbox", { name: "Purpose" });
  const original = await field.inputValue();
  const typed = unique("Typed while the page loaded");
  await field.fill(typed);
  release();

  // Hydrated: the character count appears, and counts the words typed.
  await expect(page.getByText(`You have ${1000 - typed.length} characters remaining`)).toBeVisible();
  await expect(field).toHaveValue(typed);
  await page.getByRole("button", { name: "Save working group" }).click();
  await expect(page.getByText(`The working group ${group} has been saved.`)).toBeVisible();
  await expectPurpose(page, group, typed);
  await savePurpose(page, group, original); // Put it back.
});

test("an admin adds a task, then changes its RAG rating and due date", async ({ page }) => {
  const code = `L${(isJs() ? 100 : 500) + (Date.now() % 400)}`;
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  await page.getByRole("link", { name: "Add a task to action L" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a task to action L" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Code" }).fill("L1");
  await page.getByRole("textbox", { name: "Task" }).fill(`A test task (${code})`);
  await page.getByRole("radio", { name: "Not started" }).check();
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByRole("alert")).toContainText("Another task already has this code");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Code" }).fill(code);
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(page.getByText(`Task ${code} has been added.`)).toBeVisible();

  const row = page.getByRole("table", { name: "Tasks for action L" }).getByRole("row", { name: new RegExp(`^${code} `) });
  await expect(row).toContainText("Not started");
  await row.getByRole("link", { name: `Change task ${code}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Task ${code}` })).toBeVisible();
  await expectAccessible(page);

  const due = page.getByRole("group", { name: "Due date" });
  await due.getByRole("textbox", { name: "Day" }).fill("31");
  await due.getByRole("textbox", { name: "Month" }).fill("2");
  await due.getByRole("textbox", { name: "Year" }).fill("2027");
  await page.getByRole("radio", { name: "Amber" }).check();
  await page.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByRole("alert")).toContainText("The due date must be a real date");
  await expect(due.getByRole("textbox", { name: "Day" })).toHaveValue("31");
  await expect(page.getByRole("radio", { name: "Amber" })).toBeChecked();
  await expectAccessible(page);

  await due.getByRole("textbox", { name: "Day" }).fill("28");
  await page.getByRole("button", { name: "Save task" }).click();
  await expect(page.getByText(`Task ${code} has been saved.`)).toBeVisible();
  await expect(row).toContainText("Amber");
  await expect(row).toContainText("28 February 2027");
  await expectAccessible(page);
});

test("an admin changes which working groups own an action", async ({ page }) => {
  const letter = isJs() ? "J" : "K";
  await signIn(page, "admin@demo.local");
  await openOverview(page);
  const section = page.getByRole("region", { name: new RegExp(`^Action ${letter}: `) });
  await expect(section).toContainText("Identifying and Meeting Need");
  await section.getByRole("link", { name: `Change action ${letter}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Action ${letter}` })).toBeVisible();
  await expectAccessible(page);

  const groups = page.getByRole("group", { name: "Working groups" });
  await groups.getByRole("checkbox", { name: "Identifying and Meeting Need" }).uncheck();
  await page.getByRole("button", { name: "Save action" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose at least one working group");
  await expectAccessible(page);

  await groups.getByRole("checkbox", { name: "Identifying and Meeting Need" }).check();
  await groups.getByRole("checkbox", { name: "Strategy", exact: true }).check();
  await page.getByRole("button", { name: "Save action" }).click();
  await expect(page.getByText(`Action ${letter} has been saved.`)).toBeVisible();
  await expect(section).toContainText("Strategy, Identifying and Meeting Need");
  await expectAccessible(page);

  // Put it back.
  await section.getByRole("link", { name: `Change action ${letter}` }).click();
  await page.getByRole("group", { name: "Working groups" }).getByRole("checkbox", { name: "Strategy", exact: true }).uncheck();
  await page.getByRole("button", { name: "Save action" }).click();
  await expect(page.getByText(`Action ${letter} has been saved.`)).toBeVisible();
  await expect(section.getByText("Strategy, Identifying and Meeting Need")).toHaveCount(0);

  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "Changed an improvement plan action" }).first()).toBeVisible();
});

test("an admin rewrites an area of concern in plain English", async ({ page }) => {
  // Each project edits its own row, and puts it back.
  const number = test.info().project.name === "js" ? 11 : 10;
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/area");
  await page.getByRole("link", { name: `Change area of concern ${number}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Area of concern ${number}` })).toBeVisible();
  await expectAccessible(page);
  const plain = page.getByRole("textbox", { name: "Plain English title" });
  const original = await plain.inputValue();

  await plain.fill("");
  await page.getByRole("button", { name: "Save area of concern" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the title in plain English");
  await expectAccessible(page);

  const rewritten = `Families get different help in different places (${test.info().project.name} ${Date.now()})`;
  await page.getByRole("textbox", { name: "Plain English title" }).fill(rewritten);
  await page.getByRole("button", { name: "Save area of concern" }).click();
  await expect(page).toHaveURL(/\/admin\/area$/);
  await expect(page.getByRole("table", { name: "The areas of concern the inspection found" })).toContainText(rewritten);

  await page.getByRole("link", { name: `Change area of concern ${number}`, exact: true }).click();
  await page.getByRole("textbox", { name: "Plain English title" }).fill(original);
  await page.getByRole("button", { name: "Save area of concern" }).click();
  await expect(page).toHaveURL(/\/admin\/area$/);
});
