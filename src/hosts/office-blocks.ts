/**
 * A planned sheet's cells as the rectangles the Office.js host writes (`range.formulas` and
 * `range.numberFormat`, the same shape), prepared row by row on demand, each row with the
 * bytes its values add to a request (office-request.ts).
 *
 * Text from the plan is written with a leading apostrophe, always: Excel then stores it as
 * text exactly as given, whatever it looks like ("=SUM(A1)", "+44", "-x", "@x", "1/2",
 * "Mar-20", "TRUE", "1,234"), in every locale. (Excel shows the apostrophe in the formula bar
 * only.) A formula that needs array evaluation (PlannedCell.nativeArray) goes as the host can
 * take it (ArrayEntry, office-api.ts): an ordinary formula, an array formula written apart
 * (`arrays`), or the engine's value.
 */
import { resolveSheetRefs } from "../report/address";
import type { PlannedCell, PlannedSheet, PlannedTable, SharingMode } from "../report/types";
import { isPlannedError } from "../report/cells";
import { formulaFor, NUMBER_FORMATS, tableHeaders, tableWidth } from "./common";
import type { ArrayEntry } from "./office-api";
import { jsonBytes } from "./office-request";

export type Input = string | number | boolean | null;

/** Text as Excel must take it: always as text (an apostrophe first), never as a formula or number. */
export function asText(s: string): string {
  return s === "" ? "" : `'${s}`;
}

/** The cell's value as range.formulas takes it: a number, a boolean, 'text, an error literal, or null (nothing). */
function valueInput(cell: PlannedCell): Input {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (isPlannedError(v)) return v.error; // Excel reads "#DIV/0!" as the error value
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  return v === "" ? null : asText(String(v));
}

/** Whether the cell carries, in this mode, a formula that needs array evaluation. */
export const needsArray = (cell: PlannedCell | undefined, mode: SharingMode): boolean => mode === "native" && cell?.nativeArray === true && formulaFor(cell, mode) !== undefined;

/**
 * What range.formulas receives for a planned cell: "=formula", a value (see valueInput), or null
 * (nothing, or an array formula that goes through Range.formulaArray instead).
 */
export function cellInput(cell: PlannedCell | undefined, mode: SharingMode, names: ReadonlyMap<string, string>, arrayEntry: ArrayEntry = "formula"): Input {
  if (!cell) return null;
  const f = formulaFor(cell, mode);
  if (f === undefined) return valueInput(cell);
  if (needsArray(cell, mode) && arrayEntry !== "formula") return arrayEntry === "value" ? valueInput(cell) : null;
  return `=${resolveSheetRefs(f, names)}`;
}

/** One row of a block as range.formulas / range.numberFormat take it, and the bytes of its values. */
export interface PreparedRow {
  readonly cells: Input[];
  /** Null = leave the format alone; all null when the block has no formats. */
  readonly formats: (string | null)[];
  /** Array formulas of the row ("=…"), by column offset in the block, written through Range.formulaArray. */
  readonly arrays: readonly { readonly col: number; readonly formula: string }[];
  /** The JSON of the row's cells (and formats) inside the request's arrays, with its comma. */
  readonly bytes: number;
}

/**
 * A rectangle of cells to write in one piece (split into row chunks only to fit a request). Its
 * rows are prepared on demand (`row`), just before the chunk holding them is queued.
 */
export interface Block {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly rows: number;
  /** Whether any cell has a format (then numberFormat is written for the whole block). */
  readonly formats: boolean;
  row(i: number): PreparedRow;
}

const NO_ARRAYS: PreparedRow["arrays"] = [];

function prepared(cells: Input[], formats: (string | null)[], withFormats: boolean, arrays = NO_ARRAYS): PreparedRow {
  return { cells, formats, arrays, bytes: jsonBytes(cells) + 1 + (withFormats ? jsonBytes(formats) + 1 : 0) };
}

/** How a block's cells are turned into input: the mode, the final sheet names, the array entry. */
export interface CellContext {
  readonly mode: SharingMode;
  readonly names: ReadonlyMap<string, string>;
  readonly arrayEntry: ArrayEntry;
}

function arrayOf(cell: PlannedCell | undefined, col: number, cx: CellContext): { col: number; formula: string } | undefined {
  if (cx.arrayEntry !== "formulaArray" || !needsArray(cell, cx.mode)) return undefined;
  return { col, formula: `=${resolveSheetRefs(formulaFor(cell!, cx.mode)!, cx.names)}` };
}

/** Free cells as blocks: one per run of consecutive rows, as wide as those rows' cells reach. */
export function freeCellBlocks(sheet: PlannedSheet, cx: CellContext): Block[] {
  const byRow = new Map<number, { col: number; cell: PlannedCell }[]>();
  for (const c of sheet.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    const run = rows.slice(i, j + 1);
    let left = Infinity;
    let right = -1;
    let anyFormat = false;
    for (const r of run) {
      for (const { col, cell } of byRow.get(r)!) {
        left = Math.min(left, col);
        right = Math.max(right, col);
        if (cell.format) anyFormat = true;
      }
    }
    const width = right - left + 1;
    const row = (k: number): PreparedRow => {
      const cells: Input[] = new Array(width).fill(null);
      const fmt: (string | null)[] = new Array(width).fill(null);
      const arrays: { col: number; formula: string }[] = [];
      for (const { col, cell } of byRow.get(run[k])!) {
        cells[col - left] = cellInput(cell, cx.mode, cx.names, cx.arrayEntry);
        const a = arrayOf(cell, col - left, cx);
        if (a) arrays.push(a);
        if (cell.format) fmt[col - left] = NUMBER_FORMATS[cell.format];
      }
      return prepared(cells, fmt, anyFormat, arrays.length ? arrays : NO_ARRAYS);
    };
    blocks.push({ top: run[0], left, width, rows: run.length, formats: anyFormat, row });
    i = j + 1;
  }
  return blocks;
}

/** A table as one block: header (as text), data rows, and the totals row right under it. */
export function tableBlock(t: PlannedTable, cx: CellContext): Block {
  const width = tableWidth(t);
  const formatOf = (c: PlannedCell | undefined) => (c?.format ? NUMBER_FORMATS[c.format] : null);
  const hasFormat = (r: readonly PlannedCell[]) => {
    for (let j = 0; j < width; j++) if (formatOf(r[j])) return true;
    return false;
  };
  const anyFormat = t.rows.some(hasFormat) || (t.totals !== undefined && hasFormat(t.totals));
  const data = (r: readonly PlannedCell[]): PreparedRow => {
    const cells: Input[] = new Array(width);
    const fmt: (string | null)[] = new Array(width);
    let arrays: { col: number; formula: string }[] | undefined;
    for (let j = 0; j < width; j++) {
      const c = r[j];
      cells[j] = cellInput(c, cx.mode, cx.names, cx.arrayEntry);
      fmt[j] = formatOf(c);
      const a = arrayOf(c, j, cx);
      if (a) (arrays ??= []).push(a);
    }
    return prepared(cells, fmt, anyFormat, arrays ?? NO_ARRAYS);
  };
  const n = t.rows.length;
  const row = (i: number): PreparedRow => {
    if (i === 0) return prepared(tableHeaders(t.header, width).map(asText), new Array(width).fill(null), anyFormat);
    return data(i <= n ? t.rows[i - 1] : t.totals!);
  };
  return { top: t.top, left: t.left, width, rows: 1 + n + (t.totals ? 1 : 0), formats: anyFormat, row };
}
