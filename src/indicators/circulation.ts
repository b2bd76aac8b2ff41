import { count, divide, notAbove } from "./guards";
import { Exchange, Flows, flowsOf } from "./matrix";
import { Count, Matrix, MeasureError, Rate, Vector } from "./types";

/**
 * Brain circulation index of paired flows: 1 − Σ|f − c| / Σ(f + c).
 * 1 = every flow is matched by an equal counterflow (two-way exchange); 0 = all movement is
 * one-way (pure drain). It is 1 minus the migration effectiveness of the pairs, so it reads
 * as the share of gross movement that is reciprocated.
 * Definition and source: CIRCULATION.INDEX in ./definitions/circulation.ts.
 */
export function circulationIndex(flows: Vector, counterflows: Vector): Rate {
  if (flows.length !== counterflows.length) {
    throw new MeasureError("invalid", `flows (${flows.length}) and counterflows (${counterflows.length}) differ in length`);
  }
  if (flows.length === 0) throw new MeasureError("invalid", "flows is empty");
  const e = new Exchange();
  for (let k = 0; k < flows.length; k++) e.add(count(flows[k], "flows"), count(counterflows[k], "counterflows"));
  return 1 - divide(e.gap, e.gross, "the sum of flows and counterflows");
}

/** The circulation index of a square matrix: the same sum over the pairs i < j of Mij and Mji. */
export function circulationIndexOfMatrix(m: Matrix | Flows): Rate {
  const { n, rows } = flowsOf(m);
  const e = new Exchange();
  for (let i = 0; i < n; i++) addPairs(rows, i, i + 1, e);
  return 1 - divide(e.gap, e.gross, "the sum of off-diagonal flows");
}

/**
 * Circulation index of each region with all others: 1 − Σj|Mij − Mji| / Σj(Mij + Mji), j ≠ i.
 * A region with no flows in either direction has no value (zero denominator).
 */
export function circulationByRegion(m: Matrix | Flows): (Rate | MeasureError)[] {
  const { n, rows } = flowsOf(m);
  const out: (Rate | MeasureError)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = new Exchange();
    addPairs(rows, i, 0, e); // the diagonal pair adds |0 − 0| and 0 + 0: nothing
    out[i] = e.gross === 0 ? new MeasureError("zeroDenominator", `region ${i + 1} has no flows`) : 1 - e.gap / e.gross;
  }
  return out;
}

/** Region i's pairs with the regions from `from` on: Mij against Mji (a function per row: see matrix.ts). */
function addPairs(rows: readonly (readonly number[])[], i: number, from: number, e: Exchange): void {
  const row = rows[i];
  for (let j = from; j < row.length; j++) e.add(row[j], rows[j][i]);
}

/**
 * Return rate: returnees / emigrants of the same cohort. The returnees are part of that cohort,
 * so they cannot exceed it (checked as the stay rate checks stayers against the cohort).
 * Definition and source: CIRCULATION.RETURNRATE in ./definitions/circulation.ts.
 */
export function returnRate(returnees: Count, emigrants: Count): Rate {
  count(returnees, "returnees");
  count(emigrants, "emigrants");
  notAbove(returnees, emigrants, "returnees", "emigrants");
  return divide(returnees, emigrants, "emigrants");
}

/**
 * Stay rate: stayers / cohort, e.g. foreign doctoral graduates still in the host country
 * some years after graduating. Stayers are part of the cohort, so they cannot exceed it.
 * Definition and source: CIRCULATION.STAYRATE in ./definitions/circulation.ts.
 */
export function stayRate(stayers: Count, cohort: Count): Rate {
  count(stayers, "stayers");
  count(cohort, "cohort");
  notAbove(stayers, cohort, "stayers", "cohort");
  return divide(stayers, cohort, "cohort");
}
