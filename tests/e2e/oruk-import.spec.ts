import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * An admin imports a file from another directory. Both projects ("js" and "no-js")
 * run at once against one database, so each uploads its own copy of the fixture
 * with fresh ids and names unique to the run.
 */
test.describe.configure({ timeout: 90_000 });

const fixtures = join(import.meta.dirname, "../fixtures/oruk");

function uniqueCopy(file: string, suffix: string): Buffer {
  const feed = JSON.parse(readFileSync(join(fixtures, file), "utf8")) as { contents: Record<string, any>[] };
  const orgIds = new Map<string, string>();
  for (const service of feed.contents) {
    service.id = randomUUID();
    if (typeof service.name === "string") service.name = `${service.name} ${suffix}`;
    const org = service.organization;
    if (org?.name) org.name = `${org.name} ${suffix}`;
    if (org?.id) {
      if (!orgIds.has(org.id)) orgIds.set(org.id, randomUUID());
      org.id = orgIds.get(org.id);
      service.organization_id = org.id;
    }
  }
  return Buffer.from(JSON.stringify(feed, null, 2));
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Upload a file").setInputFiles({ name, mimeType: "application/json", buffer });
  await page.getByRole("button", { name: "Check the file" }).click();
}

test("an admin imports an ORUK file: problems are listed first, then a preview, then the entries await approval", async ({ page }) => {
  const suffix = `${test.info().project.name}-${Date.now()}`;
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/local-offer");
  await page.locator('a[href="/admin/local-offer/import"]').click();
  await expect(page.getByRole("heading", { level: 1, name: "Import services from an Open Referral UK file" })).toBeVisible();
  await expectAccessible(page);

  // A file with mistakes: every problem is listed and nothing is stored.
  await upload(page, "invalid-feed.json", uniqueCopy("invalid-feed.json", suffix));
  await expect(page.getByRole("alert")).toContainText("The file cannot be imported");
  await expect(page).toHaveTitle(/^Error: /);
  const problems = page.getByRole("table", { name: "Problems found in invalid-feed.json" });
  await expect(problems.getByRole("row")).toHaveCount(7);
  await expect(problems).toContainText('must match format "email"');
  await expect(problems).toContainText("Say which organisation runs the service");
  await expectAccessible(page);

  await page.goto(`/admin/services?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("link", { name: new RegExp(suffix) })).toHaveCount(0);

  // The sample file: a preview of what will happen, then the import.
  await page.goto("/admin/local-offer/import");
  await upload(page, "sample-feed.json", uniqueCopy("sample-feed.json", suffix));
  await expect(page.getByRole("heading", { level: 1, name: "Check what will be imported" })).toBeVisible();
  const plan = page.getByRole("table", { name: "What will happen to each service" });
  await expect(plan.getByRole("row")).toHaveCount(5);
  await expect(plan.getByRole("rowheader", { name: `Riverside Sensory Play Sessions ${suffix}` })).toBeVisible();
  await expect(page.getByText("Categories and needs: Sensory processing")).toBeVisible();
  await expect(page.getByText("Areas that are not districts here: Manchester")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Import 4 services" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import finished" })).toBeVisible();
  await expect(page.getByText("4 services imported")).toBeVisible();
  const imported = page.getByRole("table", { name: "Imported services and their status" });
  await expect(imported.getByRole("row", { name: new RegExp(`Chorley Teen Wheelchair Sports ${suffix}.*Awaiting approval`) })).toBeVisible();
  await expectAccessible(page);

  // Editors find them in the services list, waiting for approval.
  await page.goto(`/admin/services?q=${encodeURIComponent(suffix)}&status=awaiting_approval`);
  for (const name of ["Riverside Sensory Play Sessions", "Riverside Parent Carer Coffee Mornings", "Fylde Speech and Language Drop-in", "Chorley Teen Wheelchair Sports"]) {
    await expect(page.getByRole("link", { name: `${name} ${suffix}` })).toBeVisible();
  }
  // Families cannot see them yet.
  const api = await page.request.get(`/api/oruk/services?text=${encodeURIComponent("Riverside Sensory Play")}`);
  expect(JSON.stringify(await api.json())).not.toContain(suffix);
});

test("a file over 5 MB is refused with a clear message", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/local-offer/import");
  await upload(page, "huge.json", Buffer.from(`[${" ".repeat(5 * 1024 * 1024 + 10)}]`));
  await expect(page.getByRole("alert")).toContainText("The file must be smaller than 5 MB");
  await expectAccessible(page);
});

test("an officer cannot import", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const response = await page.goto("/admin/local-offer/import");
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});
