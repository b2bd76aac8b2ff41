import { count, finite } from "./guards";
import { Flows, flowsOf } from "./matrix";
import { fitOriginDestinationPoisson } from "./poisson";
import { Matrix, MeasureError } from "./types";

/**
 * The distance family (migest's index_distance): how far migrants move. `distances` is an
 * n × n table aligned with the matrix (d_ij between region i and region j, in any unit, e.g.
 * km); its diagonal is ignored, as the matrix's is.
 * Each measure's definition and sources: its function's entry in ./definitions/distance.ts.
 */

/** A table of distances between regions: `d[i][j]` ≥ 0, same shape as the flow matrix. */
export type DistanceMatrix = readonly (readonly number[])[];

/** Checks the distances against the matrix: the same shape, every off-diagonal distance a finite number ≥ 0 (> 0 when `positive`). */
function checkDistances(m: Matrix, d: DistanceMatrix, positive: boolean): number {
  const n = m.length;
  if (d.length !== n) throw new MeasureError("invalid", `distances is ${d.length} × ${d[0]?.length ?? 0} but the matrix is ${n} × ${n}: give one distance per pair of regions, in the matrix's order`);
  for (let i = 0; i < n; i++) {
    if (d[i].length !== n) throw new MeasureError("invalid", `distances must be ${n} × ${n} like the matrix (row ${i + 1} has ${d[i].length} values)`);
    checkDistanceRow(d[i], i, positive);
  }
  return n;
}

/** One row of distances (a function of its own so V8 optimises it early; a cell's name is built only when it is bad). */
function checkDistanceRow(row: readonly number[], i: number, positive: boolean): void {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (j === i || (v > 0 && v !== Infinity)) continue;
    count(v, `distance ${i + 1}→${j + 1}`);
    if (positive && v === 0) throw new MeasureError("outOfDomain", `distance ${i + 1}→${j + 1} is 0, and the model takes its logarithm`);
  }
}

/** Flow-weighted mean migration distance: Σ_{i≠j} M_ij d_ij / Σ_{i≠j} M_ij. */
export function meanDistance(matrix: Matrix | Flows, d: DistanceMatrix): number {
  const m = flowsOf(matrix).rows;
  const n = checkDistances(m, d, false);
  let sw = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sw += m[i][j];
      s += m[i][j] * d[i][j];
    }
  }
  if (sw === 0) throw new MeasureError("zeroDenominator", "the total of all flows is 0");
  return finite(s / sw, "the mean distance");
}

/**
 * Flow-weighted median migration distance, with interpolation and independent of the order of
 * the cells: equal distances are pooled (their flows summed; zero flows left out), the distinct
 * distances x_1 < … < x_K get weights w_k and the cumulative share at their midpoints
 * p_k = (Σ_{l≤k} w_l − w_k / 2) / W, and the median is interpolated linearly between the two
 * midpoints around ½ (x_1 below p_1, x_K above p_K). This is matrixStats' weightedMedian with
 * interpolation applied to the pooled distances; migest applies it to the cells as they come,
 * so with a distance listed twice (i→j and j→i) its value depends on the order of the rows.
 */
export function medianDistance(matrix: Matrix | Flows, d: DistanceMatrix): number {
  const m = flowsOf(matrix).rows;
  const n = checkDistances(m, d, false);
  // Pool the flows by distance, then sort the distinct distances (a numeric typed-array sort).
  const byDistance = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const f = m[i][j];
      if (j === i || !(f > 0)) continue;
      const dist = d[i][j];
      byDistance.set(dist, (byDistance.get(dist) ?? 0) + f);
    }
  }
  if (byDistance.size === 0) throw new MeasureError("zeroDenominator", "the total of all flows is 0");
  const x = Float64Array.from(byDistance.keys()).sort();
  const w = Array.from(x, (dist) => byDistance.get(dist) as number);
  let total = 0;
  for (const v of w) total += v;
  let cum = 0;
  let prevMid = -Infinity;
  for (let k = 0; k < x.length; k++) {
    const mid = (cum + w[k] / 2) / total;
    if (mid >= 0.5) {
      if (k === 0 || mid === 0.5) return x[k];
      return x[k - 1] + ((0.5 - prevMid) / (mid - prevMid)) * (x[k] - x[k - 1]);
    }
    cum += w[k];
    prevMid = mid;
  }
  return x[x.length - 1];
}

/**
 * Distance-decay parameter: the coefficient of log(distance) in the Poisson model
 * flow ~ origin + destination + log(distance) on the off-diagonal cells, the flows rounded to
 * whole numbers first (as migest does; halves to even, as R's round). Usually negative: the
 * elasticity of a flow with respect to distance once the origin's and destination's sizes are
 * accounted for. Fitted by IRLS (./poisson); migest calls R's glm for the same model.
 * Definition and source: MIGRATION.DISTANCEDECAY in ./definitions/distance.ts.
 */
export function distanceDecay(matrix: Matrix | Flows, d: DistanceMatrix): number {
  const m = flowsOf(matrix).rows;
  const n = checkDistances(m, d, true);
  const y = m.map((row) => row.map(roundHalfEven));
  const x = d.map((row, i) => row.map((v, j) => (j === i ? 0 : Math.log(v))));
  if (n < 3) throw new MeasureError("outOfDomain", "the model needs at least 3 regions");
  return fitOriginDestinationPoisson(y, x).gamma;
}

/** R's round(): to the nearest whole number, halves to the even one. */
export function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
