import { MeasureError } from "../indicators/types";
import { cellName, Grid, readGrid, readNumber, ResultCell } from "./cells";
import { toExcelError } from "./errors";

/** A range argument of an element-wise function, with the name Excel shows for it. */
export interface Operand {
  readonly name: string;
  readonly value: unknown;
}

/**
 * Applies a scalar measure cell by cell, broadcasting like Excel arithmetic: all ranges of one
 * shape, or single cells against a range. The result has that shape and spills. A cell whose
 * inputs are bad gets its own error; the others still compute. Ranges of two different
 * shapes are an error of the whole call (#VALUE!).
 */
export function elementwise(operands: readonly Operand[], measure: (...xs: number[]) => number): ResultCell[][] {
  const k = operands.length;
  const grids: Grid[] = operands.map((o) => readGrid(o.value, o.name));

  // Fast path: every operand a single cell (the common `=BRAINDRAIN.RATE(B2, C2)`).
  if (grids.every((g) => g.length === 1 && g[0].length === 1)) {
    return [[applyAt(grids, operands, measure, 0, 0, 1, 1, new Array<number>(k))]];
  }

  let rows = 1;
  let cols = 1;
  let shapedBy = -1;
  for (let a = 0; a < k; a++) {
    const g = grids[a];
    if (g.length === 1 && g[0].length === 1) continue;
    if (shapedBy < 0) {
      rows = g.length;
      cols = g[0].length;
      shapedBy = a;
    } else if (g.length !== rows || g[0].length !== cols) {
      throw new MeasureError(
        "invalid",
        `${operands[shapedBy].name} is ${rows}×${cols} but ${operands[a].name} is ${g.length}×${g[0].length}: give ranges of the same size, or a single cell`,
      );
    }
  }

  const xs = new Array<number>(k);
  const out: ResultCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line: ResultCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = applyAt(grids, operands, measure, r, c, rows, cols, xs);
    out[r] = line;
  }
  return out;
}

function applyAt(
  grids: readonly Grid[],
  operands: readonly Operand[],
  measure: (...xs: number[]) => number,
  r: number,
  c: number,
  rows: number,
  cols: number,
  xs: number[],
): ResultCell {
  try {
    for (let a = 0; a < grids.length; a++) {
      const g = grids[a];
      const single = g.length === 1 && g[0].length === 1;
      const v = single ? g[0][0] : g[r][c];
      xs[a] = typeof v === "number" ? v : readNumber(v, single ? operands[a].name : cellName(operands[a].name, r, c, rows, cols));
    }
    return measure(...xs);
  } catch (e) {
    return toExcelError(e);
  }
}
