import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * An officer prepares for an Ofsted/CQC re-visit: the evidence pack for the last year,
 * then for one area of concern, then a mistyped period; and the spreadsheet. The demo
 * data (db/seed/evidence.ts) gives area 4 eight feedback items and area 5 one. Other
 * journeys in the same database may link more feedback to area 4's tasks before this
 * runs (the js and no-js projects share it), so its total is at least eight.
 */

const AREA_4 = "Area of concern 4: The failure to engage effectively with parents and carers";
const AREA_5_CSV = '"Area of concern 5: The confusing, complicated and arbitrary systems and processes of identification"';

/** "2026-11-23" as the date boxes show it. */
const boxes = (date: string) => {
  const [year, month, day] = date.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};
const ukDate = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
const inWords = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );

test("an officer reads the evidence pack for the last year, then for one area of concern", async ({ page }) => {
  const now = new Date();
  await page.setExtraHTTPHeaders({ "X-Portal-Now": now.toISOString() });
  const today = ukDate(now);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

  await signIn(page, "officer@demo.local");
  await page.getByRole("link", { name: "Evidence pack for a re-visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Evidence pack for a re-visit" })).toBeVisible();

  // The last 12 months, every area: the boxes say so, and so does the pack's heading.
  const from = page.getByRole("group", { name: "From" });
  const to = page.getByRole("group", { name: "To" });
  await expect(from.getByRole("textbox", { name: "Year" })).toHaveValue(boxes(yearAgo).year);
  await expect(to.getByRole("textbox", { name: "Day" })).toHaveValue(boxes(today).day);
  await expect(page.getByRole("heading", { level: 2, name: `Evidence from ${inWords(yearAgo)} to ${inWords(today)}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Summary for the period" })).toContainText("Progress updates recorded");
  const four = page.getByRole("region", { name: AREA_4 });
  await expect(
    four.getByRole("table", { name: "Action H: To ensure that parents and carers are fully engaged in decision making" }),
  ).toBeVisible();
  await expect(four.getByRole("table", { name: "Progress updates on this area's tasks" })).toContainText(
    "The termly newsletter now goes to every family",
  );
  const statuses = four.getByRole("table", { name: "Feedback items by status" });
  // The demo's eight, and any that other journeys in the same database linked to the area's tasks since.
  const total = statuses
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Total" }) })
    .getByRole("cell");
  await expect(total).toHaveText(/^\d+$/);
  expect(Number(await total.textContent())).toBeGreaterThanOrEqual(8);
  await expect(statuses.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Received" }) })).toContainText("fewer than 5");
  await expect(four.getByRole("table", { name: "“You said, we did” entries published" })).toContainText(
    "forum meetings alternate between daytime and evening",
  );
  await expect(page.getByRole("region", { name: /^Area of concern 12: / })).toBeVisible();
  await expectAccessible(page);

  // One area, chosen with the form (JavaScript on or off): the short address, only that area.
  await page
    .getByRole("combobox", { name: "Area of concern" })
    .selectOption({ label: "4. The failure to engage effectively with parents and carers" });
  await page.getByRole("button", { name: "Show the evidence pack" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: `Evidence from ${inWords(yearAgo)} to ${inWords(today)}: area of concern 4` }),
  ).toBeVisible();
  expect(new URL(page.url()).search).toBe(`?from=${yearAgo}&to=${today}&area=4`);
  await expect(page.getByRole("region", { name: AREA_4 })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Area of concern 12: / })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Area of concern" })).toHaveValue("4");
  await expectAccessible(page);
});

test("a period that cannot be right is explained, with what was typed kept", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/evidence-pack");
  await expect(page.getByRole("heading", { level: 1, name: "Evidence pack for a re-visit" })).toBeVisible();
  const from = page.getByRole("group", { name: "From" });
  const to = page.getByRole("group", { name: "To" });
  await from.getByRole("textbox", { name: "Day" }).fill("30");
  await from.getByRole("textbox", { name: "Month" }).fill("2");
  await from.getByRole("textbox", { name: "Year" }).fill("2026");
  await to.getByRole("textbox", { name: "Day" }).fill("1");
  await to.getByRole("textbox", { name: "Month" }).fill("1");
  await to.getByRole("textbox", { name: "Year" }).fill("2019");
  const answer = hasJavaScript() ? null : page.waitForResponse((r) => r.url().includes("/admin/evidence-pack?"));
  await page.getByRole("button", { name: "Show the evidence pack" }).click();
  if (answer) expect((await answer).status()).toBe(400);

  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "The start date must be a real date, for example 27 3 2026" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(from.getByRole("textbox", { name: "Day" })).toHaveValue("30");
  await expect(to.getByRole("textbox", { name: "Year" })).toHaveValue("2019");
  await expect(page.getByRole("table", { name: "Summary for the period" })).toHaveCount(0);
  await expectAccessible(page);

  // The start fixed: now the end is before it.
  await page.getByRole("group", { name: "From" }).getByRole("textbox", { name: "Day" }).fill("28");
  await page.getByRole("button", { name: "Show the evidence pack" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "The end date must be the same as or after the start date" }),
  ).toBeVisible();
  await expect(page.getByRole("alert").getByRole("link", { name: /start date must be a real date/ })).toHaveCount(0);

  // An area that does not exist, typed into the address.
  const unknown = await page.goto("/admin/evidence-pack?from=2026-01-01&to=2026-03-31&area=99");
  expect(unknown?.status()).toBe(400);
  await expect(page.getByRole("alert").getByRole("link", { name: "Choose an area of concern from the list" })).toBeVisible();
  await expectAccessible(page);
});

test("the spreadsheet has a heading row, hides small numbers and goes in the audit log", async ({ page, context }) => {
  const now = new Date();
  await page.setExtraHTTPHeaders({ "X-Portal-Now": now.toISOString() });
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/evidence-pack");
  const link = page.getByRole("link", { name: "Download the evidence pack as a spreadsheet (CSV)" });
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/admin\/evidence-pack\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);

  const csv = await page.request.get(href);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(
    /^attachment; filename="evidence-pack-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("section,area,item,date,rag,detail,link,count");
  expect(lines).toContain(`Feedback by status,${AREA_5_CSV},Total,,,,,fewer than 5`);
  const areaFourTotal = lines.find((l) => l.startsWith(`Feedback by status,${AREA_4},Total,`));
  expect(Number(areaFourTotal?.split(",").at(-1))).toBeGreaterThanOrEqual(8);
  expect(lines.some((l) => l.startsWith(`Progress update,${AREA_4},H5,`))).toBe(true);

  // A bad period sends the officer to the page, which says what is wrong.
  const bad = await page.request.get("/admin/evidence-pack.csv?from=2026-02-30&to=2026-03-31");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("The start date must be a real date");

  await context.clearCookies();
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "Downloaded the evidence pack for a re-visit" }).first()).toBeVisible();
});
