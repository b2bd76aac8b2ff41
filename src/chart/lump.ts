/**
 * "Top N + Other" for a chord diagram: the N regions with the most moves (in + out) keep their
 * own arc; the rest are summed into one region, as migest's `sum_lump` does with a threshold
 * (here the threshold is the N-th largest turnover, so a 233-country matrix always gives N + 1
 * arcs). Moves between two lumped regions become Other → Other, which a chord diagram cannot
 * draw (it shows moves between arcs): they are counted in `hiddenWithinOther` and stated.
 */

/** A square origin × destination matrix with its region labels; rows are origins. */
export interface FlowMatrix {
  readonly labels: readonly string[];
  readonly flows: readonly (readonly number[])[];
}

export interface LumpedMatrix extends FlowMatrix {
  /** Regions in the input. */
  readonly regions: number;
  /** Labels summed into the last region (empty when nothing was lumped). */
  readonly lumped: readonly string[];
  /** The label of the lumped region, when there is one. */
  readonly otherLabel?: string;
  /** Moves between two lumped regions, not drawn. */
  readonly hiddenWithinOther: number;
}

/** Moves out of plus moves into each region, the diagonal (stayers) left out. */
export function turnover(m: FlowMatrix): number[] {
  const n = m.labels.length;
  const t = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      t[i] += m.flows[i][j];
      t[j] += m.flows[i][j];
    }
  return t;
}

/**
 * Keeps the `top` regions with the largest turnover (ties: the one listed first) in their data
 * order and lumps the rest into `otherLabel`. With `top` ≥ the number of regions, or only one
 * region left over, nothing is lumped (an "Other" of one region would only rename it).
 */
export function lumpTop(m: FlowMatrix, top: number, otherLabel = "Other"): LumpedMatrix {
  const n = m.labels.length;
  if (!Number.isInteger(top) || top < 1) throw new RangeError(`top must be a whole number of at least 1, not ${top}`);
  const none: LumpedMatrix = { labels: m.labels, flows: m.flows, regions: n, lumped: [], hiddenWithinOther: 0 };
  if (top >= n - 1) return none;
  const t = turnover(m);
  const ranked = t.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const keep = new Set(ranked.slice(0, top).map((r) => r.i));
  const kept = m.labels.map((_, i) => i).filter((i) => keep.has(i));
  const slot = new Array<number>(n).fill(top); // lumped regions go to the last slot
  kept.forEach((i, k) => (slot[i] = k));
  const flows = Array.from({ length: top + 1 }, () => new Array<number>(top + 1).fill(0));
  let hidden = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = slot[i];
      const b = slot[j];
      if (a === top && b === top) hidden += m.flows[i][j];
      else flows[a][b] += m.flows[i][j];
    }
  // A label that happens to be "Other" already would make two arcs of one name.
  let label = otherLabel;
  for (let k = 2; kept.some((i) => m.labels[i] === label); k++) label = `${otherLabel} (${k})`;
  return {
    labels: [...kept.map((i) => m.labels[i]), label],
    flows,
    regions: n,
    lumped: m.labels.filter((_, i) => !keep.has(i)),
    otherLabel: label,
    hiddenWithinOther: hidden,
  };
}
