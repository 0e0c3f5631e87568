import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

// The demo seeds two re-visits (db/seed/revisits.ts): one whose survey closed with 140
// answers (Ribble Valley has 3 of them), and one coming up whose survey is a draft.
const CLOSED = "Re-visit parents' survey (closed)";
const UPCOMING = "Re-visit parents' survey (upcoming)";

/** The re-visit's address, from the list of re-visits. */
async function revisitPath(page: Page, title: string): Promise<string> {
  await page.goto("/admin/revisits");
  const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/admin\/revisits\/[0-9a-f-]{36}$/);
  return href!;
}

test("an officer reads the closed re-visit's summary for inspectors and downloads it", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const path = await revisitPath(page, CLOSED);
  await page.goto(`${path}/summary`);
  await expect(page.getByRole("heading", { level: 1, name: "Summary for inspectors" })).toBeVisible();
  await expect(page.getByText(/^The survey closed at 12 noon, /)).toBeVisible();
  await expect(page.locator("time[datetime$='Z']").first()).toBeVisible();

  const counts = page.getByRole("table", { name: "How many answered" });
  await expect(counts.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Sent", exact: true }) })).toContainText("140");
  await expect(counts.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Started but not sent", exact: true }) })).toContainText("15");

  // Small numbers: Ribble Valley (3) is hidden, and the next smallest, Rossendale, too, without claiming it is small.
  const districts = page.getByRole("table", { name: "District they live in" });
  const ribble = districts.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ribble Valley", exact: true }) });
  await expect(ribble.getByRole("cell").first()).toHaveText("fewer than 5");
  const rossendale = districts.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Rossendale", exact: true }) });
  await expect(rossendale.getByRole("cell").first()).toHaveText("not shown");
  const preston = districts.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Preston", exact: true }) });
  await expect(preston.getByRole("cell")).toHaveText(["18", "14%"]);

  // Each question in order, "I don't know" apart; free text redacted; a small question held back.
  await expect(page.getByRole("table", { name: /^Area of concern 4: The last inspection found/ })).toBeVisible();
  await expect(page.getByText("[phone number removed]").first()).toBeVisible();
  await expect(page.getByText(/07700 900461|example\.org|Hargreaves/)).toHaveCount(0);
  await expect(page.getByText(/so what they wrote is held back/)).toBeVisible();
  await expectAccessible(page);

  const link = page.getByRole("link", { name: "Download the summary as a spreadsheet (CSV)" });
  await expect(link).toHaveAttribute("href", `${path}/summary.csv`);
  const csv = await page.request.get(`${path}/summary.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="summary-revisit-parents-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/);
  const body = (await csv.text()).replace(/^\uFEFF/, "");
  const lines = body.trimEnd().split("\r\n");
  expect(lines[0]).toBe("section,question,answer,count,percent");
  expect(lines).toContain("Who answered,District they live in,Ribble Valley,fewer than 5,");
  expect(body).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
  expect(body).not.toMatch(/07\d{3}\s?\d{3}\s?\d{3}|01632|\+44/);

  // The download is in the audit log, which an administrator reads.
  await page.context().clearCookies();
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "Downloaded a re-visit summary for inspectors" }).first()).toBeVisible();
});

test("an officer prints the notice and poster for the upcoming re-visit and copies the text", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const path = await revisitPath(page, UPCOMING);

  await page.goto(`${path}/notice`);
  await expect(page.getByRole("heading", { level: 1, name: "Notice for families" })).toBeVisible();
  await expect(page.getByText(/^The survey is not scheduled yet\./)).toBeVisible();
  const notice = page.getByRole("region", { name: "Inspectors want to hear from parents and carers" });
  const qr = notice.getByRole("img", { name: /^QR code: scan it with your phone's camera to open the survey at http:\/\/127\.0\.0\.1:\d+\/surveys\/revisit-parents-\d{4}-\d{2}-\d{2}$/ });
  await expect(qr).toBeVisible();
  await expect(notice.getByText(/^http:\/\/127\.0\.0\.1:\d+\/surveys\/revisit-parents-\d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await expect(notice).toContainText(/The survey is open from 12 noon, [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} to 12 noon, [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}\./);
  const times = notice.locator("time");
  await expect(times).toHaveCount(2);
  await expect(times.first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T1[12]:00:00\.000Z$/);
  await expect(notice.getByRole("heading", { name: "Come and talk to the inspectors" })).toBeVisible();
  await expect(notice).toContainText(/When\s*[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}, 10am to 11:30am/);
  await expect(notice).toContainText("Lancaster Library community room");
  await expect(notice.getByRole("link", { name: "send-partnership@demo.local" })).toHaveAttribute("href", "mailto:send-partnership@demo.local");
  await expect(notice.getByRole("listitem").filter({ hasText: "Parents and carers were not listened to" })).toBeVisible();
  const copy = page.getByRole("textbox", { name: "Text for an email or a message" });
  await expect(copy).toHaveValue(/Answer the survey: http:\/\/127\.0\.0\.1:\d+\/surveys\/revisit-parents-/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Poster (large print, for A3 or A4)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Poster for families" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^QR code: scan it/ })).toBeVisible();
  await expectAccessible(page);

  // On paper: only the notice, none of the officer's tools.
  await page.goto(`${path}/notice`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 1, name: "Notice for families" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Inspectors want to hear from parents and carers" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Text for an email or a message" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  const text = await page.request.get(`${path}/notice.txt`);
  expect(text.status()).toBe(200);
  expect(text.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const body = await text.text();
  expect(body).toMatch(/^Inspectors want to hear from parents and carers\n/);
  expect(body).toMatch(/Answer the survey: http:\/\/127\.0\.0\.1:\d+\/surveys\/revisit-parents-\d{4}-\d{2}-\d{2}\n/);
  expect(body).toContain("Where: Lancaster Library community room");
});

test("before its survey has run, the summary gives only the counts so far", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const path = await revisitPath(page, UPCOMING);
  await page.goto(`${path}/summary`);
  await expect(page.getByRole("heading", { level: 1, name: "Summary for inspectors" })).toBeVisible();
  await expect(page.getByText(/^The survey is not scheduled yet\./)).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(1);
  await expect(page.getByRole("link", { name: /Download the summary/ })).toHaveCount(0);
  await expectAccessible(page);
  // The spreadsheet waits for the close too.
  const csv = await page.request.get(`${path}/summary.csv`, { maxRedirects: 0 });
  expect(csv.status()).toBe(302);
});

test("a parent carer forum reviewer cannot open the summary for inspectors", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const path = await revisitPath(page, CLOSED);
  await page.context().clearCookies();
  await signIn(page, "pcf@demo.local");
  const response = await page.goto(`${path}/summary`);
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});
