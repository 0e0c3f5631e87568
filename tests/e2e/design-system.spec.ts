import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

test("staff can see every component of the design system, and it passes axe", async ({ page }) => {
  await signIn(page, "provider@demo.local");
  await page.getByRole("link", { name: "Design system" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Design system" })).toBeVisible();
  await expectAccessible(page);

  // The specimen error summary links to its field.
  await page.getByRole("link", { name: "Enter an email address in the correct format, like name@example.com" }).click();
  await expect(page.getByRole("textbox", { name: "Email address" })).toBeFocused();

  // The face scale: real radios with words always visible, usable by keyboard.
  const faces = page.getByRole("group", { name: "How do you feel about your child's school?" });
  for (const word of ["Very unhappy", "Unhappy", "Not sure", "Happy", "Very happy"]) {
    await expect(faces.getByText(word, { exact: true })).toBeVisible();
  }
  await faces.getByRole("radio", { name: "Not sure", exact: true }).check();
  await page.keyboard.press("ArrowRight");
  await expect(faces.getByRole("radio", { name: "Happy", exact: true })).toBeChecked();

  // Date input: each part named within its group.
  const dob = page.getByRole("group", { name: "Date of birth" });
  await expect(dob.getByRole("textbox", { name: "Year" })).toBeVisible();

  // The character count says the limit without JavaScript, and counts down with it.
  const textarea = page.getByRole("textbox", { name: "Tell us more about your experience" });
  if (hasJavaScript()) {
    await textarea.fill("Hello there");
    await expect(page.getByText("You have 189 characters remaining").first()).toBeVisible();
  } else {
    await expect(page.getByText("You can enter up to 200 characters")).toBeVisible();
  }

  // Pagination is plain links that keep the page's other query parameters.
  await page.getByRole("link", { name: "Page 6" }).click();
  await expect(page).toHaveURL(/page=6/);
  await expect(page.getByRole("link", { name: "Page 6" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
});

test("the design system reads right to left in Urdu and still passes axe", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  await page.goto("/admin/design-system?lng=ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});

test("the accessibility check itself finds a field with no label and text too faint to read", async ({ page }) => {
  // A page made up here, at the portal's address, with two real barriers: the check
  // every other test relies on must fail on it, with JavaScript on and off.
  await page.route("**/axe-check-specimen", (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><title>Specimen</title></head><body><main><h1>Specimen</h1>
        <p style="color:#ccc;background:#fff">Faint words</p><input type="text" name="nameless"></main></body></html>`,
    }),
  );
  await page.goto("/axe-check-specimen");
  const failure = await expectAccessible(page).then(
    () => "",
    (error: Error) => error.message,
  );
  expect(failure).toContain("color-contrast");
  expect(failure).toContain("label");
});
