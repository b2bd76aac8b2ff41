import { isBlankCell } from "../cells/kind";
import { periodsIn } from "../cells/period";
import { count } from "../indicators/guards";
import { Label } from "../indicators/longformat";
import { quoteText } from "../indicators/quote";
import { MeasureError } from "../indicators/types";
import { cell, reportSheet } from "./address";
import { computed, errorOf, value } from "./cells";
import { LongInput, numberIn, rowSpan } from "./input";
import { excelTrim, LabelBook, labelKey } from "./labels";
import { textCell } from "./layout";
import { PIVOT, PivotRefs } from "./measures";
import { MatrixLocation } from "./matrix-sheet";
import { PlannedCell, PlannedSheet } from "./types";

/** Above this many (list rows × matrix cells), native SUMPRODUCT formulas would make recalculation slow: the pivot is written as values. */
export const LIVE_PIVOT_LIMIT = 4_000_000;

export interface PivotResult {
  readonly sheet: PlannedSheet;
  readonly labels: Label[];
  /** The pivoted flows; null when a pair's flow is missing or bad (the report cannot go on). */
  readonly matrix: number[][];
  readonly location: MatrixLocation;
  readonly notes: string[];
  /** The period pivoted (its key), when the list holds several. */
  readonly year?: string;
}

export interface PivotOptions {
  /**
   * The period to pivot, by its key (cells/period.ts: the cell's trimmed text, "2010");
   * default: the latest when the list holds several (the others would be added up).
   */
  readonly year?: string;
  /** The sheet's name (default "Flow Matrix") and what its cells hold, for its title. */
  readonly sheetName?: string;
  readonly what?: string;
  /** Region order to use (e.g. the same for two years); regions missing from the list are 0. */
  readonly labels?: readonly Label[];
}

/**
 * The Flow Matrix sheet: a long origin–destination–flow list pivoted into a square matrix
 * (MIGRATION.MATRIX), each cell a live formula summing the list's rows for its pair. With a
 * year column holding several years, one year is used.
 */
export function planPivot(input: LongInput, options: PivotOptions = {}): PivotResult {
  // Rows are grouped by period key, as the native formula's TRIM(year&"")="key" groups them.
  const time = input.year ? periodsIn(input.year.values) : undefined;
  const periods = time?.periods ?? [];
  const latest = options.year !== undefined ? options.year : periods.length > 1 ? periods[periods.length - 1].key : undefined;
  const inPeriod = latest !== undefined ? new Set(time?.rows.get(latest) ?? []) : undefined;
  const keep = (r: number) => inPeriod === undefined || inPeriod.has(r);
  const sheetName = options.sheetName ?? "Flow Matrix";

  const origins: Label[] = [];
  const destinations: Label[] = [];
  const flows: (number | MeasureError)[] = [];
  const problems: string[] = [];
  const book = new LabelBook();
  for (let r = 0; r < input.rows; r++) {
    if (!keep(r)) continue;
    const o = input.origin.values[r];
    const d = input.destination.values[r];
    const f = input.flow.values[r];
    if (isBlankCell(o) && isBlankCell(d) && isBlankCell(f)) continue;
    if (typeof o !== "string" && typeof o !== "number") problems.push(`origin in ${cell(input.rowsAt[r], input.origin.col)} is blank`);
    if (typeof d !== "string" && typeof d !== "number") problems.push(`destination in ${cell(input.rowsAt[r], input.destination.col)} is blank`);
    origins.push(book.of(o as Label));
    destinations.push(book.of(d as Label));
    const x = numberIn(f);
    flows.push(x instanceof MeasureError ? x : checkedCount(x));
  }
  if (problems.length > 0) throw new Error(`the list has rows without an origin or destination: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` and ${problems.length - 5} more` : ""}`);
  const pivot = options.labels ? aligned(PIVOT.compute(origins, destinations, flows), options.labels) : PIVOT.compute(origins, destinations, flows);
  const n = pivot.labels.length;

  const live = input.rows * n * n <= LIVE_PIVOT_LIMIT;
  const TOP = 2; // header row of the matrix on the sheet
  // Whole columns of the list, first to last listed row; rows between that are not flows match no pair.
  const col = rowSpan(input).column;
  const O = col(input.origin.col);
  const D = col(input.destination.col);
  const F = col(input.flow.col);
  const Y = latest !== undefined && input.year ? `*(TRIM(${col(input.year.col)}&"")="${latest.replace(/"/g, '""')}")` : "";
  // rows of other values in a dimension column (sex M and F beside T) are not read: the formulas skip them too
  const K = (input.filters ?? []).map((f) => `*(TRIM(${col(f.col)}&"")="${excelTrim(f.value).replace(/"/g, '""')}")`).join("");

  // The cells compare against the row labels in column A, which are written exactly (the
  // header cells may be renamed to be unique).
  const label = (i: number) => `($A$${TOP + 2 + i}&"")`;
  const rows: PlannedCell[][] = pivot.matrix.map((line, i) => [
    value(pivot.labels[i], "text"),
    ...line.map((v, j) => {
      const at: PivotRefs = { origins: O, destinations: D, flows: F, origin: label(i), destination: label(j), selection: `${Y}${K}` };
      return computed(v instanceof MeasureError ? errorOf(v) : v, live ? PIVOT.native(at) : undefined, live ? PIVOT.addin(at) : undefined, PIVOT.format);
    }),
  ]);
  const bad = pivot.matrix.flatMap((line, i) => line.map((v, j) => (v instanceof MeasureError ? `${quoteText(pivot.labels[i], "")} → ${quoteText(pivot.labels[j], "")}` : "")).filter(Boolean));
  if (bad.length > 0) throw new Error(`some flows are blank, text or negative, so the matrix cannot be summarised: ${bad.slice(0, 5).join("; ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}`);

  const notes = [
    `The ${sheetName} sheet pivots the long list (${input.rows} rows) into a ${n} × ${n} matrix${live ? ": each cell sums the list's rows for its pair, live" : ": written as values, since live formulas over a list this long would make recalculation slow"}. Rows for the same pair are added up; pairs not listed are 0.`,
  ];
  const widths = [Math.max(14, ...pivot.labels.map((l) => String(l).length + 2)), ...pivot.labels.map((l) => Math.max(10, String(l).length + 2))];
  const sheet: PlannedSheet = {
    name: sheetName,
    cells: [textCell(0, 0, `${options.what ?? "Flows from each origin (row) to each destination (column)"}${latest !== undefined ? `, ${String(latest)}` : ""}`, "title", widths, n + 1)],
    tables: [{ name: sheetName.replace(/[^A-Za-z0-9]/g, ""), top: TOP, left: 0, header: ["Origin \\ destination", ...pivot.labels.map(String)], rows }],
    charts: [],
    widths,
    freezeRows: TOP + 1,
  };
  return {
    sheet,
    labels: pivot.labels,
    matrix: pivot.matrix as number[][],
    location: { prefix: reportSheet(sheetName, ""), top: TOP + 1, left: 1 },
    notes,
    year: latest,
  };
}

function checkedCount(x: number): number | MeasureError {
  try {
    return count(x, "flow");
  } catch (e) {
    return e as MeasureError;
  }
}

/** A pivot laid out over a given region order (regions it lacks get zero rows and columns). */
function aligned(p: { labels: Label[]; matrix: (number | MeasureError)[][] }, labels: readonly Label[]): { labels: Label[]; matrix: (number | MeasureError)[][] } {
  const at = new Map(p.labels.map((l, i) => [labelKey(l), i]));
  const idx = labels.map((l) => at.get(labelKey(l)));
  return { labels: [...labels], matrix: idx.map((i) => idx.map((j) => (i === undefined || j === undefined ? 0 : p.matrix[i][j]))) };
}
