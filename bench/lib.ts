/**
 * Shared helpers for the benchmark scripts under bench/. A benchmark prints one JSON object
 * per line (name, figures, unit, target, met) so runs can be diffed or collected by a tool.
 */
import { readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import type * as TS from "typescript";
import { runInThisContext } from "vm";
import { makeCustomFunctions } from "../scripts/lib/custom-functions-runtime";

export const ROOT = join(__dirname, "..");
export const DIST = join(ROOT, "dist");

export interface Result {
  name: string;
  figures: Record<string, unknown>;
  unit: string;
  target: string;
  met: boolean;
}

export function emit(line: Result | Record<string, unknown>): void {
  console.log(JSON.stringify(line));
}

/**
 * Loads the BUILT bundle, so what is measured is what Excel runs (ts-loader + terser output),
 * not a tsx recompilation of src/. The bundle calls the free global `CustomFunctions`, so the
 * stand-in is installed as a global and the bundle evaluated in this realm: a separate vm
 * context would make every array cross realms (different hidden classes), which Excel's
 * single-realm runtime does not do and which would skew the timings. FUNCTIONS_JS (environment)
 * loads another build instead, to compare two.
 */
export function loadFunctions(): Map<string, Function> {
  const file = process.env.FUNCTIONS_JS ?? join(DIST, "functions.js");
  let code: string;
  try {
    code = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} not found: build first (npx webpack --mode production, or npm run bench)`);
  }
  const cf = makeCustomFunctions();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = cf;
  runInThisContext(code, { filename: file });
  return cf.registered;
}

/**
 * A src/ module compiled by TypeScript with the production build's options (what ts-loader
 * does), for "bare formula" baselines. Why not a plain import under tsx: tsx (esbuild) turns
 * each export into a getter that reads `from[key]` through one shared closure, so every
 * cross-module call (skilledEmigrationRate → count, divide) becomes a megamorphic lookup;
 * that made the bare formula ~14× slower than the same code built by tsc or webpack, and the
 * wrapper's overhead look small. tsc's `exports.x = x` has no such cost.
 */
export function requireCompiled<T>(file: string, cache = new Map<string, { exports: unknown }>()): T {
  const known = cache.get(file);
  if (known) return known.exports as T;
  // Loaded here, not at the top: the peer comparison's timing processes must not carry it.
  const ts = require("typescript") as typeof TS;
  const { config } = ts.readConfigFile(join(ROOT, "tsconfig.build.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const js = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { ...options, sourceMap: false }, fileName: file }).outputText;
  const module = { exports: {} };
  cache.set(file, module);
  // Relative imports (./guards, ./types) are compiled the same way; anything else is a package.
  const load = (spec: string) => (spec.startsWith(".") ? requireCompiled(resolve(dirname(file), spec) + ".ts", cache) : require(spec));
  runInThisContext(`(function (exports, require, module) {${js}\n})`, { filename: file })(module.exports, load, module);
  return module.exports as T;
}

export { prng } from "../tests/support/random";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds taken by `body`, from the monotonic nanosecond clock. */
export function timeMs(body: () => void): number {
  const t0 = process.hrtime.bigint();
  body();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Median time of `runs` timed runs after `warmup` untimed ones (which let V8 optimise the
 * code first, so the figure is steady-state speed, not interpreter or compile time).
 */
export function medianMs(body: () => void, runs = 7, warmup = 3): number {
  for (let i = 0; i < warmup; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeMs(body));
  return median(times);
}

/**
 * Median CPU time (this process's user + system time, GC threads included) of `runs` runs after
 * `warmup`: what the code costs, apart from the time a loaded machine gives the process no core.
 * The process clock ticks in microseconds but is updated less finely on some systems: use it
 * for runs of a millisecond or more.
 */
export function medianCpuMs(body: () => void, runs = 7, warmup = 3): number {
  for (let i = 0; i < warmup; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    body();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  return median(times);
}

/** Rounds for printing: timer noise makes more digits meaningless. */
export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
