import type { Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/**
 * The parent carer forum's review of a re-visit survey: a forum reviewer comments on a
 * question and suggests new wording, cannot sign off while the comment is open, an
 * officer accepts the suggestion with a reply (the question's wording changes), and the
 * reviewer signs off. Each project makes its own re-visit (a Thursday notification date,
 * different for js and no-js), so the two never share a review.
 */
test.describe.configure({ timeout: 180_000 });

const TODAY = "2026-11-23T10:00:00.000Z";
/** Each step a few minutes after the last, as it would be, so the history has an order. */
const later = (minutes: number) => new Date(Date.parse(TODAY) + minutes * 60_000).toISOString();

async function at(page: Page, iso: string) {
  await page.setExtraHTTPHeaders({ "X-Portal-Now": iso });
}

/**
 * Thursdays from January 2027 (none is a bank holiday; the other re-visit specs use
 * Wednesdays): js takes the even weeks and no-js the odd ones, starting from a week that
 * changes with the clock, so a second run on the same database most likely finds a free one.
 */
function thursdays(): [string, string, string][] {
  const start = Math.floor(Date.now() / 1000) % 8;
  return Array.from({ length: 8 }, (_, i) => {
    const week = ((start + i) % 8) * 2 + (hasJavaScript() ? 0 : 1);
    const date = new Date(Date.UTC(2027, 0, 7 + 7 * week));
    return [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())];
  });
}

/** The officer creates a re-visit from a free Thursday; returns its title and the review page's address. */
async function createRevisit(page: Page): Promise<{ title: string; reviewPath: string }> {
  for (const notified of thursdays()) {
    const title = `Forum review ${notified.join("-")}`;
    await page.goto("/admin/revisits/new");
    await expectAccessible(page);
    await page.getByRole("textbox", { name: "Name of the re-visit" }).fill(title);
    await page.getByRole("radio", { name: "The day we were notified (day −10)" }).check();
    const date = page.getByRole("group", { name: "Date" });
    await date.getByRole("textbox", { name: "Day" }).fill(notified[0]);
    await date.getByRole("textbox", { name: "Month" }).fill(notified[1]);
    await date.getByRole("textbox", { name: "Year" }).fill(notified[2]);
    await page.getByRole("checkbox", { name: "4. Parents and carers were not listened to" }).check();
    await page.getByRole("button", { name: "Create the re-visit" }).click();
    const taken = page.getByRole("alert").filter({ hasText: "There is already a re-visit notified on that day" });
    await expect(page.getByRole("heading", { level: 1, name: title }).or(taken)).toBeVisible();
    if (await taken.isVisible()) continue;
    await expect(page).toHaveURL(/\/admin\/revisits\/[0-9a-f-]{36}$/);
    return { title, reviewPath: `${new URL(page.url()).pathname}/review` };
  }
  throw new Error("every Thursday tried already has a re-visit: start from a fresh e2e database");
}

test("a forum reviewer suggests new wording, the officer accepts it, and the reviewer signs off the questions", async ({ page, browser }) => {
  const suggestion = "Do the council and health services listen to you and act on what you say?";

  // The officer creates the re-visit; its draft survey has the starting questions.
  await at(page, TODAY);
  await signIn(page, "officer@demo.local");
  const { title, reviewPath } = await createRevisit(page);

  // The forum reviewer finds it from the list of re-visits.
  const forumContext = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const forum = await forumContext.newPage();
  await at(forum, TODAY);
  await signIn(forum, "pcf@demo.local");
  await forum.goto("/admin/revisits");
  await expectAccessible(forum);
  await forum.getByRole("link", { name: title }).click();
  await expect(forum).toHaveURL(new RegExp(`${reviewPath}$`));
  await expect(forum.getByRole("heading", { level: 1, name: "Questions and the forum's review" })).toBeVisible();
  await expect(forum.getByText("Not signed off yet. No comments are open.")).toBeVisible();
  await expect(forum.getByRole("heading", { name: "Page 2: Overall" })).toBeVisible();
  const question3 = forum.locator("#question-listened");
  await expect(question3).toContainText("The council and health services listen to parents and carers and act on what we say.");
  await expect(question3).toContainText("Strongly agree");
  await expectAccessible(forum);

  // A suggestion without a comment: refused, with what was typed kept.
  await at(forum, later(5));
  await forum.getByText("Comment on question 3", { exact: true }).click();
  await forum.getByRole("textbox", { name: /^Suggested wording for question 3/ }).fill(suggestion);
  await forum.getByRole("button", { name: "Add your comment on question 3" }).click();
  await expect(forum.getByRole("alert")).toContainText("Enter your comment");
  await expect(forum).toHaveTitle(/^Error: /);
  await expect(forum.getByRole("textbox", { name: /^Suggested wording for question 3/ })).toHaveValue(suggestion);
  await expectAccessible(forum);
  await forum.getByRole("link", { name: "Enter your comment" }).click();
  if (hasJavaScript()) await expect(forum.getByRole("textbox", { name: "Your comment on question 3" })).toBeFocused();
  await forum.getByRole("textbox", { name: "Your comment on question 3" }).fill("Parents told us this reads like a statement from the council, not a question.");
  await forum.getByRole("button", { name: "Add your comment on question 3" }).click();
  await expect(forum.getByRole("alert")).toContainText("Your comment has been added");
  await expect(forum.getByText("Not signed off yet: 1 comment is open.")).toBeVisible();
  await expect(question3.getByText("Suggested wording", { exact: true })).toBeVisible();
  await expect(question3.getByText(suggestion)).toBeVisible();
  await expect(question3.getByText("From Parent carer forum reviewer")).toBeVisible();

  // Signing off with a comment open is refused, in plain words.
  await forum.getByRole("button", { name: "Sign off the questions" }).click();
  await expect(forum.getByRole("alert")).toContainText("You cannot sign off yet: 1 comment is open. An officer needs to accept or reject it first.");
  await expect(forum).toHaveTitle(/^Error: /);
  await expectAccessible(forum);

  // The officer accepts the suggestion, with a reply: the question's wording changes.
  await at(page, later(10));
  await page.goto(reviewPath);
  await expect(page.getByText("Not signed off yet: 1 comment is open.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the answer to comment 1" }).click();
  await expect(page.getByRole("alert")).toContainText("Select accept or reject");
  await expect(page.getByRole("alert")).toContainText("Enter your reply to the forum");
  await expectAccessible(page);
  await page.getByRole("group", { name: "Your answer to comment 1" }).getByRole("radio", { name: "Accept" }).check();
  await page.getByRole("textbox", { name: "Reply to comment 1" }).fill("Thank you: changed to your wording.");
  await page.getByRole("button", { name: "Save the answer to comment 1" }).click();
  await expect(page.getByRole("alert")).toContainText("Comment accepted: the question's wording has changed");
  const officerQuestion3 = page.locator("#question-listened");
  await expect(officerQuestion3.locator(".govuk-body-l")).toHaveText(`${suggestion} (optional)`);
  await expect(officerQuestion3.getByText("Accepted by SEND engagement officer")).toBeVisible();
  await expect(officerQuestion3.getByText("Thank you: changed to your wording.")).toBeVisible();
  await expect(page.getByText("Not signed off yet. No comments are open.")).toBeVisible();
  await expectAccessible(page);

  // The forum reviewer signs off the questions as they are now.
  await at(forum, later(15));
  await forum.goto(reviewPath);
  await forum.getByRole("textbox", { name: /^A note with your sign-off/ }).fill("Agreed at the forum's steering group.");
  await forum.getByRole("button", { name: "Sign off the questions" }).click();
  await expect(forum.getByRole("alert")).toContainText("You have signed off the questions");
  await expect(forum.getByText("Signed off by Parent carer forum reviewer at")).toBeVisible();
  await expect(forum.getByText("The questions are signed off as they are now")).toBeVisible();
  await expect(forum.getByRole("button", { name: "Sign off the questions" })).toHaveCount(0);
  const history = forum.getByRole("heading", { name: "History of the review" }).locator("xpath=following-sibling::ul[1]");
  await expect(history.getByRole("listitem")).toHaveText([
    /Parent carer forum reviewer signed off the questions\. Note: “Agreed at the forum's steering group\.”/,
    /SEND engagement officer accepted comment 1: the wording of question 3 changed\./,
    /Parent carer forum reviewer commented on question 3 and suggested new wording \(comment 1\)\./,
  ]);
  await expect(history.locator("time").first()).toHaveAttribute("datetime", /Z$/);
  await expectAccessible(forum);
  await forumContext.close();

  // The officer sees the sign-off on the re-visit's page.
  await page.goto(reviewPath.replace(/\/review$/, ""));
  await expect(page.getByText("Signed off by Parent carer forum reviewer")).toBeVisible();
  await expectAccessible(page);
});
