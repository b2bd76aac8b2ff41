#!/usr/bin/env node
// Compiles the command line (src/cli/main.ts and what it imports) into one CommonJS file,
// build/cli/migration-report.js, so that bin/migration-report.js starts without compiling
// TypeScript. Part of `npm run build`. The list of sources it was built from is written beside
// it: the bin uses the compiled file only while none of them is newer (else it runs the sources).
"use strict";
const { buildSync } = require("esbuild");
const { writeFileSync } = require("fs");
const { join, relative } = require("path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "build", "cli");
const result = buildSync({
  entryPoints: [join(ROOT, "src", "cli", "main.ts")],
  outfile: join(OUT, "migration-report.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  metafile: true,
  // resvg loads its platform binary (.node) at run time: it stays a package, not bundled.
  external: ["@resvg/resvg-js"],
  logLevel: "warning",
});
const sources = Object.keys(result.metafile.inputs).map((f) => relative(ROOT, join(ROOT, f)));
writeFileSync(join(OUT, "sources.json"), JSON.stringify(sources));
console.log(`build/cli/migration-report.js: ${sources.length} sources`);
