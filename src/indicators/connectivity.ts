import { ipf } from "./estimation";
import { divide } from "./guards";
import { ascendingOrder } from "./order";
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

/** The off-diagonal cells of a row (`byRow`) or a column, into a fresh array of n − 1. */
function field(m: Matrix, k: number, byRow: boolean): Float64Array {
  const n = m.length;
  const out = new Float64Array(n - 1);
  let p = 0;
  for (let j = 0; j < n; j++) if (j !== k) out[p++] = byRow ? m[k][j] : m[j][k];
  return out;
}

/**
 * Σ over ordered pairs of off-diagonal cells of |M − M'|: within each row (`rows[i]`), within
 * each column (`columns[j]`) and over the whole matrix (`all`), the numerators of the Gini family.
 */
interface PairwiseSums {
  readonly rows: Float64Array;
  readonly columns: Float64Array;
  readonly all: number;
}

/**
 * The three kinds of pairwise sums from one ascending order of the N = n(n − 1) off-diagonal
 * cells. For a list in ascending order x_(1..K), Σ over ordered pairs |x_a − x_b| =
 * 2 Σ_k (2k − K − 1) x_(k), O(K log K) instead of O(K²) (Plane & Mulligan 1997 sum the pairs);
 * so each cell adds (2k − K − 1) x to its row's, its column's and the matrix's sum, k being its
 * rank in each, and visiting the cells in ascending order counts those ranks as it goes. Equal
 * values may come in either order: they give the same terms.
 */
function pairwiseSums(m: Matrix): PairwiseSums {
  const n = m.length;
  const size = n * (n - 1);
  const cells = new Float64Array(size);
  const rowOf = new Uint32Array(size);
  const columnOf = new Uint32Array(size);
  for (let i = 0; i < n; i++) offDiagonalInto(m[i], i, cells, rowOf, columnOf);
  const order = ascendingOrder(cells);
  const rows = new Float64Array(n);
  const columns = new Float64Array(n);
  const all = rankedSums(order, cells, rowOf, columnOf, rows, columns);
  // Ordered pairs: each unordered pair counted twice, as the definitions sum them.
  for (let k = 0; k < n; k++) {
    rows[k] *= 2;
    columns[k] *= 2;
  }
  return { rows, columns, all: 2 * all };
}

/** Row i without its diagonal cell, into row i of `cells` (n − 1 wide), with each cell's row and column. */
function offDiagonalInto(row: readonly number[], i: number, cells: Float64Array, rowOf: Uint32Array, columnOf: Uint32Array): void {
  const n = row.length;
  let p = i * (n - 1);
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    cells[p] = row[j];
    rowOf[p] = i;
    columnOf[p] = j;
    p++;
  }
}

/**
 * Σ_k (2k − K − 1) x_(k) within each row (into `rows`), within each column (into `columns`) and
 * over all the cells (returned), visiting the cells in ascending `order`: K = n − 1 in a row or
 * a column, N = n(n − 1) in all.
 */
function rankedSums(order: Uint32Array, cells: Float64Array, rowOf: Uint32Array, columnOf: Uint32Array, rows: Float64Array, columns: Float64Array): number {
  const n = rows.length;
  const size = order.length;
  const rowRank = new Uint32Array(n);
  const columnRank = new Uint32Array(n);
  let all = 0;
  for (let k = 0; k < size; k++) {
    const p = order[k];
    const x = cells[p];
    const i = rowOf[p];
    const j = columnOf[p];
    const r = ++rowRank[i];
    rows[i] += (2 * r - n) * x; // 2r − K − 1 with K = n − 1
    const c = ++columnRank[j];
    columns[j] += (2 * c - n) * x;
    all += (2 * (k + 1) - size - 1) * x;
  }
  return all;
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
  const sums = pairwiseSums(m);
  const fields = side === "origin" ? sums.rows : sums.columns;
  let within = 0;
  for (let k = 0; k < n; k++) within += fields[k];
  if (sums.all === 0) throw new MeasureError("zeroDenominator", "every flow is the same, so the total Gini is 0 and there is nothing to divide");
  return within / sums.all;
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
  // One order of the cells and the margins serve both sides of the mean.
  const sums = pairwiseSums(flows.rows);
  const origin = side === "destination" ? 0 : weightedFieldGini(sums.rows, true, outflows, inflows, total);
  const destination = side === "origin" ? 0 : weightedFieldGini(sums.columns, false, inflows, outflows, total);
  return side === "origin" ? origin : side === "destination" ? destination : (origin + destination) / 2;
}

/** Σ_k G_k · weight_k / T ÷ n over the rows (`byRow`) or the columns, G_k the field Gini of k from its pairwise sum. */
function weightedFieldGini(pairs: Float64Array, byRow: boolean, own: readonly number[], weight: readonly number[], total: number): Rate {
  const n = pairs.length;
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
  const { total } = margins(flows);
  const n = flows.n;
  if (n < 2) throw new MeasureError("zeroDenominator", "a 1 × 1 matrix has no flows between regions");
  let sds = 0;
  for (let k = 0; k < n; k++) sds += populationSd(field(m, k, true)) + populationSd(field(m, k, false));
  return divide((n - 1) * sds, total, "the total of all flows");
}

function populationSd(x: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) * (x[i] - mean);
  return Math.sqrt(ss / x.length);
}
