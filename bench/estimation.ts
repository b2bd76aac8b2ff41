/**
 * Benchmarks of the flow estimation functions, MIGRATION.IPF and MIGRATION.FLOWSFROMSTOCKS, as
 * Excel runs them: the BUILT dist/functions.js, called with 2-D arrays as Excel passes ranges.
 * The iteration counts come from the measure itself (src/indicators/estimation.ts, compiled as
 * the build compiles it), since the Excel function returns only the fitted table.
 * Run alone with `npx tsx bench/estimation.ts` (after a production build) or via `npm run bench`.
 */
import { join } from "path";
import { emit, loadFunctions, medianMs, prng, requireCompiled, ROOT, round } from "./lib";

const { ipf } = requireCompiled<typeof import("../src/indicators/estimation")>(join(ROOT, "src", "indicators", "estimation.ts"));

type Fn = (...args: unknown[]) => any;

/** A standard normal draw (Box–Muller). */
function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * A seed shaped like a real flow table: a gravity model P_i · P_j / d_ij² with lognormal
 * populations and random distances, whole numbers, a zero diagonal and about 10% of the other
 * flows zero. The totals are those of "another year": each row and column sum of the seed
 * moved by a lognormal factor (σ = 0.5), the columns scaled to the rows' grand total. They are
 * not a scaling of the seed's own margins, so the fit has real work to do.
 */
function fittingCase(n: number, rand: () => number): { seed: number[][]; rows: number[]; cols: number[] } {
  const pop = Array.from({ length: n }, () => Math.exp(1.5 * normal(rand)));
  const x = Array.from({ length: n }, () => rand());
  const y = Array.from({ length: n }, () => rand());
  const seed = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j || rand() < 0.1) return 0;
      const d2 = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2 + 0.01;
      return Math.max(1, Math.round((1000 * pop[i] * pop[j]) / d2));
    }),
  );
  const rows = seed.map((row) => row.reduce((a, b) => a + b, 0) * Math.exp(0.5 * normal(rand)));
  const cols0 = seed[0].map((_, j) => seed.reduce((a, row) => a + row[j], 0) * Math.exp(0.5 * normal(rand)));
  const rowGrand = rows.reduce((a, b) => a + b, 0);
  const colGrand = cols0.reduce((a, b) => a + b, 0);
  return { seed, rows, cols: cols0.map((c) => (c * rowGrand) / colGrand) };
}

function ipfFigures(fn: Fn, rand: () => number): void {
  const figures: Record<string, { iterations: number; residual: number; ms: number; bareMs: number }> = {};
  for (const n of [50, 200]) {
    const { seed, rows, cols } = fittingCase(n, rand);
    const fit = ipf(seed, rows, cols); // default 1000 iterations, tolerance 1e-10
    // Excel passes the totals as a column and a row.
    const rowArg = rows.map((r) => [r]);
    const colArg = [cols];
    let out: number[][] = [];
    const ms = medianMs(() => (out = fn(seed, rowArg, colArg, null, null)), n === 50 ? 21 : 9);
    if (!Array.isArray(out) || out.length !== n || Math.abs(out[n - 1][0] - fit.matrix[n - 1][0]) > 1e-9 * Math.abs(fit.matrix[n - 1][0])) {
      throw new Error(`MIGRATION.IPF ${n}x${n} disagrees with ipf()`);
    }
    // The fit alone, without reading Excel's cells: the rest of `ms` is the wrapper's.
    const bareMs = medianMs(() => ipf(seed, rows, cols), n === 50 ? 21 : 9);
    figures[`${n}x${n}`] = { iterations: fit.iterations, residual: Number(fit.residual.toPrecision(2)), ms: round(ms), bareMs: round(bareMs) };
  }
  const big = figures["200x200"].ms;
  emit({ name: "MIGRATION.IPF", figures, unit: "ms (median per call; ms = the Excel function, bareMs = the fit alone) to tolerance 1e-10", target: "200x200 < 100", met: big < 100 });
}

function flowsFigures(fn: Fn, rand: () => number): void {
  const n = 200;
  const start = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1e6 : Math.floor(rand() * 10000))));
  // The end stocks: each stock moved by up to ±20%, so about half rise and half fall.
  const end = start.map((row, i) => row.map((v, j) => (i === j ? v : Math.round(v * (0.8 + 0.4 * rand())))));
  const figures: Record<string, number> = {};
  for (const method of ["zero", "return"]) {
    let out: number[][] = [];
    figures[method] = round(medianMs(() => (out = fn(start, end, method)), 21, 5));
    if (!Array.isArray(out) || out.length !== n || out[0][0] !== 0) throw new Error("MIGRATION.FLOWSFROMSTOCKS returned no table");
  }
  const worst = Math.max(figures.zero, figures.return);
  emit({ name: "MIGRATION.FLOWSFROMSTOCKS 200x200", figures, unit: "ms (median per call, wrapper)", target: "< 5", met: worst < 5 });
}

export function run(): void {
  const fns = loadFunctions();
  const rand = prng(20240605);
  ipfFigures(fns.get("MIGRATION.IPF") as Fn, rand);
  flowsFigures(fns.get("MIGRATION.FLOWSFROMSTOCKS") as Fn, rand);
}

if (require.main === module) run();
