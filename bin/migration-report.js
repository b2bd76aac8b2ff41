#!/usr/bin/env node
// migration-report: builds a migration report workbook from an .xlsx or .csv file.
// Runs the TypeScript sources through tsx (a runtime dependency for this reason).
"use strict";
require("tsx/cjs");
const { run } = require("../src/cli/main.ts");
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
