// `npm start`: builds if the sources changed since the last build, then serves.
// The server migrates the database and seeds the demo on first run (server/boot.ts).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stamp = path.join(root, "build/.stamp");
const sources = ["app", "server", "db", "migrations", "public/locales", "package.json", "remix.config.js"];

function newestChange(target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestChange(path.join(target, entry.name)));
  }
  return newest;
}

const forced = process.argv.includes("--rebuild");
const built = existsSync(stamp);
const stale = !built || sources.some((s) => newestChange(s) > statSync(stamp).mtimeMs);
if (forced || stale) {
  console.log(forced || !built ? "Building the portal…" : "Sources changed since the last build: building…");
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit", cwd: root });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`build failed (exit ${code})`))));
  });
}

const server = spawn(process.execPath, ["--enable-source-maps", path.join(root, "build/server/index.js")], {
  stdio: "inherit",
  cwd: root,
  // NODE_ENV is left as given: unset means development (demo data, a generated
  // cookie secret). Production deployments set NODE_ENV=production and SESSION_SECRET.
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
