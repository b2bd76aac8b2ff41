import { count, divide } from "./guards";
import { Count, Matrix, MeasureError, Rate, Vector } from "./types";

/**
 * System-wide measures of an origin × destination matrix. Row i holds the moves out of
 * region i; the diagonal (stayers, or nothing) is ignored everywhere.
 */

/**
 * A checked origin × destination matrix: n ≥ 1 rows of n counts, the diagonal 0. The measures
 * take one or a `Matrix`, which they check into one first; the Excel face reads its cells
 * straight into one, checking as it reads, so no cell is checked twice. Built only by code that
 * has checked every off-diagonal cell (`flowsOf`, or a reader doing the same checks). Its rows
 * may be the caller's own arrays (`readMatrix` keeps a row already in this form), so nothing
 * writes into them. Rows of plain arrays rather than one typed array: a Float64Array of
 * 150 × 150 cells cost ten times the whole read in its allocation alone (it lives outside V8's
 * young generation).
 */
export class Flows {
  constructor(
    readonly n: number,
    readonly rows: readonly (readonly number[])[],
  ) {}
}

/**
 * A `Matrix` checked and copied into `Flows` in one pass (the same `Flows` if it is one
 * already). Checks row by row: a row of the wrong length, then each off-diagonal cell, so the
 * first problem in reading order is the one reported; a cell's name is built only when it is bad.
 */
export function flowsOf(m: Matrix | Flows): Flows {
  if (m instanceof Flows) return m;
  const n = m.length;
  if (n === 0) throw new MeasureError("invalid", "the matrix is empty");
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = m[i];
    if (row.length !== n) throw new MeasureError("invalid", `the matrix must be square (it has ${n} rows but row ${i + 1} has ${row.length} columns)`);
    rows[i] = checkedRow(row, i, n);
  }
  return new Flows(n, rows);
}

/*
 * The loops over cells are functions of a row each, here and below: V8 optimises a small
 * function called n times per matrix after a few matrices, whereas a whole-matrix loop is
 * compiled while it runs (on-stack replacement) and that code was thrown away at the end of
 * every call, leaving large matrices at interpreter speed (npm run bench:peer, cold calls).
 */

function checkedRow(row: readonly number[], i: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const v = row[j];
    out[j] = v >= 0 && v !== Infinity ? v : j === i ? 0 : count(v, `flow ${i + 1}→${j + 1}`);
  }
  out[i] = 0;
  return out;
}

/** Checks that `m` is a non-empty square matrix of counts off the diagonal; returns its order n. */
export function checkMatrix(m: Matrix): number {
  return flowsOf(m).n;
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

export function margins(m: Matrix | Flows): Margins {
  const { n, rows } = flowsOf(m);
  const outflows = new Array<number>(n);
  const inflows = zeros(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const out = addRow(rows[i], inflows);
    outflows[i] = out;
    total += out;
  }
  return { outflows, inflows, total };
}

/**
 * n zeros in a plain array, for sums. Not a Float64Array: unoptimised code (a call's first
 * runs) boxes every number read from a typed array into a fresh heap object, so adding whole
 * counts into one allocated at each cell; a plain array of small integers adds them in place.
 */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** Adds a row's cells into `inflows` and returns their sum (the diagonal is 0: it changes no sum). */
function addRow(row: readonly number[], inflows: number[]): number {
  let out = 0;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    out += v;
    inflows[j] += v;
  }
  return out;
}

/**
 * Σ|f − c| and Σ(f + c) over paired flows (a flow and its counterflow, or a region's inflow and
 * outflow): the two sums of every effectiveness and circulation measure, defined once here.
 * Accumulated in place, so a loop over the cells allocates nothing.
 */
export class Exchange {
  /** Σ|f − c|: the net, one-way part of the movement */
  gap = 0;
  /** Σ(f + c): the gross movement */
  gross = 0;
  add(f: number, c: number): void {
    this.gap += Math.abs(f - c);
    this.gross += f + c;
  }
}

/** 1 − |f − c| / (f + c) of one pair: 1 = balanced exchange, 0 = one-way (the pair's circulation index). */
export function pairReciprocity(f: number, c: number): Rate {
  PAIR.gap = 0;
  PAIR.gross = 0;
  PAIR.add(f, c);
  return 1 - PAIR.gap / PAIR.gross;
}

/**
 * The one Exchange `pairReciprocity` fills: the list of corridors calls it once per row, and in
 * its first, unoptimised runs a new object per call was a fifth of a cold call's fresh memory.
 */
const PAIR = new Exchange();

/**
 * What MEI and ANMR read of a checked matrix: its margins and total. The Excel face builds it in
 * the one pass that checks the cells (`readFlowSums`), without copying the matrix; `flowSumsOf`
 * builds it from a matrix.
 */
export class FlowSums {
  constructor(
    readonly n: number,
    /** O_i = Σ_{j≠i} M_ij */
    readonly outflows: readonly number[],
    /** D_i = Σ_{j≠i} M_ji */
    readonly inflows: readonly number[],
    /** Σ_{i≠j} M_ij, added region by region in row order */
    readonly total: Count,
  ) {}
}

/**
 * What connectivity reads of a checked matrix: its order and its count of non-zero flows
 * (diagonal excluded). The Excel face counts them in the one pass that checks the cells
 * (`readFlowCount`), adding up nothing: the sums were most of that pass on the first calls.
 */
export class FlowCount {
  constructor(
    readonly n: number,
    /** #{(i, j): i ≠ j, M_ij > 0} */
    readonly nonZero: number,
  ) {}
}

/** The sums of a matrix (the same `FlowSums` if it is one already): the same additions, in the same order, as `margins`. */
export function flowSumsOf(m: Matrix | Flows | FlowSums): FlowSums {
  if (m instanceof FlowSums) return m;
  const { n, rows } = flowsOf(m);
  const outflows = zeros(n);
  const inflows = zeros(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const out = addRow(rows[i], inflows);
    outflows[i] = out;
    total += out;
  }
  return new FlowSums(n, outflows, inflows, total);
}

/** The count of non-zero flows of a matrix (the same `FlowCount` if it is one already). */
export function flowCountOf(m: Matrix | Flows | FlowCount): FlowCount {
  if (m instanceof FlowCount) return m;
  const { n, rows } = flowsOf(m);
  let nonZero = 0;
  for (let i = 0; i < n; i++) nonZero += positives(rows[i]); // the diagonal is 0
  return new FlowCount(n, nonZero);
}

/**
 * Migration effectiveness index: Σi|Di − Oi| / Σi(Di + Oi), in [0, 1]. 0 = flows balance
 * everywhere (pure exchange); 1 = all movement redistributes population one way.
 * Definition and source: MIGRATION.MEI in ./definitions/matrix.ts.
 */
export function migrationEffectivenessIndex(m: Matrix | Flows | FlowSums): Rate {
  const { outflows, inflows, total } = flowSumsOf(m);
  return divide(netExchange(outflows, inflows).gap, 2 * total, "the total of all flows");
}

/**
 * Aggregate net migration rate: ½ Σi|Di − Oi| / Σi Pi. Equals crude migration intensity ×
 * MEI, as a fraction of the population. Definition and source: MIGRATION.ANMR in ./definitions/matrix.ts.
 */
export function aggregateNetMigrationRate(m: Matrix | Flows | FlowSums, populations: Vector): Rate {
  const { outflows, inflows } = flowSumsOf(m);
  if (populations.length !== outflows.length) {
    throw new MeasureError("invalid", `populations has ${populations.length} values but the matrix has ${outflows.length} regions`);
  }
  let population = 0;
  for (let i = 0; i < populations.length; i++) {
    const p = populations[i];
    // The common value, a finite count, without a call: the first calls run in the interpreter.
    population += p >= 0 && p !== Infinity ? p : count(p, "populations");
  }
  return divide(netExchange(outflows, inflows).gap / 2, population, "the total population");
}

/** Each region's inflow against its outflow. */
function netExchange(outflows: readonly number[], inflows: readonly number[]): Exchange {
  const e = new Exchange();
  for (let i = 0; i < outflows.length; i++) e.add(inflows[i], outflows[i]);
  return e;
}

/**
 * Connectivity: the share of the n(n − 1) possible off-diagonal flows that are non-zero.
 * Definition and source: MIGRATION.CONNECTIVITY in ./definitions/matrix.ts.
 */
export function connectivity(m: Matrix | Flows | FlowCount): Rate {
  const { n, nonZero } = flowCountOf(m);
  return divide(nonZero, n * (n - 1), "the number of off-diagonal cells");
}

function positives(row: readonly number[]): number {
  let k = 0;
  for (let j = 0; j < row.length; j++) if (row[j] > 0) k++;
  return k;
}

/**
 * Total flows Gini index: ΣΣ|Mij − Mkl| over all ordered pairs of off-diagonal cells,
 * ÷ (2 · D · ΣM), with D = n(n − 1) − 1 when corrected (Bell et al. 2002) or n(n − 1).
 * Definition and source: MIGRATION.GINI in ./definitions/matrix.ts.
 * The pairwise sum is computed by sorting: for ascending x_(1..N),
 * ΣΣ|x_a − x_b| = 2 Σk (2k − N − 1) x_(k), which is O(N log N) instead of O(N²) in cells.
 */
export function giniIndex(m: Matrix | Flows, corrected = true): Rate {
  const { n, rows } = flowsOf(m);
  const cells = new Float64Array(n * (n - 1)); // a typed array sorts numerically, natively
  let total = 0;
  for (let i = 0; i < n; i++) total = offDiagonal(rows[i], i, cells, total);
  cells.sort();
  const size = cells.length;
  const pairwiseSum = 2 * rankWeighted(cells);
  const d = corrected ? size - 1 : size;
  return divide(pairwiseSum, 2 * d * total, "the total of all flows");
}

/** Copies row i without its diagonal cell to row i of `to` (n − 1 wide); returns `sum` plus its cells. */
function offDiagonal(row: readonly number[], i: number, to: Float64Array, sum: number): number {
  let s = sum; // one running sum over the cells in reading order, as the definition adds them
  let k = i * (row.length - 1);
  for (let j = 0; j < row.length; j++) {
    if (j === i) continue;
    const v = row[j];
    to[k++] = v;
    s += v;
  }
  return s;
}

/** Σk (2k − N − 1) x_(k), k from 1, over ascending x. */
function rankWeighted(x: Float64Array): number {
  const size = x.length;
  let weighted = 0;
  for (let r = 0; r < size; r++) weighted += (2 * (r + 1) - size - 1) * x[r];
  return weighted;
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
export function regionSummary(m: Matrix | Flows): RegionSummary[] {
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
export function corridors(m: Matrix | Flows, top = Infinity): Corridor[] {
  return listCorridors(m, top, [], (origin, destination, flow, counterflow, net, reciprocity): Corridor => ({ origin, destination, flow, counterflow, net, reciprocity }));
}

/**
 * The corridors of `corridors`, in its order, each made by `make` from its fields and appended
 * to `into` (returned): a table of rows is built with no Corridor object in between, which for
 * 54,000 cells was half the time of MIGRATION.CORRIDORS (in garbage collection).
 */
export function listCorridors<T>(
  m: Matrix | Flows,
  top: number,
  into: T[],
  make: (origin: number, destination: number, flow: Count, counterflow: Count, net: number, reciprocity: Rate) => T,
): T[] {
  const { n, rows } = flowsOf(m);
  // Cells by flat index (i·n + j), so index order is the matrix order of the ties.
  const few = Number.isInteger(top) && top >= 0 && top <= FEW;
  const order = few ? largestCells(rows, top) : positiveCellsByFlow(rows);
  const end = Math.min(order.length, top);
  // Sized once: grown by push, the list of 54,000 rows was copied a dozen times as it grew.
  const base = into.length;
  into.length = base + end;
  for (let k = 0; k < end; k++) {
    const at = order[k];
    // Whole numbers throughout (no fractional at / n), which unoptimised code keeps unboxed.
    const destination = at % n;
    const origin = (at - destination) / n;
    const f = rows[origin][destination];
    const c = rows[destination][origin];
    into[base + k] = make(origin, destination, f, c, f - c, pairReciprocity(f, c));
  }
  return into;
}

/** Up to this many corridors are picked in one pass over the cells rather than by sorting them all. */
const FEW = 64;

/** The `top` largest positive cells, largest first, ties in index order: one pass, no sort. */
function largestCells(rows: readonly (readonly number[])[], top: number): number[] {
  const n = rows.length;
  const best: number[] = [];
  const flow: number[] = []; // best's flows
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (!(v > 0)) continue; // the diagonal is 0
      if (best.length === top) {
        if (!(v > flow[top - 1])) continue; // a tie comes later in index order: it stays out
        best.pop();
        flow.pop();
      }
      let p = best.length;
      while (p > 0 && flow[p - 1] < v) p--;
      best.splice(p, 0, i * n + j);
      flow.splice(p, 0, v);
    }
  }
  return best;
}

/**
 * Every positive cell, largest first, ties in index order, without a comparator (a comparator
 * sort of the indices was most of MIGRATION.CORRIDORS' time: 190–250 ms for 54,000 cells).
 * Whole flows, the usual case, are sorted as one exact key each, flow · count + (count − 1 − p)
 * for the p-th cell in index order, by the typed array's native sort; the key's remainder gives
 * the cell back. Other flows (fractions, or keys past 2^53) are sorted as numbers and each cell
 * placed at the next free slot of its flow's run, found by binary search. Both are exact.
 */
function positiveCellsByFlow(rows: readonly (readonly number[])[]): Uint32Array {
  const n = rows.length;
  const tally = [0, 0, 1]; // positive cells, the largest flow, 1 while every flow is whole
  for (let i = 0; i < n; i++) tallyRow(rows[i], tally);
  const [count, most, whole] = tally;
  const cells = new Uint32Array(count); // flat indices, in index order
  const order = new Uint32Array(count);
  const largestKey = most * count + (count - 1);
  if (whole === 1 && largestKey <= Number.MAX_SAFE_INTEGER) {
    // 32-bit keys where they fit: read back, they are small integers, not a fresh heap number
    // each as a Float64Array's are in a call's first, unoptimised runs.
    const keys = largestKey <= 0xffffffff ? new Uint32Array(count) : new Float64Array(count);
    for (let i = 0, p = 0; i < n; i++) p = copyKeys(rows[i], i * n, cells, keys, p);
    keys.sort(); // ascending, numerically
    for (let q = 0; q < count; q++) order[q] = cells[count - 1 - (keys[count - 1 - q] % count)];
    return order;
  }
  const flows = new Float64Array(count);
  for (let i = 0, p = 0; i < n; i++) p = copyPositives(rows[i], i * n, cells, flows, p);
  flows.sort();
  // used[e]: how many cells of the run of flows ending at flows[e] are placed so far.
  const used = new Uint32Array(count);
  for (let i = 0; i < n; i++) placeRow(rows[i], i * n, flows, used, order);
  return order;
}

/** Adds a row's positive cells to `tally`: their number, the largest flow, and 0 if a flow is not whole. */
function tallyRow(row: readonly number[], tally: number[]): void {
  let k = 0;
  let most = tally[1];
  let whole = tally[2];
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v > 0) {
      k++;
      if (v > most) most = v;
      if (v % 1 !== 0) whole = 0;
    }
  }
  tally[0] += k;
  tally[1] = most;
  tally[2] = whole;
}

/** A row's positive cells from position `at` on: their flat indices, and each whole flow's key flow · count + (count − 1 − p). */
function copyKeys(row: readonly number[], base: number, cells: Uint32Array, keys: Uint32Array | Float64Array, at: number): number {
  const count = keys.length;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v > 0) {
      cells[at] = base + j;
      keys[at] = v * count + (count - 1 - at);
      at++;
    }
  }
  return at;
}

/** Copies a row's positive cells (flat indices from `base`) and their flows from `at`; returns the next free position. */
function copyPositives(row: readonly number[], base: number, cells: Uint32Array, flows: Float64Array, at: number): number {
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (v > 0) {
      cells[at] = base + j;
      flows[at++] = v;
    }
  }
  return at;
}

/**
 * Places a row's positive cells (flat indices from `base`) in `order`, largest flow first: a
 * flow whose run in the ascending `sorted` ends before position e takes the slots from
 * count − e on, in index order.
 */
function placeRow(row: readonly number[], base: number, sorted: Float64Array, used: Uint32Array, order: Uint32Array): void {
  const count = sorted.length;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (!(v > 0)) continue;
    // e = the first position whose flow is greater than v (the run's end).
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] > v) hi = mid;
      else lo = mid + 1;
    }
    order[count - lo + used[lo - 1]++] = base + j;
  }
}
