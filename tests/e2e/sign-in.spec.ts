import { DEMO_PASSWORD, expect, expectAccessible, hasJavaScript, signIn, submitSignIn, test } from "./fixtures";

test("a member of staff signs in, sees the staff area and signs out", async ({ page }) => {
  await page.goto("/admin/audit");
  // Signed out: sent to sign in, then back to where they were going.
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Faudit$/);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("admin@demo.local");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Signed in" }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Staff area" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff area" })).toBeVisible();
  await expect(page.getByText("You are signed in as Portal administrator (administrator).")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  // The old session is gone.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty sign-in form shows what to fix, with the error summary first", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter your email address" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your password" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  if (hasJavaScript()) await expect(page.locator(".govuk-error-summary")).toBeFocused();
  await expectAccessible(page);
  // The summary's link takes you to the field.
  await summary.getByRole("link", { name: "Enter your email address" }).click();
  await expect(page.getByLabel("Email address")).toBeFocused();
});

test("a wrong password gets one plain message, and the email stays typed in", async ({ page }) => {
  await submitSignIn(page, "pcf@demo.local", "not-the-password");
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue("pcf@demo.local");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectAccessible(page);
});

test("an email typed wrongly is caught with a message that says what to do", async ({ page }) => {
  await submitSignIn(page, "not an email", "whatever");
  await expect(page.getByRole("alert")).toContainText("Enter an email address in the correct format, like name@example.com");
  await expect(page.getByLabel("Email address")).toHaveValue("not an email");
});

test("too many wrong passwords lock sign-in for a while, with a clear message", async ({ page }) => {
  const email = `locked-${test.info().project.name}-${Date.now()}@demo.local`;
  for (let i = 0; i < 5; i++) await submitSignIn(page, email, "wrong-password");
  await submitSignIn(page, email, "wrong-password");
  await expect(page.getByRole("alert")).toContainText("too many attempts to sign in. Wait 15 minutes");
});

test("a form sent without its security token is refused with a page that says what to do", async ({ page, request }) => {
  const response = await request.post("/login", { form: { email: "admin@demo.local", password: "x" } });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Your form could not be sent");
  // Tamper with the token on its way out: changing the input in the page races
  // React's hydration, which puts the rendered value back.
  await page.route(/\/login(\?|$)/, async (route) => {
    const sent = route.request();
    if (sent.method() !== "POST") return route.continue();
    return route.continue({ postData: (sent.postData() ?? "").replace(/(^|&)csrf=[^&]*/, "$1csrf=tampered") });
  });
  await page.goto("/login");
  await page.getByLabel("Email address").fill("admin@demo.local");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your form could not be sent");
  await expectAccessible(page);
});

test("a huge form field is refused with a 4xx and a message, never a crash", async ({ request, page }) => {
  await page.goto("/login");
  const token = await page.locator('input[name="csrf"]').first().inputValue();
  const cookies = await page.context().cookies();
  const response = await request.post("/login", {
    form: { csrf: token, email: "a".repeat(1024 * 1024), password: "x" },
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Enter an email address in the correct format");
});

test("a tampered session cookie counts as signed out", async ({ page, context }) => {
  await signIn(page, "officer@demo.local");
  const session = (await context.cookies()).find((c) => c.name === "__session")!;
  await context.addCookies([{ ...session, value: session.value.slice(0, -6) + "AAAAAA" }]);
  const response = await page.goto("/admin");
  expect(response?.status()).toBeLessThan(500);
  await expect(page).toHaveURL(/\/login/);
});

test("a signed-in role without permission gets a clear 403 page", async ({ page }) => {
  await signIn(page, "provider@demo.local");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot see this page");
  await expectAccessible(page);
});
