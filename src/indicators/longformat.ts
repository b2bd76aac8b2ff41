import { count } from "./guards";
import { MeasureError } from "./types";

/** A region's name or code as it appears in the data. */
export type Label = string | number;

/** A square table built from a long origin–destination–flow list. */
export interface PivotedFlows {
  /** Every origin and destination, in order of first appearance. */
  readonly labels: Label[];
  /** `matrix[i][j]`: the flow from labels[i] to labels[j]; 0 where the list has no row; an error where a listed flow had none. */
  readonly matrix: (number | MeasureError)[][];
}

/**
 * Pivots a long list into a square matrix, as a PivotTable would: rows for the same pair are
 * added up, pairs that are not listed are 0 (no recorded flow), and labels are matched by
 * their text (the number 1 and the text "1" are one region).
 */
export function pivotFlows(origins: readonly Label[], destinations: readonly Label[], flows: readonly (number | MeasureError)[]): PivotedFlows {
  if (origins.length !== flows.length || destinations.length !== flows.length) {
    throw new MeasureError("invalid", `origins (${origins.length}), destinations (${destinations.length}) and flows (${flows.length}) must have the same length`);
  }
  const index = new Map<string, number>();
  const labels: Label[] = [];
  const at = (label: Label): number => {
    const key = String(label);
    let i = index.get(key);
    if (i === undefined) {
      i = labels.length;
      index.set(key, i);
      labels.push(label);
    }
    return i;
  };
  // The labels first (their order is the order of first appearance), then the flows: nothing
  // is allocated per row but a label's key, and a row is named only in its own error.
  const origin = new Int32Array(flows.length);
  const destination = new Int32Array(flows.length);
  for (let r = 0; r < flows.length; r++) {
    origin[r] = at(origins[r]);
    destination[r] = at(destinations[r]);
    const f = flows[r];
    if (!(f instanceof MeasureError) && !(f >= 0 && f !== Infinity)) count(f, `flow in row ${r + 1}`); // throws
  }
  const n = labels.length;
  const matrix: (number | MeasureError)[][] = Array.from({ length: n }, () => new Array<number | MeasureError>(n).fill(0));
  for (let r = 0; r < flows.length; r++) {
    const i = origin[r];
    const j = destination[r];
    const cell = matrix[i][j];
    if (cell instanceof MeasureError) continue;
    const f = flows[r];
    matrix[i][j] = f instanceof MeasureError ? f : cell + f;
  }
  return { labels, matrix };
}
