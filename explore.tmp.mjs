import { chromium } from "@playwright/test";
const [,, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage();
await page.goto("http://127.0.0.1:3300/login");
await page.getByLabel("Email address").fill("officer@demo.local");
await page.getByLabel("Password").fill("demo-pass-123");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/admin$/);
await page.goto("http://127.0.0.1:3300/admin/analysis");
const hrefs = await page.locator("table a").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
console.log(hrefs);
for (const p of paths) {
  const res = await page.goto("http://127.0.0.1:3300" + p.replace("W2025", hrefs.find(h => h[1].includes("2025"))[0]));
  console.log("==", p, res.status());
  const text = await page.locator("main").evaluate((m) => { m.querySelectorAll("details").forEach((d) => d.open = true); return m.innerText; });
  const i = text.indexOf("Responses");
  console.log(text.slice(i, i + 2500));
}
await browser.close();
