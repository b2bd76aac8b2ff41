import { Flows, flowsOf, margins } from "./matrix";
import { Matrix, MeasureError } from "./types";

/**
 * Reducing a matrix to its main regions: the `top` regions by turnover (inflow + outflow) keep
 * their rows and columns, in the matrix's order; every other region is merged into one "other"
 * region placed last. Its row holds the flows from the merged regions to each kept one, its
 * column the flows into them, and its diagonal cell the flows among the merged regions, so the
 * total of all flows is unchanged. The kept regions' diagonals are 0 (the input's diagonal is
 * not migration). Ties at the cut go to the region earlier in the matrix. With `top` ≥ n nothing
 * is merged and there is no "other" region.
 * As migest's sum_lump(lump = "turnover") with the threshold at the top-th turnover (which
 * returns a long table, and merges every region tied at the threshold's side).
 */
export interface Lumped {
  /** Indices (0-based, ascending) of the regions kept. */
  readonly kept: number[];
  /** (k + 1) × (k + 1) with the "other" region last, or k × k when nothing was merged. */
  readonly matrix: number[][];
}

export function lumpByTurnover(matrix: Matrix | Flows, top: number): Lumped {
  if (!(Number.isInteger(top) && top >= 1)) throw new MeasureError("outOfDomain", `top must be a whole number of at least 1 (got ${top})`);
  const flows = flowsOf(matrix);
  const m = flows.rows;
  const { outflows, inflows } = margins(flows);
  const n = outflows.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => outflows[b] + inflows[b] - (outflows[a] + inflows[a]) || a - b);
  const kept = order.slice(0, Math.min(top, n)).sort((a, b) => a - b);
  const k = kept.length;
  const slot = new Array<number>(n).fill(k); // where each region goes: its kept position, or k = "other"
  kept.forEach((i, p) => (slot[i] = p));
  const size = k < n ? k + 1 : k;
  const out = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < n; i++) {
    const row = out[slot[i]];
    for (let j = 0; j < n; j++) if (j !== i) row[slot[j]] += m[i][j];
  }
  return { kept, matrix: out };
}
