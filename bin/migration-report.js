#!/usr/bin/env node
// migration-report: builds a migration report workbook from an .xlsx or .csv file.
// Runs the TypeScript sources through tsx (a runtime dependency for this reason).
"use strict";
// `npm run report -- file.csv` runs in the package folder: paths are meant from where npm was run.
if (process.env.npm_lifecycle_event === "report" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
require("tsx/cjs");
const { run } = require("../src/cli/main.ts");
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
