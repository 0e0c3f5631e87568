import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Coverage of the local offer (public and staff) and the editable list of needs.
 * Both projects ("js" and "no-js") run at once against one database: each adds a
 * need of its own, with a name unique to the project and the run, and deletes it.
 */
test.describe.configure({ timeout: 90_000 });

const PHASES = ["Early years (0 to 4)", "Primary (4 to 11)", "Secondary (11 to 16)", "Post-16 (16 to 19)", "Moving into adulthood (19 to 25)"];

test("a family sees where help is available, and that Ribble Valley has nothing for sensory and physical needs after 16", async ({ page }) => {
  await page.goto("/local-offer/coverage");
  await expect(page.getByRole("heading", { level: 1, name: "Where help is available" })).toBeVisible();
  await expect(page).toHaveTitle(/Where help is available/);

  const sensory = page.getByRole("table", { name: "Sensory and/or physical: number of services in each district, by age group" });
  await expect(sensory.getByRole("columnheader")).toHaveText(["District", ...PHASES]);
  const ribbleValley = sensory.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ribble Valley", exact: true }) });
  // Cells follow the phases: the fourth is post-16.
  await expect(ribbleValley.getByRole("cell").nth(3)).toHaveText("None – gap");

  // A count links to the matching search: the district, an age in the phase and every need in the area.
  const communication = page.getByRole("table", { name: "Communication and interaction: number of services in each district, by age group" });
  const burnleyPrimary = communication
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Burnley", exact: true }) })
    .getByRole("cell")
    .nth(1)
    .getByRole("link");
  await expect(burnleyPrimary).toHaveAccessibleName(/^\d+\s+services? for Communication and interaction in Burnley, Primary \(4 to 11\)$/);
  await expect(burnleyPrimary).toHaveAttribute("href", "/local-offer?district=burnley&age=7&need=autism&need=speech-language-communication");
  await expect(page.getByRole("table")).toHaveCount(4);
  await expectAccessible(page);

  // One district at a time (a GET form, with or without JavaScript).
  await page.getByLabel("Show one district").selectOption({ label: "Ribble Valley" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/\/local-offer\/coverage\?district=ribble-valley$/);
  await expect(page.getByText("Showing Ribble Valley only.")).toBeVisible();
  await expect(sensory.getByRole("row")).toHaveCount(2);
  await expect(sensory.getByRole("row").nth(1).getByRole("cell").nth(3)).toHaveText("None – gap");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Show all districts" }).click();
  await expect(sensory.getByRole("row")).toHaveCount(13);
});

test("an officer sees the gaps, the services in each district, and downloads the table", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/coverage");
  await expect(page.getByRole("heading", { level: 1, name: "Coverage of the local offer" })).toBeVisible();
  await expectAccessible(page);

  const gaps = page.getByRole("table", { name: "Where no published service is listed" });
  await expect(gaps.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ribble Valley", exact: true }) }).filter({ hasText: "Sensory and/or physical" }).filter({ hasText: "Post-16 (16 to 19)" })).toHaveCount(1);
  const byDistrict = page.getByRole("table", { name: "Published services in each district" });
  await expect(byDistrict.getByRole("row")).toHaveCount(13);
  await expect(page.getByRole("table", { name: /: number of services in each district, by age group$/ })).toHaveCount(4);

  // The page's own link; ?format=csv on the page's address leads to the same file.
  await expect(page.getByRole("link", { name: "Download the coverage table as a spreadsheet (CSV)" })).toHaveAttribute("href", "/admin/local-offer/coverage.csv");
  const csv = await page.request.get("/admin/local-offer/coverage?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.url()).toMatch(/\/admin\/local-offer\/coverage\.csv$/);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="local-offer-coverage-\d{4}-\d{2}-\d{2}\.csv"$/);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toBe(`District,Broad area of need,${PHASES.join(",")}`);
  expect(lines).toHaveLength(1 + 12 * 4);
  expect(lines.find((l) => l.startsWith("Ribble Valley,Sensory and/or physical,"))?.split(",")[5]).toBe("0");
});

test("an officer adds a need, fixes a mistake on the way, finds it in the list, then deletes it", async ({ page }) => {
  const name = `Test need ${test.info().project.name} ${Date.now()}`;
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer/needs");
  await expect(page.getByRole("heading", { level: 1, name: "Specific needs" })).toBeVisible();
  const communication = page.getByRole("table", { name: "Communication and interaction: needs and how many services use each" });
  await expect(communication.getByRole("rowheader", { name: "Autism", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a need" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a need" })).toBeVisible();
  await expectAccessible(page);

  // Nothing filled in: every mistake is explained, and nothing is saved.
  await page.getByRole("textbox", { name: "Order in lists" }).fill("first");
  await page.getByRole("button", { name: "Add need" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the name of the need",
    "Choose the broad area of need",
    "Enter the order as a whole number from 0 to 9999, or leave it blank",
  ]);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Order in lists" })).toHaveValue("first");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("radio", { name: "Sensory and/or physical" }).check();
  await page.getByRole("textbox", { name: "Order in lists" }).fill("");
  await page.getByRole("button", { name: "Add need" }).click();
  await expect(page).toHaveURL(/\/admin\/local-offer\/needs$/);
  await expect(page.getByRole("alert")).toContainText(`${name} has been added`);
  const sensory = page.getByRole("table", { name: "Sensory and/or physical: needs and how many services use each" });
  const row = sensory.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText(name.toLowerCase().replace(/ /g, "-"));
  await expect(row.getByRole("cell").nth(2)).toHaveText("0");
  await expectAccessible(page);

  // A need that services use cannot simply be deleted.
  await communication.getByRole("link", { name: "Change Autism" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Autism" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Autism" }).click();
  await expect(page.getByRole("alert")).toContainText(/\d+ services use this need\. Choose a need to move them to before you delete this one/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to specific needs" }).click();

  // The new one is not used, so it can go.
  await row.getByRole("link", { name: `Change ${name}` }).click();
  await expect(page.getByText("No service uses this need, so you can delete it.")).toBeVisible();
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByRole("alert")).toContainText(`${name} has been deleted`);
  await expect(sensory.getByRole("rowheader", { name, exact: true })).toHaveCount(0);
});
