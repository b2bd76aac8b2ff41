/**
 * The index functions against their R counterparts (migest 2.0.5, migration.indices 0.3.1):
 * each of ours called through the BUILT dist/functions.js as Excel calls it (2-D arrays in,
 * the wrapper's reading and checks included), on the inputs of tests/fixtures/peer-indices.json,
 * against the R call an analyst makes for the same figure, timed by bench/peer/indices.R.
 *
 *   Rscript bench/peer/indices.R MIGEST_DIR MIGRATION_INDICES_DIR tests/fixtures/peer-indices.json out/peer-r.json
 *   npx tsx bench/indices-peer.ts out/peer-r.json          (after a production build)
 *
 * Prints one JSON line per function: our ms per call, R's, the ratio, and whether it is ≥ 10.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { emit, loadFunctions, medianMs, ROOT, round } from "./lib";

interface RTiming {
  call: string;
  ms: number;
}
const rFile = process.argv[2];
if (!rFile) throw new Error("usage: npx tsx bench/indices-peer.ts R_TIMINGS_JSON (made by bench/peer/indices.R)");
const r: Record<string, RTiming> = JSON.parse(readFileSync(rFile, "utf8"));
const fixture = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "peer-indices.json"), "utf8"));
const k = fixture.korea;
const m: number[][] = k.matrix;
const d: number[][] = k.distances;
const p: number[][] = k.populations.map((v: number) => [v]);
const labels: string[][] = k.labels.map((s: string) => [s]);
const bra = fixture.ages[0];
const ages: number[][] = bra.ages.map((a: number) => [a]);
const rates: number[][] = bra.rates.map((v: number) => [v]);

const fns = loadFunctions();
/** Our ms per call: enough calls per timed run that the timer's resolution does not matter. */
function oursMs(id: string, args: unknown[]): number {
  const f = fns.get(id);
  if (!f) throw new Error(`${id} is not registered by dist/functions.js`);
  const CALLS = 50;
  return medianMs(() => {
    for (let i = 0; i < CALLS; i++) f(...args);
  }) / CALLS;
}

const CASES: [string, unknown[], string][] = [
  ["MIGRATION.INEQUALITY", [m, "independence"], "connectivity"],
  ["MIGRATION.GINIORIGIN", [m], "gini_row"],
  ["MIGRATION.GINIDESTINATION", [m], "gini_col"],
  ["MIGRATION.WEIGHTEDGINI", [m, null], "weighted_gini"],
  ["MIGRATION.CV", [m], "connectivity"],
  ["MIGRATION.ACV", [m], "acv"],
  ["MIGRATION.PREFERENCE", [m, p], "impact"],
  ["MIGRATION.VELOCITY", [m, p], "impact"],
  ["MIGRATION.MEANDISTANCE", [m, d], "distance"],
  ["MIGRATION.MEDIANDISTANCE", [m, d], "distance"],
  ["MIGRATION.DISTANCEDECAY", [m, d], "distance"],
  ["MIGRATION.AGEINDICES", [ages, rates, null, null, null], "age"],
  ["MIGRATION.INDICES", [m, p, d], "connectivity+impact+distance"],
  ["MIGRATION.LUMP", [m, labels, k.lump.top, null], "lump"],
];

for (const [id, args, key] of CASES) {
  const rParts = key.split("+").map((part) => r[part]);
  if (rParts.some((x) => x === undefined)) throw new Error(`${rFile} has no timing for ${key}`);
  const rMs = rParts.reduce((s, x) => s + x.ms, 0);
  const ours = oursMs(id, args);
  const ratio = rMs / ours;
  emit({
    name: `peer: ${id} on ${id === "MIGRATION.AGEINDICES" ? "Brazil 2000 (101 ages)" : "Korea 2020 (17 regions)"}`,
    figures: { ours_ms: round(ours, 4), r_ms: round(rMs, 2), ratio: round(ratio, 0), r_call: rParts.map((x) => x.call).join(" + ") },
    unit: "ms per call",
    target: "R ÷ ours ≥ 10",
    met: ratio >= 10,
  });
}
