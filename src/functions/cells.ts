import { hostCellKind, isBlankCell } from "../cells/kind";
import { count } from "../indicators/guards";
import { Label } from "../indicators/longformat";
import { FlowCount, Flows, FlowSums, zeros } from "../indicators/matrix";
import { SeedTable, Stocks } from "../indicators/estimation";
import { quoteText } from "../indicators/quote";
import { MeasureError } from "../indicators/types";

/**
 * Reading what Excel passes. A range parameter declared `any[][]` arrives as a 2-D array of
 * numbers, strings, booleans, `null` (blank; some builds pass "") and, where the caller lets
 * them through, error objects. A scalar `any` parameter arrives as one such value, and an
 * omitted optional one as `null` or `undefined`.
 *
 * A cell is classified as the report engine classifies it (src/cells/kind.ts: blank, spaces,
 * number stored as text, TRUE/FALSE, an error value…), so a cell means the same to both. The
 * readers test the common cell, a number, inline (one `typeof`) and classify only the others.
 */

/** One cell's value as Excel hands it over. */
export type CellValue = number | string | boolean | null | undefined | CustomFunctions.Error;
/** A rectangular block of cells, rows first. */
export type Grid = CellValue[][];
/** One cell of a spilled result. */
export type ResultCell = number | string | CustomFunctions.Error;

/** Blank as the report engine reads it (cellKind "blank"): null, undefined or "". A cell of spaces is text. */
export const isBlank = isBlankCell;

/** " (row 2, column 1)" for a cell of a larger range; nothing for a single cell. */
export function cellName(arg: string, r: number, c: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return arg;
  if (cols === 1) return `${arg} (row ${r + 1})`;
  if (rows === 1) return `${arg} (column ${c + 1})`;
  return `${arg} (row ${r + 1}, column ${c + 1})`;
}

/**
 * A cell that must hold a number: blanks are missing (#N/A), text and TRUE/FALSE are not
 * numbers (#VALUE!), an error in the cell is passed on as it is. NaN and ±Infinity pass
 * through to the measure, whose domain check rejects them (#NUM!).
 */
export function readNumber(v: unknown, where: string): number {
  if (typeof v === "number") return v;
  throw notANumber(v, where);
}

/**
 * Why a cell that is not a number cannot be read as one, by its kind: blank is missing (#N/A);
 * text of any kind — spaces, a number stored as text ("12,610"), a missing-value marker ("..")
 * — and TRUE/FALSE are not numbers (#VALUE!), as in the report engine (numberIn); an error value
 * is passed on as it is.
 */
export function notANumber(v: unknown, where: string): MeasureError | CustomFunctions.Error {
  const kind = hostCellKind(v);
  switch (kind) {
    case "blank":
      return new MeasureError("missing", `${where} is blank`);
    case "spaces":
    case "numberText":
    case "missingMarker":
    case "text":
    case "boolean":
      return new MeasureError("invalid", `${where} is ${shownCell(v as string | boolean)}, not a number`);
    case "error":
      return v instanceof CustomFunctions.Error ? v : new MeasureError("invalid", `${where} is not a number`);
    case "number":
    case "notFinite":
      throw new Error(`a number (${String(v)}) was read as ${kind}`); // not reached: readNumber returns numbers
  }
}

/**
 * A header's cell: text of words (cellKind "text"), not a number stored as text ("12,610"), a
 * missing-value marker ("..") or spaces, which are data a list's first row may hold.
 */
export function isHeaderText(v: unknown): v is string {
  return hostCellKind(v) === "text";
}

/** A text or TRUE/FALSE cell as a message shows it: `text ("…")` (shortened), or TRUE / FALSE. */
export function shownCell(v: string | boolean): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : `text (${quoteText(v)})`;
}

/** An optional scalar number: blank or omitted gives the default. */
export function readOptionalNumber(v: unknown, arg: string, fallback: number): number {
  const cell = firstCellOf(v, arg);
  return isBlank(cell) ? fallback : readNumber(cell, arg);
}

/** An optional TRUE/FALSE (1 and 0 accepted too): blank or omitted gives the default. */
export function readOptionalBoolean(v: unknown, arg: string, fallback: boolean): boolean {
  const cell = firstCellOf(v, arg);
  switch (hostCellKind(cell)) {
    case "blank":
      return fallback;
    case "boolean":
      return cell as boolean;
    case "error":
      if (cell instanceof CustomFunctions.Error) throw cell;
      break;
    default:
      if (cell === 1 || cell === 0) return cell === 1;
  }
  throw new MeasureError("invalid", `${arg} must be TRUE or FALSE`);
}

/** A scalar parameter may still be given a 1×1 range; a larger one is an error. */
function firstCellOf(v: unknown, arg: string): unknown {
  if (!Array.isArray(v)) return v;
  const grid = readGrid(v, arg);
  if (grid.length !== 1 || grid[0].length !== 1) throw new MeasureError("invalid", `${arg} must be a single value, not a ${grid.length}×${grid[0].length} range`);
  return grid[0][0];
}

/**
 * A range argument as a rectangular, non-empty grid. A scalar (a constant typed into the
 * formula) is a 1×1 grid.
 */
export function readGrid(v: unknown, arg: string): Grid {
  if (!Array.isArray(v)) return [[v as CellValue]];
  if (v.length === 0 || !Array.isArray(v[0]) || v[0].length === 0) throw new MeasureError("invalid", `${arg} is empty`);
  const cols = v[0].length;
  for (let r = 0; r < v.length; r++) {
    if (!Array.isArray(v[r]) || v[r].length !== cols) throw new MeasureError("invalid", `${arg} is not a rectangular range`);
  }
  return v as Grid;
}

/**
 * An origin × destination matrix: square; a blank means no recorded flow (0); the diagonal
 * is ignored whatever it holds; every other cell a count. `shape` names what the square is
 * in the message when it is not (e.g. a place of birth × place of residence table of stocks).
 */
export function readMatrix(v: unknown, arg: string, shape = "origin × destination matrix"): Flows {
  const grid = readGrid(v, arg);
  const n = squareOrder(grid, arg, shape);
  // Checked once, into the measures' form (so they check nothing again). A row that already is
  // that form, counts with a 0 on the diagonal (the usual matrix), is used in place and never
  // written; any other is copied, its blanks and diagonal made 0. A 233 × 233 copy was a third
  // of a megabyte of fresh memory per call.
  return new Flows(n, checkedRows(grid, arg, n, true));
}

/**
 * A square table of stocks (place of birth × place of residence), checked as `readMatrix` checks
 * a matrix (the same cells accepted, the same first bad cell reported) but not copied: a row of
 * numbers only is used in place (its diagonal, whatever number it holds, is not read); a row
 * with a blank, or with anything but a number on its diagonal, is copied as `readMatrix` copies
 * it. Copying both tables was most of the first calls' time on a large table.
 */
export function readStocks(v: unknown, arg: string, shape: string): Stocks {
  const grid = readGrid(v, arg);
  const n = squareOrder(grid, arg, shape);
  return new Stocks(n, checkedRows(grid, arg, n, false));
}

/**
 * The rows of a square grid checked as counts off the diagonal: a row of numbers only (with +0
 * on its diagonal when `zeroDiagonal`) is the caller's own array, any other a copy whose blanks
 * and diagonal are 0.
 */
function checkedRows(grid: Grid, arg: string, n: number, zeroDiagonal: boolean): (readonly number[])[] {
  const rows: (readonly number[])[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const src = grid[i];
    rows[i] = isCountRow(src, i, n) && (!zeroDiagonal || Object.is(src[i], 0)) ? (src as number[]) : readFlowRow(src, arg, i, n);
  }
  return rows;
}

/** Row i holds numbers only, counts off the diagonal. */
function isCountRow(src: CellValue[], i: number, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const v = src[j];
    if (!(typeof v === "number" && ((v >= 0 && v !== Infinity) || j === i))) return false;
  }
  return true;
}

/** The order n of a square grid; a message naming `shape` when it is not square. */
function squareOrder(grid: Grid, arg: string, shape: string): number {
  const n = grid.length;
  if (grid[0].length !== n) {
    throw new MeasureError("invalid", `${arg} must be a square ${shape}; it is ${n}×${grid[0].length} (select the numbers only, without labels)`);
  }
  return n;
}

/**
 * An origin × destination matrix read as `readMatrix` reads it (the same cells accepted, the
 * same first bad cell reported) but kept only as its sums: for the measures that need no more
 * (MEI, ANMR), one pass over the cells and no copy of them.
 */
export function readFlowSums(v: unknown, arg: string): FlowSums {
  const grid = readGrid(v, arg);
  const n = squareOrder(grid, arg, "origin × destination matrix");
  const outflows = zeros(n);
  const inflows = zeros(n);
  const sums = [0, 0];
  let i = 0;
  for (; i + 1 < n; i += 2) sumFlowRows(grid[i], grid[i + 1], arg, i, n, outflows, inflows, sums);
  if (i < n) outflows[i] = finishRow(grid[i], arg, i, n, 0, 0, inflows);
  let total = 0;
  for (let i = 0; i < n; i++) total += outflows[i]; // region by region, as `margins` adds them
  return new FlowSums(n, outflows, inflows, total);
}

/**
 * An origin × destination matrix read as `readMatrix` reads it (the same cells accepted, the
 * same first bad cell reported) but kept only as its count of non-zero flows, for connectivity.
 */
export function readFlowCount(v: unknown, arg: string): FlowCount {
  const grid = readGrid(v, arg);
  const n = squareOrder(grid, arg, "origin × destination matrix");
  let nonZero = 0;
  for (let i = 0; i < n; i++) nonZero += countFlowRow(grid[i], arg, i, n);
  return new FlowCount(n, nonZero);
}

/** Row i's count of non-zero flows; its cells checked, the diagonal skipped (counted either side of it) whatever it holds. */
function countFlowRow(src: CellValue[], arg: string, i: number, n: number): number {
  return countCells(src, arg, i, n, 0, i) + countCells(src, arg, i, n, i + 1, n);
}

/** The non-zero flows among cells `from` … `to` − 1 of row i, each checked with as few tests as a count allows. */
function countCells(src: CellValue[], arg: string, i: number, n: number, from: number, to: number): number {
  let nonZero = 0;
  for (let j = from; j < to; j++) {
    const v = src[j];
    if (typeof v === "number" && v > 0) {
      if (v === Infinity) readCount(v, arg, i, j, n, n);
      nonZero++;
    } else if (!(v === 0) && readCount(v, arg, i, j, n, n) > 0) nonZero++;
  }
  return nonZero;
}

/**
 * Rows i and i + 1 of a matrix into the sums (`sums` is scratch space for their two running
 * sums), two rows at a time: each column's inflow is then read and written once for both,
 * which takes a quarter off the first calls, run unoptimised. The cells are added in the order
 * `margins` adds them (each row left to right, row i's cell into a column before row i + 1's).
 * At the first cell that is not simply a number ≥ 0, each row is finished on its own, row i
 * first, so that the first bad cell in reading order is the one named.
 */
function sumFlowRows(a: CellValue[], b: CellValue[], arg: string, i: number, n: number, outflows: number[], inflows: number[], sums: number[]): void {
  sums[0] = 0;
  sums[1] = 0;
  let j = addPairs(a, b, 0, i, sums, inflows);
  if (j === i) {
    // Column i is row i's diagonal, column i + 1 row i + 1's: of these two, one cell each.
    const x = a[i + 1];
    const y = b[i];
    if (typeof x === "number" && x >= 0 && typeof y === "number" && y >= 0) {
      sums[0] += x;
      sums[1] += y;
      inflows[i] += y;
      inflows[i + 1] += x;
      j = addPairs(a, b, i + 2, n, sums, inflows);
    }
  }
  outflows[i] = finishRow(a, arg, i, n, j, sums[0], inflows);
  outflows[i + 1] = finishRow(b, arg, i + 1, n, j, sums[1], inflows);
}

/**
 * Adds cells `from` … `to` − 1 of two rows into their sums and into `inflows`, while both are
 * numbers ≥ 0 (an infinite one is found by its row's sum); returns the column it stopped at.
 */
function addPairs(a: CellValue[], b: CellValue[], from: number, to: number, sums: number[], inflows: number[]): number {
  let sa = sums[0];
  let sb = sums[1];
  let j = from;
  for (; j < to; j++) {
    const x = a[j];
    const y = b[j];
    if (!(typeof x === "number" && x >= 0 && typeof y === "number" && y >= 0)) break;
    sa += x;
    sb += y;
    inflows[j] = inflows[j] + x + y;
  }
  sums[0] = sa;
  sums[1] = sb;
  return j;
}

/**
 * Row i of a matrix from column `from` on, added to `sum` and into `inflows`, the diagonal
 * skipped whatever it holds (by adding the cells on either side of it); returns the row's sum,
 * after rejecting an infinite cell, if the sum is infinite.
 */
function finishRow(src: CellValue[], arg: string, i: number, n: number, from: number, sum: number, inflows: number[]): number {
  const out = addCells(src, arg, i, n, Math.max(from, i + 1), n, addCells(src, arg, i, n, from, i, sum, inflows), inflows);
  if (out === Infinity) rejectInfinity(src, arg, i, n, n);
  return out;
}

/**
 * Adds cells `from` … `to` − 1 of row i to `sum` and into `inflows`. A number ≥ 0 is taken as it
 * is: an infinite one makes the sum infinite, and is then found and rejected, before any later
 * bad cell of its row so that the first bad cell is the one named.
 */
function addCells(src: CellValue[], arg: string, i: number, n: number, from: number, to: number, sum: number, inflows: number[]): number {
  let out = sum;
  for (let j = from; j < to; j++) {
    let v = src[j];
    if (!(typeof v === "number" && v >= 0)) {
      if (out === Infinity) rejectInfinity(src, arg, i, n, j);
      v = readCount(v, arg, i, j, n, n);
    }
    out += v;
    inflows[j] += v;
  }
  return out;
}

/** Rejects the first infinite cell of row i before column `end` (the diagonal skipped), if any: a sum can also overflow. */
function rejectInfinity(src: CellValue[], arg: string, i: number, n: number, end: number): void {
  for (let j = 0; j < end; j++) if (j !== i && src[j] === Infinity) readCount(src[j], arg, i, j, n, n);
}

/**
 * Row i of a matrix. A function of its own so that V8 optimises it after a few calls, with
 * the feedback of whole rows: a loop compiled while it runs (on-stack replacement) was thrown
 * away at every call's end, keeping a 233 × 233 matrix at interpreter speed.
 */
function readFlowRow(src: CellValue[], arg: string, i: number, n: number): number[] {
  const row = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const cell = src[j];
    row[j] = typeof cell === "number" && cell >= 0 && cell !== Infinity ? cell : j === i ? 0 : readCount(cell, arg, i, j, n, n);
  }
  row[i] = 0; // the diagonal is ignored whatever it holds
  return row;
}

/**
 * A cell of a table of counts that is not simply a count: a blank is 0; anything else is
 * read and checked with the cell named in the message, built here, only for such a cell.
 */
function readCount(cell: CellValue, arg: string, i: number, j: number, rows: number, cols: number): number {
  if (isBlank(cell)) return 0;
  const where = cellName(arg, i, j, rows, cols);
  return count(readNumber(cell, where), where);
}

/**
 * A rectangular table of counts in which every cell counts, the diagonal too (e.g. the seed of
 * a fit): a blank is 0, as in a matrix; text or TRUE/FALSE is #VALUE!, a negative number #NUM!.
 * Read into a fresh copy with its row and column sums in one pass, so the fit checks nothing again.
 */
export function readCountTable(v: unknown, arg: string): SeedTable {
  const grid = readGrid(v, arg);
  const rows = grid.length;
  const cols = grid[0].length;
  const out: number[][] = new Array(rows);
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) out[i] = readCountRow(grid[i], arg, i, rows, cols, rowSums, colSums);
  return new SeedTable(out, rowSums, colSums);
}

/**
 * Row i of a table of counts, added into the sums (a function per row, as readFlowRow). The row
 * holds fractions from the start (`fill`), as the fit that scales it will: whole counts would
 * make it an array of small integers, turned into one of doubles by the fit's first pass, and
 * that change of kind threw away the fit's optimised code in the first call.
 */
function readCountRow(src: CellValue[], arg: string, i: number, rows: number, cols: number, rowSums: Float64Array, colSums: Float64Array): number[] {
  const row = new Array<number>(cols).fill(0.5);
  let s = 0;
  for (let j = 0; j < cols; j++) {
    const cell = src[j];
    const v = typeof cell === "number" && cell >= 0 && cell !== Infinity ? cell : readCount(cell, arg, i, j, rows, cols);
    row[j] = v;
    s += v;
    colSums[j] += v;
  }
  rowSums[i] = s;
  return row;
}

/**
 * An optional choice among words, such as a method: matched case-insensitively, ignoring
 * surrounding spaces; blank or omitted gives the default; anything else is #VALUE! naming the
 * argument and the choices.
 */
export function readOptionalChoice<T extends string>(v: unknown, arg: string, choices: readonly T[], fallback: T): T {
  const chosen = choiceOf(v, choices, fallback);
  if (chosen !== undefined) return chosen;
  // Not one of the choices: say why.
  const cell = firstCellOf(v, arg);
  if (cell instanceof CustomFunctions.Error) throw cell;
  const allowed = choices.map((c) => `"${c}"`).join(" or ");
  if (typeof cell !== "string") throw new MeasureError("invalid", `${arg} must be ${allowed} (got ${typeof cell === "boolean" ? shownCell(cell) : String(cell)})`);
  throw new MeasureError("invalid", `${arg} must be ${allowed} (got ${quoteText(cell)})`);
}

/** The choice `readOptionalChoice` reads from `v`, or undefined where it fails. */
export function choiceOf<T extends string>(v: unknown, choices: readonly T[], fallback: T): T | undefined {
  let cell = v;
  if (Array.isArray(v)) {
    if (v.length !== 1 || !Array.isArray(v[0]) || v[0].length !== 1) return undefined;
    cell = (v[0] as unknown[])[0];
  }
  if (hostCellKind(cell) === "blank") return fallback;
  if (typeof cell !== "string") return undefined;
  const word = cell.trim().toLowerCase();
  return choices.find((c) => c.toLowerCase() === word);
}

/**
 * Two ranges that are square tables of the same order, as they are (rows of any cells), for a
 * measure that checks each cell as it uses it; undefined when either is not, for the readers to
 * say why.
 */
export function squarePair(a: unknown, b: unknown): [unknown[][], unknown[][]] | undefined {
  return isSquare(a) && isSquare(b) && a.length === b.length ? [a, b] : undefined;
}

function isSquare(v: unknown): v is unknown[][] {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const row of v) if (!Array.isArray(row) || row.length !== v.length) return false;
  return true;
}

/** A one-row or one-column range (or a single value) as a list; blanks are missing values. */
export function readVector(v: unknown, arg: string): number[] {
  const cells = vectorCells(v, arg);
  const out = new Array<number>(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    // The item's name is built only for a cell that is not a number.
    out[k] = typeof cell === "number" ? cell : readNumber(cell, cells.length === 1 ? arg : `${arg} (item ${k + 1})`);
  }
  return out;
}

/** Labels for the regions of a matrix: one per region, kept as text or number; a blank stays blank. */
export function readLabels(v: unknown, arg: string, n: number): (Label | CustomFunctions.Error)[] {
  if (isBlank(v)) return Array.from({ length: n }, (_, i) => i + 1);
  const cells = vectorCells(v, arg);
  if (cells.length !== n) throw new MeasureError("invalid", `${arg} has ${cells.length} labels but the matrix has ${n} regions`);
  return cells.map(labelOf);
}

/** A label cell: a blank stays blank, TRUE/FALSE is shown as Excel shows it, anything else is kept. */
function labelOf(cell: CellValue): Label | CustomFunctions.Error {
  switch (hostCellKind(cell)) {
    case "blank":
      return "";
    case "boolean":
      return shownCell(cell as boolean);
    default:
      return cell as Label | CustomFunctions.Error;
  }
}

function vectorCells(v: unknown, arg: string): CellValue[] {
  const grid = readGrid(v, arg);
  if (grid.length === 1) return grid[0];
  if (grid[0].length === 1) return grid.map((row) => row[0]);
  throw new MeasureError("invalid", `${arg} must be a single row or column, not a ${grid.length}×${grid[0].length} range`);
}
