/**
 * Jest: TypeScript suites under tests/, mirroring src/, in two tiers.
 * - unit: pure and contract tests (the engine, the functions through the built bundle, the
 *   pane's logic, the hosts' writers in memory, the command line's paths): `npm run test:unit`.
 * - integration: builds, the pane in Chromium, LibreOffice recalculation, reliability and large
 *   inputs: `npm run test:integration`.
 * `npm test` builds once and runs both.
 */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // d3's packages are ES modules only: jest (CommonJS here) loads their UMD builds instead.
  moduleNameMapper: { "^(d3-[a-z-]+)$": "<rootDir>/node_modules/$1/dist/$1.js" },
  setupFiles: ["<rootDir>/tests/support/setup.ts"],
};

/** The integration tier's suites (globs); every other suite is a unit test. */
const INTEGRATION = ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts", "tests/reliability/**/*.test.ts", "tests/hosts/*libreoffice*.test.ts"];
const INTEGRATION_PATHS = ["/tests/build/", "/tests/browser/", "/tests/reliability/", "/tests/hosts/[^/]*libreoffice[^/]*\\.test\\.ts$"];

module.exports = {
  // The browser suites share one air-gapped build per run (tests/support/pane-build.ts).
  globalSetup: "<rootDir>/tests/support/global-setup.js",
  globalTeardown: "<rootDir>/tests/support/global-teardown.js",
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/tests/**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", ...INTEGRATION_PATHS] },
    { ...base, displayName: "integration", testMatch: INTEGRATION.map((g) => `<rootDir>/${g}`) },
  ],
};
