/**
 * Times one of our measures on one case, in a fresh Node process (so its first calls are cold),
 * through the BUILT dist/functions.js as Excel calls it. Started by run.ts; prints one JSON
 * object: the value, the times of the cold calls and of the warm ones (ms), and the page faults
 * of each cold call.
 * Usage: tsx bench/peer/ours.ts CASE.json MEASURE COLD WARM BUDGET_S
 */
import { readFileSync } from "fs";
import { getHeapSpaceStatistics } from "v8";
import { loadFunctions } from "../lib";
import { measures, PeerCase, tableFloor } from "./measures";

const [caseFile, id, coldArg, warmArg, budgetArg] = process.argv.slice(2);
const measure = [...measures, tableFloor].find((m) => m.id === id);
if (!measure) throw new Error(`no measure ${id}`);
const c = JSON.parse(readFileSync(caseFile, "utf8")) as PeerCase;
const fns = loadFunctions();
const call = measure.call((name) => {
  const f = fns.get(name);
  if (!f) throw new Error(`dist/functions.js registers no ${name}`);
  return f as (...args: unknown[]) => any;
}, c);

const PAGE = 4096;
/** V8's young generation (new space): its size and the bytes it holds now. */
function youngGeneration(): { size: number; used: number } {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  return { size: space?.space_size ?? 0, used: space?.space_used_size ?? 0 };
}

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
// Warm-up, untimed: at least 20 calls and 0.5 s, so that V8 has optimised, and then until the
// young generation has settled. V8 grows it in steps as a process allocates; a step's new pages
// are touched for the first time by the calls that follow it, one fresh page per 4 KB. Timed
// then, a measure that allocates its result was charged a page fault per 4 KB of it: at
// 150 × 150, 46 faults and 0.9 ms a call against 0.2 ms once those pages had been used. So a
// measure that allocates a page or more a call warms up until its young generation has been
// emptied twice at one size (every page of both halves in use once), for at most 2 s more.
for (let k = 0, t = spent(), cycles = 0, perCall = 0; ; k++) {
  const before = youngGeneration();
  timed();
  const after = youngGeneration();
  if (after.size !== before.size) cycles = 0;
  else if (after.used < before.used) cycles++;
  else perCall = after.used - before.used;
  const warmed = spent() - t;
  if (k >= 20 && warmed >= 500 && (cycles >= 2 || perCall < PAGE)) break;
  if (warmed > 2500 || spent() > budgetMs / 2) break;
}
for (let k = 0; k < Number(warmArg) && spent() < budgetMs; k++) warm.push(timed());
const value = valueOf(result);
if (value !== coldValue) throw new Error(`${id}: warm calls returned ${value}, cold ${coldValue}`);
console.log(JSON.stringify({ value, cold, warm, coldFaults }));
