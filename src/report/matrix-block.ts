/**
 * A detected matrix's labels matched (./matrix-alignment) on a block of cells: the refusal the
 * report gives when they do not pair up, and the sentences naming what is left out.
 */
import { isBlankCell } from "../cells/kind";
import { cell } from "./address";
import { cellAt, readGeometry } from "./dataset";
import type { MatrixGeometry } from "./dataset";
import { aggregateReason } from "./aggregates";
import { alignMatrix, alignmentKey, isIdentity, MatrixAlignment } from "./matrix-alignment";
import { ReportRefusal } from "./refusal";
import { Reason, reason } from "./reason";
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
 * Why the matrix cannot be read by label, or undefined when its regions pair up (in place, or
 * through a copy in the rows' order: ./matrix-copy): fewer than two rows pair with a column of
 * the same label, or a label is repeated on one side as labels are compared (case, spacing and
 * footnote marks aside). The report never pairs a row with a column of another label.
 */
export function matrixLabelMismatch(block: SourceBlock, detection: Detection): ReportRefusal<"matrixLabels"> | undefined {
  const found = matrixLabelsOf(block, detection);
  if (!found || matrixInPlace(found)) return undefined;
  const a = found.alignment;
  if (!a.repeated && a.rows.length >= 2) return undefined;
  // (columns in another order need two pairs at least: read by label then, never refused)
  const leftOut = a.leftOut.slice(0, 6).map((l) => ({ side: l.side, label: String(l.label), at: l.side === "row" ? found.rowLabelAt(l.index) : found.columnLabelAt(l.index), reason: l.reason }));
  return new ReportRefusal("matrixLabels", { paired: a.rows.length, repeated: a.repeated, leftOut });
}

/**
 * What reading the matrix by label leaves out or reorders, one reason each, for the command line
 * to say as it reads and the report's Definitions sheet to repeat (./input-from-block). Empty
 * when the rows and columns pair up in place with nothing left out.
 */
export function matrixAlignmentReasons(block: SourceBlock, detection: Detection): Reason[] {
  const found = matrixLabelsOf(block, detection);
  return found ? alignmentReasons(found) : [];
}

/** matrixAlignmentReasons of a matrix whose labels are matched already. */
export function alignmentReasons(found: MatrixLabelsFound): Reason[] {
  const a = found.alignment;
  if (isIdentity(a, found.data.n)) return [];
  const leftOut = a.leftOut.map((l) => ({ side: l.side, label: String(l.label), at: l.side === "row" ? found.rowLabelAt(l.index) : found.columnLabelAt(l.index), reason: l.reason }));
  return [...(a.reordered ? [reason("matrixAligned", { reordered: true, leftOut: [] })] : []), ...leftOut.map((l) => reason("matrixAligned", { reordered: false, leftOut: [l] }))];
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
  const left = row.findIndex((v) => !isBlankCell(v));
  if (left < 0) return undefined;
  const key = (v: CellValue) => (typeof v === "string" || typeof v === "number" ? alignmentKey(v) : "");
  let right = left;
  for (let c = left + 1; c < row.length; c++) if (typeof row[c] === "string" && !isBlankCell(row[c])) right = c;
  const headers = new Set(row.slice(left + 1, right + 1).map(key).filter((k) => k !== ""));
  let bottom = h;
  let matched = 0;
  for (let r = h + 1; r < block.values.length; r++) {
    const v = block.values[r]?.[left] ?? null;
    if (isBlankCell(v)) break;
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
      if (isBlankCell(v)) continue;
      filled++;
      if (typeof v === "number") numbers++;
    }
  }
  if (numbers * 2 < filled || numbers === 0) return undefined;
  return { top: h, left, bottom, right };
}
