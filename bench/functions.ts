/**
 * Benchmarks of the custom functions as Excel runs them: the BUILT dist/functions.js, called
 * through the wrappers it registers, with 2-D arrays as Excel passes ranges.
 * Run alone with `npx tsx bench/functions.ts` (after a production build) or via `npm run bench`.
 */
import { statSync } from "fs";
import { loadavg } from "os";
import { join } from "path";
import { skilledEmigrationRate as skilledEmigrationRateTsx } from "../src/indicators/braindrain";
import { DIST, emit, loadFunctions, median, medianCpuMs, medianMs, prng, requireCompiled, ROOT, round, timeMs } from "./lib";

// The bare measures, compiled as the production build compiles them (see requireCompiled).
const indicator = <T>(name: string) => requireCompiled<T>(join(ROOT, "src", "indicators", `${name}.ts`));
const { skilledEmigrationRate } = indicator<typeof import("../src/indicators/braindrain")>("braindrain");
const { giniIndex, regionSummary } = indicator<typeof import("../src/indicators/matrix")>("matrix");
const { circulationIndexOfMatrix } = indicator<typeof import("../src/indicators/circulation")>("circulation");

type Fn = (...args: unknown[]) => any;

/** A random origin × destination flow matrix: whole counts, zero diagonal (as users lay them out). */
function flowMatrix(n: number, rand: () => number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Math.floor(rand() * 10000))));
}

/** Scalar calls: the wrapper's fixed cost per formula cell, against the bare measure. */
function scalarThroughput(rate: Fn, rand: () => number): void {
  const CALLS = 1_000_000;
  const POOL = 1024; // varied inputs, so V8 cannot fold the call into a constant
  const mh = Array.from({ length: POOL }, () => 1 + Math.floor(rand() * 1e6));
  const nh = Array.from({ length: POOL }, () => 1 + Math.floor(rand() * 1e7));
  // Excel hands each argument over as a 1×1 range; building those is the runtime's cost, not the wrapper's.
  const mh2 = mh.map((x) => [[x]]);
  const nh2 = nh.map((x) => [[x]]);

  // Each loop sums its results and the sum is checked below, so no call is dead code.
  let bareSum = 0;
  let wrapSum = 0;
  let tsxSum = 0;
  const bare = () => {
    let s = 0;
    for (let i = 0; i < CALLS; i++) s += skilledEmigrationRate(mh[i & (POOL - 1)], nh[i & (POOL - 1)]);
    bareSum = s;
  };
  // The same formula as a plain tsx import: shown only to explain why it is not the baseline.
  const bareTsx = () => {
    let s = 0;
    for (let i = 0; i < CALLS; i++) s += skilledEmigrationRateTsx(mh[i & (POOL - 1)], nh[i & (POOL - 1)]);
    tsxSum = s;
  };
  const wrapped = () => {
    let s = 0;
    for (let i = 0; i < CALLS; i++) s += rate(mh2[i & (POOL - 1)], nh2[i & (POOL - 1)])[0][0];
    wrapSum = s;
  };

  for (let i = 0; i < 3; i++) {
    bare();
    wrapped();
    bareTsx();
  } // warm-up: let all be optimised
  // Alternate them, so GC and CPU frequency drift affect all alike.
  const bareMs: number[] = [];
  const wrapMs: number[] = [];
  const tsxMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    bareMs.push(timeMs(bare));
    wrapMs.push(timeMs(wrapped));
    tsxMs.push(timeMs(bareTsx));
  }
  if (bareSum !== wrapSum || tsxSum !== wrapSum) throw new Error(`BRAINDRAIN.RATE disagrees with skilledEmigrationRate (${wrapSum} vs ${bareSum})`);

  const bareRate = CALLS / (median(bareMs) / 1000);
  const wrapRate = CALLS / (median(wrapMs) / 1000);
  const tsxRate = CALLS / (median(tsxMs) / 1000);
  const overhead = bareRate / wrapRate; // how many times slower a call through the wrapper is
  const usPerCall = 1e6 / wrapRate; // our own code per formula cell: the wrapper and the measure
  emit({
    name: "BRAINDRAIN.RATE scalar throughput",
    figures: { wrapper: Math.round(wrapRate), bare: Math.round(bareRate), overhead: round(overhead, 2), bareTsxImport: Math.round(tsxRate), usPerCall: round(usPerCall, 4) },
    unit: "calls/s (overhead = bare ÷ wrapper; usPerCall = µs per call through the wrapper)",
    target: "overhead < 3 and usPerCall < 2",
    met: overhead < 3 && usPerCall < 2,
  });
}

/**
 * A formula filled down 100,000 rows: Excel calls the function once per row, each argument a
 * fresh 1×1 range. The first pass runs first in the process (cold: V8 has not optimised the
 * wrapper yet), the second after it (warm); µs per call of our own code, the arguments built
 * beforehand.
 */
export function filledDown(rate: Fn, rand: () => number): void {
  const ROWS = 100_000;
  const pass = () => {
    const a = Array.from({ length: ROWS }, () => [[1 + Math.floor(rand() * 1e6)]]);
    const b = Array.from({ length: ROWS }, () => [[1 + Math.floor(rand() * 1e7)]]);
    let s = 0;
    const c0 = process.cpuUsage();
    const ms = timeMs(() => {
      for (let i = 0; i < ROWS; i++) s += rate(a[i], b[i])[0][0];
    });
    const c = process.cpuUsage(c0);
    if (!(s > 0)) throw new Error("BRAINDRAIN.RATE gave no rates");
    return { wall: round((1000 * ms) / ROWS, 4), cpu: round((c.user + c.system) / ROWS, 4) };
  };
  const cold = pass();
  const warm = pass();
  emit({
    name: "BRAINDRAIN.RATE filled down 100000 rows",
    figures: { cold, warm, loadAverage: round(loadavg()[0], 2) },
    unit: "µs per call, wall clock and CPU time (cold = the process's first 100000 calls; warm = the next 100000)",
    target: "cold and warm < 2 (CPU: the wall clock of a loaded machine also counts waiting for a core)",
    met: cold.cpu < 2 && warm.cpu < 2,
  });
}

/**
 * One call over a 100,000-cell range: the per-cell cost of the element-wise loop. The target is
 * for a column (100000×1), the usual layout; the row (1×100000) is shown beside it because a
 * column also costs one result array per row, and the allocation and GC of those dominate
 * (bench/column-floor.ts measures that floor in fresh processes, beside ours).
 */
function elementwiseRange(rate: Fn, rand: () => number): void {
  const CELLS = 100_000;
  const mh = Array.from({ length: CELLS }, () => 1 + Math.floor(rand() * 1e6));
  const nh = Array.from({ length: CELLS }, () => 1 + Math.floor(rand() * 1e7));
  // Wall time and, beside it, CPU time: on a loaded machine the wall clock also counts the time
  // the process waits for a core, which no code of ours can shorten.
  const time = (a: number[][], b: number[][]) => {
    let out: any[][] = [];
    const ms = medianMs(() => (out = rate(a, b)), 15, 5); // GC makes single runs noisy: more runs
    // Spot check that the whole range was computed.
    const last = out.length === 1 ? out[0][CELLS - 1] : out[CELLS - 1][0];
    if (last !== skilledEmigrationRate(mh[CELLS - 1], nh[CELLS - 1])) throw new Error("BRAINDRAIN.RATE range result is wrong");
    return { wall: round(ms), cpu: round(medianCpuMs(() => (out = rate(a, b)), 15, 0)) };
  };
  const column = time(
    mh.map((x) => [x]),
    nh.map((x) => [x]),
  );
  const row = time([mh], [nh]);
  emit({
    name: "BRAINDRAIN.RATE 100000-cell range",
    figures: { "100000x1": column, "1x100000": row, loadAverage: round(loadavg()[0], 2) },
    unit: "ms (median per call: wall clock, and CPU time of the process)",
    target: "100000x1 and 1x100000 < 10 (wall)",
    met: column.wall < 10 && row.wall < 10,
  });
}

/**
 * The matrix functions through their wrappers, with the bare measure on the same numbers
 * beside them: the difference is what reading and checking Excel's cells costs.
 */
function matrixFunctions(fns: Map<string, Function>, rand: () => number): void {
  const cases: [string, (m: number[][]) => unknown][] = [
    ["MIGRATION.SUMMARY", regionSummary],
    ["MIGRATION.GINI", (m) => giniIndex(m)],
    ["CIRCULATION.INDEX", circulationIndexOfMatrix],
  ];
  const figures: Record<string, Record<string, { wrapper: number; bare: number }>> = {};
  let sink: unknown;
  for (const n of [50, 250]) {
    const m = flowMatrix(n, rand);
    const runs = n === 50 ? 21 : 9; // small cases are sub-millisecond: more runs steady the median
    for (const [id, bare] of cases) {
      const fn = fns.get(id) as Fn;
      // Optional arguments left out, as in =MIGRATION.GINI(A1:X24).
      const wrapper = medianMs(() => (sink = fn(m)), runs);
      const bareMs = medianMs(() => (sink = bare(m)), runs);
      (figures[id] ??= {})[`${n}x${n}`] = { wrapper: round(wrapper), bare: round(bareMs) };
    }
  }
  if (sink === undefined) throw new Error("no result");
  const gini = figures["MIGRATION.GINI"]["250x250"].wrapper;
  emit({ name: "matrix functions", figures, unit: "ms (median per call)", target: "MIGRATION.GINI 250x250 wrapper < 50", met: gini < 50 });
}

/**
 * The functions over time: MIGRATION.PERIODS on a long list of ten periods against
 * MIGRATION.MATRIX on the same list (one pivot of all of it), and CIRCULATION.CHANGE against
 * the two CIRCULATION.INDEX calls it replaces.
 */
function overTime(fns: Map<string, Function>, rand: () => number): void {
  const regions = 100;
  const years = 10;
  const rows = regions * regions * years;
  const p = new Array<unknown[]>(rows);
  const o = new Array<unknown[]>(rows);
  const d = new Array<unknown[]>(rows);
  const f = new Array<unknown[]>(rows);
  for (let k = 0; k < rows; k++) {
    const pair = k % (regions * regions);
    p[k] = [2000 + Math.floor(k / (regions * regions))];
    o[k] = [`Region ${pair % regions}`];
    d[k] = [`Region ${Math.floor(pair / regions)}`];
    f[k] = [Math.floor(rand() * 1000)];
  }
  const periods = fns.get("MIGRATION.PERIODS") as Fn;
  const matrix = fns.get("MIGRATION.MATRIX") as Fn;
  let sink: unknown;
  const periodsMs = medianMs(() => (sink = periods(p, o, d, f, null)), 7);
  const matrixMs = medianMs(() => (sink = matrix(o, d, f)), 7);
  const first = flowMatrix(250, rand);
  const last = flowMatrix(250, rand);
  const change = fns.get("CIRCULATION.CHANGE") as Fn;
  const index = fns.get("CIRCULATION.INDEX") as Fn;
  const changeMs = medianMs(() => (sink = change(first, last, null)), 9);
  const byRegionMs = medianMs(() => (sink = change(first, last, true)), 9);
  const twoIndexMs = medianMs(() => (sink = [index(first), index(last)]), 9);
  if (sink === undefined) throw new Error("no result");
  emit({
    name: "functions over time",
    figures: {
      "MIGRATION.PERIODS 100000 rows, 10 periods": round(periodsMs),
      "MIGRATION.MATRIX same list": round(matrixMs),
      "CIRCULATION.CHANGE 250x250": round(changeMs),
      "CIRCULATION.CHANGE 250x250 by region": round(byRegionMs),
      "CIRCULATION.INDEX twice 250x250": round(twoIndexMs),
    },
    unit: "ms (median per call)",
    target: "MIGRATION.PERIODS < 3 × MIGRATION.MATRIX on the same list; CIRCULATION.CHANGE < 2 × two CIRCULATION.INDEX calls",
    met: periodsMs < 3 * matrixMs && changeMs < 2 * twoIndexMs,
  });
}

function bundleSize(): void {
  const bytes = statSync(join(DIST, "functions.js")).size;
  emit({ name: "dist/functions.js size", figures: { bytes }, unit: "bytes", target: "< 61440", met: bytes < 61440 });
}

export function run(): void {
  const fns = loadFunctions();
  const rand = prng(20240601);
  filledDown(fns.get("BRAINDRAIN.RATE") as Fn, prng(20261205)); // first: its first pass is the cold one
  scalarThroughput(fns.get("BRAINDRAIN.RATE") as Fn, rand);
  elementwiseRange(fns.get("BRAINDRAIN.RATE") as Fn, rand);
  matrixFunctions(fns, rand);
  overTime(fns, rand);
  bundleSize();
}

if (require.main === module) run();
