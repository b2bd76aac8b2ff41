import { MeasureError } from "../indicators/types";
import { cellName, Grid, readGrid, readNumber, ResultCell } from "./cells";
import { overflowError, toExcelError } from "./errors";

/** A scalar measure of one to four numbers. */
type Measure = (...xs: any[]) => number;

/**
 * Applies a scalar measure cell by cell, broadcasting like Excel arithmetic: all ranges of one
 * shape, or single cells against a range. The result has that shape and spills. A cell whose
 * inputs are bad gets its own error; the others still compute. Ranges of two different
 * shapes are an error of the whole call (#VALUE!), thrown as Excel expects.
 *
 * `names` are the Excel argument names of the values that follow, for the error messages.
 * There is one entry point per arity because this is the hot path of every
 * `=BRAINDRAIN.RATE(B2, C2)` in a sheet: with single cells, each calls the measure directly
 * and allocates nothing but the 1×1 result (a generic variadic version measured 3–4× slower).
 * The two-argument form, used by most functions, reads the cells into locals as it checks
 * them: written with a separate predicate it measured 3.5× slower in V8 (npm run bench).
 */
export function elementwise1(names: readonly string[], measure: (x: number) => number, a: unknown): ResultCell[][] {
  if (!isSingleNumber(a)) return overRanges(names, measure, [a]);
  try {
    return oneCell(measure(a[0][0]));
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

export function elementwise2(names: readonly string[], measure: (x: number, y: number) => number, a: unknown, b: unknown): ResultCell[][] {
  if (Array.isArray(a) && Array.isArray(b) && a.length === 1 && b.length === 1) {
    const ra: unknown = a[0];
    const rb: unknown = b[0];
    if (Array.isArray(ra) && Array.isArray(rb) && ra.length === 1 && rb.length === 1) {
      const x = ra[0];
      const y = rb[0];
      if (typeof x === "number" && typeof y === "number") {
        try {
          return oneCell(measure(x, y));
        } catch (e) {
          return [[toExcelError(e)]];
        }
      }
    }
  }
  return overRanges(names, measure, [a, b]);
}

export function elementwise3(names: readonly string[], measure: (x: number, y: number, z: number) => number, a: unknown, b: unknown, c: unknown): ResultCell[][] {
  if (!isSingleNumber(a) || !isSingleNumber(b) || !isSingleNumber(c)) return overRanges(names, measure, [a, b, c]);
  try {
    return oneCell(measure(a[0][0], b[0][0], c[0][0]));
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

export function elementwise4(names: readonly string[], measure: (w: number, x: number, y: number, z: number) => number, a: unknown, b: unknown, c: unknown, d: unknown): ResultCell[][] {
  if (!isSingleNumber(a) || !isSingleNumber(b) || !isSingleNumber(c) || !isSingleNumber(d)) return overRanges(names, measure, [a, b, c, d]);
  try {
    return oneCell(measure(a[0][0], b[0][0], c[0][0], d[0][0]));
  } catch (e) {
    return [[toExcelError(e)]];
  }
}

/**
 * Is `v` a 1×1 range holding a number? A predicate rather than a reader that returns the
 * number: a number returned from a call that is not inlined is boxed, and that allocation
 * alone tripled the cost of a single-cell call.
 */
function isSingleNumber(v: unknown): v is [[number]] {
  if (!Array.isArray(v) || v.length !== 1) return false;
  const row: unknown = v[0];
  return Array.isArray(row) && row.length === 1 && typeof row[0] === "number";
}

function oneCell(y: number): ResultCell[][] {
  return [[Number.isFinite(y) ? y : overflowError()]];
}

/** The general case: at least one argument is a range (or a bad single cell). */
function overRanges(names: readonly string[], measure: Measure, values: unknown[]): ResultCell[][] {
  try {
    return broadcast(names, values, measure);
  } catch (e) {
    throw toExcelError(e);
  }
}

function broadcast(names: readonly string[], values: readonly unknown[], measure: Measure): ResultCell[][] {
  const k = values.length;
  // Plain loops rather than `map`: V8's optimised `map` and its builtin one made arrays of
  // different kinds, and the per-cell functions, optimised for one, were thrown away at the next call.
  const grids: Grid[] = new Array(k);
  const single: boolean[] = new Array(k);
  for (let a = 0; a < k; a++) grids[a] = readGrid(values[a], names[a]);
  for (let a = 0; a < k; a++) single[a] = grids[a].length === 1 && grids[a][0].length === 1;

  let rows = 1;
  let cols = 1;
  let shapedBy = -1;
  for (let a = 0; a < k; a++) {
    if (single[a]) continue;
    const g = grids[a];
    if (shapedBy < 0) {
      rows = g.length;
      cols = g[0].length;
      shapedBy = a;
    } else if (g.length !== rows || g[0].length !== cols) {
      throw new MeasureError("invalid", `${names[shapedBy]} is ${rows}×${cols} but ${names[a]} is ${g.length}×${g[0].length}: give ranges of the same size, or a single cell`);
    }
  }

  // One pass per cell: read the inputs as numbers and compute; a cell whose inputs are not all
  // numbers takes the slow path, which names it in its error. Nothing is allocated per cell
  // but the result (and, for a column, its one-cell row).
  const xs = new Float64Array(k);
  const out: ResultCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = resultRow(grids, single, names, measure, r, rows, cols, xs);
  return out;
}

/** Row r of the result (a function of its own, so V8 optimises it whole rather than mid-loop). */
function resultRow(grids: Grid[], single: boolean[], names: readonly string[], measure: Measure, r: number, rows: number, cols: number, xs: Float64Array): ResultCell[] {
  if (cols === 1) return [numbersAt(grids, single, r, 0, xs) ? compute(measure, xs) : badCell(grids, single, names, measure, r, 0, rows, cols, xs)];
  const line: ResultCell[] = new Array(cols);
  for (let c = 0; c < cols; c++) line[c] = numbersAt(grids, single, r, c, xs) ? compute(measure, xs) : badCell(grids, single, names, measure, r, c, rows, cols, xs);
  return line;
}

/** Reads the inputs of cell (r, c) into `xs`; false when one of them is not a number. */
function numbersAt(grids: Grid[], single: boolean[], r: number, c: number, xs: Float64Array): boolean {
  for (let a = 0; a < grids.length; a++) {
    const v = single[a] ? grids[a][0][0] : grids[a][r][c];
    if (typeof v !== "number") return false;
    xs[a] = v;
  }
  return true;
}

/** The measure of the numbers in `xs`, or the error the cell should show. */
function compute(measure: Measure, xs: Float64Array): ResultCell {
  try {
    let y: number;
    switch (xs.length) {
      case 1:
        y = measure(xs[0]);
        break;
      case 2:
        y = measure(xs[0], xs[1]);
        break;
      case 3:
        y = measure(xs[0], xs[1], xs[2]);
        break;
      default:
        y = measure(xs[0], xs[1], xs[2], xs[3]);
    }
    return Number.isFinite(y) ? y : overflowError();
  } catch (e) {
    return toExcelError(e);
  }
}

/** A cell with an input that is not a number: the first such input's error, the cell named. */
function badCell(grids: Grid[], single: boolean[], names: readonly string[], measure: Measure, r: number, c: number, rows: number, cols: number, xs: Float64Array): ResultCell {
  try {
    for (let a = 0; a < grids.length; a++) {
      const v = single[a] ? grids[a][0][0] : grids[a][r][c];
      xs[a] = typeof v === "number" ? v : readNumber(v, single[a] ? names[a] : cellName(names[a], r, c, rows, cols));
    }
  } catch (e) {
    return toExcelError(e);
  }
  return compute(measure, xs); // not reached: readNumber throws for anything but a number
}
