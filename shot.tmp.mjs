import { chromium } from "@playwright/test";
const [,, base, who, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-background-networking","--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
await page.goto(base + "/login");
await page.getByLabel("Email address").fill(who);
await page.getByLabel("Password").fill("demo-pass-123");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(/\/admin$/);
for (const p of paths) {
  const [path, file] = p.split("@");
  const res = await page.goto(base + path);
  console.log("==", path, res.status(), await page.title());
  if (file) await page.screenshot({ path: file, fullPage: true });
  else console.log((await page.locator("main").innerText()).slice(0, 3000));
}
await browser.close();
