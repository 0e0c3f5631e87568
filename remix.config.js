/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  // db/ and migrations/ live outside app/ (see docs/decisions/002); bundle them
  // with the server build so the app and the start-up migration share one module.
  watchPaths: ["db/**/*", "migrations/**/*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Single fetch stays off: see docs/decisions/003-single-fetch-off.md
    v3_singleFetch: false,
    v3_lazyRouteDiscovery: false,
  },
};
