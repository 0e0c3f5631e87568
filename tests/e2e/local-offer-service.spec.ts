import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, test } from "./fixtures";

const AUTISM_GROUP = "Burnley Autism Family Group";
const NURSERY = "Little Steps Nursery SEND Support";

/** A second visitor: a fresh browser with no cookies, JavaScript on or off like this project. */
async function freshVisitor(browser: Browser) {
  return browser.newContext({ javaScriptEnabled: hasJavaScript() });
}

async function addToShortlist(page: Page, name: string) {
  const button = page.getByRole("button", { name: `Add ${name} to your shortlist` });
  // Sent in the background only once the page has hydrated (the form then carries
  // its "js" field); a click before that posts the form as without JavaScript.
  if (hasJavaScript()) await expect(page.locator("form", { has: button }).locator('input[name="js"]')).toBeAttached();
  await button.click();
  if (hasJavaScript()) {
    // Sent in the background: the page stays, the result is announced and the button turns round.
    await expect(page.getByRole("status").filter({ hasText: `Added ${name} to your shortlist.` })).toBeVisible();
  } else {
    // Sent as a form: back on the same page, with a banner.
    await expect(page.getByRole("alert").filter({ hasText: `Added ${name} to your shortlist.` })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: `Remove ${name} from your shortlist` })).toBeVisible();
}

test("a parent finds an autism service for a 7-year-old in Burnley and shortlists it", async ({ page, browser }) => {
  await page.goto("/local-offer");
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search the local offer" }).fill("autism");
  await page.getByLabel("Age of child or young person").fill("7");
  await page.getByRole("group", { name: "Area" }).getByRole("checkbox", { name: /^Burnley/ }).check();
  await page.getByRole("checkbox", { name: /^Autism/ }).check();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=autism/);
  await expectAccessible(page);

  await page.getByRole("link", { name: AUTISM_GROUP }).click();
  await expect(page).toHaveURL(/\/local-offer\/services\/burnley-autism-family-group$/);
  await expect(page.getByRole("heading", { level: 1, name: AUTISM_GROUP })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${AUTISM_GROUP} – `));
  const main = page.getByRole("main");
  await expect(main.getByText("Ages 5 to 11")).toBeVisible();
  await expect(main.getByRole("heading", { level: 2, name: "Where and when" })).toBeVisible();
  await expect(main.getByRole("definition").filter({ hasText: /^Burnley$/ })).toBeVisible();
  await expect(main.getByText("Free", { exact: true })).toBeVisible();
  await expect(main.getByText(/^Checked on \d{1,2} \w+ \d{4}$/)).toBeVisible();
  await expect(main.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Local offer" })).toBeVisible();
  await expectAccessible(page);

  await addToShortlist(page, AUTISM_GROUP);
  await expectAccessible(page);

  await page.getByRole("link", { name: "View your shortlist" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your shortlist" })).toBeVisible();
  await expect(page.getByRole("link", { name: AUTISM_GROUP })).toBeVisible();
  await expect(page.getByText("You have 1 service on your shortlist.")).toBeVisible();
  await expectAccessible(page);

  // The share link opens the same list for someone else, who can keep it.
  const shareLink = page.locator("section").filter({ has: page.getByRole("heading", { name: "Share your shortlist" }) }).getByRole("link");
  const href = await shareLink.getAttribute("href");
  expect(href).toBe("/local-offer/shortlist?services=burnley-autism-family-group");
  await expect(shareLink).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/local-offer\/shortlist\?services=burnley-autism-family-group$/);

  const other = await freshVisitor(browser);
  try {
    const friend = await other.newPage();
    await friend.goto(href!);
    await expect(friend.getByRole("heading", { level: 1, name: "A shortlist someone shared with you" })).toBeVisible();
    await expect(friend.getByRole("link", { name: AUTISM_GROUP })).toBeVisible();
    // Read-only until saved: no remove buttons.
    await expect(friend.getByRole("button", { name: /Remove .* from your shortlist/ })).toHaveCount(0);
    await expectAccessible(friend);
    await friend.getByRole("button", { name: "Save these to my shortlist" }).click();
    await expect(friend.getByRole("heading", { level: 1, name: "Your shortlist" })).toBeVisible();
    await expect(friend.getByRole("alert").filter({ hasText: "Saved 1 service to your shortlist." })).toBeVisible();
    await expect(friend.getByRole("link", { name: AUTISM_GROUP })).toBeVisible();
    await expectAccessible(friend);
  } finally {
    await other.close();
  }

  // Removing it from the shortlist page leaves the empty list, which points back to search.
  await page.getByRole("button", { name: `Remove ${AUTISM_GROUP} from your shortlist` }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Removed ${AUTISM_GROUP} from your shortlist.` })).toBeVisible();
  await expect(page.getByText("Your shortlist is empty.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Search the local offer" })).toBeVisible();
  await expectAccessible(page);
});

test("a setting's page shows its SEND information, contact links, venue accessibility, opening times and JSON-LD", async ({ page }) => {
  await page.goto("/local-offer/services/little-steps-nursery-send-support");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: NURSERY })).toBeVisible();
  await expect(main.getByText("Run by Little Steps Nursery (demo provider)")).toBeVisible();

  await expect(main.getByRole("heading", { level: 2, name: "SEND information" })).toBeVisible();
  for (const topic of [
    "How the setting teaches children with SEND",
    "How the curriculum and learning are adapted",
    "Extra support for learning",
    "How progress is checked and reviewed",
    "How the setting checks its support works",
    "Facilities and equipment",
    "Activities outside the classroom",
    "Support for emotional and social development",
    "Staff training and expertise",
  ]) {
    await expect(main.getByRole("heading", { level: 3, name: topic })).toBeVisible();
  }

  await expect(main.getByRole("heading", { level: 2, name: "Contact" })).toBeVisible();
  await expect(main.getByRole("link", { name: "hello@little-steps-nursery.example.org" }).first()).toHaveAttribute(
    "href",
    "mailto:hello@little-steps-nursery.example.org",
  );
  await expect(main.getByRole("link", { name: "01632 960202" }).first()).toHaveAttribute("href", "tel:01632960202");
  await expect(main.getByRole("link", { name: "little-steps-nursery.example.org (opens the provider's website)" })).toHaveAttribute(
    "href",
    "https://little-steps-nursery.example.org/",
  );

  await expect(main.getByRole("heading", { level: 2, name: "Venue accessibility" })).toBeVisible();
  await expect(main.getByText("Step-free access", { exact: true })).toBeVisible();
  await expect(main.getByText("Disabled parking", { exact: true })).toBeVisible();
  await expect(main.getByText("Monday to Friday, 07:30 to 18:00, All year except bank holidays")).toBeVisible();
  await expect(main.getByText("There is a charge", { exact: true })).toBeVisible();
  await expect(main.getByText("Ages 0 to 4")).toBeVisible();
  await expect(main.getByText(/^Checked on \d{1,2} \w+ \d{4}$/)).toBeVisible();

  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Little Steps Nursery in Chorley/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "");
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Service",
    name: NURSERY,
    provider: { "@type": "Organization", name: "Little Steps Nursery (demo provider)" },
    audience: { "@type": "PeopleAudience", suggestedMinAge: 0, suggestedMaxAge: 4 },
    areaServed: [{ "@type": "AdministrativeArea", name: "Chorley" }],
  });
  expect(jsonLd.url).toMatch(/\/local-offer\/services\/little-steps-nursery-send-support$/);
  expect(jsonLd.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  // Print: hidden without JavaScript, a button with it.
  if (hasJavaScript()) await expect(main.getByRole("button", { name: "Print this page" })).toBeVisible();
  else await expect(main.getByText("To print this page, use your browser's print option.")).toBeVisible();
  await expectAccessible(page);
});

test("the service page reads in Urdu, right to left, with days and languages in Urdu", async ({ page, context }) => {
  await context.addCookies([{ name: "lng", value: Buffer.from(JSON.stringify("ur")).toString("base64"), url: "http://127.0.0.1" }]);
  await page.goto("/local-offer/services/little-steps-nursery-send-support");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 2, name: "SEND کی معلومات" })).toBeVisible();
  await expect(page.getByText(/پیر سے جمعہ تک/)).toBeVisible();
  await expectAccessible(page);
});

test("a service that is not listed gets a page that says so, not a crash", async ({ page }) => {
  for (const path of [
    "/local-offer/services/no-such-service",
    "/local-offer/services/chorley-draft-homework-club",
    "/local-offer/services/preston-parent-peer-support",
    `/local-offer/services/${"x".repeat(300)}`,
    "/local-offer/services/Bad_Slug!%27",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We could not find that service" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Search the local offer" })).toHaveAttribute("href", "/local-offer");
    await expect(page).toHaveTitle(/^We could not find that service – /);
  }
  await expectAccessible(page);
});

test("a shared link skips services that are no longer listed, and says how many", async ({ page }) => {
  await page.goto("/local-offer/shortlist?services=pendle-sensory-swim,chorley-draft-homework-club,no-such-service");
  await expect(page.getByText("2 services in this link are no longer listed.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Pendle Sensory Swim Sessions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chorley Draft Homework Club" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an empty shortlist says how to add to it", async ({ page }) => {
  await page.goto("/local-offer/shortlist");
  await expect(page.getByRole("heading", { level: 1, name: "Your shortlist" })).toBeVisible();
  await expect(page.getByText("Your shortlist is empty.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Search the local offer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Share your shortlist" })).toHaveCount(0);
  await expectAccessible(page);
});

test("printed, the pages leave out the feedback forms, shortlist buttons and navigation", async ({ page }) => {
  await page.goto("/local-offer/services/pendle-sensory-swim");
  await addToShortlist(page, "Pendle Sensory Swim Sessions");
  await page.goto("/local-offer/services/pendle-sensory-swim");
  const feedback = page.getByRole("heading", { name: "Help us improve the local offer" });
  const shortlistButton = page.getByRole("button", { name: "Remove Pendle Sensory Swim Sessions from your shortlist" });
  await expect(feedback).toBeVisible();
  await expect(shortlistButton).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(feedback).toBeHidden();
  await expect(shortlistButton).toBeHidden();
  await expect(page.getByRole("button", { name: "English" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Pendle Sensory Swim Sessions" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Contact" })).toBeVisible();

  // The shortlist prints as a clean list with full contact details.
  await page.emulateMedia({ media: "screen" });
  await page.goto("/local-offer/shortlist");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { level: 2, name: "Pendle Sensory Swim Sessions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Share your shortlist" })).toBeHidden();
  await expect(page.getByRole("button", { name: /from your shortlist/ })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Help us improve the local offer" })).toBeHidden();
  await expect(page.getByRole("main").getByText(/^Phone:/).first()).toBeVisible();
});
