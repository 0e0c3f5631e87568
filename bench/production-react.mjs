// Loaded into the portal before it starts (`node --import`) by bench/revisit-noon.ts.
//
// That benchmark stands the portal's clock at the survey's opening instant, which needs
// TEST_CLOCK=true, and the portal refuses TEST_CLOCK when NODE_ENV=production; so the portal
// runs with NODE_ENV=test. React, though, chooses between its production build and its much
// slower development build from NODE_ENV when it is first loaded. Here React is loaded first,
// with NODE_ENV=production for that moment only, so the pages are rendered as in production
// and only the portal's own NODE_ENV checks see "test". Node keeps one copy of each package,
// so the portal's own imports get these production builds.
//
// When the portal exits, one line on stderr says which React builds it ran, so the
// benchmark can report it (and refuse a run that rendered with the development build).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const before = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
try {
  for (const name of ["react", "react/jsx-runtime", "react-dom", "react-dom/server"]) require(name);
} finally {
  process.env.NODE_ENV = before;
}

process.on("exit", () => {
  const loaded = Object.entries(require.cache)
    .filter(([file, module]) => module?.loaded && /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]cjs[\\/]/.test(file))
    .map(([file]) => file.replace(/.*[\\/]node_modules[\\/]/, ""));
  const development = loaded.filter((file) => file.includes(".development."));
  process.stderr.write(
    `[bench-react] ${development.length ? `development: ${development.join(", ")}` : `production only: ${loaded.join(", ")}`}\n`,
  );
});
