import { expect, expectAccessible, HTTP_ONLY, languageRuns, test } from "./fixtures";

// A heading on each page in English; in Urdu and Polish it must be translated.
// (The home page's h1 is the area's service name: data, not a translation.)
const pages = [
  { path: "/", heading: "What the partnership is working on" },
  { path: "/login", heading: "Sign in to the staff area" },
  { path: "/accessibility", heading: "Accessibility statement" },
  { path: "/privacy", heading: "Privacy notice" },
  { path: "/preferences", heading: "Display settings" },
  { path: "/no-such-page", heading: "Page not found", status: 404 },
];

const languages = [
  { code: "en-GB", dir: "ltr" },
  { code: "ur", dir: "rtl" },
  { code: "pl", dir: "ltr" },
];

for (const language of languages) {
  for (const { path, heading, status } of pages) {
    test(`${path} in ${language.code} reads correctly and passes axe`, languageRuns(language.code), async ({ page, context }) => {
      await context.addCookies([{ name: "lng", value: Buffer.from(JSON.stringify(language.code)).toString("base64"), url: "http://127.0.0.1" }]);
      const response = await page.goto(path);
      expect(response?.status()).toBe(status ?? 200);
      await expect(page.locator("html")).toHaveAttribute("lang", language.code);
      await expect(page.locator("html")).toHaveAttribute("dir", language.dir);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      const english = page.getByRole("heading", { name: heading, exact: true });
      if (language.code === "en-GB") await expect(english).toBeVisible();
      else {
        // Translated, and marked as machine-assisted.
        await expect(english).toHaveCount(0);
        await expect(page.getByRole("heading").first()).toBeVisible();
        await expect(page.getByRole("note")).toBeVisible();
      }
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page);
    });
  }
}

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
});

test("a visitor chooses Urdu with the language picker and the page turns right to left", async ({ page }) => {
  await page.goto("/accessibility");
  await page.getByRole("button", { name: "اردو" }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "اردو" })).toHaveAttribute("aria-current", "true");
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
});

test("the browser's Accept-Language chooses Polish when no language was picked", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pl-PL", extraHTTPHeaders: { "Accept-Language": "pl-PL,pl;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/privacy");
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await context.close();
});

test("display settings are kept and change the page, without an account", async ({ page }) => {
  await page.goto("/preferences");
  await page.getByRole("radio", { name: "Larger text" }).check();
  await page.getByRole("radio", { name: "High contrast" }).check();
  await page.getByRole("radio", { name: "Easier-reading font with wider spacing" }).check();
  await page.getByRole("radio", { name: "Reduce movement and animation" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Your display settings have been saved.")).toBeVisible();
  const html = page.locator("html");
  await expect(html).toHaveClass(/pref-text-large/);
  await expect(html).toHaveClass(/pref-contrast-high/);
  await expect(html).toHaveClass(/pref-font-dyslexia/);
  await expect(html).toHaveClass(/pref-motion-reduced/);
  await expectAccessible(page);
  // Still applied on another page.
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/pref-text-large/);
  await expectAccessible(page);
  await page.goto("/preferences");
  await expect(page.getByRole("radio", { name: "Larger text" })).toBeChecked();
});

test("an address with odd characters gets a clear page, not a crash", async ({ page }) => {
  for (const path of ["/%E0%A4%A", "/local-offer/%00%ff", "/<script>alert(1)</script>", "/admin/../../etc/passwd"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeGreaterThanOrEqual(400);
    expect(response?.status(), path).toBeLessThan(500);
  }
});

test("health check reports the app and the database", HTTP_ONLY, async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});

test("security headers are sent on every page", HTTP_ONLY, async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});
