import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Nothing a visitor can do yet puts a message in the outbox, and the e2e server's log
 * sender delivers whatever is queued within seconds: here the page is seen empty.
 * "Try again now" on a failed message is covered by app/email/admin-route.test.ts.
 */
test("an admin opens the email outbox from the staff area and sees nothing waiting", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.getByRole("link", { name: "Email outbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
  await expect(page).toHaveTitle(/^Email outbox/);
  await expect(page.getByRole("term").filter({ hasText: "Sent in the last 7 days" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^\d+$/ })).toHaveCount(3);
  await expect(page.getByText("No messages are waiting or have failed.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Try again now/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("an officer has no link to the outbox and cannot open it", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await expect(page.getByRole("link", { name: "Email outbox" })).toHaveCount(0);
  const response = await page.goto("/admin/outbox");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You cannot see this page" })).toBeVisible();
  await expectAccessible(page);
});

test("a signed-out visitor is asked to sign in first", async ({ page }) => {
  await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Foutbox$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
});
