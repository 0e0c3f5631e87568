import type { Page } from "@playwright/test";
import { englandAndWalesBankHolidays } from "../../db/seed/bank-holidays";
import { buildTimeline } from "../../app/revisits/timeline";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * Re-visits: an officer plans the dates, creates the re-visit from the notification
 * date, the parent carer forum signs off the questions, and the parents' survey opens
 * at exactly 12 noon UK time on day −5 and refuses answers from exactly 12 noon on
 * day −1, keeping the draft. The server's clock is set per request (X-Portal-Now).
 * Both projects share one database, so each uses its own notification dates.
 */
test.describe.configure({ timeout: 180_000 });

const TODAY = "2026-11-23T10:00:00.000Z";
const holidays = new Map(englandAndWalesBankHolidays.map((h) => [h.date, h.title]));

async function at(page: Page, iso: string) {
  await page.setExtraHTTPHeaders({ "X-Portal-Now": iso });
}

/**
 * A Wednesday in 2027 (no Wednesday is a bank holiday between February and October),
 * different for each project and, most likely, each run: `range` 0 is February to May, 1 is June to September.
 */
function wednesday(range: 0 | 1): { iso: string; parts: [string, string, string] } {
  const slot = (Math.floor(Date.now() / 1000) % 8) * 2 + (hasJavaScript() ? 0 : 1);
  const date = new Date(Date.UTC(2027, range === 0 ? 1 : 5, (range === 0 ? 3 : 2) + 7 * slot));
  const iso = date.toISOString().slice(0, 10);
  return { iso, parts: [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())] };
}

async function fillDate(page: Page, legend: string, [day, month, year]: [string, string, string]) {
  const group = page.getByRole("group", { name: legend });
  await group.getByRole("textbox", { name: "Day" }).fill(day);
  await group.getByRole("textbox", { name: "Month" }).fill(month);
  await group.getByRole("textbox", { name: "Year" }).fill(year);
}

async function createRevisit(page: Page, notified: [string, string, string], title: string) {
  await page.goto("/admin/revisits/new");
  await page.getByRole("textbox", { name: "Name of the re-visit" }).fill(title);
  await page.getByRole("radio", { name: "The day we were notified (day −10)" }).check();
  await fillDate(page, "Date", notified);
  await page.getByRole("checkbox", { name: "4. Parents and carers were not listened to" }).check();
  await page.getByRole("checkbox", { name: "12. The local offer was hard to use and missing information" }).check();
  await page.getByRole("button", { name: "Create the re-visit" }).click();
  await expect(page).toHaveURL(/\/admin\/revisits\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an officer plans a re-visit's dates in working days, and a weekend or a past date is explained", async ({ page }) => {
  await at(page, TODAY);
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/revisits");
  await expect(page.getByRole("heading", { level: 1, name: "Re-visits" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Plan dates without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan a re-visit's dates" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "The day we were notified (day −10)" }).check();
  await fillDate(page, "Date", ["16", "3", "2026"]);
  await page.getByRole("button", { name: "Show the dates" }).click();
  await expect(page).toHaveURL(/\/admin\/revisits\/schedule\?notified=2026-03-16$/);
  const table = page.getByRole("table", { name: "The re-visit, day by day" });
  await expect(table.getByRole("row")).toHaveCount(12);
  const opening = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Day −5", exact: true }) });
  await expect(opening).toContainText("The parents' survey opens at 12 noon, Monday 23 March 2026");
  await expect(opening.locator("time[datetime='2026-03-23T12:00:00.000Z']")).toHaveText("12 noon, Monday 23 March 2026");
  const closing = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Day −1", exact: true }) });
  await expect(closing.locator("time[datetime='2026-03-27T12:00:00.000Z']")).toHaveText("12 noon, Friday 27 March 2026");
  await expect(table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Day 1", exact: true }) })).toContainText("Monday 30 March 2026");
  await expectAccessible(page);

  // From the first day on site, over Easter and the clocks going forward.
  await page.goto("/admin/revisits/schedule?onsite=2027-03-31");
  const easter = page.getByRole("table", { name: "The re-visit, day by day" });
  await expect(easter.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Day −10", exact: true }) })).toContainText("Monday 15 March 2027");
  const easterClose = easter.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Day −1", exact: true }) });
  await expect(easterClose.locator("time[datetime='2027-03-30T11:00:00.000Z']")).toHaveText("12 noon, Tuesday 30 March 2027");
  await expect(easterClose).toContainText("Good Friday");
  await expect(easterClose).toContainText("Easter Monday");

  // A weekend is not a working day: a 400, in words, with what was typed kept.
  const weekend = await page.goto("/admin/revisits/schedule?notified=2027-03-27");
  expect(weekend?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("That date is a weekend");
  await expect(page.getByRole("group", { name: "Date" }).getByRole("textbox", { name: "Day" })).toHaveValue("27");
  await expectAccessible(page);
});

test("an officer creates a re-visit from the notification date; mistakes are explained and what was typed is kept", async ({ page }) => {
  await at(page, TODAY);
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/revisits");
  await page.getByRole("link", { name: "Create a re-visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a re-visit" })).toBeVisible();
  await expectAccessible(page);

  // A Saturday, no area of concern.
  await page.getByRole("textbox", { name: "Name of the re-visit" }).fill("Spring re-visit");
  await fillDate(page, "Date", ["13", "3", "2027"]);
  await page.getByRole("button", { name: "Create the re-visit" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("That date is a weekend");
  await expect(summary).toContainText("Select at least one area of concern");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Name of the re-visit" })).toHaveValue("Spring re-visit");
  await expect(page.getByRole("group", { name: "Date" }).getByRole("textbox", { name: "Day" })).toHaveValue("13");
  await expectAccessible(page);

  // A date in the past.
  await fillDate(page, "Date", ["20", "11", "2026"]);
  await page.getByRole("checkbox", { name: "4. Parents and carers were not listened to" }).check();
  await page.getByRole("button", { name: "Create the re-visit" }).click();
  await expect(page.getByRole("alert")).toContainText("That date has passed");

  const notified = wednesday(0);
  const id = await createRevisit(page, notified.parts, "Spring re-visit");
  const expected = buildTimeline(notified.iso, holidays);
  await expect(page.getByRole("alert")).toContainText("Re-visit created");
  await expect(page.getByRole("heading", { level: 1, name: "Spring re-visit" })).toBeVisible();
  await expect(page.getByText("Not signed off yet.")).toBeVisible();
  await expect(page.getByText("The survey can be scheduled once the parent carer forum has signed off")).toBeVisible();
  await expect(page.locator(`time[datetime='${expected.opensAt.toISOString()}']`).first()).toContainText("12 noon");
  await expectAccessible(page);

  // Changing a date needs a reason, and the survey must close after it opens.
  await page.getByRole("link", { name: /Change parents' survey closes/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change the date: parents' survey closes (day −1)" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the date" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why the date is different");
  const [y, m, d] = expected.dates.opens.split("-");
  await fillDate(page, "New date", [String(Number(d)), String(Number(m)), y!]);
  await page.getByRole("textbox", { name: "Why is the date different?" }).fill("Inspectors asked for a shorter window");
  await page.getByRole("button", { name: "Save the date" }).click();
  await expect(page.getByRole("alert")).toContainText("The survey must close after it opens");
  await expect(page.getByRole("textbox", { name: "Why is the date different?" })).toHaveValue("Inspectors asked for a shorter window");
  await expectAccessible(page);

  // The open meeting's details.
  await page.goto(`/admin/revisits/${id}/meeting`);
  await expect(page.getByRole("heading", { level: 1, name: "The parents' open meeting" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "When is the parents' open meeting?" }).fill("6pm to 7:30pm on the first day on site");
  await page.getByRole("textbox", { name: "Where is it?" }).fill("Town hall, Market Street");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText("Open meeting details saved");
  await expect(page.getByText("Town hall, Market Street")).toBeVisible();
});

test("the forum signs off; the parents' survey opens at exactly 12 noon on day −5 and refuses answers from exactly 12 noon on day −1, keeping the draft", async ({ page, browser }) => {
  const notified = wednesday(1);
  const { opensAt, closesAt } = buildTimeline(notified.iso, holidays);
  await at(page, TODAY);
  await signIn(page, "officer@demo.local");
  const title = `Summer re-visit ${notified.iso}`;
  const id = await createRevisit(page, notified.parts, title);
  const slug = `revisit-parents-${notified.iso}`;
  await expect(page.getByRole("button", { name: "Schedule the survey" })).toHaveCount(0);

  // The parent carer forum signs off the questions.
  const forumContext = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const forum = await forumContext.newPage();
  await at(forum, TODAY);
  await signIn(forum, "pcf@demo.local");
  await forum.goto("/admin/revisits");
  await forum.getByRole("link", { name: title }).click();
  await expect(forum).toHaveURL(new RegExp(`/admin/revisits/${id}/review$`));
  await forum.getByRole("button", { name: "Sign off the questions" }).click();
  await expect(forum.getByText("The questions are signed off as they are now")).toBeVisible();
  await forumContext.close();

  // The officer schedules it: 12 noon on day −5 to 12 noon on day −1.
  await page.reload();
  await expect(page.getByText("Signed off by Parent carer forum reviewer")).toBeVisible();
  await page.getByRole("button", { name: "Schedule the survey" }).click();
  await expect(page.getByRole("alert")).toContainText("The survey is scheduled");
  await expect(page.locator(`time[datetime='${opensAt.toISOString()}']`).first()).toContainText("12 noon");
  await expectAccessible(page);

  // A parent, one millisecond before noon on day −5: not open yet, and the focuses in plain words.
  const parentContext = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const parent = await parentContext.newPage();
  await at(parent, new Date(opensAt.getTime() - 1).toISOString());
  await parent.goto(`/surveys/${slug}`);
  await expect(parent.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(parent.getByText("This survey opens at")).toBeVisible();
  await expect(parent.getByRole("button", { name: "Start now" })).toHaveCount(0);
  await expect(parent.locator(`time[datetime='${opensAt.toISOString()}']`).first()).toContainText("12 noon");
  await expectAccessible(parent);

  // At 12:00:00.000 it is open.
  await at(parent, opensAt.toISOString());
  await parent.goto(`/surveys/${slug}`);
  await expect(parent.getByRole("heading", { name: "What the inspectors are looking at again" })).toBeVisible();
  await expect(parent.getByRole("listitem").filter({ hasText: "Parents and carers were not listened to" })).toBeVisible();
  await expectAccessible(parent);
  await parent.getByRole("button", { name: "Start now" }).click();
  await expect(parent).toHaveURL(new RegExp(`/surveys/${slug}/q/`));
  await parentContext.close();

  // Another parent answers in the last minutes before noon on day −1…
  const lateContext = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const late = await lateContext.newPage();
  await at(late, new Date(closesAt.getTime() - 10 * 60 * 1000).toISOString());
  await late.goto(`/surveys/${slug}`);
  await late.getByRole("button", { name: "Start now" }).click();
  await late.getByRole("radio", { name: "Worse" }).first().check();
  // Two areas of concern, then "Overall" and "About you": four pages.
  for (let i = 0; i < 4; i++) {
    const before = late.url();
    await late.getByRole("button", { name: "Continue", exact: true }).click();
    await late.waitForURL((url) => url.toString() !== before);
  }
  await expect(late.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  // …and sends at exactly 12:00:00.000: refused, kept.
  await at(late, closesAt.toISOString());
  await late.getByRole("button", { name: "Send my answers" }).click();
  await expect(late.getByRole("alert")).toContainText("This survey has closed");
  await expect(late.getByRole("alert")).toContainText("We have kept what you saved");
  await expectAccessible(late);
  // The draft is still there: at 11:59:59.999 the same answers are accepted.
  await at(late, new Date(closesAt.getTime() - 1).toISOString());
  await late.goto(`/surveys/${slug}/check`);
  await expect(late.locator("dd", { hasText: /^\s*Worse\s*$/ })).toHaveCount(1);
  await late.getByRole("button", { name: "Send my answers" }).click();
  await expect(late.getByRole("heading", { level: 1, name: "Answers sent" })).toBeVisible();
  await expect(late.getByText(/SV-[A-Z0-9]{4}-[A-Z0-9]{4}/)).toBeVisible();
  await lateContext.close();
});

test("a new bank holiday moves a re-visit's dates; one set by hand is held for an officer, who accepts the new dates", async ({ page, browser }) => {
  // A Wednesday in 2028, different for each project (and from run to run on a kept database),
  // and a one-off bank holiday the next day. The Wednesdays are four weeks apart, so the bank
  // holiday another run imported (it stays) never falls inside this re-visit's dates: one
  // week apart, the other project's holiday moved these dates too, now and then.
  const slot = (Math.floor(Date.now() / 1000) % 6) * 2 + (hasJavaScript() ? 0 : 1);
  const notifiedDate = new Date(Date.UTC(2028, 0, 5 + 28 * slot));
  const notified = notifiedDate.toISOString().slice(0, 10);
  const holiday = new Date(notifiedDate.getTime() + 86_400_000).toISOString().slice(0, 10);
  const before = buildTimeline(notified, holidays);
  const after = buildTimeline(notified, new Map([...holidays, [holiday, "Special bank holiday"]]));
  expect(after.dates.opens).not.toBe(before.dates.opens);

  await at(page, TODAY);
  await signIn(page, "officer@demo.local");
  const title = `Spring 2028 re-visit ${notified}`;
  const id = await createRevisit(page, [String(notifiedDate.getUTCDate()), String(notifiedDate.getUTCMonth() + 1), "2028"], title);
  // The closing date is agreed with the inspectors and set by hand.
  await page.getByRole("link", { name: /Change parents' survey closes/ }).click();
  await page.getByRole("textbox", { name: "Why is the date different?" }).fill("Agreed with the lead inspector");
  await page.getByRole("button", { name: "Save the date" }).click();
  await expect(page.getByRole("alert")).toContainText("Date changed.");

  // An administrator imports a bank holiday proclaimed for the day after the notification.
  const adminContext = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const admin = await adminContext.newPage();
  await at(admin, TODAY);
  await signIn(admin, "admin@demo.local");
  await admin.goto("/admin/bank-holidays");
  const file = { "england-and-wales": { division: "england-and-wales", events: [{ title: "Special bank holiday", date: holiday, notes: "", bunting: true }] } };
  await admin.getByLabel("Upload bank-holidays.json").setInputFiles({ name: "bank-holidays.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await admin.getByRole("button", { name: "Import bank holidays" }).click();
  await expect(admin.getByText(/needs? an officer to check/)).toBeVisible();
  await expectAccessible(admin);
  await adminContext.close();

  // The officer sees what would move, and takes the new dates; the date set by hand stays.
  await page.goto(`/admin/revisits/${id}`);
  await expect(page.getByText("The bank holidays have changed")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use the new dates" }).click();
  await expect(page.getByRole("alert")).toContainText("The dates now follow the new bank holidays.");
  await expect(page.getByText("The bank holidays have changed")).toHaveCount(0);
  const keyDates = page.locator("dl").filter({ hasText: "Parents' survey opens (day −5)" });
  await expect(keyDates.locator(`time[datetime='${after.dates.opens}']`)).toHaveCount(1);
  await expect(keyDates.locator(`time[datetime='${before.dates.closes}']`).first()).toBeVisible();
});
