import { count } from "./guards";
import { Flows, flowsOf, margins } from "./matrix";
import { Count, Matrix, MeasureError, Vector } from "./types";

/**
 * Indices that compare the flows of an origin × destination matrix with what the regions'
 * populations alone would lead one to expect (the impact family of migest's index_impact,
 * beside the MEI and the ANMR of ./matrix). The diagonal is ignored. Populations are in
 * persons, one per region in the order of the matrix rows.
 * Definitions and sources: MIGRATION.PREFERENCE, MIGRATION.VELOCITY in ./definitions/impact.ts
 * (the UN manual gives the index of preference after Bachi 1957 and the index of velocity after
 * Bogue, Shryock & Hoermann 1957).
 */

/** The populations checked against the matrix: counts, one per region, none 0; and their total. */
function checkedPopulations(populations: Vector, n: number): { p: number[]; total: Count } {
  if (populations.length !== n) throw new MeasureError("invalid", `populations has ${populations.length} values but the matrix has ${n} regions`);
  const p = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    p[i] = count(populations[i], `population ${i + 1}`);
    if (p[i] === 0) throw new MeasureError("zeroDenominator", `region ${i + 1} has a population of 0`);
    total += p[i];
  }
  return { p, total };
}

/**
 * Index of preference: Σ_{i≠j} M_ij / (T · (P_i / P) · (P_j / P)), with T the total of all flows
 * and P the total population: the flows against those expected if migrants chose origins and
 * destinations in proportion to population. As migest's index_impact (preference).
 */
export function preferenceIndex(matrix: Matrix | Flows, populations: Vector): number {
  const flows = flowsOf(matrix);
  const { n, rows: m } = flows;
  const { total } = margins(flows);
  const { p, total: pop } = checkedPopulations(populations, n);
  if (total === 0) throw new MeasureError("zeroDenominator", "the total of all flows is 0");
  let s = 0;
  for (let i = 0; i < n; i++) {
    const si = p[i] / pop;
    for (let j = 0; j < n; j++) if (j !== i) s += m[i][j] / (si * (p[j] / pop));
  }
  return s / total;
}

/**
 * Index of velocity: Σ_{i≠j} M_ij · P / (P_i · P_j): each flow per person of its origin and per
 * share of the total population at its destination, summed. As migest's index_impact (velocity),
 * with populations in persons (migest's example uses millions, which multiplies it by 10⁶).
 */
export function velocityIndex(matrix: Matrix | Flows, populations: Vector): number {
  const { n, rows: m } = flowsOf(matrix);
  const { p, total: pop } = checkedPopulations(populations, n);
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) s += m[i][j] / (p[i] * p[j]);
  return s * pop;
}
