import { isMissingMarker, numberText, startsLikeNumber } from "../cells/kind";
import { cell } from "./address";
import { cellAt, dataRowsSteps, Frame, frameSteps, isBlank } from "./dataset";
import { labelKey } from "./labels";
import { isLabelRole } from "./roles";
import { ReportRefusal } from "./refusal";
import { StepMeter, Steps } from "./steps";
import { CellValue, Role, SourceBlock } from "./types";

/**
 * Detection's view of a block: its frame, header row and data rows, what each column holds (a
 * profile counted once), whether the numbers form a square matrix, and each column's label keys
 * (worked out once, shared by the problems and the reasons).
 */
// ---------------------------------------------------------------------------------------------
// Cells

const YEAR = /^\s*(1[89]|2[01])\d\d(\s*[-–/]\s*((1[89]|2[01])?\d\d))?\s*$/;

function isYearLike(v: CellValue): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1800 && v <= 2199;
  return typeof v === "string" && startsLikeNumber(v) && YEAR.test(v);
}

/** What a column's data cells hold, counted once and used to judge every role. */
interface Profile {
  readonly filled: number;
  readonly numbers: number;
  /** Text that reads as a number ("12,610"): counts towards a numeric column, flagged later. */
  readonly numberText: number;
  /** All text, number-like or not. */
  readonly text: number;
  /** Missing-value markers ("..", "n/a"): text, but they say nothing about the column's kind. */
  readonly markers: number;
  readonly yearLike: number;
  /** Largest finite number, to spot percentages in a rate column. */
  readonly max: number;
}

function* profileSteps(block: SourceBlock, rows: readonly number[], c: number, meter: StepMeter): Steps<Profile> {
  let filled = 0;
  let numbers = 0;
  let numberTexts = 0;
  let text = 0;
  let markers = 0;
  let yearLike = 0;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    if (meter.add(1)) yield meter.progress;
    const v = block.values[rows[i]]?.[c]; // direct access: this loop runs once per cell of a 100,000-row list
    if (v === null || v === undefined || isBlank(v)) continue;
    filled++;
    if (isYearLike(v)) yearLike++;
    if (typeof v === "number") {
      numbers++;
      if (Number.isFinite(v) && v > max) max = v;
    } else if (typeof v === "string") {
      text++;
      if (numberText(v)) numberTexts++;
      else if (isMissingMarker(v)) markers++;
    }
  }
  return { filled, numbers, numberText: numberTexts, text, markers, yearLike, max };
}

const numericShare = (p: Profile) => (p.filled === p.markers ? 0 : (p.numbers + p.numberText) / (p.filled - p.markers));
export const isNumericColumn = (p: Profile) => p.filled > 0 && numericShare(p) >= 0.5;
/** Share of cells holding real text: not numbers, not numbers stored as text, not "..". */
const textShare = (p: Profile) => (p.filled === 0 ? 0 : (p.text - p.numberText - p.markers) / p.filled);
export const isTextColumn = (p: Profile) => textShare(p) >= 0.8;

/**
 * How well a column's content suits a role, 0..1. A numeric role needs numbers (an empty column,
 * like UN DESA's all-NA `imm`, suits none); labels may be numbers (codes) but text suits better.
 */
export function contentFit(role: Role, p: Profile): number {
  if (p.filled === 0) return 0;
  // A column named for time whose cells are mostly not years or periods ("date" holding days,
  // "time" holding hours) is not the time column: the user maps it if it is (year=…).
  if (role === "year") return p.yearLike >= 0.9 * p.filled ? 1 : p.yearLike >= 0.5 * p.filled ? 0.5 : 0;
  if (role === "group") return 0.7 + 0.3 * textShare(p);
  if (isLabelRole(role)) return 0.6 + 0.4 * textShare(p);
  const share = numericShare(p);
  return share >= 0.5 ? share : 0;
}

// ---------------------------------------------------------------------------------------------
// Layout: where the header is, whether the numbers form a square matrix

/** Everything detection learns about a block before it maps any column. */
export interface Layout {
  readonly block: SourceBlock;
  readonly frame: Frame;
  /** Block row of the header (or a matrix's label row); -1 when none. */
  readonly headerRow: number;
  /** Data rows below the header, blank rows skipped. */
  readonly rows: readonly number[];
  /** Profiles of the columns frame.left..frame.right, by block column. */
  readonly profiles: ReadonlyMap<number, Profile>;
  readonly headers: ReadonlyMap<number, CellValue>;
  readonly matrix: MatrixFit | undefined;
  /** Label keys of columns over the data rows, worked out once when first needed (keyColumnSteps). */
  readonly keys: Map<number, KeyColumn>;
}

/** The checks that make a block unreadable; each error is one line the CLI prints as it is. */
function* frameOrThrowSteps(block: SourceBlock, meter: StepMeter): Steps<Frame> {
  const frame = yield* frameSteps(block, meter);
  if (!frame) throw new ReportRefusal("emptyBlock", {});
  if (frame.top === frame.bottom && frame.left === frame.right) throw new ReportRefusal("singleValue", { cell: cell(block.top + frame.top, block.left + frame.left) });
  if (!(yield* hasNumbersSteps(block, frame, meter))) throw new ReportRefusal("onlyText", {});
  return frame;
}

function* hasNumbersSteps(block: SourceBlock, frame: Frame, meter: StepMeter): Steps<boolean> {
  for (let r = frame.top; r <= frame.bottom; r++) {
    for (let c = frame.left; c <= frame.right; c++) {
      const v = cellAt(block, r, c);
      if (typeof v === "number" || (typeof v === "string" && numberText(v))) return true;
    }
    if (meter.add(frame.right - frame.left + 1)) yield meter.progress;
  }
  return false;
}

/**
 * The first row is a header unless it holds a number in a column that is numeric below it
 * (then it is the first data row of a list or matrix without headers).
 */
function headerRowOf(block: SourceBlock, frame: Frame): number {
  const r = frame.start;
  let hasText = false;
  const years = yearHeaders(block, frame, r);
  for (let c = frame.left; c <= frame.right; c++) {
    const v = cellAt(block, r, c);
    if (typeof v === "string" && !isBlank(v) && !numberText(v)) hasText = true;
    if (typeof v === "number" && !years.has(c) && numericBelow(block, frame, r, c)) return -1;
  }
  return hasText ? r : -1;
}

/**
 * Years written as numbers in a header row (UN DESA's 1990 … 2020, Eurostat's TSV years): the
 * columns of a row whose numbers are all years, increasing left to right, over columns that do
 * not hold years themselves. Such a row is a header, not a first row of data.
 */
function yearHeaders(block: SourceBlock, frame: Frame, r: number): Set<number> {
  const cols = new Set<number>();
  let last = -Infinity;
  for (let c = frame.left; c <= frame.right; c++) {
    const v = cellAt(block, r, c);
    if (typeof v !== "number") continue;
    if (!isYearLike(v) || v <= last || yearsBelow(block, frame, r, c)) return new Set();
    last = v;
    cols.add(c);
  }
  return cols;
}

function yearsBelow(block: SourceBlock, frame: Frame, r: number, c: number): boolean {
  let filled = 0;
  let years = 0;
  for (let i = r + 1; i <= Math.min(frame.bottom, r + 20); i++) {
    const v = cellAt(block, i, c);
    if (isBlank(v)) continue;
    filled++;
    if (isYearLike(v)) years++;
  }
  return filled > 0 && years >= 0.9 * filled;
}

function numericBelow(block: SourceBlock, frame: Frame, r: number, c: number): boolean {
  let filled = 0;
  let numeric = 0;
  for (let i = r + 1; i <= Math.min(frame.bottom, r + 20); i++) {
    const v = cellAt(block, i, c);
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === "number" || (typeof v === "string" && numberText(v))) numeric++;
  }
  return filled > 0 && numeric * 2 > filled;
}

export function* layoutSteps(block: SourceBlock, meter: StepMeter): Steps<Layout> {
  const frame = yield* frameOrThrowSteps(block, meter);
  const headerRow = headerRowOf(block, frame);
  const rows = yield* dataRowsSteps(block, frame, headerRow, meter);
  const profiles = new Map<number, Profile>();
  const headers = new Map<number, CellValue>();
  for (let c = frame.left; c <= frame.right; c++) {
    profiles.set(c, yield* profileSteps(block, rows, c, meter));
    headers.set(c, headerRow >= 0 ? cellAt(block, headerRow, c) : null);
  }
  const matrix = yield* findMatrixSteps(block, frame, meter);
  return { block, frame, headerRow, rows, profiles, headers, matrix, keys: new Map() };
}

/** A square numeric part with labels above and/or to its left. */
export interface MatrixFit {
  /** Labels in the first row (destinations) / first column (origins). */
  readonly row: boolean;
  readonly column: boolean;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly n: number;
  /** Share of row labels also found among column labels (1 for a well-formed matrix). */
  readonly overlap: number;
  /** Row and column labels in the same order. */
  readonly sameOrder: boolean;
}

/** Labels: nearly all filled, nearly all text (a corner cell is never among them). */
function labelsFit(values: readonly CellValue[]): boolean {
  const filled = values.filter((v) => !isBlank(v));
  const text = filled.filter((v) => typeof v === "string" && !numberText(v)).length;
  return values.length > 0 && filled.length >= 0.8 * values.length && text >= 0.8 * filled.length;
}

/**
 * The data cells are numbers: at least `share` of the filled ones (blanks are no flow). A block
 * that is clearly a labelled matrix (the same regions across the top and down the side) needs
 * only a majority, so a few text cells ("n/a", "1,2x") leave it a matrix whose report names them,
 * rather than a country table that makes no sense of it.
 */
function* numbersFitSteps(block: SourceBlock, firstRow: number, firstCol: number, n: number, share: number, meter: StepMeter): Steps<boolean> {
  let filled = 0;
  let numeric = 0;
  for (let r = firstRow; r < firstRow + n; r++) {
    if (meter.add(n)) yield meter.progress;
    for (let c = firstCol; c < firstCol + n; c++) {
      const v = cellAt(block, r, c);
      if (isBlank(v)) continue;
      filled++;
      if (typeof v === "number" || (typeof v === "string" && numberText(v))) numeric++;
    }
  }
  return numeric > 0 && numeric >= share * filled;
}

/** Share of numeric data cells a matrix needs: 0.9, or a majority when its labels agree. */
const NUMBERS_SHARE = 0.9;
const LABELLED_NUMBERS_SHARE = 0.5;

/** Row and column labels name the same regions: the same order, or (nearly) the same set. */
const labelsAgree = (a: { overlap: number; sameOrder: boolean }) => a.sameOrder || a.overlap >= 0.8;

/** Tries labels on both sides, then above only, then left only, then none. */
function* findMatrixSteps(block: SourceBlock, frame: Frame, meter: StepMeter): Steps<MatrixFit | undefined> {
  const options: [boolean, boolean][] = [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ];
  for (const [row, column] of options) {
    const firstRow = frame.start + (row ? 1 : 0);
    const firstCol = frame.left + (column ? 1 : 0);
    const n = frame.bottom - firstRow + 1;
    if (n < 2 || frame.right - firstCol + 1 !== n) continue;
    const rowLabels = column ? range(n, (i) => cellAt(block, firstRow + i, frame.left)) : [];
    const colLabels = row ? range(n, (j) => cellAt(block, frame.start, firstCol + j)) : [];
    if ((row && !labelsFit(colLabels)) || (column && !labelsFit(rowLabels))) continue;
    const agreement = labelAgreement(rowLabels, colLabels);
    const share = row && column && labelsAgree(agreement) ? LABELLED_NUMBERS_SHARE : NUMBERS_SHARE;
    if (!(yield* numbersFitSteps(block, firstRow, firstCol, n, share, meter))) continue;
    return { row, column, firstRow, firstCol, n, ...agreement };
  }
  return undefined;
}

export function range<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

function labelAgreement(rowLabels: readonly CellValue[], colLabels: readonly CellValue[]): { overlap: number; sameOrder: boolean } {
  if (rowLabels.length === 0 || colLabels.length === 0) return { overlap: 0, sameOrder: false };
  const cols = new Set(colLabels.map(labelKey));
  const overlap = rowLabels.filter((v) => cols.has(labelKey(v))).length / rowLabels.length;
  return { overlap, sameOrder: rowLabels.every((v, i) => labelKey(v) === labelKey(colLabels[i])) };
}

/**
 * A column's label keys (labelKey) over the data rows: each distinct key
 * once, and each data row's as an index into them, by the row's position in layout.rows. Worked
 * out once per column, so a 250,000-row list builds no string per cell to compare rows.
 */
interface KeyColumn {
  readonly keys: readonly string[];
  readonly ids: Int32Array;
  /** Index of the key "" (a blank cell), or -1. */
  readonly blank: number;
}

export function* keyColumnSteps(layout: Layout, c: number, meter: StepMeter): Steps<KeyColumn> {
  const cached = layout.keys.get(c);
  if (cached) return cached;
  const key = labelKey;
  const { block, rows } = layout;
  const keys: string[] = [];
  const byKey = new Map<string, number>();
  const byNumber = new Map<number, number>(); // a number's key is always the same: no String() per cell
  const idOf = (k: string) => {
    let id = byKey.get(k);
    if (id === undefined) {
      id = keys.length;
      keys.push(k);
      byKey.set(k, id);
    }
    return id;
  };
  const ids = new Int32Array(rows.length);
  for (let p = 0; p < rows.length; p++) {
    if (meter.add(1)) yield meter.progress;
    const v = block.values[rows[p]]?.[c];
    if (typeof v === "number") {
      let id = byNumber.get(v);
      if (id === undefined) byNumber.set(v, (id = idOf(key(v))));
      ids[p] = id;
    } else ids[p] = idOf(key(v));
  }
  const column = { keys, ids, blank: byKey.get("") ?? -1 };
  layout.keys.set(c, column);
  return column;
}

/**
 * Each data row's key over several columns (by position in layout.rows): equal exactly when the
 * keys joined with U+0001 are. A number when the keys allow (none holds U+0001, and every
 * combination fits in a double), else that joined text.
 */
export interface RowKeys {
  readonly columns: readonly KeyColumn[];
  readonly of: (p: number) => string | number;
}

export function* rowKeysSteps(layout: Layout, cols: readonly number[], meter: StepMeter): Steps<RowKeys> {
  const columns: KeyColumn[] = [];
  for (const c of cols) columns.push(yield* keyColumnSteps(layout, c, meter));
  let span = 1;
  for (const k of columns) span *= Math.max(1, k.keys.length);
  const plain = columns.every((k) => k.keys.every((s) => !s.includes("\u0001")));
  if (plain && span <= Number.MAX_SAFE_INTEGER) {
    return {
      columns,
      of: (p) => {
        let key = 0;
        for (let i = columns.length - 1; i >= 0; i--) key = key * columns[i].keys.length + columns[i].ids[p];
        return key;
      },
    };
  }
  return { columns, of: (p) => columns.map((k) => k.keys[k.ids[p]]).join("\u0001") };
}

export const pairIndexSteps = (layout: Layout, cols: readonly number[], meter: StepMeter) => rowKeysSteps(layout, cols, meter);
