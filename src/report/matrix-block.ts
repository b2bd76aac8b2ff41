/**
 * A detected matrix's labels matched (./matrix-alignment) on a block of cells: the refusal the
 * report gives when rows and columns do not pair up by position, and, where the cells are a
 * copy (the command line), a new block holding the matrix in the rows' order without its totals.
 */
import { quoteText } from "../indicators/quote";
import { cell, columnLetters } from "./address";
import { cellAt, readGeometry } from "./dataset";
import type { MatrixGeometry } from "./dataset";
import { aggregateReason } from "./aggregates";
import { alignMatrix, isIdentity, labelKey, LeftOut, MatrixAlignment } from "./matrix-alignment";
import { RefusalParams, ReportRefusal } from "./refusal";
import type { CellValue, Detection, SourceBlock } from "./types";

export interface MatrixLabelsFound {
  readonly data: MatrixGeometry;
  readonly alignment: MatrixAlignment;
  /** Sheet address of each row's and column's label cell. */
  readonly rowLabelAt: (i: number) => string;
  readonly columnLabelAt: (j: number) => string;
}

/**
 * Alignments already made, by block and detection: the command line, the refusal check and the
 * input each ask for the same one, and matching 233 labels each way costs a few tens of ms cold.
 * Blocks and detections are not changed once made, so the same pair gives the same alignment.
 */
const aligned = new WeakMap<SourceBlock, WeakMap<Detection, MatrixLabelsFound | undefined>>();

/** The alignment of a detected matrix with labels on both sides; undefined otherwise. */
export function matrixLabelsOf(block: SourceBlock, detection: Detection): MatrixLabelsFound | undefined {
  let byDetection = aligned.get(block);
  if (!byDetection) aligned.set(block, (byDetection = new WeakMap()));
  if (byDetection.has(detection)) return byDetection.get(detection);
  const found = alignLabels(block, detection);
  byDetection.set(detection, found);
  return found;
}

function alignLabels(block: SourceBlock, detection: Detection): MatrixLabelsFound | undefined {
  if (detection.shape !== "matrix" || !detection.matrixLabels?.row || !detection.matrixLabels.column) return undefined;
  let data;
  try {
    data = readGeometry(block, detection);
  } catch {
    return undefined; // unreadable: the report says why when it is built
  }
  if (data.shape !== "matrix" || !data.columnLabels) return undefined;
  const labelCol = data.firstCol - 1;
  const value = (i: number, j: number): number | null => {
    const v = cellAt(block, data.firstRow + i, data.firstCol + j);
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  return {
    data,
    alignment: alignMatrix(data.labels, data.columnLabels, value),
    rowLabelAt: (i) => cell(block.top + data.firstRow + i, block.left + labelCol),
    columnLabelAt: (j) => cell(block.top + detection.headerRow, block.left + data.firstCol + j),
  };
}

/** One sentence per row or column left out: "row 10 'Total inflow' (A10): a total". */
export function leftOutSentences(found: MatrixLabelsFound): string[] {
  return found.alignment.leftOut.map((l: LeftOut) => {
    const at = l.side === "row" ? found.rowLabelAt(l.index) : found.columnLabelAt(l.index);
    return `${l.side} ${quoteText(l.label, "'")} (${at}) is not a region of the matrix: ${l.why}`;
  });
}

/**
 * The part of the matrix read where it is: rows and columns `first` to `first + n − 1` of it,
 * when the regions are a run of rows whose columns are in the same places (totals or unmatched
 * labels only before or after them, as a totals row and column at the end). Undefined when the
 * regions cannot be read in place.
 */
export function matrixInPlace(found: MatrixLabelsFound): { first: number; n: number } | undefined {
  const { alignment: a, data } = found;
  if (isIdentity(a, data.n)) return { first: 0, n: data.n };
  if (a.reordered || a.rows.length < 2) return undefined;
  const first = a.rows[0];
  return a.rows.every((i, k) => i === first + k && a.columns[k] === i) ? { first, n: a.rows.length } : undefined;
}

/**
 * Why the matrix cannot be read by position, or undefined when its rows and columns pair up
 * in place (totals before or after the regions aside). The report never pairs a row with a
 * column of another label.
 */
export function matrixLabelMismatch(block: SourceBlock, detection: Detection): ReportRefusal<"matrixLabels"> | undefined {
  const found = matrixLabelsOf(block, detection);
  if (!found || matrixInPlace(found)) return undefined;
  const parts = leftOutSentences(found).slice(0, 6);
  let reordered: RefusalParams["matrixLabels"]["reordered"];
  if (found.alignment.reordered) {
    const k = Math.max(0, found.alignment.columns.findIndex((j, k2) => j !== found.alignment.rows[k2]));
    const i = found.alignment.rows[k];
    reordered = { label: String(found.data.labels[i]), rowAt: found.rowLabelAt(i), columnAt: found.columnLabelAt(found.alignment.columns[k]) };
    parts.unshift(`the columns are not in the rows' order (row ${quoteText(found.data.labels[i], "'")} at ${reordered.rowAt}, its column at ${reordered.columnAt})`);
  }
  const leftOut = found.alignment.leftOut.slice(0, 6).map((l) => ({ side: l.side, label: String(l.label), at: l.side === "row" ? found.rowLabelAt(l.index) : found.columnLabelAt(l.index), reason: l.reason }));
  return new ReportRefusal(
    "matrixLabels",
    { ...(reordered ? { reordered } : {}), leftOut },
    `The matrix's rows and columns do not pair up by label: ${parts.join("; ")}. Put the columns in the rows' order and leave totals and unmatched labels out of the cells read (the command line does this itself).`,
  );
}

/**
 * The matrix as a new block: header row and label column, the kept rows in their order and
 * each row's column beside it, totals and unmatched labels left out. Placed where the matrix's
 * header row and label column were. Undefined when nothing needs to change.
 */
export function alignedMatrixBlock(block: SourceBlock, detection: Detection): { block: SourceBlock; notes: string[] } | undefined {
  const found = matrixLabelsOf(block, detection);
  if (!found || isIdentity(found.alignment, found.data.n)) return undefined;
  const { data, alignment } = found;
  if (alignment.rows.length < 2) return undefined; // nothing left to report on: the refusal says why
  const labelCol = data.firstCol - 1;
  const header: CellValue[] = [cellAt(block, detection.headerRow, labelCol), ...alignment.columns.map((j) => cellAt(block, detection.headerRow, data.firstCol + j))];
  const rows: CellValue[][] = alignment.rows.map((i) => [cellAt(block, data.firstRow + i, labelCol), ...alignment.columns.map((j) => cellAt(block, data.firstRow + i, data.firstCol + j))]);
  const top = block.top + detection.headerRow;
  const left = block.left + labelCol;
  const n = alignment.rows.length;
  const notes = leftOutSentences(found).map((s) => `${s[0].toUpperCase()}${s.slice(1)}; left out`);
  if (alignment.reordered) notes.unshift(`The matrix's columns were in another order than its rows: they are matched by label and shown in the rows' order`);
  const range = `${cell(top, left)}:${columnLetters(left + n)}${top + n + 1}`;
  return {
    block: { sheet: block.sheet, top, left, values: [header, ...rows], provenance: `${block.provenance}; matrix matched by label, written at ${range}` },
    notes,
  };
}

/** A matrix's place in a block: header row, label column, last row and last column (block positions). */
interface MatrixPlace {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * A matrix under title rows that detection read as a table (its header row's labels are its
 * first column's labels): the range that holds the matrix with its labels and totals, for the
 * refusal to name. Undefined when the block does not look like one.
 */
export function matrixRangeHint(block: SourceBlock, detection: Detection): string | undefined {
  if (detection.shape === "matrix" || detection.headerRow < 0) return undefined;
  const place = matrixPlaceAt(block, detection.headerRow);
  return place ? rangeOf(block, place) : undefined;
}

function rangeOf(block: SourceBlock, p: MatrixPlace): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(block.sheet) ? block.sheet : `'${block.sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell(block.top + p.top, block.left + p.left)}:${cell(block.top + p.bottom, block.left + p.right)}`;
}

/** The block's cells within `p`, placed where they are on the sheet. */
function subBlock(block: SourceBlock, p: MatrixPlace, provenance: string): SourceBlock {
  const values = block.values.slice(p.top, p.bottom + 1).map((row) => Array.from({ length: p.right - p.left + 1 }, (_v, k) => row[p.left + k] ?? null));
  return { sheet: block.sheet, top: block.top + p.top, left: block.left + p.left, values, provenance };
}

export type MatrixSearch =
  | { readonly kind: "none" }
  /** One matrix with labels on both sides: its cells, and the sentence saying where it was found. */
  | { readonly kind: "found"; readonly block: SourceBlock; readonly range: string; readonly note: string }
  /** Several places could hold the matrix: the ranges, for the refusal to name. */
  | { readonly kind: "ambiguous"; readonly ranges: readonly string[] };

/**
 * A matrix among title and note rows (a national statistics sheet: a title, a unit line, a
 * merged "Region of destination" heading over the labels, a totals row and column, notes
 * below), found where detection saw none: a row whose labels are, for the most part, the labels
 * of the column below its first cell. Found only when one such place exists; its cells are
 * returned as a block placed where they are, so formulas still reference the sheet's cells.
 */
export function findMatrixBlock(block: SourceBlock, detection: Detection): MatrixSearch {
  if (detection.shape === "matrix") return { kind: "none" };
  const places: MatrixPlace[] = [];
  const rows = Math.min(block.values.length, 200);
  for (let r = 0; r < rows; r++) {
    const p = matrixPlaceAt(block, r);
    if (p && !places.some((q) => r <= q.bottom && r >= q.top)) places.push(p);
  }
  if (places.length === 0) return { kind: "none" };
  if (places.length > 1) return { kind: "ambiguous", ranges: places.map((p) => rangeOf(block, p)) };
  const p = places[0];
  const range = rangeOf(block, p);
  const around = p.top > 0 || p.bottom < block.values.length - 1 ? ": the rows above and below it (titles, notes) are not read" : "";
  return { kind: "found", block: subBlock(block, p, `${block.provenance}; matrix at ${range}`), range, note: `Read the matrix with its labels at ${range}${around}` };
}

/** The matrix whose header (destination labels) is block row `h`, if the column below its first cell holds the same labels. */
function matrixPlaceAt(block: SourceBlock, h: number): MatrixPlace | undefined {
  const row = block.values[h] ?? [];
  const left = row.findIndex((v) => v !== null && v !== "");
  if (left < 0) return undefined;
  const key = (v: CellValue) => (typeof v === "string" || typeof v === "number" ? labelKey(v) : "");
  let right = left;
  for (let c = left + 1; c < row.length; c++) if (typeof row[c] === "string" && row[c] !== "") right = c;
  const headers = new Set(row.slice(left + 1, right + 1).map(key).filter((k) => k !== ""));
  let bottom = h;
  let matched = 0;
  for (let r = h + 1; r < block.values.length; r++) {
    const v = block.values[r]?.[left] ?? null;
    if (v === null || v === "") break;
    const k = key(v);
    if (headers.has(k)) matched++;
    else if (!aggregateReason(typeof v === "string" ? v : null)) break;
    bottom = r;
  }
  if (matched < 2 || headers.size < 2 || matched * 2 < headers.size) return undefined;
  // the cells under the labels are flows: mostly numbers (blanks aside)
  let numbers = 0;
  let filled = 0;
  for (let r = h + 1; r <= bottom; r++) {
    for (let c = left + 1; c <= right; c++) {
      const v = block.values[r]?.[c] ?? null;
      if (v === null || v === "") continue;
      filled++;
      if (typeof v === "number") numbers++;
    }
  }
  if (numbers * 2 < filled || numbers === 0) return undefined;
  return { top: h, left, bottom, right };
}
