import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;
const project = () => (hasJavaScript() ? "js" : "nojs");

/** Each test is its own visitor (as behind the portal's proxy), so rate limits of one never touch another. */
async function asNewVisitor(page: Page, n: number) {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${(hasJavaScript() ? 180 : 200) + n}, 10.0.1.${Date.now() % 250}` });
}

/** The POST a button sends, whether the browser or Remix's fetch sends it. */
async function postStatus(page: Page, click: () => Promise<void>): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/privacy"));
  await click();
  return (await response).status();
}

test("a family reads the privacy notice from the footer: what is kept, who sees it, how long, and how to ask", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  for (const heading of [
    "What we keep, form by form",
    "Who can see it",
    "If you tell us about a worry for a child's safety",
    "How long we keep it",
    "Your rights",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  // Read from the setting (24 months unless an admin changed it).
  await expect(page.getByText(/We keep the words you write and your email address for \d+ months?\./)).toBeVisible();
  await expect(
    page.getByText(/Surveys: we keep the answers you write in your own words for \d+ months? after you send the survey\./),
  ).toBeVisible();
  await expect(page.getByText(/our safeguarding lead will read it/)).toBeVisible();
  await expect(page.getByText(/complain to the Information Commissioner's Office \(ICO\)/)).toBeVisible();
  await expectAccessible(page);
});

test("an admin finds a person's feedback by email, downloads it, and erases it: the item then has no contact details", async ({ page }) => {
  await asNewVisitor(page, 1);
  const stamp = `${project()}-${Date.now()}`;
  const email = `privacy-${stamp}@example.org`;
  const words = `Please look at the transport to school (privacy ${stamp})`;

  // A parent sends feedback and asks for updates.
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("radio", { name: "School, nursery or college" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByRole("textbox", { name: /Email address/ }).fill(email);
  await page.getByRole("checkbox", { name: "Yes, you can email me about this feedback" }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback sent" })).toBeVisible();
  const reference = REFERENCE.exec((await page.locator(".govuk-panel__body").textContent()) ?? "")![0];

  await signIn(page, "admin@demo.local");
  await page.getByRole("link", { name: "Data protection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data protection" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Find, export or erase one person's data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A person's data" })).toBeVisible();
  await expectAccessible(page);

  // Bad input: a 400, the mistake named in the summary, what was typed kept.
  const search = page.getByRole("textbox", { name: "Email address or feedback reference" });
  expect(await postStatus(page, () => page.getByRole("button", { name: "Search" }).click())).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Enter an email address or a feedback reference");
  await expectAccessible(page);
  await search.fill(`privacy-${stamp}@example`);
  expect(await postStatus(page, () => page.getByRole("button", { name: "Search" }).click())).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format, like name@example.com");
  await expect(search).toHaveValue(`privacy-${stamp}@example`);
  await expectAccessible(page);

  // Found by email, in any case.
  await search.fill(email.toUpperCase());
  expect(await postStatus(page, () => page.getByRole("button", { name: "Search" }).click())).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: `What we hold for ${email.toUpperCase()}` })).toBeVisible();
  const itemLink = page.getByRole("link", { name: reference });
  await expect(itemLink).toBeVisible();
  await expect(page.getByRole("cell", { name: "Words and email address" })).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "feedback.received" })).toBeVisible();
  await expect(page.getByText(words)).toHaveCount(0);
  await expectAccessible(page);
  const itemHref = (await itemLink.getAttribute("href"))!;

  // A copy for the person: a JSON download with everything held.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download their data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^personal-data-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    feedback: { reference: string; body: string; contact_email: string }[];
    emails: unknown[];
  };
  expect(document.feedback).toEqual([expect.objectContaining({ reference, body: words, contact_email: email })]);
  expect(document.emails.length).toBeGreaterThanOrEqual(1);

  // Erase, after "Are you sure".
  await page.getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByText("Are you sure? This cannot be undone.")).toBeVisible();
  await expect(page.getByText("1 feedback item will have its words and email address removed")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, erase their data" }).click();
  await expect(page.getByRole("alert")).toContainText("Their data has been erased");
  await expect(page.getByRole("alert")).toContainText("1 feedback item anonymised");
  await expectAccessible(page);

  // Nothing is held for the address any more.
  await page.getByRole("textbox", { name: "Email address or feedback reference" }).fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("We hold nothing for this email address or reference.")).toBeVisible();

  // The item is still there for the counts, without the words or the address.
  await page.goto(itemHref);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByText("Did not ask for updates")).toBeVisible();
  await expect(page.getByText(/The words, files and contact details were removed on/)).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  await expect(page.getByText(words)).toHaveCount(0);
  await expectAccessible(page);

  // By reference, it shows as anonymised.
  await page.goto("/admin/privacy/requests");
  await page.getByRole("textbox", { name: "Email address or feedback reference" }).fill(reference.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("cell", { name: "Anonymised" })).toBeVisible();
});

test("an admin sees how long feedback is kept, is told what is wrong with a bad number, and runs the sweep now", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/privacy");
  const months = page.getByRole("textbox", { name: "Anonymise feedback after this many months" });
  const kept = await months.inputValue();
  await expect(page.getByText(/would be anonymised now\./)).toBeVisible();
  // Survey answers written in people's own words follow the same period; choices stay for counts.
  await expect(page.getByText(/survey answers people wrote in their own words .* are removed after the same time/)).toBeVisible();
  await expect(page.getByText(/survey responses? sent on or before .* would have (its|their) written answers removed now\./)).toBeVisible();

  await months.fill("two years");
  expect(await postStatus(page, () => page.getByRole("button", { name: "Save" }).click())).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Enter the number of months as a whole number, like 24");
  await expect(months).toHaveValue("two years");
  await expectAccessible(page);

  // Saved as it was, so the other project's notice is not changed under it.
  await months.fill(kept);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert")).toContainText(`Feedback is now kept for ${kept} month`);

  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByRole("alert")).toContainText(/\d+ items? (was|were) anonymised\./);
  await expectAccessible(page);
});
