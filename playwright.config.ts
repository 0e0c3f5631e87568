import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const E2E_DEMO_PASSWORD = "e2e-demo-password-2026";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Two at least, with or without CI set: Playwright's default is half the cores, which
  // is one worker on a two-core machine when CI is not set.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  // Journeys visit many pages and run axe on each, and share two cores with the server.
  // A whole journey's time is not what a test asserts (each step still has the expect
  // timeout below). The longest takes 41 s on an idle two-core machine, and CI's machine
  // has run the suite up to three times slower than that; a limit only ever ends a test
  // that has already gone wrong, so it is set well clear.
  timeout: 180_000,
  // Two workers and the server share two cores: a page can take more than the
  // default five seconds to answer under load, and that is not what a test asserts.
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  // Every journey runs twice: once with JavaScript, once without. A test tagged
  // @js-only or @no-js-only runs once: one about HTTP alone (an API, headers), or one
  // of a set of translations, where each language needs checking once, not twice.
  projects: [
    { name: "js", use: { ...devices["Desktop Chrome"], javaScriptEnabled: true }, grepInvert: /@no-js-only/ },
    { name: "no-js", use: { ...devices["Desktop Chrome"], javaScriptEnabled: false }, grepInvert: /@js-only/ },
  ],
  webServer: {
    command: "node build/server/index.js",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      TEST_CLOCK: "true",
      // As behind a proxy: a test that sends X-Forwarded-For is its own visitor to the rate limits.
      TRUST_PROXY: "loopback",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : { DATA_DIR: process.env.E2E_DATA_DIR ?? ".tmp/e2e-data" }),
    },
  },
});
