import { cellKind } from "../cells/kind";
import { cell, onSheet, reportSheet } from "./address";
import { value } from "./cells";
import { textCell } from "./layout";
import { PIVOT } from "./measures";
import type { MatrixInput } from "./input";
import type { MatrixLocation } from "./matrix-sheet";
import type { PlannedCell, PlannedSheet } from "./types";

/** The copy's sheet: the same name as a pivoted list's, since it plays the same part. */
export const MATRIX_COPY_SHEET = "Flow Matrix";

export interface MatrixCopy {
  readonly sheet: PlannedSheet;
  readonly location: MatrixLocation;
  readonly notes: string[];
}

/**
 * A matrix whose regions are not one block on the source sheet (columns in another order than
 * the rows, a total or a one-sided label between them), copied in the rows' order: each cell is
 * a plain reference to its source cell (='Data'!D7), so the measures' formulas read a square
 * block and still follow any change to the source. A reference to a blank cell is 0 in Excel
 * and LibreOffice, as the engine reads a blank flow; any other value is what the cell holds.
 */
export function planMatrixCopy(input: MatrixInput & Required<Pick<MatrixInput, "placed">>): MatrixCopy {
  const { rows, columns } = input.placed;
  const n = input.labels.length;
  const TOP = 2; // header row of the copy on its sheet
  const copied = input.cells.map((line, i) => [
    value(input.labels[i], "text"),
    ...line.map((v, j): PlannedCell => {
      const ref = onSheet(input.sheet, cell(rows[i], columns[j]));
      const shown = cellKind(v) === "blank" ? 0 : typeof v === "number" && !Number.isFinite(v) ? { error: "#NUM!" as const } : v;
      return { value: shown, native: ref, addin: ref, format: PIVOT.format };
    }),
  ]);
  const widths = [Math.max(14, ...input.labels.map((l) => String(l).length + 2)), ...input.labels.map((l) => Math.max(10, String(l).length + 2))];
  const sheet: PlannedSheet = {
    name: MATRIX_COPY_SHEET,
    cells: [textCell(0, 0, `Flows from each origin (row) to each destination (column), from '${input.sheet}' with its columns matched to its rows by label`, "title", widths, n + 1)],
    tables: [{ name: MATRIX_COPY_SHEET.replace(/[^A-Za-z0-9]/g, ""), top: TOP, left: 0, header: ["Origin \\ destination", ...input.labels.map(String)], rows: copied }],
    charts: [],
    widths,
    freezeRows: TOP + 1,
  };
  return {
    sheet,
    location: { prefix: reportSheet(MATRIX_COPY_SHEET, ""), top: TOP + 1, left: 1 },
    notes: [
      `The ${MATRIX_COPY_SHEET} sheet holds the matrix's ${n} regions in the order of its rows, each column beside the row of the same label; each cell references its cell on '${input.sheet}', so the report follows changes there. The summary's formulas read this copy.`,
    ],
  };
}
