import type { Page } from "@playwright/test";
import { TINY_PNG } from "../fixtures/media";
import { expect, expectAccessible, hasJavaScript, signIn, test } from "./fixtures";

/** Drawings, photos and recordings with feedback at /feedback (docs/decisions/022-feedback-uploads.md). */

const REFERENCE = /FB-[2-9A-Z]{4}-[2-9A-Z]{4}/;
let visitor = 0;

/** Each test is its own visitor (as behind the portal's proxy), so rate limits of one never touch another. */
async function asNewVisitor(page: Page) {
  visitor += 1;
  await page.setExtraHTTPHeaders({
    "X-Forwarded-For": `203.0.113.${(hasJavaScript() ? 0 : 100) + (visitor % 100) + 1}, 10.0.1.${Date.now() % 250}`,
  });
}

async function sentReference(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Feedback sent" })).toBeVisible();
  return REFERENCE.exec((await page.locator(".govuk-panel__body").textContent()) ?? "")![0];
}

const drawing = { name: "my-drawing.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG) };

test("a young person sends easy-read feedback with a drawing; an officer sees it, and the download cannot run in the browser", async ({
  page,
}) => {
  await asNewVisitor(page);
  const words = `This is me on the bus to college (${hasJavaScript() ? "js" : "no-js"} ${Date.now()})`;
  await page.goto("/feedback/easy-read");
  await expect(page.getByRole("heading", { level: 1, name: "Tell us what you think" })).toBeVisible();
  await expect(page.getByText("Pictures up to 10 MB. Recordings up to 25 MB.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: "I am a young person" }).check();
  await page.getByRole("radio", { name: "Very happy" }).check();
  await page.getByRole("textbox", { name: "Tell us more" }).fill(words);
  await page.getByLabel(/Add a drawing, photo or recording/).setInputFiles(drawing);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const reference = await sentReference(page);
  await expectAccessible(page);

  await page.setExtraHTTPHeaders({});
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText(words)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Files they sent" })).toBeVisible();
  const picture = page.getByRole("img", { name: "Drawing sent with the feedback" });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expectAccessible(page);

  const link = page.getByRole("link", { name: /^Download the drawing \(1 kB\)$/ });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/admin\/feedback\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/);
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()).toMatchObject({
    "content-type": "image/png",
    "content-disposition": `attachment; filename="${reference}-drawing.png"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-store",
    "content-security-policy": "sandbox; default-src 'none'",
  });
  expect(Buffer.from(await download.body()).equals(Buffer.from(TINY_PNG))).toBe(true);
  const inline = await page.request.get(`${href}?inline=1`);
  expect(inline.headers()["content-disposition"]).toBe(`inline; filename="${reference}-drawing.png"`);
  expect(inline.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");

  // Signed out, nothing: the sign-in page.
  await page.context().clearCookies();
  const signedOut = await page.request.get(href!, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);
});

test("a file that lies about its type is refused with the words kept; a good file is kept while a mistake is put right", async ({
  page,
}) => {
  await asNewVisitor(page);
  const words = `The taxi to school is late every day (${hasJavaScript() ? "js" : "no-js"} ${Date.now()})`;
  await page.goto("/feedback");
  await expect(page.getByText("A picture (PNG, JPEG, GIF, WebP or HEIC) up to 10 MB")).toBeVisible();
  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByLabel(/Add a drawing, photo or recording/).setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
  });
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "The file must be a photo, drawing, audio or video recording (PNG, JPEG, GIF, WebP, HEIC, MP3, M4A, WAV, OGG, WebM, MP4 or MOV)",
  );
  await expect(page.getByRole("textbox", { name: "Your feedback" })).toHaveValue(words);
  await expect(page.getByRole("radio", { name: "A parent or carer" })).toBeChecked();
  await expectAccessible(page);

  // A good photo, but the question of who is writing left out: the photo waits on the server.
  await page.goto("/feedback");
  await page.getByRole("textbox", { name: "Your feedback" }).fill(words);
  await page.getByLabel(/Add a drawing, photo or recording/).setInputFiles({ ...drawing, name: "IMG_0042.png" });
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose who you are");
  await expect(page.getByText("You added a photo (1 kB). It will be sent with your feedback.")).toBeVisible();
  await expect(page.getByText("IMG_0042")).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Your feedback" })).toHaveValue(words);
  await expectAccessible(page);

  await page.getByRole("radio", { name: "A parent or carer" }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  const reference = await sentReference(page);

  await page.setExtraHTTPHeaders({});
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("img", { name: "Photo sent with the feedback" })).toBeVisible();
});

test("a drawing sent with no words is labelled until an officer records looking at it: no concern", async ({ page }) => {
  await asNewVisitor(page);
  await page.goto("/feedback/easy-read");
  await page.getByRole("radio", { name: "I am a young person" }).check();
  await page.getByLabel(/Add a drawing, photo or recording/).setInputFiles(drawing);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const reference = await sentReference(page);

  await page.setExtraHTTPHeaders({});
  await signIn(page, "officer@demo.local");
  await page.goto(`/admin/feedback?q=${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Feedback inbox" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row.getByText("Needs a person to look")).toBeVisible();
  await expectAccessible(page);

  await row.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(page.getByText("Needs a person to look")).toBeVisible();
  await expect(page.getByText(/Only a file was sent, with no words/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "I've looked at the file: no concern" }).click();
  await expect(page.getByRole("alert")).toContainText("You have recorded that you looked at the file and found no concern.");
  await expect(page.getByText("Needs a person to look")).toHaveCount(0);
  await expect(page.getByText(/An officer looked at the file on .* and found no concern\./)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/admin/feedback?q=${reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Feedback inbox" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: reference }).getByText("Needs a person to look")).toHaveCount(0);
});
