import { circulationByRegion, circulationIndexOfMatrix } from "./circulation";
import { Flows, flowsOf } from "./matrix";
import { Matrix, MeasureError, Rate } from "./types";

/**
 * Change over time in brain circulation: the circulation index of the last period's matrix
 * minus that of the first (Bell et al. 2002's effectiveness of pairs, read as circulation after
 * Saxenian 2005 and Johnson & Regets 1998; see circulation.ts). Positive = the exchange became
 * more two-way (towards circulation), negative = more one-way (towards drain). The regions of
 * the two matrices are the same and in the same order: region i is row and column i of both.
 */

/** The two periods' matrices, checked to be of the same order. */
function samePair(first: Matrix | Flows, last: Matrix | Flows): [Flows, Flows] {
  const a = flowsOf(first);
  const b = flowsOf(last);
  if (a.n !== b.n) throw new MeasureError("invalid", `first_matrix is ${a.n}×${a.n} but last_matrix is ${b.n}×${b.n}: give matrices of the same regions, in the same order`);
  return [a, b];
}

/** CI(last) − CI(first), CI the circulation index of a matrix over its pairs i < j. */
export function circulationChange(first: Matrix | Flows, last: Matrix | Flows): Rate {
  const [a, b] = samePair(first, last);
  return circulationIndexOfMatrix(b) - circulationIndexOfMatrix(a);
}

/**
 * CIi(last) − CIi(first) for each region i, CIi = 1 − Σj|Mij − Mji| / Σj(Mij + Mji). A region
 * with no flows in either direction in either period has no change (its index's error).
 */
export function circulationChangeByRegion(first: Matrix | Flows, last: Matrix | Flows): (Rate | MeasureError)[] {
  const [a, b] = samePair(first, last);
  const before = circulationByRegion(a);
  const after = circulationByRegion(b);
  return after.map((v, i) => {
    const w = before[i];
    if (w instanceof MeasureError) return w;
    if (v instanceof MeasureError) return v;
    return v - w;
  });
}
