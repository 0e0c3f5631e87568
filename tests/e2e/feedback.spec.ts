import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, openSafeguardingItemWith, signIn, test } from "./fixtures";

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;
let visitor = 0;

/** Each test is its own visitor (as behind the portal's proxy), so rate limits of one never touch another. */
async function asNewVisitor(page: Page) {
  visitor += 1;
  await page.setExtraHTTPHeaders({
    "X-Forwarded-For": `198.51.100.${(hasJavaScript() ? 0 : 100) + (visitor % 100) + 1}, 10.0.0.${Date.now() % 250}`,
  });
}

async function sentReference(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Feedback sent" })).toBeVisible();
  return REFERENCE.exec((await page.locator(".govuk-panel__body").textContent()) ?? "")![0];
}

test("a parent gives feedback: mistakes are named with what was typed kept, and the reference shows its progress without their words", async ({
  page,
}) => {
  await asNewVisitor(page);
  const words = `The school did not read my son's plan (${hasJavaScript() ? "js" : "no-js"} ${Date.now()})`;
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main sections" }).getByRole("link", { name: "Give feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Give feedback" })).toBeVisible();
  await expect(
    page.getByText(
      "If what you tell us makes us worried about a child's or young person's safety, we will share it with the safeguarding team.",
    ),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Send feedback" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Choose who you are");
  await expect(summary).toContainText("Enter your feedback");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("combobox", { name: /Where do you live or work/ }).selectOption({ label: "Burnley" });
  await page.getByRole("radio", { name: "School, nursery or college" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByRole("textbox", { name: /Email address/ }).fill("parent@example.org");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert")).toContainText("Tick the box to say we can email you, or leave the email address empty");
  await expect(page.getByRole("textbox", { name: "Your feedback" })).toHaveValue(words);
  await expect(page.getByRole("radio", { name: "A parent or carer" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: /Email address/ })).toHaveValue("parent@example.org");

  await page.getByRole("checkbox", { name: "Yes, you can email me about this feedback" }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  const reference = await sentReference(page);
  await expectAccessible(page);

  await page.getByRole("link", { name: "See what is happening with your feedback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText("Received", { exact: true })).toBeVisible();
  await expect(page.getByText("We aim to reply by")).toBeVisible();
  await expect(page.getByText(words)).toHaveCount(0);
  await expect(page.getByText("parent@example.org")).toHaveCount(0);
  await expectAccessible(page);

  // The thank-you page is shown once; coming back to it goes to the form.
  await page.goto("/feedback/sent");
  await expect(page.getByRole("heading", { level: 1, name: "Give feedback" })).toBeVisible();
});

test("a young person gives easy-read feedback with the face scale, using only the keyboard", async ({ page }) => {
  await asNewVisitor(page);
  await page.goto("/feedback/easy-read");
  await expect(page.getByRole("heading", { level: 1, name: "Tell us what you think" })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen: the summary says what to do, and its link takes the keyboard to the question.
  await page.getByRole("button", { name: "Send", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("Choose who you are");
  await expect(page.getByRole("alert")).toContainText("Choose a face or tell us more");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "I am a young person" }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("radio", { name: "Very unhappy" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Unhappy", exact: true })).toBeChecked();
  await page.getByRole("textbox", { name: "Tell us more" }).focus();
  await page.keyboard.type("The bus to college is always late");
  await page.getByRole("button", { name: "Send", exact: true }).focus();
  await page.keyboard.press("Enter");
  const reference = await sentReference(page);
  await expectAccessible(page);
  await page.goto(`/feedback/${reference.toLowerCase().replace(/-/g, " ")}`);
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expectAccessible(page);
});

test("a reference that is mistyped or unknown gets a page that says what to do", async ({ page }) => {
  await asNewVisitor(page);
  await page.goto("/feedback");
  await page.getByRole("textbox", { name: "Your reference" }).fill("hello");
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the reference as it was given, like FB-7KQ3-M9XP");
  await expect(page.getByRole("textbox", { name: "Your reference" })).toHaveValue("hello");
  await expectAccessible(page);

  const response = await page.goto("/feedback/FB-2222-3333");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "We cannot find that reference" })).toBeVisible();
  await expectAccessible(page);
});

test("an officer triages feedback: confirms the suggested group, links areas and themes, adds a note, and the family sees where it is", async ({
  page,
}) => {
  await asNewVisitor(page);
  const words = `We waited two years for an autism diagnosis (${hasJavaScript() ? "js" : "no-js"} ${Date.now()})`;
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("radio", { name: "Health services" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByRole("button", { name: "Send feedback" }).click();
  const reference = await sentReference(page);

  await signIn(page, "officer@demo.local");
  await page.getByRole("link", { name: "Feedback inbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback inbox" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Words or reference" }).fill(reference);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("1 item")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: reference }).click();

  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText(words)).toBeVisible();
  await expect(
    page.getByText(/The portal suggests Commissioning and Access to Provision, from these words: autism, diagnosis/),
  ).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("combobox", { name: "Give this item to" })).toHaveValue(/\d+/);
  await page.getByRole("button", { name: "Give to this group" }).click();
  await expect(page.getByText("The item has been given to the working group, and its members have been emailed.")).toBeVisible();

  // Signposting without saying where is refused, with the choice kept.
  await page.getByRole("radio", { name: "Passed to someone who can help" }).check();
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByRole("alert")).toContainText("Say where you signposted the family to");
  await expect(page.getByRole("radio", { name: "Passed to someone who can help" })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: /^7\. / }).check();
  await page.getByRole("textbox", { name: /Themes/ }).fill("Waiting times, autism");
  await page.getByRole("button", { name: "Save links and themes" }).click();
  await expect(page.getByText("The links and themes have been saved.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^7\. / })).toBeChecked();
  await expect(page.getByRole("textbox", { name: /Themes/ })).toHaveValue("waiting times, autism");

  await page.getByRole("textbox", { name: "Add a note" }).fill("Asked the neurodevelopmental pathway lead for the current wait.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Your note has been added.")).toBeVisible();
  const history = page.locator(".app-history");
  await expect(history).toContainText(
    "Given to Commissioning and Access to Provision; status changed from Received to With a working group",
  );
  await expect(history).toContainText("Asked the neurodevelopmental pathway lead");
  await expect(history).toContainText("SEND engagement officer");
  await expectAccessible(page);

  await page.goto(`/feedback/${reference}`);
  await expect(page.getByText("With a working group", { exact: true })).toBeVisible();
  await expect(page.getByText("Commissioning and Access to Provision")).toBeVisible();
  await expect(page.getByText("Asked the neurodevelopmental")).toHaveCount(0);
  await expectAccessible(page);
});

test("feedback telling of harm goes to the safeguarding lead and never reaches the inbox", async ({ page, context }) => {
  await asNewVisitor(page);
  const marker = `${hasJavaScript() ? "js" : "nojs"}-${Date.now()}`;
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(`My son says he wants to kill himself (${marker})`);
  await page.getByRole("button", { name: "Send feedback" }).click();
  const reference = await sentReference(page);
  await expectAccessible(page);

  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await expect(page.getByText("No feedback matches these filters.")).toBeVisible();
  await expectAccessible(page);

  // The family's reference page shows it arrived, and nothing of what they wrote.
  await context.clearCookies();
  await page.goto(`/feedback/${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText("wants to kill himself")).toHaveCount(0);
  await expectAccessible(page);

  await signIn(page, "safeguarding@demo.local");
  await page.goto("/admin/safeguarding");
  await expectAccessible(page);
  expect(await openSafeguardingItemWith(page, marker)).toBe(true);
  await expect(page.getByText(reference).first()).toBeVisible();
  await expectAccessible(page);
});

test("the loop closes: a young person's easy-read feedback gets a response a group lead approves, and their reference page shows it", async ({
  page,
  context,
}) => {
  await asNewVisitor(page);
  const marker = `${hasJavaScript() ? "js" : "nojs"}-${Date.now()}`;
  await page.goto("/feedback/easy-read");
  await page.getByRole("radio", { name: "I am a young person" }).check();
  await page.getByRole("radio", { name: "Unhappy", exact: true }).check();
  await page.getByRole("textbox", { name: "Tell us more" }).fill(`Nobody asks us what clubs we want (${marker})`);
  await page.getByRole("textbox", { name: "Your email address" }).fill(`young.${marker}@example.net`);
  await page.getByRole("checkbox", { name: "Yes, you can email me" }).check();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const reference = await sentReference(page);

  // An officer gives it to Engagement and writes the response; easy read is asked for.
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  const itemUrl = page.url();
  await page.getByRole("combobox", { name: "Give this item to" }).selectOption({ label: "Engagement" });
  await page.getByRole("button", { name: "Give to this group" }).click();
  await expect(page.getByText("The item has been given to the working group")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "We are going to do something about it" }).check();
  const plain = `The participation council will choose next year's clubs with us (${marker}).`;
  await page.getByRole("textbox", { name: "The response, in plain words" }).fill(plain);
  await page.getByRole("button", { name: "Save response for approval" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the response in easy read: this feedback came in easy read");
  await expect(page.getByRole("textbox", { name: "The response, in plain words" })).toHaveValue(plain);
  await expect(page.getByRole("radio", { name: "We are going to do something about it" })).toBeChecked();
  await expectAccessible(page);
  await page
    .getByRole("textbox", { name: "The response in easy read" })
    .fill("You told us about clubs. Young people will choose the clubs.");
  await page.getByRole("button", { name: "Save response for approval" }).click();
  await expect(page.getByText("A lead of the working group must approve it before the family sees it.")).toBeVisible();
  await expect(page.getByText("Only a lead of the working group can approve it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and send to the family" })).toHaveCount(0);

  // Not yet approved: the family's page still waits.
  await page.goto(`/feedback/${reference}`);
  await expect(page.getByText("When we reply, our response will be shown here.")).toBeVisible();
  await expectAccessible(page);

  // The group's lead approves it.
  await context.clearCookies();
  await signIn(page, "engagement-lead@demo.local");
  await page.goto(itemUrl);
  await expect(page.locator(".govuk-summary-list").getByText(plain)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Approve and send to the family" }).click();
  await expect(page.getByText("The response has been approved.")).toBeVisible();
  await expect(page.locator(".app-history")).toContainText("Response approved: the family can read it");
  await expectAccessible(page);

  // The young person reads it, easy read first.
  await context.clearCookies();
  await page.goto(`/feedback/${reference}`);
  await expect(page.getByText("Responded", { exact: true })).toBeVisible();
  await expect(page.getByText("We are going to do something about it.")).toBeVisible();
  await expect(page.getByText("Young people will choose the clubs.")).toBeVisible();
  await expect(page.getByText(plain)).toBeVisible();
  await expect(page.getByText("Nobody asks us what clubs")).toHaveCount(0);
  await expectAccessible(page);

  // An officer writes it up for "You said, we did": nothing that identifies anyone is published.
  await signIn(page, "officer@demo.local");
  await page.goto(itemUrl);
  await page.getByRole("link", { name: 'Write a "You said, we did" entry from this feedback' }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a “You said, we did” entry" })).toBeVisible();
  await expect(page.locator(".govuk-summary-list").getByRole("link", { name: reference })).toBeVisible();
  const youSaid = `Young people said nobody asked them which clubs to run, Mrs Hargreaves told us (${marker})`;
  await page.getByRole("textbox", { name: "You said" }).fill(youSaid);
  await page.getByRole("textbox", { name: "We did" }).fill(`The participation council now chooses the clubs (${marker})`);
  await page.getByRole("textbox", { name: "What we will do" }).fill("We will ask again every spring");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("alert")).toContainText("Take out names, email addresses and phone numbers before you publish");
  await expect(page.getByRole("textbox", { name: "You said" })).toHaveValue(youSaid);
  await expectAccessible(page);
  await page.getByRole("textbox", { name: "You said" }).fill(`Young people said nobody asked them which clubs to run (${marker})`);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByText("The entry has been published.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/you-said-we-did");
  await expect(page.getByText(`The participation council now chooses the clubs (${marker})`)).toBeVisible();
  await expect(page.getByText("Mrs Hargreaves")).toHaveCount(0);
  await expectAccessible(page);
});

test("an admin makes a new member a lead of their group; an officer links feedback to a task; the new lead approves the response and the family hears when the task moves", async ({
  page,
  browser,
  context,
}) => {
  // Four people and a dozen pages, with axe on the ones this journey adds.
  test.setTimeout(240_000);
  const js = hasJavaScript();
  // Each project moves a task of its own, with a date after the working-groups spec's updates on I1 and I2.
  const taskCode = js ? "H4" : "H5";
  const marker = `${js ? "js" : "nojs"}-${Date.now()}`;
  const name = `Lead ${marker}`;
  const email = `lead-${marker}@council.example`;

  // The admin invites a working group member, who sets a password.
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/users/invite");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Work email address").fill(email);
  await page.getByRole("radio", { name: "working group member" }).check();
  await page.getByRole("group", { name: "Working groups" }).getByRole("checkbox", { name: "Engagement" }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = (await page.getByTestId("invitation-link").innerText()).trim();
  const theirs = await browser.newContext({ javaScriptEnabled: js });
  const them = await theirs.newPage();
  await them.goto(new URL(link).pathname);
  await them.getByLabel("Create a password").fill("a long enough password");
  await them.getByLabel("Type the password again").fill("a long enough password");
  await them.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(them.getByText(`You are signed in as ${name} (working group member).`)).toBeVisible();

  // The admin makes them a lead: not of a group they are not in, but of Engagement.
  await page.goto("/admin/users");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const leads = page.getByRole("group", { name: "Leads these working groups" });
  await leads.getByRole("checkbox", { name: "Strategy" }).check();
  await page.getByRole("button", { name: "Save role and access" }).click();
  await expect(page.getByRole("alert")).toContainText("A person can only lead working groups they belong to, as a working group member");
  await expect(leads.getByRole("checkbox", { name: "Strategy" })).toBeChecked();
  await expectAccessible(page);
  await leads.getByRole("checkbox", { name: "Strategy" }).uncheck();
  await leads.getByRole("checkbox", { name: "Engagement" }).check();
  await page.getByRole("button", { name: "Save role and access" }).click();
  await expect(page.getByText(`The role and access for ${name} have been saved.`)).toBeVisible();
  await expect(page.getByRole("group", { name: "Leads these working groups" }).getByRole("checkbox", { name: "Engagement" })).toBeChecked();

  // A parent sends feedback and asks for updates.
  await context.clearCookies();
  await asNewVisitor(page);
  await page.goto("/feedback");
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(`We never hear back after forum meetings (${marker})`);
  await page.getByRole("textbox", { name: /Email address/ }).fill(`parent.${marker}@example.net`);
  await page.getByRole("checkbox", { name: "Yes, you can email me about this feedback" }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  const reference = await sentReference(page);

  // An officer gives it to Engagement, ticks the task it is about, and drafts the response.
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  const itemUrl = page.url();
  await page.getByRole("combobox", { name: "Give this item to" }).selectOption({ label: "Engagement" });
  await page.getByRole("button", { name: "Give to this group" }).click();
  await expect(page.getByText("The item has been given to the working group")).toBeVisible();
  await page
    .getByRole("group", { name: "Tasks in the improvement plan this is about" })
    .getByRole("checkbox", { name: new RegExp(`^${taskCode}: `) })
    .check();
  await page.getByRole("button", { name: "Save links and themes" }).click();
  await expect(page.getByText("The links and themes have been saved.")).toBeVisible();
  await expect(
    page
      .getByRole("group", { name: "Tasks in the improvement plan this is about" })
      .getByRole("checkbox", { name: new RegExp(`^${taskCode}: `) }),
  ).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "We are going to do something about it" }).check();
  const plain = `After each forum meeting we will send a short note of what happens next (${marker}).`;
  await page.getByRole("textbox", { name: "The response, in plain words" }).fill(plain);
  await page.getByRole("button", { name: "Save response for approval" }).click();
  await expect(page.getByText("A lead of the working group must approve it before the family sees it.")).toBeVisible();

  // The new lead approves it in their own browser.
  await them.goto(itemUrl);
  await expect(them.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expectAccessible(them);
  await them.getByRole("button", { name: "Approve and send to the family" }).click();
  await expect(them.getByText("The response has been approved.")).toBeVisible();

  // The lead records progress on the linked task: the family is told, and the item's history says so.
  // The server's clock is fixed for the update, so its date is "today" on any day the suite runs.
  await them.setExtraHTTPHeaders({ "X-Portal-Now": "2026-11-23T10:00:00Z" });
  await them.goto(`/admin/working-groups/engagement/tasks/${taskCode}/update`);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(`Record an update on task ${taskCode}`);
  await expectAccessible(them);
  const date = them.getByRole("group", { name: "Date of the update" });
  await date.getByRole("textbox", { name: "Day" }).fill("23");
  await date.getByRole("textbox", { name: "Month" }).fill("11");
  await date.getByRole("textbox", { name: "Year" }).fill("2026");
  await them.getByRole("radio", { name: "Off track (red)" }).check();
  await them.getByRole("textbox", { name: "What has happened" }).fill(`Notes after meetings start in December (${marker})`);
  await them.getByRole("button", { name: "Record the update" }).click();
  await expect(them.getByText(`Update recorded on task ${taskCode}`)).toBeVisible();
  await them.goto(itemUrl);
  await expect(them.locator(".app-history")).toContainText(`Family told that task ${taskCode} changed`);
  await theirs.close();

  // The family reads the approved response on their reference page.
  await context.clearCookies();
  await page.goto(`/feedback/${reference}`);
  await expect(page.getByText(plain)).toBeVisible();
  await expectAccessible(page);
});
