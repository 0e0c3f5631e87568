// Builds everything `npm start` serves: the CSS, the Remix app and the server.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { buildCss } from "./build-css.mjs";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();

buildCss();
execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
await build({
  entryPoints: [path.join(root, "server/index.ts")],
  outfile: path.join(root, "build/server/index.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
writeFileSync(path.join(root, "build/.stamp"), new Date().toISOString());
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
