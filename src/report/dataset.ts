import { shownLabel } from "./labels";
import { isEmptyCell } from "../cells/kind";
import { runSteps, StepMeter, Steps } from "./steps";
import { CellValue, Detection, Role, SourceBlock } from "./types";

/**
 * The block geometry that detection and reading share: where the data starts, which rows are
 * data, where a matrix's numbers are, which column holds each role. Every position here is
 * 0-based within the block; the planner's input (input-from-block.ts) takes the cells from these
 * places once, as they are.
 */

/** A region's name or code as the data spells it. */
export type Label = string | number;

/** Where a detected block's data are: one shape's geometry. */
export type Geometry = TableGeometry | MatrixGeometry | LongGeometry;

export interface TableGeometry {
  readonly shape: "table";
  /** Block row of each data row (blank rows inside the table are skipped). */
  readonly rowIndex: number[];
  /** Block column of every mapped role. */
  readonly columnIndex: Partial<Record<Role, number>>;
}

export interface MatrixGeometry {
  readonly shape: "matrix";
  /** Order of the matrix. */
  readonly n: number;
  /** Block row and column of the numeric part's top-left cell. */
  readonly firstRow: number;
  readonly firstCol: number;
  /** Region labels: the first column's (origins), else the first row's, else "1".."n". */
  readonly labels: Label[];
  /** The first row's labels (destinations) when the block has them. */
  readonly columnLabels?: Label[];
}

export interface LongGeometry {
  readonly shape: "long";
  /** Block row of each flow (rows without an origin or destination are skipped). */
  readonly rowIndex: number[];
  readonly columnIndex: { readonly origin: number; readonly destination: number; readonly flow: number; readonly year?: number; readonly group?: number };
}

// ---------------------------------------------------------------------------------------------
// Block geometry

/** The non-blank part of a block (inclusive bounds) and the row its content starts at. */
export interface Frame {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** First row after any title rows above the header ("Table 3. Migrant stock"). */
  readonly start: number;
}

/** A block's cell; rows may be short (ragged input), and a short row reads as blanks. */
export function cellAt(block: SourceBlock, r: number, c: number): CellValue {
  const v = block.values[r]?.[c];
  return v === undefined ? null : v;
}

/** Blank for the layout (rows, frames, labels): empty, or spaces only (cells/kind.ts). */
export const isBlank = isEmptyCell;

export function isBlankRow(block: SourceBlock, r: number, left: number, right: number): boolean {
  const row = block.values[r] ?? [];
  for (let c = left; c <= right && c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

function filledIn(block: SourceBlock, r: number, left: number, right: number): number {
  let n = 0;
  const row = block.values[r] ?? [];
  for (let c = left; c <= right && c < row.length; c++) if (!isBlank(row[c])) n++;
  return n;
}

/** The bounding box of non-blank cells, or undefined for an all-blank block. */
export function frameOf(block: SourceBlock): Frame | undefined {
  return runSteps(frameSteps(block, new StepMeter()));
}

/** frameOf in steps: `meter` counts the cells looked at (detection yields between chunks). */
export function* frameSteps(block: SourceBlock, meter: StepMeter): Steps<Frame | undefined> {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const values = block.values;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!(r in values)) continue; // a hole in a sparse array, as forEach skips it
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (meter.add(row.length + 1)) yield meter.progress;
  }
  if (top < 0) return undefined;
  return { top, bottom, left, right, start: startAfterTitles(block, top, bottom, left, right) };
}

/**
 * Skips title lines: a row with a single text cell above a wider table is a caption, not a
 * header, and a blank row below it is spacing. Narrow blocks (≤ 2 columns) have no titles.
 */
function startAfterTitles(block: SourceBlock, top: number, bottom: number, left: number, right: number): number {
  if (right - left < 2) return top;
  let r = top;
  for (let titles = 0; titles < 5 && r < bottom; titles++) {
    const first = cellAt(block, r, left);
    const isTitle = filledIn(block, r, left, right) === 1 && (typeof first === "string" || first === null);
    if (!isTitle) break;
    r++;
    while (r < bottom && isBlankRow(block, r, left, right)) r++;
  }
  return r;
}

/** First block row of data: below the header, or the frame's start when there is none. */
export function dataTop(frame: Frame, headerRow: number): number {
  return headerRow >= 0 ? headerRow + 1 : frame.start;
}

/** Where a detected matrix's numbers are: top-left block cell and order. */
export function matrixArea(frame: Frame, detection: Pick<Detection, "headerRow" | "matrixLabels">): { firstRow: number; firstCol: number; n: number } {
  const labels = detection.matrixLabels ?? { row: false, column: false };
  const firstRow = labels.row ? detection.headerRow + 1 : frame.start;
  const firstCol = frame.left + (labels.column ? 1 : 0);
  return { firstRow, firstCol, n: frame.bottom - firstRow + 1 };
}

/** The data rows of a table or list: every row below the header that is not entirely blank. */
export function dataRows(block: SourceBlock, frame: Frame, headerRow: number): number[] {
  return runSteps(dataRowsSteps(block, frame, headerRow, new StepMeter()));
}

/** dataRows in steps: `meter` counts the cells looked at. */
export function* dataRowsSteps(block: SourceBlock, frame: Frame, headerRow: number, meter: StepMeter): Steps<number[]> {
  const rows: number[] = [];
  const width = frame.right - frame.left + 1;
  for (let r = dataTop(frame, headerRow); r <= frame.bottom; r++) {
    if (!isBlankRow(block, r, frame.left, frame.right)) rows.push(r);
    if (meter.add(width)) yield meter.progress;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A label as the report shows it (labels.ts): text trimmed as Excel's TRIM does, numbers kept, TRUE/FALSE as words. */
function labelOf(v: CellValue): Label | null {
  return v === null || isBlank(v) ? null : shownLabel(v);
}

function roleColumns(detection: Detection): Partial<Record<Role, number>> {
  const index: Partial<Record<Role, number>> = {};
  for (const c of detection.columns) if (c.role) index[c.role] = c.index;
  return index;
}

function requireFrame(block: SourceBlock): Frame {
  const frame = frameOf(block);
  if (!frame) throw new Error("The block is empty: there is nothing to read.");
  return frame;
}

/**
 * Where a detected block's data are. The detection (possibly overridden by the user) decides
 * everything; nothing is re-guessed here.
 */
export function readGeometry(block: SourceBlock, detection: Detection): Geometry {
  const frame = requireFrame(block);
  if (detection.shape === "matrix") return matrixGeometry(block, frame, detection);
  const columnIndex = roleColumns(detection);
  if (detection.shape === "table") return { shape: "table", rowIndex: dataRows(block, frame, detection.headerRow), columnIndex };
  const { origin, destination, flow, year, group } = columnIndex;
  if (origin === undefined || destination === undefined || flow === undefined) {
    const missing = (["origin", "destination", "flow"] as const).filter((role) => columnIndex[role] === undefined);
    throw new Error(`The long list has no ${missing.join(", ")} column: map one (e.g. ${missing[0]}=<header>).`);
  }
  // A flow with no end cannot be placed (detection lists the row as a problem).
  const rowIndex = dataRows(block, frame, detection.headerRow).filter((r) => !isBlank(cellAt(block, r, origin)) && !isBlank(cellAt(block, r, destination)));
  return { shape: "long", rowIndex, columnIndex: { origin, destination, flow, ...(year !== undefined ? { year } : {}), ...(group !== undefined ? { group } : {}) } };
}

function matrixGeometry(block: SourceBlock, frame: Frame, detection: Detection): MatrixGeometry {
  const { firstRow, firstCol, n } = matrixArea(frame, detection);
  const labels = detection.matrixLabels ?? { row: false, column: false };
  const label = (v: CellValue, i: number): Label => labelOf(v) ?? String(i + 1);
  const order = Array.from({ length: n }, (_, i) => i);
  const rowLabels = labels.column ? order.map((i) => label(cellAt(block, firstRow + i, frame.left), i)) : undefined;
  const columnLabels = labels.row ? order.map((j) => label(cellAt(block, detection.headerRow, firstCol + j), j)) : undefined;
  return { shape: "matrix", n, firstRow, firstCol, labels: rowLabels ?? columnLabels ?? order.map((i) => String(i + 1)), ...(columnLabels ? { columnLabels } : {}) };
}
