import { count, divide } from "./guards";
import { Count, Matrix, MeasureError, Rate, Vector } from "./types";

/**
 * System-wide measures of an origin × destination matrix. Row i holds the moves out of
 * region i; the diagonal (stayers, or nothing) is ignored everywhere.
 */

/** Checks that `m` is a non-empty square matrix of counts off the diagonal; returns its order n. */
export function checkMatrix(m: Matrix): number {
  const n = m.length;
  if (n === 0) throw new MeasureError("invalid", "the matrix is empty");
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row.length !== n) throw new MeasureError("invalid", `the matrix must be square (it has ${n} rows but row ${i + 1} has ${row.length} columns)`);
    for (let j = 0; j < n; j++) if (j !== i) count(row[j], `flow ${i + 1}→${j + 1}`);
  }
  return n;
}

/** Out- and in-flows of each region (diagonal excluded) and the total of all flows. */
export interface Margins {
  /** O_i = Σ_{j≠i} M_ij */
  readonly outflows: number[];
  /** D_i = Σ_{j≠i} M_ji */
  readonly inflows: number[];
  /** Σ_{i≠j} M_ij */
  readonly total: Count;
}

export function margins(m: Matrix): Margins {
  const n = checkMatrix(m);
  const outflows = new Array<number>(n).fill(0);
  const inflows = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = m[i];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      outflows[i] += row[j];
      inflows[j] += row[j];
    }
    total += outflows[i];
  }
  return { outflows, inflows, total };
}

/**
 * Migration effectiveness index: Σi|Di − Oi| / Σi(Di + Oi), in [0, 1]. 0 = flows balance
 * everywhere (pure exchange); 1 = all movement redistributes population one way.
 * Source: Bell M., Blake M., Boyle P. et al. (2002), "Cross-national comparison of internal
 * migration: issues and measures", JRSS A 165(3), 435–464.
 */
export function migrationEffectivenessIndex(m: Matrix): Rate {
  const { outflows, inflows, total } = margins(m);
  return divide(sumAbsNet(outflows, inflows), 2 * total, "the total of all flows");
}

/**
 * Aggregate net migration rate: ½ Σi|Di − Oi| / Σi Pi. Equals crude migration intensity ×
 * MEI (Bell et al. 2002), as a fraction of the population.
 */
export function aggregateNetMigrationRate(m: Matrix, populations: Vector): Rate {
  const { outflows, inflows } = margins(m);
  if (populations.length !== outflows.length) {
    throw new MeasureError("invalid", `populations has ${populations.length} values but the matrix has ${outflows.length} regions`);
  }
  let population = 0;
  for (let i = 0; i < populations.length; i++) population += count(populations[i], "populations");
  return divide(sumAbsNet(outflows, inflows) / 2, population, "the total population");
}

function sumAbsNet(outflows: readonly number[], inflows: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < outflows.length; i++) s += Math.abs(inflows[i] - outflows[i]);
  return s;
}

/**
 * Connectivity: the share of the n(n − 1) possible off-diagonal flows that are non-zero.
 * Source: Bell et al. (2002), index of connectivity; Rogers & Raymer (1998).
 */
export function connectivity(m: Matrix): Rate {
  const n = checkMatrix(m);
  let nonZero = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i && m[i][j] > 0) nonZero++;
  return divide(nonZero, n * (n - 1), "the number of off-diagonal cells");
}

/**
 * Total flows Gini index: ΣΣ|Mij − Mkl| over all ordered pairs of off-diagonal cells,
 * ÷ (2 · D · ΣM), with D = n(n − 1) − 1 when corrected (Bell et al. 2002) or n(n − 1).
 * Source: Plane D.A., Mulligan G.F. (1997), "Measuring spatial focusing in a migration
 * system", Demography 34(2), 251–262.
 * The pairwise sum is computed by sorting: for ascending x_(1..N),
 * ΣΣ|x_a − x_b| = 2 Σk (2k − N − 1) x_(k), which is O(N log N) instead of O(N²) in cells.
 */
export function giniIndex(m: Matrix, corrected = true): Rate {
  const n = checkMatrix(m);
  const cells = new Float64Array(n * (n - 1));
  let k = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      cells[k++] = m[i][j];
      total += m[i][j];
    }
  }
  cells.sort();
  const size = cells.length;
  let weighted = 0;
  for (let r = 0; r < size; r++) weighted += (2 * (r + 1) - size - 1) * cells[r];
  const pairwiseSum = 2 * weighted;
  const d = corrected ? size - 1 : size;
  return divide(pairwiseSum, 2 * d * total, "the total of all flows");
}

/** One region's line of the summary table. */
export interface RegionSummary {
  readonly outflow: Count;
  readonly inflow: Count;
  /** inflow + outflow */
  readonly turnover: Count;
  /** inflow − outflow: positive = net gain */
  readonly net: number;
  /** net / turnover (Bell et al. 2002); an error when the region has no flows */
  readonly effectiveness: Rate | MeasureError;
}

/** Per-region outflow, inflow, turnover, net migration and migration effectiveness. */
export function regionSummary(m: Matrix): RegionSummary[] {
  const { outflows, inflows } = margins(m);
  return outflows.map((outflow, i) => {
    const inflow = inflows[i];
    const turnover = inflow + outflow;
    const net = inflow - outflow;
    return {
      outflow,
      inflow,
      turnover,
      net,
      effectiveness: turnover === 0 ? new MeasureError("zeroDenominator", `region ${i + 1} has no flows`) : net / turnover,
    };
  });
}

/** One ordered pair of regions. */
export interface Corridor {
  readonly origin: number;
  readonly destination: number;
  readonly flow: Count;
  readonly counterflow: Count;
  /** flow − counterflow */
  readonly net: number;
  /** 1 − |f − c| / (f + c): 1 = balanced exchange, 0 = one-way */
  readonly reciprocity: Rate;
}

/**
 * Corridors (ordered pairs i ≠ j with a non-zero flow), largest flow first; ties keep the
 * matrix order (origin, then destination). Pairs with no recorded flow are left out: the
 * reverse pair, if it has a flow, is listed on its own.
 */
export function corridors(m: Matrix, top = Infinity): Corridor[] {
  const n = checkMatrix(m);
  const list: Corridor[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i || !(m[i][j] > 0)) continue;
      const f = m[i][j];
      const c = m[j][i];
      list.push({ origin: i, destination: j, flow: f, counterflow: c, net: f - c, reciprocity: 1 - Math.abs(f - c) / (f + c) });
    }
  }
  list.sort((a, b) => b.flow - a.flow || a.origin - b.origin || a.destination - b.destination);
  return top < list.length ? list.slice(0, top) : list;
}
