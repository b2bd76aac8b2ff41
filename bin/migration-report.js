#!/usr/bin/env node
// migration-report: builds a migration report workbook from an .xlsx or .csv file.
// Runs the compiled command line (build/cli, made by `npm run build`) when it is up to date with
// the sources, else the TypeScript sources through tsx (a runtime dependency for this reason):
// compiling them at start-up costs about a second.
"use strict";
const { readFileSync, statSync } = require("fs");
const { join } = require("path");

// `npm run report -- file.csv` runs in the package folder: paths are meant from where npm was run.
if (process.env.npm_lifecycle_event === "report" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

const ROOT = join(__dirname, "..");
const COMPILED = join(ROOT, "build", "cli", "migration-report.js");

function compiledIsCurrent() {
  try {
    const built = statSync(COMPILED).mtimeMs;
    const sources = JSON.parse(readFileSync(join(ROOT, "build", "cli", "sources.json"), "utf8"));
    return sources.every((f) => statSync(join(ROOT, f)).mtimeMs <= built);
  } catch {
    return false; // not built, or a source is gone
  }
}

let main;
if (compiledIsCurrent()) {
  main = require(COMPILED);
} else {
  require("tsx/cjs");
  main = require("../src/cli/main.ts");
}
main.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
