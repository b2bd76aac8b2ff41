import { count } from "./guards";
import { Flows } from "./matrix";
import { Matrix, MeasureError, Vector } from "./types";

/**
 * Estimating flows: fitting a flow table to known totals, and bilateral flows from two
 * tables of migrant stocks. Most countries publish stocks (people born in A living in B),
 * not flows; these are the standard ways from one to the other.
 */

/** What `ipf` returns: the fitted table, the iterations it took and the residual it reached. */
export interface IpfResult {
  /** The fitted table, the shape of the seed; a zero in the seed is a zero here. */
  readonly matrix: number[][];
  /** Full iterations (a row-scaling pass and a column-scaling pass each) until convergence. */
  readonly iterations: number;
  /** max over all row and column totals of |fitted − requested|, ÷ the grand total; ≤ tolerance. */
  readonly residual: number;
}

/**
 * A seed already checked (every cell a count) and copied, with its row and column sums, built
 * in one pass by the Excel face's reader so that `ipf` checks and sums nothing again. `ipf`
 * scales its rows in place: they become the fitted table, so a `SeedTable` serves one fit.
 */
export class SeedTable {
  constructor(
    readonly rows: number[][],
    readonly rowSums: Float64Array,
    readonly colSums: Float64Array,
  ) {}
}

/** The most iterations `ipf` accepts: a bound on the work one call can do, whatever it is given. */
export const IPF_MAX_ITERATIONS = 100_000;

/**
 * Iterative proportional fitting (the Deming–Stephan algorithm, also "RAS" or biproportional
 * fitting): scales the rows of the seed to the row totals, then its columns to the column
 * totals, and repeats until both margins match. The limit is the table closest to the seed
 * (minimum information / Kullback–Leibler divergence) with those margins: the maximum
 * likelihood estimate of the log-linear model log y_ij = log a_i + log b_j + log seed_ij, so
 * fitted_ij = a_i · b_j · seed_ij. A zero in the seed (a structural zero, e.g. the diagonal of
 * a flow table without stayers) stays zero, and the fit is invariant to scaling the seed.
 *
 * Convergence is checked on the margins after each iteration: the residual is the largest
 * |fitted total − requested total| over rows and columns, relative to the grand total, and the
 * fit stops when it is ≤ `tolerance`. When the row and column totals sum to grand totals that
 * differ by no more than the tolerance (rounding), both are scaled to the mean of the two sums
 * first so that a fit exists.
 *
 * Errors (all `outOfDomain`): a negative or non-finite seed cell or total; totals whose sums
 * differ beyond the tolerance (the message gives both sums); a seed row or column of zeros
 * whose total is positive (no scaling can reach it; the message names it); no convergence
 * within `maxIterations` (the message gives the residual reached; zeros in the seed can make
 * the totals unreachable even when no row or column is all zeros). A seed or totals of the
 * wrong shape are `invalid`.
 *
 * Definition and sources: MIGRATION.IPF in ./definitions/estimation.ts (Bishop, Fienberg &
 * Holland 1975, ch. 3, for convergence, uniqueness and structural zeros). The R package migest
 * (Abel), ipf2, does the same.
 */
export function ipf(seed: Matrix | SeedTable, rowTotals: Vector, colTotals: Vector, maxIterations = 1000, tolerance = 1e-10): IpfResult {
  const table = seed instanceof SeedTable ? seed.rows : seed;
  const rows = table.length;
  if (rows === 0 || table[0].length === 0) throw new MeasureError("invalid", "the seed is empty");
  const cols = table[0].length;
  for (let i = 1; i < rows; i++) {
    if (table[i].length !== cols) throw new MeasureError("invalid", `the seed is not rectangular (row 1 has ${cols} columns, row ${i + 1} has ${table[i].length})`);
  }
  if (rowTotals.length !== rows) throw new MeasureError("invalid", `row_totals has ${rowTotals.length} values but the seed has ${rows} rows`);
  if (colTotals.length !== cols) throw new MeasureError("invalid", `col_totals has ${colTotals.length} values but the seed has ${cols} columns`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1 && maxIterations <= IPF_MAX_ITERATIONS)) {
    throw new MeasureError("outOfDomain", `max_iterations must be a whole number from 1 to 100,000 (got ${maxIterations})`);
  }
  if (!(tolerance > 0 && tolerance < 1)) throw new MeasureError("outOfDomain", `tolerance must be greater than 0 and less than 1 (got ${tolerance})`);

  // The seed, row by row, with its row and column sums. Rows of plain arrays: one Float64Array
  // of the whole table, allocated outside V8's young generation, cost more than the fit.
  const { rows: x, rowSums: seedRowSum, colSums: seedColSum } = seed instanceof SeedTable ? seed : seedTableOf(seed);

  const r = new Float64Array(rows);
  const c = new Float64Array(cols);
  let rowGrand = 0;
  let colGrand = 0;
  for (let i = 0; i < rows; i++) rowGrand += r[i] = count(rowTotals[i], `row total ${i + 1}`);
  for (let j = 0; j < cols; j++) colGrand += c[j] = count(colTotals[j], `column total ${j + 1}`);
  if (!Number.isFinite(rowGrand) || !Number.isFinite(colGrand)) throw new MeasureError("outOfDomain", "the totals are too large to add up");
  const grand = (rowGrand + colGrand) / 2;
  if (Math.abs(rowGrand - colGrand) > tolerance * Math.max(rowGrand, colGrand)) {
    throw new MeasureError("outOfDomain", `the row totals sum to ${show(rowGrand)} but the column totals sum to ${show(colGrand)}: they must have the same grand total`);
  }
  for (let i = 0; i < rows; i++) {
    if (seedRowSum[i] === 0 && r[i] > 0) throw new MeasureError("outOfDomain", `seed row ${i + 1} is all zeros but its total is ${show(r[i])}: no scaling of the seed can reach it`);
  }
  for (let j = 0; j < cols; j++) {
    if (seedColSum[j] === 0 && c[j] > 0) throw new MeasureError("outOfDomain", `seed column ${j + 1} is all zeros but its total is ${show(c[j])}: no scaling of the seed can reach it`);
  }
  if (grand === 0) return { matrix: Array.from({ length: rows }, () => new Array<number>(cols).fill(0)), iterations: 0, residual: 0 };
  if (rowGrand !== colGrand) {
    // Within the tolerance: meet in the middle, so that the margins are consistent.
    const fr = grand / rowGrand;
    const fc = grand / colGrand;
    for (let i = 0; i < rows; i++) r[i] *= fr;
    for (let j = 0; j < cols; j++) c[j] *= fc;
  }

  // Each iteration is two sweeps over the table. The row pass scales row i by r_i / (its sum)
  // and adds the scaled row into the column sums; the column pass scales every cell by
  // c_j / (column sum) and adds the scaled row into its row sum, which is both the
  // convergence check (columns are exact after the column pass, rows may not be) and the
  // next row pass's sum.
  const rowSum = seedRowSum;
  const colSum = new Float64Array(cols);
  const colFactor = new Float64Array(cols);
  const limit = tolerance * grand;
  let deviation = Infinity;
  for (let it = 1; it <= maxIterations; it++) {
    colSum.fill(0);
    for (let i = 0; i < rows; i++) {
      const s = rowSum[i];
      scaleRow(x[i], s > 0 ? r[i] / s : 0, colSum); // a row that is all zeros stays zero
    }
    // Columns are exact after their pass, except one left all zeros while its total is positive.
    let colDeviation = 0;
    for (let j = 0; j < cols; j++) {
      const s = colSum[j];
      if (s === Infinity || s !== s) throw overflow();
      colFactor[j] = s > 0 ? c[j] / s : 0;
      if (!(s > 0) && c[j] > colDeviation) colDeviation = c[j];
    }
    deviation = colDeviation;
    let fitted = 0; // the fitted grand total: Infinity or NaN if any cell overflowed
    for (let i = 0; i < rows; i++) {
      const s = scaleColumns(x[i], colFactor);
      rowSum[i] = s;
      fitted += s;
      const d = Math.abs(s - r[i]);
      if (d > deviation) deviation = d;
    }
    if (!Number.isFinite(fitted)) throw overflow();
    if (deviation <= limit) return { matrix: x, iterations: it, residual: deviation / grand };
  }
  throw new MeasureError(
    "outOfDomain",
    `the fit did not converge within ${maxIterations} iterations: a total is still off by ${showSmall(deviation / grand)} of the grand total (tolerance ${showSmall(tolerance)}); ` +
      "the zeros in the seed may make these totals unreachable, or more iterations may be needed",
  );
}

/*
 * The loops over cells are functions of a row each: V8 optimises a small function called once
 * per row within the first call, whereas a loop compiled while it runs (on-stack replacement)
 * inside a long function was thrown away at that function's end, call after call.
 */

/** A rectangular seed checked and copied, with its sums (what the Excel face's reader builds). */
function seedTableOf(seed: Matrix): SeedTable {
  const rows = seed.length;
  const x: number[][] = new Array(rows);
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(seed[0].length);
  for (let i = 0; i < rows; i++) rowSums[i] = copySeedRow(seed[i], i, x, colSums);
  return new SeedTable(x, rowSums, colSums);
}

/** Seed row i into `x` (row-major), adding it into the column sums; returns the row's sum. */
function copySeedRow(row: readonly number[], i: number, x: number[][], colSum: Float64Array): number {
  const cols = colSum.length;
  // Doubles from the start, as the fit writes: a row of small integers changed kind in the
  // fit's first pass, which threw away the fit's optimised code in the first call.
  const out = new Array<number>(cols).fill(0.5);
  let s = 0;
  for (let j = 0; j < cols; j++) {
    let v = row[j];
    if (!(v >= 0 && v !== Infinity)) v = count(v, `seed (row ${i + 1}, column ${j + 1})`); // throws
    out[j] = v;
    s += v;
    colSum[j] += v;
  }
  x[i] = out;
  return s;
}

/** Scales one row by f, adding the scaled cells into the column sums. */
function scaleRow(row: number[], f: number, colSum: Float64Array): void {
  for (let j = 0; j < row.length; j++) {
    const v = row[j] * f;
    row[j] = v;
    colSum[j] += v;
  }
}

/** Scales each cell of one row by its column's factor; returns the row's new sum. */
function scaleColumns(row: number[], colFactor: Float64Array): number {
  let s = 0;
  for (let j = 0; j < row.length; j++) {
    const v = row[j] * colFactor[j];
    row[j] = v;
    s += v;
  }
  return s;
}

function overflow(): MeasureError {
  return new MeasureError("outOfDomain", "the fit overflows: the seed's numbers are too small or too large for these totals");
}

/** A number for a message: up to 15 significant digits, so 0.1 + 0.2 reads 0.3 but 38.0000001 stays. */
function show(x: number): string {
  return String(Number(x.toPrecision(15)));
}

/** A relative quantity for a message, 3 significant digits: 0.16667 → "0.167", 3.2e-7 → "3.2e-7". */
function showSmall(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** How `flowsFromStocks` treats a stock that fell over the period. */
export type StockDecrease = "zero" | "return";

/**
 * Bilateral flows over a period from two tables of migrant stocks, by stock differencing.
 * In both tables row b is the place of birth and column j the place of residence, so S_bj is
 * the number of people born in b living in j; the diagonal (people living where they were
 * born) is ignored. With Δ_bj = end_bj − start_bj for b ≠ j, the result F is an origin ×
 * destination flow table (rows = origins, columns = destinations) with a zero diagonal:
 *
 * - `"zero"`: F_ij = max(0, Δ_ij). A rise in the stock of people born in i living in j is a
 *   flow from i to j; a fall is ignored (set to zero).
 * - `"return"`: F_ij = max(0, Δ_ij) + max(0, −Δ_ji). A fall in the stock of people born in j
 *   living in i is also counted, as a return flow from i back to j (their place of birth).
 *
 * So "return" flows are never below "zero" flows, and a period with no change gives no flows.
 * Both ignore deaths, births and onward moves between third countries, which is what the
 * model-based estimates of Abel (2013) and Abel & Sander (2014) account for; stock
 * differencing is the simple baseline they are compared with. The same two rules are the
 * `decrease = "zero"` and `decrease = "return"` options of ffs_diff in the R package migest
 * (Abel), following Bertoli & Fernández-Huertas Moraga (2015) and Beine & Parsons (2015).
 *
 * Definition and sources: MIGRATION.FLOWSFROMSTOCKS in ./definitions/estimation.ts.
 *
 * Errors: tables that are empty, not square or of different sizes → `invalid`; a negative or
 * non-finite stock off the diagonal → `outOfDomain`.
 */
export function flowsFromStocks(start: Matrix | Flows | Stocks, end: Matrix | Flows | Stocks, method: StockDecrease = "zero"): number[][] {
  if (method !== "zero" && method !== "return") throw new MeasureError("invalid", `method must be "zero" or "return" (got ${JSON.stringify(method)})`);
  const s0 = stocksOf(start, "the start stocks");
  const s1 = stocksOf(end, "the end stocks");
  const n = s0.n;
  if (n !== s1.n) throw new MeasureError("invalid", `the stock tables differ in shape: the start stocks are ${n}×${n}, the end stocks ${s1.n}×${s1.n} (they must list the same places in the same order)`);
  const flows = flowsOfCells(s0.rows, s1.rows, method);
  if (flows === undefined) throw new Error("a checked table of stocks holds a cell that is not a count");
  return flows;
}

/**
 * `flowsFromStocks` straight from two square tables of cells of the same order, as a host hands
 * them over: each cell off the diagonal is checked as it is used, and at the first that is not a
 * count (a number ≥ 0, finite) the result is undefined, for the caller to read the tables in full
 * and name that cell. One pass over the two tables, where checking them first took two more.
 */
export function flowsFromCountCells(start: CellTable, end: CellTable, method: StockDecrease): number[][] | undefined {
  return start.length === end.length ? flowsOfCells(start, end, method) : undefined;
}

/** A square table of cells whose values are not yet known to be numbers. */
type CellTable = readonly (readonly unknown[])[];

function flowsOfCells(start: CellTable, end: CellTable, method: StockDecrease): number[][] | undefined {
  const n = start.length;
  const flows: number[][] = new Array(n);
  if (method === "zero") {
    for (let i = 0; i < n; i++) {
      const row = stockRises(start[i], end[i], i);
      if (row === undefined) return undefined;
      flows[i] = row;
    }
    return flows;
  }
  for (let i = 0; i < n; i++) flows[i] = new Array<number>(n).fill(0);
  for (let b = 0; b < n; b++) if (!addChanges(start[b], end[b], b, flows)) return undefined;
  return flows;
}

/**
 * The "return" flows of the people born in b, added into `flows`: a rise in j is a flow b → j,
 * a fall a return j → b. A function of one place of birth, as `stockRises` is of one row, so
 * that it is optimised within the first call. False at a cell that is not a count.
 */
function addChanges(born0: readonly unknown[], born1: readonly unknown[], b: number, flows: number[][]): boolean {
  const out = flows[b];
  for (let j = 0; j < born0.length; j++) {
    if (j === b) continue; // a place of birth's own cell (the diagonal) is not read
    const s = born0[j];
    const e = born1[j];
    // A count, written out: with a helper called per cell, the second call at 50 × 50 took
    // 1.8–3.1 ms against 0.11–0.29 ms.
    if (!(typeof s === "number" && s >= 0 && s !== Infinity && typeof e === "number" && e >= 0 && e !== Infinity)) return false;
    const d = e - s;
    if (d > 0) out[j] += d;
    else if (d < 0) flows[j][b] -= d; // born in b, fewer living in j: a return j → b
  }
  return true;
}

/**
 * Row i of the "zero" flows, max(0, Δ_ij), each cell written once, in order, and the diagonal
 * (whatever the stocks hold there) 0; undefined at a cell off the diagonal that is not a count.
 * A small function called n times is optimised after a few rows, where a whole-table loop runs
 * at interpreter speed on the first calls. (The "return" flows are one pass over the table too,
 * `addChanges`: split in two passes, or reading Δ_ji down a column, they took 2–3 times as long
 * warm.)
 */
function stockRises(start: readonly unknown[], end: readonly unknown[], i: number): number[] | undefined {
  const n = start.length;
  const out = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const s = start[j];
    const e = end[j];
    // A count, written out: with a helper called per cell, the second call at 50 × 50 took
    // 1.8–3.1 ms against 0.11–0.29 ms.
    if (typeof s === "number" && s >= 0 && s !== Infinity && typeof e === "number" && e >= 0 && e !== Infinity) {
      const d = e - s;
      out[j] = d > 0 ? d : 0;
    } else if (j !== i) return undefined;
  }
  out[i] = 0;
  return out;
}

/**
 * A square table of stocks (rows = place of birth, columns = place of residence) whose cells
 * off the diagonal are counts. The diagonal (people living where they were born) is not read,
 * so it may hold any number. The rows may be the caller's own arrays, read in place and never
 * written: checking a table of stocks copies nothing.
 */
export class Stocks {
  constructor(
    readonly n: number,
    readonly rows: readonly (readonly number[])[],
  ) {}
}

/**
 * A table of stocks checked with the stock tables' own messages (the same `Stocks` if it is
 * one already; `Flows` are stocks with a zero diagonal). Checked in place, row by row, so the
 * first problem in reading order is the one reported.
 */
function stocksOf(m: Matrix | Flows | Stocks, name: string): Stocks {
  if (m instanceof Stocks) return m;
  if (m instanceof Flows) return new Stocks(m.n, m.rows);
  const n = m.length;
  if (n === 0) throw new MeasureError("invalid", `${name} table is empty`);
  for (let b = 0; b < n; b++) {
    const row = m[b];
    if (row.length !== n) throw new MeasureError("invalid", `${name} table must be square, place of birth × place of residence (it has ${n} rows but row ${b + 1} has ${row.length} columns)`);
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (j !== b && !(v >= 0 && v !== Infinity)) count(v, `${name}: born in ${b + 1}, living in ${j + 1}`);
    }
  }
  return new Stocks(n, m);
}
