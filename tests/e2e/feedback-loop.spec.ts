import type { Page } from "@playwright/test";
import { TINY_PNG } from "../fixtures/media";
import { DEMO_PASSWORD, expect, expectAccessible, hasJavaScript, openSafeguardingItemWith, test } from "./fixtures";

/**
 * The feedback loop end to end (issue 6, "Done when"; docs/decisions/034): a young person's
 * easy-read feedback with a drawing goes to a working group, is answered by a member, approved
 * by a lead, read by the young person and published; a disclosure reaches the safeguarding
 * lead and nothing else; a made-up reference learns nothing. Axe runs on every page each test
 * visits. Both projects share one database with other journeys: every item here has its own
 * words, and no count is assumed exactly.
 */

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;
const drawing = { name: "me-at-the-club.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG) };

function marker(): string {
  return `${hasJavaScript() ? "js" : "nojs"}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
}

/** A visitor of their own (as behind the portal's proxy), so no rate limit is shared with another test. */
async function asNewVisitor(page: Page, extra: Record<string, string> = {}) {
  const octet = () => Math.floor(Math.random() * 250) + 1;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `100.64.${octet()}.${octet()}`, ...extra });
}

async function sentReference(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Feedback sent" })).toBeVisible();
  return REFERENCE.exec((await page.locator(".govuk-panel__body").textContent()) ?? "")![0];
}

/**
 * Opens a staff page as a person following a link would: signed out, the sign-in page comes
 * first (checked with axe the first time in a test), then the page itself.
 */
async function signInTo(page: Page, path: string, email: string, { checkSignIn = false } = {}) {
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the staff area" })).toBeVisible();
  if (checkSignIn) await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
}

test("a young person's easy-read feedback with a drawing is routed, answered by a group member, approved by the lead, read by them, and published", async ({
  page,
}) => {
  // Five people and a dozen pages, each checked with axe.
  test.setTimeout(240_000);
  const mark = marker();
  const year = Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "Europe/London" }).format(new Date()));

  // The young person: easy read, a face, their words and a drawing.
  await asNewVisitor(page);
  await page.goto("/feedback/easy-read");
  await expect(page.getByRole("heading", { level: 1, name: "Tell us what you think" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "I am a young person" }).check();
  await page.getByRole("radio", { name: "Unhappy", exact: true }).check();
  await page.getByRole("textbox", { name: "Tell us more" }).fill(`Nobody asks us which clubs we want. This is me at the club (${mark})`);
  await page.getByLabel(/Add a drawing, photo or recording/).setInputFiles(drawing);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const reference = await sentReference(page);
  await expectAccessible(page);
  await page.setExtraHTTPHeaders({});

  // An officer finds it in the inbox, new to them, sees the drawing, gives it to Engagement and links action H.
  await signInTo(page, `/admin/feedback?q=${reference}`, "officer@demo.local", { checkSignIn: true });
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row.getByText("New", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  const itemPath = new URL(page.url()).pathname;
  await expect(page.getByRole("img", { name: "Drawing sent with the feedback" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("combobox", { name: "Give this item to" }).selectOption({ label: "Engagement" });
  await page.getByRole("button", { name: "Give to this group" }).click();
  await expect(page.getByText("The item has been given to the working group, and its members have been emailed.")).toBeVisible();
  const engagementActions = page.getByRole("group", { name: "Actions of Engagement" });
  await engagementActions.getByRole("checkbox", { name: /^H: / }).check();
  await page.getByRole("button", { name: "Save links and themes" }).click();
  await expect(page.getByText("The links and themes have been saved.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Actions of Engagement" }).getByRole("checkbox", { name: /^H: / })).toBeChecked();
  await expect(page.locator(".app-history")).toContainText("Links and themes changed");
  await expect(page.locator(".app-history")).toContainText("Actions: H.");
  await expectAccessible(page);

  // A member of Engagement who does not lead it is told in the portal, and writes the response.
  await signInTo(page, "/admin/feedback", "engagement-member@demo.local", { checkSignIn: false });
  await expect(page.getByRole("region", { name: "Important" })).toContainText(/\d+ new items? for your working groups since you last looked/);
  await page.getByRole("link", { name: "Show only the new items" }).click();
  await expect(page).toHaveURL(/\/admin\/feedback\?new=yes$/);
  const theirRow = page.getByRole("row").filter({ hasText: reference });
  await expect(theirRow.getByText("New", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await theirRow.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "We are going to do something about it" }).check();
  const plain = `The participation council will choose next year's clubs with young people (${mark}).`;
  await page.getByRole("textbox", { name: "The response, in plain words" }).fill(plain);
  await page.getByRole("textbox", { name: "The response in easy read" }).fill("You told us about clubs. Young people will choose the clubs.");
  await page.getByRole("button", { name: "Save response for approval" }).click();
  await expect(page.getByText("A lead of the working group must approve it before the family sees it.")).toBeVisible();
  await expect(page.getByText("Only a lead of the working group can approve it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and send to the family" })).toHaveCount(0);
  await expectAccessible(page);
  // Opened, it is no longer new to them.
  await page.goto(`/admin/feedback?q=${reference}`);
  await expect(page.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: reference }).getByText("New", { exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // The group's lead approves it.
  await signInTo(page, itemPath, "engagement-lead@demo.local");
  await expect(page.locator(".govuk-summary-list").getByText(plain)).toBeVisible();
  await expect(page.getByText("Written by Engagement working group member")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve and send to the family" }).click();
  await expect(page.getByText("The response has been approved.")).toBeVisible();
  await expectAccessible(page);

  // The young person reads it on their reference page, easy read first; nothing they wrote is there.
  await page.context().clearCookies();
  await asNewVisitor(page);
  await page.goto(`/feedback/${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText("Responded", { exact: true })).toBeVisible();
  await expect(page.getByText("Young people will choose the clubs.")).toBeVisible();
  await expect(page.getByText(plain)).toBeVisible();
  await expect(page.getByText("Nobody asks us which clubs")).toHaveCount(0);
  await expectAccessible(page);
  await page.setExtraHTTPHeaders({});

  // An officer publishes it to "You said, we did".
  await signInTo(page, itemPath, "officer@demo.local");
  await page.getByRole("link", { name: 'Write a "You said, we did" entry from this feedback' }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a “You said, we did” entry" })).toBeVisible();
  await expectAccessible(page);
  const youSaid = `Young people said nobody asked them which clubs to run (${mark})`;
  await page.getByRole("textbox", { name: "You said" }).fill(youSaid);
  await page.getByRole("textbox", { name: "We did" }).fill(`The participation council now chooses the clubs (${mark})`);
  await page.getByRole("textbox", { name: "What we will do" }).fill("We will ask young people again every spring");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();
  await expectAccessible(page);

  // The public page: by theme (the default), then by working group for this year, chosen with the form.
  await page.context().clearCookies();
  await page.goto("/you-said-we-did");
  const thisYear = page.getByRole("region", { name: `Comments from ${year}` });
  await expect(thisYear.getByRole("region", { name: "What the local offer says" }).getByText(youSaid)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Working group" }).check();
  await page.getByRole("combobox", { name: "Year" }).selectOption(String(year));
  await page.getByRole("button", { name: "Show comments" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/you-said-we-did" && url.search === `?by=group&year=${year}`);
  const engagement = page.getByRole("region", { name: `Comments from ${year}` }).getByRole("region", { name: "Engagement" });
  const entry = engagement.locator(".govuk-summary-list").filter({ hasText: youSaid });
  await expect(entry).toContainText(`The participation council now chooses the clubs (${mark})`);
  await expect(entry).toContainText("What the local offer says");
  await expect(page.getByRole("region", { name: `Comments from ${year - 1}` })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Working group" })).toBeChecked();
  await expectAccessible(page);
});

test("a disclosure goes to the safeguarding lead; publishing it is refused, and it is in no public page and no evidence figure", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const mark = marker();
  // A day of its own, years ago, so the evidence pack for that day counts only what this test sent.
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(Math.random() * 1800) * 86_400_000).toISOString().slice(0, 10);
  const pack = `/admin/evidence-pack?from=${day}&to=${day}`;
  const area4 = "Area of concern 4: The failure to engage effectively with parents and carers";
  const total = (region: ReturnType<Page["getByRole"]>) =>
    region
      .getByRole("table", { name: "Feedback items by status" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "Total" }) })
      .getByRole("cell");
  const allReceived = () =>
    page
      .getByRole("table", { name: "Summary for the period" })
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: "All feedback items received" }) })
      .getByRole("cell");

  // A parent writes twice that day: once in words the list knows, once in words it does not.
  await asNewVisitor(page, { "X-Portal-Now": `${day}T10:00:00Z` });
  await page.goto("/feedback");
  await expectAccessible(page);
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(`My son says he wants to kill himself (${mark})`);
  await page.getByRole("button", { name: "Send feedback" }).click();
  const listed = await sentReference(page);
  await expectAccessible(page);
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page
    .getByRole("textbox", { name: "Your feedback" })
    .fill(`Nobody at the forum listened. My little brother has to sleep in the garden shed when our stepdad is angry (${mark})`);
  await page.getByRole("button", { name: "Send feedback" }).click();
  const unlisted = await sentReference(page);
  await page.setExtraHTTPHeaders({});

  // The first never reaches the officers' inbox.
  await signInTo(page, `/admin/feedback?q=${listed}`, "officer@demo.local", { checkSignIn: true });
  await expect(page.getByText("No feedback matches these filters.")).toBeVisible();
  await expectAccessible(page);

  // The second does: an officer links it to area 4, and the pack for that day counts it (and only it).
  await page.goto(`/admin/feedback?q=${unlisted}`);
  await page.getByRole("link", { name: unlisted }).click();
  await expect(page.getByRole("heading", { level: 1, name: unlisted })).toBeVisible();
  const itemId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("checkbox", { name: /^4\. / }).check();
  await page.getByRole("button", { name: "Save links and themes" }).click();
  await expect(page.getByText("The links and themes have been saved.")).toBeVisible();
  await expectAccessible(page);
  await page.goto(pack);
  await expect(allReceived()).toHaveText("fewer than 5");
  await expect(total(page.getByRole("region", { name: area4 }))).toHaveText("fewer than 5");
  await expectAccessible(page);

  // The officer starts a "You said, we did" entry from it in another tab…
  const writer = await context.newPage();
  await writer.goto(`/admin/you-said-we-did/new?from=${itemId}`);
  await expect(writer.getByRole("heading", { level: 1, name: "Write a “You said, we did” entry" })).toBeVisible();
  await expect(writer.locator(".govuk-summary-list").getByRole("link", { name: unlisted })).toBeVisible();
  await expectAccessible(writer);
  const youSaid = `Parents said nobody at the forum listened (${mark})`;
  await writer.getByRole("textbox", { name: "You said" }).fill(youSaid);
  await writer.getByRole("textbox", { name: "We did" }).fill("We moved the forum to evenings");
  await writer.getByRole("textbox", { name: "What we will do" }).fill("We will ask again in a year");

  // …while, reading it again, they see a child at risk and flag it for the safeguarding lead.
  await page.goto(`/admin/feedback/${itemId}`);
  await page.getByRole("textbox", { name: "Why are you flagging this?" }).fill("A child made to sleep outside: possible neglect.");
  await page.getByRole("button", { name: "Flag for safeguarding" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback inbox" })).toBeVisible();
  await expect(page.getByText("Flagged for the designated safeguarding lead.")).toBeVisible();
  await expectAccessible(page);

  // Publishing is refused, with what was typed kept, and nothing is saved or shown.
  await writer.getByRole("button", { name: "Save and publish" }).click();
  await expect(writer.getByRole("alert")).toContainText(
    "This entry cannot be published: the feedback it was written from has been flagged for the designated safeguarding lead. Nothing was saved.",
  );
  await expect(writer.getByRole("textbox", { name: "You said" })).toHaveValue(youSaid);
  await expectAccessible(writer);
  await writer.close();
  await page.goto("/admin/you-said-we-did");
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  await expect(page.getByText(youSaid)).toHaveCount(0);
  await expectAccessible(page);

  // The evidence pack for that day no longer counts it, nor the first.
  await page.goto(pack);
  await expect(allReceived()).toHaveText("0");
  await expect(total(page.getByRole("region", { name: area4 }))).toHaveText("0");
  await expectAccessible(page);

  // Nor does the public page show it.
  await context.clearCookies();
  await page.goto("/you-said-we-did");
  await expect(page.getByRole("heading", { level: 1, name: "You said, we did" })).toBeVisible();
  await expect(page.getByText(mark)).toHaveCount(0);
  await expectAccessible(page);

  // The designated safeguarding lead has both, by reference (the words may be gone if the retention sweep ran: the day is long past).
  await signInTo(page, "/admin/safeguarding", "safeguarding@demo.local");
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding queue" })).toBeVisible();
  await expectAccessible(page);
  expect(await openSafeguardingItemWith(page, listed)).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Safeguarding item" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/admin/safeguarding");
  expect(await openSafeguardingItemWith(page, unlisted)).toBe(true);
  await expect(page.locator(".govuk-summary-list").getByText("SEND engagement officer")).toBeVisible();
  await expect(page.getByText("A child made to sleep outside: possible neglect.")).toBeVisible();
  await expectAccessible(page);
});

test("a made-up reference in the address gets the same 'not found' page as a real-looking one that does not exist", async ({ page }) => {
  await asNewVisitor(page);
  const malformed = await page.goto("/feedback/not-a-reference");
  expect(malformed?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We cannot find that reference" })).toBeVisible();
  const malformedTitle = await page.title();
  const malformedText = await page.locator("main").innerText();
  await expectAccessible(page);

  const unknown = await page.goto("/feedback/FB-2222-3333");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We cannot find that reference" })).toBeVisible();
  expect(await page.title()).toBe(malformedTitle);
  expect(await page.locator("main").innerText()).toBe(malformedText);
  await expectAccessible(page);
});
