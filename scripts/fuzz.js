#!/usr/bin/env node
// `npm run fuzz`: the property and fuzz suites with a new random seed (or FUZZ_SEED to replay
// one), printed first so a failure can be reproduced: FUZZ_SEED=<seed> npm run fuzz.
// A counterexample found becomes a regression test with its inputs written out; `npm test`
// itself always uses the fixed seed of tests/support/seed.ts.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const seed = process.env.FUZZ_SEED || String(Math.floor(Math.random() * 2 ** 31));

/** Every suite that draws inputs with fast-check. */
function propertySuites(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return propertySuites(p);
    return e.name.endsWith(".test.ts") && /from "fast-check"/.test(fs.readFileSync(p, "utf8")) ? [path.relative(root, p)] : [];
  });
}

const suites = propertySuites(path.join(root, "tests"));
console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npm run fuzz); ${suites.length} suites`);
const jest = require.resolve("jest/bin/jest");
const r = spawnSync(process.execPath, [jest, ...suites, ...process.argv.slice(2)], { cwd: root, stdio: "inherit", env: { ...process.env, FUZZ_SEED: seed } });
console.log(`fuzz seed ${seed}: ${r.status === 0 ? "no counterexample" : "FAILED"}`);
process.exit(r.status ?? 1);
