/**
 * Times one of our measures on one case, in a fresh Node process (so its first calls are cold),
 * through the BUILT dist/functions.js as Excel calls it. Started by run.ts; prints one JSON
 * object: the value, the times of the cold calls and of the warm ones (ms), and the page faults
 * of each cold call.
 * Usage: tsx bench/peer/ours.ts CASE.json MEASURE COLD WARM BUDGET_S
 */
import { readFileSync } from "fs";
import { loadFunctions } from "../lib";
import { measures, PeerCase } from "./measures";

const [caseFile, id, coldArg, warmArg, budgetArg] = process.argv.slice(2);
const measure = measures.find((m) => m.id === id);
if (!measure) throw new Error(`no measure ${id}`);
const c = JSON.parse(readFileSync(caseFile, "utf8")) as PeerCase;
const fns = loadFunctions();
const call = measure.call((name) => {
  const f = fns.get(name);
  if (!f) throw new Error(`dist/functions.js registers no ${name}`);
  return f as (...args: unknown[]) => any;
}, c);

// Start from a clean heap, as a workbook does: the set-up's garbage is not the measure's.
(globalThis as unknown as { gc?: () => void }).gc?.();
const budgetMs = 1000 * Number(budgetArg);
const start = process.hrtime.bigint();
const spent = () => Number(process.hrtime.bigint() - start) / 1e6;
let result: unknown;
// The page faults of each timed call beside its time (read outside the timing): a first touch of
// a fresh page of memory is most of a cold call's time on some machines (bench:peer's header).
const faults: number[] = [];
const timed = () => {
  const f0 = process.resourceUsage().minorPageFault;
  const t0 = process.hrtime.bigint();
  result = call();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  faults.push(process.resourceUsage().minorPageFault - f0);
  return ms;
};
// The comparable number is read from the last result after the timing, as R's is.
const valueOf = (r: unknown): number => (measure.read ? measure.read(r) : (r as number));
const cold: number[] = [];
for (let k = 0; k < Number(coldArg); k++) cold.push(timed());
const coldFaults = faults.slice();
const coldValue = valueOf(result);
const warm: number[] = [];
// Warm-up until V8 has had time to optimise (at least 20 calls, or 0.5 s), untimed.
for (let k = 0, t = spent(); k < 20 || spent() - t < 500; k++) {
  timed();
  if (spent() > budgetMs / 2) break;
}
for (let k = 0; k < Number(warmArg) && spent() < budgetMs; k++) warm.push(timed());
const value = valueOf(result);
if (value !== coldValue) throw new Error(`${id}: warm calls returned ${value}, cold ${coldValue}`);
console.log(JSON.stringify({ value, cold, warm, coldFaults }));
