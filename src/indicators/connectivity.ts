import { ipf } from "./estimation";
import { divide } from "./guards";
import { Flows, flowsOf, margins } from "./matrix";
import { Matrix, MeasureError, Rate } from "./types";

/**
 * The connectivity (spatial focusing) family of system-wide measures of an origin ×
 * destination matrix: how unevenly the migration is spread over the possible flows. Row i
 * holds the moves out of region i; the diagonal is ignored everywhere. The family is that of
 * Bell et al. (2002), as computed by the R packages migest (index_connectivity) and
 * migration.indices. Each measure's definition and sources: its function's entry in
 * ./definitions/connectivity.ts.
 */

/** What the flows are compared with by `migrationInequality`. */
export type InequalityExpectation = "equal" | "independence";

/**
 * Index of migration inequality: ½ Σ_{i≠j} |M_ij / T − E_ij / ΣE|, in [0, 1): the share of all
 * migrants who would have to move to another flow for the system to match the expected one.
 * - `"equal"`: every off-diagonal flow the same, E_ij / ΣE = 1 / (n(n − 1)).
 * - `"independence"`: E fitted by the Poisson model flow ~ origin + destination on the
 *   off-diagonal cells, which is iterative proportional fitting of a matrix of ones with a zero
 *   diagonal to the observed out- and in-flows (Bishop, Fienberg & Holland 1975, ch. 3).
 * Definition and source: MIGRATION.INEQUALITY in ./definitions/connectivity.ts. Unlike migest's
 * inequality_sim, which rounds the flows before its Poisson fit, the flows are fitted as given.
 */
export function migrationInequality(matrix: Matrix | Flows, expected: InequalityExpectation = "equal"): Rate {
  const flows = flowsOf(matrix);
  const m = flows.rows;
  const { outflows, inflows, total } = margins(flows);
  const n = outflows.length;
  if (n < 2) throw new MeasureError("zeroDenominator", "a 1 × 1 matrix has no flows between regions");
  if (total === 0) throw new MeasureError("zeroDenominator", "the total of all flows is 0");
  let s = 0;
  if (expected === "equal") {
    const share = 1 / (n * (n - 1));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) s += Math.abs(m[i][j] / total - share);
  } else if (expected === "independence") {
    const seed = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 1)));
    const fitted = ipf(seed, outflows, inflows, 10_000, 1e-12).matrix;
    let fittedTotal = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) fittedTotal += fitted[i][j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) s += Math.abs(m[i][j] / total - fitted[i][j] / fittedTotal);
  } else {
    throw new MeasureError("invalid", `expected must be "equal" or "independence" (got ${JSON.stringify(expected)})`);
  }
  return s / 2;
}

/**
 * Σ over ordered pairs (a, b) of |x_a − x_b|, by sorting: for ascending x_(1..K) it is
 * 2 Σ_k (2k − K − 1) x_(k), O(K log K) instead of O(K²). Sorts `x` in place, with the typed
 * arrays' built-in sort: a workbook's first calls run in V8's interpreter, where a sort written
 * in JavaScript took 25–50 µs per field of 49 flows (3–5 ms of a 50-region weighted Gini's
 * first calls) against about 2 µs for the built-in, which is compiled code from the start.
 * Whole counts (the usual flows) are sorted as 32-bit integers, which the built-in sorts about
 * 40% faster than doubles (it boxes every double); the sorted values are the same numbers.
 * A radix sort of all the cells at once, in JavaScript, halved the optimised time but doubled
 * that of the first calls (npm run bench:peer), which are the ones a workbook waits for.
 * The flows are finite (checked on reading), so there is no NaN to order. `ints` is scratch
 * space of x.length (one per matrix rather than one per field).
 */
export function pairwiseAbsSum(x: Float64Array, ints = new Int32Array(x.length)): number {
  if (wholeBelow2To31(x)) {
    ints.set(x);
    ints.sort();
    x.set(ints);
  } else {
    x.sort();
  }
  const size = x.length;
  let weighted = 0;
  for (let r = 0; r < size; r++) weighted += (2 * (r + 1) - size - 1) * x[r];
  return 2 * weighted;
}

/** Whether every value is a whole number from 0 to 2³¹ − 1, exactly what an Int32Array holds (−0 as 0). */
function wholeBelow2To31(x: Float64Array): boolean {
  for (let k = 0; k < x.length; k++) if ((x[k] | 0) !== x[k]) return false;
  return true;
}

/** The off-diagonal cells of a row (`byRow`) or a column, into `out` (length n − 1; a fresh array by default). */
function field(m: Matrix, k: number, byRow: boolean, out = new Float64Array(m.length - 1)): Float64Array {
  const n = m.length;
  let p = 0;
  for (let j = 0; j < n; j++) if (j !== k) out[p++] = byRow ? m[k][j] : m[j][k];
  return out;
}

/**
 * Σ_{j≠h} |M_kj − M_kh| of every row k (`byRow`) or Σ_{i≠h} |M_ik − M_hk| of every column k:
 * the within-field pairwise sums of the field Ginis, by region.
 */
function fieldPairwise(m: Matrix, byRow: boolean): Float64Array {
  const n = m.length;
  const sums = new Float64Array(n);
  const ints = new Int32Array(n - 1);
  if (byRow) {
    // A row is copied whole by the built-in `set` (no loop in JavaScript), its diagonal cell
    // then overwritten by its last cell, so that the field is the first n − 1 places.
    const row = new Float64Array(n);
    const offDiagonal = row.subarray(0, n - 1);
    for (let k = 0; k < n; k++) {
      row.set(m[k]);
      row[k] = row[n - 1];
      sums[k] = pairwiseAbsSum(offDiagonal, ints);
    }
  } else {
    const column = new Float64Array(n - 1);
    for (let k = 0; k < n; k++) sums[k] = pairwiseAbsSum(field(m, k, false, column), ints);
  }
  return sums;
}

/** Σ of |M − M'| over all ordered pairs of off-diagonal cells: the uncorrected total Gini's numerator. */
function totalPairwise(m: Matrix): number {
  const n = m.length;
  const cells = new Float64Array(n * (n - 1));
  for (let i = 0; i < n; i++) offDiagonalInto(m[i], i, cells);
  return pairwiseAbsSum(cells);
}

/** Row i without its diagonal cell, into row i of `cells` (n − 1 wide). */
function offDiagonalInto(row: readonly number[], i: number, cells: Float64Array): void {
  const n = row.length;
  let p = i * (n - 1);
  for (let j = 0; j < n; j++) if (j !== i) cells[p++] = row[j];
}

/**
 * Standardised origin (row) or destination (column) Gini: the part of the total flows Gini
 * that lies within rows (columns), Σ_i Σ_{j≠h} |M_ij − M_ih| ÷ Σ over all ordered pairs of
 * off-diagonal cells |M − M'|, in [0, 1]. It is migration.indices' migration.gini.row (col) ÷
 * the uncorrected total Gini, as migest's gini_orig_standardized (gini_dest_standardized) does.
 * Definition and source: MIGRATION.GINIORIGIN, MIGRATION.GINIDESTINATION in ./definitions/connectivity.ts.
 */
export function giniWithin(matrix: Matrix | Flows, side: "origin" | "destination"): Rate {
  const { n, rows: m } = flowsOf(matrix);
  const sums = fieldPairwise(m, side === "origin");
  let within = 0;
  for (let k = 0; k < n; k++) within += sums[k];
  const all = totalPairwise(m);
  if (all === 0) throw new MeasureError("zeroDenominator", "every flow is the same, so the total Gini is 0 and there is nothing to divide");
  return within / all;
}

/** Which fields `weightedGini` averages. */
export type GiniSide = "origin" | "destination" | "mean";

/**
 * Migration-weighted Gini (Bell et al. 2002), as migration.indices codes it (its published test
 * values follow the code): each region's out-field Gini G_i = Σ_{j≠h} |M_ij − M_ih| ÷ (2(n − 2) O_i)
 * weighted by the region's inflow share D_i / T, summed and divided by n ("origin"); the in-field
 * Gini (columns, ÷ 2(n − 2) D_j) weighted by the outflow share O_j / T likewise ("destination");
 * "mean" is the mean of the two. migest: mwg_orig, mwg_dest, mwg_mean.
 * Definition and source: MIGRATION.WEIGHTEDGINI in ./definitions/connectivity.ts.
 */
export function weightedGini(matrix: Matrix | Flows, side: GiniSide = "mean"): Rate {
  const flows = flowsOf(matrix);
  if (side !== "origin" && side !== "destination" && side !== "mean") {
    throw new MeasureError("invalid", `side must be "origin", "destination" or "mean" (got ${JSON.stringify(side)})`);
  }
  const { outflows, inflows, total } = margins(flows);
  const n = flows.n;
  if (n < 3) throw new MeasureError("zeroDenominator", "the field Gini divides by 2(n − 2): it needs at least 3 regions");
  if (total === 0) throw new MeasureError("zeroDenominator", "the total of all flows is 0");
  // The margins are read once for both sides of the mean.
  const origin = side === "destination" ? 0 : weightedFieldGini(flows.rows, true, outflows, inflows, total);
  const destination = side === "origin" ? 0 : weightedFieldGini(flows.rows, false, inflows, outflows, total);
  return side === "origin" ? origin : side === "destination" ? destination : (origin + destination) / 2;
}

/** Σ_k G_k · weight_k / T ÷ n over the rows (`byRow`) or the columns, G_k the field Gini of k. */
function weightedFieldGini(m: Matrix, byRow: boolean, own: readonly number[], weight: readonly number[], total: number): Rate {
  const n = m.length;
  const pairs = fieldPairwise(m, byRow);
  let s = 0;
  for (let k = 0; k < n; k++) {
    if (own[k] === 0) {
      throw new MeasureError("zeroDenominator", `region ${k + 1} has no ${byRow ? "outflows" : "inflows"}, so its ${byRow ? "out" : "in"}-field Gini is undefined`);
    }
    s += (pairs[k] / (2 * (n - 2) * own[k])) * (weight[k] / total);
  }
  return s / n;
}

/**
 * Coefficient of variation of the flows: the population standard deviation ÷ the mean, over
 * the n(n − 1) off-diagonal flows; scale-free (doubling every flow leaves it unchanged).
 * migest's cv, sqrt(Σ(M − M̄)² / (N(N − 1))) / M̄ over all N = n² cells with the square root
 * misplaced, is not: it changes with the scale of the flows.
 * Definition and source: MIGRATION.CV in ./definitions/connectivity.ts.
 */
export function flowsCv(matrix: Matrix | Flows): Rate {
  const { n, rows: m } = flowsOf(matrix);
  const size = n * (n - 1);
  if (size === 0) throw new MeasureError("zeroDenominator", "a 1 × 1 matrix has no flows between regions");
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) sum += m[i][j];
  const mean = sum / size;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = m[i][j] - mean;
      ss += d * d;
    }
  }
  return divide(Math.sqrt(ss / size), mean, "the mean flow");
}

/**
 * Aggregated system-wide coefficient of variation (migration.indices' migration.acv): each
 * region's in-field CV (population SD ÷ mean of its n − 1 inflows) weighted by its inflow share
 * D_j / T, plus each out-field CV weighted by the outflow share O_i / T. Since the mean of a
 * field is its total ÷ (n − 1), a term is (n − 1) · SD / T, so
 * ACV = (n − 1) / T · (Σ_j SD(in-field j) + Σ_i SD(out-field i)): the same number wherever
 * migration.indices gives one, and defined too where a region has no flows (its term is 0, where
 * migration.indices returns NaN).
 * Definition and source: MIGRATION.ACV in ./definitions/connectivity.ts.
 */
export function aggregatedCv(matrix: Matrix | Flows): Rate {
  const flows = flowsOf(matrix);
  const m = flows.rows;
  const { outflows, inflows, total } = margins(flows);
  const n = flows.n;
  if (n < 2) throw new MeasureError("zeroDenominator", "a 1 × 1 matrix has no flows between regions");
  // A field's mean is its total ÷ (n − 1); the squares about the means are added row by row,
  // each field's in the order it lists its cells, so no field is copied out of the matrix.
  const columnMeans = new Float64Array(n);
  for (let j = 0; j < n; j++) columnMeans[j] = inflows[j] / (n - 1);
  const rowSquares = new Float64Array(n);
  const columnSquares = new Float64Array(n);
  for (let i = 0; i < n; i++) rowSquares[i] = addSquares(m[i], i, outflows[i] / (n - 1), columnMeans, columnSquares);
  let sds = 0;
  for (let k = 0; k < n; k++) sds += Math.sqrt(rowSquares[k] / (n - 1)) + Math.sqrt(columnSquares[k] / (n - 1));
  return divide((n - 1) * sds, total, "the total of all flows");
}

/**
 * Row i's squared deviations (its diagonal cell left out): from the row's mean, returned, and
 * from each column's mean, added into `columnSquares`.
 */
function addSquares(row: readonly number[], i: number, mean: number, columnMeans: Float64Array, columnSquares: Float64Array): number {
  let ss = 0;
  for (let j = 0; j < row.length; j++) {
    if (j === i) continue;
    const x = row[j];
    ss += (x - mean) * (x - mean);
    columnSquares[j] += (x - columnMeans[j]) * (x - columnMeans[j]);
  }
  return ss;
}
