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
import { quoteText } from "../indicators/quote";
import { cell, onSheet, range, reportSheet } from "./address";
import { computed, value } from "./cells";
import { labelKey } from "./labels";
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

/** A range the report cannot use: the message names the labels or the cells (the command line adds its option). */
export class RegionDataError extends Error {
  constructor(
    readonly input: "distances" | "populations",
    message: string,
  ) {
    super(message);
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

const isText = (v: CellValue | undefined): v is string => typeof v === "string" && v.trim() !== "";
const isLabel = (v: CellValue | undefined): v is Label => isText(v) || (typeof v === "number" && Number.isFinite(v));

/** The cell's address on its sheet, e.g. C5 (messages name the sheet once: `rangeOn`). */
function addressOf(block: SourceBlock, row: number, col: number): string {
  return cell(block.top + row, block.left + col);
}

/** "the distances range on sheet 'Km'", as a message begins. */
function rangeOn(input: "distances" | "populations", block: SourceBlock): string {
  return `the ${input} range on sheet ${quoteText(block.sheet, "'")}`;
}

/** At most `max` items named: the whole message stays short enough to be shown (the pane shows up to 600 characters). */
function listed(items: readonly string[], max = 5): string {
  return `${items.slice(0, max).join(", ")}${items.length > max ? ` and ${items.length - max} more` : ""}`;
}

/** What a cell holds, for a message: "blank", "text 'abc'", "-3". */
function shown(v: CellValue): string {
  if (v === null || v === "") return "blank";
  if (typeof v === "string") return `text ${quoteText(v)}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A non-negative finite number, or undefined for anything else (the caller names the cell). */
function amount(v: CellValue): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * Labels of one side (the range's first row or column) paired with the matrix's regions: for
 * each region the position holding it. Refuses naming what does not pair up.
 */
function pairLabels(input: "distances" | "populations", block: SourceBlock, side: string, found: readonly { label: Label; address: string }[], labels: readonly Label[]): number[] {
  const byKey = new Map<string, number>();
  const repeated: string[] = [];
  found.forEach((f, k) => {
    const key = labelKey(f.label);
    if (byKey.has(key)) repeated.push(`${quoteText(f.label, "'")} (${found[byKey.get(key)!].address} and ${f.address})`);
    else byKey.set(key, k);
  });
  if (repeated.length > 0) throw new RegionDataError(input, `${rangeOn(input, block)} lists a region twice in its ${side}: ${listed(repeated, 3)}. List each region once.`);
  const regions = new Set(labels.map((l) => labelKey(l)));
  const missing = labels.filter((l) => !byKey.has(labelKey(l))).map((l) => quoteText(l, "'"));
  const extra = found.filter((f) => !regions.has(labelKey(f.label))).map((f) => `${quoteText(f.label, "'")} (${f.address})`);
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      ...(missing.length > 0 ? [`regions of the matrix missing from its ${side}: ${listed(missing, 3)}`] : []),
      ...(extra.length > 0 ? [`not regions of the matrix: ${listed(extra, 3)}`] : []),
    ];
    throw new RegionDataError(input, `the labels of ${rangeOn(input, block)} do not pair up with the matrix's regions (compared as Excel compares them): ${parts.join("; ")}. Give a range over the matrix's regions only.`);
  }
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
    if (blankRows.length + blankCols.length > 0) throw new RegionDataError("distances", `${rangeOn("distances", block)} has labels in its first row and column, but these label cells are blank or not labels: ${listed([...blankRows, ...blankCols])}. Label every row and column, or give the numbers only.`);
    rowOf = pairLabels("distances", block, "first column", firstCol.map((l, k) => ({ label: l as Label, address: addressOf(block, k + 1, 0) })), labels).map((k) => k + 1);
    colOf = pairLabels("distances", block, "first row", firstRow.map((l, k) => ({ label: l as Label, address: addressOf(block, 0, k + 1) })), labels).map((k) => k + 1);
  } else {
    if (rows !== n || cols !== n) {
      throw new RegionDataError("distances", `${rangeOn("distances", block)} is ${rows} × ${cols} but the matrix has ${n} regions: give ${n} × ${n} numbers in the matrix's order, or a range with the regions' labels in its first row and column.`);
    }
    rowOf = labels.map((_l, i) => i);
    colOf = rowOf;
  }
  const bad: string[] = [];
  const values = labels.map((_l, i) =>
    labels.map((_m, j) => {
      if (i === j) return 0; // the diagonal is ignored
      const x = v[rowOf[i]][colOf[j]];
      const d = amount(x);
      if (d === undefined) bad.push(`${addressOf(block, rowOf[i], colOf[j])} (${shown(x)})`);
      return d ?? 0;
    }),
  );
  if (bad.length > 0) throw new RegionDataError("distances", `${rangeOn("distances", block)} has cells that are not distances (a number of 0 or more) off the diagonal: ${listed(bad)}. Fix or fill them.`);
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
  if (width > 2) throw new RegionDataError("populations", `${rangeOn("populations", block)} is ${rows} × ${cols}: give one column (or row) of ${n} values in the matrix's order, or two: the regions' labels and their populations.`);
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
      else if (get(k, 1) !== null && get(k, 1) !== "") unlabelled.push(addr(k, 0));
    }
    if (unlabelled.length > 0) throw new RegionDataError("populations", `${rangeOn("populations", block)} has values without a region's label beside them: ${listed(unlabelled)}.`);
    const index = pairLabels("populations", block, across ? "first row" : "first column", found, labels);
    const kOf = new Map(found.map((f, idx) => [f.address, idx]));
    const ks: number[] = [];
    for (let k = first; k < len; k++) if (kOf.has(addr(k, 0))) ks.push(k);
    at = index.map((idx) => ks[idx]);
  } else {
    if (len - first !== n) throw new RegionDataError("populations", `${rangeOn("populations", block)} has ${len - first} values but the matrix has ${n} regions: give one population per region in the matrix's order, or the regions' labels beside them.`);
    at = labels.map((_l, i) => first + i);
  }
  const bad: string[] = [];
  const values = at.map((k) => {
    const x = get(k, valueCol);
    const p = amount(x);
    if (p === undefined) bad.push(`${addr(k, valueCol)} (${shown(x)})`);
    return p ?? 0;
  });
  if (bad.length > 0) throw new RegionDataError("populations", `${rangeOn("populations", block)} has cells that are not populations (a number of 0 or more): ${listed(bad)}. Fix or fill them.`);
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
