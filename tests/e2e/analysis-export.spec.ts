import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/**
 * Exports of a survey wave (issue 7, point 5; docs/decisions/031). The demo's parent and
 * carer wave for 2026 has 260 submitted responses; other journeys in the same database
 * (the js and no-js projects share it) may send a few more before this runs, so the file
 * is checked against the number the page gives, and that against the demo's 260.
 */

const LEADING = "row,submitted_on,language,format,district,health_area,age_band,support_level,completed_by";

/** The demo parent and carer wave's id, from the survey list (officers and admins see it). */
async function parentWaveId(page: Page): Promise<string> {
  await page.goto("/admin/surveys");
  const href = await page.getByRole("link", { name: "Parent and carer survey 2026", exact: true }).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** RFC 4180 records: quoted cells may hold commas, quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return records;
}

test("an administrator downloads a wave's responses with a reason, and the codebook", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  const id = await parentWaveId(page);
  await page.goto(`/admin/analysis/${id}/export`);
  await expect(page.getByRole("heading", { level: 1, name: "Download this survey's data" })).toBeVisible();
  await expect(page.getByText("Parent and carer survey 2026", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the summary tables from the results page" })).toHaveAttribute("href", `/admin/analysis/${id}`);
  const body = await page.getByText(/^One row for each of the \d+ responses sent/).textContent();
  const count = Number(/each of the (\d+) responses/.exec(body!)![1]);
  expect(count).toBeGreaterThanOrEqual(260);
  await expect(page.getByText("Each download is recorded in the audit log")).toBeVisible();
  await expectAccessible(page);

  // No reason: the page again, with the error, nothing downloaded.
  await page.getByRole("button", { name: "Download the responses (CSV)" }).click();
  await expect(page.getByRole("alert")).toContainText("There is a problem");
  await expect(page.getByRole("link", { name: "Enter why you need the responses" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("textbox", { name: "Why do you need the responses?" })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // With a reason: the file, one row per response, and the reason stays on the page.
  // Each project its own words, so each finds its own row in the shared audit log.
  const reason = `To check the results against the SEN team's figures (e2e, ${test.info().project.name})`;
  await page.getByRole("textbox", { name: "Why do you need the responses?" }).fill(reason);
  let downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the responses (CSV)" }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parent-carer-survey-2026-responses-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = csvRecords(bytes.toString("utf8").slice(1));
  expect(records[0]!.join(",").startsWith(`${LEADING},`)).toBe(true);
  expect(records.length - 1).toBe(count);
  expect(records.slice(1).map((r) => r[0])).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
  // Codes, never a reference: nothing looks like "SR-…".
  expect(bytes.toString("utf8")).not.toMatch(/\bSR-[A-Z0-9]{4}/);

  // The workbook, the same way.
  downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the responses and codebook (Excel)" }).click();
  download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^parent-carer-survey-2026-responses-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe("PK");

  // The codebook: a row per column of the responses file.
  downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the codebook (CSV)" }).click();
  download = await downloading;
  const codebook = csvRecords(readFileSync((await download.path())!).toString("utf8").slice(1));
  expect(codebook[0]).toEqual(["column", "question", "type", "codes", "notes"]);
  expect(codebook.slice(1).map((r) => r[0])).toEqual(records[0]);
  await expect(page.getByRole("heading", { level: 1, name: "Download this survey's data" })).toBeVisible();
  await expectAccessible(page);

  // Each raw download is in the audit log, with the reason.
  await page.goto("/admin/audit");
  const row = page.getByRole("row").filter({ hasText: "Downloaded a survey's responses, one row per response" }).filter({ hasText: reason });
  await expect(row.first()).toBeVisible();
  await expect(row.filter({ hasText: '"file":"responses.csv"' }).first()).toContainText(`"rows":${count}`);
  await expectAccessible(page);
});

test("an officer sees what they may download, and is refused the responses by address", async ({ page }) => {
  await signIn(page, "officer@demo.local");
  const id = await parentWaveId(page);
  await page.goto(`/admin/analysis/${id}/export`);
  await expect(page.getByRole("heading", { level: 1, name: "Download this survey's data" })).toBeVisible();
  await expect(page.getByText("Only administrators can download the responses one row per response.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Why do you need the responses?" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Download the responses/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download the codebook (CSV)" })).toBeVisible();
  await expectAccessible(page);

  // The files' addresses are resource routes: like every download in the portal, a refusal
  // is the short answer httpError gives (403, the reason and the title), never the file.
  for (const file of ["responses.csv", "responses.xlsx"]) {
    const response = await page.request.get(`/admin/analysis/${id}/${file}`, { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(response.headers()["content-disposition"]).toBeUndefined();
    expect(await response.json()).toEqual({ reason: "forbidden", title: "You cannot see this page" });
  }

  // A survey that does not exist.
  const missing = await page.goto("/admin/analysis/00000000-0000-4000-8000-000000000000/export");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
