/**
 * Fuzzing the built bundle: whatever cells Excel hands over, a function returns a number, a
 * rectangular array, or a CustomFunctions.Error — it never throws anything else and never
 * returns NaN or Infinity as if it were a result.
 */
import fc from "fast-check";
import { CustomFunctionsError } from "../../scripts/lib/custom-functions-runtime";
import { loadBundle, readMetadata } from "../../scripts/lib/bundle";

const cf = loadBundle();
const metadata = readMetadata();
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS || 300);

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 1000 }),
  fc.constantFrom(null, "", "abc", "1,000", "=1+1", true, false, 0, 1, NaN, Infinity, -Infinity),
  fc.string({ maxLength: 5 }),
);
const grid = fc.integer({ min: 0, max: 5 }).chain((rows) => fc.integer({ min: 0, max: 5 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })));
const ragged = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 });

function checkOutcome(value: unknown): void {
  if (value instanceof CustomFunctionsError) return;
  if (typeof value === "number") {
    expect(Number.isFinite(value)).toBe(true);
    return;
  }
  expect(Array.isArray(value)).toBe(true);
  const rows = value as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const row of rows) {
    expect(row.length).toBe(width);
    for (const c of row) {
      if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
      else expect(typeof c === "string" || c instanceof CustomFunctionsError).toBe(true);
    }
  }
}

describe.each(metadata.map((f) => [f.id, f] as const))("%s under arbitrary cells", (id, f) => {
  test(`${FUZZ_RUNS} runs: a number, an array or an Excel error, nothing else`, () => {
    const args = fc.tuple(
      ...f.parameters.map((p) => (p.dimensionality === "matrix" ? fc.oneof(grid, ragged, ...(p.optional ? [fc.constant(null)] : [])) : fc.oneof(cell, ...(p.optional ? [fc.constant(null)] : [])))),
    );
    fc.assert(
      fc.property(args, (a) => {
        let value: unknown;
        try {
          value = cf.registered.get(id)!(...a);
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(CustomFunctionsError);
          return;
        }
        checkOutcome(value);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

// The index families on well-formed systems (counts, populations, distances of the right
// shapes), where arbitrary cells rarely reach the measures: every call gives a finite number, a
// table of finite numbers and labels, or an Excel error for flows that have no value, and the
// fractions stay within [0, 1]. A fixed seed makes every run draw the same systems.
const INDEX_SEED = 424242;
const flowsArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.tuple(
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(null), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    fc.array(fc.integer({ min: 1, max: 1e7 }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
  ),
);
/** A matrix as the four columns of a long list; row i's cells in period 2000, 2005 or 2010 by its population. */
function listByPeriod(m: unknown[][], pop: number[][]): (unknown[][] | null)[] {
  const cols: unknown[][][] = [[], [], [], []];
  m.forEach((row, i) => row.forEach((flow, j) => [2000 + 5 * (pop[i][0] % 3), `R${i}`, `R${j}`, flow].forEach((v, k) => cols[k].push([v]))));
  return [...cols, null];
}
const FRACTIONS = new Set(["MIGRATION.INEQUALITY", "MIGRATION.GINIORIGIN", "MIGRATION.GINIDESTINATION"]);

describe.each([
  ["MIGRATION.INEQUALITY", (m: unknown[][]) => [m, "independence"]],
  ["MIGRATION.GINIORIGIN", (m: unknown[][]) => [m]],
  ["MIGRATION.GINIDESTINATION", (m: unknown[][]) => [m]],
  ["MIGRATION.WEIGHTEDGINI", (m: unknown[][]) => [m, null]],
  ["MIGRATION.CV", (m: unknown[][]) => [m]],
  ["MIGRATION.ACV", (m: unknown[][]) => [m]],
  ["MIGRATION.PREFERENCE", (m: unknown[][], p: number[][]) => [m, p]],
  ["MIGRATION.VELOCITY", (m: unknown[][], p: number[][]) => [m, p]],
  ["MIGRATION.MEANDISTANCE", (m: unknown[][], _p: number[][], d: number[][]) => [m, d]],
  ["MIGRATION.MEDIANDISTANCE", (m: unknown[][], _p: number[][], d: number[][]) => [m, d]],
  ["MIGRATION.DISTANCEDECAY", (m: unknown[][], _p: number[][], d: number[][]) => [m, d]],
  ["MIGRATION.AGEINDICES", (_m: unknown[][], p: number[][]) => [p.map((_, k) => [10 * k]), p.map(([v]) => [v / 1e7]), 0, 70, 10]],
  ["MIGRATION.INDICES", (m: unknown[][], p: number[][], d: number[][]) => [m, p, d]],
  ["MIGRATION.LUMP", (m: unknown[][]) => [m, null, 2, null]],
  // The system against its mirror image (every flow reversed), region by region.
  ["CIRCULATION.CHANGE", (m: unknown[][]) => [m, m.map((row, i) => row.map((_, j) => m[j][i])), true]],
  // The matrix's cells as a long list, each origin's rows in one of three periods.
  ["MIGRATION.PERIODS", (m: unknown[][], p: number[][]) => listByPeriod(m, p)],
] as const)("%s on well-formed systems", (id, argsOf) => {
  test(`${FUZZ_RUNS} runs (seed ${INDEX_SEED}): a finite result or an Excel error; fractions within [0, 1]`, () => {
    fc.assert(
      fc.property(flowsArb, ([m, pop, x]) => {
        const p = pop.map((v) => [v]);
        const d = x.map((a, i) => x.map((b, j) => (i === j ? 0 : 1 + Math.abs(a - b))));
        let value: unknown;
        try {
          value = cf.registered.get(id)!(...(argsOf as (m: unknown[][], p: number[][], d: number[][]) => unknown[])(m, p, d));
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(CustomFunctionsError);
          return;
        }
        checkOutcome(value);
        if (FRACTIONS.has(id)) {
          expect(value as number).toBeGreaterThanOrEqual(0);
          expect(value as number).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: FUZZ_RUNS, seed: INDEX_SEED },
    );
  });
});
