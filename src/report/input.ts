import { cellKind } from "../cells/kind";
import { MeasureError } from "../indicators/types";
import { quoteText } from "../indicators/quote";
import { cell, onSheet, range } from "./address";
import { CellValue, Role } from "./types";

/**
 * What the planner needs to know of the user's data: the values and, for each, the cell it is
 * in on the source sheet, so native formulas can reference it and stay live. Positions are
 * 0-based sheet rows and columns.
 */

/** A column of the source sheet: where it is and its data cells, top to bottom. */
export interface SourceColumn {
  readonly col: number;
  readonly values: readonly CellValue[];
  /**
   * What each number is multiplied by to be in the role's unit, when the header states another
   * (./units: 1,000 for a count "in thousands", 0.01 for a rate in per cent); absent: 1.
   */
  readonly factor?: number;
}

/** A country/region table: one data row per entry (a region, or a region in a year/group). */
export interface TableInput {
  readonly shape: "table";
  readonly sheet: string;
  /** Sheet row of each data row (blank rows inside the table are not data rows). */
  readonly rowsAt: readonly number[];
  readonly rows: number;
  /** Columns by role: labels (region, code, year, group) and numbers (the rest). */
  readonly columns: Partial<Record<Role, SourceColumn>>;
  /** Sentences for the Definitions sheet on how the cells were read (units applied). */
  readonly notes?: readonly string[];
}

/** A square origin × destination matrix: rows are origins. */
export interface MatrixInput {
  readonly shape: "matrix";
  readonly sheet: string;
  readonly labels: readonly (string | number)[];
  /** Cells of the numeric part as they are (blank = no flow; text is a problem). */
  readonly cells: readonly (readonly CellValue[])[];
  /** Sheet position of the numeric part's top-left cell (with `placed`, the first region's). */
  readonly top: number;
  readonly left: number;
  /**
   * Where each region's numbers are when they are not one block in place (columns in another
   * order than the rows, or a total or a label found on one side only between them): the sheet
   * row of each region's row and the sheet column of the column with its label. The report then
   * reads them through a copy in the rows' order whose cells reference these (./matrix-copy).
   */
  readonly placed?: { readonly rows: readonly number[]; readonly columns: readonly number[] };
  /** Sentences for the Definitions sheet on how the cells were read (totals left out). */
  readonly notes?: readonly string[];
}

/** The sheet address of the matrix's cell for region i (row) and region j (column). */
export function matrixCellAt(input: MatrixInput, i: number, j: number): string {
  return input.placed ? cell(input.placed.rows[i], input.placed.columns[j]) : cell(input.top + i, input.left + j);
}

/** A long list of flows: one row per origin–destination pair (and year). */
export interface LongInput {
  readonly shape: "long";
  readonly sheet: string;
  /** Sheet row of each listed flow. */
  readonly rowsAt: readonly number[];
  readonly rows: number;
  readonly origin: SourceColumn;
  readonly destination: SourceColumn;
  readonly flow: SourceColumn;
  readonly year?: SourceColumn;
  /**
   * Values kept in the list's dimension columns (sex T, one indicator): only the rows holding
   * them are listed, and the native formulas test the same (TRIM(cell&"")="T"). `col`: sheet column.
   */
  readonly filters?: readonly { readonly col: number; readonly value: string }[];
  /** Sentences for the Definitions sheet on how the cells were read (a unit in the flow's header). */
  readonly notes?: readonly string[];
}

/**
 * Whole columns of an input's rows on its sheet, from the first of its rows to the last: the
 * rows in between that are not the input's (totals, blank rows) are inside the range, and the
 * formulas over it must match none of them. (A loop, not Math.min(...rows): spreading 150,000
 * arguments overflows the call stack.)
 */
export function rowSpan(input: { readonly sheet: string; readonly rowsAt: readonly number[] }): { from: number; to: number; column: (col: number) => string } {
  let from = Infinity;
  let to = -Infinity;
  for (const r of input.rowsAt) {
    if (r < from) from = r;
    if (r > to) to = r;
  }
  return { from, to, column: (col) => onSheet(input.sheet, range(from, col, to, col, true)) };
}

export type ReportInput = TableInput | MatrixInput | LongInput;

/**
 * A data cell as a number for the engine (cells/kind.ts): blank is missing (#N/A); text of any
 * kind (spaces, numbers stored as text, "..") and TRUE/FALSE are not numbers (#VALUE!); NaN and
 * ±Infinity pass on to the measure, whose domain check makes them #NUM!.
 */
export function numberIn(v: CellValue): number | MeasureError {
  switch (cellKind(v)) {
    case "number":
    case "notFinite":
      return v as number;
    case "blank":
      return new MeasureError("missing", "blank");
    case "boolean":
      return new MeasureError("invalid", "TRUE/FALSE");
    default:
      return new MeasureError("invalid", `text ${quoteText(v as string)}`);
  }
}
