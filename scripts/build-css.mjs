// Compiles the design system's Sass and copies the fonts it uses into public/.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as sass from "sass";

const root = path.resolve(import.meta.dirname, "..");
const fonts = [
  ["@fontsource/atkinson-hyperlegible", "atkinson-hyperlegible-latin-400-normal.woff2"],
  ["@fontsource/atkinson-hyperlegible", "atkinson-hyperlegible-latin-700-normal.woff2"],
  ["@fontsource/atkinson-hyperlegible", "atkinson-hyperlegible-latin-ext-400-normal.woff2"],
  ["@fontsource/atkinson-hyperlegible", "atkinson-hyperlegible-latin-ext-700-normal.woff2"],
  ["@fontsource/lexend", "lexend-latin-400-normal.woff2"],
  ["@fontsource/lexend", "lexend-latin-700-normal.woff2"],
  ["@fontsource/noto-nastaliq-urdu", "noto-nastaliq-urdu-arabic-400-normal.woff2"],
  ["@fontsource/noto-nastaliq-urdu", "noto-nastaliq-urdu-arabic-700-normal.woff2"],
];

export function buildCss() {
  const result = sass.compile(path.join(root, "app/styles/main.scss"), {
    loadPaths: [path.join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import", "global-builtin", "color-functions", "slash-div"],
  });
  mkdirSync(path.join(root, "app/styles/generated"), { recursive: true });
  writeFileSync(path.join(root, "app/styles/generated/main.css"), result.css);

  const fontDir = path.join(root, "public/fonts");
  mkdirSync(fontDir, { recursive: true });
  for (const [pkg, file] of fonts) {
    copyFileSync(path.join(root, "node_modules", pkg, "files", file), path.join(fontDir, file));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildCss();
