// `npm test`: typecheck, lint, unit and database tests (Vitest), then the
// end-to-end tests (Playwright, real Chromium) against the built app.
// With TEST_DATABASE_URL, database tests also run on that PostgreSQL server
// and the e2e server uses a fresh database of its own there.
// Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const tmp = path.join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, "node_modules/.bin", name);
const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wants = (step) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

if (wants("static")) {
  if (run("Typecheck", bin("tsc"), ["--noEmit"])) passed++;
  else failed++;
  if (run("Lint", bin("eslint"), ["."])) passed++;
  else failed++;
}

if (wants("unit")) {
  const out = path.join(tmp, "vitest.json");
  rmSync(out, { force: true });
  const ok = run("Unit and database tests (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  }
  if (!ok && !existsSync(out)) failed++;
}

if (wants("e2e")) {
  if (!run("Build", process.execPath, [path.join(root, "scripts/build.mjs")])) {
    failed++;
  } else {
    const env = {};
    let dropDatabase;
    if (process.env.TEST_DATABASE_URL) {
      const name = `portal_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      env.E2E_DATABASE_URL = url.toString();
      dropDatabase = async () => {
        const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      };
      console.log(`\nEnd-to-end tests use PostgreSQL database ${name}`);
    } else {
      const dir = path.join(tmp, `e2e-data-${Date.now()}`);
      env.E2E_DATA_DIR = dir;
      dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
      console.log(`\nEnd-to-end tests use an embedded database in ${dir}`);
    }
    const out = path.join(tmp, "playwright.json");
    rmSync(out, { force: true });
    const ok = run("End-to-end tests (Playwright)", bin("playwright"), ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    await dropDatabase();
    if (existsSync(out)) {
      const stats = JSON.parse(readFileSync(out, "utf8")).stats;
      passed += stats.expected + (stats.flaky ?? 0);
      failed += stats.unexpected;
      if (!ok && stats.unexpected === 0) failed++;
    } else if (!ok) failed++;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
