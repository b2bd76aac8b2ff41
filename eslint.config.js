// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the sources,
// tests, scripts and benchmarks (`npm run lint`). A rule switched off or relaxed here says why
// beside it; an `eslint-disable` comment in the code must give its reason after ` -- `.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const comments = require("@eslint-community/eslint-plugin-eslint-comments/configs");

module.exports = tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "test-artifacts/**", "out/**", "coverage/**", "docs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@eslint-community/eslint-comments/require-description": "error",
      // Control characters are matched on purpose: one-line messages, XML-illegal characters, injection checks.
      "no-control-regex": "off",
      // A leading underscore names a parameter kept for its position.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // CommonJS files run by Node as they are (no build): require is how they import.
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests load some modules lazily (esbuild, the built bundle, sources after a mock) with require.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // custom-functions-metadata reads a parameter typed `any` as Excel's any-type argument.
    files: ["src/functions/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The CustomFunctions stand-in, the reference generator and the benchmarks hold and call
    // functions of every signature, as Excel's runtime does.
    files: ["scripts/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-function-type": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);
