/** Jest: TypeScript suites under tests/, mirroring src/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // d3's packages are ES modules only: jest (CommonJS here) loads their UMD builds instead.
  moduleNameMapper: { "^(d3-[a-z-]+)$": "<rootDir>/node_modules/$1/dist/$1.js" },
  setupFiles: ["<rootDir>/tests/support/setup.ts"],
};
