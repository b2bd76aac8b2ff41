/**
 * Jest: TypeScript suites under tests/, mirroring src/, in two tiers.
 * - unit: pure and contract tests (the engine, the functions through the built bundle, the
 *   pane's logic, the hosts' writers in memory, the command line's paths): `npm run test:unit`.
 * - integration: builds, the pane in Chromium, LibreOffice recalculation, reliability, large
 *   inputs (`*-large.test.ts`), and every written part validated against the ECMA-376 schemas
 *   and fuzzed (`xlsx-valid*`, `xlsx-fuzz`): `npm run test:integration`.
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
const INTEGRATION = ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts", "tests/reliability/**/*.test.ts", "tests/hosts/*libreoffice*.test.ts", "tests/**/*-large.test.ts", "tests/hosts/xlsx-valid*.test.ts", "tests/hosts/xlsx-fuzz.test.ts"];
const INTEGRATION_PATHS = ["/tests/build/", "/tests/browser/", "/tests/reliability/", "/tests/hosts/[^/]*libreoffice[^/]*\\.test\\.ts$", "-large\\.test\\.ts$", "/tests/hosts/xlsx-valid[^/]*\\.test\\.ts$", "/tests/hosts/xlsx-fuzz\\.test\\.ts$"];

module.exports = {
  // A test that runs the command line or plans a sample takes ~1 s alone and several on a busy
  // machine; jest's 5 s default would make it fail by load, not by fault.
  testTimeout: 30_000,
  // The browser suites share one air-gapped build per run (tests/support/pane-build.ts).
  globalSetup: "<rootDir>/tests/support/global-setup.js",
  globalTeardown: "<rootDir>/tests/support/global-teardown.js",
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/tests/**/*.test.ts"], testPathIgnorePatterns: ["/node_modules/", ...INTEGRATION_PATHS] },
    { ...base, displayName: "integration", testMatch: INTEGRATION.map((g) => `<rootDir>/${g}`) },
  ],
};
