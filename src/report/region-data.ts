/**
 * Data about the regions of a matrix that the matrix itself does not hold: the distances between
 * them (an n × n table, for the distance family) and their populations (n values, for the impact
 * family). Each is a range the user points to, matched to the matrix's regions by label when the
 * range has labels (compared as Excel compares them, ./labels), else by position with its size
 * checked. A range that does not pair up, or a cell that is not a usable number, stops the report
 * naming the labels or cells, as the functions' input rules would give an error for it:
 * - distances, off the diagonal: a blank is a missing distance, text or TRUE/FALSE not a number,
 *   a negative or non-finite number not a distance (MIGRATION.MEANDISTANCE's #N/A, #VALUE!,
 *   #NUM!); the diagonal is ignored whatever it holds. A distance of 0 is kept: the mean and
 *   median take it, the distance decay (which takes its logarithm) shows #NUM!.
 * - populations: a blank, text, TRUE/FALSE, a negative or non-finite number is refused; a
 *   population of 0 is kept and the indices dividing by it show #DIV/0!, as the functions do.
 * The report writes its own copy of each, aligned with the matrix, on a Distances or Populations
 * sheet; its formulas read that copy, so a recalculation reads the cells the engine read.
 */
import type { DistanceMatrix } from "../indicators/distance";
import { cell, onSheet, range, reportSheet } from "./address";
import { computed, value } from "./cells";
import { labelKey } from "./labels";
import { regionDataText } from "../messages/region-data";
import type { CellShown, RegionDataCode, RegionDataInput, RegionDataParams, RegionDataProblem } from "./region-data-codes";
import { isBlankCell, isEmptyCell } from "../cells/kind";
import type { CellValue, PlannedCell, PlannedSheet, SourceBlock } from "./types";

/** The ranges the user pointed to. */
export interface RegionDataRequest {
  readonly distances?: SourceBlock;
  readonly populations?: SourceBlock;
  /**
   * The ranges are cells of the workbook the report is written into (the task pane): the
   * report's copies are formulas referencing them, so they follow the user's edits. Otherwise
   * (the command line copies only the matrix's cells into the report) they are values.
   */
  readonly live?: boolean;
}

/** The regions' distances and populations, in the matrix's order. */
export interface RegionData {
  /** d[i][j], the diagonal 0. */
  readonly distances?: DistanceMatrix;
  readonly populations?: readonly number[];
}

export interface AlignedRegionData {
  readonly data: RegionData;
  /** The report's copies: a Distances and a Populations sheet, for those given. */
  readonly sheets: PlannedSheet[];
  /** The copies' numbers as absolute ranges for formulas (report-sheet placeholders). */
  readonly distancesRange?: string;
  readonly populationsRange?: string;
  readonly notes: string[];
}

/** A range the report cannot use: a code and its parameters (src/messages/region-data.ts words them; the message is the English). */
export class RegionDataError<C extends RegionDataCode = RegionDataCode> extends Error {
  constructor(
    readonly input: RegionDataInput,
    readonly code: C,
    readonly params: RegionDataParams[C],
  ) {
    super(regionDataText({ input, code, params } as RegionDataProblem, "en"));
    this.name = "RegionDataError";
  }
}

export const DISTANCES_SHEET = "Distances";
export const POPULATIONS_SHEET = "Populations";
/** Header row of the copies' tables. */
const TABLE_TOP = 2;

type Label = string | number;

/** Aligns the requested ranges with the matrix's region labels and plans the report's copies. */
export function alignRegionData(labels: readonly Label[], request: RegionDataRequest): AlignedRegionData {
  const sheets: PlannedSheet[] = [];
  const notes: string[] = [];
  let distances: number[][] | undefined;
  let populations: number[] | undefined;
  let distancesRange: string | undefined;
  let populationsRange: string | undefined;
  const n = labels.length;
  if (request.distances) {
    const d = readDistances(request.distances, labels);
    distances = d.values;
    sheets.push(distancesSheet(labels, request.distances, d, request.live === true));
    distancesRange = reportSheet(DISTANCES_SHEET, range(TABLE_TOP + 1, 1, TABLE_TOP + n, n, true));
    notes.push(`The ${DISTANCES_SHEET} sheet holds the distances from ${request.distances.provenance}, ${d.byLabel ? "matched to the matrix's regions by label" : "taken in the matrix's order (the range has no labels)"}${request.live ? ", each cell a reference to its source" : ", copied as values when the report was built"}; the distance key figures read it.`);
  }
  if (request.populations) {
    const p = readPopulations(request.populations, labels);
    populations = p.values;
    sheets.push(populationsSheet(labels, request.populations, p, request.live === true));
    populationsRange = reportSheet(POPULATIONS_SHEET, range(TABLE_TOP + 1, 1, TABLE_TOP + n, 1, true));
    notes.push(`The ${POPULATIONS_SHEET} sheet holds the populations from ${request.populations.provenance}, ${p.byLabel ? "matched to the matrix's regions by label" : "taken in the matrix's order (the range has no labels)"}${request.live ? ", each cell a reference to its source" : ", copied as values when the report was built"}; the impact key figures read it.`);
  }
  return { data: { ...(distances ? { distances } : {}), ...(populations ? { populations } : {}) }, sheets, distancesRange, populationsRange, notes };
}

/** Where each aligned value came from: its position in the block. */
interface Read<T> {
  readonly values: T;
  readonly byLabel: boolean;
  /** Block row and column of region i's (and j's) value. */
  readonly at: (i: number, j: number) => { row: number; col: number };
}

/** Text with more than spaces (a label, or a header where a number belongs). */
const isText = (v: CellValue | undefined): v is string => typeof v === "string" && !isEmptyCell(v);
const isLabel = (v: CellValue | undefined): v is Label => isText(v) || (typeof v === "number" && Number.isFinite(v));

/** The cell's address on its sheet, e.g. C5 (messages name the sheet once). */
function addressOf(block: SourceBlock, row: number, col: number): string {
  return cell(block.top + row, block.left + col);
}

/** The first `max` items and how many there are: messages stay short enough to be shown (the pane shows up to 600 characters). */
function firstOf<T>(items: readonly T[], max = 5): { readonly items: readonly T[]; readonly total: number } {
  return { items: items.slice(0, max), total: items.length };
}

/** A cell named in a message: where, and what it holds. */
const shown = (block: SourceBlock, row: number, col: number, value: CellValue): CellShown => ({ address: addressOf(block, row, col), value });

/** A non-negative finite number, or undefined for anything else (the caller names the cell). */
function amount(v: CellValue): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * Labels of one side (the range's first row or column) paired with the matrix's regions: for
 * each region the position holding it. Refuses naming what does not pair up.
 */
function pairLabels(input: RegionDataInput, block: SourceBlock, side: "firstRow" | "firstColumn", found: readonly { label: Label; address: string }[], labels: readonly Label[]): number[] {
  const byKey = new Map<string, number>();
  const repeated: { label: Label; first: string; second: string }[] = [];
  found.forEach((f, k) => {
    const key = labelKey(f.label);
    if (byKey.has(key)) repeated.push({ label: f.label, first: found[byKey.get(key)!].address, second: f.address });
    else byKey.set(key, k);
  });
  if (repeated.length > 0) throw new RegionDataError(input, "repeatedLabel", { sheet: block.sheet, side, repeats: firstOf(repeated, 3) });
  const regions = new Set(labels.map((l) => labelKey(l)));
  const missing = labels.filter((l) => !byKey.has(labelKey(l)));
  const extra = found.filter((f) => !regions.has(labelKey(f.label)));
  if (missing.length > 0 || extra.length > 0) throw new RegionDataError(input, "unpaired", { sheet: block.sheet, side, missing: firstOf(missing, 3), extra: firstOf(extra, 3) });
  return labels.map((l) => byKey.get(labelKey(l))!);
}

/**
 * An n × n table of numbers (by position), or an (n' + 1) × (n' + 1) one with labels in its
 * first row and column (by label; the corner cell is not read).
 */
function readDistances(block: SourceBlock, labels: readonly Label[]): Read<number[][]> {
  const n = labels.length;
  const v = block.values;
  const rows = v.length;
  const cols = v[0]?.length ?? 0;
  const firstRow = v[0]?.slice(1) ?? [];
  const firstCol = v.slice(1).map((r) => r[0]);
  // Labels: the first row and column hold text (a few may be blank: named below), no numbers.
  const labelLine = (line: readonly CellValue[]) => line.every((x) => typeof x !== "number" && typeof x !== "boolean") && line.filter(isText).length * 2 >= line.length;
  const textLabels = rows >= 2 && cols >= 2 && labelLine(firstRow) && labelLine(firstCol);
  const byLabel = textLabels || (rows === n + 1 && cols === n + 1 && firstRow.every(isLabel) && firstCol.every(isLabel));
  let rowOf: number[];
  let colOf: number[];
  if (byLabel) {
    const blankRows = firstCol.flatMap((l, k) => (isLabel(l) ? [] : [addressOf(block, k + 1, 0)]));
    const blankCols = firstRow.flatMap((l, k) => (isLabel(l) ? [] : [addressOf(block, 0, k + 1)]));
    if (blankRows.length + blankCols.length > 0) throw new RegionDataError("distances", "notLabels", { sheet: block.sheet, cells: firstOf([...blankRows, ...blankCols]) });
    rowOf = pairLabels("distances", block, "firstColumn", firstCol.map((l, k) => ({ label: l as Label, address: addressOf(block, k + 1, 0) })), labels).map((k) => k + 1);
    colOf = pairLabels("distances", block, "firstRow", firstRow.map((l, k) => ({ label: l as Label, address: addressOf(block, 0, k + 1) })), labels).map((k) => k + 1);
  } else {
    if (rows !== n || cols !== n) {
      throw new RegionDataError("distances", "distancesSize", { sheet: block.sheet, rows, columns: cols, regions: n });
    }
    rowOf = labels.map((_l, i) => i);
    colOf = rowOf;
  }
  const bad: CellShown[] = [];
  const values = labels.map((_l, i) =>
    labels.map((_m, j) => {
      if (i === j) return 0; // the diagonal is ignored
      const x = v[rowOf[i]][colOf[j]];
      const d = amount(x);
      if (d === undefined) bad.push(shown(block, rowOf[i], colOf[j], x));
      return d ?? 0;
    }),
  );
  if (bad.length > 0) throw new RegionDataError("distances", "notDistances", { sheet: block.sheet, cells: firstOf(bad) });
  return { values, byLabel, at: (i, j) => ({ row: rowOf[i], col: colOf[j] }) };
}

/**
 * A column (or row) of n values by position, or two columns (rows) of labels and values by label;
 * a header cell above the values (text where a number belongs, beside a label that is not a
 * region) is not read.
 */
function readPopulations(block: SourceBlock, labels: readonly Label[]): Read<number[]> {
  const n = labels.length;
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  // Read a row-shaped range as a column: (k, c) of the column view is (c, k) of the block.
  const across = rows <= 2 && cols > 2;
  const len = across ? cols : rows;
  const width = across ? rows : cols;
  const get = (k: number, c: number): CellValue => (across ? block.values[c][k] : block.values[k][c]);
  const pos = (k: number, c: number) => (across ? { row: c, col: k } : { row: k, col: c });
  const addr = (k: number, c: number) => {
    const p = pos(k, c);
    return addressOf(block, p.row, p.col);
  };
  if (width > 2) throw new RegionDataError("populations", "populationsShape", { sheet: block.sheet, rows, columns: cols, regions: n });
  const regions = new Set(labels.map((l) => labelKey(l)));
  const byLabel = width === 2;
  const valueCol = width - 1;
  // A header: text where the first value belongs, beside no region's label (without labels: one
  // more cell than there are regions), so that a bad first value is named, not taken for a header.
  const header = len > 0 && isText(get(0, valueCol)) && (byLabel ? !regions.has(labelKey(get(0, 0))) : len === n + 1);
  const first = header ? 1 : 0;
  let at: number[];
  if (byLabel) {
    const found: { label: Label; address: string }[] = [];
    const unlabelled: string[] = [];
    for (let k = first; k < len; k++) {
      const l = get(k, 0);
      if (isLabel(l)) found.push({ label: l, address: addr(k, 0) });
      else if (!isBlankCell(get(k, 1))) unlabelled.push(addr(k, 0));
    }
    if (unlabelled.length > 0) throw new RegionDataError("populations", "unlabelledValues", { sheet: block.sheet, cells: firstOf(unlabelled) });
    const index = pairLabels("populations", block, across ? "firstRow" : "firstColumn", found, labels);
    const kOf = new Map(found.map((f, idx) => [f.address, idx]));
    const ks: number[] = [];
    for (let k = first; k < len; k++) if (kOf.has(addr(k, 0))) ks.push(k);
    at = index.map((idx) => ks[idx]);
  } else {
    if (len - first !== n) throw new RegionDataError("populations", "populationsCount", { sheet: block.sheet, values: len - first, regions: n });
    at = labels.map((_l, i) => first + i);
  }
  const bad: CellShown[] = [];
  const values = at.map((k) => {
    const x = get(k, valueCol);
    const p = amount(x);
    if (p === undefined) bad.push({ address: addr(k, valueCol), value: x });
    return p ?? 0;
  });
  if (bad.length > 0) throw new RegionDataError("populations", "notPopulations", { sheet: block.sheet, cells: firstOf(bad) });
  return { values, byLabel, at: (i) => pos(at[i], valueCol) };
}

/** A copied number: a reference to its source cell when live, else the value. */
function copy(block: SourceBlock, x: number, at: { row: number; col: number }, live: boolean, format: "decimal" | "count"): PlannedCell {
  if (!live) return value(x, format);
  const ref = onSheet(block.sheet, cell(block.top + at.row, block.left + at.col));
  return computed(x, ref, ref, format);
}

function distancesSheet(labels: readonly Label[], block: SourceBlock, d: Read<number[][]>, live: boolean): PlannedSheet {
  const rows: PlannedCell[][] = labels.map((l, i) => [value(l, "text"), ...labels.map((_m, j) => (i === j ? value(null) : copy(block, d.values[i][j], d.at(i, j), live, "decimal")))]);
  return {
    name: DISTANCES_SHEET,
    cells: [
      { row: 0, col: 0, cell: value(`Distances from each region (row) to each region (column), in the unit of the source; from ${block.provenance}. The diagonal is not used.`) },
    ],
    tables: [{ name: "Distances", top: TABLE_TOP, left: 0, header: ["Origin \\ destination", ...labels.map(String)], rows }],
    charts: [],
    widths: [Math.max(14, ...labels.map((l) => String(l).length + 2)), ...labels.map((l) => Math.max(10, String(l).length + 2))],
    freezeRows: TABLE_TOP + 1,
  };
}

function populationsSheet(labels: readonly Label[], block: SourceBlock, p: Read<number[]>, live: boolean): PlannedSheet {
  const rows: PlannedCell[][] = labels.map((l, i) => [value(l, "text"), copy(block, p.values[i], p.at(i, 0), live, "count")]);
  return {
    name: POPULATIONS_SHEET,
    cells: [{ row: 0, col: 0, cell: value(`Population of each region (persons); from ${block.provenance}.`) }],
    tables: [{ name: "Populations", top: TABLE_TOP, left: 0, header: ["Region", "Population"], rows }],
    charts: [],
    widths: [Math.max(14, ...labels.map((l) => String(l).length + 2)), 14],
    freezeRows: TABLE_TOP + 1,
  };
}
