import { shownLabel } from "./labels";
import { isNumericRole, LabelRole, NumericRole } from "./roles";
import { runSteps, StepMeter, Steps } from "./steps";
import { CellValue, Detection, Role, SourceBlock } from "./types";

/**
 * A detected block read into typed columns for the report planner, and the block geometry that
 * detection and reading share (where the data starts, where a matrix's numbers are).
 * Every position here is 0-based within the block; the block's sheet position is carried along
 * so the planner can turn block cell (r, c) into sheet cell (top + r, left + c) for formulas.
 */

/** A region's name or code as the data spells it. */
export type Label = string | number;

/** Where the block sits on its sheet (copied from the SourceBlock). */
export interface BlockPosition {
  readonly sheet: string;
  /** 0-based sheet row and column of block cell (0, 0). */
  readonly top: number;
  readonly left: number;
}

/** A country/region table: one entry per data row (a region, or a region in a year and group). */
export interface TableDataset extends BlockPosition {
  readonly shape: "table";
  /** Number of data rows read (blank rows inside the table are skipped). */
  readonly rows: number;
  /** Block row of each data row, so formulas can point at its cells. */
  readonly rowIndex: number[];
  /** One label per row: the region, else the code, else "Row n" (n the sheet row). */
  readonly regionLabels: Label[];
  /** Label columns as found: region, code, group and year (a year may be "2010-2015"). */
  readonly text: Partial<Record<LabelRole, (Label | null)[]>>;
  /** Numeric columns by role; null where the cell is blank, text or not finite (each a problem). */
  readonly columns: Partial<Record<NumericRole, (number | null)[]>>;
  /** Block column of every mapped role. */
  readonly columnIndex: Partial<Record<Role, number>>;
}

/** A square origin × destination matrix: rows are origins, columns destinations. */
export interface MatrixDataset extends BlockPosition {
  readonly shape: "matrix";
  /** Order of the matrix. */
  readonly n: number;
  /** Region labels: the first column's (origins), else the first row's, else "1".."n". */
  readonly labels: Label[];
  /** The first row's labels (destinations) when the block has them. */
  readonly columnLabels?: Label[];
  /** Flows; a blank (no recorded flow), text or non-finite cell is 0; the diagonal as given. */
  readonly matrix: number[][];
  /** Block row and column of the numeric part's top-left cell. */
  readonly firstRow: number;
  readonly firstCol: number;
}

/** A long list: one row per origin–destination pair (and year or group). */
export interface LongDataset extends BlockPosition {
  readonly shape: "long";
  /** Number of flows read (rows without an origin or destination are skipped). */
  readonly rows: number;
  /** Block row of each flow. */
  readonly rowIndex: number[];
  readonly origins: Label[];
  readonly destinations: Label[];
  /** null where the cell is blank, text or not finite (each a problem). */
  readonly flows: (number | null)[];
  readonly years?: (Label | null)[];
  readonly groups?: (Label | null)[];
  /** Block columns of the mapped roles. */
  readonly columnIndex: { readonly origin: number; readonly destination: number; readonly flow: number; readonly year?: number; readonly group?: number };
}

export type Dataset = TableDataset | MatrixDataset | LongDataset;

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

/** Blank as the design defines it: null, or text of nothing but spaces. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

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

/** Only real, finite numbers count; "12,610" stored as text stays missing (detection flagged it). */
function numberOf(v: CellValue): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
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
 * Reads a detected block into the typed dataset the planner consumes. The detection (possibly
 * overridden by the user) decides everything; nothing is re-guessed here.
 */
export function readDataset(block: SourceBlock, detection: Detection): Dataset {
  const frame = requireFrame(block);
  const position = { sheet: block.sheet, top: block.top, left: block.left };
  if (detection.shape === "matrix") return readMatrix(block, frame, detection, position);
  if (detection.shape === "long") return readLong(block, frame, detection, position);
  return readTable(block, frame, detection, position);
}

function readTable(block: SourceBlock, frame: Frame, detection: Detection, position: BlockPosition): TableDataset {
  const rowIndex = dataRows(block, frame, detection.headerRow);
  const columnIndex = roleColumns(detection);
  const text: Partial<Record<LabelRole, (Label | null)[]>> = {};
  const columns: Partial<Record<NumericRole, (number | null)[]>> = {};
  for (const [role, c] of Object.entries(columnIndex) as [Role, number][]) {
    if (isNumericRole(role)) columns[role] = rowIndex.map((r) => numberOf(cellAt(block, r, c)));
    else text[role] = rowIndex.map((r) => labelOf(cellAt(block, r, c)));
  }
  const regionLabels = rowIndex.map((r, i) => text.region?.[i] ?? text.code?.[i] ?? `Row ${block.top + r + 1}`);
  return { shape: "table", ...position, rows: rowIndex.length, rowIndex, regionLabels, text, columns, columnIndex };
}

function readLong(block: SourceBlock, frame: Frame, detection: Detection, position: BlockPosition): LongDataset {
  const index = roleColumns(detection);
  const { origin, destination, flow, year, group } = index;
  const missing = (["origin", "destination", "flow"] as const).filter((role) => index[role] === undefined);
  if (origin === undefined || destination === undefined || flow === undefined) {
    throw new Error(`The long list has no ${missing.join(", ")} column: map one (e.g. ${missing[0]}=<header>).`);
  }
  const rowIndex: number[] = [];
  const origins: Label[] = [];
  const destinations: Label[] = [];
  const flows: (number | null)[] = [];
  const years: (Label | null)[] = [];
  const groups: (Label | null)[] = [];
  for (const r of dataRows(block, frame, detection.headerRow)) {
    const o = labelOf(cellAt(block, r, origin));
    const d = labelOf(cellAt(block, r, destination));
    if (o === null || d === null) continue; // a flow with no end cannot be placed (flagged as a problem)
    rowIndex.push(r);
    origins.push(o);
    destinations.push(d);
    flows.push(numberOf(cellAt(block, r, flow)));
    if (year !== undefined) years.push(labelOf(cellAt(block, r, year)));
    if (group !== undefined) groups.push(labelOf(cellAt(block, r, group)));
  }
  return {
    shape: "long",
    ...position,
    rows: rowIndex.length,
    rowIndex,
    origins,
    destinations,
    flows,
    ...(year !== undefined ? { years } : {}),
    ...(group !== undefined ? { groups } : {}),
    columnIndex: { origin, destination, flow, ...(year !== undefined ? { year } : {}), ...(group !== undefined ? { group } : {}) },
  };
}

function readMatrix(block: SourceBlock, frame: Frame, detection: Detection, position: BlockPosition): MatrixDataset {
  const { firstRow, firstCol, n } = matrixArea(frame, detection);
  const labels = detection.matrixLabels ?? { row: false, column: false };
  const matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => numberOf(cellAt(block, firstRow + i, firstCol + j)) ?? 0));
  const label = (v: CellValue, i: number): Label => labelOf(v) ?? String(i + 1);
  const rowLabels = labels.column ? matrix.map((_, i) => label(cellAt(block, firstRow + i, frame.left), i)) : undefined;
  const columnLabels = labels.row ? matrix.map((_, j) => label(cellAt(block, detection.headerRow, firstCol + j), j)) : undefined;
  return {
    shape: "matrix",
    ...position,
    n,
    labels: rowLabels ?? columnLabels ?? matrix.map((_, i) => String(i + 1)),
    ...(columnLabels ? { columnLabels } : {}),
    matrix,
    firstRow,
    firstCol,
  };
}
