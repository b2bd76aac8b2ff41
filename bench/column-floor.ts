/**
 * The floor under a 100,000 × 1 element-wise result: what creating 100,000 one-cell rows
 * `[[v], [v], …]` costs in Node with no code of ours around it, against the same call through
 * dist/functions.js (BRAINDRAIN.RATE on a column). Each figure comes from a fresh Node process,
 * so its first call is cold (unoptimised code, a young heap) and its later ones warm.
 * Run alone: `npx tsx bench/column-floor.ts` (after a production build for the `ours` line).
 * Environment: FLOOR_SEMI_SPACE_MB, a comma list of --max-semi-space-size values to try
 * besides the default (default "64").
 */
import { spawnSync } from "child_process";
import { loadavg } from "os";
import { emit, loadFunctions, median, round } from "./lib";

const CELLS = 100_000;
const RUNS = 15;

/** The ways of building the column of results that were compared; `ours` is the built wrapper. */
const VARIANTS = ["literal", "literalBoxed", "newArray1", "push", "flatThenRows", "rowsFirst", "reuseInput", "ours"] as const;
type Variant = (typeof VARIANTS)[number];

/** One process: builds the column RUNS + 1 times; prints the first (cold) time and the later ones (ms, wall and CPU). */
function child(variant: Variant): void {
  const xs = Array.from({ length: CELLS }, (_, i) => 1 + ((i * 7919) % 1_000_000));
  const ys = Array.from({ length: CELLS }, (_, i) => 1 + ((i * 104729) % 10_000_000));
  const f = (x: number, y: number) => x / (x + y);
  // Not inlined into the loop: the result reaches the array as a tagged (boxed) number, as a
  // call to a measure that V8 does not inline does.
  const boxed = new Function("x", "y", "return x / (x + y)") as (x: number, y: number) => number;
  let build: () => unknown[][];
  let before = () => {};
  switch (variant) {
    case "literal":
      build = () => {
        const out: number[][] = new Array(CELLS);
        for (let i = 0; i < CELLS; i++) out[i] = [f(xs[i], ys[i])];
        return out;
      };
      break;
    case "literalBoxed":
      build = () => {
        const out: number[][] = new Array(CELLS);
        for (let i = 0; i < CELLS; i++) out[i] = [boxed(xs[i], ys[i])];
        return out;
      };
      break;
    case "newArray1":
      build = () => {
        const out: number[][] = new Array(CELLS);
        for (let i = 0; i < CELLS; i++) {
          const row = new Array<number>(1);
          row[0] = f(xs[i], ys[i]);
          out[i] = row;
        }
        return out;
      };
      break;
    case "push":
      build = () => {
        const out: number[][] = [];
        for (let i = 0; i < CELLS; i++) out.push([f(xs[i], ys[i])]);
        return out;
      };
      break;
    case "flatThenRows":
      // All the numbers first (one typed array), then the rows: the measure's loop and the
      // allocation loop apart.
      build = () => {
        const flat = new Float64Array(CELLS);
        for (let i = 0; i < CELLS; i++) flat[i] = f(xs[i], ys[i]);
        const out: number[][] = new Array(CELLS);
        for (let i = 0; i < CELLS; i++) out[i] = [flat[i]];
        return out;
      };
      break;
    case "rowsFirst":
      // The rows first, as doubles (a fraction, so V8 makes them arrays of unboxed doubles), then
      // each filled in place.
      build = () => {
        const out: number[][] = new Array(CELLS);
        for (let i = 0; i < CELLS; i++) out[i] = [0.5];
        for (let i = 0; i < CELLS; i++) out[i][0] = f(xs[i], ys[i]);
        return out;
      };
      break;
    case "reuseInput": {
      // No allocation at all: the result written into the input's own rows (what an argument
      // Excel hands over afresh would allow). Fresh inputs before each call, outside the timing.
      let input: number[][] = [];
      before = () => (input = xs.map((x) => [x]));
      build = () => {
        const a = input;
        for (let i = 0; i < CELLS; i++) a[i][0] = f(a[i][0], ys[i]);
        return a;
      };
      break;
    }
    case "ours": {
      const rate = loadFunctions().get("BRAINDRAIN.RATE") as (a: unknown, b: unknown) => unknown[][];
      const a = xs.map((x) => [x]);
      const b = ys.map((y) => [y]);
      build = () => rate(a, b);
      break;
    }
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  let sink = 0;
  for (let k = 0; k <= RUNS; k++) {
    before();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = build();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    sink += out.length + (out[CELLS - 1][0] as number);
  }
  if (!(sink > 0)) throw new Error("nothing built");
  console.log(JSON.stringify({ wall, cpu }));
}

function main(): void {
  const semi = (process.env.FLOOR_SEMI_SPACE_MB ?? "64").split(",").filter(Boolean);
  const flagSets: string[][] = [[], ...semi.map((mb) => [`--max-semi-space-size=${mb}`])];
  const tsx = require.resolve("tsx/cjs");
  const figures: Record<string, unknown> = {};
  for (const flags of flagSets) {
    for (const variant of VARIANTS) {
      const out = spawnSync(process.execPath, [...flags, "--require", tsx, __filename, variant], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`${variant} failed:\n${out.stderr}`);
      const { wall, cpu } = JSON.parse(out.stdout.trim().split("\n").pop() as string) as { wall: number[]; cpu: number[] };
      figures[`${variant}${flags.length ? ` ${flags.join(" ")}` : ""}`] = {
        cold: { wall: round(wall[0]), cpu: round(cpu[0]) },
        warm: { wall: round(median(wall.slice(1))), cpu: round(median(cpu.slice(1))) },
      };
    }
  }
  emit({ name: `${CELLS}x1 column result: the floor and ours`, figures: { ...figures, loadAverage: round(loadavg()[0], 2) }, unit: "ms (cold = first call in a fresh process; warm = median of the next 15)" });
}

const arg = process.argv[2] as Variant | undefined;
if (arg) child(arg);
else main();
