import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Keeping the local offer current: providers' changes, editors' decisions, reviews.
 *
 * Both projects ("js" and "no-js") run at once against one database. Journeys that
 * change a seeded anchor run in the "js" project only; the "no-js" project runs the
 * same journey on an entry it makes itself (as an officer, for the provider's
 * organisation), so neither can see the other's half-finished change.
 */
test.describe.configure({ timeout: 180_000 });
// A missing button or link fails the step in seconds rather than at the test's time limit.
test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 });

const PROVIDER_ORG = "Little Steps Nursery (demo provider)";
const NURSERY = { name: "Little Steps Nursery SEND Support", slug: "little-steps-nursery-send-support" };
const HOLIDAY_CLUB = { name: "Little Steps Holiday Club", slug: "little-steps-holiday-club" };

function runId(): string {
  return `${test.info().project.name} ${Date.now()}`;
}

function isJs(): boolean {
  return test.info().project.name === "js";
}

/** Today as the public page writes it: "23 November 2026", in UK time. */
function ukToday(): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date());
}

async function signOutAndIn(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

/** Finds an entry on /admin/services by name and opens it. */
async function openService(page: Page, name: string) {
  await page.goto("/admin/services");
  await page.getByRole("textbox", { name: "Name contains" }).fill(name);
  await page.getByRole("button", { name: "Show services" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function saveSection(page: Page) {
  await page.getByRole("button", { name: /^(Save and return to the summary|Save your changes)$/ }).click();
}

/**
 * As the signed-in officer: adds an entry for the provider's organisation with a
 * summary and publishes it. Returns its slug.
 */
async function createPublishedService(page: Page, name: string, summary: string): Promise<string> {
  await page.goto("/admin/services/new");
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("combobox", { name: "Organisation that runs it" }).selectOption({ label: PROVIDER_ORG });
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText(`${name} has been added as a draft.`)).toBeVisible();
  await page.getByRole("link", { name: "Change about the service" }).click();
  await page.getByRole("textbox", { name: "Summary" }).fill(summary);
  await saveSection(page);
  await expect(page.getByText("Your changes have been saved.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();
  const href = await page.getByRole("link", { name: "View it as families see it" }).getAttribute("href");
  return href!.replace("/local-offer/services/", "");
}

test("a provider updates their service and an editor approves it", async ({ page }) => {
  const run = runId();
  let target = NURSERY;
  let oldSummary = "How Little Steps Nursery in Chorley supports babies and young children with speech, language and other additional needs.";
  if (!isJs()) {
    const name = `Approval test ${run}`;
    oldSummary = `The first summary of ${name}.`;
    await signIn(page, "officer@demo.local");
    target = { name, slug: await createPublishedService(page, name, oldSummary) };
    await page.context().clearCookies();
  }
  // Kept in the new words: the service page's own test reads "Little Steps Nursery in Chorley" in its description.
  const newSummary = `How Little Steps Nursery in Chorley supports young children with additional needs (checked ${run}).`;

  await signIn(page, "provider@demo.local");
  await page.getByRole("link", { name: "Local offer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Local offer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Changes awaiting approval" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Services", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Burnley Autism Family Group" })).toHaveCount(0);
  await expectAccessible(page);

  await openService(page, target.name);
  await expect(page.getByText("This entry is live. Changes you make are sent to an editor to approve before families see them.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Change about the service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "About the service" })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: the name is required, and what was typed is kept.
  await page.getByRole("textbox", { name: "Name" }).fill("");
  await page.getByRole("textbox", { name: "Summary" }).fill(newSummary);
  await saveSection(page);
  await expect(page.getByRole("alert")).toContainText("Enter the name of the service");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(newSummary);
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Name" }).fill(target.name);
  await saveSection(page);
  await expect(page.getByText("Your changes have been saved. They are not live yet: send them for approval.")).toBeVisible();
  await expect(page.getByText(/Your changes are not live yet — send them for approval/)).toBeVisible();
  const yourChanges = page.getByRole("table", { name: "Your changes compared with the live entry" });
  await expect(yourChanges.getByRole("row", { name: /^Summary/ })).toContainText(newSummary);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByText("Your changes have been sent for approval.", { exact: true })).toBeVisible();

  // Families still see the old words until an editor approves.
  await page.goto(`/local-offer/services/${target.slug}`);
  await expect(page.getByText(oldSummary)).toBeVisible();
  await expect(page.getByText(newSummary)).toHaveCount(0);

  await signOutAndIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer");
  await expect(page.getByText(/changes? waiting for approval/)).toBeVisible();
  await page.getByRole("link", { name: "Changes awaiting approval" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Changes awaiting approval" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: target.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Proposed change to ${target.name}` })).toBeVisible();
  const diff = page.getByRole("table", { name: "What would change, field by field" });
  const summaryRow = diff.getByRole("row", { name: /^Summary/ });
  await expect(summaryRow.getByRole("cell").nth(0)).toHaveText(oldSummary);
  await expect(summaryRow.getByRole("cell").nth(1)).toHaveText(newSummary);
  await expect(diff.getByRole("rowheader")).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText(`The change to ${target.name} has been approved and published.`)).toBeVisible();
  await expect(page.getByRole("link", { name: target.name, exact: true })).toHaveCount(0);

  await page.goto(`/local-offer/services/${target.slug}`);
  await expect(page.getByText(newSummary)).toBeVisible();
  await expect(page.getByText(`Checked on ${ukToday()}`, { exact: true })).toBeVisible();
});

test("an editor rejects a provider's change with a reason, and the provider sees why", async ({ page }) => {
  const run = runId();
  const name = `Rejection test ${run}`;
  const summary = `The summary of ${name}.`;
  await signIn(page, "officer@demo.local");
  const slug = await createPublishedService(page, name, summary);

  await signOutAndIn(page, "provider@demo.local");
  await openService(page, name);
  await page.getByRole("link", { name: "Change cost" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Cost" })).toBeVisible();
  await page.getByRole("radio", { name: "There is a charge" }).check();
  await saveSection(page);
  await expect(page.getByRole("alert")).toContainText("Say what it costs");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Cost details" }).fill("£500 a session");
  await saveSection(page);
  await page.getByRole("button", { name: "Send for approval" }).click();
  await expect(page.getByText("Your changes have been sent for approval.", { exact: true })).toBeVisible();

  await signOutAndIn(page, "officer@demo.local");
  await page.goto("/admin/proposals");
  await page.getByRole("link", { name, exact: true }).click();
  const diff = page.getByRole("table", { name: "What would change, field by field" });
  await expect(diff.getByRole("row", { name: /^Cost details/ })).toContainText("£500 a session");
  await page.getByRole("button", { name: "Reject the change" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the reason the change is not approved");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  const reason = `The price looks wrong: please check it (${run}).`;
  await page.getByRole("textbox", { name: "Or, if it should not be published, say why" }).fill(reason);
  await page.getByRole("button", { name: "Reject the change" }).click();
  await expect(page.getByText(`The change to ${name} has been rejected. The provider can see your reason.`)).toBeVisible();

  await page.goto(`/local-offer/services/${slug}`);
  await expect(page.getByText("£500 a session")).toHaveCount(0);

  await signOutAndIn(page, "provider@demo.local");
  await openService(page, name);
  await expect(page.getByText(/Your last proposed change was not approved/)).toBeVisible();
  await expect(page.getByText(`Reason: ${reason}`)).toBeVisible();
  await expectAccessible(page);
});

test("a provider cannot open another organisation's service", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await openService(page, "Burnley Autism Family Group");
  const address = new URL(page.url()).pathname;

  await signOutAndIn(page, "provider@demo.local");
  await page.goto("/admin/services?q=Burnley+Autism");
  await expect(page.getByText("0 services")).toBeVisible();
  for (const path of [address, `${address}/edit/about`, `${address}/history`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  await expectAccessible(page);
  const hide = await page.goto(`${address}/hide`);
  expect(hide?.status()).toBe(403);
});

test("an officer sees escalated and overdue entries in the review queue", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/local-offer");
  await expect(page.getByText(/^Overdue: \d+\. Escalated to officers: \d+\.$/)).toBeVisible();
  await page.getByRole("link", { name: "Reviews due" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reviews due" })).toBeVisible();
  const escalated = page.getByRole("table", { name: /^Escalated: not checked for over 12 months/ });
  await expect(escalated.getByRole("link", { name: "Fylde Coast Inclusive Youth Club", exact: true })).toBeVisible();
  const overdue = page.getByRole("table", { name: /^Overdue/ });
  await expect(overdue.getByRole("link", { name: "Pendle Sensory Swim Sessions", exact: true })).toBeVisible();
  await expect(overdue.getByRole("link", { name: "Fylde Coast Inclusive Youth Club", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Its hide page explains what hiding does; the anchor itself is left visible for other tests.
  await escalated.getByRole("link", { name: "Hide from families – Fylde Coast Inclusive Youth Club" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hide this entry from families" })).toBeVisible();
  await expect(page.getByText(/That is more than 12 months ago\./)).toBeVisible();
  await expectAccessible(page);
});

test("an officer hides an entry from families with a reason, then shows it again", async ({ page }) => {
  const name = `Hiding test ${runId()}`;
  await signIn(page, "officer@demo.local");
  const slug = await createPublishedService(page, name, `The summary of ${name}.`);
  expect((await page.goto(`/local-offer/services/${slug}`))?.status()).toBe(200);

  await openService(page, name);
  await page.getByRole("link", { name: "Hide this entry from families" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hide this entry from families" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Hide from families" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the reason for hiding this entry");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Why are you hiding it?" }).fill("The provider has not answered for a year.");
  await page.getByRole("button", { name: "Hide from families" }).click();
  await expect(page.getByText(`${name} is now hidden from families.`)).toBeVisible();
  await expect(page.getByText(/Hidden from families since .*Reason: The provider has not answered for a year\./)).toBeVisible();
  expect((await page.goto(`/local-offer/services/${slug}`))?.status()).toBe(404);

  await page.goto("/admin/reviews");
  const hidden = page.getByRole("table", { name: /^Hidden from families/ });
  await expect(hidden.getByRole("row", { name: new RegExp(name) })).toContainText("The provider has not answered for a year.");
  await hidden.getByRole("button", { name: `Show again – ${name}` }).click();
  await expect(page.getByText(`${name} can be seen by families again.`)).toBeVisible();
  await expect(page.getByRole("table", { name: /^Hidden from families/ }).getByRole("row", { name: new RegExp(name) })).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.goto(`/local-offer/services/${slug}`))?.status()).toBe(200);
});

test("a provider confirms an overdue entry is still correct in one step", async ({ page }) => {
  let target = HOLIDAY_CLUB.name;
  if (!isJs()) {
    // An overdue entry of its own: published, then its review date set to yesterday by an officer.
    target = `Overdue test ${runId()}`;
    await signIn(page, "officer@demo.local");
    await createPublishedService(page, target, `The summary of ${target}.`);
    await page.getByRole("link", { name: "Change the next review date" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "When should this entry next be checked?" })).toBeVisible();
    await page.getByRole("textbox", { name: "Day" }).fill("31");
    await page.getByRole("textbox", { name: "Month" }).fill("2");
    await page.getByRole("textbox", { name: "Year" }).fill("2026");
    await page.getByRole("button", { name: "Save the review date" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter a real date");
    await expectAccessible(page);
    const yesterday = new Date(Date.now() - 86_400_000);
    const [day, month, year] = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" })
      .format(yesterday)
      .split("/");
    await page.getByRole("textbox", { name: "Day" }).fill(day!);
    await page.getByRole("textbox", { name: "Month" }).fill(month!);
    await page.getByRole("textbox", { name: "Year" }).fill(year!);
    await page.getByRole("button", { name: "Save the review date" }).click();
    await expect(page.getByText("The review date has been changed.")).toBeVisible();
    await page.context().clearCookies();
  }

  await signIn(page, "provider@demo.local");
  await page.goto("/admin/reviews");
  await expect(page.getByText(/If an entry is still correct, say so in one step/)).toBeVisible();
  const overdue = page.getByRole("table", { name: /^Overdue/ });
  await expect(overdue.getByRole("link", { name: target, exact: true })).toBeVisible();
  // Another organisation's overdue entry is not shown to this provider.
  await expect(page.getByRole("link", { name: "Pendle Sensory Swim Sessions" })).toHaveCount(0);
  await expectAccessible(page);
  await overdue.getByRole("button", { name: `Still correct – ${target}` }).click();
  await expect(page.getByText(`Thank you. ${target} has been marked as checked.`)).toBeVisible();
  await expect(page.getByRole("link", { name: target, exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await openService(page, target);
  await expect(page.getByText(new RegExp(`Checked on ${ukToday()} by Service provider editor\\.`))).toBeVisible();
});

test("an officer builds an entry section by section, publishes it, and reads its history", async ({ page }) => {
  const name = `Sections test ${runId()}`;
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/services");
  await page.getByRole("link", { name: "Add a service" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a service" })).toBeVisible();
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the name of the service");
  await expect(page.getByRole("alert")).toContainText("Choose the organisation that runs the service");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("combobox", { name: "Organisation that runs it" }).selectOption({ label: PROVIDER_ORG });
  await page.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText(`${name} has been added as a draft.`)).toBeVisible();
  await expectAccessible(page);

  const openSection = async (link: string, heading: string) => {
    await page.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page);
  };
  const saved = async () => {
    await saveSection(page);
    await expect(page.getByText("Your changes have been saved.", { exact: true })).toBeVisible();
  };

  await openSection("Change about the service", "About the service");
  await page.getByRole("textbox", { name: "Summary" }).fill("Saturday play sessions for children with additional needs.");
  await saved();

  await openSection("Change who it is for", "Who it is for");
  await page.getByRole("textbox", { name: "Youngest age" }).fill("11");
  await page.getByRole("textbox", { name: "Oldest age" }).fill("5");
  await saveSection(page);
  await expect(page.getByRole("alert")).toContainText("The oldest age must be the same as or more than the youngest age");
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "Youngest age" }).fill("5");
  await page.getByRole("checkbox", { name: "Autism", exact: true }).check();
  await saved();

  await openSection("Change how to get it", "How to get it");
  await page.getByRole("checkbox", { name: "Needs a referral" }).check();
  await saved();

  await openSection("Change where it is", "Where it is");
  await page.getByRole("radio", { name: "Some districts" }).check();
  await page.getByRole("checkbox", { name: "Chorley" }).check();
  await page.getByRole("checkbox", { name: "In person" }).check();
  const first = page.getByRole("group", { name: "Add a location (optional)" });
  await first.getByRole("textbox", { name: "Name of the place" }).fill("Rowan Hall");
  await first.getByRole("textbox", { name: "Postcode" }).fill("pr7 2qd");
  await first.getByRole("checkbox", { name: "Step-free access" }).check();
  await page.getByRole("button", { name: "Save and add another location" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Where it is" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Location 1" }).getByRole("textbox", { name: "Postcode" })).toHaveValue("PR7 2QD");
  const second = page.getByRole("group", { name: "Add a location (optional)" });
  await second.getByRole("textbox", { name: "Name of the place" }).fill("Second hall");
  await saved();
  await expect(page.getByText(/Rowan Hall: PR7 2QD/)).toBeVisible();
  await expect(page.getByText(/^Second hall/)).toBeVisible();
  await openSection("Change where it is", "Where it is");
  await page.getByRole("group", { name: "Location 2" }).getByRole("checkbox", { name: "Remove location 2" }).check();
  await saved();
  await expect(page.getByText(/^Second hall/)).toHaveCount(0);

  await openSection("Change contact details", "Contact details");
  await page.getByRole("textbox", { name: "Website" }).fill("example.org");
  await saveSection(page);
  await expect(page.getByRole("alert")).toContainText("Enter the full web address, starting with https://");
  await page.getByRole("textbox", { name: "Website" }).fill("https://example.org");
  await page.getByRole("group", { name: "Add a contact (optional)" }).getByRole("textbox", { name: "Name or role" }).fill("Session leader");
  await saved();

  await openSection("Change opening times", "Opening times");
  const session = page.getByRole("group", { name: "Add a session (optional)" });
  await session.getByRole("checkbox", { name: "Saturday" }).check();
  await session.getByRole("textbox", { name: "Starts" }).fill("10:00");
  await session.getByRole("textbox", { name: "Ends" }).fill("12:00");
  await saved();
  await expect(page.getByText("Saturday: 10:00 to 12:00")).toBeVisible();

  await openSection("Change languages", "Languages");
  await page.getByRole("checkbox", { name: "Urdu" }).check();
  await saved();

  await openSection("Change SEND information for schools and settings", "SEND information for schools and settings");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await saved();

  await openSection("Change categories", "Categories");
  await page.getByRole("checkbox", { name: "Activities and clubs" }).check();
  await saved();

  await openSection("Change cost", "Cost");
  await page.getByRole("radio", { name: "Free", exact: true }).check();
  await saved();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();
  await expect(page.getByText(/^Version 1\./)).toBeVisible();

  // A published entry changes at once for an editor; "checked" counts as a review.
  await openSection("Change about the service", "About the service");
  await page.getByRole("textbox", { name: "Summary" }).fill("Saturday play sessions in Chorley.");
  await page.getByRole("checkbox", { name: "I have checked the whole entry is correct" }).check();
  await saveSection(page);
  await expect(page.getByText("Your changes have been saved and published.")).toBeVisible();
  await expect(page.getByText(/^Version 2\./)).toBeVisible();

  await page.getByRole("link", { name: "See the version history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version history" })).toBeVisible();
  const versions = page.getByRole("table", { name: "Versions, newest first" });
  await expect(versions.getByRole("row", { name: /^Version 2 \(current\)/ })).toContainText("Edited and checked");
  await expect(versions.getByRole("row", { name: /^Version 1/ })).toContainText("Published");
  await expectAccessible(page);
  await versions.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  const changes = page.getByRole("table", { name: "Version 1 compared with the entry now" });
  await expect(changes.getByRole("row", { name: /^Summary/ })).toContainText("Saturday play sessions for children with additional needs.");
  await expect(changes.getByRole("row", { name: /^Summary/ })).toContainText("Saturday play sessions in Chorley.");
  await expectAccessible(page);
});
